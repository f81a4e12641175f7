// The quantum side's ways to train a language model, each written as the GPU time times a product of factors
// with one meaning each, so that Σ factorLog10 = log10(strategy seconds / GPU seconds) exactly:
//   variational (NISQ or fault-tolerant): a circuit with one parameterised two-qubit gate per weight, trained by
//     parameter shift; every shot encodes one sampled token, runs the circuit and reads one sample of the output
//     distribution;
//   ft-arithmetic: fault-tolerant arithmetic executing the same FLOPs as the GPU (Hoefler et al. 2023's
//     fp16 multiplier: 2N² CCZ per multiply on 5N−1 logical qubits, parallel multipliers);
//   data-loading-bound: every training token through the machine's I/O channel, which any strategy pays.
// Capacities (qubits, coherence) are constraints, never factors. Every fault-tolerant cost comes from the
// QRE-compatible estimator (./ftqc) through ./ft-record.ts, with the record that reproduces it.

import {
  type CircuitShape,
  deviceTiming,
  repetitionDelay,
  scaleTiming,
  shotCycleSeconds,
  successProbabilityLog10,
} from "../device/timing.js";
import { isQfitError } from "../errors.js";
import { getQpu } from "../hardware/catalog.js";
import type { Qpu } from "../hardware/schema.js";
import { formatDurationLog10, formatQubits, formatSci } from "../units/format.js";
import type { BottleneckFactor, Constraint, Strategy } from "../verdict/contract.js";
import multiplierJson from "./data/hoefler-multiplier.json" with { type: "json" };
import hoeflerJson from "./data/hoefler-rates.json" with { type: "json" };
import { qubitParamsFromDevice, runFaultTolerant } from "./ft-record.js";
import { coprocessingRecord } from "./ftqc/decoding.js";
import type { FtEstimate, QubitParamsInput } from "./ftqc/types.js";
import { bitsPerToken, type EncodingMethod, encodingCost, shotsPerExpectation } from "./io.js";
import { earliestLogical, earliestPhysical } from "./roadmap.js";

/** A strategy with its uncapped log10 time (a NISQ time can exceed a double). `secondsLog10` comes from the
 *  strategy's own time model; its factors must multiply out to it (tested), which is what keeps them honest. */
export interface LlmStrategy extends Strategy {
  secondsLog10: number;
  detail: Record<string, number | string | null>;
}

/** What every strategy needs of the training job and the GPU side it is measured against. */
export interface StrategyContext {
  params: number;
  tokens: number;
  dModel: number;
  vocabSize: number;
  steps: number;
  bitsPerValue: number;
  flops: number;
  gpuSeconds: number;
}

export interface StrategySettings {
  qpu: string;
  epsilon: number;
  /** "auto" tries both and keeps the faster (the favourable choice). */
  encoding: EncodingMethod | "auto";
  /** The qubit under error correction: an Azure preset, custom qubitParams, or "device" (the NISQ device's). */
  ftQubit: string | QubitParamsInput;
  qec: string;
  /** Error budget of one fault-tolerant program (one shot, or one step's arithmetic). */
  errorBudget: number;
  /** Sampled multipliers of the quantum side's numbers (all 1 for the point estimate). */
  scale: QuantumScale;
}

/** Multipliers of the quantum side's uncertain numbers (issue 13 ranges; the workload maps its sampled factors
 *  here). A fault-tolerant preset qubit is scaled by the caller (its params are the estimator's); the NISQ device's
 *  numbers, and the device under QEC, are scaled here. */
export interface QuantumScale {
  /** The device's gate and readout times and its wait between shots: the whole shot cycle (qpuGateTimeFactor). */
  gateTime: number;
  /** The device's gate and readout error rates (qpuErrorRateFactor). */
  errorRate: number;
  /** Quantum operations per unit of work: parameterised gates per weight, CCZ per fp16 multiply
   *  (algorithmConstantFactor). */
  operations: number;
  /** The QPU's price per second (quantumPriceFactor). */
  price: number;
}

