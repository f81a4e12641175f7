// One training run, end to end: build the task's data set, the chosen model, train it with mini-batch Adam or
// SGD for a number of epochs, and keep a cost ledger of everything it ran. Plain data in, plain data out; the
// CLI (`qfit train`) only parses flags and draws the progress bar.
//
// Ledger conventions. A quantum gradient costs 2·P circuit executions per example (parameter shift, one
// measurement setting per evaluation), plus one execution for the forward pass that gives the loss; a batch of
// B examples costs B·(2·P + 1). Held-out losses are measured after every epoch and the final accuracies at the
// end, and those executions are counted too, as a device would run them.

import { userError } from "../errors.js";
import { createPrng, isValidSeed, MAX_SEED } from "../stats/prng.js";
import { ANSATZ_KINDS, type AnsatzKind, MAX_LAYERS, MAX_TRAINING_QUBITS } from "./ansatz.js";
import { makeChars } from "./chars.js";
import { type Dataset, shuffleInPlace } from "./dataset.js";
import { circuitFidelity, type DeviceCost, deviceCost, deviceModel } from "./device-cost.js";
import { classicalLearner, type Learner, type QuantumLearner, quantumLearner } from "./learners.js";
import { makeMoons } from "./moons.js";
import { createOptimizer, OPTIMIZER_NAMES, type OptimizerName } from "./optim.js";
import { settingsPerEvaluation } from "./readout.js";

export type TaskName = "moons" | "chars";
export type ModelKind = "classical" | "quantum";
export const TASKS: readonly TaskName[] = ["moons", "chars"];
export const MODELS: readonly ModelKind[] = ["classical", "quantum"];

export interface TrainOptions {
  task: TaskName;
  model: ModelKind;
  qubits?: number;
  layers?: number;
  ansatz?: AnsatzKind;
  /** Shots per circuit execution; absent = exact expectation values (1000 when a device is named). */
  shots?: number;
  /** A gate-model QPU from the catalog: its noise (global depolarising) and its time and price. */
  device?: string;
  epochs?: number;
  seed?: number;
  batchSize?: number;
  learningRate?: number;
  optimizer?: OptimizerName;
  /** Hidden units of the classical model (0 = softmax regression). */
  hidden?: number;
  /** Training examples (moons: generated; chars: the first N bigrams of the text). */
  trainSize?: number;
  /** Called after every optimiser step with (steps done, total steps). */
  onProgress?: (done: number, total: number) => void;
}

export interface TrainLedger {
  parameters: number;
  steps: number;
  examples: number;
  circuitExecutions: number;
  gradientExecutions: number;
  /** 2·P (× measurement settings) for one example's gradient. */
  gradientExecutionsPerExample: number;
  shots: number;
  shotsPerExecution: number | null;
  wallSeconds: number;
  /** Classical FLOPs of the model arithmetic (for the quantum model: the optimiser and chain rule only). */
  flops: number;
  /** The part of the totals above spent measuring held-out losses and final accuracies (not training). */
  evaluation: { circuitExecutions: number; shots: number; flops: number };
  device?: string;
  deviceSeconds?: number;
  deviceUsd?: number | null;
}

export interface TrainResult {
  task: TaskName;
  model: ModelKind;
  seed: number;
  losses: number[];
  heldOutLosses: number[];
  accuracy: number;
  heldOutAccuracy: number;
  ledger: TrainLedger;
  modelDescription: string;
  dataset: { source: string; train: number; heldOut: number; classes: number };
  config: {
    epochs: number;
    batchSize: number;
    learningRate: number;
    optimizer: OptimizerName;
    qubits?: number;
    layers?: number;
    ansatz?: AnsatzKind;
    hidden?: number;
    shots?: number;
  };
  circuit?: { qubits: number; oneQubitGates: number; twoQubitGates: number; depth: number; fidelity: number };
  deviceCost?: DeviceCost;
  assumptions: string[];
  unverified: string[];
}

export const DEFAULTS = {
  qubits: 6,
  layers: 3,
  ansatz: "reupload" as AnsatzKind,
  epochs: 10,
  batchSize: 10,
  hidden: 16,
  deviceShots: 1000,
  moonsTrain: 200,
  moonsHeldOut: 100,
  moonsNoise: 0.1,
  charsHeldOutFraction: 0.2,
  learningRate: { classical: 0.05, quantum: 0.1 },
};

export const MAX_SHOTS_PER_EXECUTION = 1e6;
export const MAX_EPOCHS = 10_000;
export const MAX_TRAIN_SIZE = 100_000;

