// Sampling basis states from a final distribution in one pass, without a 2^n cumulative table: draw a chunk of
// uniforms, sort them, and sweep once through the running sum of the weights, handing out every uniform that
// falls below it. Memory is one chunk of uniforms; more shots than a chunk take one more sweep per chunk.
// The result depends only on the seed and the weights, so it is the same on every machine.

import type { Amplitudes } from "./kernels/kernel.js";
import type { Prng } from "./prng.js";

/** Uniforms per chunk: 2^22 doubles = 32 MiB. */
export const SAMPLE_CHUNK = 1 << 22;

/**
 * Sample `shots` indices with weight |state[i]|² (statevector layout, interleaved re/im) — or, with
 * `kind: "probabilities"`, with weight probs[i]. Weights need not be normalised. Returns index → count, indices
 * ascending.
 */
export function sampleIndices(
  weights: Amplitudes,
  kind: "amplitudes" | "probabilities",
  shots: number,
  rng: Prng,
): Map<number, number> {
  const amplitudes = kind === "amplitudes";
  const len = amplitudes ? weights.length / 2 : weights.length;
  let total = 0;
  let lastNonZero = -1;
  for (let i = 0; i < len; i++) {
    const w = amplitudes
      ? weights[2 * i] * weights[2 * i] + weights[2 * i + 1] * weights[2 * i + 1]
      : weights[i];
    if (w > 0) {
      total += w;
      lastNonZero = i;
    }
  }
  const hits = new Map<number, number>();
  if (lastNonZero < 0 || shots === 0) return hits;
  const chunk = new Float64Array(Math.min(shots, SAMPLE_CHUNK));
  const merged = new Map<number, number>();
  let remaining = shots;
  while (remaining > 0) {
    const m = Math.min(remaining, chunk.length);
    const u = chunk.subarray(0, m);
    for (let j = 0; j < m; j++) u[j] = rng.nextDouble() * total;
    u.sort();
    let cum = 0;
    let j = 0;
    for (let i = 0; i < len && j < m; i++) {
      const w = amplitudes
        ? weights[2 * i] * weights[2 * i] + weights[2 * i + 1] * weights[2 * i + 1]
        : weights[i];
      if (!(w > 0)) continue;
      cum += w;
      const start = j;
      while (j < m && u[j] < cum) j++;
      if (j > start) merged.set(i, (merged.get(i) ?? 0) + (j - start));
    }
    // Rounding can leave the running sum a few ulps short of `total`: the last uniforms go to the last outcome.
    if (j < m) merged.set(lastNonZero, (merged.get(lastNonZero) ?? 0) + (m - j));
    remaining -= m;
  }
  for (const i of [...merged.keys()].sort((a, b) => a - b)) hits.set(i, merged.get(i)!);
  return hits;
}

/** One index drawn with weight |state[i]|² (the state need not be normalised). */
export function sampleOneIndex(state: Amplitudes, rng: Prng): number {
  const len = state.length / 2;
  let total = 0;
  for (let a = 0; a < state.length; a++) total += state[a] * state[a];
  const u = rng.nextDouble() * total;
  let cum = 0;
  let last = 0;
  for (let i = 0; i < len; i++) {
    const w = state[2 * i] * state[2 * i] + state[2 * i + 1] * state[2 * i + 1];
    if (w > 0) {
      cum += w;
      last = i;
      if (u < cum) return i;
    }
  }
  return last;
}
