// LLM training as plain numbers: parameters N and tokens D → classical work (FLOPs = 6·N·D, Kaplan et al. 2020 §2.1;
// optionally the attention term) and the shape the quantum model needs (input width d_model, output width =
// vocabulary, optimiser steps). Presets are data (./data/llm-presets.json), each with its source.
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import { userError } from "../errors.js";
import presetsJson from "./data/llm-presets.json" with { type: "json" };
import { estimateLlmTraining, type LlmEstimateOptions, type LlmTrainingEstimate } from "./llm-training.js";
import type { PresetMfu } from "./llm-work.js";

const sourced = { source: z.string().min(3), asOf: z.string(), unverified: z.boolean() };

const presetSchema = z.strictObject({
  id: z.string(),
  aliases: z.array(z.string()),
  name: z.string(),
  params: z.number().positive(),
  tokens: z.number().positive(),
  layers: z.number().int().positive().nullable(),
  dModel: z.number().int().positive(),
  vocabSize: z.number().int().positive(),
  seqLen: z.number().int().positive().nullable(),
  batchTokens: z.number().positive(),
  steps: z.number().positive().nullable(),
  modelParallelGpus: z.number().int().positive().nullable(),
  reportedGpuHours: z.number().positive().nullable(),
  reportedGpu: z.string().nullable(),
  publishedFlops: z.number().positive().nullable(),
  publishedFlopsSource: z.string().nullable(),
  quotedFlops: z.strictObject({ flops: z.number().positive(), by: z.string() }).nullable(),
  ...sourced,
  unverifiedFields: z.array(z.string()),
  notes: z.string().nullable(),
  /** The GPU efficiency of this run: measured (a published MFU) or calibrated (inferred from published hours). */
  gpuEfficiency: z
    .strictObject({
      mfu: z.number().gt(0).max(1),
      low: z.number().gt(0).max(1),
      high: z.number().gt(0).max(1),
      basis: z.enum(["measured", "calibrated"]),
      source: z.string().min(3),
      asOf: z.string(),
      notes: z.string(),
    })
    .nullable(),
});

const constantSchema = z.strictObject({ value: z.number().positive(), ...sourced });

const fileSchema = z.strictObject({
  $comment: z.string(),
  presets: z.array(presetSchema),
  publishedRuns: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      gpuHours: z.number().positive(),
      gpu: z.string(),
      source: z.string(),
      asOf: z.string(),
      notes: z.string(),
    }),
  ),
  constants: z.strictObject({
    trainingBytesPerParam: constantSchema,
    gpusPerServer: constantSchema,
    bitsPerValue: constantSchema,
  }),
});

export type LlmPreset = z.infer<typeof presetSchema>;
export type PublishedRun = z.infer<typeof fileSchema>["publishedRuns"][number];

const data = fileSchema.parse(presetsJson, PARSE_ONCE);
export const llmPresets: LlmPreset[] = data.presets;
export const publishedRuns: PublishedRun[] = data.publishedRuns;
export const llmConstants = data.constants;

export interface LlmTrainingInput {
  preset?: string;
  /** Parameters N (overrides the preset). */
  params?: number;
  /** Training tokens D (overrides the preset). */
  tokens?: number;
  /** Add the attention term 6·n_layer·n_ctx·d_model per token (Kaplan et al. 2020 §2.1, Table 1). */
  attention?: boolean;
  dModel?: number;
  vocabSize?: number;
  layers?: number;
  seqLen?: number;
  batchTokens?: number;
  steps?: number;
}

/** The resolved workload: plain data shared by the GPU and QPU models. */
export interface LlmTrainingWorkload {
  kind: "llm-training";
  id: string;
  name: string;
  params: number;
  tokens: number;
  flops: number;
  flopsFormula: string;
  attentionFlops: number;
  layers: number | null;
  dModel: number;
  vocabSize: number;
  seqLen: number | null;
  batchTokens: number;
  steps: number;
  /** Bytes of training state (weights, gradients, optimiser) that must fit in accelerator memory. */
  trainingStateBytes: number;
  /** Most GPUs that can usefully work at once: sequences per batch × model-parallel GPUs per replica. */
  maxUsefulGpus: number | null;
  bitsPerValue: number;
  reportedGpuHours: number | null;
  reportedGpu: string | null;
  publishedFlops: number | null;
  /** The preset's own MFU (measured or calibrated), used when the caller gives none. */
  presetMfu: PresetMfu | null;
  notes: string[];
  assumptions: string[];
  sources: string[];
  unverified: string[];
}

