// The glue between a job and the library: the only module of sweep/ that calls the simulator and the trainer,
// so a change of their contract is absorbed here. A job's output keeps what a sweep's summary and plots need
// (and what two runs are compared on), not the whole run JSON.
import { type BenchmarkKind, benchmarkCircuit } from "../circuit/benchmarks.js";
import type { Circuit } from "../circuit/ir.js";
import { internalError, isQfitError } from "../errors.js";
import { parseQasm } from "../qasm/index.js";
import type { AnsatzKind } from "../qml/ansatz.js";
import type { OptimizerName } from "../qml/optim.js";
import { type ModelKind, type TaskName, train } from "../qml/train.js";
import { runOnDevice } from "../run/on-device.js";
import {
  type CircuitJobInput,
  type CircuitJobOutput,
  type JobInput,
  type JobOutput,
  MAX_RECORDED_OUTCOMES,
  type ScenarioJobInput,
  type ScenarioJobOutput,
  type TrainingJobInput,
  type TrainingJobOutput,
} from "./jobs.js";

export interface ExecuteOptions {
  /** The QASM text of a circuit by its hash. */
  payload(hash: string): string | Promise<string>;
  /** Memory one job may use (its share of the machine). */
  maxMemoryBytes: number;
  /**
   * Scenario samples are evaluated by the report layer, above this one: the edge that composes the worker
   * (cli/sweep-pool-worker.ts) passes the evaluator in.
   */
  scenario?: (input: ScenarioJobInput, text: string) => ScenarioJobOutput;
}

export async function executeJob(input: JobInput, options: ExecuteOptions): Promise<JobOutput> {
  try {
    if (input.kind === "training") return runTraining(input);
    if (input.kind === "scenario") {
      if (!options.scenario)
        throw internalError("Sweep.NoScenarioRunner", "this worker cannot run scenario jobs");
      return options.scenario(input, await options.payload(input.scenario.hash));
    }
    const circuit = await loadCircuit(input, options);
    return runCircuit(circuit, input, options.maxMemoryBytes);
  } catch (e) {
    if (isQfitError(e) && e.userError) return { kind: "error", code: e.code, message: e.describe() };
    throw e;
  }
}

async function loadCircuit(input: CircuitJobInput, options: ExecuteOptions): Promise<Circuit> {
  const b = input.circuit.benchmark;
  if (b) return benchmarkCircuit(b.kind as BenchmarkKind, b.qubits);
  return parseQasm(await options.payload(input.circuit.hash as string), { filename: input.circuit.name });
}

function capped(p: Record<string, number>): Record<string, number> | undefined {
  return Object.keys(p).length <= MAX_RECORDED_OUTCOMES ? p : undefined;
}

function runCircuit(circuit: Circuit, input: CircuitJobInput, maxMemoryBytes: number): CircuitJobOutput {
  const r = runOnDevice(circuit, {
    device: input.device,
    noise: input.noise,
    method: input.method,
    shots: input.shots,
    seed: input.seed,
    trajectories: input.trajectories,
    maxMemoryBytes,
  });
  const idealKeys = Object.entries(r.ideal.probabilities).filter(([, p]) => p > 1e-9);
  const successProbability =
    idealKeys.length <= 2 ? idealKeys.reduce((s, [k]) => s + (r.noisy.probabilities[k] ?? 0), 0) : null;
  const probabilities = capped(r.noisy.probabilities);
  const idealProbabilities = capped(r.ideal.probabilities);
  return {
    kind: "circuit",
    qubits: r.qubits,
    method: r.method,
    transpiled: {
      depth: r.transpiled.depth,
      twoQubitGates: r.transpiled.twoQubitGates,
      oneQubitGates: r.transpiled.oneQubitGates,
      swaps: r.transpiled.swaps,
      durationNs: r.transpiled.durationNs,
    },
    estimatedSuccessProbability: r.estimatedSuccessProbability,
    hellingerFidelity: r.hellingerFidelity,
    successProbability,
    counts: r.noisy.counts,
    idealCounts: r.ideal.counts,
    ...(probabilities ? { probabilities } : {}),
    ...(idealProbabilities ? { idealProbabilities } : {}),
    deviceSeconds: r.deviceTime.seconds,
    usd: r.deviceTime.usd,
  };
}

function runTraining(input: TrainingJobInput): TrainingJobOutput {
  const r = train({
    task: input.task as TaskName,
    model: input.model as ModelKind,
    qubits: input.qubits,
    layers: input.layers,
    ansatz: input.ansatz as AnsatzKind | undefined,
    hidden: input.hidden,
    epochs: input.epochs,
    batchSize: input.batchSize,
    trainSize: input.trainSize,
    learningRate: input.learningRate,
    optimizer: input.optimizer as OptimizerName | undefined,
    shots: input.shots,
    device: input.device,
    seed: input.seed,
  });
  const l = r.ledger;
  return {
    kind: "training",
    losses: r.losses,
    heldOutLosses: r.heldOutLosses,
    accuracy: r.accuracy,
    heldOutAccuracy: r.heldOutAccuracy,
    parameters: l.parameters,
    circuitExecutions: l.circuitExecutions,
    shots: l.shots,
    flops: l.flops,
    ...(l.deviceSeconds !== undefined ? { deviceSeconds: l.deviceSeconds, deviceUsd: l.deviceUsd } : {}),
  };
}
