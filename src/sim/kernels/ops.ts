// Helpers on kernel ops that every layer above the kernels shares (fusion, cache blocking, the WASM kernel's
// dispatch, the density-matrix engine): the qubits of an op, its full matrix, whether it is diagonal, whether it
// fits a cache-blocking chunk, and the generic qubit-swap loop. Kept here, below the scheduler, so the kernels
// import nothing from it.

import { identity } from "../../circuit/matrix.js";
import type { Amplitudes, KernelOp } from "./kernel.js";

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

/** Whether blocking with 2^b-amplitude chunks applies to this op on an n-qubit state. */
export function fitsBlock(op: KernelOp, blockQubits: number, numQubits: number): boolean {
  return blockQubits < numQubits && opQubits(op).every((q) => q < blockQubits);
}

/** Exchange qubits a and c of every pair (disjoint pairs) in place: the generic loop, any kernel. */
export function swapQubitPairsTs(
  state: Amplitudes,
  numQubits: number,
  pairs: ReadonlyArray<readonly [number, number]>,
): void {
  const size = 2 ** numQubits;
  for (let i = 0; i < size; i++) {
    let j = i;
    for (const [a, c] of pairs) if (((j >>> a) ^ (j >>> c)) & 1) j ^= (1 << a) | (1 << c);
    if (j <= i) continue;
    for (const part of [0, 1]) {
      const x = state[2 * i + part];
      state[2 * i + part] = state[2 * j + part];
      state[2 * j + part] = x;
    }
  }
}

/** The op with every qubit q replaced by at(q). */
export function relabel(op: KernelOp, at: (q: number) => number): KernelOp {
  switch (op.kind) {
    case "dense1":
      return { ...op, qubit: at(op.qubit) };
    case "dense2":
      return { ...op, qubits: [at(op.qubits[0]), at(op.qubits[1])] };
    case "controlled":
      return { ...op, controls: op.controls.map(at), targets: op.targets.map(at) };
    default:
      return { ...op, qubits: op.qubits.map(at) };
  }
}