function checkInt(field: string, v: number | undefined, min: number, max: number): void {
  if (v !== undefined && (!Number.isInteger(v) || v < min || v > max))
    throw userError("Qml.InvalidOption", `${field} must be an integer from ${min} to ${max}, got ${v}`, {
      field,
    });
}

export function validateTrainOptions(o: TrainOptions): void {
  if (!TASKS.includes(o.task))
    throw userError("Qml.UnknownTask", `unknown task '${o.task}'`, {
      field: "task",
      hint: `tasks: ${TASKS.join(", ")}`,
    });
  if (!MODELS.includes(o.model))
    throw userError("Qml.UnknownModel", `unknown model '${o.model}'`, {
      field: "model",
      hint: `models: ${MODELS.join(", ")}`,
    });
  if (o.ansatz !== undefined && !ANSATZ_KINDS.includes(o.ansatz))
    throw userError("Qml.UnknownAnsatz", `unknown ansatz '${o.ansatz}'`, {
      field: "ansatz",
      hint: `ansätze: ${ANSATZ_KINDS.join(", ")}`,
    });
  if (o.optimizer !== undefined && !OPTIMIZER_NAMES.includes(o.optimizer))
    throw userError("Qml.UnknownOptimizer", `unknown optimizer '${o.optimizer}'`, {
      field: "optimizer",
      hint: `optimizers: ${OPTIMIZER_NAMES.join(", ")}`,
    });
  checkInt("qubits", o.qubits, 1, MAX_TRAINING_QUBITS);
  checkInt("layers", o.layers, 1, MAX_LAYERS);
  checkInt("shots", o.shots, 1, MAX_SHOTS_PER_EXECUTION);
  checkInt("epochs", o.epochs, 1, MAX_EPOCHS);
  checkInt("batchSize", o.batchSize, 1, MAX_TRAIN_SIZE);
  checkInt("hidden", o.hidden, 0, 4096);
  checkInt("trainSize", o.trainSize, 1, MAX_TRAIN_SIZE);
  if (o.seed !== undefined && !isValidSeed(o.seed))
    throw userError("Qml.InvalidOption", `seed must be an integer from 0 to ${MAX_SEED}, got ${o.seed}`, {
      field: "seed",
    });
}

export function makeDataset(task: TaskName, seed: number, trainSize?: number): Dataset {
  return task === "moons"
    ? makeMoons({
        train: trainSize ?? DEFAULTS.moonsTrain,
        heldOut: DEFAULTS.moonsHeldOut,
        noise: DEFAULTS.moonsNoise,
        seed,
      })
    : makeChars({ heldOutFraction: DEFAULTS.charsHeldOutFraction, maxTrain: trainSize });
}

