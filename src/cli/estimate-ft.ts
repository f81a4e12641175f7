// `qfit estimate ft`: fault-tolerant resource estimate from logical counts (Azure Quantum Resource Estimator
// compatible inputs and output keys). A thin shell over src/estimate/ftqc; files are read only through Io.
import type { Command } from "@commander-js/extra-typings";
import { userError } from "../errors.js";
import { type ClassicalCoprocessing, classicalCoprocessing } from "../estimate/ftqc/decoding.js";
import {
  estimateFaultTolerant,
  estimateFrontier,
  type FtEstimate,
  type FtOptions,
  formatCount,
  formatDurationNs,
  type LogicalCounts,
  QEC_SCHEME_NAMES,
  type QecSchemeInput,
  QUBIT_PRESET_NAMES,
  type QubitParamsInput,
} from "../estimate/ftqc/index.js";
import { fitted, type Io } from "./io.js";

/** Parses JSON from `file`, turning a syntax error into `file:line:col: message`. */
export function readJson(io: Io, file: string): unknown {
  const text = io.readText(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    // Node 20 does not always report where; find the offset of the first syntax error ourselves.
    const offset = jsonErrorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const col = offset - before.lastIndexOf("\n");
    throw userError("Estimate.FT.InvalidJson", `invalid JSON: ${msg.replace(/ in JSON.*$/, "")}`, {
      position: { file, line, col },
      hint: "the file must hold a JSON object",
    });
  }
}

