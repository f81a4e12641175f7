// The emitter: parse(toQasm(c)) gives back c exactly, for random circuits over the whole gate library.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { circuitArbitrary, everyGateCircuit } from "../../test/helpers/circuit-arbitrary.js";
import { GATES } from "../circuit/gates.js";
import type { Circuit } from "../circuit/ir.js";
import { QfitError } from "../errors.js";
import { toQasm } from "./emitter.js";
import { parse } from "./parser.js";

const NAMES = ["q", "c", "anc", "data", "out", "m", "r2", "flag", "gate_x", "pi", "U", "sin"];
const circuitArb = circuitArbitrary(NAMES);

describe("toQasm", () => {
  it("round-trips random circuits exactly, and the output is strict OpenQASM 2.0", () => {
    fc.assert(
      fc.property(circuitArb, (c) => {
        const text = toQasm(c);
        expect(parse(text)).toEqual({ circuit: c, diagnostics: [] });
        expect(parse(text, { strict: true }).diagnostics).toEqual([]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("covers every library gate", () => {
    const c = everyGateCircuit();
    const ops = c.ops;
    expect(parse(toQasm(c)).circuit).toEqual(c);
    expect(new Set(ops.map((o) => (o.kind === "gate" ? o.name : ""))).size).toBe(GATES.size);
  });

  it("writes the header, conditions and numbers in the documented form", () => {
    const c: Circuit = {
      numQubits: 2,
      numClbits: 2,
      qregs: [{ name: "q", size: 2, offset: 0 }],
      cregs: [{ name: "c", size: 2, offset: 0 }],
      ops: [
        { kind: "gate", name: "x", qubits: [0], params: [], condition: { register: "c", value: 3 } },
        { kind: "gate", name: "cp", qubits: [1, 0], params: [-0] },
        { kind: "gate", name: "rz", qubits: [1], params: [1e-7] },
        { kind: "measure", qubit: 1, clbit: 0 },
      ],
    };
    expect(toQasm(c)).toBe(
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nif(c==3) x q[0];\ncp(-0) q[1],q[0];\nrz(1e-7) q[1];\nmeasure q[1] -> c[0];\n',
    );
  });

  it("refuses circuits that have no OpenQASM form", () => {
    const base: Circuit = {
      numQubits: 1,
      numClbits: 0,
      qregs: [{ name: "q", size: 1, offset: 0 }],
      cregs: [],
      ops: [],
    };
    const bad: Circuit[] = [
      { ...base, ops: [{ kind: "gate", name: "nope", qubits: [0], params: [] }] },
      { ...base, ops: [{ kind: "gate", name: "rx", qubits: [0], params: [Number.NaN] }] },
      { ...base, ops: [{ kind: "gate", name: "x", qubits: [1], params: [] }] },
      { ...base, qregs: [{ name: "qreg", size: 1, offset: 0 }] },
      { ...base, numQubits: 2 },
    ];
    for (const c of bad) {
      expect(() => toQasm(c)).toThrow(QfitError);
      try {
        toQasm(c);
      } catch (e) {
        expect((e as QfitError).code).toBe("QASM.Emit.InvalidCircuit");
      }
    }
  });
});
