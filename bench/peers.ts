// The JavaScript peers of `npm run bench`, run on the same circuits in the same process: quantum-circuit and
// jsqubits (exact-pinned devDependencies). Each adapter builds the peer's circuit from our IR and runs it to the
// final state; only the gates of the benchmark circuits (h, rx, ry, rz, s, t, cz, cx) are mapped.
import { createRequire } from "node:module";
import Qubits from "jsqubits";
import type { Circuit } from "../src/circuit/ir.js";

const require = createRequire(import.meta.url);

interface QuantumCircuitApi {
  appendGate(name: string, wires: number | number[], options?: { params?: Record<string, number> }): void;
  run(): void;
}
const QuantumCircuit = require("quantum-circuit") as new (numQubits: number) => QuantumCircuitApi;

export function runQuantumCircuit(c: Circuit): void {
  const qc = new QuantumCircuit(c.numQubits);
  for (const op of c.ops) {
    if (op.kind !== "gate") continue;
    const [a, b] = op.qubits;
    switch (op.name) {
      case "rx":
      case "ry":
        qc.appendGate(op.name, a, { params: { theta: op.params[0] } });
        break;
      case "rz":
        qc.appendGate(op.name, a, { params: { phi: op.params[0] } });
        break;
      case "cz":
      case "cx":
        qc.appendGate(op.name, [a, b]);
        break;
      default:
        qc.appendGate(op.name, a);
    }
  }
  qc.run();
}

interface JsqubitsState {
  hadamard(bit: number): JsqubitsState;
  rotateX(bit: number, angle: number): JsqubitsState;
  rotateY(bit: number, angle: number): JsqubitsState;
  rotateZ(bit: number, angle: number): JsqubitsState;
  s(bit: number): JsqubitsState;
  t(bit: number): JsqubitsState;
  controlledZ(control: number, target: number): JsqubitsState;
  cnot(control: number, target: number): JsqubitsState;
}

export function runJsqubits(c: Circuit): void {
  let q = (Qubits as unknown as (bits: string) => JsqubitsState)(`|${"0".repeat(c.numQubits)}>`);
  for (const op of c.ops) {
    if (op.kind !== "gate") continue;
    const [a, b] = op.qubits;
    const p = op.params[0];
    switch (op.name) {
      case "h":
        q = q.hadamard(a);
        break;
      case "rx":
        q = q.rotateX(a, p);
        break;
      case "ry":
        q = q.rotateY(a, p);
        break;
      case "rz":
        q = q.rotateZ(a, p);
        break;
      case "s":
        q = q.s(a);
        break;
      case "t":
        q = q.t(a);
        break;
      case "cz":
        q = q.controlledZ(a, b);
        break;
      case "cx":
        q = q.cnot(a, b);
        break;
      default:
        throw new Error(`jsqubits adapter: no mapping for ${op.name}`);
    }
  }
}