export function train(o: TrainOptions): TrainResult {
  validateTrainOptions(o);
  const start = performance.now();
  const seed = o.seed ?? 1;
  const epochs = o.epochs ?? DEFAULTS.epochs;
  const batchSize = o.batchSize ?? DEFAULTS.batchSize;
  const optimizerName = o.optimizer ?? "adam";
  const learningRate = o.learningRate ?? DEFAULTS.learningRate[o.model];
  const data = makeDataset(o.task, seed, o.trainSize);
  const initRng = createPrng(seed);
  const orderRng = createPrng((seed + 1) >>> 0);
  const assumptions: string[] = [];
  const unverified: string[] = [];

  let learner: Learner;
  let quantum: QuantumLearner | undefined;
  let shots = o.shots;
  let model: ReturnType<typeof deviceModel> | undefined;
  if (o.model === "classical") {
    if (o.device !== undefined || o.shots !== undefined)
      throw userError("Qml.InvalidOption", "--device and --shots apply to the quantum model only", {
        field: o.device !== undefined ? "device" : "shots",
        hint: "add --model quantum",
      });
    learner = classicalLearner(data, o.hidden ?? DEFAULTS.hidden, initRng);
  } else {
    if (o.device !== undefined) {
      model = deviceModel(o.device);
      if (shots === undefined) {
        shots = DEFAULTS.deviceShots;
        assumptions.push(`a device was named without --shots: ${shots} shots per circuit execution`);
      }
    }
    const ctx = { shots, rng: createPrng((seed + 2) >>> 0), fidelity: 1 };
    quantum = quantumLearner(
      data,
      {
        ansatz: o.ansatz ?? DEFAULTS.ansatz,
        qubits: o.qubits ?? DEFAULTS.qubits,
        layers: o.layers ?? DEFAULTS.layers,
        ctx,
      },
      initRng,
    );
    if (model) ctx.fidelity = circuitFidelity(model, quantum.counts);
    learner = quantum;
    assumptions.push(
      shots === undefined
        ? "exact expectation values from the statevector (infinite shots); pass --shots to sample"
        : `${shots} shots per circuit execution, sampled with the seeded PRNG`,
      "gradients by the parameter-shift rule: 2 circuit executions per weight per example, plus 1 for the loss",
      "ledger FLOPs for the quantum model count the classical optimiser and chain rule only, not the simulation",
    );
  }

  const P = learner.params.length;
  const optimizer = createOptimizer(optimizerName, learningRate, P);
  const grad = new Float64Array(P);
  const order = data.train.map((_, i) => i);
  const stepsPerEpoch = Math.ceil(data.train.length / batchSize);
  const totalSteps = epochs * stepsPerEpoch;
  const losses: number[] = [];
  const heldOutLosses: number[] = [];
  let steps = 0;
  let optimizerFlops = 0;
  const evaluation = { circuitExecutions: 0, shots: 0, flops: 0 };
  /** Runs an evaluation and books what it ran under `evaluation`. */
  const evaluating = <T>(f: () => T): T => {
    const before = {
      e: quantum?.ledger.circuitExecutions ?? 0,
      s: quantum?.ledger.shots ?? 0,
      f: learner.flops,
    };
    const value = f();
    evaluation.circuitExecutions += (quantum?.ledger.circuitExecutions ?? 0) - before.e;
    evaluation.shots += (quantum?.ledger.shots ?? 0) - before.s;
    evaluation.flops += learner.flops - before.f;
    return value;
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, orderRng);
    let sum = 0;
    for (let b = 0; b < order.length; b += batchSize) {
      grad.fill(0);
      const end = Math.min(order.length, b + batchSize);
      for (let i = b; i < end; i++) sum += learner.lossAndGradient(data.train[order[i]], grad);
      const inv = 1 / (end - b);
      for (let k = 0; k < P; k++) grad[k] *= inv;
      optimizer.step(learner.params, grad);
      optimizerFlops += (optimizer.flopsPerParameter + 1) * P;
      steps++;
      o.onProgress?.(steps, totalSteps);
    }
    if (!Number.isFinite(sum))
      throw userError("Qml.Diverged", `training diverged in epoch ${epoch + 1}: the loss is not finite`, {
        field: "learningRate",
        hint: `lower the learning rate (now ${learningRate})`,
      });
    losses.push(sum / data.train.length);
    heldOutLosses.push(evaluating(() => mean(data.heldOut.map((ex) => learner.evaluate(ex).loss))));
  }
  const accuracyOf = (set: typeof data.train) =>
    mean(set.map((ex) => (learner.evaluate(ex).predicted === ex.label ? 1 : 0)));
  const accuracy = evaluating(() => accuracyOf(data.train));
  const heldOutAccuracy = evaluating(() => accuracyOf(data.heldOut));

  const ledger: TrainLedger = {
    parameters: P,
    steps,
    examples: steps === 0 ? 0 : epochs * data.train.length,
    circuitExecutions: quantum?.ledger.circuitExecutions ?? 0,
    gradientExecutions: quantum?.ledger.gradientExecutions ?? 0,
    gradientExecutionsPerExample: quantum ? 2 * P * settingsPerEvaluation(quantum.readout) : 0,
    shots: quantum?.ledger.shots ?? 0,
    shotsPerExecution: shots ?? null,
    wallSeconds: (performance.now() - start) / 1000,
    flops: learner.flops + optimizerFlops,
    evaluation,
  };
  const result: TrainResult = {
    task: o.task,
    model: o.model,
    seed,
    losses,
    heldOutLosses,
    accuracy,
    heldOutAccuracy,
    ledger,
    modelDescription: learner.describe,
    dataset: {
      source: data.source,
      train: data.train.length,
      heldOut: data.heldOut.length,
      classes: data.classes,
    },
    config: {
      epochs,
      batchSize,
      learningRate,
      optimizer: optimizerName,
      ...(quantum
        ? {
            qubits: quantum.circuit.numQubits,
            layers: o.layers ?? DEFAULTS.layers,
            ansatz: o.ansatz ?? DEFAULTS.ansatz,
            ...(shots !== undefined ? { shots } : {}),
          }
        : { hidden: o.hidden ?? DEFAULTS.hidden }),
    },
    assumptions,
    unverified,
  };
  if (quantum) {
    result.circuit = { ...quantum.counts, fidelity: model ? circuitFidelity(model, quantum.counts) : 1 };
    if (model && shots !== undefined) {
      const cost = deviceCost(model, quantum.counts, ledger.shots, ledger.circuitExecutions);
      result.deviceCost = cost;
      ledger.device = cost.device;
      ledger.deviceSeconds = cost.seconds;
      ledger.deviceUsd = cost.usd;
      assumptions.push(...cost.assumptions);
      unverified.push(...cost.unverified);
    }
  }
  return result;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
