// Valid programs: what the parser builds, lenient acceptances and their strict-mode errors, the throwing edge.

import { describe, expect, it } from "vitest";
import type { Circuit } from "../circuit/ir.js";
import { QasmParseError } from "./diagnostics.js";
import { parse } from "./parser.js";
import { parseQasm, parseQasmWithWarnings } from "./qasm.js";

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

function ok(body: string): Circuit {
  const r = parse(HEADER + body);
  expect(r.diagnostics).toEqual([]);
  return r.circuit!;
}

const param = (expr: string): number => {
  const op = ok(`qreg q[1];\nrx(${expr}) q[0];`).ops[0];
  if (op.kind !== "gate") throw new Error("expected a gate");
  return op.params[0];
};

describe("registers and broadcasting", () => {
  it("numbers qubits and clbits globally in declaration order", () => {
    const c = ok("qreg a[2];\ncreg m[1];\nqreg b[3];\ncreg n[2];\nx b[1];\nmeasure b[2] -> n[1];");
    expect(c.qregs).toEqual([
      { name: "a", size: 2, offset: 0 },
      { name: "b", size: 3, offset: 2 },
    ]);
    expect(c.cregs).toEqual([
      { name: "m", size: 1, offset: 0 },
      { name: "n", size: 2, offset: 1 },
    ]);
    expect(c.numQubits).toBe(5);
    expect(c.numClbits).toBe(3);
    expect(c.ops).toEqual([
      { kind: "gate", name: "x", qubits: [3], params: [] },
      { kind: "measure", qubit: 4, clbit: 2 },
    ]);
  });

  it("broadcasts over whole registers and single bits", () => {
    const c = ok(
      "qreg a[2];\nqreg b[2];\ncreg c[2];\nh a;\ncx a, b;\ncx a[0], b;\nmeasure a -> c;\nreset b;",
    );
    const g = (name: string, qubits: number[]) => ({ kind: "gate", name, qubits, params: [] });
    expect(c.ops).toEqual([
      g("h", [0]),
      g("h", [1]),
      g("cx", [0, 2]),
      g("cx", [1, 3]),
      g("cx", [0, 2]),
      g("cx", [0, 3]),
      { kind: "measure", qubit: 0, clbit: 0 },
      { kind: "measure", qubit: 1, clbit: 1 },
      { kind: "reset", qubit: 2 },
      { kind: "reset", qubit: 3 },
    ]);
  });

  it("builds one barrier over registers and bits, without repeats", () => {
    const c = ok("qreg a[2];\nqreg b[2];\nbarrier a, b[1];\nbarrier a[1], a;");
    expect(c.ops).toEqual([
      { kind: "barrier", qubits: [0, 1, 3] },
      { kind: "barrier", qubits: [1, 0] },
    ]);
  });

  it("maps the builtins U and CX to the library gates u and cx", () => {
    const c = ok("qreg q[2];\nU(0.1, 0.2, 0.3) q[0];\nCX q[0], q[1];");
    expect(c.ops).toEqual([
      { kind: "gate", name: "u", qubits: [0], params: [0.1, 0.2, 0.3] },
      { kind: "gate", name: "cx", qubits: [0, 1], params: [] },
    ]);
  });
});

describe("expressions", () => {
  it("reads numbers in every form", () => {
    expect(param("1e-3")).toBe(0.001);
    expect(param(".5")).toBe(0.5);
    expect(param("2.")).toBe(2);
    expect(param("1.5E+2")).toBe(150);
    expect(param("-0")).toBe(-0);
  });

  it("follows precedence and associativity", () => {
    expect(param("2^3^2")).toBe(512);
    expect(param("-2^2")).toBe(-4);
    expect(param("2^-1")).toBe(0.5);
    expect(param("1-2-3")).toBe(-4);
    expect(param("8/4/2")).toBe(1);
    expect(param("1+2*3")).toBe(7);
    expect(param("(1+2)*3")).toBe(9);
    expect(param("--1")).toBe(1);
  });

  it("knows pi and the six functions", () => {
    expect(param("pi/4")).toBe(Math.PI / 4);
    expect(param("sin(pi/6) + cos(0) + tan(1) + exp(1) + ln(2) + sqrt(2)")).toBe(
      Math.sin(Math.PI / 6) + Math.cos(0) + Math.tan(1) + Math.exp(1) + Math.log(2) + Math.sqrt(2),
    );
  });
});

