// Quantum-native workloads, end to end: a workload model (classical operation count C(n) on a classical machine,
// logical counts or a runtime Q(n) on the quantum side) → classical time, fault-tolerant estimate (the
// Azure-compatible estimator in ./ftqc) → the shared Verdict, and the crossover problem size n* and the year a
// qubit-growth projection supplies the qubits n* needs.
import { isQfitError, userError } from "../errors.js";
import { findDevice } from "../hardware/catalog.js";
import { formatDuration, formatSci } from "../units/format.js";

/** Qubit counts: exact below 100,000, scientific above. */
const qubits = (q: number): string => (q < 1e5 ? Math.round(q).toLocaleString("en-US") : formatSci(q, 3));

import { SECONDS_PER_HOUR, yearsToSeconds } from "../units/quantity.js";
import {
  type Crossover,
  decide,
  summarize,
  type Verdict,
  type VerdictBottleneck,
} from "../verdict/verdict.js";
import { cite } from "../workloads/sources.js";
import { estimateFaultTolerant } from "./ftqc/index.js";
import type { FtEstimate, LogicalCounts, QecSchemeInput, QubitParamsInput } from "./ftqc/types.js";
import { gpuLatencyFloorSeconds } from "./gpu.js";
import { checkGrowth, defaultGrowth, type Growth, projectQubits, yearReaching } from "./qubit-trend.js";

/** A classical machine as a native workload sees it: devices × a sourced rate in the workload's operation unit. */
export interface ClassicalMachine {
  id: string;
  name: string;
  count: number;
  /** Operations per second per device, in `opsUnit`. */
  opsPerSecondPerDevice: number;
  opsUnit: string;
  rateSource: string;
  memoryBytesPerDevice: number | null;
  /** Midpoint of the catalog's price range, USD per device-hour; null when no sourced price exists. */
  priceUsdPerDeviceHour: number | null;
  powerW: number | null;
  unverified: string[];
}

export interface ClassicalCost {
  /** Operations in the machine's unit. */
  ops: number;
  formula: string;
  /** Bytes that must be resident in the machine's memory (0 or absent: no constraint modelled). */
  memoryBytes?: number;
}

export interface FtQuantumCost {
  kind: "fault-tolerant";
  counts: LogicalCounts;
  formula: string;
}

/** A runtime computed directly (NISQ circuits, annealers): no error correction. */
export interface DirectQuantumCost {
  kind: "nisq" | "annealer";
  device: string;
  seconds: number;
  qubits: number;
  /** Why the device cannot run it (too few qubits, success probability too low), or null. */
  infeasibleReason: string | null;
  formula: string;
}

export type QuantumCost = FtQuantumCost | DirectQuantumCost;

export interface NativeModel {
  kind: string;
  id: string;
  name: string;
  /** What n measures, e.g. "modulus bits". */
  sizeLabel: string;
  size: number;
  /** Sizes searched for the crossover. */
  sizeRange: [number, number];
  integerSizes: boolean;
  machine: ClassicalMachine;
  classical(n: number): ClassicalCost;
  quantum(n: number): QuantumCost;
  assumptions: string[];
  notes: string[];
  unverified: string[];
  /** Texts citing `[id]`s. */
  sources: string[];
}

export interface NativeOptions {
  /** Qubit model for the fault-tolerant side (preset name or Azure qubitParams); default qubit_gate_ns_e3. */
  qubit?: string | QubitParamsInput;
  qec?: string | QecSchemeInput;
  /** Total error budget (Azure `errorBudget`); default 1e-3. */
  budget?: number;
  /** A run longer than this is infeasible on either side; default 1 year. */
  horizonYears?: number;
  /** Reference year for "available today" and the crossover year; default the current year. */
  t0?: number;
  /** Qubit growth used for availability and the crossover year; default the fitted history trend. */
  growth?: Growth;
}

export const DEFAULT_HORIZON_YEARS = 1;
export const DEFAULT_QUBIT = "qubit_gate_ns_e3";