export const UNSCALED: QuantumScale = { gateTime: 1, errorRate: 1, operations: 1, price: 1 };

/** The NISQ device's timing with the sampled time and error multipliers applied. */
const timingOf = (qpu: Qpu, s: StrategySettings) =>
  scaleTiming(deviceTiming(qpu), s.scale.gateTime, s.scale.errorRate);

const hoefler = { ...hoeflerJson, ...multiplierJson };
const log10 = Math.log10;

function factor(
  name: string,
  factorLog10: number,
  formula: string,
  explanation: string,
  sources: string[],
): BottleneckFactor {
  return { name, factorLog10, formula, explanation, sources };
}

function finish(
  base: Omit<LlmStrategy, "seconds" | "secondsLog10" | "feasible">,
  secondsLog10: number,
): LlmStrategy {
  // Beyond a double the time is Infinity (JSON null) and secondsLog10 keeps the number.
  const seconds = 10 ** secondsLog10;
  return {
    ...base,
    seconds,
    secondsLog10,
    feasible: base.constraints.every((c) => c.satisfied),
  };
}

function capacity(
  name: string,
  needed: number,
  available: number,
  unit: string,
  basis: string,
  year: number | null,
): Constraint {
  const satisfied = needed <= available;
  return { name, needed, available, unit, satisfied, basis, yearSatisfied: satisfied ? null : year };
}

/** GPU cluster seconds per FLOP: the time base every "clock" factor compares with. */
function gpuSecondsPerFlop(ctx: StrategyContext): number {
  return ctx.gpuSeconds / ctx.flops;
}

/** The factors every variational strategy shares: parameter shift, shots, and the work one shot stands for. */
function variationalCommon(ctx: StrategyContext, epsilon: number): BottleneckFactor[] {
  const S = shotsPerExpectation(epsilon);
  return [
    factor(
      "gradient-evaluations",
      log10(2 * ctx.params),
      `2·P = 2 × ${formatSci(ctx.params, 3)} circuits per gradient (parameter shift)`,
      "parameter shift needs two circuit evaluations per parameter, where backpropagation needs one backward pass for all",
      ["[parameter-shift]", "[abbas2023]"],
    ),
    factor(
      "shots-per-estimate",
      log10(S),
      `1/ε² = 1/${formatSci(epsilon, 2)}² = ${formatSci(S, 2)} shots per expectation`,
      "each expectation value is estimated from samples, one per shot; one sampled output distribution gives all vocabulary probabilities at once, so readout adds no factor of the vocabulary",
      ["[parameter-shift]"],
    ),
    factor(
      "gpu-work-per-step",
      log10((ctx.steps * 2 * ctx.params) / ctx.flops),
      `steps × 2P / FLOPs = ${formatSci(ctx.steps, 2)} × ${formatSci(2 * ctx.params, 2)} / ${formatSci(ctx.flops, 3)}`,
      "the GPU's step covers the whole batch (forward and backward, 6P FLOPs per token); one shot covers one sampled token's forward pass (2P FLOP-equivalents), so the QPU samples far fewer tokens per step",
      ["[kaplan2020]"],
    ),
  ];
}

interface VariationalShape {
  method: EncodingMethod;
  qubits: number;
  encodingLayers: number;
  encodingGates: number;
  modelLayers: number;
  gatesPerLayer: number;
  /** Parameterised gates for the weights: one per weight × the sampled algorithm constant. */
  weightGates: number;
}

function variationalShape(
  ctx: StrategyContext,
  method: EncodingMethod,
  s: StrategySettings,
): VariationalShape {
  const enc = encodingCost(ctx.dModel, method, ctx.bitsPerValue);
  const gatesPerLayer = Math.max(1, Math.floor(enc.qubits / 2));
  const weightGates = Math.max(1, Math.round(ctx.params * s.scale.operations));
  return {
    method,
    qubits: enc.qubits,
    encodingLayers: enc.depth,
    encodingGates: enc.gates,
    modelLayers: Math.ceil(weightGates / gatesPerLayer),
    gatesPerLayer,
    weightGates,
  };
}

