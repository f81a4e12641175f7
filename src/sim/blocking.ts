// Cache blocking: a run of ops whose qubits all lie in a set Q of b qubits never mixes amplitudes of different
// chunks, a chunk being the 2^b amplitudes whose index bits outside Q are fixed, so the whole run can be applied
// chunk by chunk (every op of the run on one chunk, treated as a b-qubit state, before the next chunk): one
// sweep over memory for the run instead of one per op, with a chunk that stays in cache. Each group of each op
// sees the same arithmetic as op by op. Same idea as the cache-blocked "local" gates of qsim and of Häner &
// Steiger, SC'17, §3.2 (arXiv:1704.01127).
//
// Gates on the high qubits would each still sweep the whole state, and in a random circuit about half the fused
// gates touch one. Those simulators remap qubits (a permutation sweep brings the qubits the gates ahead use into
// the chunk); here, on the WASM kernel, a chunk need not be contiguous: Q is chosen per pass (its lowest
// MIN_RUN_QUBITS qubits always inside, so a chunk is runs of at least 2^MIN_RUN_QUBITS contiguous amplitudes)
// and the kernel walks the strided chunk in place (scheduleStrided), so no sweep is spent on remapping. Only the
// far positions (members FAR_STRIDE_BYTES apart or more, where a strided chunk runs slowly) stay out of Q: the
// qubits parked there are swapped in when a gate needs them (scheduleHybrid). The remapping scheduler
// (scheduleBlocks: contiguous chunks, swap sweeps) serves kernels without strided runs.
// States above the WASM arena run the same passes with each chunk copied into cache and back (scheduleGathered).

import type { Amplitudes, Kernel, KernelOp } from "./kernels/kernel.js";
import { opQubits, relabel, swapQubitPairsTs } from "./kernels/ops.js";

/**
 * Lowest position a swap may move: a permutation sweep then exchanges runs of at least 2^MIN_SWAP_QUBIT
 * amplitudes (4 KiB in complex64, a page). Shorter runs cost far more than their share: one swap sweep of four
 * pairs on 24 qubits (2 threads, same process) took 32 ms with 2^5-amplitude runs, 25 ms with 2^7, 15.5 ms with
 * 2^9 and 9 ms with 2^12; the reference circuits at 24 qubits ran fastest with 9 (a loaded machine: the
 * minimum of 6 runs 1.12 s, against 1.43 s with 5 and 1.37 s with 7), and 12 needs more passes at 28.
 */
export const MIN_SWAP_QUBIT = 9;

/**
 * Ops the scheduler looks ahead past the first remaining one. Several layers of gates on 30 qubits, and it
 * bounds the work per sweep, so a circuit whose gates can never all enter the chunk stays O(ops).
 */
export const SCHEDULE_LOOKAHEAD = 256;

/**
 * One sweep over the state, on physical qubits (positions) throughout: a blocked run, one op on its own, a qubit
 * swap, or a strided or gathered run: `ops` (all within `qubits`) applied to each chunk of the 2^b amplitudes
 * whose index bits outside the sorted `qubits` (b of them) are fixed, in place for a state in the kernel's memory
 * (scheduleStrided, scheduleHybrid), copied into cache and back for one outside it (scheduleGathered); both run by
 * Kernel.applyGathered, which knows where the state lives. Or no sweep at all, a relabel: the qubits at each pair
 * of positions exchanged in the layout without moving an amplitude, first of a schedule for a state that starts
 * as |0…0⟩ (the same amplitudes in every layout).
 */
