// LLM training as a registered workload: its input schema, presets, headline axis (parameters, tokens = 20·N)
// and the report's GPU-scaling and qubit plots. The engine is src/estimate/llm-training.ts.
import { z } from "zod";
import { estimateGpu, estimateGpuFromReportedHours } from "../estimate/gpu.js";
import {
  estimateLlmTraining,
  type LlmEstimateOptions,
  type LlmTrainingVerdict,
} from "../estimate/llm-training.js";
import { llmPresets, publishedRuns } from "../estimate/llm-workload.js";
import { deviceTiming, shotSeconds } from "../estimate/nisq.js";
import { catalog, citationIds, getQpu } from "../hardware/catalog.js";
import { secondsToDays } from "../units/quantity.js";
import { composeVerdict, constraint } from "../verdict/compose.js";
import type { BottleneckFactor, Constraint, Strategy, VerdictV2 } from "../verdict/contract.js";
import { gpuCountField } from "./fields.js";
import type { PlotData } from "./plot-data.js";
import type { EvaluationContext, WorkloadDefinition } from "./workload.js";

export const LLM_DEFAULT_PRESET = "llama-3.1-405b";

const presetNames = llmPresets.flatMap((p) => [p.id, ...p.aliases]) as [string, ...string[]];

export const llmTrainingInput = z.strictObject({
  preset: z
    .enum(presetNames)
    .optional()
    .describe(`a published training run (default ${LLM_DEFAULT_PRESET} unless params and tokens are given)`),
  params: z.number().positive().max(1e16).optional().describe("parameters N, e.g. 405e9 or 405B"),
  tokens: z.number().positive().max(1e18).optional().describe("training tokens D, e.g. 15.6e12 or 15.6T"),
  attention: z.boolean().default(false).describe("add the attention FLOPs term (Kaplan et al. 2020)"),
  gpu: z.string().min(1).max(100).default("h100").describe("GPU type (qfit devices --kind gpu)"),
  gpuCount: gpuCountField("GPUs in the cluster"),
  mfu: z.number().gt(0).max(1).default(0.4).describe("model-FLOPs utilisation"),
  pue: z.number().min(1).lt(10).default(1).describe("facility power usage effectiveness"),
  precision: z.enum(["bf16", "fp8"]).default("bf16").describe("tensor precision of the GPU FLOPs"),
  qpu: z
    .string()
    .min(1)
    .max(100)
    .default("ibm-heron-r2")
    .describe("quantum processor (qfit devices --kind qpu)"),
  epsilon: z.number().gt(0).lt(1).default(1e-3).describe("precision of each estimated expectation value"),
  encoding: z.enum(["amplitude", "basis"]).default("amplitude").describe("how input vectors are loaded"),
});

export type LlmTrainingWorkloadInput = z.output<typeof llmTrainingInput>;

function engineCall(i: LlmTrainingWorkloadInput): LlmTrainingVerdict {
  const sized = i.params !== undefined || i.tokens !== undefined;
  const options: LlmEstimateOptions = {
    gpu: i.gpu,
    gpus: i.gpuCount,
    mfu: i.mfu,
    pue: i.pue,
    precision: i.precision,
    qpu: i.qpu,
    epsilon: i.epsilon,
    encoding: i.encoding,
  };
  return estimateLlmTraining(
    {
      preset: i.preset ?? (sized ? undefined : LLM_DEFAULT_PRESET),
      params: i.params,
      tokens: i.tokens,
      attention: i.attention,
    },
    options,
  );
}

/**
 * TEMPORARY ADAPTER (removed when the LLM engine returns strategies itself): wraps the engine's single quantum
 * estimate as one "variational-nisq" strategy, with factors that multiply out to the engine's own QPU time:
 *   T_q = shots × t_shot,eff = (t_shot / t_fwd) × (t_shot,eff / t_shot) × (shots / D) × (D·t_fwd / T_gpu) × T_gpu
 * with t_fwd the cluster's time for one token's forward pass (2N FLOPs).
 */
