// Quantum-native workloads as plain numbers: a model (classical operation count C(n) on a classical machine,
// logical counts or a directly timed run Q(n) on the quantum side) → the classical side's seconds and memory, and
// the quantum side's seconds, through the Azure-compatible estimator (./ftqc) for fault-tolerant runs. The verdict
// (bottleneck factors, constraints, strategies) is built from these in src/verdict/native.ts; this engine knows
// nothing of workloads, verdicts or citations.
import { isQfitError } from "../errors.js";
import { formatDuration, formatSci } from "../units/format.js";
import { estimateFaultTolerant } from "./ftqc/index.js";
import type { FtEstimate, LogicalCounts, QecSchemeInput, QubitParamsInput } from "./ftqc/types.js";
import {
  applyJobFloor,
  type ClassicalKind,
  classicalJobFloor,
  type Floored,
  quantumJobFloor,
} from "./job-floor.js";

/** A classical machine as a native workload sees it: devices × a sourced rate in the workload's operation unit. */
export interface ClassicalMachine {
  id: string;
  name: string;
  /** GPU or CPU: sets the job floor (./job-floor.ts). */
  kind: ClassicalKind;
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

/** A multiplicative overhead of a directly timed run (shots per estimate, repetitions for noise, job overhead). */
export interface RunOverhead {
  name: string;
  factor: number;
  formula: string;
  explanation: string;
}

/** A capacity a directly timed run needs from its device (qubits, success probability). */
export interface RunLimit {
  name: string;
  needed: number;
  available: number;
  unit: string;
  basis: string;
}

/**
 * A run timed directly (NISQ circuits, annealers), no error correction:
 * seconds = stepSeconds × algorithmSteps × Π overheads.
 */
export interface DirectQuantumCost {
  kind: "nisq" | "annealer";
  device: string;
  /** One elementary step of the device (a two-qubit gate layer, one anneal and read). */
  stepSeconds: number;
  /** One shot: gates + readout (+ repetition delay), the run's job floor; default `stepSeconds`. */
  shotSeconds?: number;
  stepLabel: string;
  /** Steps the algorithm itself needs before overheads, compared with the classical operation count. */
  algorithmSteps: number;
  algorithmLabel: string;
  overheads: RunOverhead[];
  qubits: number;
  limits: RunLimit[];
  formula: string;
  /**
   * Set when the classical time is defined from the quantum one (time to target at equal quality × a stated
   * ratio): the generic clock, overhead and algorithm factors would cancel identically, so the verdict shows the
   * stated ratio's parts instead.
   */
  statedRatio?: {
    /** log10(T_q / T_c) split into named parts (e.g. a constant factor and a scaling difference). */
    parts: Array<{ name: string; log10: number; formula: string; explanation: string }>;
    sources: string[];
  };
}

export type QuantumCost = FtQuantumCost | DirectQuantumCost;

export interface NativeModel {
  kind: string;
  id: string;
  name: string;
  /** What n measures, e.g. "modulus bits". */
  sizeLabel: string;
  size: number;
  /** The classical method, e.g. "GNFS", "FCI (Davidson)". */
  method: string;
  /** The quantum strategy: a stable id and a title, e.g. "shor-ft", "Shor, fault-tolerant". */
  strategy: { name: string; title: string };
  machine: ClassicalMachine;
  classical(n: number): ClassicalCost;
  quantum(n: number): QuantumCost;
  assumptions: string[];
  notes: string[];
  unverified: string[];
  /** Texts citing `[id]`s. */
  sources: string[];
}

export interface FtSettings {
  /** Qubit model (preset name or Azure qubitParams); default qubit_gate_ns_e3. */
  qubit?: string | QubitParamsInput;
  qec?: string | QecSchemeInput;
  /** Total error budget (Azure `errorBudget`); default 1e-3. */
  budget?: number;
}

export const DEFAULT_QUBIT = "qubit_gate_ns_e3";
export const DEFAULT_QEC = "surface_code";
export const DEFAULT_BUDGET = 1e-3;

export interface ClassicalSideNumbers {
  machine: ClassicalMachine;
  ops: number;
  /** The time after the job floor (what the verdict compares). */
  seconds: number;
  /** The floor applied to ops / (count × rate). */
  floor: Floored;
  singleDeviceSeconds: number;
  memoryBytes: number;
  memoryCapacityBytes: number;
  memoryFits: boolean;
  formula: string;
}

export function classicalSide(model: NativeModel, n: number): ClassicalSideNumbers {
  const c = model.classical(n);
  const m = model.machine;
  const memoryBytes = c.memoryBytes ?? 0;
  const capacity =
    m.memoryBytesPerDevice === null ? Number.POSITIVE_INFINITY : m.memoryBytesPerDevice * m.count;
  const jobFloor = classicalJobFloor(m.kind);
  const floor = applyJobFloor(c.ops / (m.count * m.opsPerSecondPerDevice), jobFloor);
  return {
    machine: m,
    ops: c.ops,
    seconds: floor.seconds,
    floor,
    singleDeviceSeconds: applyJobFloor(c.ops / m.opsPerSecondPerDevice, jobFloor).seconds,
    memoryBytes,
    memoryCapacityBytes: capacity,
    memoryFits: memoryBytes <= capacity,
    formula: `${c.formula}; seconds = ${floor.atFloor ? `max(${formatDuration(jobFloor.seconds)} ${jobFloor.label} floor, ` : ""}ops / (${m.count.toLocaleString("en-US")} × ${formatSci(m.opsPerSecondPerDevice, 3)} ${m.opsUnit}/s)${floor.atFloor ? ")" : ""}`,
  };
}

export interface FtRun {
  kind: "fault-tolerant";
  device: string;
  counts: LogicalCounts;
  formula: string;
  /** The estimate, or null when no layout exists (code distance beyond the scheme's maximum). */
  estimate: FtEstimate | null;
  noLayoutReason: string | null;
  seconds: number;
  /** The floor applied to the estimator's runtime: one logical cycle. */
  floor: Floored | null;
  physicalQubits: number;
}

export interface DirectRun extends DirectQuantumCost {
  seconds: number;
  /** The floor applied to the run: one shot. */
  floor: Floored;
}

export type QuantumRun = FtRun | DirectRun;

export function ftOptions(s: FtSettings) {
  return {
    qubitParams: s.qubit ?? DEFAULT_QUBIT,
    qecScheme: s.qec ?? DEFAULT_QEC,
    errorBudget: s.budget ?? DEFAULT_BUDGET,
  };
}

function ftDevice(s: FtSettings): string {
  const q = s.qubit ?? DEFAULT_QUBIT;
  const name = typeof q === "string" ? q : (q.name ?? "custom qubit");
  const qec = s.qec === undefined ? DEFAULT_QEC : typeof s.qec === "string" ? s.qec : "custom QEC";
  return `fault-tolerant machine (${name}, ${qec})`;
}

/** The run's work time before its job floor: step × steps × Π overheads. */
export function directSeconds(q: DirectQuantumCost): number {
  return q.stepSeconds * q.algorithmSteps * q.overheads.reduce((p, o) => p * o.factor, 1);
}

/** A directly timed run: its work time, floored at one shot. */
export function directRun(q: DirectQuantumCost): DirectRun {
  const floor = applyJobFloor(directSeconds(q), quantumJobFloor(q.shotSeconds ?? q.stepSeconds, "one shot"));
  return { ...q, seconds: floor.seconds, floor };
}

export function quantumSide(model: NativeModel, n: number, settings: FtSettings = {}): QuantumRun {
  const q = model.quantum(n);
  if (q.kind !== "fault-tolerant") return directRun(q);
  const device = ftDevice(settings);
  try {
    const est = estimateFaultTolerant(q.counts, ftOptions(settings));
    const floor = applyJobFloor(
      est.physicalCounts.runtime * 1e-9,
      quantumJobFloor(est.logicalQubit.logicalCycleTime * 1e-9, "one logical cycle"),
    );
    return {
      kind: q.kind,
      device,
      counts: q.counts,
      formula: `${q.formula}; Azure-compatible estimate: d = ${est.logicalQubit.codeDistance}, ${est.physicalCounts.breakdown.numTfactories} T factories`,
      estimate: est,
      noLayoutReason: null,
      seconds: floor.seconds,
      floor,
      physicalQubits: est.physicalCounts.physicalQubits,
    };
  } catch (e) {
    // Past the maximum code distance no machine of this kind can run it: infeasible, not a user error.
    if (!(isQfitError(e) && e.code === "Estimate.FT.Infeasible")) throw e;
    return {
      kind: q.kind,
      device,
      counts: q.counts,
      formula: q.formula,
      estimate: null,
      noLayoutReason: `no fault-tolerant layout: ${e.message}`,
      seconds: Number.POSITIVE_INFINITY,
      floor: null,
      physicalQubits: Number.POSITIVE_INFINITY,
    };
  }
}
