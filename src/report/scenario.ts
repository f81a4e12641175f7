// A report scenario: the workloads to judge and the hardware to judge them on. It is what `qfit report` evaluates
// by default (DEFAULT_SCENARIO) and what a user's `scenario.yaml` holds. Parsing keeps YAML positions so every
// error names file:line:col of the offending field, not just its path.
import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit } from "yaml";
import { z } from "zod";
import { userError } from "../errors.js";
import { workloads } from "../workloads/registry.js";
import type { WorkloadDefinition } from "../workloads/workload.js";

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
  });
}

export const workloadSpecSchema = workloadSpecSchemaFor(workloads);

export interface WorkloadSpec {
  kind: string;
  label?: string;
  [field: string]: unknown;
}

export interface Scenario {
  title: string;
  t0?: number;
  extrapolation?: boolean;
  hardware: Record<string, unknown>;
  workloads: WorkloadSpec[];
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
export const MAX_SCENARIO_ALIASES = 100;

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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_SCENARIO_ALIASES });
  } catch (e) {
    // yaml throws a ReferenceError when aliases would expand past the count: report it as the input's fault.
    let firstAlias = 0;
    visit(doc, {
      Alias(_, node) {
        if (isAlias(node) && node.range) firstAlias = node.range[0];
        return visit.BREAK;
      },
    });
    throw userError(
      "Report.Scenario.TooManyAliases",
      `YAML aliases expand past the limit of ${MAX_SCENARIO_ALIASES} (${(e as Error).message})`,
      { position: at(firstAlias), hint: "write the repeated values out, or use fewer anchors and aliases" },
    );
  }
  const top = scenarioSchemaFor(workloads).safeParse(data);
  if (!top.success) throw scenarioError(doc, at, top.error.issues[0]);
  const scenario = top.data as Scenario;
  scenario.workloads.forEach((w, i) => {
    const r = workloadSpecSchema.safeParse(withHardware(w, scenario.hardware));
    if (!r.success) {
      const issue = r.error.issues[0];
      throw scenarioError(doc, at, { ...issue, path: ["workloads", i, ...issue.path] });
    }
  });
  return scenario;
}

function scenarioError(
  doc: ReturnType<typeof parseDocument>,
  at: (offset: number) => { file: string; line: number; col: number },
  issue: { path: PropertyKey[]; message: string },
) {
  // Walk the YAML tree along the issue's path as far as it goes; that node's start is the position to report.
  let node: unknown = doc.contents;
  let offset = 0;
  for (const key of issue.path) {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) offset = range[0];
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      const keyRange = (pair.key as { range?: [number, number, number] }).range;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
    } else break;
    const r2 = (node as { range?: [number, number, number] } | null)?.range;
    if (r2 && !(isMap(node) || isSeq(node))) offset = r2[0];
  }
  const field = issue.path
    .map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`))
    .join("")
    .replace(/^\./, "");
  return userError("Report.Scenario.Invalid", `${field || "scenario"}: ${issue.message}`, {
    position: at(offset),
    field,
    hint: "the schema: docs/report.md, 'Scenario files' (in the package and the repository)",
  });
}