function methods(encoding: StrategySettings["encoding"]): EncodingMethod[] {
  return encoding === "auto" ? ["amplitude", "basis"] : [encoding];
}

function pickFaster(list: LlmStrategy[], encoding: StrategySettings["encoding"]): LlmStrategy {
  const best = list.reduce((a, b) => (b.secondsLog10 < a.secondsLog10 ? b : a));
  if (encoding === "auto") {
    best.assumptions.push(
      `encoding: ${best.settings.encoding}, the faster of ${list.map((s) => `${s.settings.encoding} (${formatDurationLog10(s.secondsLog10)})`).join(" and ")} — the choice most favourable to the quantum side`,
    );
    best.settings.encodingChoice = "fastest of amplitude and basis";
  }
  return best;
}

/** Parameter-shift training of a variational circuit on today's device, without error correction. */
export function variationalNisq(ctx: StrategyContext, s: StrategySettings): LlmStrategy {
  const qpu = getQpu(s.qpu);
  return pickFaster(
    methods(s.encoding).map((m) => variationalNisqWith(ctx, s, qpu, m)),
    s.encoding,
  );
}

function variationalNisqWith(
  ctx: StrategyContext,
  s: StrategySettings,
  qpu: Qpu,
  method: EncodingMethod,
): LlmStrategy {
  const t = timingOf(qpu, s);
  const v = variationalShape(ctx, method, s);
  const layers = v.encodingLayers + v.modelLayers;
  const circuit: CircuitShape = {
    qubits: v.qubits,
    oneQubitGates: method === "basis" ? v.encodingGates : 0,
    twoQubitGates: v.weightGates + (method === "amplitude" ? v.encodingGates : 0),
    depth: layers,
  };
  const delay = repetitionDelay(qpu.id);
  const delayUs = delay.us * s.scale.gateTime;
  const t2q = t.twoQubitGateNs * 1e-9;
  const gatesSeconds = layers * t2q;
  const shotSeconds = shotCycleSeconds(circuit, t, delayUs);
  const espLog10 = successProbabilityLog10(circuit, t);
  const bottlenecks = [
    factor(
      "clock",
      log10(t2q / gpuSecondsPerFlop(ctx)),
      `t_2q / (GPU seconds per FLOP) = ${t.twoQubitGateNs} ns / ${formatSci(gpuSecondsPerFlop(ctx) * 1e9, 2)} ns`,
      `one layer of two-qubit gates on ${qpu.id} takes ${t.twoQubitGateNs} ns; the GPU cluster does a FLOP every ${formatSci(gpuSecondsPerFlop(ctx), 2)} s`,
      [qpu.source],
    ),
    factor(
      "gate-parallelism",
      log10(v.modelLayers / (2 * ctx.params)),
      `model layers / (2P FLOPs per forward) = ${formatSci(v.modelLayers, 3)} / ${formatSci(2 * ctx.params, 3)}`,
      `a layer applies ${formatSci(v.gatesPerLayer, 3)} weight gates at once on ${formatQubits(v.qubits)}; the GPU needs 2 FLOPs per weight`,
      [],
    ),
    factor(
      "encoding",
      log10(layers / v.modelLayers),
      `(encoding + model layers) / model layers = (${formatSci(v.encodingLayers, 3)} + ${formatSci(v.modelLayers, 3)}) / ${formatSci(v.modelLayers, 3)}`,
      `every shot re-prepares one token's d = ${ctx.dModel} input (${method} encoding, ${v.encodingLayers} layers): measuring destroys the state`,
      ["[state-prep]"],
    ),
    factor(
      "readout-and-reset",
      log10(shotSeconds / gatesSeconds),
      `(gates + readout ${t.readoutNs} ns + repetition delay ${delayUs} µs) / gates`,
      `each shot ends with a measurement and the device's wait before the next shot (${delay.note})`,
      [qpu.source],
    ),
    factor(
      "errors",
      -espLog10,
      "1 / ESP, ESP = Π(1−e_1q)·Π(1−e_2q)·(1−e_ro)^q·exp(−q·t/T)",
      `without error correction a shot is error-free with probability 10^${formatSci(espLog10, 3)}: the useful shots are 1/ESP times fewer (post-selection, the cheapest mitigation)`,
      ["[esp]"],
    ),
    ...variationalCommon(ctx, s.epsilon),
  ];
  const coherenceUs = t.coherenceUs;
  const phys = earliestPhysical(v.qubits);
  const constraints: Constraint[] = [
    capacity("physical-qubits", v.qubits, qpu.qubits, "qubits", `${qpu.id} today`, phys?.year ?? null),
  ];
  if (coherenceUs !== null)
    constraints.push(
      capacity("coherence", gatesSeconds * 1e6, coherenceUs, "µs", `min(T1, T2) of ${qpu.id}`, null),
    );
  if (qpu.model === "analog")
    constraints.push(capacity("gate-model", 1, 0, "gate-model device", `${qpu.id} is analog`, null));
  const strategy = finish(
    {
      name: "variational-nisq",
      title: "Variational circuit trained by parameter shift, on today's device",
      device: qpu.id,
      physicalQubits: v.qubits,
      costUsd: null,
      bottlenecks,
      constraints,
      faultTolerance: null,
      settings: { encoding: method, epsilon: s.epsilon, qpu: qpu.id },
      assumptions: [
        "generous to the QPU: one parameterised two-qubit gate per weight, packed ⌊q/2⌋ per layer; weights kept as classical angles",
        "each shot samples one token of the batch, so batch averaging costs no extra shots",
        delay.note,
        ...t.filledFrom,
      ],
      lowerBound: false,
      detail: {
        shotSeconds,
        gatesAndReadoutSeconds: shotSeconds - delayUs * 1e-6,
        successProbabilityLog10: espLog10,
        layers,
        qubits: v.qubits,
        shots: ctx.steps * 2 * ctx.params * shotsPerExpectation(s.epsilon),
      },
    },
    // shots × time per shot / ESP
    log10(ctx.steps * 2 * ctx.params * shotsPerExpectation(s.epsilon)) + log10(shotSeconds) - espLog10,
  );
  if (qpu.priceUsdPerQpuSecond !== null && strategy.secondsLog10 < 300)
    strategy.costUsd = strategy.seconds * qpu.priceUsdPerQpuSecond * s.scale.price;
  return strategy;
}

