// A report scenario: the workloads to judge and the hardware to judge them on. It is what `qfit report` evaluates
// by default (DEFAULT_SCENARIO) and what a user's `scenario.yaml` holds. Parsing keeps YAML positions so every
// error names file:line:col of the offending field, not just its path.
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { type SourcePosition, userError } from "../errors.js";
import { rangesSchema, uncertaintySettingsFields } from "../estimate/uncertainty.js";
import type { Range } from "../stats/distribution.js";
import { getWorkload, workloads } from "../workloads/registry.js";
import { rangedInputNames } from "../workloads/uncertainty.js";
import type { WorkloadDefinition } from "../workloads/workload.js";
import { fieldPath, MAX_YAML_ALIASES, positionOf, yamlData } from "../yaml-input.js";

/**
 * One workload of a scenario: `kind` picks the registered workload, the other fields are its input fields (the
 * same names as the CLI's flags in camelCase and the API's body), plus an optional `label` for the report table.
 * Discriminated on `kind`, generated from the registry.
 */
export function workloadSpecSchemaFor(defs: readonly WorkloadDefinition[]) {
  const members = defs.map((d) =>
    d.input.extend({
      kind: z.literal(d.kind),
      /** A label for the report table; defaults to the workload's name. */
      label: z.string().min(1).max(200).optional(),
      /** This workload's range overrides (names as `--range`; they win over the scenario's `ranges`). */
      ranges: rangesSchema.optional(),
    }),
  );
  return z.discriminatedUnion("kind", members as unknown as [z.ZodObject, ...z.ZodObject[]]);
}

/** Field names any registered workload has: the keys a scenario's `hardware` defaults may set. */
export function inputFieldNames(defs: readonly WorkloadDefinition[]): Set<string> {
  return new Set(defs.flatMap((d) => Object.keys(d.input.shape)));
}

export function scenarioSchemaFor(defs: readonly WorkloadDefinition[]) {
  const known = inputFieldNames(defs);
  return z.strictObject({
    title: z.string().min(1).default("qfit report"),
    /** Reference year for "available today" and the year of advantage (default: the current year). */
    t0: z.number().int().min(2000).max(2100).optional(),
    /**
     * Train small classical and quantum models here, fit their measured costs and project them to Llama scale
     * (qml/extrapolate.ts). Default: on when a workload asks for it (LLM training).
     */
    extrapolation: z.boolean().optional(),
    /** Defaults for every workload that has the field (e.g. gpu, gpuCount, qpu); a workload's own value wins. */
    hardware: z
      .record(z.string(), z.unknown())
      .superRefine((h, ctx) => {
        for (const k of Object.keys(h))
          if (!known.has(k))
            ctx.addIssue({
              code: "custom",
              path: [k],
              message: `no workload has this field (known: ${[...known].sort().join(", ")})`,
            });
      })
      .default({}),
    workloads: z
      .array(z.looseObject({ kind: z.string() }))
      .min(1)
      .max(100),
    /** Uncertainty settings (the CLI's --samples, --seed, --no-uncertainty, --range; the same defaults). `ranges`
     *  here apply to every workload that has the named input. */
    ...uncertaintySettingsFields(),
  });
}

export const workloadSpecSchema = workloadSpecSchemaFor(workloads);

export interface WorkloadSpec {
  kind: string;
  label?: string;
  ranges?: Record<string, Range>;
  [field: string]: unknown;
}

export interface Scenario {
  title: string;
  t0?: number;
  extrapolation?: boolean;
  hardware: Record<string, unknown>;
  workloads: WorkloadSpec[];
  samples?: number;
  seed?: number;
  uncertainty?: boolean;
  ranges?: Record<string, Range>;
}

export type HardwareSettings = Scenario["hardware"];

/**
 * The built-in scenario: LLM training at three sizes on a 16,000-H100 cluster (the popular claim's size) vs IBM Heron r2, then the
 * problems quantum computers are built for, each registered workload at its default (headline) size.
 */
export const DEFAULT_SCENARIO: Scenario = {
  title: "qfit report: which hardware fits",
  hardware: { gpu: "h100", gpuCount: 16_000, qpu: "ibm-heron-r2" },
  workloads: [
    { kind: "llm-training", preset: "llama-3.1-8b" },
    { kind: "llm-training", preset: "llama-3.1-70b" },
    ...workloads.map((d) => ({ kind: d.kind })),
    // The other hybrid pipelines, so the ranking of where quantum fits covers them all.
    { kind: "hybrid", preset: "qaoa" },
    { kind: "hybrid", preset: "quantum-kernel" },
    { kind: "hybrid", preset: "sqd-fugaku" },
    { kind: "hybrid", preset: "sqd-fugaku-4fe4s" },
    { kind: "hybrid", preset: "llm-quantum-layer" },
    { kind: "hybrid", preset: "peaked-circuit-ibm" },
  ],
};

