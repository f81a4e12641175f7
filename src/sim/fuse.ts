// Gate fusion (a transform pass over plan steps, after qsim's lib/fuser_mqubit.h in spirit): merge runs of
// unitary steps into one k-qubit unitary each, so the statevector is swept once per fused gate instead of once
// per gate. Above the last-level cache every sweep costs the same memory traffic whatever the gate, so fewer
// sweeps is the first lever (qsim's gate-fusion documentation; Häner & Steiger, SC'17).
//
// Fusion never crosses a measurement, a reset or a conditioned gate: each run of unconditioned unitaries between
// them is fused on its own (fuseSegment). A group of one gate keeps its planner-lowered op (the diagonal,
// controlled and 1-/2-qubit fast paths); a group of diagonal gates stays a diagonal op; anything else becomes a
// dense op on its sorted qubits (dense1 / dense2 for 1 / 2 qubits).

import { identity } from "../circuit/matrix.js";
import type { KernelOp } from "./kernels/kernel.js";
import { exactDiagonal, isRealMatrix, opMatrix, opQubits } from "./kernels/ops.js";
import type { Step } from "./steps.js";

type UnitaryStep = Extract<Step, { kind: "unitary" }>;

interface Group {
  qubits: Set<number>;
  /** In application order. */
  steps: UnitaryStep[];
}

/** Scratch for leftMultiply, reused: gates of up to 2^5 entries per row (every library gate). */
const SCRATCH = { rows: new Int32Array(32), re: new Float64Array(32), im: new Float64Array(32) };

/**
 * u ← G·u in place, for G = `m` acting on bits `args` of a k-qubit index: each column of u is treated as a
 * k-qubit state and the gate applied to it, 2^(k+a) complex multiply-adds per column instead of the (2^k)³ of
 * embedding G and multiplying, and no allocation per gate (a fused run may hold hundreds of thousands).
 */
function leftMultiply(u: Float64Array, k: number, m: Float64Array, args: readonly number[]): void {
  const d = 1 << k;
  const a = args.length;
  const da = 1 << a;
  let argMask = 0;
  for (const q of args) argMask |= 1 << q;
  const fits = da <= SCRATCH.rows.length;
  const rows = fits ? SCRATCH.rows : new Int32Array(da);
  const re = fits ? SCRATCH.re : new Float64Array(da);
  const im = fits ? SCRATCH.im : new Float64Array(da);
  for (let base = 0; base < d; base++) {
    if (base & argMask) continue;
    for (let j = 0; j < da; j++) {
      let r = base;
      for (let b = 0; b < a; b++) if ((j >> b) & 1) r |= 1 << args[b];
      rows[j] = r;
    }
    for (let c = 0; c < d; c++) {
      for (let j = 0; j < da; j++) {
        re[j] = u[2 * (rows[j] * d + c)];
        im[j] = u[2 * (rows[j] * d + c) + 1];
      }
      for (let i = 0; i < da; i++) {
        let sr = 0;
        let si = 0;
        for (let j = 0; j < da; j++) {
          const mr = m[2 * (i * da + j)];
          const mi = m[2 * (i * da + j) + 1];
          sr += mr * re[j] - mi * im[j];
          si += mr * im[j] + mi * re[j];
        }
        u[2 * (rows[i] * d + c)] = sr;
        u[2 * (rows[i] * d + c) + 1] = si;
      }
    }
  }
}

/** Gates named in a fused step's name. */
const NAMED_GATES = 8;

/** The single step a group becomes. */
function emit(group: Group): UnitaryStep {
  if (group.steps.length === 1) return group.steps[0];
  const qubits = [...group.qubits].sort((a, b) => a - b);
  const k = qubits.length;
  const u = identity(1 << k);
  const position = new Map(qubits.map((q, i) => [q, i]));
  for (const s of group.steps)
    leftMultiply(
      u,
      k,
      opMatrix(s.op),
      opQubits(s.op).map((q) => position.get(q)!),
    );
  // The name lists the first few gates only: a fused run can hold any number of them.
  const shown = group.steps.slice(0, NAMED_GATES).map((s) => s.name);
  if (group.steps.length > NAMED_GATES) shown.push(`…+${group.steps.length - NAMED_GATES}`);
  const name = `fused(${shown.join(",")})`;
  // Structure, read exactly from the product (no tolerance): a diagonal product (diagonal gates, or cx·cx)
  // takes the phase kernel, one with every imaginary part 0 (h, ry, x, cx, cz, ...) the real kernels.
  const d = 1 << k;
  const diag = exactDiagonal(u, d);
  const real = isRealMatrix(u) ? { real: true } : {};
  let op: KernelOp;
  if (diag) op = { kind: "diagonal", qubits, diag };
  else if (k === 1) op = { kind: "dense1", qubit: qubits[0], matrix: u, ...real };
  else if (k === 2) op = { kind: "dense2", qubits: [qubits[0], qubits[1]], matrix: u, ...real };
  else op = { kind: "dense", qubits, matrix: u, ...real };
  return { kind: "unitary", name, op };
}

