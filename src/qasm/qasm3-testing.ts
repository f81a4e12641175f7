// Test support for the OpenQASM 3 reader: the unitary a program denotes, global phase included.

import { expi, type Matrix, scale } from "../circuit/matrix.js";
import { sequenceUnitary } from "../circuit/testing.js";
import { parse3 } from "./parser3.js";

/** Parses an OpenQASM 3 program of gates only and returns e^{i·globalPhase}·U; throws on any error. */
export function programUnitary(text: string): Matrix {
  const r = parse3(text);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!r.circuit || errors.length > 0)
    throw new Error(
      `parse failed: ${errors.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join("; ")}`,
    );
  const calls = r.circuit.ops.map((op) => {
    if (op.kind !== "gate") throw new Error(`not a gate: ${op.kind}`);
    return [op.name, op.qubits, op.params] as const;
  });
  return scale(sequenceUnitary(r.circuit.numQubits, calls), expi(r.globalPhase));
}
