// LLM training, end to end, on plain numbers: the work (parameters, tokens, shape, steps) → the GPU cluster
// (the classical side) → every quantum strategy, each as GPU time × a product of factors (./llm-strategies.ts)
// → the best strategy for the quantum side and the verdict against it. Imports nothing from src/workloads: a
// caller resolves presets into an `LlmWork` first.

import { userError } from "../errors.js";
import { catalog, citations } from "../hardware/catalog.js";
import { formatDuration, formatOrders, formatSci } from "../units/format.js";
import { secondsToYears } from "../units/quantity.js";
import { summarizeV2 } from "../verdict/compose.js";
import type { ClassicalSide, Constraint } from "../verdict/contract.js";
import {
  type Crossover,
  decide,
  type VerdictBottleneck,
  type VerdictGpu,
  type VerdictQpu,
  type Winner,
} from "../verdict/verdict.js";
import type { QubitParamsInput } from "./ftqc/types.js";
import { estimateGpu, estimateGpuFromReportedHours, type GpuEstimate, type GpuOptions } from "./gpu.js";
import type { EncodingMethod } from "./io.js";
import { llmShapeForParams } from "./llm-shape.js";
import type { LlmWork } from "./llm-work.js";

export type { LlmWork };

import {
  dataLoadingBound,
  ftArithmetic,
  type LlmStrategy,
  type QuantumScale,
  type StrategyContext,
  type StrategySettings,
  UNSCALED,
  variationalFt,
  variationalNisq,
} from "./llm-strategies.js";
import { DEFAULT_QEC } from "./native.js";

export type { LlmStrategy } from "./llm-strategies.js";

export interface LlmEstimateOptions extends GpuOptions {
  /** Today's device for the NISQ strategy (catalog id). */
  qpu?: string;
  /** Precision of each estimated expectation; default 1/√(batch tokens), see DEFAULT_EPSILON_NOTE. */
  epsilon?: number;
  /** Default "auto": the faster of amplitude and basis encoding. */
  encoding?: EncodingMethod | "auto";
  /** Qubit for the fault-tolerant strategies: an Azure preset, custom qubitParams, or "device"; default qubit_gate_ns_e4. */
  ftQubit?: string | QubitParamsInput;
  /** QEC scheme (Azure name); default surface_code. */
  qec?: string;
  /** Error budget of one fault-tolerant program (a shot, or one step's arithmetic); default 1e-3. */
  errorBudget?: number;
  /** Count the attention FLOPs 6·n_layer·n_ctx·d_model per token (Kaplan Table 1); default true when the shape is known. */
  attention?: boolean;
  /** Skip the model-size sweep (it estimates eight more models). */
  skipCrossover?: boolean;
  /** Sampled multipliers of the quantum side's numbers (uncertainty ranges); each 1 when not given. */
  quantumScale?: Partial<QuantumScale>;
}

export const DEFAULT_QPU = "ibm-heron-r2";
export const DEFAULT_FT_QUBIT = "qubit_gate_ns_e4";
export const DEFAULT_FT_ERROR_BUDGET = 1e-3;
export const DEFAULT_EPSILON_NOTE =
  "ε = 1/√(batch tokens) by default: the shot noise of one shot per token of the batch, as noisy a gradient as the GPU's own minibatch and no noisier — the largest ε that still trains the same model (favourable: it credits each shot with a whole token's gradient information)";

export interface LlmGpuPart extends VerdictGpu {
  secondsRange: [number, number];
  costUsdLow: number;
  costUsdHigh: number;
  mfu: number;
  goodput: number;
}

export interface LlmQpuPart extends VerdictQpu {
  years: number;
  costUsd: number | null;
  strategy: string;
}

export interface LlmCrossover extends Crossover {
  sizeLabel: string;
  gaps: Array<{
    params: number;
    gpuSeconds: number;
    qpuSeconds: number;
    qpuOverGpuLog10: number;
    best: string;
  }>;
}

export interface LlmTrainingEstimate {
  work: LlmWork;
  flops: number;
  flopsFormula: string;
  classical: ClassicalSide;
  strategies: LlmStrategy[];
  best: string;
  bestReason: string;
  /** log10(best strategy seconds / GPU seconds) = Σ of the best strategy's factorLog10. */
  qpuOverGpuLog10: number;
  winner: Winner;
  speedupLog10: number;
  summary: string;
  gpu: LlmGpuPart;
  qpu: LlmQpuPart;
  /** The best strategy's factors. */
  bottlenecks: VerdictBottleneck[];
  crossover: LlmCrossover;
  gpuDetail: GpuEstimate;
  /** The published run's GPU-hours spread over the same cluster, when the work has them. */
  reported: (GpuEstimate & { impliedMfu: number | null }) | null;
  notes: string[];
  assumptions: string[];
  unverified: string[];
  sources: Array<{ id: string; citation: string }>;
}