export interface QuantumSide {
  kind: QuantumCost["kind"];
  device: string;
  seconds: number;
  physicalQubits: number;
  logicalQubits: number | null;
  infeasibleReason: string | null;
  formula: string;
  estimate: FtEstimate | null;
}

export interface ClassicalSide {
  machine: ClassicalMachine;
  ops: number;
  seconds: number;
  singleDeviceSeconds: number;
  memoryBytes: number;
  memoryFits: boolean;
  formula: string;
}

export function classicalSide(model: NativeModel, n: number): ClassicalSide {
  const c = model.classical(n);
  const m = model.machine;
  const memoryBytes = c.memoryBytes ?? 0;
  const capacity =
    m.memoryBytesPerDevice === null ? Number.POSITIVE_INFINITY : m.memoryBytesPerDevice * m.count;
  // A GPU job never finishes faster than its launch (issue 12: "a GPU job never takes 688 ns").
  const floor = findDevice(m.id)?.kind === "gpu" ? gpuLatencyFloorSeconds() : 0;
  return {
    machine: m,
    ops: c.ops,
    seconds: Math.max(floor, c.ops / (m.count * m.opsPerSecondPerDevice)),
    singleDeviceSeconds: Math.max(floor, c.ops / m.opsPerSecondPerDevice),
    memoryBytes,
    memoryFits: memoryBytes <= capacity,
    formula: `${c.formula}; seconds = ops / (${m.count.toLocaleString("en-US")} × ${formatSci(m.opsPerSecondPerDevice, 3)} ${m.opsUnit}/s)`,
  };
}

function ftOptions(options: NativeOptions) {
  return {
    qubitParams: options.qubit ?? DEFAULT_QUBIT,
    ...(options.qec !== undefined ? { qecScheme: options.qec } : {}),
    ...(options.budget !== undefined ? { errorBudget: options.budget } : {}),
  };
}

function qubitLabel(options: NativeOptions): string {
  const q = options.qubit ?? DEFAULT_QUBIT;
  const name = typeof q === "string" ? q : (q.name ?? "custom qubit");
  const qec =
    options.qec === undefined ? "surface_code" : typeof options.qec === "string" ? options.qec : "custom QEC";
  return `fault-tolerant machine (${name}, ${qec})`;
}

export function quantumSide(model: NativeModel, n: number, options: NativeOptions = {}): QuantumSide {
  const q = model.quantum(n);
  if (q.kind !== "fault-tolerant") {
    return {
      kind: q.kind,
      device: q.device,
      seconds: q.seconds,
      physicalQubits: q.qubits,
      logicalQubits: null,
      infeasibleReason: q.infeasibleReason,
      formula: q.formula,
      estimate: null,
    };
  }
  let est: FtEstimate;
  try {
    est = estimateFaultTolerant(q.counts, ftOptions(options));
  } catch (e) {
    // Past the maximum code distance no machine of this kind can run it: infeasible, not a user error.
    if (!(isQfitError(e) && e.code === "Estimate.FT.Infeasible")) throw e;
    return {
      kind: q.kind,
      device: qubitLabel(options),
      seconds: Number.POSITIVE_INFINITY,
      physicalQubits: Number.POSITIVE_INFINITY,
      logicalQubits: null,
      infeasibleReason: `no fault-tolerant layout: ${e.message}`,
      formula: q.formula,
      estimate: null,
    };
  }
  return {
    kind: q.kind,
    device: qubitLabel(options),
    seconds: est.physicalCounts.runtime * 1e-9,
    physicalQubits: est.physicalCounts.physicalQubits,
    logicalQubits: est.physicalCounts.breakdown.algorithmicLogicalQubits,
    infeasibleReason: null,
    formula: `${q.formula}; Azure-compatible estimate: d = ${est.logicalQubit.codeDistance}, ${est.physicalCounts.breakdown.numTfactories} T factories`,
    estimate: est,
  };
}

