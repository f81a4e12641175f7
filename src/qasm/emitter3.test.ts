// The OpenQASM 3 writer: parse3(toQasm3(c)) gives back c exactly, for random circuits over the whole gate library
// (bit conditions included), and OpenQASM 2 programs converted to 3 keep their circuits and probabilities.

import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { circuitArbitrary, everyGateCircuit } from "../../test/helpers/circuit-arbitrary.js";
import type { Circuit } from "../circuit/ir.js";
import { QfitError } from "../errors.js";
import { simulate } from "../sim/index.js";
import { toQasm } from "./emitter.js";
import { toQasm3 } from "./emitter3.js";
import { parse } from "./parser.js";
import { parse3 } from "./parser3.js";

const NAMES = ["q", "c", "anc", "data", "out", "m", "r2", "flag", "gate_x", "Pi", "u_", "sin"];

function reread(c: Circuit, options = {}): Circuit | null {
  const r = parse3(toQasm3(c, options));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.circuit;
}

describe("toQasm3", () => {
  it("round-trips random circuits exactly, with no diagnostics even in strict mode", () => {
    fc.assert(
      fc.property(circuitArbitrary(NAMES, { bitConditions: true }), (c) => {
        const text = toQasm3(c);
        expect(parse3(text)).toEqual({ circuit: c, diagnostics: [], globalPhase: expect.any(Number) });
        expect(parse3(text, { strict: true }).diagnostics).toEqual([]);
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it("writes every library gate, defining those stdgates.inc lacks with their exact matrices", () => {
    const c = everyGateCircuit();
    const text = toQasm3(c);
    for (const name of [
      "sxdg",
      "rzz",
      "rxx",
      "c3x",
      "c4x",
      "rccx",
      "rc3x",
      "cu3",
      "csx",
      "cu1",
      "c3sqrtx",
      "u0",
    ])
      expect(text).toContain(`gate ${name}`);
    expect(reread(c)).toEqual(c);
  });

  it("writes the documented shapes: stdgates include, qubit[n]/bit[n], c[0] = measure, if on bits and registers", () => {
    const c: Circuit = {
      numQubits: 2,
      numClbits: 3,
      qregs: [{ name: "q", size: 2, offset: 0 }],
      cregs: [
        { name: "c", size: 2, offset: 0 },
        { name: "f", size: 1, offset: 2 },
      ],
      ops: [
        { kind: "gate", name: "u", qubits: [0], params: [1, 2, 3] },
        { kind: "gate", name: "x", qubits: [0], params: [], condition: { register: "c", value: 3 } },
        { kind: "gate", name: "z", qubits: [1], params: [], condition: { register: "c", value: 0, bit: 1 } },
        { kind: "gate", name: "cp", qubits: [1, 0], params: [-0] },
        { kind: "measure", qubit: 1, clbit: 2 },
        { kind: "barrier", qubits: [0, 1] },
        { kind: "reset", qubit: 0 },
      ],
    };
    expect(toQasm3(c, { globalPhase: 0.5 })).toBe(
      [
        "OPENQASM 3.0;",
        'include "stdgates.inc";',
        "qubit[2] q;",
        "bit[2] c;",
        "bit[1] f;",
        "gphase(0.5);",
        "U(1, 2, 3) q[0];",
        "if (c == 3) { x q[0]; }",
        "if (!c[1]) { z q[1]; }",
        "cp(-0) q[1], q[0];",
        "f[0] = measure q[1];",
        "barrier q[0], q[1];",
        "reset q[0];",
        "",
      ].join("\n"),
    );
    expect(parse3(toQasm3(c, { globalPhase: 0.5 })).globalPhase).toBe(0.5);
  });

  it("writes physical qubits $n on request and reads them back as one register", () => {
    const c: Circuit = {
      numQubits: 3,
      numClbits: 1,
      qregs: [{ name: "q", size: 3, offset: 0 }],
      cregs: [{ name: "c", size: 1, offset: 0 }],
      ops: [
        { kind: "gate", name: "cx", qubits: [2, 0], params: [] },
        { kind: "measure", qubit: 2, clbit: 0 },
      ],
    };
    const text = toQasm3(c, { physicalQubits: true });
    expect(text).toContain("cx $2, $0;");
    expect(text).not.toContain("qubit");
    expect(reread(c, { physicalQubits: true })).toEqual(c);
  });

  it("refuses circuits that have no OpenQASM 3 form", () => {
    const base: Circuit = {
      numQubits: 1,
      numClbits: 0,
      qregs: [{ name: "q", size: 1, offset: 0 }],
      cregs: [],
      ops: [],
    };
    const bad: Circuit[] = [
      { ...base, ops: [{ kind: "gate", name: "nope", qubits: [0], params: [] }] },
      { ...base, ops: [{ kind: "gate", name: "rx", qubits: [0], params: [Number.POSITIVE_INFINITY] }] },
      { ...base, qregs: [{ name: "qubit", size: 1, offset: 0 }] },
      { ...base, qregs: [{ name: "h", size: 1, offset: 0 }] },
      { ...base, numQubits: 2 },
    ];
    for (const c of bad) {
      expect(() => toQasm3(c)).toThrow(QfitError);
      expect(() => toQasm3(c)).toThrow(/OpenQASM 3/);
    }
  });
});

/** OpenQASM 2 → circuit → OpenQASM 3 → circuit: the same operations and the same exact probabilities. */
function convertAndCompare(text: string, name: string, simulateUpTo: number): void {
  const two = parse(text, { filename: name });
  expect(
    two.diagnostics.filter((d) => d.severity === "error"),
    name,
  ).toEqual([]);
  const c2 = two.circuit!;
  const c3 = reread(c2)!;
  expect(c3.ops, name).toEqual(c2.ops);
  if (c2.numQubits > simulateUpTo) return;
  const p2 = simulate(c2, { shots: 1, seed: 1, probabilities: true }).probabilities!;
  const p3 = simulate(c3, { shots: 1, seed: 1, probabilities: true }).probabilities!;
  expect(Object.keys(p3).sort(), name).toEqual(Object.keys(p2).sort());
  for (const k of Object.keys(p2)) expect(p3[k], `${name} ${k}`).toBeCloseTo(p2[k], 12);
}

describe("OpenQASM 2 programs converted to OpenQASM 3", () => {
  const examples = new URL("../../examples/", import.meta.url);
  const files = readdirSync(examples).filter((f) => f.endsWith(".qasm"));
  it.each(files)("examples/%s", (f) => {
    convertAndCompare(readFileSync(new URL(f, examples), "utf8"), f, 20);
  });

  const bench = new URL("../../test/fixtures/qasmbench/", import.meta.url);
  const benchFiles = readdirSync(bench).filter((f) => f.endsWith(".qasm"));
  it("has the 17 QASMBench circuits", () => expect(benchFiles).toHaveLength(17));
  it.each(benchFiles)("QASMBench %s", (f) => {
    convertAndCompare(readFileSync(new URL(f, bench), "utf8"), f, 12);
  });

  it("toQasm and toQasm3 describe the same circuit for the bundled 2.0 examples", () => {
    for (const f of files) {
      const c = parse(readFileSync(new URL(f, examples), "utf8")).circuit!;
      expect(parse(toQasm(reread(c)!)).circuit).toEqual(c);
    }
  });
});
