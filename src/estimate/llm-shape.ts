// The shape of a dense decoder-only transformer of a given size, for sweeps where only the parameter count is
// chosen: P ≈ 12·L·d² (Kaplan et al. 2020 §2.1, non-embedding) at the Llama 3 aspect ratio d/L ≈ 128 (Table 3:
// 4,096/32, 16,384/126), Llama 3's 128,000-token vocabulary, 8,192-token sequences and 16M-token batches
// (§3.4.1), and D = 20·N training tokens (Chinchilla's 1.4T / 70B, Hoffmann et al. 2022).
import type { LlmWork } from "./llm-work.js";

export const SHAPE_ASPECT_RATIO = 128;
export const SHAPE_VOCAB = 128_000;
export const SHAPE_SEQ_LEN = 8_192;
export const SHAPE_BATCH_TOKENS = 16e6;
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/** A Llama-3-like work description for `params` parameters, trained Chinchilla-optimally. */
export function llmShapeForParams(params: number, bitsPerValue = 16): LlmWork {
  const dRaw = Math.cbrt((SHAPE_ASPECT_RATIO * params) / 12);
  const dModel = Math.max(64, Math.round(dRaw / 64) * 64);
  const layers = Math.max(1, Math.round(params / (12 * dModel * dModel)));
  const tokens = CHINCHILLA_TOKENS_PER_PARAM * params;
  const batchTokens = Math.min(SHAPE_BATCH_TOKENS, Math.max(SHAPE_SEQ_LEN, tokens / 1_000));
  return {
    params,
    tokens,
    dModel,
    vocabSize: SHAPE_VOCAB,
    layers,
    seqLen: SHAPE_SEQ_LEN,
    batchTokens,
    steps: Math.max(1, Math.ceil(tokens / batchTokens)),
    bitsPerValue,
    trainingStateBytes: 16 * params,
    maxUsefulGpus: Math.max(1, Math.floor(batchTokens / SHAPE_SEQ_LEN)) * 8,
  };
}