/** Fuse runs of unitary steps into unitaries on at most `maxQubits` qubits (≥ 1). */
export function fuse(steps: readonly Step[], maxQubits: number): Step[] {
  if (!Number.isInteger(maxQubits) || maxQubits < 1) throw new Error(`fuse: maxQubits must be ≥ 1`);
  const out: Step[] = [];
  let segment: UnitaryStep[] = [];
  for (const step of steps) {
    if (step.kind === "unitary" && !step.condition) {
      segment.push(step);
      continue;
    }
    fuseSegment(segment, maxQubits, out);
    segment = [];
    out.push(step);
  }
  fuseSegment(segment, maxQubits, out);
  return out;
}

/** A gate with the 1-qubit gates attached to it: one node of the lanes. */
interface Compound {
  qubits: number[];
  steps: UnitaryStep[];
  /** Position of the gate that places it on its lanes (its widest gate, or its first 1-qubit gate). */
  anchor: number;
}

/**
 * Fusion of unconditioned unitaries in two phases, after qsim's lib/fuser_mqubit.h:
 * 1. every 1-qubit gate joins the next gate on its qubit when that gate has at most maxQubits qubits, else the
 *    previous one (or starts a compound of its own), so only gates of two or more qubits and lone 1-qubit runs
 *    remain, each at one position on each of its qubits' lanes;
 * 2. compounds in order seed fused gates; a fused gate absorbs the next compound on one of its lanes when that
 *    compound is also next on all its other lanes (nothing before it is left behind) and the union stays within
 *    maxQubits, preferring compounds that add no qubit. Every compound before a seed on its lanes is already
 *    fused, and a fused gate takes a contiguous stretch of each lane, so emitting in seed order keeps the order
 *    of the gates on every qubit.
 */
function fuseSegment(steps: readonly UnitaryStep[], maxQubits: number, out: Step[]): void {
  if (steps.length === 0) return;
  const compounds: Compound[] = [];
  const last = new Map<number, Compound>();
  /** Per qubit, the 1-qubit gates waiting for the next gate on it, and the position of the first. */
  const pending = new Map<number, { start: number; run: UnitaryStep[] }>();
  steps.forEach((step, i) => {
    const qs = opQubits(step.op);
    if (qs.length === 1) {
      const q = qs[0];
      const waiting = pending.get(q);
      if (waiting) waiting.run.push(step);
      else pending.set(q, { start: i, run: [step] });
      return;
    }
    const c: Compound = { qubits: qs, steps: [], anchor: i };
    for (const q of qs) {
      const before = pending.get(q);
      if (!before) continue;
      pending.delete(q);
      if (qs.length <= maxQubits) append(c.steps, before.run);
      else settleLone(before, q);
    }
    c.steps.push(step);
    compounds.push(c);
    for (const q of qs) last.set(q, c);
  });
  // 1-qubit gates with no later gate on their qubit (or only a wider one, handled above)
  function settleLone(waiting: { start: number; run: UnitaryStep[] }, q: number): void {
    const prev = last.get(q);
    if (prev && prev.qubits.length <= maxQubits) append(prev.steps, waiting.run);
    else {
      const c: Compound = { qubits: [q], steps: waiting.run, anchor: waiting.start };
      compounds.push(c);
      last.set(q, c);
    }
  }
  for (const [q, waiting] of pending) settleLone(waiting, q);
  compounds.sort((a, b) => a.anchor - b.anchor);

  const lanes = new Map<number, Compound[]>();
  for (const c of compounds)
    for (const q of c.qubits) {
      if (!lanes.has(q)) lanes.set(q, []);
      lanes.get(q)!.push(c);
    }
  const cursor = new Map<number, number>();
  const fused = new Set<Compound>();
  const nextOn = (q: number): Compound | undefined => {
    const lane = lanes.get(q)!;
    let i = cursor.get(q) ?? 0;
    while (i < lane.length && fused.has(lane[i])) i++;
    cursor.set(q, i);
    return lane[i];
  };
  for (const seed of compounds) {
    if (fused.has(seed)) continue;
    fused.add(seed);
    const qubits = new Set(seed.qubits);
    const members = [...seed.steps];
    for (;;) {
      let best: Compound | undefined;
      let bestGrowth = Number.POSITIVE_INFINITY;
      for (const q of qubits) {
        const h = nextOn(q);
        if (!h || h.qubits.some((r) => nextOn(r) !== h)) continue;
        const growth = h.qubits.filter((r) => !qubits.has(r)).length;
        if (qubits.size + growth <= maxQubits && growth < bestGrowth) {
          best = h;
          bestGrowth = growth;
        }
      }
      if (!best) break;
      fused.add(best);
      append(members, best.steps);
      for (const r of best.qubits) qubits.add(r);
    }
    out.push(emit({ qubits, steps: members }));
  }
}

/**
 * `to.push(...from)` without spreading: a spread passes every element as an argument, and a run of a few
 * hundred thousand gates on one qubit overflows the stack (issue 15).
 */
function append<T>(to: T[], from: readonly T[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}
