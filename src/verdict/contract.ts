// The verdict JSON contract, schemaVersion 2: the one shape every workload's verdict takes, in the CLI's --json,
// the API, the report and the dashboard. Plain data; times in seconds, money in USD, energy in joules.
//
// The bottleneck algebra (why the factors add up): for a strategy s,
//   quantumSeconds(s) = gpuSeconds × Π_i factor_i      (each factor ≥ 0, one meaning each, none counted twice)
// so Σ_i factorLog10_i = log10(quantumSeconds(s) / gpuSeconds). For the best strategy this sum is the verdict's
// `qpuOverGpuLog10`. Capacity limits (qubits available, coherence, memory) are never factors: they are
// `constraints`, which decide `feasible` and, through their projections, the year.

import type { ClassicalCoprocessingRecord } from "../estimate/ftqc/decoding.js";

export const VERDICT_SCHEMA_VERSION = 2 as const;

/** "classical" is whatever the classical side runs on (a GPU cluster, CPU cores); the summary names it. Within a
 *  factor of 2 (|log10| < 0.3) the summary says "a tie" whichever side is nominally ahead. */
export type Winner = "classical" | "quantum" | "neither";

/** One multiplicative factor of the quantum time against the classical time. */
export interface BottleneckFactor {
  /** Stable id, e.g. "clock", "error-correction", "shots-per-estimate", "gradient-evaluations", "data-loading". */
  name: string;
  /** log10 of the factor; positive slows the quantum side, negative speeds it up (e.g. algorithmic advantage). */
  factorLog10: number;
  /** How the factor is computed, with the numbers substituted. */
  formula: string;
  /** One plain-language sentence. */
  explanation: string;
  /** Citation ids (the one citation registry). */
  sources: string[];
}

/** A capacity limit: needed against available. Decides feasibility; never a time factor. */
export interface Constraint {
  /** e.g. "physical-qubits", "logical-qubits", "coherence", "classical-memory", "horizon". */
  name: string;
  needed: number;
  available: number;
  unit: string;
  satisfied: boolean;
  /** Where `available` comes from (a device, a projection for a year, a stated horizon). */
  basis: string;
  /** The projected year in which `available` reaches `needed`, or null (never within the projection / n/a). */
  yearSatisfied: number | null;
  /** True when `available` is a trend projection (qubits projected for t0), not a device's: printed "projected". */
  projected?: boolean;
}

/** What a fault-tolerant strategy fed the QRE-compatible estimator, so anyone can reproduce it with
 *  `qfit estimate ft --counts <counts> --qubit <qubit> --qec <qec> --budget <budget> --json`. */
export interface FaultToleranceRecord {
  /** Logical counts in the estimator's own key names (numQubits, tCount, rotationCount, rotationDepth, cczCount,
   *  ccixCount, measurementCount). */
  counts: Record<string, number>;
  /** Qubit preset name or full Azure-style qubitParams. */
  qubit: string | Record<string, unknown>;
  /** QEC scheme name or full qecScheme. */
  qec: string | Record<string, unknown>;
  budget: number;
  physicalQubits: number;
  runtimeNs: number;
  codeDistance: number;
  tFactories: number;
}

/** The classical hardware that decodes a fault-tolerant strategy's syndromes in real time: the estimator's own
 *  record (estimate/ftqc/decoding.ts), the fields the verdict carries. */
export type { ClassicalCoprocessingRecord };

/** One way the quantum side could do the job. */
export interface Strategy {
  /** Stable id, e.g. "variational-nisq", "variational-ft", "ft-arithmetic", "data-loading-bound", "shor-ft". */
  name: string;
  title: string;
  device: string;
  seconds: number;
  feasible: boolean;
  physicalQubits: number;
  costUsd: number | null;
  /** Sum of factorLog10 = log10(seconds / classical seconds). */
  bottlenecks: BottleneckFactor[];
  constraints: Constraint[];
  faultTolerance: FaultToleranceRecord | null;
  /** Fault-tolerant strategies: the real-time decoding load and the classical devices that carry it. */
  classicalCoprocessing?: ClassicalCoprocessingRecord | null;
  /** The inputs this strategy assumed (encoding, epsilon, …) and why they are the favourable defensible ones. */
  settings: Record<string, number | string | boolean>;
  assumptions: string[];
  /** A lower bound rather than a runnable plan (e.g. the data-loading bound). */
  lowerBound: boolean;
}

/** The classical side: the strongest standard method at this size. */
export interface ClassicalSide {
  method: string;
  device: string;
  count: number;
  seconds: number;
  feasible: boolean;
  costUsd: number | null;
  energyJ: number | null;
  formula: string;
  sources: string[];
  constraints: Constraint[];
}

export interface CrossoverV2 {
  /** Name and unit of the headline size axis, e.g. "modulus bits". */
  sizeLabel: string;
  /** Smallest size at which the best quantum strategy is faster, or null if it never is in the searched range. */
  size: number | null;
  /** First year the constraints at that size are projected to be met, or null. Trend values are projections. */
  year: number | null;
  explanation: string;
}

