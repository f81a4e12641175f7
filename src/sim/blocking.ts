// Cache blocking: a run of consecutive ops whose qubits all lie below `blockQubits` = b never mixes amplitudes
// of different 2^b-amplitude chunks, so the whole run can be applied chunk by chunk (every op of the run on one
// chunk, treated as a b-qubit state, before the next chunk): one sweep over memory for the run instead of one
// per op, with a chunk that stays in cache. Each group of each op sees the same arithmetic as unblocked, so the
// result is bit for bit the same. Ops touching a qubit ≥ b break the run and sweep the whole state.
// Same idea as the cache-blocked "local" gates of qsim and of Häner & Steiger, SC'17, §3.2 (arXiv:1704.01127).

import { opQubits } from "./fuse.js";
import type { Amplitudes, Kernel, KernelOp } from "./kernels/kernel.js";

/** Whether blocking with 2^b-amplitude chunks applies to this op on an n-qubit state. */
export function fitsBlock(op: KernelOp, blockQubits: number, numQubits: number): boolean {
  return blockQubits < numQubits && opQubits(op).every((q) => q < blockQubits);
}

/** The generic blocked run: each chunk as a subarray, each op by the kernel on a b-qubit state. */
export function applyBlockedBySubarrays(
  kernel: Kernel,
  state: Amplitudes,
  numQubits: number,
  ops: readonly KernelOp[],
  blockQubits: number,
): void {
  const width = 2 * 2 ** blockQubits;
  for (let start = 0; start < 2 * 2 ** numQubits; start += width) {
    const chunk = state.subarray(start, start + width);
    for (const op of ops) kernel.apply(chunk, blockQubits, op);
  }
}

/**
 * Reorder `ops` so that ops fitting a block come together: alternately take every op that fits and commutes
 * with all ops still before it (disjoint qubits: operators on disjoint qubits commute), then every such op that
 * does not fit. The product is the same operator; only the rounding of the floating-point sums can differ.
 * O(ops²) on the few hundred fused ops of a circuit.
 */
export function groupForBlocks(ops: readonly KernelOp[], blockQubits: number, numQubits: number): KernelOp[] {
  const out: KernelOp[] = [];
  let pending = ops.slice();
  let fitting = true;
  while (pending.length > 0) {
    const rest: KernelOp[] = [];
    const blocked = new Set<number>();
    for (const op of pending) {
      const qs = opQubits(op);
      if (fitsBlock(op, blockQubits, numQubits) === fitting && qs.every((q) => !blocked.has(q))) out.push(op);
      else {
        rest.push(op);
        for (const q of qs) blocked.add(q);
      }
    }
    pending = rest;
    fitting = !fitting;
  }
  return out;
}

/**
 * Apply `ops` in order; with blockQubits > 0, every run of at least two consecutive ops that fit a block goes
 * through the kernel's blocked path (its own, or the subarray one).
 */
export function applyOps(
  kernel: Kernel,
  state: Amplitudes,
  numQubits: number,
  ops: readonly KernelOp[],
  blockQubits: number,
): void {
  let i = 0;
  while (i < ops.length) {
    let j = i;
    if (blockQubits > 0) while (j < ops.length && fitsBlock(ops[j], blockQubits, numQubits)) j++;
    if (j - i >= 2) {
      const run = ops.slice(i, j);
      if (kernel.applyBlocked) kernel.applyBlocked(state, numQubits, run, blockQubits);
      else applyBlockedBySubarrays(kernel, state, numQubits, run, blockQubits);
      i = j;
    } else {
      kernel.apply(state, numQubits, ops[i]);
      i++;
    }
  }
}
