// Seeded random circuits for property tests and benchmarks (like Cirq's `testing.random_circuit`), and the
// inverse of a unitary circuit.

import { userError } from "../errors.js";
import { createPrng } from "../stats/prng.js";
import { GATES, inverseGate } from "./gates.js";
import type { Circuit, GateOp, Operation } from "./ir.js";

export interface RandomCircuitOptions {
  numQubits: number;
  /** Number of layers; in each layer every qubit is used by at most one gate. */
  depth: number;
  /** 0..2^32−1; the same seed gives the same circuit. */
  seed: number;
  /** Gate names to draw from (default: every library gate). */
  gates?: readonly string[];
  /** Probability that a qubit left free in a layer gets a gate (default 1: dense layers). */
  density?: number;
}

/**
 * A random unitary circuit in one register `q`: each layer visits the qubits in random order and places a
 * random gate (from the allowed ones that still fit) on free qubits, with angles uniform in [0, 2π).
 */
export function randomCircuit(options: RandomCircuitOptions): Circuit {
  const { numQubits, depth, seed } = options;
  const density = options.density ?? 1;
  const names = options.gates ?? [...GATES.keys()];
  const specs = names.map((n) => {
    const g = GATES.get(n);
    if (!g) throw userError("Circuit.UnknownGate", `unknown gate '${n}'`, { field: "gates" });
    return g;
  });
  const rng = createPrng(seed);
  const pick = (k: number): number => Math.floor(rng.nextDouble() * k);
  const ops: Operation[] = [];
  for (let layer = 0; layer < depth; layer++) {
    const order = Array.from({ length: numQubits }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = pick(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let next = 0;
    while (next < order.length) {
      const free = order.length - next;
      const fitting = specs.filter((s) => s.numQubits <= free);
      if (fitting.length === 0) break;
      const spec = fitting[pick(fitting.length)];
      const qubits = order.slice(next, next + spec.numQubits);
      next += spec.numQubits;
      if (rng.nextDouble() >= density) continue;
      const params = spec.params.map(() => rng.nextDouble() * 2 * Math.PI);
      ops.push({ kind: "gate", name: spec.name, qubits, params });
    }
  }
  return {
    numQubits,
    numClbits: 0,
    qregs: numQubits > 0 ? [{ name: "q", size: numQubits, offset: 0 }] : [],
    cregs: [],
    ops,
  };
}

/** The inverse of a unitary circuit (gates and barriers only): the gates reversed, each inverted. */
export function inverseCircuit(circuit: Circuit): Circuit {
  const ops: Operation[] = [];
  for (let i = circuit.ops.length - 1; i >= 0; i--) {
    const op = circuit.ops[i];
    if (op.kind === "barrier") {
      ops.push({ kind: "barrier", qubits: [...op.qubits] });
      continue;
    }
    if (op.kind !== "gate" || op.condition)
      throw userError(
        "Circuit.NotUnitary",
        "only a circuit of unconditioned gates and barriers can be inverted",
        { hint: "remove measurements, resets and conditions first" },
      );
    for (const g of inverseGate(op.name, op.params)) {
      const inv: GateOp = { kind: "gate", name: g.name, qubits: [...op.qubits], params: g.params };
      ops.push(inv);
    }
  }
  return {
    numQubits: circuit.numQubits,
    numClbits: circuit.numClbits,
    qregs: circuit.qregs.map((r) => ({ ...r })),
    cregs: circuit.cregs.map((r) => ({ ...r })),
    ops,
  };
}
