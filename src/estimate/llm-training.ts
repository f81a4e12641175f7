// LLM training, end to end: workload → GPU cluster estimate (and the published-GPU-hours view where there is
// one) → quantum-processor estimate bottleneck by bottleneck → verdict.
import { catalog, citations } from "../hardware/catalog.js";
import { formatDuration, formatSci } from "../units/format.js";
import { secondsToYears, tflopsToFlopsPerSecond } from "../units/quantity.js";
import {
  type Crossover,
  decide,
  summarize,
  type Verdict,
  type VerdictGpu,
  type VerdictQpu,
} from "../verdict/verdict.js";
import { estimateGpu, estimateGpuFromReportedHours, type GpuEstimate, type GpuOptions } from "./gpu.js";
import { type LlmTrainingInput, type LlmTrainingWorkload, llmTraining } from "./llm-workload.js";
import {
  type Bottleneck,
  estimateQpuTraining,
  type QpuEstimate,
  type QpuOptions,
  type QuantumTrainingWork,
} from "./qpu.js";

export interface LlmEstimateOptions extends GpuOptions, QpuOptions {}

export interface LlmGpuPart extends VerdictGpu {
  secondsRange: [number, number];
  costUsdLow: number;
  costUsdHigh: number;
  mfu: number;
}

export interface LlmQpuPart extends VerdictQpu {
  years: number;
  logicalQubits: number;
  infeasibleReasons: string[];
  costUsd: number | null;
}

export interface LlmCrossover extends Crossover {
  /** GPU and QPU time at each swept model size. */
  gaps: Array<{ params: number; gpuSeconds: number; qpuSeconds: number; qpuOverGpuLog10: number }>;
}

export interface LlmTrainingVerdict extends Verdict {
  workload: LlmTrainingWorkload;
  gpu: LlmGpuPart;
  qpu: LlmQpuPart;
  bottlenecks: Bottleneck[];
  crossover: LlmCrossover;
  gpuDetail: GpuEstimate;
  /** The published run's GPU-hours spread over the same cluster, when the preset has them. */
  reported: (GpuEstimate & { impliedMfu: number | null }) | null;
  qpuDetail: QpuEstimate;
  /** Anchors from the literature computed for this workload. */
  references: Array<{ name: string; seconds: number; formula: string; source: string }>;
}

export function quantumWork(w: LlmTrainingWorkload): QuantumTrainingWork {
  return {
    params: w.params,
    tokens: w.tokens,
    inputDimension: w.dModel,
    outputDimension: w.vocabSize,
    steps: w.steps,
    bitsPerValue: w.bitsPerValue,
  };
}

function clusterRate(g: GpuEstimate): number {
  return g.usefulCount * tflopsToFlopsPerSecond(g.peakTflops) * g.mfu * g.scalingEfficiency;
}

