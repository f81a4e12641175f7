// The benchmark circuits of ../shared/references/simulation.md, so our times compare with the peers recorded
// there: depth-20 random circuits, each layer a random 1-qubit gate from {h, rx, ry, rz, s, t} on every qubit,
// then CZ or CX on random disjoint pairs. Seeded with the project's PRNG, so every run times the same circuits.
import type { Circuit, Operation } from "../src/circuit/ir.js";
import { createPrng } from "../src/sim/prng.js";

const ONE_QUBIT = ["h", "rx", "ry", "rz", "s", "t"] as const;
const ROTATIONS = new Set(["rx", "ry", "rz"]);

export function benchmarkCircuit(numQubits: number, depth: number, seed: number): Circuit {
  const rng = createPrng(seed);
  const pick = (n: number) => rng.nextUint32() % n;
  const ops: Operation[] = [];
  for (let layer = 0; layer < depth; layer++) {
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
