// Gradients of a circuit's readouts with respect to its weights.
//
// Parameter-shift rule (Mitarai et al., PRA 98, 032309, 2018; Schuld et al., PRA 99, 032331, 2019): for a gate
// exp(−iθG/2) with G² = I, ∂⟨O⟩/∂θ = (⟨O⟩(θ + π/2) − ⟨O⟩(θ − π/2)) / 2, exactly — two circuit evaluations per
// weighted gate, so 2·P evaluations per gradient when each weight sits in one gate (as in every ansatz here).
// With shots each shifted evaluation is itself an estimate, and the difference is an unbiased estimate of the
// derivative. Central finite differences are kept only as a test oracle.

import {
  emptyQuantumLedger,
  type MeasureContext,
  measureReadout,
  type QuantumLedger,
  type ReadoutSpec,
} from "./readout.js";
import {
  applyGates,
  prepareState,
  type VariationalCircuit,
  weightedGates,
  zeroState,
} from "./variational.js";

export interface Jacobian {
  /** Readouts m per row: jacobian[w·m + k] = ∂r_k/∂θ_w. */
  values: Float64Array;
  readouts: number;
}

/** ∂r/∂θ by parameter shift; adds 2 × (settings per readout) executions per weighted gate to the ledger. */
export function parameterShiftJacobian(
  vc: VariationalCircuit,
  weights: ArrayLike<number>,
  inputs: ArrayLike<number>,
  spec: ReadoutSpec,
  ctx: MeasureContext,
  ledger: QuantumLedger,
): Jacobian {
  const m = spec.kind === "born" ? spec.outcomes : spec.observables.length;
  const values = new Float64Array(vc.numWeights * m);
  const before = ledger.circuitExecutions;
  // Both shifted states of gate gi share the gates before it with the unshifted circuit: one prefix state is
  // advanced gate by gate and copied, so each shifted state runs only gi and what follows it. The same ops in
  // the same order on the same amplitudes, so the states (and the readouts' PRNG draws) are those of
  // prepareState(vc, weights, inputs, shift), bit for bit.
  const end = vc.gates.length;
  const prefix = zeroState(vc);
  const shifted = new Float64Array(prefix.length);
  let done = 0;
  for (const gi of weightedGates(vc)) {
    const w = (vc.gates[gi].angle as { index: number }).index;
    applyGates(vc, prefix, done, gi, weights, inputs);
    done = gi;
    shifted.set(prefix);
    applyGates(vc, shifted, gi, end, weights, inputs, { gate: gi, delta: Math.PI / 2 });
    const plus = measureReadout(shifted, vc.numQubits, spec, ctx, ledger);
    shifted.set(prefix);
    applyGates(vc, shifted, gi, end, weights, inputs, { gate: gi, delta: -Math.PI / 2 });
    const minus = measureReadout(shifted, vc.numQubits, spec, ctx, ledger);
    for (let k = 0; k < m; k++) values[w * m + k] += (plus[k] - minus[k]) / 2;
  }
  ledger.gradientExecutions += ledger.circuitExecutions - before;
  return { values, readouts: m };
}

/** Central differences (r(θ + h) − r(θ − h)) / 2h on the exact readouts: a test oracle only. */
export function finiteDifferenceJacobian(
  vc: VariationalCircuit,
  weights: ArrayLike<number>,
  inputs: ArrayLike<number>,
  spec: ReadoutSpec,
  ctx: MeasureContext,
  h = 1e-5,
): Jacobian {
  const m = spec.kind === "born" ? spec.outcomes : spec.observables.length;
  const values = new Float64Array(vc.numWeights * m);
  const scratch = emptyQuantumLedger();
  const exact = { ...ctx, shots: undefined };
  for (let w = 0; w < vc.numWeights; w++) {
    const up = Float64Array.from(weights);
    const down = Float64Array.from(weights);
    up[w] += h;
    down[w] -= h;
    const rp = measureReadout(prepareState(vc, up, inputs), vc.numQubits, spec, exact, scratch);
    const rm = measureReadout(prepareState(vc, down, inputs), vc.numQubits, spec, exact, scratch);
    for (let k = 0; k < m; k++) values[w * m + k] = (rp[k] - rm[k]) / (2 * h);
  }
  return { values, readouts: m };
}
