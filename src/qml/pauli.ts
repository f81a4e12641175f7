// Pauli observables and measured outcomes: exact expectation values from a statevector, and estimates from a
// finite number of shots drawn with the seeded PRNG. Labels follow Qiskit: "XIZ" is X on qubit 2, Z on qubit 0
// (qubit 0 rightmost). Statevector layout as in sim/kernels/kernel.ts.
//
// Device noise is a global depolarising channel ρ → F·ρ + (1 − F)·I/2ⁿ, F the circuit's estimated success
// probability (device/timing.ts): every non-identity Pauli expectation shrinks by F, and each shot is, with
// probability 1 − F, a uniformly random bitstring.

import { userError } from "../errors.js";
import { selectKernel } from "../sim/kernels/select.js";
import { lowerGate } from "../sim/plan.js";
import { sampleIndices } from "../sim/sampling.js";
import type { Prng } from "../stats/prng.js";

export interface PauliTerm {
  coefficient: number;
  /** Qiskit order: the last character is qubit 0. */
  pauli: string;
}

export type Observable = PauliTerm[];

/** Z on one qubit of an n-qubit register. */
export function zOn(qubit: number, numQubits: number): PauliTerm {
  return { coefficient: 1, pauli: `${"I".repeat(numQubits - 1 - qubit)}Z${"I".repeat(qubit)}` };
}

/** Checks labels and register width; throws a user error naming the term. */
export function validateObservable(obs: Observable, numQubits: number): void {
  obs.forEach((t, i) => {
    if (t.pauli.length !== numQubits || !/^[IXYZ]+$/.test(t.pauli) || !Number.isFinite(t.coefficient))
      throw userError(
        "Qml.InvalidObservable",
        `term ${i}: '${t.pauli}' must be ${numQubits} letters from I, X, Y, Z with a finite coefficient`,
        { field: "observable" },
      );
  });
}

/** The letter acting on qubit q. */
const letterOn = (pauli: string, q: number): string => pauli[pauli.length - 1 - q];

/** Bit mask of the qubits a term acts on non-trivially. */
export function supportMask(pauli: string): number {
  let m = 0;
  for (let q = 0; q < pauli.length; q++) if (letterOn(pauli, q) !== "I") m |= 1 << q;
  return m;
}

export function parity(x: number): number {
  let v = x;
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  v ^= v >>> 2;
  v ^= v >>> 1;
  return v & 1;
}

/**
 * A copy of the state rotated so that measuring Z on every qubit measures the given basis letters: H for X,
 * S†·H for Y (the computational-basis change a device performs before readout).
 */
export function rotateToBasis(state: Float64Array, numQubits: number, basis: string): Float64Array {
  const out = state.slice();
  const kernel = selectKernel();
  for (let q = 0; q < numQubits; q++) {
    const b = letterOn(basis, q);
    const names = b === "X" ? ["h"] : b === "Y" ? ["sdg", "h"] : [];
    for (const name of names) {
      const op = lowerGate(name, [q], []);
      if (op) kernel.apply(out, numQubits, op);
    }
  }
  return out;
}

/** ⟨Z^mask⟩ = Σ |a_i|² (−1)^{popcount(i & mask)}. */
function zParityExpectation(state: Float64Array, mask: number): number {
  let s = 0;
  const len = state.length / 2;
  for (let i = 0; i < len; i++) {
    const p = state[2 * i] * state[2 * i] + state[2 * i + 1] * state[2 * i + 1];
    s += parity(i & mask) ? -p : p;
  }
  return s;
}

/** Exact ⟨ψ|O|ψ⟩, scaled by the global-depolarising fidelity F for non-identity terms (F = 1: noiseless). */
export function expectationExact(
  state: Float64Array,
  numQubits: number,
  obs: Observable,
  fidelity = 1,
): number {
  let total = 0;
  for (const t of obs) {
    const mask = supportMask(t.pauli);
    if (mask === 0) {
      total += t.coefficient;
      continue;
    }
    const diagonal = !/[XY]/.test(t.pauli);
    const rotated = diagonal ? state : rotateToBasis(state, numQubits, t.pauli);
    total += t.coefficient * fidelity * zParityExpectation(rotated, mask);
  }
  return total;
}

/**
 * Groups of terms measurable with one setting (qubit-wise commuting: on every qubit the letters agree or one is
 * I), greedily in order. Each group costs one circuit execution of `shots` shots.
 */
export function measurementGroups(obs: Observable): Array<{ basis: string; terms: number[] }> {
  const groups: Array<{ basis: string[]; terms: number[] }> = [];
  obs.forEach((t, i) => {
    const n = t.pauli.length;
    const g = groups.find((gr) =>
      Array.from({ length: n }, (_, k) => k).every(
        (k) => t.pauli[k] === "I" || gr.basis[k] === "I" || gr.basis[k] === t.pauli[k],
      ),
    );
    if (g) {
      for (let k = 0; k < n; k++) if (t.pauli[k] !== "I") g.basis[k] = t.pauli[k];
      g.terms.push(i);
    } else groups.push({ basis: [...t.pauli], terms: [i] });
  });
  return groups.map((g) => ({ basis: g.basis.join(""), terms: g.terms }));
}

/**
 * `shots` computational-basis outcomes of the state, as dense counts: `counts` (2^n entries, all zero on entry)
 * gets each outcome's count, and `order` (at least min(2^n, shots) entries) the distinct outcomes in order of
 * first appearance; returns how many. Each shot is replaced with probability 1 − F by a uniformly random
 * bitstring (global depolarising noise).
 */
export function sampleOutcomeCounts(
  state: Float64Array,
  numQubits: number,
  shots: number,
  rng: Prng,
  fidelity: number,
  counts: Float64Array,
  order: Int32Array,
): number {
  const sampled = sampleIndices(state, "amplitudes", shots, rng);
  const { indices } = sampled;
  let distinct = 0;
  if (fidelity >= 1) {
    for (let i = 0; i < indices.length; i++) {
      counts[indices[i]] = sampled.counts[i];
      order[distinct++] = indices[i];
    }
    return distinct;
  }
  const dim = 2 ** numQubits;
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i];
    // Shot by shot, as drawn: kept with probability F, else replaced by a uniform draw.
    for (let c = sampled.counts[i]; c > 0; c--) {
      const k = rng.nextDouble() < fidelity ? index : Math.floor(rng.nextDouble() * dim);
      if (counts[k]++ === 0) order[distinct++] = k;
    }
  }
  return distinct;
}
