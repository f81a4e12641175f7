// LLM training as a registered workload: its input schema, presets, headline axis (parameters, tokens = 20·N)
// and the report's GPU-scaling and qubit plots. The engine is src/estimate/llm-training.ts.

import { z } from "zod";
import { deviceTiming } from "../device/timing.js";
import { qubitParamsFromDevice } from "../estimate/ft-record.js";
import { estimateGpu, estimateGpuFromReportedHours } from "../estimate/gpu.js";
import { type QuantumScale, UNSCALED } from "../estimate/llm-strategies.js";
import {
  estimateLlmTraining,
  type LlmEstimateOptions,
  type LlmTrainingEstimate,
} from "../estimate/llm-training.js";
import {
  type LlmTrainingWorkload,
  llmPresets,
  publishedRuns,
  llmTraining as resolveLlmWork,
} from "../estimate/llm-workload.js";
import { catalog, citationIds, getQpu } from "../hardware/catalog.js";
import type { Range } from "../stats/distribution.js";
import { counted } from "../units/format.js";
import { secondsToDays } from "../units/quantity.js";
import { composeVerdict } from "../verdict/compose.js";
import type { VerdictV2 } from "../verdict/contract.js";
import { gpuCountField } from "./fields.js";
import type { PlotData } from "./plot-data.js";
import { factorRange, rangeAbout, sampledOr, scaledQubit } from "./ranges.js";
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
  attention: z
    .boolean()
    .optional()
    .describe(
      "count the attention FLOPs term (Kaplan et al. 2020); default: counted when the shape is known",
    ),
  gpu: z.string().min(1).max(100).default("h100").describe("GPU type (qfit devices --kind gpu)"),
  gpuCount: gpuCountField("GPUs in the cluster"),
  mfu: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe(
      "model-FLOPs utilisation; default the preset's own (405B: 0.40 measured, Llama 3 Table 4; 8B, 70B: calibrated to their published hours, flagged) or 0.40",
    ),
  goodput: z
    .number()
    .gt(0)
    .max(1)
    .default(0.9)
    .describe("share of wall time spent training (Llama 3 paper §3.3.4: > 90%)"),
  pue: z.number().min(1).lt(10).default(1).describe("facility power usage effectiveness"),
  precision: z.enum(["bf16", "fp8"]).default("bf16").describe("tensor precision of the GPU FLOPs"),
  qpu: z
    .string()
    .min(1)
    .max(100)
    .default("ibm-heron-r2")
    .describe("today's quantum processor, for the NISQ strategy (qfit devices --kind qpu)"),
  ftQubit: z
    .string()
    .min(1)
    .max(100)
    .default("qubit_gate_ns_e4")
    .describe("qubit of the fault-tolerant strategies: an Azure preset, or 'device' (the qpu under QEC)"),
  epsilon: z
    .number()
    .gt(0)
    .lt(1)
    .optional()
    .describe(
      "precision of each estimated expectation value; default 1/√(batch tokens), the GPU minibatch's noise",
    ),
  encoding: z
    .enum(["auto", "amplitude", "basis"])
    .default("auto")
    .describe("how input vectors are loaded; auto = the faster (favourable)"),
});

export type LlmTrainingWorkloadInput = z.output<typeof llmTrainingInput>;

/** What the registry's plots need: the engine's estimate with the resolved work description. */
export type LlmTrainingVerdict = LlmTrainingEstimate & { workload: LlmTrainingWorkload };

/** Resolves the preset into numbers (estimate/llm-workload.ts) and runs the engine on them, with the quantum side's
 *  sampled multipliers when given (the point estimate has none). */