/** Resolves the fault-tolerant qubit setting: a preset, custom params, or the NISQ device under QEC; `device` names
 *  it for the output and `setting` is how the settings record it. */
function ftQubit(s: StrategySettings): {
  qubit: string | QubitParamsInput;
  note: string;
  device: string;
  setting: string;
} {
  if (s.ftQubit === "device") {
    const qpu = getQpu(s.qpu);
    const { params, note } = qubitParamsFromDevice(qpu, timingOf(qpu, s));
    return { qubit: params, note, device: `${s.qpu} under QEC`, setting: "device" };
  }
  const name = typeof s.ftQubit === "string" ? s.ftQubit : (s.ftQubit.name ?? "custom qubit");
  return { qubit: s.ftQubit, note: "", device: name, setting: name };
}

/** Physical two-qubit gate time of the estimator's resolved qubit (Majorana: the joint measurement). */
function physicalGateNs(params: Record<string, unknown>): number {
  const v = params.twoQubitGateTime ?? params.twoQubitJointMeasurementTime ?? params.oneQubitMeasurementTime;
  return typeof v === "number" ? v : 1;
}

function ftConstraints(physicalQubits: number, logicalQubits: number, qpu: Qpu): Constraint[] {
  return [
    capacity(
      "physical-qubits",
      physicalQubits,
      qpu.qubits,
      "qubits",
      `${qpu.id} today (the largest error-corrected machines are smaller still)`,
      earliestPhysical(physicalQubits)?.year ?? null,
    ),
    capacity(
      "logical-qubits",
      logicalQubits,
      0,
      "logical qubits",
      "no error-corrected logical qubits available for computation today; the year is the first roadmap promising them",
      earliestLogical(logicalQubits)?.year ?? null,
    ),
  ];
}