/** A workload spec with the scenario's hardware defaults filled in for the fields its workload has. */
export function withHardware(
  spec: WorkloadSpec,
  hardware: HardwareSettings,
  defs: readonly WorkloadDefinition[] = workloads,
): WorkloadSpec {
  const def = defs.find((d) => d.kind === spec.kind);
  if (!def) return spec;
  const own = Object.keys(def.input.shape);
  const defaults = Object.fromEntries(Object.entries(hardware).filter(([k]) => own.includes(k)));
  return { ...defaults, ...spec };
}

/** Scenario files larger than this are refused before parsing (a scenario is a few dozen lines). */
export const MAX_SCENARIO_BYTES = 1 << 20;
/** Flow collections (`[...]`, `{...}`) nested deeper than this are refused before parsing; a scenario needs 3. */
export const MAX_SCENARIO_NESTING = 64;
/** Alias expansions allowed when building the data (yaml's guard against "billion laughs"). */
export const MAX_SCENARIO_ALIASES = MAX_YAML_ALIASES;

/**
 * The deepest flow-collection nesting and where it passes the limit, found by one linear scan (quoted text and
 * comments skipped), so a file of a million '[' is refused at once instead of overflowing the YAML parser's stack.
 */
function nestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
      else if (c === "\n" && quote !== '"' && quote !== "'") quote = "";
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) quote = "\n";
    else if (c === "[" || c === "{") {
      if (++depth > limit) return i;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return undefined;
}

/**
 * Parses and validates a YAML (or JSON) scenario. Errors carry the file, line and column of the field at fault
 * (or of the nearest enclosing node when the field is missing).
 */
export function parseScenario(text: string, file = "scenario.yaml"): Scenario {
  if (text.length > MAX_SCENARIO_BYTES) {
    throw userError(
      "Report.Scenario.TooLarge",
      `scenario file is ${text.length} bytes; the limit is ${MAX_SCENARIO_BYTES}`,
      {
        field: file,
      },
    );
  }
  const lineCounter = new LineCounter();
  const deep = nestingBeyond(text, MAX_SCENARIO_NESTING);
  if (deep !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf("\n"); i >= 0 && i < deep; i = text.indexOf("\n", i + 1))
      lineCounter.addNewLine(i + 1);
  }
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  if (deep !== undefined) {
    throw userError(
      "Report.Scenario.TooDeep",
      `YAML collections nested more than ${MAX_SCENARIO_NESTING} deep`,
      { position: at(deep), hint: "a scenario needs only a few levels: a list of workloads, each a map" },
    );
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw userError("Report.Scenario.Syntax", `YAML: ${e.message.split("\n")[0]}`, {
      position: at(e.pos[0]),
    });
  }
  const data = yamlData(doc, lineCounter, file, "Report.Scenario");
  const top = scenarioSchemaFor(workloads).safeParse(data);
  const positionAt = (path: readonly PropertyKey[]) => positionOf(doc, lineCounter, file, path);
  if (!top.success) throw scenarioError(positionAt, top.error.issues[0]);
  const scenario = top.data as Scenario;
  // Range names are checked against what each workload can range (its own inputs and the time trends).
  const rangeable = new Set<string>();
  scenario.workloads.forEach((w, i) => {
    const r = workloadSpecSchema.safeParse(withHardware(w, scenario.hardware));
    if (!r.success) {
      const issue = r.error.issues[0];
      throw scenarioError(positionAt, { ...issue, path: ["workloads", i, ...issue.path] });
    }
    const { kind, label: _l, ranges, ...input } = r.data as WorkloadSpec;
    const def = getWorkload(kind);
    const names = rangedInputNames(def, input, { t0: scenario.t0 });
    for (const n of names) rangeable.add(n);
    for (const n of Object.keys(ranges ?? {}))
      if (!names.includes(n))
        throw scenarioError(positionAt, {
          path: ["workloads", i, "ranges", n],
          message: `${kind} has no ranged input "${n}" (ranged inputs: ${names.join(", ")})`,
        });
  });
  for (const n of Object.keys(scenario.ranges ?? {}))
    if (!rangeable.has(n))
      throw scenarioError(positionAt, {
        path: ["ranges", n],
        message: `no workload of this scenario has a ranged input "${n}" (ranged inputs: ${[...rangeable].sort().join(", ")})`,
      });
  return scenario;
}

function scenarioError(
  positionAt: (path: readonly PropertyKey[]) => SourcePosition,
  issue: { path: PropertyKey[]; message: string },
) {
  const field = fieldPath(issue.path);
  return userError("Report.Scenario.Invalid", `${field || "scenario"}: ${issue.message}`, {
    position: positionAt(issue.path),
    field,
    hint: "the schema: docs/report.md, 'Scenario files' (in the package and the repository)",
  });
}
