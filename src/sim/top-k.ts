// The K most likely outcomes without materialising the others: one pass over the amplitudes (or over a marginal
// distribution) keeping a bounded min-heap of K (probability, outcome index) pairs, so a 28-qubit state costs one
// extra read of the state and O(K) memory, and outcome keys are built for the K kept only (the caller does that).
//
// Order, documented for `--top K`: larger probability first; equal probabilities go to the smaller outcome index
// (the measured bits read as a binary number, terminal measurement j as bit j: for `measure q -> c` with one
// register, or no measurement, that is the smaller key). Outcomes below `minProbability` are never kept.

import type { Amplitudes } from "./kernels/kernel.js";

export interface TopK {
  /** Outcome indices, most likely first (ties: smaller index first). */
  indices: number[];
  probabilities: number[];
}

/** A bounded min-heap whose root is the weakest kept entry (smallest probability; on ties, larger index). */
class KeptHeap {
  private readonly p: Float64Array;
  private readonly g: Float64Array;
  size = 0;
  constructor(readonly capacity: number) {
    this.p = new Float64Array(capacity);
    this.g = new Float64Array(capacity);
  }
  /** True when (p1, g1) ranks below (p2, g2). */
  private static weaker(p1: number, g1: number, p2: number, g2: number): boolean {
    return p1 < p2 || (p1 === p2 && g1 > g2);
  }
  /** The smallest probability a new entry must exceed or tie to be considered (−∞ until full). */
  threshold(): number {
    return this.size < this.capacity ? Number.NEGATIVE_INFINITY : this.p[0];
  }
  offer(prob: number, index: number): void {
    const { p, g } = this;
    if (this.size < this.capacity) {
      // sift up
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!KeptHeap.weaker(prob, index, p[parent], g[parent])) break;
        p[i] = p[parent];
        g[i] = g[parent];
        i = parent;
      }
      p[i] = prob;
      g[i] = index;
      return;
    }
    if (!KeptHeap.weaker(p[0], g[0], prob, index)) return;
    // replace the root, sift down
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && KeptHeap.weaker(p[r], g[r], p[l], g[l]) ? r : l;
      if (!KeptHeap.weaker(p[c], g[c], prob, index)) break;
      p[i] = p[c];
      g[i] = g[c];
      i = c;
    }
    p[i] = prob;
    g[i] = index;
  }
  /** The kept entries, strongest first. */
  drain(): TopK {
    const order = Array.from({ length: this.size }, (_, i) => i);
    const { p, g } = this;
    order.sort((a, b) => p[b] - p[a] || g[a] - g[b]);
    return { indices: order.map((i) => g[i]), probabilities: order.map((i) => p[i]) };
  }
}

/**
 * The k most likely outcomes of a statevector measured on all its qubits: outcome index = outcomeOf(i) for
 * amplitude i (a bit permutation when the terminal measurements permute the qubits; identity when absent).
 */
export function topKOfAmplitudes(
  state: Amplitudes,
  k: number,
  minProbability: number,
  outcomeOf: (amplitudeIndex: number) => number = (i) => i,
): TopK {
  const len = state.length / 2;
  const heap = new KeptHeap(Math.max(0, Math.min(k, len)));
  if (heap.capacity === 0) return { indices: [], probabilities: [] };
  let threshold = Math.max(minProbability, heap.threshold());
  for (let i = 0; i < len; i++) {
    const re = state[2 * i];
    const im = state[2 * i + 1];
    const prob = re * re + im * im;
    // Below the weakest kept one: skipped without touching the heap (the common case once it is full).
    if (prob < threshold) continue;
    heap.offer(prob, outcomeOf(i));
    threshold = Math.max(minProbability, heap.threshold());
  }
  return heap.drain();
}

/** The k largest entries of a distribution over outcome indices (a marginal), same order and cut-off. */
export function topKOfDistribution(weights: Float64Array, k: number, minProbability: number): TopK {
  const heap = new KeptHeap(Math.max(0, Math.min(k, weights.length)));
  if (heap.capacity === 0) return { indices: [], probabilities: [] };
  let threshold = Math.max(minProbability, heap.threshold());
  for (let g = 0; g < weights.length; g++) {
    const prob = weights[g];
    if (prob < threshold) continue;
    heap.offer(prob, g);
    threshold = Math.max(minProbability, heap.threshold());
  }
  return heap.drain();
}