export function estimateLlmTraining(
  input: LlmTrainingInput,
  options: LlmEstimateOptions = {},
): LlmTrainingVerdict {
  const w = llmTraining(input);
  const gpu = estimateGpu(
    { flops: w.flops, residentBytes: w.trainingStateBytes, maxUsefulGpus: w.maxUsefulGpus },
    options,
  );
  const reported =
    w.reportedGpuHours !== null && w.reportedGpu === gpu.device
      ? estimateGpuFromReportedHours(
          { gpuHours: w.reportedGpuHours, flops: w.publishedFlops ?? w.flops },
          options,
        )
      : null;
  const qpu = estimateQpuTraining(
    quantumWork(w),
    { seconds: gpu.seconds, clusterFlopsPerSecond: clusterRate(gpu) },
    options,
  );
  const gpuFeasible = gpu.memory.fits;
  const { winner, speedupLog10 } = decide({ seconds: gpu.seconds, feasible: gpuFeasible }, qpu);

  const hoefler = catalog.referenceMachines.find((m) => m.id === "hoefler-future-qc")!;
  const references = [
    {
      name: "Hoefler et al.'s future fault-tolerant QC doing the FLOPs as fp16 multiply-adds",
      seconds: w.flops / hoefler.fp16OpsPerS,
      formula: `FLOPs / ${hoefler.fp16OpsPerS} fp16 op/s`,
      source: hoefler.source,
    },
  ];

  const crossover = llmCrossover(options);
  const notes = [...w.notes];
  if (reported) {
    notes.push(
      `published ${formatSci(reported.gpuHours, 4)} ${reported.device} GPU-hours: ${formatDuration(reported.singleGpuSeconds)} on one GPU, ${formatDuration(reported.seconds)} on ${reported.count.toLocaleString("en-US")} (implied MFU ${reported.impliedMfu === null ? "n/a" : `${(reported.impliedMfu * 100).toFixed(1)}%`})`,
    );
  }
  if (!gpuFeasible)
    notes.push(
      `the training state (${formatSci(gpu.memory.residentBytes, 2)} bytes) needs at least ${gpu.memory.minGpus} ${gpu.device}s`,
    );
  notes.push(
    `at Hoefler et al.'s 10.5 kop/s fp16 rate for a future fault-tolerant QC, the ${formatSci(w.flops, 2)} FLOPs alone take ${formatDuration(references[0].seconds)}`,
  );

  const gpuPart: LlmGpuPart = {
    device: gpu.device,
    count: gpu.count,
    flops: gpu.flops,
    seconds: gpu.seconds,
    secondsRange: gpu.secondsRange,
    singleGpuSeconds: gpu.singleGpuSeconds,
    gpuHours: gpu.gpuHours,
    energyJ: gpu.energyJ,
    costUsd: gpu.costUsd,
    costUsdLow: gpu.costUsdLow,
    costUsdHigh: gpu.costUsdHigh,
    mfu: gpu.mfu,
    feasible: gpuFeasible,
  };
  const qpuPart: LlmQpuPart = {
    device: qpu.device,
    feasible: qpu.feasible,
    seconds: qpu.seconds,
    years: secondsToYears(qpu.seconds),
    qubits: qpu.qubits,
    logicalQubits: qpu.logicalQubits,
    bindingBottleneck: qpu.bindingBottleneck,
    infeasibleReasons: qpu.infeasibleReasons,
    costUsd: qpu.costUsd,
  };
  const sourceList = [
    ...citations(...w.sources),
    ...gpu.sources,
    ...qpu.sources,
    ...citations(hoefler.source),
  ];
  const sources = [...new Map(sourceList.map((s) => [s.id, s])).values()];
  return {
    workload: w,
    winner,
    speedupLog10,
    summary: summarize({ winner, speedupLog10, gpu: gpuPart, qpu: qpuPart }),
    gpu: gpuPart,
    qpu: qpuPart,
    bottlenecks: qpu.bottlenecks,
    crossover,
    notes,
    assumptions: [...w.assumptions, ...gpu.assumptions, ...qpu.assumptions],
    unverified: [...w.unverified, ...gpu.unverified, ...qpu.unverified],
    sources,
    gpuDetail: gpu,
    reported,
    qpuDetail: qpu,
    references,
  };
}

/** Model sizes swept for the crossover search: 1M to 10T parameters, Chinchilla-optimal D = 20·N. */
export const CROSSOVER_SIZES = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13];

/**
 * Does the QPU ever win as the model grows? Sweeps N with D = 20·N (the Chinchilla ratio, 1.4T/70B) on the same
 * devices. GPU time grows as N·D; QPU time grows at least as (shots ∝ P·steps) × (circuit depth ∝ P), so no.
 */
export function llmCrossover(options: LlmEstimateOptions = {}): LlmCrossover {
  const gaps: LlmCrossover["gaps"] = [];
  for (const n of CROSSOVER_SIZES) {
    const w = llmTraining({ params: n, tokens: 20 * n });
    const g = estimateGpu({ flops: w.flops, maxUsefulGpus: w.maxUsefulGpus }, options);
    const q = estimateQpuTraining(
      quantumWork(w),
      { seconds: g.seconds, clusterFlopsPerSecond: clusterRate(g) },
      options,
    );
    gaps.push({
      params: n,
      gpuSeconds: g.seconds,
      qpuSeconds: q.seconds,
      qpuOverGpuLog10: Math.log10(q.seconds / g.seconds),
    });
  }
  const win = gaps.find((x) => x.qpuOverGpuLog10 < 0);
  return {
    size: win ? win.params : null,
    year: null,
    explanation: win
      ? `the QPU model is faster from ${formatSci(win.params, 2)} parameters`
      : `no crossover from ${formatSci(CROSSOVER_SIZES[0], 1)} to ${formatSci(CROSSOVER_SIZES[CROSSOVER_SIZES.length - 1], 1)} parameters (D = 20·N): the QPU's gap never closes (smallest gap 10^${Math.min(...gaps.map((x) => x.qpuOverGpuLog10)).toFixed(1)}), because parameter-shift shots grow with P and each circuit's depth grows with P too`,
    gaps,
  };
}