/** Offset of the first JSON syntax error in `text` (a minimal recursive-descent scan; text.length if none). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
  };
  try {
    value();
    ws();
    return i;
  } catch (at) {
    return typeof at === "number" ? Math.min(at, text.length) : 0;
  }
}

function parseBudget(v: string): number {
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || n <= 0 || n >= 1)
    throw userError("Estimate.FT.InvalidErrorBudget", `--budget must be a number in (0, 1), got "${v}"`, {
      field: "--budget",
      hint: "e.g. --budget 1e-3",
    });
  return n;
}

function parsePositive(flag: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n) || n <= 0)
      throw userError("Estimate.FT.InvalidConstraints", `${flag} must be a positive number, got "${v}"`, {
        field: flag,
      });
    return n;
  };
}

export function addEstimateFtCommand(estimate: Command, io: Io): void {
  estimate
    .command("ft")
    .description(
      "Fault-tolerant resource estimate (Azure Quantum Resource Estimator model: PSSPC layout, surface/floquet codes,\n" +
        "15-to-1 T factories) from logical counts: numQubits, tCount, rotationCount, rotationDepth, cczCount,\n" +
        "ccixCount, measurementCount.",
    )
    .requiredOption("--counts <file>", "logical counts JSON (Azure field names); '-' for standard input")
    .option(
      "--qubit <preset|file>",
      `qubit preset (${QUBIT_PRESET_NAMES.join(", ")}) or a qubitParams JSON file`,
    )
    .option("--qec <scheme|file>", `QEC scheme (${QEC_SCHEME_NAMES.join(", ")}) or a qecScheme JSON file`)
    .option("--budget <epsilon>", "total error budget in (0, 1) (default 1e-3)", parseBudget)
    .option(
      "--max-factories <n>",
      "constraint: at most this many T factories",
      parsePositive("--max-factories"),
    )
    .option("--max-duration <ns>", "constraint: maximum runtime in ns", parsePositive("--max-duration"))
    .option("--max-qubits <n>", "constraint: maximum physical qubits", parsePositive("--max-qubits"))
    .option("--depth-factor <x>", "constraint: logical depth factor ≥ 1", parsePositive("--depth-factor"))
    .option("--frontier", "Pareto frontier of physical qubits vs runtime")
    .option("--json", "JSON output (Azure output key names; times in ns)")
    .action((opts) => {
      const raw = readJson(io, opts.counts);
      const counts = (
        raw && typeof raw === "object" && "logicalCounts" in raw
          ? (raw as { logicalCounts: unknown }).logicalCounts
          : raw
      ) as LogicalCounts;
      const options: FtOptions = {};
      if (opts.qubit !== undefined)
        options.qubitParams = (QUBIT_PRESET_NAMES as string[]).includes(opts.qubit)
          ? opts.qubit
          : looksLikeFile(opts.qubit)
            ? (readJson(io, opts.qubit) as QubitParamsInput)
            : opts.qubit;
      if (opts.qec !== undefined)
        options.qecScheme = looksLikeFile(opts.qec) ? (readJson(io, opts.qec) as QecSchemeInput) : opts.qec;
      if (opts.budget !== undefined) options.errorBudget = opts.budget;
      const constraints: NonNullable<FtOptions["constraints"]> = {};
      if (opts.maxFactories !== undefined) constraints.maxTFactories = opts.maxFactories;
      if (opts.maxDuration !== undefined) constraints.maxDuration = opts.maxDuration;
      if (opts.maxQubits !== undefined) constraints.maxPhysicalQubits = opts.maxQubits;
      if (opts.depthFactor !== undefined) constraints.logicalDepthFactor = opts.depthFactor;
      options.constraints = constraints;

      if (opts.frontier) {
        const front = estimateFrontier(counts, options);
        io.stdout(opts.json ? `${JSON.stringify(front, null, 2)}\n` : fitted(io, renderFrontier(front)));
      } else {
        const est = estimateFaultTolerant(counts, options);
        // Azure's keys plus one of qfit's: the classical hardware that real-time decoding needs.
        const out = { ...est, classicalCoprocessing: classicalCoprocessing(est) };
        io.stdout(opts.json ? `${JSON.stringify(out, null, 2)}\n` : fitted(io, renderEstimate(out)));
      }
    });
}

export function looksLikeFile(v: string): boolean {
  return v === "-" || v.endsWith(".json") || v.includes("/");
}

function header(e: FtEstimate): string {
  const budget = e.jobParams.errorBudget;
  const eps =
    typeof budget === "number" ? String(budget) : `${budget.logical}/${budget.tstates}/${budget.rotations}`;
  return `${String(e.jobParams.qubitParams.name)}, ${e.jobParams.qecScheme.name}, error budget ${eps}`;
}

function renderEstimate(e: FtEstimate & { classicalCoprocessing: ClassicalCoprocessing }): string {
  const b = e.physicalCounts.breakdown;
  const c = e.classicalCoprocessing;
  const f = e.tfactory;
  const rows: [string, string][] = [
    ["physical qubits", formatCount(e.physicalCounts.physicalQubits)],
    ["runtime", formatDurationNs(e.physicalCounts.runtime)],
    ["code distance", String(e.logicalQubit.codeDistance)],
    [
      "T factories",
      f
        ? `${formatCount(b.numTfactories)} × ${formatCount(f.physicalQubits)} qubits (${f.numRounds} round${f.numRounds > 1 ? "s" : ""}, ${formatDurationNs(f.runtime)})`
        : "none (no T states)",
    ],
    ["logical error rate", e.logicalQubit.logicalErrorRate.toExponential(2)],
    ["logical qubits", formatCount(b.algorithmicLogicalQubits)],
    ["logical cycle time", formatDurationNs(e.logicalQubit.logicalCycleTime)],
    ["rQOPS", formatCount(e.physicalCounts.rqops)],
    [
      "real-time decoding",
      `${formatCount(c.devices)} × ${c.decoder.device} (${c.decoder.id}), ${c.syndromeBitsPerSecond.toExponential(2)} syndrome bits/s, ${formatCount(Math.round(c.powerW))} W`,
    ],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  return `Fault-tolerant estimate (${header(e)})\n${rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join("\n")}\n`;
}

function renderFrontier(front: FtEstimate[]): string {
  const head = ["physical qubits", "runtime", "d", "factories", "logical error rate"];
  const rows = front.map((e) => [
    formatCount(e.physicalCounts.physicalQubits),
    formatDurationNs(e.physicalCounts.runtime),
    String(e.logicalQubit.codeDistance),
    formatCount(e.physicalCounts.breakdown.numTfactories),
    e.logicalQubit.logicalErrorRate.toExponential(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    `  ${r.map((c, i) => (i === 0 ? c.padStart(widths[i]) : c.padStart(widths[i]))).join("  ")}`;
  return `Frontier: physical qubits vs runtime (${front.length > 0 ? header(front[0]) : ""})\n${line(head)}\n${rows.map(line).join("\n")}\n`;
}
