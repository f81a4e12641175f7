// Cache blocking: a run of ops whose qubits all lie below `blockQubits` = b never mixes amplitudes of different
// 2^b-amplitude chunks, so the whole run can be applied chunk by chunk (every op of the run on one chunk,
// treated as a b-qubit state, before the next chunk): one sweep over memory for the run instead of one per op,
// with a chunk that stays in cache. Each group of each op sees the same arithmetic as unblocked (in complex64,
// a chunk too small for the quad kernels, under 2 + the gate's high qubits, changes only the rounding).
// Same idea as the cache-blocked "local" gates of qsim and of Häner & Steiger, SC'17, §3.2 (arXiv:1704.01127).
//
// Gates on the high qubits (≥ b) would each still sweep the whole state, and in a random circuit about half
// the fused gates touch one. So, as those simulators do, qubits are remapped: the scheduler swaps high qubits
// into the top of the chunk (one permutation sweep that moves whole runs of amplitudes) when the gates ahead
// need them, and back at the end. Layout: the low qubits [0, w) never move; slot k pairs position w + k (in the
// chunk) with position b + k (above it), k < h, and a swap exchanges the two qubits of chosen slots. Positions
// from b + h up, if any, never enter the chunk.

import type { Amplitudes, Kernel, KernelOp } from "./kernels/kernel.js";
import { opQubits, relabel, swapQubitPairsTs } from "./kernels/ops.js";

/**
 * Lowest qubit a swap may move: a permutation sweep then moves runs of at least 2^MIN_SWAP_QUBIT amplitudes
 * (256 bytes in complex64, four cache lines), long enough to stream; chosen, not tuned.
 */
export const MIN_SWAP_QUBIT = 5;

/**
 * Ops the scheduler looks ahead past the first remaining one. Several layers of gates on 30 qubits, and it
 * bounds the work per sweep, so a circuit whose gates can never all enter the chunk stays O(ops).
 */
export const SCHEDULE_LOOKAHEAD = 256;

/**
 * One sweep over the state: a blocked run, one op on its own, a qubit swap (physical qubits throughout), or a
 * gathered run: `ops` (on logical = physical qubits, all within `qubits`) applied to each chunk of the 2^b
 * amplitudes whose index bits outside the sorted `qubits` (b of them) are fixed (scheduleGathered).
 */
export type Sweep =
  | { kind: "blocked"; ops: KernelOp[] }
  | { kind: "op"; op: KernelOp }
  | { kind: "swap"; pairs: Array<[number, number]> }
  | { kind: "gathered"; qubits: number[]; ops: KernelOp[] };

/**
 * Qubits of a gathered chunk beyond its contiguous low ones: a chunk is 2^(b − GATHER_FREE_QUBITS)-amplitude runs
 * (32 KiB at b = 18 in complex64, long enough that copying them costs little per call) at up to 2^6 places.
 * At least the widest op (5 qubits), so the first remaining op always fits a pass.
 */
export const GATHER_FREE_QUBITS = 6;
/** Most ops per gathered pass (the kernel's op table). */
export const MAX_GATHERED_OPS = 64;

/**
 * The sweeps that apply `ops` (in order, on logical qubits) to an n-qubit state with 2^b-amplitude chunks,
 * ending in the identity layout. Greedy: take every op that is ready (no earlier op left on its qubits: ops on
 * disjoint qubits commute) and inside the chunk as one blocked sweep; when none is, swap in the slot qubits the
 * ops ahead need first (their next use), if that lets the next sweep take at least two ops; else apply the
 * first op on its own. Pure; O(ops × SCHEDULE_LOOKAHEAD) at worst: the remaining ops form a linked list and each
 * scan stops when every qubit is held up or after SCHEDULE_LOOKAHEAD ops.
 */
export function scheduleBlocks(
  ops: readonly KernelOp[],
  numQubits: number,
  blockQubits: number,
  minSwapQubit = MIN_SWAP_QUBIT,
): Sweep[] {
  const n = numQubits;
  const b = blockQubits;
  if (b <= 0 || b >= n) return ops.map((op) => ({ kind: "op", op }));
  const h = Math.max(0, Math.min(n - b, b - minSwapQubit));
  const w = b - h;
  const swapped = new Array<boolean>(h).fill(false);
  const at = (q: number): number => {
    if (q < w || q >= b + h) return q;
    if (q < b) return swapped[q - w] ? q + h : q;
    return swapped[q - b] ? q - h : q;
  };
  const qubitsOf = ops.map(opQubits);
  const rest = remainingOps(ops.length);
  const { end, next } = rest;

  /** Indices of the ready ops inside the chunk under the current layout, in order. */
  const held = new Uint8Array(n);
  const takeable = (): number[] => {
    const taken: number[] = [];
    held.fill(0);
    let heldCount = 0;
    for (
      let i = rest.head, seen = 0;
      i < end && heldCount < n && seen < SCHEDULE_LOOKAHEAD;
      i = next[i], seen++
    ) {
      const qs = qubitsOf[i];
      let inside = true;
      for (const q of qs) if (held[q] || at(q) >= b) inside = false;
      if (inside) taken.push(i);
      else
        for (const q of qs)
          if (!held[q]) {
            held[q] = 1;
            heldCount++;
          }
    }
    return taken;
  };
  /** Per slot, whether its upper qubit is needed before its lower one (ties keep the slot as it is). */
  const wanted = (): boolean[] => {
    const use = new Map<number, number>();
    for (
      let i = rest.head, seen = 0;
      i < end && use.size < n && seen < SCHEDULE_LOOKAHEAD;
      i = next[i], seen++
    )
      for (const q of qubitsOf[i]) if (!use.has(q)) use.set(q, seen);
    return swapped.map((s, k) => {
      const lower = use.get(w + k) ?? Number.POSITIVE_INFINITY;
      const upper = use.get(b + k) ?? Number.POSITIVE_INFINITY;
      return upper < lower ? true : lower < upper ? false : s;
    });
  };
  const swapTo = (target: readonly boolean[]): Sweep => {
    const pairs: Array<[number, number]> = [];
    target.forEach((t, k) => {
      if (t !== swapped[k]) {
        pairs.push([w + k, b + k]);
        swapped[k] = t;
      }
    });
    return { kind: "swap", pairs };
  };

  const out: Sweep[] = [];
  const finish = (indices: number[]) => {
    for (const i of indices) rest.remove(i);
  };
  while (rest.head < end) {
    const taken = takeable();
    if (taken.length > 0) {
      const physical = taken.map((i) => relabel(ops[i], at));
      out.push(physical.length === 1 ? { kind: "op", op: physical[0] } : { kind: "blocked", ops: physical });
      finish(taken);
      continue;
    }
    const target = wanted();
    if (target.some((t, k) => t !== swapped[k])) {
      const before = [...swapped];
      const swap = swapTo(target);
      if (takeable().length >= 2) {
        out.push(swap);
        continue;
      }
      swapTo(before);
    }
    out.push({ kind: "op", op: relabel(ops[rest.head], at) });
    finish([rest.head]);
  }
  if (swapped.some(Boolean)) out.push(swapTo(swapped.map(() => false)));
  return out;
}