export type Sweep =
  | { kind: "blocked"; ops: KernelOp[] }
  | { kind: "op"; op: KernelOp }
  | { kind: "swap"; pairs: Array<[number, number]> }
  | { kind: "relabel"; pairs: Array<[number, number]> }
  | { kind: "strided" | "gathered"; qubits: number[]; ops: KernelOp[] };

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
 * disjoint qubits commute) and inside the chunk as one blocked sweep; when none is, fill the chunk's movable
 * positions [w, b) with the qubits the ops ahead use first (Belady's rule: evict the qubit needed last), one swap
 * sweep exchanging each incoming qubit's position with an evicted one's (the highest first, for long runs), if
 * that lets the next sweep take at least two ops; else apply the first op on its own. At the end at most two
 * swap sweeps (the layout's cycles as two involutions) restore the identity. Positions below w = minSwapQubit
 * never move. Pure; O(ops × SCHEDULE_LOOKAHEAD) at worst: the remaining ops form a linked list and each scan
 * stops when every qubit is held up or after SCHEDULE_LOOKAHEAD ops.
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
  const w = Math.min(b, minSwapQubit);
  const { phys, at, exchange, restore } = qubitLayout(n);
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
      for (const q of qs) if (held[q] || phys[q] >= b) inside = false;
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
  /** The swap that brings into [w, b) the movable qubits used first by the ops ahead (none when they are in). */
  const belady = (): Array<[number, number]> => {
    const use = new Map<number, number>();
    for (
      let i = rest.head, seen = 0;
      i < end && use.size < n && seen < SCHEDULE_LOOKAHEAD;
      i = next[i], seen++
    )
      for (const q of qubitsOf[i]) if (!use.has(q)) use.set(q, seen);
    const nextUse = (q: number) => use.get(q) ?? Number.POSITIVE_INFINITY;
    // Ties keep qubits where they are (inside before outside), so nothing moves without need.
    const movable = Array.from({ length: n }, (_, q) => q)
      .filter((q) => phys[q] >= w)
      .sort((x, y) => nextUse(x) - nextUse(y) || Number(phys[x] >= b) - Number(phys[y] >= b));
    const wanted = new Set(movable.slice(0, b - w));
    const incoming = movable.filter((q) => wanted.has(q) && phys[q] >= b).map(at);
    const evicted = movable
      .filter((q) => !wanted.has(q) && phys[q] < b)
      .map(at)
      .sort((x, y) => y - x);
    return incoming.map((r, k) => [evicted[k], r]);
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
    const pairs = belady();
    if (pairs.length > 0) {
      exchange(pairs);
      if (takeable().length >= 2) {
        out.push({ kind: "swap", pairs });
        continue;
      }
      exchange(pairs);
    }
    out.push({ kind: "op", op: relabel(ops[rest.head], at) });
    finish([rest.head]);
  }
  out.push(...restore());
  return out;
}

/**
 * A layout of n logical qubits on n physical positions, from the identity: `exchange` swaps the qubits at pairs
 * of positions; `restore` returns the swap sweeps (at most two) back to the identity and applies them.
 */
function qubitLayout(n: number) {
  /** Logical qubit → physical position, and back. */
  const phys = Int32Array.from({ length: n }, (_, q) => q);
  const logical = Int32Array.from({ length: n }, (_, p) => p);
  const exchange = (pairs: ReadonlyArray<readonly [number, number]>) => {
    for (const [p, r] of pairs) {
      const a = logical[p];
      const c = logical[r];
      logical[p] = c;
      logical[r] = a;
      phys[c] = p;
      phys[a] = r;
    }
  };
  const restore = (): Sweep[] => {
    // phys as a product of two involutions, per cycle (x_0 … x_{m−1}), phys(x_i) = x_{i+1}: first exchange x_i
    // with x_{1−i}, then x_i with x_{−i} (indices mod m).
    const seen = new Uint8Array(n);
    const involutions: Array<Array<[number, number]>> = [[], []];
    for (let p = 0; p < n; p++) {
      if (seen[p] || phys[p] === p) continue;
      const cycle: number[] = [];
      for (let x = p; !seen[x]; x = phys[x]) {
        seen[x] = 1;
        cycle.push(x);
      }
      const m = cycle.length;
      for (const [k, shift] of [
        [0, 1],
        [1, 0],
      ] as const)
        for (let i = 0; i < m; i++) {
          const j = (((shift - i) % m) + m) % m;
          if (i < j) involutions[k].push([cycle[i], cycle[j]]);
        }
    }
    const out: Sweep[] = [];
    for (const pairs of involutions)
      if (pairs.length > 0) {
        exchange(pairs);
        out.push({ kind: "swap", pairs });
      }
    if (phys.some((p, q) => p !== q)) throw new Error("blocking: the layout was not restored");
    return out;
  };
  return { phys, logical, at: (q: number): number => phys[q], exchange, restore };
}

/**
 * Lowest qubits every strided chunk holds (scheduleStrided): a chunk is then runs of at least 2^11 contiguous
 * amplitudes (16 KiB in complex64). Shorter runs cost more than the passes they save: at 26 qubits, 2 threads,
 * complex64, one pass of two light ops on a chunk of 18 qubits took (minimum of 15, same process, loaded machine)
 * 44.9 ms contiguous, 47.8 ms with runs of 2^11 amplitudes, 48.1 ms with 2^12, 51.3 ms with 2^10 and 62.9 ms
 * with 2^9; the reference circuits (bench/circuits.ts) take 8, 11 and 12 passes at 24, 26 and 28 qubits with
 * 2^11, against 8, 11, 14 with 2^12 and 7, 9, 13 with 2^9.
 */
export const MIN_RUN_QUBITS = 11;

/**
 * The strided sweeps that apply `ops` (in order) to an n-qubit state with chunks of b qubits, for a kernel that
 * walks a strided chunk in place (Kernel.applyGathered on its own state): the passes of scheduleGathered, each
 * chunk's set holding the lowest min(MIN_RUN_QUBITS, b − widest op) qubits (at least the two lane bits) and the
 * qubits of the ops it takes; no remapping, so no swap sweeps. Every op on its own when the chunk holds the whole
 * state or is too narrow for the lane bits beside the widest op.
 */
export function scheduleStrided(
  ops: readonly KernelOp[],
  numQubits: number,
  blockQubits: number,
  minRunQubits = MIN_RUN_QUBITS,
): Sweep[] {
  const widest = ops.reduce((k, op) => Math.max(k, opQubits(op).length), 1);
  const b = blockQubits;
  if (b >= numQubits || b < LANE_QUBITS + widest) return ops.map((op) => ({ kind: "op", op }));
  const low = Math.max(LANE_QUBITS, Math.min(minRunQubits, b - widest));
  return gatheredPasses(ops, numQubits, b, low, "strided");
}

/**
 * Strided passes on a state whose highest positions are far (from `farQubit` up, members 2^28 bytes apart or
 * more: MAX_STRIDED_STATE_BYTES): every pass's chunk lies below farQubit, and a swap sweep brings a qubit parked
 * at a far position in when the first remaining op needs it, exchanging every parked qubit used before some
 * movable near one with the near ones used last (Belady), the movable near positions being [max(minSwapQubit,
 * low), farQubit) (low: the run bits every chunk holds, never moved). From the identity, ending in it (at most
 * two more swap sweeps); with `zeroState` (the state starts as |0…0⟩, which every layout leaves unchanged) the
 * first layout is chosen by the same rule at no cost; with `restore` false the qubits may end permuted
 * (positionsAfter says where). Each swap makes the first remaining op near, so the next pass takes it. Falls back
 * to scheduleStrided when no position is far, and to scheduleBlocks when the chunk or the widest op's qubits
 * (among the movable near positions) do not fit below farQubit. O(ops × SCHEDULE_LOOKAHEAD).
 * The reference circuits (bench/circuits.ts, complex64, far from qubit 25): 26 qubits 11 strided passes and 3
 * swaps of one pair (against 11 strided passes, some on qubit 25), 28 qubits 12 passes and 4 swaps of 2–3 pairs
 * (against 12 blocked runs and 13 swaps of 3–9 pairs). Same process, alternating on one state, 2 threads, loaded
 * machine (load average 1.6–4.1): 28 qubits 0.90–0.93× the time of the remapping schedule (median of the pairs'
 * ratios in three runs of 7–9 pairs; median CPU time 0.91–0.94×), 26 qubits 0.94–0.99× the all-strided
 * schedule's (fastest of 11 and median, two runs; median CPU time 0.97×, 0.99×).
 */
export function scheduleHybrid(
  ops: readonly KernelOp[],
  numQubits: number,
  blockQubits: number,
  farQubit: number,
  options: { minRunQubits?: number; minSwapQubit?: number; zeroState?: boolean; restore?: boolean } = {},
): Sweep[] {
  const n = numQubits;
  const b = blockQubits;
  const {
    minRunQubits = MIN_RUN_QUBITS,
    minSwapQubit = MIN_SWAP_QUBIT,
    zeroState = false,
    restore: restoring = true,
  } = options;
  if (farQubit >= n) return scheduleStrided(ops, n, b, minRunQubits);
  const widest = ops.reduce((k, op) => Math.max(k, opQubits(op).length), 1);
  if (b >= n || b < LANE_QUBITS + widest) return ops.map((op) => ({ kind: "op", op }));
  const low = Math.max(LANE_QUBITS, Math.min(minRunQubits, b - widest));
  const from = Math.max(minSwapQubit, low);
  if (b > farQubit || farQubit - from < widest) return scheduleBlocks(ops, n, b, minSwapQubit);
  const { logical, at, exchange, restore } = qubitLayout(n);
  const qubitsOf = ops.map(opQubits);
  const rest = remainingOps(ops.length);
  const pass = passMaker(qubitsOf, rest, n, b, low);

  /** The Belady swap: parked qubits used first in, movable near ones used last out (none when none is ahead). */
  const firstUse = new Float64Array(n);
  const belady = (): Array<[number, number]> => {
    firstUse.fill(Number.POSITIVE_INFINITY);
    for (let i = rest.head, seen = 0; i < rest.end && seen < SCHEDULE_LOOKAHEAD; i = rest.next[i], seen++)
      for (const q of qubitsOf[i]) if (firstUse[q] > seen) firstUse[q] = seen;
    const use = (p: number) => firstUse[logical[p]];
    const incoming: number[] = [];
    for (let p = farQubit; p < n; p++) if (use(p) < Number.POSITIVE_INFINITY) incoming.push(p);
    incoming.sort((x, y) => use(x) - use(y));
    const movable: number[] = [];
    for (let p = from; p < farQubit; p++) movable.push(p);
    // Used last first; ties: the highest position (the longest runs to exchange).
    movable.sort((x, y) => use(y) - use(x) || y - x);
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < incoming.length && use(incoming[k]) < use(movable[k]); k++)
      pairs.push([movable[k], incoming[k]]);
    return pairs;
  };
  const needsFar = (i: number) => qubitsOf[i].some((q) => at(q) >= farQubit);

  const out: Sweep[] = [];
  if (zeroState) {
    const pairs = belady();
    exchange(pairs);
    if (pairs.length > 0) out.push({ kind: "relabel", pairs });
  }
  while (rest.head < rest.end) {
    if (needsFar(rest.head)) {
      const pairs = belady();
      exchange(pairs);
      out.push({ kind: "swap", pairs });
    }
    const { taken, qubits } = pass(at, farQubit);
    out.push({ kind: "strided", qubits, ops: taken.map((i) => relabel(ops[i], at)) });
    for (const i of taken) rest.remove(i);
  }
  if (restoring) out.push(...restore());
  return out;
}