export function findLlmPreset(name: string): LlmPreset | undefined {
  const key = name.trim().toLowerCase();
  return llmPresets.find((p) => p.id === key || p.aliases.includes(key));
}

function checkPositive(field: string, value: number | undefined, integer = false): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw userError(
      "Workload.LlmTraining.InvalidParameter",
      `must be a positive ${integer ? "integer" : "number"}, got ${value}`,
      {
        field,
      },
    );
  }
}

/** Resolves a preset and overrides into a workload; throws a user error naming the field at fault. */
export function llmTraining(input: LlmTrainingInput): LlmTrainingWorkload {
  for (const f of ["params", "tokens", "batchTokens", "steps"] as const) checkPositive(f, input[f]);
  for (const f of ["dModel", "vocabSize", "layers", "seqLen"] as const) checkPositive(f, input[f], true);

  let preset: LlmPreset | undefined;
  if (input.preset !== undefined) {
    preset = findLlmPreset(input.preset);
    if (!preset) {
      throw userError("Workload.LlmTraining.UnknownPreset", `unknown preset "${input.preset}"`, {
        field: "preset",
        hint: `known presets: ${llmPresets.map((p) => p.id).join(", ")}`,
      });
    }
  } else if (input.params === undefined || input.tokens === undefined) {
    throw userError("Workload.LlmTraining.MissingSize", "give --preset, or both --params and --tokens", {
      field: input.params === undefined ? "params" : "tokens",
    });
  }

  const overridden = input.params !== undefined || input.tokens !== undefined;
  const params = input.params ?? preset!.params;
  const tokens = input.tokens ?? preset!.tokens;
  // Without a preset the shape is not known: use the width of the nearest preset (by parameters) and say so.
  const shape = preset ?? nearestPreset(params);
  const dModel = input.dModel ?? shape.dModel;
  const vocabSize = input.vocabSize ?? shape.vocabSize;
  const layers = input.layers ?? shape.layers;
  const seqLen = input.seqLen ?? shape.seqLen;
  const batchTokens = input.batchTokens ?? shape.batchTokens;
  const steps =
    input.steps ??
    (!overridden && preset?.steps ? preset.steps : Math.max(1, Math.ceil(tokens / batchTokens)));

  const assumptions: string[] = [];
  const notes: string[] = [];
  const sources = ["[kaplan2020]"];
  const unverified: string[] = [];
  if (preset) {
    sources.push(preset.source);
    if (!overridden)
      unverified.push(...preset.unverifiedFields.map((f) => `${preset!.id}.${f} is unverified`));
  }
  if (!preset || overridden) {
    assumptions.push(
      `model shape (d_model ${dModel}, vocabulary ${vocabSize}, batch ${batchTokens} tokens) taken from preset ${shape.id}${
        preset ? "" : " (nearest by parameter count)"
      }`,
    );
  }

  const dense = 6 * params * tokens;
  let attentionFlops = 0;
  let flopsFormula = "6·N·D (Kaplan et al. 2020 §2.1: 2N forward + 4N backward per token)";
  if (input.attention) {
    if (layers === null || seqLen === null) {
      throw userError("Workload.LlmTraining.MissingShape", "the attention term needs layers and seqLen", {
        field: layers === null ? "layers" : "seqLen",
      });
    }
    attentionFlops = 6 * layers * seqLen * dModel * tokens;
    flopsFormula =
      "6·N·D + 6·n_layer·n_ctx·d_model·D (Kaplan et al. 2020 §2.1, Table 1; training = 3× forward)";
  }
  const flops = dense + attentionFlops;

  if (preset && !overridden) {
    if (preset.publishedFlops !== null) {
      const ratio = dense / preset.publishedFlops;
      notes.push(
        `6·N·D = ${dense.toExponential(3)} FLOP vs the published ${preset.publishedFlops.toExponential(2)} (${preset.publishedFlopsSource}): ratio ${ratio.toFixed(3)}`,
      );
    }
    if (preset.quotedFlops !== null && preset.publishedFlops !== null) {
      const under = preset.publishedFlops / preset.quotedFlops.flops;
      notes.push(
        `${preset.quotedFlops.by} understates the paper's ${preset.publishedFlops.toExponential(1)} FLOPs (${preset.publishedFlopsSource}) by ${under.toFixed(1)}×`,
      );
    }
    if (preset.notes) notes.push(preset.notes);
  }

  const bytesPerParam = llmConstants.trainingBytesPerParam;
  assumptions.push(
    `training state ${bytesPerParam.value} bytes per parameter (${bytesPerParam.source}${bytesPerParam.unverified ? "; unverified" : ""})`,
  );
  const modelParallel = preset?.modelParallelGpus ?? llmConstants.gpusPerServer.value;
  const sequencesPerBatch = seqLen === null ? null : Math.max(1, Math.floor(batchTokens / seqLen));
  const maxUsefulGpus = sequencesPerBatch === null ? null : sequencesPerBatch * modelParallel;
  if (maxUsefulGpus !== null) {
    assumptions.push(
      `at most ${maxUsefulGpus} GPUs help: ${sequencesPerBatch} sequences per batch × ${modelParallel} model-parallel GPUs per replica${
        preset?.modelParallelGpus
          ? " (TP8×PP16, [M1])"
          : ` (one ${llmConstants.gpusPerServer.value}-GPU server, ${llmConstants.gpusPerServer.source})`
      }`,
    );
  }

  return {
    kind: "llm-training",
    id:
      preset && !overridden
        ? preset.id
        : `llm-${formatCompact(params)}-params-${formatCompact(tokens)}-tokens`,
    name:
      preset && !overridden
        ? preset.name
        : `LLM training, ${formatCompact(params)} parameters, ${formatCompact(tokens)} tokens`,
    params,
    tokens,
    flops,
    flopsFormula,
    attentionFlops,
    layers,
    dModel,
    vocabSize,
    seqLen,
    batchTokens,
    steps,
    trainingStateBytes: params * bytesPerParam.value,
    maxUsefulGpus,
    bitsPerValue: llmConstants.bitsPerValue.value,
    reportedGpuHours: preset && !overridden ? preset.reportedGpuHours : null,
    reportedGpu: preset && !overridden ? preset.reportedGpu : null,
    publishedFlops: preset && !overridden ? preset.publishedFlops : null,
    // The same model on the same stack keeps its efficiency whatever the token count.
    presetMfu: preset?.gpuEfficiency && params === preset.params ? presetMfuOf(preset) : null,
    notes,
    assumptions,
    sources,
    unverified,
  };
}

