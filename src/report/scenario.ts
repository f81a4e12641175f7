// A report scenario: the workloads to judge and the hardware to judge them on. It is what `qfit report` evaluates
// by default (DEFAULT_SCENARIO) and what a user's `scenario.yaml` holds. Parsing keeps YAML positions so every
// error names file:line:col of the offending field, not just its path.
import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit } from "yaml";
import { z } from "zod";
import { userError } from "../errors.js";

const positive = z.number().positive().finite();
const fraction = z.number().gt(0).lt(1);

/** Hardware settings a workload may override; the scenario's top level sets the defaults. */
const hardwareFields = {
  gpu: z.string().min(1).optional(),
  gpus: z.number().int().min(1).max(1e8).optional(),
  mfu: z.number().gt(0).max(1).optional(),
  pue: z.number().min(1).lt(10).optional(),
  precision: z.enum(["bf16", "fp8"]).optional(),
  qpu: z.string().min(1).optional(),
  epsilon: fraction.optional(),
  encoding: z.enum(["amplitude", "basis"]).optional(),
};

const llmTrainingSpec = z.strictObject({
  kind: z.literal("llm-training"),
  /** A label for the report table; defaults to the workload's name. */
  label: z.string().min(1).optional(),
  preset: z.string().min(1).optional(),
  params: positive.max(1e16).optional(),
  tokens: positive.max(1e18).optional(),
  attention: z.boolean().optional(),
  ...hardwareFields,
});

// Quantum-native workloads (estimate/native.ts): each model's own size fields, plus the fault-tolerant side's
// qubit preset and error budget. Field names are the CLI's (`qfit estimate shor --bits 2048`).
const count = z.number().int().positive();
const nativeFields = {
  label: z.string().min(1).optional(),
  /** Azure QRE qubit preset for the fault-tolerant side (default qubit_gate_ns_e3). */
  qubit: z.string().min(1).optional(),
  /** Total error budget (default 1e-3). */
  budget: fraction.optional(),
  /** A run longer than this is infeasible on either side (default 1 year). */
  horizonYears: positive.max(1e6).optional(),
};

const nativeSpecs = [
  z.strictObject({
    kind: z.literal("shor"),
    bits: count.optional(),
    cores: positive.optional(),
    ...nativeFields,
  }),
  z.strictObject({
    kind: z.literal("grover"),
    bits: count.optional(),
    oracleToffolis: positive.optional(),
    gpus: count.optional(),
    ...nativeFields,
  }),
  z.strictObject({
    kind: z.literal("chemistry"),
    preset: z.string().min(1).optional(),
    spinOrbitals: count.optional(),
    electrons: count.optional(),
    gpu: z.string().min(1).optional(),
    gpus: count.optional(),
    ...nativeFields,
  }),
  z.strictObject({
    kind: z.literal("hamiltonian-simulation"),
    sites: count.optional(),
    time: positive.optional(),
    precision: fraction.optional(),
    gpu: z.string().min(1).optional(),
    gpus: count.optional(),
    ...nativeFields,
  }),
  z.strictObject({
    kind: z.literal("qaoa-maxcut"),
    nodes: count.optional(),
    layers: count.optional(),
    qpu: z.string().min(1).optional(),
    precision: fraction.optional(),
    evaluations: count.optional(),
    ...nativeFields,
  }),
  z.strictObject({
    kind: z.literal("annealing-qubo"),
    variables: count.optional(),
    reads: count.optional(),
    annealUs: positive.optional(),
    annealer: z.string().min(1).optional(),
    cores: count.optional(),
    ...nativeFields,
  }),
] as const;

export const workloadSpecSchema = z.discriminatedUnion("kind", [llmTrainingSpec, ...nativeSpecs]);

export const scenarioSchema = z.strictObject({
  title: z.string().min(1).default("qfit report"),
  /** Reference year for "available today" and the year of advantage (default: the current year). */
  t0: z.number().int().min(2000).max(2100).optional(),
  /**
   * Train small classical and quantum models here, fit their measured costs and project them to Llama scale
   * (qml/extrapolate.ts). Default: on when the scenario has an LLM-training workload.
   */
  extrapolation: z.boolean().optional(),
  /** Hardware defaults for every LLM-training workload. */
  hardware: z.strictObject(hardwareFields).default({}),
  workloads: z.array(workloadSpecSchema).min(1).max(100),
});

export type WorkloadSpec = z.infer<typeof workloadSpecSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type HardwareSettings = Scenario["hardware"];

/**
 * The built-in scenario: LLM training at three sizes on the essay's 16,000-H100 cluster vs IBM Heron r2, then the
 * problems quantum computers are built for at their headline sizes (workloads/scenarios.ts).
 */
export const DEFAULT_SCENARIO: Scenario = {
  title: "qfit report: which hardware fits",
  hardware: { gpu: "h100", gpus: 16_000, qpu: "ibm-heron-r2" },
  workloads: [
    { kind: "llm-training", preset: "llama-3.1-8b" },
    { kind: "llm-training", preset: "llama-3.1-70b" },
    { kind: "llm-training", preset: "llama-3.1-405b" },
    { kind: "shor", bits: 2048 },
    { kind: "grover", bits: 40 },
    { kind: "chemistry", preset: "femoco-reiher" },
    { kind: "hamiltonian-simulation", sites: 50 },
    { kind: "qaoa-maxcut", nodes: 100 },
    { kind: "annealing-qubo", variables: 1000 },
  ],
};

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
  const r = scenarioSchema.safeParse(data);
  if (r.success) return r.data;

  const issue = r.error.issues[0];
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
  throw userError("Report.Scenario.Invalid", `${field || "scenario"}: ${issue.message}`, {
    position: at(offset),
    field,
    hint: "see the README's 'Scenario files' section for the schema",
  });
}
