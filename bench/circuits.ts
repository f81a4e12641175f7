// The benchmark circuits. `referenceCircuit` is the circuit of ../shared/references/simulation.md, the one the
// peers' recorded times are for: 20 moments in all, alternating 10 moments of a random 1-qubit gate from
// {h, rx, ry, rz, s, t} on every qubit with 10 moments of CZ or CX on a random perfect matching, 15·N gates
// (360 at 24 qubits). `pairsCircuit` is the older, different workload of 20 *pairs* of such moments (30·N
// gates): timed as a second workload, never compared with the recorded peers. Seeded with the project's PRNG,
// so every run times the same circuits.
import type { Circuit, Operation } from "../src/circuit/ir.js";
import { createPrng } from "../src/stats/prng.js";

const ONE_QUBIT = ["h", "rx", "ry", "rz", "s", "t"] as const;
const ROTATIONS = new Set(["rx", "ry", "rz"]);

/** Moments of the reference circuit: 20 in all (10 one-qubit layers, each followed by a two-qubit layer). */
export const REFERENCE_MOMENTS = 20;

/** `layerPairs` × (a 1-qubit moment on every qubit, then a CZ/CX moment on a random perfect matching). */
export function layeredCircuit(numQubits: number, layerPairs: number, seed: number): Circuit {
  const rng = createPrng(seed);
  const pick = (n: number) => rng.nextUint32() % n;
  const ops: Operation[] = [];
  for (let layer = 0; layer < layerPairs; layer++) {
    for (let q = 0; q < numQubits; q++) {
      const name = ONE_QUBIT[pick(ONE_QUBIT.length)];
      const params = ROTATIONS.has(name) ? [rng.nextDouble() * 2 * Math.PI] : [];
      ops.push({ kind: "gate", name, qubits: [q], params });
    }
    // a random perfect matching of the qubits (Fisher–Yates shuffle, then consecutive pairs)
    const order = Array.from({ length: numQubits }, (_, i) => i);
    for (let i = numQubits - 1; i > 0; i--) {
      const j = pick(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let i = 0; i + 1 < numQubits; i += 2) {
      ops.push({
        kind: "gate",
        name: pick(2) === 0 ? "cz" : "cx",
        qubits: [order[i], order[i + 1]],
        params: [],
      });
    }
  }
  return {
    numQubits,
    numClbits: 0,
    qregs: [{ name: "q", size: numQubits, offset: 0 }],
    cregs: [],
    ops,
  };
}

/** The reference-shape circuit: 20 moments, 15·N gates (N even). */
export function referenceCircuit(numQubits: number, seed: number): Circuit {
  return layeredCircuit(numQubits, REFERENCE_MOMENTS / 2, seed);
}

/** The second workload: 20 pairs of moments (40 moments, 30·N gates); not the peers' circuit. */
export function pairsCircuit(numQubits: number, seed: number): Circuit {
  return layeredCircuit(numQubits, 20, seed);
}
