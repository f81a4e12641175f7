import { describe, expect, it } from "vitest";
import { GATES } from "./gates.js";
import { inverseCircuit, randomCircuit } from "./random.js";

describe("randomCircuit", () => {
  it("is deterministic per seed and varies between seeds", () => {
    const o = { numQubits: 5, depth: 8, seed: 3 };
    expect(randomCircuit(o)).toEqual(randomCircuit(o));
    expect(randomCircuit(o)).not.toEqual(randomCircuit({ ...o, seed: 4 }));
  });

  it("uses only the allowed gates, each qubit at most once per layer, with the right arity", () => {
    const gates = ["h", "cx", "ccx", "rz"];
    const c = randomCircuit({ numQubits: 6, depth: 10, seed: 1, gates });
    expect(c.ops.length).toBeGreaterThan(10);
    for (const op of c.ops) {
      if (op.kind !== "gate") throw new Error("unexpected op");
      expect(gates).toContain(op.name);
      expect(op.qubits).toHaveLength(GATES.get(op.name)!.numQubits);
      expect(new Set(op.qubits).size).toBe(op.qubits.length);
    }
    // dense layers: every qubit is used in each of the 10 layers unless a leftover slot fits nothing
    const uses = c.ops.reduce((s, op) => s + (op.kind === "gate" ? op.qubits.length : 0), 0);
    expect(uses).toBe(60);
  });

  it("draws from the whole library by default", () => {
    const c = randomCircuit({ numQubits: 6, depth: 200, seed: 2 });
    const names = new Set(c.ops.map((op) => (op.kind === "gate" ? op.name : "")));
    expect(names.size).toBe(GATES.size);
  });
});

describe("inverseCircuit", () => {
  it("reverses the gates and inverts each", () => {
    const c = randomCircuit({ numQubits: 2, depth: 1, seed: 5, gates: ["s", "t"] });
    const inv = inverseCircuit(c);
    expect(inv.ops.map((op) => (op.kind === "gate" ? op.name : ""))).toEqual(
      c.ops.map((op) => (op.kind === "gate" ? (op.name === "s" ? "sdg" : "tdg") : "")).reverse(),
    );
  });

  it("refuses measurements", () => {
    const c = randomCircuit({ numQubits: 1, depth: 1, seed: 5 });
    expect(() =>
      inverseCircuit({ ...c, numClbits: 1, ops: [{ kind: "measure", qubit: 0, clbit: 0 }] }),
    ).toThrow(/inverted/);
  });
});