export function engineCall(
  i: LlmTrainingWorkloadInput,
  skipCrossover = false,
  scale: QuantumScale = UNSCALED,
): LlmTrainingVerdict {
  const sized = i.params !== undefined || i.tokens !== undefined;
  const workload = resolveLlmWork({
    preset: i.preset ?? (sized ? undefined : LLM_DEFAULT_PRESET),
    params: i.params,
    tokens: i.tokens,
  });
  const options: LlmEstimateOptions = {
    gpu: i.gpu,
    gpus: i.gpuCount,
    mfu: i.mfu,
    goodput: i.goodput,
    pue: i.pue,
    precision: i.precision,
    qpu: i.qpu,
    // A preset qubit's times and error rates scale through the estimator's qubit model (the one scaling every
    // fault-tolerant workload uses); the device under QEC ("device") is scaled with the device, in the engine.
    ftQubit: i.ftQubit === "device" ? i.ftQubit : scaledQubit(i.ftQubit, scale.gateTime, scale.errorRate),
    quantumScale: scale,
    encoding: i.encoding,
    skipCrossover,
    ...(i.epsilon === undefined ? {} : { epsilon: i.epsilon }),
    ...(i.attention === undefined ? {} : { attention: i.attention }),
  };
  return { ...estimateLlmTraining(workload, options), workload };
}

/** The MFU the engine uses when the input gives none: the preset's own, else the catalog default (0.40). */
function defaultMfu(i: LlmTrainingWorkloadInput): number {
  const sized = i.params !== undefined || i.tokens !== undefined;
  const w = resolveLlmWork({
    preset: i.preset ?? (sized ? undefined : LLM_DEFAULT_PRESET),
    params: i.params,
    tokens: i.tokens,
  });
  return w.presetMfu?.value ?? catalog.mfu.default.mfu;
}

/** The engine's default ε when the input gives none: the GPU minibatch's own gradient noise, 1/√(batch tokens). */
function defaultEpsilon(i: LlmTrainingWorkloadInput): number {
  const sized = i.params !== undefined || i.tokens !== undefined;
  const w = resolveLlmWork({
    preset: i.preset ?? (sized ? undefined : LLM_DEFAULT_PRESET),
    params: i.params,
    tokens: i.tokens,
  });
  return 1 / Math.sqrt(w.batchTokens);
}

/** The engine's strategies and classical side, composed into the v2 verdict. */
function toVerdict(v: LlmTrainingVerdict, input: LlmTrainingWorkloadInput): VerdictV2 {
  return composeVerdict({
    workload: { kind: "llm-training", id: v.workload.id, name: v.workload.name, input },
    classical: v.classical,
    strategies: v.strategies,
    crossover: {
      sizeLabel: "parameters N (tokens D = 20·N)",
      size: v.crossover.size,
      year: v.crossover.year,
      explanation: v.crossover.explanation,
    },
    notes: [...v.workload.notes, ...v.notes],
    assumptions: [...v.workload.assumptions, ...v.assumptions],
    unverified: [...v.workload.unverified, ...v.unverified],
    sources: v.sources,
  });
}

/** A relative range's basis with the values it takes here: a preset's own MFU (measured or calibrated) is the
 *  centre, so the basis says which numbers the factors give about it. */
function withValues(r: Range): Range {
  const f = (x: number) => x.toFixed(3);
  return { ...r, basis: `${r.basis}; here ${f(r.low)}–${f(r.high)} about ${f(r.central)}` };
}

/** GPU counts on the scaling plot: powers of two from 1 to 2^20 (about a million GPUs). */
export const GPU_COUNTS = Array.from({ length: 21 }, (_, k) => 2 ** k);

/**
 * Time to train vs number of GPUs, one line per GPU type in the catalog, with the popular claim's points
 * (39.3M H100-hours for the three Llama 3.1 models: 1 GPU and 16,000 GPUs) and the run's own published hours.
 * Lines flatten where the workload's parallelism saturates (more GPUs idle).
 */