/** Where each logical qubit lies after the swap sweeps of `sweeps`, from the identity (logical → position). */
export function positionsAfter(sweeps: readonly Sweep[], numQubits: number): Int32Array {
  const { phys, exchange } = qubitLayout(numQubits);
  for (const s of sweeps) if (s.kind === "swap" || s.kind === "relabel") exchange(s.pairs);
  return phys;
}

/**
 * Stride, in bytes, from which a position is far (scheduleHybrid keeps strided chunks below it): a gate on a
 * qubit whose members lie 2^28 bytes or more apart (qubit 25 and up in complex64) runs about three times slower
 * inside a strided chunk than inside a contiguous one (28 qubits, one pass of two diagonal gates on qubits 21–27:
 * 616 ms against 169–205 ms on qubits 2–17, minimum of 15, loaded machine): addresses that differ only above bit
 * 27 likely share the L1's way-predictor tag on these AMD cores (linear-address bits 12–27), so the members evict
 * each other. Strided passes on every qubit took, against the remapping schedule (same process, alternating),
 * 0.86–0.88× the time at 24 qubits, 0.92–0.96× at 26 (one far qubit) and 1.09–1.23× at 28 (three).
 */
export const FAR_STRIDE_BYTES = 2 ** 28;

/** The qubits a strided chunk always holds, whatever else: the lane bits of the quad kernels (apply-wasm.ts). */
const LANE_QUBITS = 2;

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
  const b = Math.min(numQubits, Math.max(blockQubits, GATHER_FREE_QUBITS));
  return gatheredPasses(ops, numQubits, b, b - GATHER_FREE_QUBITS, "gathered");
}

