// What a training circuit reports: Pauli expectation values ("pauli") or the Born probabilities of the
// computational-basis outcomes of its first k qubits ("born"). Both are expectation values of observables
// (a projector |v⟩⟨v| is a sum of Z strings), so the parameter-shift rule applies to every component.
//
// Exact mode reads them off the statevector; shot mode samples `shots` outcomes per measurement setting with
// the seeded PRNG. Either way the ledger counts what a device would run: one circuit execution per measurement
// setting, and its shots.

import type { Prng } from "../stats/prng.js";
import {
  expectationExact,
  measurementGroups,
  type Observable,
  parity,
  rotateToBasis,
  sampleOutcomes,
  supportMask,
  validateObservable,
} from "./pauli.js";

export type ReadoutSpec =
  | { kind: "pauli"; observables: Observable[] }
  /** Probabilities of outcomes 0..outcomes−1 of qubits 0..qubits−1 (qubit 0 least significant). */
  | { kind: "born"; qubits: number; outcomes: number };

export interface MeasureContext {
  /** Shots per measurement setting; undefined = exact expectation values. */
  shots?: number;
  rng: Prng;
  /** Global-depolarising fidelity F of the circuit (1 = noiseless). */
  fidelity: number;
}

/** What the quantum side has run so far. */
export interface QuantumLedger {
  circuitExecutions: number;
  /** The part of circuitExecutions spent on parameter-shift gradients. */
  gradientExecutions: number;
  shots: number;
}

export function emptyQuantumLedger(): QuantumLedger {
  return { circuitExecutions: 0, gradientExecutions: 0, shots: 0 };
}

/** Measurement settings one readout needs (circuit executions per evaluation). */
export function settingsPerEvaluation(spec: ReadoutSpec): number {
  return spec.kind === "born" ? 1 : measurementGroups(spec.observables.flat()).length;
}

/** The readout vector of a state; adds the executions and shots to the ledger. */
export function measureReadout(
  state: Float64Array,
  numQubits: number,
  spec: ReadoutSpec,
  ctx: MeasureContext,
  ledger: QuantumLedger,
): Float64Array {
  const settings = settingsPerEvaluation(spec);
  ledger.circuitExecutions += settings;
  if (ctx.shots !== undefined) ledger.shots += settings * ctx.shots;
  return spec.kind === "born"
    ? bornReadout(state, numQubits, spec, ctx)
    : pauliReadout(state, numQubits, spec, ctx);
}

function bornReadout(
  state: Float64Array,
  numQubits: number,
  spec: { qubits: number; outcomes: number },
  ctx: MeasureContext,
): Float64Array {
  const mask = 2 ** spec.qubits - 1;
  const full = new Float64Array(2 ** spec.qubits);
  if (ctx.shots === undefined) {
    const len = state.length / 2;
    for (let i = 0; i < len; i++) full[i & mask] += state[2 * i] ** 2 + state[2 * i + 1] ** 2;
    const uniform = (1 - ctx.fidelity) / full.length;
    for (let v = 0; v < full.length; v++) full[v] = ctx.fidelity * full[v] + uniform;
  } else {
    for (const [index, count] of sampleOutcomes(state, numQubits, ctx.shots, ctx.rng, ctx.fidelity))
      full[index & mask] += count / ctx.shots;
  }
  return full.slice(0, spec.outcomes);
}

function pauliReadout(
  state: Float64Array,
  numQubits: number,
  spec: { observables: Observable[] },
  ctx: MeasureContext,
): Float64Array {
  const out = new Float64Array(spec.observables.length);
  if (ctx.shots === undefined) {
    spec.observables.forEach((o, k) => {
      out[k] = expectationExact(state, numQubits, o, ctx.fidelity);
    });
    return out;
  }
  // All terms of all observables share the measurement settings; each term is the mean of its ±1 parity.
  const terms = spec.observables.flat();
  const owner = spec.observables.flatMap((o, k) => o.map(() => k));
  for (const g of measurementGroups(terms)) {
    const rotated = /[XY]/.test(g.basis) ? rotateToBasis(state, numQubits, g.basis) : state;
    const counts = sampleOutcomes(rotated, numQubits, ctx.shots, ctx.rng, ctx.fidelity);
    for (const ti of g.terms) {
      const t = terms[ti];
      const mask = supportMask(t.pauli);
      let s = 0;
      for (const [index, count] of counts) s += parity(index & mask) ? -count : count;
      out[owner[ti]] += (t.coefficient * s) / ctx.shots;
    }
  }
  return out;
}

/** ⟨O⟩ of one observable: exact when `ctx.shots` is undefined, else estimated from shots. */
export function expectation(
  state: Float64Array,
  numQubits: number,
  obs: Observable,
  ctx: MeasureContext,
  ledger: QuantumLedger = emptyQuantumLedger(),
): number {
  validateObservable(obs, numQubits);
  return measureReadout(state, numQubits, { kind: "pauli", observables: [obs] }, ctx, ledger)[0];
}
