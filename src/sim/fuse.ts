// Gate fusion (a transform pass over plan steps, after qsim's lib/fuser_mqubit.h in spirit): merge runs of
// unitary steps into one k-qubit unitary each, so the statevector is swept once per fused gate instead of once
// per gate. Above the last-level cache every sweep costs the same memory traffic whatever the gate, so fewer
// sweeps is the first lever (../shared/references/simulation.md, "The physical limit").
//
// Fusion never crosses a measurement, a reset or a conditioned gate: each run of unconditioned unitaries between
// them is fused on its own (fuseSegment). A group of one gate keeps its planner-lowered op (the diagonal,
// controlled and 1-/2-qubit fast paths); a group of diagonal gates stays a diagonal op; anything else becomes a
// dense op on its sorted qubits (dense1 / dense2 for 1 / 2 qubits).

import { embed, identity, matmul } from "../circuit/matrix.js";
import type { KernelOp } from "./kernels/kernel.js";
import type { Step } from "./plan.js";

type UnitaryStep = Extract<Step, { kind: "unitary" }>;

interface Group {
  qubits: Set<number>;
  /** In application order. */
  steps: UnitaryStep[];
}

/** Qubits an op acts on (controls first for controlled ops, as in its full matrix). */
export function opQubits(op: KernelOp): number[] {
  switch (op.kind) {
    case "dense1":
      return [op.qubit];
    case "controlled":
      return [...op.controls, ...op.targets];
    default:
      return [...op.qubits];
  }
}

/** True when the op only multiplies amplitudes by phases (or scalars): it commutes with every other diagonal. */
export function isDiagonalOp(op: KernelOp): boolean {
  if (op.kind === "diagonal") return true;
  if (op.kind !== "controlled") return false;
  const d = 1 << op.targets.length;
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++)
      if (r !== c && (op.matrix[2 * (r * d + c)] !== 0 || op.matrix[2 * (r * d + c) + 1] !== 0)) return false;
  return true;
}

/** The op's full 2^k × 2^k matrix over opQubits(op) (index bit j = opQubits(op)[j]). */
export function opMatrix(op: KernelOp): Float64Array {
  switch (op.kind) {
    case "dense1":
    case "dense2":
    case "dense":
      return op.matrix;
    case "diagonal": {
      const d = op.diag.length / 2;
      const m = new Float64Array(2 * d * d);
      for (let i = 0; i < d; i++) {
        m[2 * (i * d + i)] = op.diag[2 * i];
        m[2 * (i * d + i) + 1] = op.diag[2 * i + 1];
      }
      return m;
    }
    case "controlled": {
      const nc = op.controls.length;
      const dt = 1 << op.targets.length;
      const d = dt << nc;
      const m = identity(d);
      const all = (1 << nc) - 1;
      for (let r = 0; r < dt; r++)
        for (let c = 0; c < dt; c++) {
          const R = (r << nc) | all;
          const C = (c << nc) | all;
          m[2 * (R * d + C)] = op.matrix[2 * (r * dt + c)];
          m[2 * (R * d + C) + 1] = op.matrix[2 * (r * dt + c) + 1];
        }
      return m;
    }
  }
}

/** The single step a group becomes. */
function emit(group: Group): UnitaryStep {
  if (group.steps.length === 1) return group.steps[0];
  const qubits = [...group.qubits].sort((a, b) => a - b);
  const k = qubits.length;
  let u = identity(1 << k);
  for (const s of group.steps) {
    const args = opQubits(s.op).map((q) => qubits.indexOf(q));
    u = matmul(embed(opMatrix(s.op), args, k), u);
  }
  const name = `fused(${group.steps.map((s) => s.name).join(",")})`;
  const d = 1 << k;
  let op: KernelOp;
  if (group.steps.every((s) => isDiagonalOp(s.op))) {
    const diag = new Float64Array(2 * d);
    for (let i = 0; i < d; i++) {
      diag[2 * i] = u[2 * (i * d + i)];
      diag[2 * i + 1] = u[2 * (i * d + i) + 1];
    }
    op = { kind: "diagonal", qubits, diag };
  } else if (k === 1) op = { kind: "dense1", qubit: qubits[0], matrix: u };
  else if (k === 2) op = { kind: "dense2", qubits: [qubits[0], qubits[1]], matrix: u };
  else op = { kind: "dense", qubits, matrix: u };
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
    out.push(...fuseSegment(segment, maxQubits));
    segment = [];
    out.push(step);
  }
  out.push(...fuseSegment(segment, maxQubits));
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
function fuseSegment(steps: readonly UnitaryStep[], maxQubits: number): UnitaryStep[] {
  if (steps.length === 0) return [];
  const compounds: Compound[] = [];
  const last = new Map<number, Compound>();
  const pending = new Map<number, UnitaryStep[]>();
  steps.forEach((step, i) => {
    const qs = opQubits(step.op);
    if (qs.length === 1) {
      const q = qs[0];
      if (!pending.has(q)) pending.set(q, []);
      pending.get(q)!.push(step);
      return;
    }
    const c: Compound = { qubits: qs, steps: [], anchor: i };
    for (const q of qs) {
      const before = pending.get(q);
      if (!before) continue;
      pending.delete(q);
      if (qs.length <= maxQubits) c.steps.push(...before);
      else settleLone(before, q);
    }
    c.steps.push(step);
    compounds.push(c);
    for (const q of qs) last.set(q, c);
  });
  // 1-qubit gates with no later gate on their qubit (or only a wider one, handled above)
  function settleLone(run: UnitaryStep[], q: number): void {
    const prev = last.get(q);
    if (prev && prev.qubits.length <= maxQubits) prev.steps.push(...run);
    else {
      const c: Compound = { qubits: [q], steps: run, anchor: steps.indexOf(run[0]) };
      compounds.push(c);
      last.set(q, c);
    }
  }
  for (const [q, run] of pending) settleLone(run, q);
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
  const out: UnitaryStep[] = [];
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
      members.push(...best.steps);
      for (const r of best.qubits) qubits.add(r);
    }
    out.push(emit({ qubits, steps: members }));
  }
  return out;
}
