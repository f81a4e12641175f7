// Gate fusion (a transform pass over plan steps, after qsim's lib/fuser_mqubit.h in spirit): merge runs of
// unitary steps into one k-qubit unitary each, so the statevector is swept once per fused gate instead of once
// per gate. Above the last-level cache every sweep costs the same memory traffic whatever the gate, so fewer
// sweeps is the first lever (../shared/references/simulation.md, "The physical limit").
//
// Greedy, in circuit order: every qubit belongs to at most one open group; a gate joins the open groups on its
// qubits when their union stays within `maxQubits`, otherwise the groups in the way are emitted first (largest
// first, until what remains fits). Open groups are on disjoint qubits, so they commute and emitting one early
// keeps the order on every qubit. Fusion never crosses a measurement, a reset or a conditioned gate: those flush
// every open group. A group of one gate keeps its planner-lowered op (the diagonal, controlled and 1-/2-qubit
// fast paths); a group of diagonal gates stays a diagonal op; anything else becomes a dense op on its sorted
// qubits (dense1 / dense2 for 1 / 2 qubits).

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
  const owner = new Map<number, Group>();
  const flush = (g: Group): void => {
    out.push(emit(g));
    for (const q of g.qubits) owner.delete(q);
  };
  const flushAll = (): void => {
    // Emit in order of first appearance so the output reads like the input (any order would be correct).
    for (const g of new Set(owner.values())) flush(g);
  };
  for (const step of steps) {
    if (step.kind !== "unitary" || step.condition) {
      flushAll();
      out.push(step);
      continue;
    }
    const qs = opQubits(step.op);
    const touching = [...new Set(qs.flatMap((q) => (owner.has(q) ? [owner.get(q)!] : [])))];
    if (qs.length > maxQubits) {
      touching.forEach(flush);
      out.push(step);
      continue;
    }
    const union = new Set(qs);
    for (const g of touching) for (const q of g.qubits) union.add(q);
    touching.sort((a, b) => b.qubits.size - a.qubits.size);
    while (union.size > maxQubits) {
      const g = touching.shift()!;
      flush(g);
      for (const q of g.qubits) if (!qs.includes(q)) union.delete(q);
    }
    // Groups merged here were on disjoint qubits: concatenating their steps keeps each one's order.
    const merged: Group = { qubits: union, steps: [...touching.flatMap((g) => g.steps), step] };
    for (const q of union) owner.set(q, merged);
  }
  flushAll();
  return out;
}
