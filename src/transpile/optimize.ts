// Peephole optimisation (transform passes): merge each run of single-qubit gates into one unitary and
// resynthesise it (dropping it when it is the identity up to phase), and cancel adjacent pairs of identical
// self-inverse two-qubit gates (cx on the same control/target, cz or swap on the same pair), cascading.

import { gateMatrix } from "../circuit/gates.js";
import type { Circuit, GateOp, Operation } from "../circuit/ir.js";
import { type Matrix, matmul } from "../circuit/matrix.js";
import { type EulerAngles, eulerZyz } from "./euler.js";

export type Synthesis = (qubit: number, e: EulerAngles) => GateOp[];

/** Merge single-qubit runs; `synth` writes each merged unitary back as gates. */
export function mergeSingleQubitRuns(circuit: Circuit, synth: Synthesis): Circuit {
  const pending: Array<Matrix | null> = new Array(circuit.numQubits).fill(null);
  const out: Operation[] = [];
  const flush = (q: number): void => {
    const m = pending[q];
    if (!m) return;
    pending[q] = null;
    out.push(...synth(q, eulerZyz(m)));
  };
  for (const op of circuit.ops) {
    if (op.kind === "gate" && op.qubits.length === 1 && !op.condition) {
      const q = op.qubits[0];
      const u = gateMatrix(op.name, op.params);
      pending[q] = pending[q] ? matmul(u, pending[q]!) : u;
      continue;
    }
    const qubits = op.kind === "gate" || op.kind === "barrier" ? op.qubits : [op.qubit];
    for (const q of qubits) flush(q);
    out.push(op);
  }
  for (let q = 0; q < circuit.numQubits; q++) flush(q);
  return { ...circuit, ops: out };
}

const SELF_INVERSE = new Set(["cx", "cz", "swap"]);
const SYMMETRIC = new Set(["cz", "swap"]);

function sameGate(a: GateOp, b: GateOp): boolean {
  if (a.name !== b.name) return false;
  if (a.qubits[0] === b.qubits[0] && a.qubits[1] === b.qubits[1]) return true;
  return SYMMETRIC.has(a.name) && a.qubits[0] === b.qubits[1] && a.qubits[1] === b.qubits[0];
}

/** Remove adjacent identical self-inverse two-qubit gates; returns the circuit and the number of pairs removed. */
export function cancelInversePairs(circuit: Circuit): { circuit: Circuit; removed: number } {
  const kept: Array<Operation | null> = [];
  // Per qubit, the stack of kept op indices touching it.
  const stacks: number[][] = Array.from({ length: circuit.numQubits }, () => []);
  let removed = 0;
  for (const op of circuit.ops) {
    const qubits = op.kind === "gate" || op.kind === "barrier" ? op.qubits : [op.qubit];
    if (op.kind === "gate" && op.qubits.length === 2 && SELF_INVERSE.has(op.name) && !op.condition) {
      const [a, b] = op.qubits;
      const ta = stacks[a][stacks[a].length - 1];
      const tb = stacks[b][stacks[b].length - 1];
      const prev = ta !== undefined && ta === tb ? kept[ta] : null;
      if (prev && prev.kind === "gate" && !prev.condition && sameGate(prev, op)) {
        kept[ta] = null;
        stacks[a].pop();
        stacks[b].pop();
        removed++;
        continue;
      }
    }
    const idx = kept.length;
    kept.push(op);
    for (const q of qubits) stacks[q].push(idx);
  }
  return { circuit: { ...circuit, ops: kept.filter((o): o is Operation => o !== null) }, removed };
}
