// The LLM training job as plain numbers: what the engine (./llm-training.ts) and the size sweep (./llm-shape.ts)
// both speak, in a module of its own so neither imports the other for it.
/** The training job as plain numbers (a resolved preset, or a sweep point from ./llm-shape.ts). */
export interface LlmWork {
  params: number;
  tokens: number;
  /** Width of one token's input vector. */
  dModel: number;
  vocabSize: number;
  layers: number | null;
  seqLen: number | null;
  batchTokens: number;
  steps: number;
  /** Bits per weight or activation value (BF16: 16). */
  bitsPerValue: number;
  /** Weights, gradients and optimiser state that must fit in accelerator memory (bytes). */
  trainingStateBytes?: number;
  /** Beyond this many GPUs adding more does not help. */
  maxUsefulGpus?: number | null;
  /** A published run of this job, if any: its GPU-hours on `reportedGpu`. */
  reportedGpuHours?: number | null;
  reportedGpu?: string | null;
  publishedFlops?: number | null;
  /** The run's own MFU when it is known (measured) or inferred from its published hours (calibrated). */
  presetMfu?: PresetMfu | null;
}

/** A preset's MFU with its basis: "calibrated" values are inferred from the published hours, not measured. */
export interface PresetMfu {
  value: number;
  low: number;
  high: number;
  basis: "measured" | "calibrated";
  source: string;
  note: string;
  publishedGpuHours: number | null;
}
