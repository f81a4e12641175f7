// Statevector helpers outside the gate kernels: allocation, marginals over measured qubits, classical
// conditions and the JSON form. Layout as in kernels/kernel.ts: interleaved re/im, qubit 0 least significant.

import type { Amplitudes } from "./kernels/kernel.js";
import type { ResolvedCondition } from "./steps.js";

/** Gather bits qubits[j] of `index` into bit j of the result. */
export function gatherBits(index: number, qubits: Int32Array): number {
  let g = 0;
  for (let j = 0; j < qubits.length; j++) g |= ((index >>> qubits[j]) & 1) << j;
  return g;
}

/**
 * Add weight·|amplitude|² into out[g], where bit j of g is the value of qubits[j]: the distribution of the
 * measured qubits. `out` has 2^qubits.length entries.
 */
export function accumulateMarginal(
  state: Amplitudes,
  qubits: Int32Array,
  weight: number,
  out: Float64Array,
): void {
  const len = state.length / 2;
  for (let i = 0; i < len; i++) {
    const p = state[2 * i] * state[2 * i] + state[2 * i + 1] * state[2 * i + 1];
    if (p !== 0) out[gatherBits(i, qubits)] += weight * p;
  }
}

/** OpenQASM 2.0 `if (creg == value)`: the register's bits as an unsigned integer, bit 0 least significant. */
export function conditionHolds(cond: ResolvedCondition, clbits: Uint8Array): boolean {
  let v = 0;
  for (let b = cond.size - 1; b >= 0; b--) v = v * 2 + clbits[cond.offset + b];
  return v === cond.value;
}

/**
 * The state as `[re, im]` pairs in index order (plain JSON); with `positions`, for a state whose qubit q lies at
 * index bit positions[q] (plan.ts): entry j is the amplitude of the basis state j in qubit order.
 */
export function toPairs(state: Amplitudes, positions?: readonly number[] | null): Array<[number, number]> {
  const out = new Array<[number, number]>(state.length / 2);
  if (!positions) {
    for (let i = 0; i < out.length; i++) out[i] = [state[2 * i], state[2 * i + 1]];
    return out;
  }
  // The index of basis state j from two tables: its low half's bits spread, then its high half's.
  const half = positions.length >> 1;
  const spread = (qubits: readonly number[]) => {
    const t = new Int32Array(2 ** qubits.length);
    for (let j = 1; j < t.length; j++) {
      const q = 31 - Math.clz32(j);
      t[j] = t[j - (1 << q)] | (1 << qubits[q]);
    }
    return t;
  };
  const low = spread(positions.slice(0, half));
  const high = spread(positions.slice(half));
  for (let j = 0; j < out.length; j++) {
    const i = low[j & ((1 << half) - 1)] | high[j >>> half];
    out[j] = [state[2 * i], state[2 * i + 1]];
  }
  return out;
}