function adaptLlm(
  v: LlmTrainingVerdict,
  input: LlmTrainingWorkloadInput,
  crossover: VerdictV2["crossover"],
): VerdictV2 {
  const w = v.workload;
  const g = v.gpuDetail;
  const q = v.qpuDetail;
  const clusterRate = g.usefulCount * g.peakTflops * 1e12 * g.mfu * g.scalingEfficiency;
  const tFwd = (2 * w.params) / clusterRate;
  // The engine's circuit.shotSeconds is the effective shot (after repetition or error correction); the physical
  // shot is the circuit's own duration on the device.
  const tShot = shotSeconds(q.circuit, deviceTiming(getQpu(q.device)));
  const tEff = q.seconds / q.shots.total;
  const f = (name: string, value: number, formula: string, explanation: string): BottleneckFactor => ({
    name,
    factorLog10: Math.log10(value),
    formula,
    explanation,
    sources: [],
  });
  const bottlenecks = [
    f(
      "clock",
      tShot / tFwd,
      `${tShot.toExponential(3)} s per circuit run / ${tFwd.toExponential(3)} s per token forward pass on the cluster`,
      "one circuit run against the GPU cluster's forward pass of one token",
    ),
    f(
      "error-handling",
      tEff / tShot,
      `effective ${tEff.toExponential(3)} s / physical ${tShot.toExponential(3)} s per shot`,
      "repeating failed shots, or the error-correction slowdown when the circuit needs it",
    ),
    f(
      "shots-per-token",
      q.shots.total / w.tokens,
      `(${q.shots.readout.toExponential(3)} readout + ${q.shots.gradients.toExponential(3)} gradient shots) / ${w.tokens.toExponential(3)} tokens`,
      "circuit runs per training token: readout to ±ε and parameter-shift gradients",
    ),
    f(
      "gpu-training-work",
      (w.tokens * tFwd) / v.gpu.seconds,
      `D × t_fwd / T_gpu = ${(w.tokens * tFwd).toExponential(3)} s / ${v.gpu.seconds.toExponential(3)} s`,
      "the GPU's training time per forward pass: backward pass and cluster scaling (negative: the GPU does more per token)",
    ),
  ];
  const constraints: Constraint[] = [
    constraint("physical-qubits", q.qubits, q.deviceQubits, "qubits", q.deviceName),
  ];
  for (const r of q.infeasibleReasons.filter((x) => !/needs .* has/.test(x)))
    constraints.push(constraint("device", 1, 0, "capability", r));
  const strategy: Strategy = {
    name: "variational-nisq",
    title: "Variational circuit trained by parameter shift",
    device: q.deviceName,
    seconds: q.seconds,
    feasible: constraints.every((c) => c.satisfied),
    physicalQubits: q.qubits,
    costUsd: q.costUsd,
    bottlenecks,
    constraints,
    faultTolerance: null,
    settings: { encoding: input.encoding, epsilon: input.epsilon },
    assumptions: q.assumptions,
    lowerBound: false,
  };
  const gpuMemory = constraint(
    "gpu-memory",
    g.memory.minGpus,
    g.count,
    "GPUs",
    `${g.count.toLocaleString("en-US")} × ${g.deviceName} hold the training state`,
  );
  return composeVerdict({
    workload: { kind: "llm-training", id: w.id, name: w.name, input },
    classical: {
      method: `data-parallel training (${w.flopsFormula})`,
      device: g.deviceName,
      count: g.count,
      seconds: v.gpu.seconds,
      feasible: v.gpu.feasible,
      costUsd: v.gpu.costUsd,
      energyJ: v.gpu.energyJ,
      formula: `${w.flops.toExponential(3)} FLOP / (${g.usefulCount} GPUs × ${g.peakTflops} TFLOP/s × MFU ${g.mfu} × scaling ${g.scalingEfficiency.toFixed(3)})`,
      sources: g.sources.map((s) => s.id),
      constraints: [gpuMemory],
    },
    strategies: [strategy],
    crossover,
    notes: v.notes,
    assumptions: v.assumptions,
    unverified: v.unverified,
    sources: v.sources,
  });
}

/** GPU counts on the scaling plot: powers of two from 1 to 2^20 (about a million GPUs). */
export const GPU_COUNTS = Array.from({ length: 21 }, (_, k) => 2 ** k);

/**
 * Time to train vs number of GPUs, one line per GPU type in the catalog, with the essay's published points
 * (39.3M H100-hours for the three Llama 3.1 models: 1 GPU and 16,000 GPUs) and the run's own published hours.
 * Lines flatten where the workload's parallelism saturates (more GPUs idle).
 */