export function gpuScalingPlot(v: LlmTrainingVerdict): PlotData {
  const w = v.workload;
  const series = catalog.gpus.map((g) => ({
    name: g.id,
    points: GPU_COUNTS.map((n) => {
      const e = estimateGpu(
        { flops: v.flops, maxUsefulGpus: w.maxUsefulGpus },
        { gpu: g.id, gpus: n, mfu: v.gpu.mfu, goodput: v.gpu.goodput },
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
        text: `claimed: ${n === 1 ? "1 GPU" : "16,000 GPUs"}`,
        label: `${family.name}: ${family.gpuHours.toExponential(3)} ${family.gpu} GPU-hours on ${counted(String(n), "GPU", "GPUs")} = ${secondsToDays(e.seconds).toPrecision(4)} days (${family.source})`,
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
    caption: `FLOPs = ${v.flops.toExponential(3)} (${v.flopsFormula}); MFU ${v.gpu.mfu}, goodput ${v.gpu.goodput}, dense ${v.gpuDetail.precision.toUpperCase()} peak per GPU from the catalog, ${catalog.mfu.scaling.efficiencyPerDoubling.toFixed(4)} efficiency per doubling beyond ${catalog.mfu.default.referenceGpus} GPUs. Circles: published GPU-hours spread over 1 and 16,000 GPUs.`,
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
      {
        y: v.qpu.qubits,
        text: `${label}: ${v.qpu.qubits.toLocaleString("en-US")} physical qubits (${v.best})`,
      },
      { y: v.work.params * v.work.bitsPerValue, text: `${label}: weights held as qubits` },
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
  evaluate(raw: LlmTrainingWorkloadInput, context: EvaluationContext): VerdictV2 {
    // Sampled inputs (issue 13) replace the input's own values, and sampled factors multiply the quantum side's
    // catalog and preset numbers; none are sampled for the point estimate.
    const s = context.sampled;
    const input = s
      ? {
          ...raw,
          mfu: sampledOr(s, "mfu", raw.mfu ?? defaultMfu(raw)),
          goodput: sampledOr(s, "goodput", raw.goodput),
          pue: sampledOr(s, "pue", raw.pue),
          ...(s.epsilon === undefined ? {} : { epsilon: s.epsilon }),
        }
      : raw;
    const scale: QuantumScale = s
      ? {
          gateTime: sampledOr(s, "qpuGateTimeFactor", 1),
          errorRate: sampledOr(s, "qpuErrorRateFactor", 1),
          operations: sampledOr(s, "algorithmConstantFactor", 1),
          price: sampledOr(s, "quantumPriceFactor", 1),
        }
      : UNSCALED;
    // The registry's generic sweep draws the crossover; the engine's own search is kept for the CLI text.
    return toVerdict(engineCall(input, context.skipCrossover === true, scale), input);
  },
  ranges(input) {
    const out: Record<string, Range> = {
      mfu: withValues(rangeAbout("mfu", input.mfu ?? defaultMfu(input), 0.01, 1)),
      goodput: withValues(rangeAbout("goodput", input.goodput, 0.01, 1)),
      pue: rangeAbout("pue", input.pue, 1, 9.99),
      epsilon: rangeAbout("epsilon", input.epsilon ?? defaultEpsilon(input), 1e-12, 0.99),
      qpuGateTimeFactor: factorRange("qpuGateTimeFactor"),
      qpuErrorRateFactor: factorRange("qpuErrorRateFactor"),
      algorithmConstantFactor: factorRange("algorithmConstantFactor"),
    };
    // The QPU's price enters the NISQ strategy's cost, where the device has a sourced price.
    if (getQpu(input.qpu).priceUsdPerQpuSecond !== null)
      out.quantumPriceFactor = factorRange("quantumPriceFactor");
    return out;
  },
  // The fault-tolerant strategies' qubit (`ftQubit`: an Azure preset, or the NISQ device under QEC) is what the
  // error-rate trend improves from.
  faultTolerantQubit(input) {
    return input.ftQubit === "device"
      ? qubitParamsFromDevice(getQpu(input.qpu), deviceTiming(getQpu(input.qpu))).params
      : input.ftQubit;
  },
  plots(input) {
    const v = engineCall(input, true);
    return [gpuScalingPlot(v), qubitsPlot(v)];
  },
};
