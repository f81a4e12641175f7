import { describe, expect, it } from "vitest";
import { isQfitError } from "../errors.js";
import { CircuitBuilder } from "./builder.js";

describe("CircuitBuilder", () => {
  it("builds the IR with registers numbered globally", () => {
    const c = new CircuitBuilder()
      .qreg("a", 2)
      .qreg("b", 1)
      .creg("c", 2)
      .creg("d", 1)
      .h(0)
      .cx(0, 2)
      .gate("rz", [1], [0.3])
      .measure(2, 2)
      .reset(1)
      .barrier()
      .gate("x", [0], [], { register: "d", value: 1 })
      .build();
    expect(c.numQubits).toBe(3);
    expect(c.numClbits).toBe(3);
    expect(c.qregs).toEqual([
      { name: "a", size: 2, offset: 0 },
      { name: "b", size: 1, offset: 2 },
    ]);
    expect(c.cregs[1]).toEqual({ name: "d", size: 1, offset: 2 });
    expect(c.ops).toEqual([
      { kind: "gate", name: "h", qubits: [0], params: [] },
      { kind: "gate", name: "cx", qubits: [0, 2], params: [] },
      { kind: "gate", name: "rz", qubits: [1], params: [0.3] },
      { kind: "measure", qubit: 2, clbit: 2 },
      { kind: "reset", qubit: 1 },
      { kind: "barrier", qubits: [0, 1, 2] },
      { kind: "gate", name: "x", qubits: [0], params: [], condition: { register: "d", value: 1 } },
    ]);
  });

  it("returns independent copies", () => {
    const b = new CircuitBuilder().qreg("q", 1).h(0);
    const first = b.build();
    b.x(0);
    expect(first.ops).toHaveLength(1);
  });

  it.each([
    ["Circuit.UnknownGate", (b: CircuitBuilder) => b.gate("foo", [0])],
    ["Circuit.WrongArity", (b: CircuitBuilder) => b.gate("cx", [0])],
    ["Circuit.WrongParamCount", (b: CircuitBuilder) => b.gate("rz", [0])],
    ["Circuit.QubitOutOfRange", (b: CircuitBuilder) => b.h(5)],
    ["Circuit.DuplicateQubit", (b: CircuitBuilder) => b.cx(1, 1)],
    ["Circuit.ClbitOutOfRange", (b: CircuitBuilder) => b.measure(0, 3)],
    ["Circuit.UnknownRegister", (b: CircuitBuilder) => b.gate("x", [0], [], { register: "z", value: 0 })],
    ["Circuit.DuplicateRegister", (b: CircuitBuilder) => b.qreg("c", 1)],
  ])("rejects bad input with %s", (code, f) => {
    const b = new CircuitBuilder().qreg("q", 2).creg("c", 2);
    try {
      f(b);
      expect.unreachable();
    } catch (e) {
      expect(isQfitError(e) && e.code).toBe(code);
    }
  });
});
