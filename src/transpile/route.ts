// Routing (transform pass), SABRE heuristic (Li, Ding & Xie, "Tackling the qubit mapping problem for NISQ-era
// quantum devices", ASPLOS 2019, §IV): keep a front layer of gates whose predecessors are done; run every
// front gate whose qubits are adjacent; otherwise insert the SWAP on an edge touching the front layer that
// minimises H = (1/|F|)·Σ_F d + W·(1/|E|)·Σ_E d, scaled by a decay factor that discourages moving the same
// qubits again. Works in compact region indices (layout.ts); measurements follow their logical qubit.

import type { Circuit, GateOp, Operation } from "../circuit/ir.js";
import type { Region } from "./layout.js";

export interface RoutingResult {
  ops: Operation[];
  /** Logical → compact index after the last operation. */
  finalLayout: number[];
  swaps: number;
}

const EXTENDED_SET_SIZE = 20;
const EXTENDED_SET_WEIGHT = 0.5;
const DECAY_DELTA = 0.001;
const DECAY_RESET = 5;

function qubitsOf(op: Operation): number[] {
  return op.kind === "gate" || op.kind === "barrier" ? op.qubits : [op.qubit];
}

/** Route `circuit` (gates of at most 2 qubits) from the placement `layout` (logical → compact). */
export function route(circuit: Circuit, region: Region, layout: readonly number[]): RoutingResult {
  const n = region.physical.length;
  const ops = circuit.ops;
  const m = ops.length;
  // DAG by qubit wires: successors of each op and the count of unfinished predecessors.
  const succ: number[][] = Array.from({ length: m }, () => []);
  const pending = new Int32Array(m);
  const last = new Int32Array(circuit.numQubits).fill(-1);
  for (let i = 0; i < m; i++) {
    const preds = new Set<number>();
    for (const q of qubitsOf(ops[i])) {
      if (last[q] >= 0) preds.add(last[q]);
      last[q] = i;
    }
    for (const p of preds) succ[p].push(i);
    pending[i] = preds.size;
  }
  const l2p = [...layout];
  const p2l = new Array<number>(n).fill(-1);
  l2p.forEach((p, l) => {
    p2l[p] = l;
  });
  const dist = region.dist;
  const out: Operation[] = [];
  let front = [];
  for (let i = 0; i < m; i++) if (pending[i] === 0) front.push(i);
  const decay = new Float64Array(n).fill(1);
  let swaps = 0;
  let swapsSinceProgress = 0;
  let swapsSinceReset = 0;

  const emit = (i: number): void => {
    const op = ops[i];
    if (op.kind === "gate") out.push({ ...op, qubits: op.qubits.map((q) => l2p[q]), params: [...op.params] });
    else if (op.kind === "barrier") out.push({ kind: "barrier", qubits: op.qubits.map((q) => l2p[q]) });
    else out.push({ ...op, qubit: l2p[op.qubit] });
  };
  // Measurements wait for every gate, so no SWAP can move another qubit through a measured one afterwards.
  let gatesLeft = ops.filter((op) => op.kind === "gate").length;
  const executable = (i: number): boolean => {
    const op = ops[i];
    if (op.kind === "measure") return gatesLeft === 0;
    return (
      !(op.kind === "gate" && op.qubits.length === 2) || dist[l2p[op.qubits[0]] * n + l2p[op.qubits[1]]] === 1
    );
  };
  const applySwap = (pa: number, pb: number): void => {
    out.push({ kind: "gate", name: "swap", qubits: [pa, pb], params: [] });
    const la = p2l[pa];
    const lb = p2l[pb];
    p2l[pa] = lb;
    p2l[pb] = la;
    if (la >= 0) l2p[la] = pb;
    if (lb >= 0) l2p[lb] = pa;
    swaps++;
  };

  while (front.length > 0) {
    let ready = front.filter(executable);
    // Only held-back measurements in front (a barrier after them guards later gates): release them.
    if (ready.length === 0 && front.every((i) => ops[i].kind !== "gate")) ready = [...front];
    if (ready.length > 0) {
      const done = new Set(ready);
      const next: number[] = front.filter((i) => !done.has(i));
      for (const i of ready) {
        emit(i);
        if (ops[i].kind === "gate") gatesLeft--;
        for (const s of succ[i]) if (--pending[s] === 0) next.push(s);
      }
      front = next;
      decay.fill(1);
      swapsSinceProgress = 0;
      swapsSinceReset = 0;
      continue;
    }
    const frontGates = front.filter((i) => ops[i].kind === "gate").map((i) => ops[i] as GateOp);
    // Release valve: if the heuristic stalls, walk the first front gate's qubits together along a shortest path.
    if (swapsSinceProgress > 10 * n) {
      const [a, b] = frontGates[0].qubits;
      let pa = l2p[a];
      const pb = l2p[b];
      while (dist[pa * n + pb] > 1) {
        const step = region.adj[pa].find((v) => dist[v * n + pb] === dist[pa * n + pb] - 1)!;
        applySwap(pa, step);
        pa = step;
      }
      swapsSinceProgress = 0;
      continue;
    }
    const extended = extendedSet(front, succ, pending, ops);
    const candidates = new Set<number>();
    for (const g of frontGates)
      for (const q of g.qubits) {
        const p = l2p[q];
        for (const v of region.adj[p]) candidates.add(p < v ? p * n + v : v * n + p);
      }
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const key of [...candidates].sort((x, y) => x - y)) {
      const pa = Math.floor(key / n);
      const pb = key % n;
      const where = (l: number) => (l2p[l] === pa ? pb : l2p[l] === pb ? pa : l2p[l]);
      let f = 0;
      for (const g of frontGates) f += dist[where(g.qubits[0]) * n + where(g.qubits[1])];
      let e = 0;
      for (const g of extended) e += dist[where(g.qubits[0]) * n + where(g.qubits[1])];
      const score =
        Math.max(decay[pa], decay[pb]) *
        (f / frontGates.length + (extended.length > 0 ? (EXTENDED_SET_WEIGHT * e) / extended.length : 0));
      if (score < bestScore - 1e-12) {
        bestScore = score;
        best = key;
      }
    }
    const pa = Math.floor(best / n);
    const pb = best % n;
    applySwap(pa, pb);
    decay[pa] += DECAY_DELTA;
    decay[pb] += DECAY_DELTA;
    swapsSinceProgress++;
    if (++swapsSinceReset >= DECAY_RESET) {
      decay.fill(1);
      swapsSinceReset = 0;
    }
  }
  return { ops: out, finalLayout: l2p, swaps };
}

/** The next two-qubit gates after the front layer (by a breadth-first walk of the DAG), up to a limit. */
function extendedSet(front: number[], succ: number[][], pending: Int32Array, ops: Operation[]): GateOp[] {
  const out: GateOp[] = [];
  const seen = new Set<number>(front);
  const remaining = new Map<number, number>();
  let layer = [...front];
  while (layer.length > 0 && out.length < EXTENDED_SET_SIZE) {
    const next: number[] = [];
    for (const i of layer)
      for (const s of succ[i]) {
        const left = (remaining.get(s) ?? pending[s]) - 1;
        remaining.set(s, left);
        if (left === 0 && !seen.has(s)) {
          seen.add(s);
          next.push(s);
          const op = ops[s];
          if (op.kind === "gate" && op.qubits.length === 2 && out.length < EXTENDED_SET_SIZE) out.push(op);
        }
      }
    layer = next;
  }
  return out;
}

/** The same circuit reversed (for SABRE's backward pass: only the qubit interaction order matters). */
export function reversed(circuit: Circuit): Circuit {
  return { ...circuit, ops: [...circuit.ops].reverse() };
}