export function gpuScalingPlot(v: LlmTrainingVerdict): PlotData {
  const w = v.workload;
  const series = catalog.gpus.map((g) => ({
    name: g.id,
    points: GPU_COUNTS.map((n) => {
      const e = estimateGpu(
        { flops: w.flops, maxUsefulGpus: w.maxUsefulGpus },
        { gpu: g.id, gpus: n, mfu: v.gpu.mfu },
      );
      return {
        x: n,
        y: secondsToDays(e.seconds),
        label: `${n} × ${g.id}: ${secondsToDays(e.seconds).toPrecision(3)} days`,
      };
    }),
  }));
  const markers: PlotData["markers"] = [];
  const family = publishedRuns.find((r) => r.id === "llama-3.1-family");
  if (family) {
    for (const n of [1, 16_000]) {
      const e = estimateGpuFromReportedHours({ gpuHours: family.gpuHours }, { gpu: family.gpu, gpus: n });
      markers.push({
        x: n,
        y: secondsToDays(e.seconds),
        text: `essay: ${n === 1 ? "1 GPU" : "16,000 GPUs"}`,
        label: `${family.name}: ${family.gpuHours.toExponential(3)} ${family.gpu} GPU-hours on ${n} GPU(s) = ${secondsToDays(e.seconds).toPrecision(4)} days (${family.source})`,
      });
    }
  }
  if (v.reported) {
    markers.push({
      x: v.reported.count,
      y: secondsToDays(v.reported.seconds),
      text: "published run",
      label: `${w.name}: ${v.reported.gpuHours.toExponential(4)} GPU-hours on ${v.reported.count} ${v.reported.device} = ${secondsToDays(v.reported.seconds).toPrecision(4)} days`,
    });
  }
  return {
    id: "gpu-scaling",
    title: `${w.name}: time to train vs number of GPUs`,
    xLabel: "number of GPUs",
    yLabel: "time to train (days)",
    yTime: "days",
    xLog: true,
    yLog: true,
    series,
    markers,
    hLines: [],
    vLines: w.maxUsefulGpus === null ? [] : [{ x: w.maxUsefulGpus, text: "parallelism limit" }],
    caption: `FLOPs = ${w.flops.toExponential(3)} (${w.flopsFormula}); MFU ${v.gpu.mfu}, dense ${v.gpuDetail.precision.toUpperCase()} peak per GPU from the catalog, ${catalog.mfu.scaling.efficiencyPerDoubling.toFixed(4)} efficiency per doubling beyond ${catalog.mfu.default.referenceGpus} GPUs. Circles: published GPU-hours spread over 1 and 16,000 GPUs.`,
  };
}

/** Qubits the workload needs against what catalog devices have today and what vendor roadmaps promise. */
export function qubitsPlot(v: LlmTrainingVerdict): PlotData {
  const today = catalog.qpus.map((q) => ({
    x: Number(q.asOf.slice(0, 4)),
    y: q.qubits,
    label: `${q.name}: ${q.qubits} qubits (${q.asOf}, ${q.source})`,
  }));
  const vendors = [...new Set(catalog.roadmap.map((m) => m.vendor))];
  const roadmapLines = vendors
    .map((vendor) => ({
      name: `${vendor} roadmap`,
      dashed: true,
      points: catalog.roadmap
        .filter((m) => m.vendor === vendor && m.physicalQubits !== null)
        .sort((a, b) => a.year - b.year)
        .map((m) => ({ x: m.year, y: m.physicalQubits!, label: `${m.year}: ${m.label} (${m.source})` })),
    }))
    .filter((s) => s.points.length > 0);
  const label = v.workload.name;
  return {
    id: "qubits",
    title: "Qubits needed vs qubits available",
    xLabel: "year",
    yLabel: "physical qubits",
    xLog: false,
    yLog: true,
    series: [{ name: "devices today (catalog)", points: today, pointsOnly: true }, ...roadmapLines],
    markers: [],
    hLines: [
      { y: v.qpu.qubits, text: `${label}: ${v.qpu.qubits.toLocaleString("en-US")} qubits per circuit` },
      { y: v.qpuDetail.coherentWeightQubits, text: `${label}: weights held as qubits` },
    ],
    vLines: [],
    caption:
      "Points: devices in the catalog at the date of their figures. Dashed: vendor roadmaps (claims, not achievements). Horizontal lines: physical qubits the training circuit needs with error correction, and the qubits that would hold its weights coherently.",
  };
}

export const llmTraining: WorkloadDefinition<typeof llmTrainingInput> = {
  kind: "llm-training",
  title: "LLM training",
  description: "training a large language model: GPU cluster vs quantum processor, bottleneck by bottleneck",
  input: llmTrainingInput,
  presets: Object.fromEntries(
    llmPresets.map((p) => [
      p.id,
      {
        description: p.name,
        input: { preset: p.id, params: p.params, tokens: p.tokens },
        sources: citationIds(p.source),
      },
    ]),
  ),
  headline: {
    field: "params",
    label: "parameters N (tokens D = 20·N)",
    range: [1e6, 1e13],
    integer: false,
    log: true,
    // One point per decade, as the engine's own crossover search.
    points: 8,
    // The Chinchilla ratio (1.4T tokens / 70B parameters); other sizes take the nearest preset's shape.
    couple: (n) => ({ tokens: 20 * n, preset: undefined }),
  },
  sources: citationIds("[kaplan2020]"),
  measuredTraining: true,
  evaluate(input: LlmTrainingWorkloadInput, _context: EvaluationContext): VerdictV2 {
    const v = engineCall(input);
    return adaptLlm(v, input, {
      sizeLabel: "parameters N (tokens D = 20·N)",
      size: v.crossover.size,
      year: v.crossover.year,
      explanation: v.crossover.explanation,
    });
  },
  plots(input) {
    const v = engineCall(input);
    return [gpuScalingPlot(v), qubitsPlot(v)];
  },
};