function check(field: string, v: number, ok: boolean, what: string): void {
  if (!Number.isFinite(v) || !ok)
    throw userError("Estimate.LlmTraining.InvalidParameter", `${what}, got ${v}`, { field });
}

/** Training FLOPs: 6·N·D (Kaplan §2.1), plus attention 6·n_layer·n_ctx·d_model per token when counted. */
export function trainingFlops(work: LlmWork, attention: boolean): { flops: number; formula: string } {
  const dense = 6 * work.params * work.tokens;
  if (!attention || work.layers === null || work.seqLen === null)
    return { flops: dense, formula: "6·N·D (Kaplan et al. 2020 §2.1: 2N forward + 4N backward per token)" };
  return {
    flops: dense + 6 * work.layers * work.seqLen * work.dModel * work.tokens,
    formula:
      "6·N·D + 6·n_layer·n_ctx·d_model·D (Kaplan et al. 2020 §2.1, Table 1: the attention term; training = 3× forward)",
  };
}

function resolveSettings(work: LlmWork, o: LlmEstimateOptions): StrategySettings {
  const epsilon = o.epsilon ?? 1 / Math.sqrt(work.batchTokens);
  check("epsilon", epsilon, epsilon > 0 && epsilon < 1, "must be a number in (0, 1)");
  const errorBudget = o.errorBudget ?? DEFAULT_FT_ERROR_BUDGET;
  check("errorBudget", errorBudget, errorBudget > 0 && errorBudget < 1, "must be a number in (0, 1)");
  const encoding = o.encoding ?? "auto";
  if (!["auto", "amplitude", "basis"].includes(encoding))
    throw userError("Estimate.LlmTraining.InvalidParameter", `unknown encoding "${encoding}"`, {
      field: "encoding",
      hint: "auto, amplitude or basis",
    });
  return {
    qpu: o.qpu ?? DEFAULT_QPU,
    epsilon,
    encoding,
    ftQubit: o.ftQubit ?? DEFAULT_FT_QUBIT,
    qec: o.qec ?? DEFAULT_QEC,
    errorBudget,
    scale: { ...UNSCALED, ...o.quantumScale },
  };
}

function checkWork(w: LlmWork): void {
  for (const f of [
    "params",
    "tokens",
    "batchTokens",
    "steps",
    "dModel",
    "vocabSize",
    "bitsPerValue",
  ] as const)
    check(f, w[f], w[f] > 0, "must be a positive number");
}

