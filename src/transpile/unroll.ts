// Basis translation, first stage (transform pass): every library gate becomes single-qubit u3 gates and cx,
// using the qelib1.inc definitions (OpenQASM 2.0, Cross et al., arXiv:1707.03429, and Qiskit's qelib1.inc)
// and standard identities; single-qubit gates become one u3 from their exact matrix. Exact up to global phase.

import { EXACT_DECOMPOSITIONS } from "../circuit/decompositions.js";
import { GATES, gateMatrix } from "../circuit/gates.js";
import type { Circuit, GateOp, Operation } from "../circuit/ir.js";
import { userError } from "../errors.js";
import { ANGLE_EPS, eulerZyz } from "./euler.js";

type Call = [string, number[], number[]?];
const PI = Math.PI;

/** One level of decomposition of a multi-qubit gate in terms of simpler library gates; args a, b, c, d, e. */
function rule(name: string, p: readonly number[], q: readonly number[]): Call[] | null {
  const exact = EXACT_DECOMPOSITIONS[name];
  if (exact) return exact(p).map(([n, local, ps]) => [n, local.map((i) => q[i]), ps]);
  const [a, b, c, d, e] = q;
  switch (name) {
    case "cz":
      return [
        ["h", [b]],
        ["cx", [a, b]],
        ["h", [b]],
      ];
    case "cy":
      return [
        ["sdg", [b]],
        ["cx", [a, b]],
        ["s", [b]],
      ];
    case "ch":
      return [
        ["ry", [b], [PI / 4]],
        ["cx", [a, b]],
        ["ry", [b], [-PI / 4]],
      ];
    case "crz":
      return [
        ["rz", [b], [p[0] / 2]],
        ["cx", [a, b]],
        ["rz", [b], [-p[0] / 2]],
        ["cx", [a, b]],
      ];
    case "cry":
      return [
        ["ry", [b], [p[0] / 2]],
        ["cx", [a, b]],
        ["ry", [b], [-p[0] / 2]],
        ["cx", [a, b]],
      ];
    case "crx":
      return [
        ["h", [b]],
        ["crz", [a, b], [p[0]]],
        ["h", [b]],
      ];
    case "cu1":
    case "cp":
      return [
        ["p", [a], [p[0] / 2]],
        ["cx", [a, b]],
        ["p", [b], [-p[0] / 2]],
        ["cx", [a, b]],
        ["p", [b], [p[0] / 2]],
      ];
    case "cu3":
      return [
        ["p", [a], [(p[2] + p[1]) / 2]],
        ["p", [b], [(p[2] - p[1]) / 2]],
        ["cx", [a, b]],
        ["u3", [b], [-p[0] / 2, 0, -(p[1] + p[2]) / 2]],
        ["cx", [a, b]],
        ["u3", [b], [p[0] / 2, p[1], 0]],
      ];
    case "cu":
      return [
        ["p", [a], [p[3]]],
        ["cu3", [a, b], [p[0], p[1], p[2]]],
      ];
    case "csx":
      return [
        ["h", [b]],
        ["cu1", [a, b], [PI / 2]],
        ["h", [b]],
      ];
    case "ccx":
      return [
        ["h", [c]],
        ["cx", [b, c]],
        ["tdg", [c]],
        ["cx", [a, c]],
        ["t", [c]],
        ["cx", [b, c]],
        ["tdg", [c]],
        ["cx", [a, c]],
        ["t", [b]],
        ["t", [c]],
        ["h", [c]],
        ["cx", [a, b]],
        ["t", [a]],
        ["tdg", [b]],
        ["cx", [a, b]],
      ];
    case "cswap":
      return [
        ["cx", [c, b]],
        ["ccx", [a, b, c]],
        ["cx", [c, b]],
      ];
    case "c3x":
      return [
        ["h", [d]],
        ["p", [a], [PI / 8]],
        ["p", [b], [PI / 8]],
        ["p", [c], [PI / 8]],
        ["p", [d], [PI / 8]],
        ["cx", [a, b]],
        ["p", [b], [-PI / 8]],
        ["cx", [a, b]],
        ["cx", [b, c]],
        ["p", [c], [-PI / 8]],
        ["cx", [a, c]],
        ["p", [c], [PI / 8]],
        ["cx", [b, c]],
        ["p", [c], [-PI / 8]],
        ["cx", [a, c]],
        ["cx", [c, d]],
        ["p", [d], [-PI / 8]],
        ["cx", [b, d]],
        ["p", [d], [PI / 8]],
        ["cx", [c, d]],
        ["p", [d], [-PI / 8]],
        ["cx", [a, d]],
        ["p", [d], [PI / 8]],
        ["cx", [c, d]],
        ["p", [d], [-PI / 8]],
        ["cx", [b, d]],
        ["p", [d], [PI / 8]],
        ["cx", [c, d]],
        ["p", [d], [-PI / 8]],
        ["cx", [a, d]],
        ["h", [d]],
      ];
    case "c3sqrtx":
      return [
        ["h", [d]],
        ["cu1", [a, d], [PI / 8]],
        ["h", [d]],
        ["cx", [a, b]],
        ["h", [d]],
        ["cu1", [b, d], [-PI / 8]],
        ["h", [d]],
        ["cx", [a, b]],
        ["h", [d]],
        ["cu1", [b, d], [PI / 8]],
        ["h", [d]],
        ["cx", [b, c]],
        ["h", [d]],
        ["cu1", [c, d], [-PI / 8]],
        ["h", [d]],
        ["cx", [a, c]],
        ["h", [d]],
        ["cu1", [c, d], [PI / 8]],
        ["h", [d]],
        ["cx", [b, c]],
        ["h", [d]],
        ["cu1", [c, d], [-PI / 8]],
        ["h", [d]],
        ["cx", [a, c]],
        ["h", [d]],
        ["cu1", [c, d], [PI / 8]],
        ["h", [d]],
      ];
    case "c4x":
      return [["h", [e]], ...multiControlledPhase(PI, [a, b, c, d], e), ["h", [e]]];
    default:
      return null;
  }
}