export interface VerdictV2 {
  schemaVersion: typeof VERDICT_SCHEMA_VERSION;
  workload: { kind: string; id: string; name: string; input: Record<string, unknown> };
  winner: Winner;
  /** log10(slower / faster) of the feasible sides; with "neither", log10(quantum / classical). */
  speedupLog10: number;
  /** log10(best strategy seconds / classical seconds) = Σ best.bottlenecks.factorLog10. */
  qpuOverGpuLog10: number;
  summary: string;
  classical: ClassicalSide;
  /** Every strategy evaluated; `best` names the one most favourable to the quantum side. */
  strategies: Strategy[];
  best: string;
  /** Why `best` was chosen, one sentence. */
  bestReason: string;
  crossover: CrossoverV2;
  notes: string[];
  assumptions: string[];
  unverified: string[];
  sources: Array<{ id: string; citation: string }>;
  /** The verdict as a range (issue 13): seeded Monte Carlo over the ranged inputs; absent with --no-uncertainty
   *  only where a caller skips it (the CLI and API always attach it, as a point with --no-uncertainty). */
  uncertainty?: VerdictUncertaintyJson;
  /** Tornado: each ranged input moved alone from low to high, largest swing of the signed qpuOverGpuLog10 first. */
  sensitivity?: SensitivityBarJson[];
}

/** p05 / p50 / p95; null stands for "never" / "cannot run" (+∞), whose share is `neverShare`. An output the
 *  verdict does not have (a cost where no price is sourced) is n/a: every field null, and `reason` says why. */
export interface QuantilesJson {
  p05: number | null;
  p50: number | null;
  p95: number | null;
  neverShare: number | null;
  /** Why the output is n/a (present only then). */
  reason?: string;
}

export interface VerdictUncertaintyJson {
  samples: number;
  seed: number;
  /** "separable" (lean path: exact one-input grids recombined in log space), "exact" (a full evaluation per
   *  sample) or "point" (--no-uncertainty). */
  method: "separable" | "exact" | "point";
  ranges: Record<
    string,
    { low: number; central: number; high: number; distribution: string; basis?: string }
  >;
  quantiles: Record<
    | "speedupLog10"
    | "qpuOverGpuLog10"
    | "classicalSeconds"
    | "quantumSeconds"
    | "classicalCostUsd"
    | "quantumCostUsd"
    | "physicalQubits"
    | "crossoverSize"
    | "crossoverYear"
    | "crossoverYearRoadmap",
    QuantilesJson
  >;
  /** What the crossover year means (a projection, both sides improving). */
  yearBasis: string;
  /** What `crossoverYearRoadmap` means: the same search with vendor-roadmap qubit claims instead of the fitted
   *  qubit trend (a separate, labelled scenario; claims, not achievements). */
  roadmapBasis: string;
  /** Full workload evaluations the estimate took. */
  evaluations: number;
}

export interface SensitivityBarJson {
  input: string;
  low: number;
  high: number;
  speedupLog10AtLow: number | null;
  speedupLog10AtHigh: number | null;
  /** The signed log10(quantum seconds / classical seconds) with the input at its low / high end (negative: the
   *  quantum side is faster); null where a side cannot run. */
  qpuOverGpuLog10AtLow: number | null;
  qpuOverGpuLog10AtHigh: number | null;
  /** The bar's length, what the tornado is sorted by: max − min of the signed qpuOverGpuLog10 over the input's
   *  {low, central, high} (not of the folded speedupLog10, which hides a verdict changing sides); null when
   *  unbounded (a side cannot run at one end only). */
  swingLog10: number | null;
  basis: string | null;
}

/** The p05–p95 band along each curve of a crossover (issue 13 §6): per plotted problem size, the quantiles of each
 *  side's time from one set of seeded samples shared by every size (common random numbers), so a band is as smooth
 *  as its curve. Absent with --no-uncertainty. */
export interface CurveBandsJson {
  /** Samples behind every size's quantiles: the first `samples` of the verdict's seeded stream (fewer than the
   *  verdict's by default: a curve has many sizes). */
  samples: number;
  seed: number;
  /** "separable": the verdict's lean path, exact at the anchor sizes, its per-sample shift interpolated between. */
  method: "separable";
  /** The sizes at which the one-input grids were evaluated exactly (a subset of the plotted sizes). */
  anchors: number[];
  /** How the bands were made, in one sentence. */
  basis: string;
  /** p05/p50/p95 of the classical side's seconds at each plotted size (the series' `sizes`, same order). */
  classicalSeconds: QuantilesJson[];
  /** The same for the best quantum strategy's seconds; null quantiles where it cannot run (no layout). */
  quantumSeconds: QuantilesJson[];
  /** Full workload evaluations the bands took. */
  evaluations: number;
}