function resolveContext(options: NativeOptions) {
  const t0 = options.t0 ?? new Date().getUTCFullYear();
  if (!Number.isInteger(t0) || t0 < 2000 || t0 > 2100)
    throw userError("Crossover.InvalidT0", `t0 must be a year between 2000 and 2100, got ${t0}`, {
      field: "t0",
    });
  const horizonYears = options.horizonYears ?? DEFAULT_HORIZON_YEARS;
  if (!(horizonYears > 0) || !Number.isFinite(horizonYears))
    throw userError(
      "Estimate.Native.InvalidHorizon",
      `horizon must be a positive number of years, got ${horizonYears}`,
      {
        field: "horizon",
      },
    );
  const growth = checkGrowth(options.growth ?? defaultGrowth());
  return { t0, horizonSeconds: yearsToSeconds(horizonYears), horizonYears, growth };
}

/** Does the quantum side beat the classical side at size n (speed only; qubit availability is the year's job)? */
function quantumAhead(c: ClassicalSide, q: QuantumSide): boolean {
  if (q.infeasibleReason !== null) return false;
  return !c.memoryFits || q.seconds < c.seconds;
}

export interface CrossoverSeries {
  workload: string;
  sizeLabel: string;
  sizes: number[];
  classicalSeconds: number[];
  quantumSeconds: number[];
  physicalQubits: number[];
  classicalMemoryFits: boolean[];
  /** Smallest size at which the quantum side is faster (or the classical side cannot hold the problem). */
  nStar: number | null;
  /** Year the qubit-growth projection supplies the physical qubits n* needs (t0 if already available). */
  year: number | null;
  status: "never" | "already" | "year";
  reason: string;
}

function gridSizes(model: NativeModel, points: number): number[] {
  const [lo, hi] = model.sizeRange;
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const x = lo * (hi / lo) ** (i / (points - 1));
    out.push(model.integerSizes ? Math.round(x) : x);
  }
  return [...new Set(out)];
}

/**
 * The size series and the crossover: scan a geometric grid over the size range, then bisect (in log space, or
 * over integers) between the last size where classical is ahead and the first where quantum is.
 */
export function nativeCrossover(
  model: NativeModel,
  options: NativeOptions = {},
  points = 16,
): CrossoverSeries {
  const ctx = resolveContext(options);
  const sizes = gridSizes(model, points);
  const eval1 = (n: number) => ({ c: classicalSide(model, n), q: quantumSide(model, n, options) });
  const rows = sizes.map(eval1);
  let nStar: number | null = null;
  let qubitsAtStar = 0;
  const first = rows.findIndex((r) => quantumAhead(r.c, r.q));
  const direct = rows[0].q.kind !== "fault-tolerant";
  if (first === 0) {
    nStar = sizes[0];
    qubitsAtStar = rows[0].q.physicalQubits;
  } else if (first > 0) {
    let lo = sizes[first - 1];
    let hi = sizes[first];
    let hiQubits = rows[first].q.physicalQubits;
    for (let i = 0; i < 60; i++) {
      if (model.integerSizes ? hi - lo <= 1 : hi / lo < 1 + 1e-9) break;
      const mid = model.integerSizes ? Math.floor((lo + hi) / 2) : Math.sqrt(lo * hi);
      const r = eval1(mid);
      if (quantumAhead(r.c, r.q)) {
        hi = mid;
        hiQubits = r.q.physicalQubits;
      } else lo = mid;
    }
    nStar = hi;
    qubitsAtStar = hiQubits;
  }
  let year: number | null = null;
  let status: CrossoverSeries["status"] = "never";
  let reason: string;
  const size = (n: number) => (model.integerSizes && n < 1e9 ? n.toLocaleString("en-US") : formatSci(n, 4));
  const range = `${size(model.sizeRange[0])}–${size(model.sizeRange[1])} ${model.sizeLabel}`;
  if (nStar === null) {
    const runnable = rows.filter((r) => r.q.infeasibleReason === null && Number.isFinite(r.q.seconds));
    const gap = Math.min(...runnable.map((r) => Math.log10(r.q.seconds / r.c.seconds)));
    const blocked = rows.findIndex((r) => r.q.infeasibleReason !== null);
    const why =
      blocked < 0
        ? ""
        : `; from ${size(sizes[blocked])} ${model.sizeLabel} the quantum side cannot run (${rows[blocked].q.infeasibleReason})`;
    reason =
      runnable.length > 0
        ? `never in ${range}: the quantum side stays slower where it can run (smallest gap 10^${gap.toFixed(1)})${why}`
        : `never in ${range}${why}`;
  } else if (direct) {
    // A NISQ or annealer run counts as ahead only when today's device can run it: advantage is already here.
    year = ctx.t0;
    status = "already";
    reason = `already: ${rows[0].q.device} is faster from n* = ${size(nStar)} ${model.sizeLabel}, on today's device`;
  } else {
    const reach = yearReaching(ctx.growth, qubitsAtStar);
    year = Math.max(ctx.t0, reach);
    status = reach <= ctx.t0 ? "already" : "year";
    const nText = `n* = ${size(nStar)} ${model.sizeLabel} (${qubits(qubitsAtStar)} physical qubits)`;
    reason =
      status === "already"
        ? `already: quantum is faster from ${nText}, and ${qubits(projectQubits(ctx.growth, ctx.t0))} qubits are projected for ${ctx.t0}`
        : `${year.toFixed(1)}: quantum is faster from ${nText}; binding: qubit count — ${ctx.growth.label} reaches it in ${year.toFixed(1)}`;
  }
  return {
    workload: model.kind,
    sizeLabel: model.sizeLabel,
    sizes,
    classicalSeconds: rows.map((r) => r.c.seconds),
    quantumSeconds: rows.map((r) => r.q.seconds),
    physicalQubits: rows.map((r) => r.q.physicalQubits),
    classicalMemoryFits: rows.map((r) => r.c.memoryFits),
    nStar,
    year,
    status,
    reason,
  };
}

