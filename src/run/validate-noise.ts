// Model vs simulation: run benchmark circuits on device models and put the estimator's success probability
// (device/timing.ts, the formula the estimator uses) next to what the noisy simulation gives: the Hellinger
// fidelity to the ideal distribution and, for circuits with one or two ideal outputs, the probability of
// reading an ideal output. The summary states, from the rows, where the two agree.

import { BENCHMARK_KINDS, type BenchmarkKind, benchmarkCircuit } from "../circuit/benchmarks.js";
import { leastSquares } from "../stats/least-squares.js";
import { type NoisyMethod, runOnDevice } from "./on-device.js";

export interface ValidationRow {
  device: string;
  circuit: BenchmarkKind;
  qubits: number;
  twoQubitGates: number;
  swaps: number;
  durationNs: number;
  method: string;
  estimatedSuccessProbability: number;
  hellingerFidelity: number;
  /** Noisy probability of the ideal outputs (null for random circuits, whose output is spread out). */
  idealOutputProbability: number | null;
  /** ESP − Hellinger fidelity. */
  difference: number;
  agree: boolean;
}

export interface ValidationSummary {
  rows: ValidationRow[];
  tolerance: number;
  agreeing: number;
  /** Smallest ESP above which every row agrees (null if none). */
  agreeAboveEsp: number | null;
  /** Mean ESP − fidelity over the rows that disagree (negative: the model is pessimistic). */
  meanDisagreement: number | null;
  /** Pearson correlation of ESP with the ideal-output probability over deterministic circuits. */
  correlationWithIdealOutput: number | null;
  conclusion: string;
}

/** |ESP − F| at or below this counts as agreement. */
export const AGREEMENT_TOLERANCE = 0.05;

export interface ValidationOptions {
  devices: string[];
  sizes: number[];
  circuits?: readonly BenchmarkKind[];
  shots?: number;
  seed?: number;
  trajectories?: number;
  method?: NoisyMethod;
  onRow?: (row: ValidationRow) => void;
}

export function validateNoise(options: ValidationOptions): ValidationSummary {
  const rows: ValidationRow[] = [];
  for (const device of options.devices)
    for (const kind of options.circuits ?? BENCHMARK_KINDS)
      for (const n of options.sizes) {
        if (kind === "adder" && (n % 2 !== 0 || n < 4)) continue;
        const c = benchmarkCircuit(kind, n, options.seed ?? 1);
        const r = runOnDevice(c, {
          device,
          shots: options.shots ?? 1000,
          seed: options.seed ?? 1,
          trajectories: options.trajectories,
          method: options.method,
        });
        const idealKeys = Object.entries(r.ideal.probabilities).filter(([, p]) => p > 1e-9);
        const deterministic = kind !== "random" && idealKeys.length <= 2;
        const idealOutputProbability = deterministic
          ? idealKeys.reduce((s, [k]) => s + (r.noisy.probabilities[k] ?? 0), 0)
          : null;
        const difference = r.estimatedSuccessProbability - r.hellingerFidelity;
        const row: ValidationRow = {
          device: r.device,
          circuit: kind,
          qubits: n,
          twoQubitGates: r.transpiled.twoQubitGates,
          swaps: r.transpiled.swaps,
          durationNs: r.transpiled.durationNs,
          method: r.method,
          estimatedSuccessProbability: r.estimatedSuccessProbability,
          hellingerFidelity: r.hellingerFidelity,
          idealOutputProbability,
          difference,
          agree: Math.abs(difference) <= AGREEMENT_TOLERANCE,
        };
        rows.push(row);
        options.onRow?.(row);
      }
  return summarise(rows);
}

export function summarise(rows: ValidationRow[]): ValidationSummary {
  const agreeing = rows.filter((r) => r.agree).length;
  // The lowest ESP threshold above which every row agrees.
  const sorted = [...rows].sort((a, b) => b.estimatedSuccessProbability - a.estimatedSuccessProbability);
  let agreeAboveEsp: number | null = null;
  for (const r of sorted) {
    if (!r.agree) break;
    agreeAboveEsp = r.estimatedSuccessProbability;
  }
  const off = rows.filter((r) => !r.agree);
  const meanDisagreement = off.length > 0 ? off.reduce((s, r) => s + r.difference, 0) / off.length : null;
  const det = rows.filter((r) => r.idealOutputProbability !== null);
  let correlation: number | null = null;
  if (det.length >= 3) {
    correlation = leastSquares(
      det.map((r) => r.estimatedSuccessProbability),
      det.map((r) => r.idealOutputProbability as number),
    ).correlation;
  }
  const parts = [
    `ESP and the simulated Hellinger fidelity agree within ${AGREEMENT_TOLERANCE} in ${agreeing} of ${rows.length} runs`,
  ];
  if (agreeAboveEsp !== null) parts.push(`every run with ESP ≥ ${agreeAboveEsp.toFixed(3)} agrees`);
  else if (rows.length > 0) parts.push("even the run with the highest ESP disagrees");
  if (meanDisagreement !== null)
    parts.push(
      `where they disagree the model is ${meanDisagreement < 0 ? "pessimistic" : "optimistic"} by ${Math.abs(meanDisagreement).toFixed(3)} on average` +
        (meanDisagreement < 0
          ? " (ESP counts every error as a failure; many errors leave the measured distribution close to the ideal one)"
          : ""),
    );
  if (correlation !== null)
    parts.push(`ESP tracks the probability of the ideal output with correlation ${correlation.toFixed(3)}`);
  return {
    rows,
    tolerance: AGREEMENT_TOLERANCE,
    agreeing,
    agreeAboveEsp,
    meanDisagreement,
    correlationWithIdealOutput: correlation,
    conclusion: `${parts.join("; ")}.`,
  };
}
