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

/**
 * Whether every imaginary part of an interleaved matrix is exactly 0 (h, ry, x, cx, cz and their products):
 * read exactly, no tolerance, so the real kernels compute what the complex ones would.
 */
export function isRealMatrix(matrix: Float64Array): boolean {
  for (let i = 1; i < matrix.length; i += 2) if (matrix[i] !== 0) return false;
  return true;
}

/**
 * The diagonal of a d×d interleaved matrix when every off-diagonal entry is exactly 0 (then the phase kernel
 * applies), else null.
 */
export function exactDiagonal(matrix: Float64Array, d: number): Float64Array | null {
  const diag = new Float64Array(2 * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      const re = matrix[2 * (r * d + c)];
      const im = matrix[2 * (r * d + c) + 1];
      if (r === c) diag.set([re, im], 2 * r);
      else if (re !== 0 || im !== 0) return null;
    }
  return diag;
}

/**
 * Exact sparsity of a 2-qubit (4×4, interleaved) matrix that the WASM lane kernels turn into fewer
 * multiply-adds: `monomial` when every row has at most one nonzero entry, in column cols[r] (a diagonal times a
 * permutation: cx or cz fused with phase gates), `blocks` when the rows and the columns fall into two pairs with
 * every nonzero of a row pair inside its column pair (rows[0], rows[1] read only cols[0], cols[1]; rows[2],
 * rows[3] only cols[2], cols[3]: a 1-qubit gate fused with a diagonal or a permutation on the other qubit);
 * else null. Read exactly (no tolerance), so a structured kernel computes the dense product's terms minus
 * exact zeros. A monomial costs one complex multiply-add per amplitude, two blocks two, a dense 2-qubit gate four.
 */
export type MatrixStructure =
  | { kind: "monomial"; cols: number[] }
  | { kind: "blocks"; rows: number[]; cols: number[] };

/** The three ways to split {0, 1, 2, 3} into two pairs. */
const PAIRINGS = [
  [0, 1, 2, 3],
  [0, 2, 1, 3],
  [0, 3, 1, 2],
] as const;

export function matrixStructure(matrix: Float64Array): MatrixStructure | null {
  if (matrix.length !== 32) return null;
  const nz = (r: number, c: number) => matrix[2 * (4 * r + c)] !== 0 || matrix[2 * (4 * r + c) + 1] !== 0;
  const cols: number[] = [];
  for (let r = 0; r < 4 && cols.length === r; r++) {
    const at = [0, 1, 2, 3].filter((c) => nz(r, c));
    if (at.length <= 1) cols.push(at[0] ?? r);
  }
  if (cols.length === 4) return { kind: "monomial", cols };
  /** Whether rows r0, r1 have nonzeros only in columns c0, c1. */
  const inside = (r0: number, r1: number, c0: number, c1: number) =>
    [r0, r1].every((r) => [0, 1, 2, 3].every((c) => c === c0 || c === c1 || !nz(r, c)));
  for (const [a, b, c, d] of PAIRINGS)
    for (const [e, f, g, h] of PAIRINGS) {
      if (inside(a, b, e, f) && inside(c, d, g, h))
        return { kind: "blocks", rows: [a, b, c, d], cols: [e, f, g, h] };
      if (inside(a, b, g, h) && inside(c, d, e, f))
        return { kind: "blocks", rows: [a, b, c, d], cols: [g, h, e, f] };
    }
  return null;
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