type FtAnswer = ReturnType<typeof runFaultTolerant> | { infeasible: string; needed: number; max: number };

/** The estimator's answer, or the reason no code distance reaches the error budget (a capacity, not a time). An
 *  uncertainty band evaluates the same training job many times with only the classical side moved (MFU, goodput,
 *  PUE): the estimator keeps its answers by input (estimateFaultTolerant), so those repeats cost a lookup. */
function tryFaultTolerant(...args: Parameters<typeof runFaultTolerant>): FtAnswer {
  try {
    return runFaultTolerant(...args);
  } catch (e) {
    if (!isQfitError(e) || e.code !== "Estimate.FT.Infeasible") throw e;
    const m = /code distance (\d+) is above maxCodeDistance (\d+)/.exec(e.message);
    return { infeasible: e.message, needed: m ? Number(m[1]) : 1, max: m ? Number(m[2]) : 0 };
  }
}

/** A fault-tolerant strategy the estimator cannot do at any code distance: infeasible, with no finite time. */
function ftImpossible(
  name: string,
  title: string,
  device: string,
  why: { infeasible: string; needed: number; max: number },
  settings: LlmStrategy["settings"],
  assumptions: string[],
): LlmStrategy {
  return finish(
    {
      name,
      title,
      device,
      physicalQubits: 0,
      costUsd: null,
      bottlenecks: [
        factor(
          "error-correction",
          Number.POSITIVE_INFINITY,
          "no code distance up to the scheme's maximum reaches the error budget",
          `error correction cannot make this program reliable: ${why.infeasible}`,
          ["[F1]"],
        ),
      ],
      constraints: [
        capacity(
          "code-distance",
          why.needed,
          why.max,
          "code distance",
          "the QEC scheme's maximum distance",
          null,
        ),
      ],
      faultTolerance: null,
      settings,
      assumptions,
      lowerBound: false,
      detail: {},
    },
    Number.POSITIVE_INFINITY,
  );
}

/** The estimator's timing as factors: physical clock, error-correction slowdown, waiting for magic states. */
function ftTiming(ctx: StrategyContext, e: FtEstimate, qec: string) {
  const t2qNs = physicalGateNs(e.jobParams.qubitParams);
  const tau = e.logicalQubit.logicalCycleTime;
  const d = e.logicalQubit.codeDistance;
  const cAlg = e.physicalCounts.breakdown.algorithmicLogicalDepth;
  const runtimeNs = e.physicalCounts.runtime;
  return {
    cAlg,
    runtimeNs,
    clock: factor(
      "clock",
      log10((t2qNs * 1e-9) / gpuSecondsPerFlop(ctx)),
      `physical t_2q / (GPU seconds per FLOP) = ${t2qNs} ns / ${formatSci(gpuSecondsPerFlop(ctx) * 1e9, 2)} ns`,
      `the physical qubit's two-qubit gate takes ${t2qNs} ns against the GPU cluster's ${formatSci(gpuSecondsPerFlop(ctx), 2)} s per FLOP`,
      ["[F2]"],
    ),
    errorCorrection: factor(
      "error-correction",
      log10(tau / t2qNs),
      `logical cycle / t_2q = ${formatSci(tau, 3)} ns / ${t2qNs} ns (code distance ${d})`,
      `a logical cycle of the ${qec} at distance ${d} takes ${formatSci(tau / t2qNs, 2)} physical gate times`,
      ["[F1]"],
    ),
    factories: factor(
      "magic-state-factories",
      log10(runtimeNs / (cAlg * tau)),
      `runtime / (algorithmic depth × logical cycle) with ${e.physicalCounts.breakdown.numTfactories} T factories`,
      "waiting for distilled T/CCZ states beyond the algorithm's own depth (1 when the factories keep up)",
      ["[F1]"],
    ),
  };
}

