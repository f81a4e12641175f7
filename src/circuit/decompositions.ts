// The library's multi-qubit gates without controls of their own, written exactly in cx and one-qubit library
// gates: one table that OpenQASM 3's `ctrl @` expansion (qasm/controlled.ts) and the transpiler's basis
// translation (transpile/unroll.ts) both read, so the two cannot drift apart.

/** One library gate call of a decomposition: name, qubits (indices into the decomposed gate's own qubits), params. */
export type LocalCall = readonly [name: string, qubits: number[], params?: number[]];

/**
 * Exact decompositions (global phase included) of the library's multi-qubit gates that have no controls of their
 * own, in cx and one-qubit library gates, on the gate's own qubits 0, 1, ….
 */
export const EXACT_DECOMPOSITIONS: Readonly<Record<string, (p: readonly number[]) => LocalCall[]>> = {
  swap: () => [
    ["cx", [0, 1]],
    ["cx", [1, 0]],
    ["cx", [0, 1]],
  ],
  rzz: (p) => [
    ["cx", [0, 1]],
    ["rz", [1], [p[0]]],
    ["cx", [0, 1]],
  ],
  rxx: (p) => [
    ["h", [0]],
    ["h", [1]],
    ["cx", [0, 1]],
    ["rz", [1], [p[0]]],
    ["cx", [0, 1]],
    ["h", [0]],
    ["h", [1]],
  ],
  // qelib1.inc's definitions, which Qiskit's RCCX and RC3X matrices equal exactly.
  rccx: () => [
    ["h", [2]],
    ["t", [2]],
    ["cx", [1, 2]],
    ["tdg", [2]],
    ["cx", [0, 2]],
    ["t", [2]],
    ["cx", [1, 2]],
    ["tdg", [2]],
    ["h", [2]],
  ],
  rc3x: () => [
    ["h", [3]],
    ["t", [3]],
    ["cx", [2, 3]],
    ["tdg", [3]],
    ["h", [3]],
    ["cx", [0, 3]],
    ["t", [3]],
    ["cx", [1, 3]],
    ["tdg", [3]],
    ["cx", [0, 3]],
    ["t", [3]],
    ["cx", [1, 3]],
    ["tdg", [3]],
    ["h", [3]],
    ["t", [3]],
    ["cx", [2, 3]],
    ["tdg", [3]],
    ["h", [3]],
  ],
};