/**
 * Greedy passes over chunks of b qubits, each set holding the lowest `low` qubits (b − low ≥ the widest op, so
 * the first remaining op always fits): passes taken by nextPass until no op is left.
 */
function gatheredPasses(
  ops: readonly KernelOp[],
  numQubits: number,
  b: number,
  low: number,
  kind: "strided" | "gathered",
): Sweep[] {
  const qubitsOf = ops.map(opQubits);
  const rest = remainingOps(ops.length);
  const pass = passMaker(qubitsOf, rest, numQubits, b, low);
  const identity = (q: number) => q;
  const out: Sweep[] = [];
  while (rest.head < rest.end) {
    const { taken, qubits } = pass(identity, numQubits);
    out.push({ kind, qubits, ops: taken.map((i) => ops[i]) });
    for (const i of taken) rest.remove(i);
  }
  return out;
}

/**
 * The greedy pass over chunks of b positions holding the lowest `low` ones, for ops on logical qubits at
 * positions `at(q)`: an op is taken when its positions all lie below `limit`, no skipped op before it shares a
 * qubit (ops on disjoint qubits commute) and the set stays within b positions; the set is filled up to b with
 * the lowest positions left. Returns the indices taken (not yet removed from `rest`) and the sorted positions.
 * O(SCHEDULE_LOOKAHEAD) ops scanned.
 */