/** Parameter-shift training of the same variational circuit, each shot a fault-tolerant program. */
export function variationalFt(ctx: StrategyContext, s: StrategySettings): LlmStrategy {
  return pickFaster(
    methods(s.encoding).map((m) => variationalFtWith(ctx, s, m)),
    s.encoding,
  );
}

function variationalFtWith(ctx: StrategyContext, s: StrategySettings, method: EncodingMethod): LlmStrategy {
  const v = variationalShape(ctx, method, s);
  // Basis encoding is a layer of X gates: Paulis, tracked in software under error correction (free).
  const encLayers = method === "amplitude" ? v.encodingLayers : 0;
  const q = ftQubit(s);
  const title = "Variational circuit trained by parameter shift, fault-tolerant";
  const device = q.device;
  const settings = {
    encoding: method,
    epsilon: s.epsilon,
    ftQubit: q.setting,
    qec: s.qec,
    errorBudgetPerShot: s.errorBudget,
  };
  const run = tryFaultTolerant(
    {
      numQubits: v.qubits,
      rotationCount: v.weightGates + (method === "amplitude" ? v.encodingGates : 0),
      rotationDepth: v.modelLayers + encLayers,
      measurementCount: v.qubits,
    },
    q.qubit,
    s.qec,
    s.errorBudget,
  );
  if ("infeasible" in run) return ftImpossible("variational-ft", title, device, run, settings, []);
  const e = run.estimate;
  const { cAlg, runtimeNs, clock, errorCorrection, factories } = ftTiming(ctx, e, s.qec);
  const layers = v.modelLayers + encLayers;
  const bottlenecks = [
    clock,
    errorCorrection,
    factor(
      "gate-parallelism",
      log10(v.modelLayers / (2 * ctx.params)),
      `model layers / (2P FLOPs per forward) = ${formatSci(v.modelLayers, 3)} / ${formatSci(2 * ctx.params, 3)}`,
      `a layer applies ${formatSci(v.gatesPerLayer, 3)} weight rotations at once on ${formatQubits(v.qubits)} (logical); the GPU needs 2 FLOPs per weight`,
      [],
    ),
    factor(
      "encoding",
      log10(layers / v.modelLayers),
      `(encoding + model layers) / model layers = (${formatSci(encLayers, 3)} + ${formatSci(v.modelLayers, 3)}) / ${formatSci(v.modelLayers, 3)}`,
      method === "amplitude"
        ? `every shot re-prepares one token's d = ${ctx.dModel} amplitudes (${v.encodingLayers} rotation layers)`
        : "basis encoding is a layer of Pauli X gates, free under error correction (Pauli frame)",
      ["[state-prep]"],
    ),
    factor(
      "rotation-synthesis",
      log10(cAlg / layers),
      `algorithmic logical depth / layers = ${formatSci(cAlg, 3)} / ${formatSci(layers, 3)} (${e.physicalCounts.breakdown.numTsPerRotation ?? 0} T per rotation, PSSPC layout)`,
      "each arbitrary rotation is synthesised from T gates and the layout serialises them (Azure's PSSPC model)",
      ["[F1]"],
    ),
    factories,
    ...variationalCommon(ctx, s.epsilon),
  ];
  const qpu = getQpu(s.qpu);
  return finish(
    {
      name: "variational-ft",
      title,
      device,
      physicalQubits: run.record.physicalQubits,
      costUsd: null,
      bottlenecks,
      constraints: ftConstraints(run.record.physicalQubits, v.qubits, qpu),
      faultTolerance: run.record,
      // Decoders for one shot's machine, their energy and cost over every shot.
      classicalCoprocessing: coprocessingRecord(e, {
        runs: ctx.steps * 2 * ctx.params * shotsPerExpectation(s.epsilon),
      }),
      // The record is one shot: the strategy runs it `ftRuns` times one after another.
      settings: {
        ...settings,
        ftRuns: ctx.steps * 2 * ctx.params * shotsPerExpectation(s.epsilon),
        ftParallel: 1,
      },
      assumptions: [
        `each shot is one fault-tolerant program with error budget ${s.errorBudget}: a failed shot only biases one sample, so the budget need only be of the order of ε`,
        "the same generous circuit as on today's device: one parameterised rotation per weight",
        ...(q.note ? [q.note] : []),
      ],
      lowerBound: false,
      detail: {
        shotSeconds: runtimeNs * 1e-9,
        codeDistance: e.logicalQubit.codeDistance,
        logicalQubits: v.qubits,
        shots: ctx.steps * 2 * ctx.params * shotsPerExpectation(s.epsilon),
      },
    },
    // shots × the estimator's runtime per shot
    log10(ctx.steps * 2 * ctx.params * shotsPerExpectation(s.epsilon)) + log10(runtimeNs * 1e-9),
  );
}

