// Circuit families for training: angle encoding of classical features, the hardware-efficient ansatz (layers
// of single-qubit rotations and a chain of CNOTs, Kandala et al., Nature 549, 242, 2017) and the data
// re-uploading ansatz (the encoding repeated before every trainable layer, Pérez-Salinas et al., Quantum 4, 226,
// 2020). Each trainable rotation carries its own weight, so P = 2·qubits·layers and one gradient costs 2·P
// circuit evaluations by parameter shift.

import { userError } from "../errors.js";
import type { ParamGate, VariationalCircuit } from "./variational.js";

export type AnsatzKind = "hea" | "reupload";
export const ANSATZ_KINDS: readonly AnsatzKind[] = ["hea", "reupload"];

export interface AnsatzOptions {
  kind: AnsatzKind;
  qubits: number;
  layers: number;
  /** Number of classical input features. */
  features: number;
  /** Angle per unit of feature: ry(scale·x). */
  scale: number;
}

/** Max qubits for training on the statevector: 2^20 amplitudes keep one gradient within seconds. */
export const MAX_TRAINING_QUBITS = 20;
export const MAX_LAYERS = 100;

/** One ry(scale·x[q mod features]) per qubit: features are repeated over the register when there are fewer. */
export function angleEncoding(qubits: number, features: number, scale: number): ParamGate[] {
  return Array.from({ length: qubits }, (_, q) => ({
    name: "ry",
    qubits: [q],
    angle: { kind: "input" as const, index: q % features, scale },
  }));
}

export function buildAnsatz(o: AnsatzOptions): VariationalCircuit {
  if (!Number.isInteger(o.qubits) || o.qubits < 1 || o.qubits > MAX_TRAINING_QUBITS)
    throw userError(
      "Qml.InvalidQubits",
      `qubits must be an integer from 1 to ${MAX_TRAINING_QUBITS}, got ${o.qubits}`,
      {
        field: "qubits",
      },
    );
  if (!Number.isInteger(o.layers) || o.layers < 1 || o.layers > MAX_LAYERS)
    throw userError(
      "Qml.InvalidLayers",
      `layers must be an integer from 1 to ${MAX_LAYERS}, got ${o.layers}`,
      {
        field: "layers",
      },
    );
  const gates: ParamGate[] = [];
  let w = 0;
  const encode = () => gates.push(...angleEncoding(o.qubits, o.features, o.scale));
  if (o.kind === "hea") encode();
  for (let l = 0; l < o.layers; l++) {
    if (o.kind === "reupload") encode();
    for (let q = 0; q < o.qubits; q++) {
      gates.push({ name: "ry", qubits: [q], angle: { kind: "weight", index: w++ } });
      gates.push({ name: "rz", qubits: [q], angle: { kind: "weight", index: w++ } });
    }
    for (let q = 0; q + 1 < o.qubits; q++) gates.push({ name: "cx", qubits: [q, q + 1] });
  }
  return { numQubits: o.qubits, numWeights: w, numInputs: o.features, gates };
}