/**
 * The sweeps for a state kept outside the kernel's memory (the WASM kernel above 4 GiB): each pass gathers
 * chunks of 2^b amplitudes — the index bits of its sorted qubit set Q vary, the others are fixed — runs its ops
 * on every chunk in cache and writes the chunk back, so a pass costs one read and one write of the state
 * whichever qubits its ops touch, with no remapping sweeps. Q holds the low b − GATHER_FREE_QUBITS qubits (long
 * contiguous runs to copy) and the qubits of the ops taken. Greedy, as scheduleBlocks: an op is taken when no
 * skipped op before it shares a qubit (ops on disjoint qubits commute) and Q stays within b qubits; a pass is
 * filled up to b with the lowest qubits left. O(ops × SCHEDULE_LOOKAHEAD).
 */
export function scheduleGathered(ops: readonly KernelOp[], numQubits: number, blockQubits: number): Sweep[] {
  const n = numQubits;
  const b = Math.min(n, Math.max(blockQubits, GATHER_FREE_QUBITS));
  const low = b - GATHER_FREE_QUBITS;
  const qubitsOf = ops.map(opQubits);
  const rest = remainingOps(ops.length);
  const { end, next } = rest;
  const inQ = new Uint8Array(n);
  const held = new Uint8Array(n);
  const out: Sweep[] = [];
  while (rest.head < end) {
    inQ.fill(0, 0, n);
    inQ.fill(1, 0, low);
    held.fill(0);
    let size = low;
    const taken: number[] = [];
    for (
      let i = rest.head, seen = 0;
      i < end && seen < SCHEDULE_LOOKAHEAD && taken.length < MAX_GATHERED_OPS;
      i = next[i], seen++
    ) {
      const qs = qubitsOf[i];
      let extra = 0;
      let blocked = false;
      for (const q of qs) {
        if (held[q]) blocked = true;
        if (!inQ[q]) extra++;
      }
      if (!blocked && size + extra <= b) {
        taken.push(i);
        for (const q of qs) inQ[q] = 1;
        size += extra;
      } else for (const q of qs) held[q] = 1;
    }
    for (let q = low; q < n && size < b; q++)
      if (!inQ[q]) {
        inQ[q] = 1;
        size++;
      }
    const qubits: number[] = [];
    for (let q = 0; q < n; q++) if (inQ[q]) qubits.push(q);
    out.push({ kind: "gathered", qubits, ops: taken.map((i) => ops[i]) });
    for (const i of taken) rest.remove(i);
  }
  return out;
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

/** Apply a schedule (scheduleBlocks) with the kernel's own blocked run and swap where it has them. */
export function applySweeps(
  kernel: Kernel,
  state: Amplitudes,
  numQubits: number,
  sweeps: readonly Sweep[],
  blockQubits: number,
): void {
  for (const s of sweeps) {
    if (s.kind === "op") kernel.apply(state, numQubits, s.op);
    else if (s.kind === "swap")
      (kernel.swapQubitPairs?.bind(kernel) ?? swapQubitPairsTs)(state, numQubits, s.pairs);
    else if (s.kind === "gathered") {
      if (kernel.applyGathered) kernel.applyGathered(state, numQubits, s.ops, s.qubits);
      else for (const op of s.ops) kernel.apply(state, numQubits, op);
    } else if (kernel.applyBlocked) kernel.applyBlocked(state, numQubits, s.ops, blockQubits);
    else applyBlockedBySubarrays(kernel, state, numQubits, s.ops, blockQubits);
  }
}

/** The ops not yet scheduled, in order, as a doubly linked list (`end` ends it): O(1) removal anywhere. */
function remainingOps(count: number) {
  const next = Int32Array.from({ length: count }, (_, i) => i + 1);
  const prev = Int32Array.from({ length: count }, (_, i) => i - 1);
  const list = {
    head: 0,
    end: count,
    next,
    remove(i: number): void {
      if (prev[i] >= 0) next[prev[i]] = next[i];
      else list.head = next[i];
      if (next[i] < count) prev[next[i]] = prev[i];
    },
  };
  return list;
}