function presetMfuOf(p: LlmPreset): PresetMfu | null {
  const e = p.gpuEfficiency;
  if (!e) return null;
  return {
    value: e.mfu,
    low: e.low,
    high: e.high,
    basis: e.basis,
    source: e.source,
    note: `${p.id}: ${e.notes}`,
    publishedGpuHours: p.reportedGpuHours,
  };
}

function nearestPreset(params: number): LlmPreset {
  let best = llmPresets[0];
  for (const p of llmPresets) {
    if (Math.abs(Math.log(p.params / params)) < Math.abs(Math.log(best.params / params))) best = p;
  }
  return best;
}

function formatCompact(x: number): string {
  const units: Array<[number, string]> = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [scale, suffix] of units)
    if (x >= scale) return `${Number((x / scale).toPrecision(3))}${suffix}`;
  return String(x);
}

/** A preset or size resolved into numbers, then the engine; the attention flag passes through only when given. */
export function estimateLlmTrainingInput(
  input: LlmTrainingInput,
  options: LlmEstimateOptions = {},
): LlmTrainingEstimate & { workload: LlmTrainingWorkload } {
  const workload = llmTraining(input);
  const attention = input.attention ?? options.attention;
  return {
    ...estimateLlmTraining(workload, attention === undefined ? options : { ...options, attention }),
    workload,
  };
}
