// bench/qsim-format.ts: the circuit file the optional qsim peer of `npm run bench:sim` reads (issue 14), and the
// time qsim_base prints. Expected files are written out by hand from qsim's format (lib/circuit_qsim_parser.h).
import { describe, expect, it } from "vitest";
import { REFERENCE_MOMENTS, referenceCircuit } from "../bench/circuits.js";
import { qsimElapsedSeconds, toQsimFormat } from "../bench/qsim-format.js";
import { CircuitBuilder } from "../src/circuit/builder.js";
import type { Circuit, Operation } from "../src/circuit/ir.js";

/** One qubit and `ops` as they are: for operations the builder (rightly) refuses to make. */
const raw = (ops: Operation[]): Circuit => ({
  ...new CircuitBuilder().qreg("q", 1).creg("c", 1).build(),
  ops,
});

describe("toQsimFormat", () => {
  it("writes the qubit count, then each gate at the earliest moment its qubits allow, sorted by time", () => {
    const c = new CircuitBuilder()
      .qreg("q", 3)
      .h(0)
      .cx(0, 1)
      .gate("rz", [1], [0.5])
      .gate("t", [2]) // free since the start: moment 0, so it moves above the cnot
      .barrier()
      .gate("cz", [2, 1])
      .build();
    expect(toQsimFormat(c)).toEqual({
      text: "3\n0 h 0\n0 t 2\n1 cnot 0 1\n2 rz 1 0.5\n3 cz 2 1\n",
      lastTime: 3,
    });
  });

  it("gives the reference circuit's gates their moment: N one-qubit gates at even times, N/2 pairs at odd ones", () => {
    const n = 6;
    const { text, lastTime } = toQsimFormat(referenceCircuit(n, 2032));
    const times = text
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => Number(l.split(" ")[0]));
    expect(lastTime).toBe(REFERENCE_MOMENTS - 1);
    for (let t = 0; t < REFERENCE_MOMENTS; t++) {
      expect(times.filter((x) => x === t).length).toBe(t % 2 === 0 ? n : n / 2);
    }
  });

  it("writes angles that read back as the same doubles", () => {
    const angles = [0.1 + 0.2, Math.PI / 7, -2.5e-17, 6.283185307179586];
    const b = new CircuitBuilder().qreg("q", 1);
    for (const [i, a] of angles.entries()) b.gate(["rx", "ry", "rz", "rx"][i], [0], [a]);
    const { text } = toQsimFormat(b.build());
    const read = text
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => Number(l.split(" ")[3]));
    expect(read).toEqual(angles);
  });

  it("refuses what qsim's format cannot express, naming it", () => {
    const gate = (name: string, params: number[]): Operation => ({ kind: "gate", name, qubits: [0], params });
    expect(() => toQsimFormat(raw([gate("u3", [1, 2, 3])]))).toThrow(/no gate "u3" with 3 parameter/);
    expect(() => toQsimFormat(raw([gate("h", [1])]))).toThrow(/no gate "h" with 1 parameter/);
    expect(() => toQsimFormat(raw([{ kind: "measure", qubit: 0, clbit: 0 }]))).toThrow(
      /cannot express a measure/,
    );
    const conditional: Operation = { ...gate("x", []), condition: { register: "c", value: 1 } } as Operation;
    expect(() => toQsimFormat(raw([conditional]))).toThrow(/cannot express a conditional gate/);
  });
});

describe("qsimElapsedSeconds", () => {
  it("reads the time qsim_base -v 1 prints", () => {
    const out =
      "180 1-qubit, 60 2-qubit gates are fused into 31 gates\ntime elapsed 0.51 seconds.\n000: 0.1 0.2 0.05\n";
    expect(qsimElapsedSeconds(out)).toBe(0.51);
    expect(qsimElapsedSeconds("time elapsed 4.6412e-05 seconds.\n")).toBe(4.6412e-5);
  });

  it("says so when the line is missing", () => {
    expect(() => qsimElapsedSeconds("000: 1 0 1\n")).toThrow(/-v 1/);
  });
});