/** Fault-tolerant arithmetic executing the GPU's FLOPs, with Hoefler et al.'s fp16 multipliers in parallel. */
export function ftArithmetic(ctx: StrategyContext, s: StrategySettings): LlmStrategy {
  const m = hoefler.fp16Multiplier;
  // Hoefler et al.'s CCZ per multiply × the sampled algorithm constant (1 for the point estimate).
  const cczPerMultiply = m.cczPerMultiply * s.scale.operations;
  const machine = hoefler.machines.futureQc;
  const lanes = Math.max(1, Math.floor(hoefler.futureQcLogicalQubits / m.logicalQubitsWithFactories));
  const macs = ctx.flops / 2;
  const macsPerLaneStep = macs / (ctx.steps * lanes);
  const cczPerLaneStep = Math.max(1, Math.round(macsPerLaneStep * cczPerMultiply));
  const q = ftQubit(s);
  const title = "Fault-tolerant arithmetic executing the same FLOPs (Hoefler et al. 2023)";
  const device = q.device;
  const settings = {
    ftQubit: q.setting,
    qec: s.qec,
    errorBudgetPerStep: s.errorBudget,
    parallelMultipliers: lanes,
  };
  const run = tryFaultTolerant(
    { numQubits: m.logicalQubits, cczCount: cczPerLaneStep },
    q.qubit,
    s.qec,
    s.errorBudget,
  );
  if ("infeasible" in run) return ftImpossible("ft-arithmetic", title, device, run, settings, []);
  const e = run.estimate;
  const { cAlg, runtimeNs, clock, errorCorrection, factories } = ftTiming(ctx, e, s.qec);
  const flopsPerLaneStep = (2 * cczPerLaneStep) / cczPerMultiply;
  const bottlenecks = [
    clock,
    errorCorrection,
    factor(
      "arithmetic-circuit",
      log10(cAlg / flopsPerLaneStep),
      `logical cycles per FLOP = ${formatSci(cAlg, 3)} / ${formatSci(flopsPerLaneStep, 3)} (${cczPerMultiply} CCZ per fp16 multiply, 3 cycles per CCZ in PSSPC)`,
      `a reversible ${m.mantissaBits}-bit multiplier costs ${cczPerMultiply} CCZ gates, where the GPU spends one FLOP`,
      ["[hoefler2023]", "[F1]"],
    ),
    factories,
    factor(
      "parallel-multipliers",
      log10((ctx.steps * flopsPerLaneStep) / ctx.flops),
      `1 / ${lanes} multipliers working at once (${hoefler.futureQcLogicalQubits} logical qubits / ${m.logicalQubitsWithFactories} per multiplier with its factories)`,
      `Hoefler et al.'s machine runs ${lanes} multipliers in parallel`,
      ["[hoefler2023]"],
    ),
  ];
  const qpu = getQpu(s.qpu);
  const physicalQubits = lanes * run.record.physicalQubits;
  const weightQubits = ctx.params * ctx.bitsPerValue;
  const constraints = ftConstraints(physicalQubits, weightQubits + lanes * m.logicalQubits, qpu);
  constraints.push(
    capacity(
      "resident-weights",
      weightQubits,
      hoefler.futureQcLogicalQubits,
      "logical qubits",
      `the weights (P × ${ctx.bitsPerValue} bits) held coherently, against Hoefler et al.'s ${hoefler.futureQcLogicalQubits} logical qubits; streaming them instead costs I/O at ${machine.ioGbitPerS} Gbit/s every step`,
      earliestLogical(weightQubits)?.year ?? null,
    ),
  );
  return finish(
    {
      name: "ft-arithmetic",
      title,
      device,
      physicalQubits,
      costUsd: null,
      bottlenecks,
      constraints,
      faultTolerance: run.record,
      // Decoders for all the multipliers at once, their energy and cost over every step.
      classicalCoprocessing: coprocessingRecord(e, { parallel: lanes, runs: ctx.steps }),
      // The record is one multiplier's share of one step: `ftParallel` copies at once, `ftRuns` steps in a row.
      settings: { ...settings, ftRuns: ctx.steps, ftParallel: lanes },
      assumptions: [
        `the estimator's record is one multiplier's share of one training step (${formatSci(cczPerLaneStep, 3)} CCZ on ${m.logicalQubits} logical qubits); ${lanes} multipliers run at once and the ${formatSci(ctx.steps, 2)} steps run one after another`,
        `error budget ${s.errorBudget} per step: a failed step is detected and redone (favourable)`,
        "the weights are assumed resident (a capacity constraint, not a time factor); additions and non-linearities are free",
        ...(q.note ? [q.note] : []),
      ],
      lowerBound: false,
      detail: {
        parallelMultipliers: lanes,
        stepSeconds: runtimeNs * 1e-9,
        codeDistance: e.logicalQubit.codeDistance,
        hoeflerRateSeconds: ctx.flops / 2 / machine.fp16OpsPerS,
      },
    },
    // steps one after another, each the estimator's runtime for one multiplier's share
    log10(ctx.steps) + log10(runtimeNs * 1e-9),
  );
}

