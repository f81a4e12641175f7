// Barren plateaus, measured: the variance over random initialisations of one parameter-shift gradient component,
// as the register grows. McClean et al., "Barren plateaus in quantum neural network training landscapes",
// Nat. Commun. 9, 4812 (2018): for random circuits deep enough to look like 2-designs the variance shrinks
// exponentially in the qubit count n, so resolving a gradient from shots needs O(2ⁿ) of them (McClean et al. 2018).
//
// Circuit: the hardware-efficient ansatz with as many layers as qubits (depth ∝ n), weights uniform in [0, 2π),
// observable Z on every qubit (a global cost), gradient with respect to the first weight, exact.

import { createPrng } from "../stats/prng.js";
import { buildAnsatz } from "./ansatz.js";
import { expectationExact } from "./pauli.js";
import { prepareState, weightedGates } from "./variational.js";

export interface GradientVariancePoint {
  qubits: number;
  layers: number;
  samples: number;
  mean: number;
  variance: number;
}

export function gradientVariance(
  qubitCounts: readonly number[],
  samples: number,
  seed = 1,
): GradientVariancePoint[] {
  const rng = createPrng(seed);
  return qubitCounts.map((n) => {
    const vc = buildAnsatz({ kind: "hea", qubits: n, layers: n, features: 1, scale: 0 });
    const obs = [{ coefficient: 1, pauli: "Z".repeat(n) }];
    const gate = weightedGates(vc)[0];
    const at = (w: Float64Array, delta: number) =>
      expectationExact(prepareState(vc, w, [0], { gate, delta }), n, obs);
    let sum = 0;
    let sumSq = 0;
    const w = new Float64Array(vc.numWeights);
    for (let s = 0; s < samples; s++) {
      for (let i = 0; i < w.length; i++) w[i] = 2 * Math.PI * rng.nextDouble();
      // Parameter shift on the first weight only: two evaluations per sample.
      const g = (at(w, Math.PI / 2) - at(w, -Math.PI / 2)) / 2;
      sum += g;
      sumSq += g * g;
    }
    const mean = sum / samples;
    return { qubits: n, layers: n, samples, mean, variance: sumSq / samples - mean * mean };
  });
}
