// Basis translation, second stage (transform pass): swaps become three cx, and every cx becomes the device's
// entangling gate with single-qubit corrections (exact up to global phase; checked in native.test.ts):
//   cz:  CX = (I⊗H)·CZ·(I⊗H)
//   rzz: CZ = e^{iπ/4}·(RZ(−π/2)⊗RZ(−π/2))·RZZ(π/2)      (Quantinuum ZZPhase)
//   rxx: RZZ(θ) = (H⊗H)·RXX(θ)·(H⊗H)                      (IonQ Mølmer–Sørensen)

import type { Circuit, GateOp, Operation } from "../circuit/ir.js";

const g = (name: string, qubits: number[], params: number[] = []): GateOp => ({
  kind: "gate",
  name,
  qubits,
  params,
});

function czAsNative(a: number, b: number, twoQubit: "cz" | "rzz" | "rxx"): GateOp[] {
  if (twoQubit === "cz") return [g("cz", [a, b])];
  const zz =
    twoQubit === "rzz"
      ? [g("rzz", [a, b], [Math.PI / 2])]
      : [g("h", [a]), g("h", [b]), g("rxx", [a, b], [Math.PI / 2]), g("h", [a]), g("h", [b])];
  return [...zz, g("rz", [a], [-Math.PI / 2]), g("rz", [b], [-Math.PI / 2])];
}

function cxAsNative(c: number, t: number, twoQubit: "cz" | "rzz" | "rxx"): GateOp[] {
  return [g("h", [t]), ...czAsNative(c, t, twoQubit), g("h", [t])];
}

export function translateTwoQubit(circuit: Circuit, twoQubit: "cz" | "rzz" | "rxx"): Circuit {
  const ops: Operation[] = [];
  for (const op of circuit.ops) {
    if (op.kind !== "gate" || op.qubits.length !== 2) {
      ops.push(op);
      continue;
    }
    const [a, b] = op.qubits;
    if (op.name === "swap")
      ops.push(...cxAsNative(a, b, twoQubit), ...cxAsNative(b, a, twoQubit), ...cxAsNative(a, b, twoQubit));
    else if (op.name === "cx") ops.push(...cxAsNative(a, b, twoQubit));
    else if (op.name === twoQubit) ops.push(op);
    else throw new Error(`native translation expects cx or swap, got ${op.name}`);
  }
  return { ...circuit, ops };
}