/** The estimate for `work`: the GPU cluster, every quantum strategy, and the best one for the quantum side. */
export function estimateLlmTraining(work: LlmWork, options: LlmEstimateOptions = {}): LlmTrainingEstimate {
  checkWork(work);
  const settings = resolveSettings(work, options);
  const attention = options.attention ?? (work.layers !== null && work.seqLen !== null);
  const { flops, formula: flopsFormula } = trainingFlops(work, attention);
  // A preset's own MFU applies when the caller gives none; a calibrated one is said so in the output.
  const presetMfu = options.mfu === undefined ? (work.presetMfu ?? null) : null;
  const gpuOptions: GpuOptions = {
    ...options,
    goodput: options.goodput ?? catalog.mfu.goodput.value,
    ...(presetMfu
      ? {
          mfu: presetMfu.value,
          mfuBasis: {
            text: `${presetMfu.basis} for this run: ${presetMfu.source}`,
            low: presetMfu.low,
            high: presetMfu.high,
          },
        }
      : {}),
  };
  const gpu = estimateGpu(
    { flops, residentBytes: work.trainingStateBytes ?? 0, maxUsefulGpus: work.maxUsefulGpus ?? null },
    gpuOptions,
  );
  const reported =
    work.reportedGpuHours && work.reportedGpu === gpu.device
      ? estimateGpuFromReportedHours(
          { gpuHours: work.reportedGpuHours, flops: work.publishedFlops ?? flops },
          gpuOptions,
        )
      : null;
  const ctx: StrategyContext = {
    params: work.params,
    tokens: work.tokens,
    dModel: work.dModel,
    vocabSize: work.vocabSize,
    steps: work.steps,
    bitsPerValue: work.bitsPerValue,
    flops,
    gpuSeconds: gpu.seconds,
  };
  const strategies = [
    variationalNisq(ctx, settings),
    variationalFt(ctx, settings),
    ftArithmetic(ctx, settings),
    dataLoadingBound(ctx),
  ];
  const { best, reason } = chooseBest(strategies);
  const bound = strategies.find((s) => s.name === "data-loading-bound")!;
  const qpuOverGpuLog10 = best.secondsLog10 - Math.log10(gpu.seconds);

  const classical: ClassicalSide = {
    method: "data-parallel transformer training (backpropagation, AdamW) on a GPU cluster",
    device: gpu.deviceName,
    count: gpu.count,
    seconds: gpu.seconds,
    feasible: gpu.memory.fits,
    costUsd: gpu.costUsd,
    energyJ: gpu.energyJ,
    formula: `${flopsFormula}; ${gpu.formula}`,
    sources: gpu.sources.map((s) => s.id),
    constraints: [memoryConstraint(gpu)],
  };
  const gpuPart: LlmGpuPart = {
    device: gpu.device,
    count: gpu.count,
    flops,
    seconds: gpu.seconds,
    secondsRange: gpu.secondsRange,
    singleGpuSeconds: gpu.singleGpuSeconds,
    gpuHours: gpu.gpuHours,
    energyJ: gpu.energyJ,
    costUsd: gpu.costUsd,
    costUsdLow: gpu.costUsdLow,
    costUsdHigh: gpu.costUsdHigh,
    mfu: gpu.mfu,
    goodput: gpu.goodput,
    feasible: gpu.memory.fits,
  };
  const binding = best.bottlenecks.reduce((a, b) => (b.factorLog10 > a.factorLog10 ? b : a));
  const qpuPart: LlmQpuPart = {
    device: `${best.device} (${best.name})`,
    feasible: best.feasible,
    seconds: best.seconds,
    years: secondsToYears(best.seconds),
    qubits: best.physicalQubits,
    bindingBottleneck: binding.name,
    costUsd: best.costUsd,
    strategy: best.name,
  };
  const { winner, speedupLog10 } = decide(
    { seconds: gpu.seconds, feasible: gpu.memory.fits },
    { seconds: best.seconds, feasible: best.feasible },
  );
  // decide() works on seconds; a NISQ time beyond a double keeps its true margin.
  const margin = winner === "gpu" ? Math.max(speedupLog10, qpuOverGpuLog10) : speedupLog10;

  const notes: string[] = [
    `best quantum strategy: ${best.name} (${reason})`,
    `no quantum strategy can beat the data-loading bound: ${formatDuration(bound.seconds)} to load ${formatSci(work.tokens, 3)} tokens at ${bound.settings.ioGbitPerS} Gbit/s (${formatOrders(bound.secondsLog10 - Math.log10(gpu.seconds))} the GPU time)`,
  ];
  if (reported)
    notes.push(
      `published ${formatSci(reported.gpuHours, 4)} ${reported.device} GPU-hours; the model gives ${formatSci(gpu.gpuHours, 4)} (${(((gpu.gpuHours - reported.gpuHours) / reported.gpuHours) * 100).toFixed(1)}%); implied MFU over billed hours ${reported.impliedMfu === null ? "n/a" : `${(reported.impliedMfu * 100).toFixed(1)}%`}`,
    );
  if (presetMfu?.basis === "calibrated") {
    const measured = catalog.mfu.default.mfu;
    notes.push(
      `MFU ${presetMfu.value} is calibrated, not measured: inferred from the published GPU-hours, so matching them is a consistency check; at the ${measured} measured for Llama 3 405B (${catalog.mfu.default.source}) the model gives ${formatSci((gpu.gpuHours * presetMfu.value) / measured, 3)} GPU-hours. ${presetMfu.note}`,
    );
  }
  if (!gpu.memory.fits)
    notes.push(
      `the training state (${formatSci(gpu.memory.residentBytes, 2)} bytes) needs at least ${gpu.memory.minGpus} ${gpu.device}s`,
    );
  const crossover = options.skipCrossover
    ? { size: null, year: null, explanation: "not computed", sizeLabel: "parameters", gaps: [] }
    : llmCrossover(options);
  const sourceList = [
    ...citations("[kaplan2020]", "[llama3-paper]", "[hoefler2023]"),
    ...gpu.sources,
    ...strategies.flatMap((s) => citations(...s.bottlenecks.flatMap((b) => b.sources))),
  ];
  return {
    work,
    flops,
    flopsFormula,
    classical,
    strategies,
    best: best.name,
    bestReason: reason,
    qpuOverGpuLog10,
    winner,
    speedupLog10: margin,
    summary: summarizeV2(
      winner === "gpu" ? "classical" : winner === "qpu" ? "quantum" : "neither",
      margin,
      classical,
      best,
    ),
    gpu: gpuPart,
    qpu: qpuPart,
    bottlenecks: best.bottlenecks.map((b) => ({
      name: b.name,
      factorLog10: b.factorLog10,
      explanation: b.explanation,
    })),
    crossover,
    gpuDetail: gpu,
    reported,
    notes,
    assumptions: [
      `training FLOPs ${flopsFormula}`,
      DEFAULT_EPSILON_NOTE.replace(
        "by default",
        options.epsilon === undefined ? "by default" : "(given instead)",
      ),
      `fault-tolerant strategies on ${typeof settings.ftQubit === "string" ? settings.ftQubit : "the given qubit"}${options.ftQubit === undefined ? " (Azure's optimistic 1e-4, 50 ns superconducting preset: the favourable default)" : ""}, ${settings.qec}`,
      ...gpu.assumptions,
      ...strategies.flatMap((s) => s.assumptions.map((a) => `${s.name}: ${a}`)),
    ],
    unverified: [
      ...gpu.unverified,
      ...(presetMfu?.basis === "calibrated"
        ? [
            `MFU ${presetMfu.value} is calibrated to this run's published GPU-hours (${presetMfu.source}), not measured`,
          ]
        : []),
    ],
    sources: [...new Map(sourceList.map((s) => [s.id, s])).values()],
  };
}

