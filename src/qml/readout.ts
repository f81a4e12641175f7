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
  type PauliTerm,
  parity,
  rotateToBasis,
  sampleOutcomeCounts,
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

/** How a Pauli readout is measured: its terms flattened, each term's observable, and the shared settings. */
interface PauliPlan {
  terms: PauliTerm[];
  /** The observable each term belongs to. */
  owner: number[];
  groups: Array<{
    basis: string;
    /** The basis needs a rotation before readout (it has an X or Y). */
    rotate: boolean;
    terms: number[];
    /** Support mask of each term of the group, in the order of `terms`. */
    masks: number[];
  }>;
}

/**
 * Plans by observable list: a readout is measured thousands of times per training run with the same
 * observables. A plan is reused only while every term still has the label and coefficient it was planned
 * for (an edited list is planned afresh).
 */
const pauliPlans = new WeakMap<Observable[], { labels: string[]; coefficients: number[]; plan: PauliPlan }>();

function pauliPlan(observables: Observable[]): PauliPlan {
  const cached = pauliPlans.get(observables);
  if (cached && stillPlanned(observables, cached.labels, cached.coefficients)) return cached.plan;
  const terms = observables.flat();
  const plan: PauliPlan = {
    terms,
    owner: observables.flatMap((o, k) => o.map(() => k)),
    groups: measurementGroups(terms).map((g) => ({
      basis: g.basis,
      rotate: /[XY]/.test(g.basis),
      terms: g.terms,
      masks: g.terms.map((ti) => supportMask(terms[ti].pauli)),
    })),
  };
  pauliPlans.set(observables, {
    labels: terms.map((t) => t.pauli),
    coefficients: terms.map((t) => t.coefficient),
    plan,
  });
  return plan;
}

function stillPlanned(observables: Observable[], labels: string[], coefficients: number[]): boolean {
  let i = 0;
  for (const o of observables)
    for (const t of o) {
      if (i >= labels.length || t.pauli !== labels[i] || !Object.is(t.coefficient, coefficients[i]))
        return false;
      i++;
    }
  return i === labels.length;
}

/** Measurement settings one readout needs (circuit executions per evaluation). */
export function settingsPerEvaluation(spec: ReadoutSpec): number {
  return spec.kind === "born" ? 1 : pauliPlan(spec.observables).groups.length;
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

/** Dense outcome counts of one sampled setting and the distinct outcomes in order of first appearance. */
interface CountsScratch {
  counts: Float64Array;
  order: Int32Array;
}

/** Registers up to 2^16 outcomes (768 KiB of scratch) reuse one scratch; wider ones get fresh arrays. */
const SHARED_SCRATCH_MAX_OUTCOMES = 2 ** 16;
let sharedScratch: CountsScratch | undefined;

/** Zeroed counts and an order list for a register (readouts run one at a time, so one scratch serves all). */
function countsScratch(numQubits: number): CountsScratch {
  const dim = 2 ** numQubits;
  if (dim > SHARED_SCRATCH_MAX_OUTCOMES) return { counts: new Float64Array(dim), order: new Int32Array(dim) };
  if (sharedScratch?.counts.length !== dim)
    sharedScratch = { counts: new Float64Array(dim), order: new Int32Array(dim) };
  else sharedScratch.counts.fill(0);
  return sharedScratch;
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
    const { counts, order } = countsScratch(numQubits);
    const distinct = sampleOutcomeCounts(state, numQubits, ctx.shots, ctx.rng, ctx.fidelity, counts, order);
    // In order of first appearance: the sums of the floating-point fractions keep one order.
    for (let j = 0; j < distinct; j++) full[order[j] & mask] += counts[order[j]] / ctx.shots;
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
  const { terms, owner, groups } = pauliPlan(spec.observables);
  const scratch = countsScratch(numQubits);
  const { counts, order } = scratch;
  for (const g of groups) {
    const rotated = g.rotate ? rotateToBasis(state, numQubits, g.basis) : state;
    const distinct = sampleOutcomeCounts(rotated, numQubits, ctx.shots, ctx.rng, ctx.fidelity, counts, order);
    for (let t = 0; t < g.terms.length; t++) {
      const ti = g.terms[t];
      const mask = g.masks[t];
      // An integer sum of counts (exact in any order).
      let s = 0;
      for (let j = 0; j < distinct; j++) s += parity(order[j] & mask) ? -counts[order[j]] : counts[order[j]];
      out[owner[ti]] += (terms[ti].coefficient * s) / ctx.shots;
    }
    for (let j = 0; j < distinct; j++) counts[order[j]] = 0;
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