function passMaker(
  qubitsOf: readonly number[][],
  rest: RemainingOps,
  numQubits: number,
  b: number,
  low: number,
) {
  const n = numQubits;
  const inQ = new Uint8Array(n);
  const held = new Uint8Array(n);
  return (at: (q: number) => number, limit: number): { taken: number[]; qubits: number[] } => {
    inQ.fill(0, 0, n);
    inQ.fill(1, 0, low);
    held.fill(0);
    let size = low;
    const taken: number[] = [];
    for (
      let i = rest.head, seen = 0;
      i < rest.end && seen < SCHEDULE_LOOKAHEAD && taken.length < MAX_GATHERED_OPS;
      i = rest.next[i], seen++
    ) {
      const qs = qubitsOf[i];
      let extra = 0;
      let blocked = false;
      for (const q of qs) {
        const p = at(q);
        if (held[q] || p >= limit) blocked = true;
        if (!inQ[p]) extra++;
      }
      if (!blocked && size + extra <= b) {
        taken.push(i);
        for (const q of qs) inQ[at(q)] = 1;
        size += extra;
      } else for (const q of qs) held[q] = 1;
    }
    for (let p = low; p < limit && size < b; p++)
      if (!inQ[p]) {
        inQ[p] = 1;
        size++;
      }
    const qubits: number[] = [];
    for (let p = 0; p < n; p++) if (inQ[p]) qubits.push(p);
    return { taken, qubits };
  };
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
    if (s.kind === "relabel") continue;
    if (s.kind === "op") kernel.apply(state, numQubits, s.op);
    else if (s.kind === "swap")
      (kernel.swapQubitPairs?.bind(kernel) ?? swapQubitPairsTs)(state, numQubits, s.pairs);
    else if (s.kind === "strided" || s.kind === "gathered") {
      if (kernel.applyGathered) kernel.applyGathered(state, numQubits, s.ops, s.qubits);
      else for (const op of s.ops) kernel.apply(state, numQubits, op);
    } else if (kernel.applyBlocked) kernel.applyBlocked(state, numQubits, s.ops, blockQubits);
    else applyBlockedBySubarrays(kernel, state, numQubits, s.ops, blockQubits);
  }
}

type RemainingOps = ReturnType<typeof remainingOps>;

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