function memoryConstraint(gpu: GpuEstimate): Constraint {
  return {
    name: "classical-memory",
    needed: gpu.memory.minGpus,
    available: gpu.count,
    unit: `${gpu.device} GPUs`,
    satisfied: gpu.memory.fits,
    basis: "training state ÷ memory per GPU",
    yearSatisfied: null,
  };
}

/** The best strategy for the quantum side: the fastest runnable one (a lower bound is not a way to do the job). */
export function chooseBest(strategies: LlmStrategy[]): { best: LlmStrategy; reason: string } {
  const runnable = strategies.filter((s) => !s.lowerBound);
  const best = runnable.reduce((a, b) => (b.secondsLog10 < a.secondsLog10 ? b : a));
  const others = runnable
    .filter((s) => s !== best)
    .map((s) => `${s.name} ${formatOrders(s.secondsLog10 - best.secondsLog10)} slower`)
    .join(", ");
  return {
    best,
    reason: `the fastest of the ${runnable.length} runnable strategies (${others}); its binding factor is ${
      best.bottlenecks.reduce((a, b) => (b.factorLog10 > a.factorLog10 ? b : a)).name
    }${best.feasible ? "" : "; it is not feasible today (see its constraints)"}`,
  };
}

/** Model sizes swept for the crossover search: 1M to 10T parameters, Llama-3-like shapes, D = 20·N. */
export const CROSSOVER_SIZES = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13];

/** Sweeps already done, by options: the sweep depends on the hardware options only, not on the work. */
const crossoverMemo = new Map<string, LlmCrossover>();
const CROSSOVER_MEMO_MAX = 64;

/** Does the best quantum strategy ever win as the model grows? */
export function llmCrossover(options: LlmEstimateOptions = {}): LlmCrossover {
  const key = JSON.stringify({ ...options, skipCrossover: undefined });
  const hit = crossoverMemo.get(key);
  if (hit) return structuredClone(hit);
  const result = sweepCrossover(options);
  if (crossoverMemo.size >= CROSSOVER_MEMO_MAX) crossoverMemo.delete(crossoverMemo.keys().next().value!);
  crossoverMemo.set(key, result);
  return structuredClone(result);
}

function sweepCrossover(options: LlmEstimateOptions): LlmCrossover {
  const gaps: LlmCrossover["gaps"] = [];
  for (const n of CROSSOVER_SIZES) {
    const e = estimateLlmTraining(llmShapeForParams(n), { ...options, skipCrossover: true });
    gaps.push({
      params: n,
      gpuSeconds: e.gpu.seconds,
      qpuSeconds: e.qpu.seconds,
      qpuOverGpuLog10: e.qpuOverGpuLog10,
      best: e.best,
    });
  }
  const win = gaps.find((x) => x.qpuOverGpuLog10 < 0);
  return {
    sizeLabel: "parameters",
    size: win ? win.params : null,
    year: null,
    explanation: win
      ? `the best quantum strategy is faster from ${formatSci(win.params, 2)} parameters`
      : `no crossover from ${formatSci(CROSSOVER_SIZES[0], 1)} to ${formatSci(CROSSOVER_SIZES[CROSSOVER_SIZES.length - 1], 1)} parameters (D = 20·N): the smallest gap is ${formatOrders(Math.min(...gaps.map((x) => x.qpuOverGpuLog10)))}, because every strategy's time grows at least as fast as the GPU's`,
    gaps,
  };
}
