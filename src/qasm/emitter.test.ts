// The emitter: parse(toQasm(c)) gives back c exactly, for random circuits over the whole gate library.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GATES } from "../circuit/gates.js";
import type { Circuit, Condition, Operation, Register } from "../circuit/ir.js";
import { QfitError } from "../errors.js";
import { toQasm } from "./emitter.js";
import { parse } from "./parser.js";

const SPECS = [...GATES.values()];
const NAMES = ["q", "c", "anc", "data", "out", "m", "r2", "flag", "gate_x", "pi", "U", "sin"];

/** Any finite double: negative zero, subnormals and the extremes included. */
const angle = fc.double({ noNaN: true, noDefaultInfinity: true });

function registers(sizes: number[], names: string[]): Register[] {
  let offset = 0;
  return sizes.map((size, i) => {
    const r = { name: names[i], size, offset };
    offset += size;
    return r;
  });
}

const circuitArb: fc.Arbitrary<Circuit> = fc
  .record({
    qsizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    csizes: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
    names: fc.shuffledSubarray(NAMES, { minLength: 6, maxLength: 6 }),
  })
  .chain(({ qsizes, csizes, names }) => {
    const qregs = registers(qsizes, names.slice(0, qsizes.length));
    const cregs = registers(csizes, names.slice(3, 3 + csizes.length));
    const numQubits = qregs.reduce((s, r) => s + r.size, 0);
    const numClbits = cregs.reduce((s, r) => s + r.size, 0);
    const qubitIds = Array.from({ length: numQubits }, (_, i) => i);
    const fitting = SPECS.filter((g) => g.numQubits <= numQubits);
    const condition: fc.Arbitrary<Condition | undefined> =
      cregs.length === 0
        ? fc.constant(undefined)
        : fc.option(
            fc
              .constantFrom(...cregs)
              .chain((r) => fc.record({ register: fc.constant(r.name), value: fc.nat(2 ** r.size - 1) })),
            { nil: undefined, freq: 2 },
          );
    const withCondition = <T extends Operation>(op: T, cond: Condition | undefined): T =>
      cond ? { ...op, condition: cond } : op;
    const gate: fc.Arbitrary<Operation> = fc
      .constantFrom(...fitting)
      .chain((g) =>
        fc.tuple(
          fc.constant(g),
          fc.shuffledSubarray(qubitIds, { minLength: g.numQubits, maxLength: g.numQubits }),
          fc.array(angle, { minLength: g.params.length, maxLength: g.params.length }),
          condition,
        ),
      )
      .map(([g, qubits, params, cond]) =>
        withCondition({ kind: "gate", name: g.name, qubits, params }, cond),
      );
    const qubit = fc.nat(numQubits - 1);
    const kinds: Array<fc.Arbitrary<Operation>> = [
      gate,
      gate,
      gate,
      fc.tuple(qubit, condition).map(([q, cond]) => withCondition({ kind: "reset", qubit: q }, cond)),
      fc
        .shuffledSubarray(qubitIds, { minLength: 1 })
        .map((qubits): Operation => ({ kind: "barrier", qubits })),
    ];
    if (numClbits > 0) {
      kinds.push(
        fc
          .tuple(qubit, fc.nat(numClbits - 1), condition)
          .map(([q, c, cond]) => withCondition({ kind: "measure", qubit: q, clbit: c }, cond)),
      );
    }
    return fc
      .array(fc.oneof(...kinds), { maxLength: 25 })
      .map((ops): Circuit => ({ numQubits, numClbits, qregs, cregs, ops }));
  });

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
    const ops: Operation[] = SPECS.map((g) => ({
      kind: "gate",
      name: g.name,
      qubits: Array.from({ length: g.numQubits }, (_, i) => 4 - i),
      params: g.params.map((_, i) => (i + 1) / 7),
    }));
    const c: Circuit = {
      numQubits: 5,
      numClbits: 0,
      qregs: [{ name: "q", size: 5, offset: 0 }],
      cregs: [],
      ops,
    };
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
