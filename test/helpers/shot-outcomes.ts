// The definition of a sampled readout with global depolarising noise, shot by shot, as the training code first
// wrote it: the ideal outcomes drawn from the state, then each shot kept with probability F or replaced by a
// uniformly random bitstring, counted in a Map in order of first appearance. The fast path (src/qml/pauli.ts,
// sampleOutcomeCounts) must give the same outcomes, counts, order and PRNG draws.
import { sampleIndices } from "../../src/sim/sampling.js";
import type { Prng } from "../../src/stats/prng.js";

export function shotOutcomes(
  state: Float64Array,
  numQubits: number,
  shots: number,
  rng: Prng,
  fidelity: number,
): Map<number, number> {
  const sampled = sampleIndices(state, "amplitudes", shots, rng);
  const ideal = new Map<number, number>();
  for (let i = 0; i < sampled.indices.length; i++) ideal.set(sampled.indices[i], sampled.counts[i]);
  if (fidelity >= 1) return ideal;
  const out = new Map<number, number>();
  for (const [index, count] of ideal)
    for (let c = 0; c < count; c++) {
      const k = rng.nextDouble() < fidelity ? index : Math.floor(rng.nextDouble() * 2 ** numQubits);
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  return out;
}