/**
 * C^n-P(λ) by the recursion C^n-P(λ) = CP(λ/2)[c_n,t] · C^{n−1}X[c_1..c_{n−1} → c_n] · CP(−λ/2)[c_n,t] ·
 * C^{n−1}X · C^{n−1}-P(λ/2)[c_1..c_{n−1}, t] (Barenco et al., PRA 52, 3457 (1995), Lemma 7.5 with V = P(λ/2)): exact, no
 * relative phases.
 */
function multiControlledPhase(lambda: number, controls: readonly number[], t: number): Call[] {
  if (controls.length === 1) return [["cp", [controls[0], t], [lambda]]];
  const last = controls[controls.length - 1];
  const rest = controls.slice(0, -1);
  const flip: Call =
    rest.length === 1
      ? ["cx", [rest[0], last]]
      : rest.length === 2
        ? ["ccx", [...rest, last]]
        : ["c3x", [...rest, last]];
  return [
    ["cp", [last, t], [lambda / 2]],
    flip,
    ["cp", [last, t], [-lambda / 2]],
    flip,
    ...multiControlledPhase(lambda / 2, rest, t),
  ];
}

/** A single-qubit gate as one u3 (null for the identity up to phase). */
export function toU3(name: string, qubit: number, params: readonly number[]): GateOp | null {
  const e = eulerZyz(gateMatrix(name, params));
  if (Math.abs(e.theta) < ANGLE_EPS && Math.abs(e.phi + e.lambda) < ANGLE_EPS) return null;
  return { kind: "gate", name: "u3", qubits: [qubit], params: [e.theta, e.phi, e.lambda] };
}

function unrollGate(name: string, qubits: readonly number[], params: readonly number[], out: GateOp[]): void {
  const spec = GATES.get(name);
  if (!spec) throw userError("Circuit.UnknownGate", `unknown gate '${name}'`, { field: "circuit" });
  if (spec.numQubits === 1) {
    const u = toU3(name, qubits[0], params);
    if (u) out.push(u);
    return;
  }
  if (name === "cx") {
    out.push({ kind: "gate", name: "cx", qubits: [...qubits], params: [] });
    return;
  }
  const calls = rule(name, params, qubits);
  if (!calls)
    throw userError("Transpile.Unsupported", `no decomposition for gate '${name}'`, { field: "circuit" });
  for (const [n, q, p] of calls) unrollGate(n, q, p ?? [], out);
}

/** The circuit with every gate as u3 or cx; measurements, resets and barriers kept. */
export function unroll(circuit: Circuit): Circuit {
  const ops: Operation[] = [];
  for (const op of circuit.ops) {
    if (op.kind !== "gate") {
      ops.push(structuredClone(op));
      continue;
    }
    if (op.condition)
      throw userError(
        "Transpile.Unsupported",
        "the transpiler does not handle classically conditioned gates",
        {
          field: "circuit",
        },
      );
    const out: GateOp[] = [];
    unrollGate(op.name, op.qubits, op.params, out);
    ops.push(...out);
  }
  return {
    ...circuit,
    qregs: circuit.qregs.map((r) => ({ ...r })),
    cregs: circuit.cregs.map((r) => ({ ...r })),
    ops,
  };
}
