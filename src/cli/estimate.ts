// `qfit estimate <kind>`: one subcommand per registered workload, its options generated from the workload's zod
// input schema (field name → `--kebab-case` flag, description, range and default in the help; quantities such as
// 70B or 1.4T accepted), plus `--t0` and `--json`. `estimate ft` (estimate-ft.ts) adds itself to this command.
import { Command } from "@commander-js/extra-typings";
import { describeFields, type FieldSpec, rangeText } from "../workloads/describe.js";
import { parseWorkloadInput } from "../workloads/input.js";
import { workloads } from "../workloads/registry.js";
import { evaluateWithUncertainty } from "../workloads/sweep.js";
import type { WorkloadDefinition } from "../workloads/workload.js";
import { looksLikeFile, readJson } from "./estimate-ft.js";
import { fitted, type Io } from "./io.js";
import { parseQuantity, parseYear } from "./options.js";
import { addUncertaintyOptions, uncertaintyRequest } from "./uncertainty-options.js";
import { renderVerdictV2 } from "./verdict-text.js";

/** The CLI option of one field: its flag, help line and value parser. */
export interface CliOption {
  field: string;
  flags: string;
  help: string;
  parse?: (text: string) => unknown;
}

function help(f: FieldSpec): string {
  const parts = [f.description];
  const range = rangeText(f);
  if (range) parts.push(`range ${range}`);
  if (f.choices) parts.push(`one of ${f.choices.join(", ")}`);
  if (f.default !== undefined && typeof f.default !== "object") parts.push(`default ${String(f.default)}`);
  return parts.join("; ");
}

/** The options for a workload's fields (exported for the registry test). */
export function cliOptions(def: Pick<WorkloadDefinition, "input">): CliOption[] {
  return describeFields(def).map((f) => {
    switch (f.type) {
      case "boolean":
        return { field: f.name, flags: f.flag, help: help(f) };
      case "number":
      case "integer":
        return {
          field: f.name,
          flags: `${f.flag} <n>`,
          help: help(f),
          parse: (t: string) => parseQuantity(f.flag, t, { integer: f.type === "integer" }),
        };
      case "object":
      case "string-or-object":
        return {
          field: f.name,
          flags: `${f.flag} <${f.type === "object" ? "file" : "name|file"}>`,
          help: help(f),
        };
      default:
        return { field: f.name, flags: `${f.flag} <value>`, help: help(f) };
    }
  });
}

/** Command-line values → the workload's raw input: JSON files read for object fields. */
function rawInput(io: Io, def: WorkloadDefinition, opts: Record<string, unknown>): Record<string, unknown> {
  const specs = new Map(describeFields(def).map((f) => [f.name, f]));
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(opts)) {
    const f = specs.get(name);
    if (!f || value === undefined) continue;
    const text = typeof value === "string" ? value : null;
    if (text !== null && (f.type === "object" || (f.type === "string-or-object" && looksLikeFile(text))))
      raw[name] = readJson(io, text);
    else raw[name] = value;
  }
  return raw;
}

function workloadCommand(io: Io, def: WorkloadDefinition) {
  const presets = Object.keys(def.presets);
  const cmd = new Command(def.kind).description(
    `${def.description}${presets.length ? `\npresets: ${presets.join(", ")}` : ""}`,
  );
  for (const o of cliOptions(def)) {
    if (o.parse) cmd.option(o.flags, o.help, o.parse as (t: string) => string);
    else cmd.option(o.flags, o.help);
  }
  const flagOf = new Map(describeFields(def).map((f) => [f.name, f.flag]));
  return addUncertaintyOptions(cmd)
    .option(
      "--t0 <year>",
      "reference year for 'available today' and the crossover year (default: current year)",
      parseYear("--t0"),
    )
    .option("--json", "machine-readable verdict (schemaVersion 2)")
    .action((all) => {
      const { request, rest: opts } = uncertaintyRequest(all as Record<string, unknown>);
      const { t0, json, ...fields } = opts as Record<string, unknown> & { t0?: number; json?: boolean };
      const input = parseWorkloadInput(
        def,
        rawInput(io, def, fields),
        (path) => flagOf.get(path.split(".")[0]) ?? path,
      );
      const v = evaluateWithUncertainty(def, input, { t0 }, request);
      io.stdout(json ? `${JSON.stringify(v, null, 2)}\n` : fitted(io, renderVerdictV2(v, io.color)));
    });
}

/** The `estimate` parent command with one subcommand per registered workload. */
export function createEstimateCommand(io: Io, defs: readonly WorkloadDefinition[] = workloads) {
  // Subcommands added with addCommand do not inherit the program's settings: without these, a usage error would
  // exit the process itself (code 1) instead of returning to main (code 2).
  const estimate = new Command("estimate")
    .description("estimate a workload on classical hardware and on quantum processors, with a verdict")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const def of defs) estimate.addCommand(workloadCommand(io, def).copyInheritedSettings(estimate));
  return estimate;
}