describe("gate definitions", () => {
  it("expands nested user gates with parameter expressions into library gates", () => {
    const c = ok(
      [
        "gate rot(t, p) x { rz(t/2) x; ry(-p^2) x; }",
        "gate pair(t) a, b { rot(t, 2*t) a; cx a, b; rot(-t, pi) b; barrier a, b; }",
        "qreg q[2];",
        "pair(pi/3) q[1], q[0];",
      ].join("\n"),
    );
    const t = Math.PI / 3;
    expect(c.ops).toEqual([
      { kind: "gate", name: "rz", qubits: [1], params: [t / 2] },
      { kind: "gate", name: "ry", qubits: [1], params: [-((2 * t) ** 2)] },
      { kind: "gate", name: "cx", qubits: [1, 0], params: [] },
      { kind: "gate", name: "rz", qubits: [0], params: [-t / 2] },
      { kind: "gate", name: "ry", qubits: [0], params: [-(Math.PI ** 2)] },
      { kind: "barrier", qubits: [1, 0] },
    ]);
  });

  it("broadcasts user gates over registers", () => {
    const c = ok("gate flip a, b { x a; x b; }\nqreg p[2];\nqreg r[2];\nflip p, r;");
    expect(c.ops.map((o) => (o.kind === "gate" ? o.qubits[0] : -1))).toEqual([0, 2, 1, 3]);
  });

  it("accepts opaque declarations that are never applied", () => {
    const c = ok("opaque magic(t) a, b;\nqreg q[1];\nh q[0];");
    expect(c.ops).toHaveLength(1);
  });
});

describe("conditions", () => {
  it("attach to gates, measurements, resets and every op of an expanded user gate", () => {
    const c = ok(
      "gate two a { h a; s a; }\nqreg q[1];\ncreg c[2];\nif(c==3) x q[0];\nif (c == 1) measure q[0] -> c[1];\nif(c==0) reset q[0];\nif(c==2) two q[0];",
    );
    expect(c.ops).toEqual([
      { kind: "gate", name: "x", qubits: [0], params: [], condition: { register: "c", value: 3 } },
      { kind: "measure", qubit: 0, clbit: 1, condition: { register: "c", value: 1 } },
      { kind: "reset", qubit: 0, condition: { register: "c", value: 0 } },
      { kind: "gate", name: "h", qubits: [0], params: [], condition: { register: "c", value: 2 } },
      { kind: "gate", name: "s", qubits: [0], params: [], condition: { register: "c", value: 2 } },
    ]);
  });
});

