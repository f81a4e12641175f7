// Jobs: the unit of work a worker runs, as plain data. A job's id is the content address of its normalised
// input and the qfit version (hash.ts), so the same work has the same id on every machine and in every run:
// results are keyed by it, a retried or duplicated job cannot be counted twice, and --resume skips what is done.
import type { BenchmarkKind } from "../circuit/benchmarks.js";
import type { NoisyRunResult } from "../run/on-device.js";
import { splitmix32 } from "../sim/prng.js";
import type { Range } from "../stats/distribution.js";

export interface CircuitRef {
  /** File path (as written in or matched by the sweep file) or `ghz-8` for a generated benchmark. */
  name: string;
  /** SHA-256 of the QASM text: the payload travels under this key. Absent for generated benchmarks. */
  hash?: string;
  benchmark?: { kind: BenchmarkKind; qubits: number };
}

export interface CircuitJobInput {
  kind: "circuit";
  circuit: CircuitRef;
  device: string;
  noise: boolean;
  method: "auto" | "density" | "trajectories";
  /** Shots and trajectories of this job (its share of the run when the run is split). */
  shots: number;
  trajectories: number;
  seed: number;
  repeat: number;
  chunk: { index: number; of: number };
  /** The run this job is a chunk of: chunks with the same run merge into one row of the summary. */
  run: string;
}

export interface TrainingJobInput {
  kind: "training";
  task: string;
  model: string;
  qubits?: number;
  layers?: number;
  ansatz?: string;
  hidden?: number;
  epochs?: number;
  batchSize?: number;
  trainSize?: number;
  learningRate?: number;
  optimizer?: string;
  shots?: number;
  device?: string;
  seed: number;
  repeat: number;
}

export interface ScenarioJobInput {
  kind: "scenario";
  scenario: { name: string; hash: string };
  /** Scenario field → range (stats/distribution.ts); each sample draws one uniform per field, sorted by name. */
  ranges: Record<string, Range>;
  /** Samples of this job (its share of the run). */
  samples: number;
  seed: number;
  chunk: { index: number; of: number };
  run: string;
}

export type JobInput = CircuitJobInput | TrainingJobInput | ScenarioJobInput;

export interface SweepJob {
  id: string;
  input: JobInput;
}

/** One line of the results file. */
export interface JobRecord {
  id: string;
  input: JobInput;
  output: JobOutput;
  /** Wall-clock milliseconds in the worker and which worker ran it; the only fields that differ between runs. */
  timing: { ms: number; worker: string };
  qfitVersion: string;
}

export interface CircuitJobOutput {
  kind: "circuit";
  qubits: number;
  method: string;
  /** The noisy run's compiled-circuit metrics, without the layouts. */
  transpiled: Omit<NoisyRunResult["transpiled"], "initialLayout" | "finalLayout">;
  estimatedSuccessProbability: number;
  hellingerFidelity: number;
  /** Noisy probability of the ideal outcomes, for circuits with at most two (null otherwise). */
  successProbability: number | null;
  counts: Record<string, number>;
  idealCounts: Record<string, number>;
  /** Exact noisy (trajectory-averaged) and ideal distributions; omitted above MAX_RECORDED_OUTCOMES outcomes. */
  probabilities?: Record<string, number>;
  idealProbabilities?: Record<string, number>;
  deviceSeconds: number;
  usd: number | null;
}

export interface TrainingJobOutput {
  kind: "training";
  losses: number[];
  heldOutLosses: number[];
  accuracy: number;
  heldOutAccuracy: number;
  parameters: number;
  circuitExecutions: number;
  shots: number;
  flops: number;
  deviceSeconds?: number;
  deviceUsd?: number | null;
}

export interface ScenarioJobOutput {
  kind: "scenario";
  /** Per workload of the scenario (in its order): the sampled headline numbers, one entry per sample. */
  workloads: Array<{
    label: string;
    qpuOverGpuLog10: number[];
    gpuSeconds: number[];
    qpuSeconds: number[];
    qpuWins: number;
  }>;
}

/** A job that failed on bad input: its error is its result (a deterministic failure repeats identically). */
export interface JobError {
  kind: "error";
  code: string;
  message: string;
}

export type JobOutput = CircuitJobOutput | TrainingJobOutput | ScenarioJobOutput | JobError;

/** Distributions with more outcomes than this are not written to the results file (counts always are). */
export const MAX_RECORDED_OUTCOMES = 1 << 14;

/**
 * The seed of repetition `repeat`, chunk `chunk` of a sweep with seed `sweepSeed`: splitmix32 of the sweep seed
 * advanced by a mix of the two indices. It depends on nothing else (not on the worker, the order or the
 * machine), so a split run merges to the same counts wherever its chunks ran.
 */
export function deriveSeed(sweepSeed: number, repeat: number, chunk: number): number {
  const a = splitmix32(sweepSeed ^ Math.imul(repeat + 1, 0x85ebca6b))();
  return splitmix32(a ^ Math.imul(chunk + 1, 0xc2b2ae35))();
}

/** Part `index` of `total` split into `of` near-equal integer shares (the first `total % of` get one more). */
export function share(total: number, of: number, index: number): number {
  return Math.floor(total / of) + (index < total % of ? 1 : 0);
}

/** Records in the results file's order: by id. */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The hash of the text a job needs (a circuit's QASM, a scenario's YAML), if any. */
export function payloadHash(input: JobInput): string | undefined {
  if (input.kind === "circuit") return input.circuit.hash;
  if (input.kind === "scenario") return input.scenario.hash;
  return undefined;
}