/** Every training token through the machine's I/O channel: a floor under any quantum strategy. */
export function dataLoadingBound(ctx: StrategyContext): LlmStrategy {
  const io = hoefler.machines.futureQc.ioGbitPerS * 1e9;
  const bits = bitsPerToken(ctx.vocabSize);
  return finish(
    {
      name: "data-loading-bound",
      title: "Data-loading lower bound: all training tokens into the machine",
      device: "future fault-tolerant QC (Hoefler et al.)",
      physicalQubits: 0,
      costUsd: null,
      bottlenecks: [
        factor(
          "io-per-token",
          log10(bits / io / gpuSecondsPerFlop(ctx)),
          `(⌈log2 ${ctx.vocabSize}⌉ = ${bits} bits / ${hoefler.machines.futureQc.ioGbitPerS} Gbit/s) / (GPU seconds per FLOP)`,
          `loading one token id takes ${formatSci(bits / io, 2)} s through a 1 Gbit/s quantum I/O channel, against the GPU cluster's time per FLOP`,
          ["[hoefler2023]"],
        ),
        factor(
          "flops-per-token",
          log10(ctx.tokens / ctx.flops),
          `tokens / FLOPs = ${formatSci(ctx.tokens, 3)} / ${formatSci(ctx.flops, 3)}`,
          "the GPU spends about 6P FLOPs on each token; the bound charges only the token's loading",
          ["[kaplan2020]"],
        ),
      ],
      constraints: [],
      faultTolerance: null,
      settings: { bitsPerToken: bits, ioGbitPerS: hoefler.machines.futureQc.ioGbitPerS },
      assumptions: [
        "the most favourable loading: each token as its id (⌈log2 vocabulary⌉ bits), once, at Hoefler et al.'s 1 Gbit/s; no computation at all",
      ],
      lowerBound: true,
      detail: { bits: ctx.tokens * bits },
    },
    log10((ctx.tokens * bits) / io),
  );
}