describe("lenient mode", () => {
  const LENIENT: Array<[string, string, string]> = [
    ["missing version", 'include "qelib1.inc";\nqreg q[1];\nh q[0];', "QASM.Lenient.MissingVersion"],
    ["trailing comma in arguments", `${HEADER}qreg q[2];\ncx q[0], q[1],;`, "QASM.Lenient.TrailingComma"],
    ["trailing comma in parameters", `${HEADER}qreg q[1];\nu3(1, 2, 3,) q[0];`, "QASM.Lenient.TrailingComma"],
    ["repeated include", `${HEADER}include "qelib1.inc";\nqreg q[1];`, "QASM.Lenient.RepeatedInclude"],
    ["missing include", "OPENQASM 2.0;\nqreg q[1];\nh q[0];", "QASM.Lenient.MissingInclude"],
    ["block comment", `${HEADER}/* a\n comment */qreg q[1];`, "QASM.Lenient.BlockComment"],
    ["empty statement", `${HEADER}qreg q[1];;`, "QASM.Lenient.EmptyStatement"],
    ["barrier without arguments", `${HEADER}qreg q[2];\nbarrier;`, "QASM.Lenient.BarrierNoArguments"],
    ["version written '2'", 'OPENQASM 2;\ninclude "qelib1.inc";', "QASM.Lenient.VersionFormat"],
    [
      "qelib1 gate redefined",
      `${HEADER}gate cx a, b { CX a, b; }\nqreg q[2];\ncx q[0], q[1];`,
      "QASM.Lenient.RedefinedLibraryGate",
    ],
    ["unary plus", `${HEADER}qreg q[1];\nrx(+1) q[0];`, "QASM.Lenient.UnaryPlus"],
  ];

  it.each(LENIENT)("%s: a warning normally, an error in strict mode", (_name, text, code) => {
    const lenient = parse(text);
    expect(lenient.circuit).not.toBeNull();
    expect(lenient.diagnostics.map((d) => [d.code, d.severity])).toEqual([[code, "warning"]]);
    const strict = parse(text, { strict: true });
    expect(strict.circuit).toBeNull();
    expect(strict.diagnostics.map((d) => [d.code, d.severity])).toEqual([[code, "error"]]);
  });

  it("uses the user's definition of a redefined qelib1 gate, and the library's inside its own body", () => {
    const c = parse(`${HEADER}gate h a { h a; x a; }\nqreg q[1];\nh q[0];`).circuit!;
    expect(c.ops.map((o) => (o.kind === "gate" ? o.name : o.kind))).toEqual(["h", "x"]);
  });

  it("reads 'barrier;' as a barrier on every qubit declared so far", () => {
    const c = parse(`${HEADER}qreg a[1];\nqreg b[2];\nbarrier;`).circuit!;
    expect(c.ops).toEqual([{ kind: "barrier", qubits: [0, 1, 2] }]);
  });
});

describe("includes", () => {
  const files: Record<string, string> = {
    "mygates.inc": "gate hh a { h a; h a; }\n",
    "broken.inc": "gate bad a { nope a; }\n",
  };
  const resolveInclude = (p: string) => files[p];

  it("reads other includes through resolveInclude", () => {
    const r = parse(`${HEADER}include "mygates.inc";\nqreg q[1];\nhh q[0];`, { resolveInclude });
    expect(r.diagnostics).toEqual([]);
    expect(r.circuit!.ops).toHaveLength(2);
  });

  it("reports errors inside an included file with that file's name", () => {
    const r = parse(`${HEADER}include "broken.inc";`, { filename: "main.qasm", resolveInclude });
    expect(r.diagnostics[0]).toMatchObject({
      code: "QASM.Semantic.UnknownGate",
      file: "broken.inc",
      line: 1,
      col: 14,
    });
  });
});

describe("parseQasm and parseQasmWithWarnings", () => {
  it("return the circuit and the warnings", () => {
    const { circuit, warnings } = parseQasmWithWarnings("qreg q[1];\nh q[0];", { filename: "w.qasm" });
    expect(circuit.ops).toHaveLength(1);
    expect(warnings.map((w) => w.code)).toEqual([
      "QASM.Lenient.MissingVersion",
      "QASM.Lenient.MissingInclude",
    ]);
    expect(warnings[0]).toMatchObject({ file: "w.qasm", line: 1, col: 1, severity: "warning" });
  });

  it("throw a user error with the first error's code and position, and every diagnostic attached", () => {
    let err: unknown;
    try {
      parseQasm(`${HEADER}qreg q[1];\nhh q[0];\nx q[3];`, { filename: "e.qasm" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QasmParseError);
    const e = err as QasmParseError;
    expect(e.code).toBe("QASM.Semantic.UnknownGate");
    expect(e.userError).toBe(true);
    expect(e.details.position).toEqual({ file: "e.qasm", line: 4, col: 1 });
    expect(e.describe()).toBe("e.qasm:4:1: unknown gate 'hh'");
    expect(e.diagnostics.map((d) => d.code)).toEqual([
      "QASM.Semantic.UnknownGate",
      "QASM.Semantic.IndexOutOfRange",
    ]);
    const json = JSON.parse(JSON.stringify(e));
    expect(json).toMatchObject({ code: "QASM.Semantic.UnknownGate", line: 4, col: 1, file: "e.qasm" });
    expect(json.diagnostics).toHaveLength(2);
  });
});