export interface NativeVerdict extends Verdict {
  size: number;
  sizeLabel: string;
  classicalDetail: ClassicalSide;
  quantumDetail: QuantumSide;
  crossoverSeries: CrossoverSeries;
  t0: number;
  growth: Growth;
}

export function estimateNative(model: NativeModel, options: NativeOptions = {}): NativeVerdict {
  const ctx = resolveContext(options);
  const n = model.size;
  const c = classicalSide(model, n);
  const q = quantumSide(model, n, options);
  const available = projectQubits(ctx.growth, ctx.t0);
  const horizon = `${ctx.horizonYears} year${ctx.horizonYears === 1 ? "" : "s"}`;

  const classicalReasons: string[] = [];
  if (!c.memoryFits)
    classicalReasons.push(
      `needs ${formatSci(c.memoryBytes, 3)} bytes resident; ${c.machine.count.toLocaleString("en-US")} × ${c.machine.name} hold ${formatSci((c.machine.memoryBytesPerDevice ?? 0) * c.machine.count, 3)}`,
    );
  if (c.seconds > ctx.horizonSeconds)
    classicalReasons.push(`takes ${formatDuration(c.seconds)} > the ${horizon} horizon`);
  const gpuFeasible = classicalReasons.length === 0;

  const bottlenecks: VerdictBottleneck[] = [];
  const quantumReasons: string[] = [];
  if (q.infeasibleReason) quantumReasons.push(q.infeasibleReason);
  const qubitGap = Math.log10(q.physicalQubits / available);
  if (q.estimate !== null) {
    bottlenecks.push({
      name: "qubit count",
      factorLog10: qubitGap,
      explanation: `needs ${qubits(q.physicalQubits)} physical qubits; ${qubits(available)} projected for ${ctx.t0} (${ctx.growth.label})`,
    });
    if (qubitGap > 0)
      quantumReasons.push(
        `needs ${qubits(q.physicalQubits)} physical qubits, ${qubits(available)} available in ${ctx.t0}`,
      );
    const est = q.estimate;
    const b = est.physicalCounts.breakdown;
    bottlenecks.push({
      name: "error-correction overhead",
      factorLog10: Math.log10(est.logicalQubit.physicalQubits),
      explanation: `code distance ${est.logicalQubit.codeDistance}: ${est.logicalQubit.physicalQubits} physical qubits per logical qubit, logical cycle ${formatDuration(est.logicalQubit.logicalCycleTime * 1e-9)}`,
    });
    if (b.physicalQubitsForTfactories > 0)
      bottlenecks.push({
        name: "T-state distillation",
        factorLog10: Math.log10(est.physicalCounts.physicalQubits / b.physicalQubitsForAlgorithm),
        explanation: `${b.numTfactories} T factories take ${formatSci(b.physicalQubitsForTfactories, 3)} of ${formatSci(est.physicalCounts.physicalQubits, 3)} physical qubits`,
      });
  }
  bottlenecks.push({
    name: "runtime",
    factorLog10: Math.log10(q.seconds / c.seconds),
    explanation: `quantum ${formatDuration(q.seconds)} vs classical ${formatDuration(c.seconds)} (${q.formula})`,
  });
  if (q.seconds > ctx.horizonSeconds)
    quantumReasons.push(`takes ${formatDuration(q.seconds)} > the ${horizon} horizon`);
  const qpuFeasible = quantumReasons.length === 0;
  const binding =
    quantumReasons.length > 0
      ? quantumReasons[0]
      : q.seconds >= c.seconds
        ? "runtime: slower than the classical machine"
        : "none";

  const series = nativeCrossover(model, options);
  const crossover: Crossover = {
    size: series.nStar,
    year: series.year,
    explanation: series.reason,
  };
  const gpu = {
    device: c.machine.id,
    count: c.machine.count,
    flops: c.ops,
    seconds: c.seconds,
    singleGpuSeconds: c.singleDeviceSeconds,
    gpuHours: (c.seconds * c.machine.count) / SECONDS_PER_HOUR,
    energyJ: c.machine.powerW === null ? null : c.machine.powerW * c.machine.count * c.seconds,
    costUsd:
      c.machine.priceUsdPerDeviceHour === null
        ? Number.NaN
        : c.machine.priceUsdPerDeviceHour * ((c.seconds * c.machine.count) / SECONDS_PER_HOUR),
    feasible: gpuFeasible,
  };
  const qpu = {
    device: q.device,
    feasible: qpuFeasible,
    seconds: q.seconds,
    qubits: q.physicalQubits,
    bindingBottleneck: binding,
  };
  const { winner, speedupLog10 } = decide(gpu, qpu);
  const notes = [...model.notes];
  if (!gpuFeasible) notes.push(`classical side infeasible: ${classicalReasons.join("; ")}`);
  if (!qpuFeasible) notes.push(`quantum side infeasible in ${ctx.t0}: ${quantumReasons.join("; ")}`);
  if (q.estimate !== null && qubitGap > 0)
    notes.push(
      `${ctx.growth.label} reaches ${qubits(q.physicalQubits)} physical qubits in ${yearReaching(ctx.growth, q.physicalQubits).toFixed(1)}`,
    );
  const assumptions = [
    ...model.assumptions,
    `classical: ${c.formula}`,
    `quantum: ${q.formula}`,
    `a run longer than the ${horizon} horizon counts as infeasible on either side`,
    `qubits available in year t: ${ctx.growth.label}; assumes those qubits reach the modelled error rate`,
    `t0 = ${ctx.t0}${options.t0 === undefined ? " (the current year)" : ""}`,
  ];
  const unverified = [...model.unverified, ...c.machine.unverified];
  if (c.machine.priceUsdPerDeviceHour === null)
    notes.push(
      "classical cost in USD not modelled (no sourced price for this machine): costUsd is NaN (null in JSON)",
    );
  const sources = cite(...model.sources, c.machine.rateSource, ctx.growth.source);
  return {
    workload: { kind: model.kind, id: model.id, name: model.name },
    winner,
    speedupLog10,
    summary: summarize({ winner, speedupLog10, gpu, qpu }),
    gpu,
    qpu,
    bottlenecks,
    crossover,
    notes,
    assumptions,
    unverified,
    sources,
    size: n,
    sizeLabel: model.sizeLabel,
    classicalDetail: c,
    quantumDetail: q,
    crossoverSeries: series,
    t0: ctx.t0,
    growth: ctx.growth,
  };
}
