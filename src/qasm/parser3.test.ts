// The OpenQASM 3 reader's semantics, construct by construct: what each statement becomes in the circuit IR.

import { describe, expect, it } from "vitest";
import type { Operation } from "../circuit/ir.js";
import { controlled, embed, maxDistance } from "../circuit/matrix.js";
import { parse3 } from "./parser3.js";
import { detectVersion, parseAny } from "./qasm.js";
import { programUnitary } from "./qasm3-testing.js";

const H = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

function ops(body: string, header = H): Operation[] {
  const r = parse3(header + body);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toEqual([]);
  return r.circuit!.ops;
}

const g = (name: string, qubits: number[], params: number[] = []): Operation => ({
  kind: "gate",
  name,
  qubits,
  params,
});

describe("version detection", () => {
  it("reads the header, after comments, and falls back to 2.0", () => {
    expect(detectVersion("OPENQASM 3.0;")).toBe(3);
    expect(detectVersion("// exported\n/* by a tool */\nOPENQASM 3;\n")).toBe(3);
    expect(detectVersion("OPENQASM 3.1;")).toBe(3);
    expect(detectVersion('OPENQASM 2.0;\ninclude "qelib1.inc";')).toBe(2);
    expect(detectVersion("qreg q[1];")).toBe(2);
    expect(detectVersion("")).toBe(2);
    expect(parseAny("OPENQASM 3;\nqubit q;\nU(0,0,0) q;").version).toBe(3);
    expect(parseAny('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nx q[0];').version).toBe(2);
  });
});

describe("declarations and operands", () => {
  it("qubit/bit registers, single qubits and legacy qreg/creg share one numbering", () => {
    const r = parse3(`${H}qubit a;\nqubit[2] b;\nqreg c[3];\nbit m;\nbit[2] n;\ncreg o[1];\n`);
    expect(r.circuit!.qregs).toEqual([
      { name: "a", size: 1, offset: 0 },
      { name: "b", size: 2, offset: 1 },
      { name: "c", size: 3, offset: 3 },
    ]);
    expect(r.circuit!.cregs.map((x) => [x.name, x.offset])).toEqual([
      ["m", 0],
      ["n", 1],
      ["o", 3],
    ]);
  });

  it("slices include their end, take steps and negative indices; index sets keep their order", () => {
    const q = "qubit[6] q;\n";
    expect(ops(`${q}x q[1:3];`)).toEqual([g("x", [1]), g("x", [2]), g("x", [3])]);
    expect(ops(`${q}x q[0:2:5];`)).toEqual([g("x", [0]), g("x", [2]), g("x", [4])]);
    expect(ops(`${q}x q[5:-2:0];`)).toEqual([g("x", [5]), g("x", [3]), g("x", [1])]);
    expect(ops(`${q}x q[-1];`)).toEqual([g("x", [5])]);
    expect(ops(`${q}x q[4:];`)).toEqual([g("x", [4]), g("x", [5])]);
    expect(ops(`${q}x q[{3, 0}];`)).toEqual([g("x", [3]), g("x", [0])]);
  });

  it("let aliases slices and concatenations; gates broadcast over them", () => {
    const out = ops(
      "qubit[2] a;\nqubit[2] b;\nlet both = a[1] ++ b;\nlet ends = both[{0, 2}];\nh both;\ncx ends[0], ends[1];",
    );
    expect(out).toEqual([g("h", [1]), g("h", [2]), g("h", [3]), g("cx", [1, 3])]);
  });

  it("physical qubits $n form one register as wide as the largest index", () => {
    const r = parse3(`${H}bit[1] c;\ncx $3, $1;\nc[0] = measure $3;\n`);
    expect(r.circuit!.numQubits).toBe(4);
    expect(r.circuit!.qregs).toEqual([{ name: "q", size: 4, offset: 0 }]);
    expect(r.circuit!.ops).toEqual([g("cx", [3, 1]), { kind: "measure", qubit: 3, clbit: 0 }]);
  });

  it("const values size registers and index them; int and float constant expressions", () => {
    const out = ops(
      "const uint n = 3;\nconst int last = n - 1;\nconst float a = 2 * π / 8;\nqubit[n] q;\nrz(a) q[last];\nrx(tau / 4 + (euler - ℇ)) q[0];",
    );
    expect(out).toEqual([g("rz", [2], [Math.PI / 4]), g("rx", [0], [Math.PI / 2])]);
  });

  it("reads the math functions, ** and %, 0b/0x literals and digit separators", () => {
    const out = ops(
      "qubit q;\nrz(arccos(0) + arcsin(0) + arctan(0)) q;\nrz(2 ** 3 + 7 % 4 + mod(-1, 3)) q;\nrz(0b101 + 0x10 + 1_000) q;\nrz(floor(2.7) + ceiling(0.2) + pow(2, 2) + log(1) + popcount(7)) q;",
    );
    expect(out.map((o) => (o.kind === "gate" ? o.params[0] : Number.NaN))).toEqual([
      Math.PI / 2,
      8 + 3 + 2,
      5 + 16 + 1000,
      2 + 1 + 4 + 0 + 3,
    ]);
  });
});

describe("gates and modifiers", () => {
  it("U is the library u; gphase and the u2/u3 phases go to globalPhase", () => {
    const r = parse3(`${H}qubit q;\nU(1, 2, 3) q;\ngphase(0.25);\nu3(1, 2, 3) q;\n`);
    expect(r.circuit!.ops).toEqual([g("u", [0], [1, 2, 3]), g("u3", [0], [1, 2, 3])]);
    expect(r.globalPhase).toBeCloseTo(0.25 - 2.5, 14);
  });

  it("inv @ inverts exactly, pow(k) repeats, pow(-k) repeats the inverse", () => {
    expect(ops("qubit q;\ninv @ s q;\ninv @ rx(0.5) q;\ninv @ U(1, 2, 3) q;")).toEqual([
      g("sdg", [0]),
      g("rx", [0], [-0.5]),
      g("u", [0], [-1, -3, -2]),
    ]);
    expect(ops("qubit q;\npow(3) @ t q;\npow(-2) @ s q;\npow(0) @ h q;")).toEqual([
      g("t", [0]),
      g("t", [0]),
      g("t", [0]),
      g("sdg", [0]),
      g("sdg", [0]),
    ]);
    expect(ops("qubit q;\ninv @ inv @ s q;\ninv @ pow(2) @ t q;")).toEqual([
      g("s", [0]),
      g("tdg", [0]),
      g("tdg", [0]),
    ]);
  });

  it("ctrl @ uses the library's controlled gates; negctrl @ conjugates with x", () => {
    expect(
      ops("qubit[4] q;\nctrl @ x q[0], q[1];\nctrl(2) @ x q[0], q[1], q[2];\nctrl @ cx q[3], q[0], q[1];"),
    ).toEqual([g("cx", [0, 1]), g("ccx", [0, 1, 2]), g("ccx", [3, 0, 1])]);
    expect(ops("qubit[2] q;\nnegctrl @ z q[0], q[1];")).toEqual([g("x", [0]), g("cz", [0, 1]), g("x", [0])]);
  });

  it("modifiers on user gates distribute over the body, controls included, exactly", () => {
    const text = `${H}gate rot(t) a, b { ry(t) a; cx a, b; gphase(t / 2); }\nqubit[3] q;\nctrl @ inv @ rot(0.8) q[2], q[0], q[1];\n`;
    const u = programUnitary(text);
    const body = programUnitary(`${H}qubit[2] q;\nry(0.8) q[0];\ncx q[0], q[1];\ngphase(0.4);\n`);
    // inverse of a unitary matrix = conjugate transpose
    const inv = new Float64Array(body.length);
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 4; c++) {
        inv[2 * (r * 4 + c)] = body[2 * (c * 4 + r)];
        inv[2 * (r * 4 + c) + 1] = -body[2 * (c * 4 + r) + 1];
      }
    expect(maxDistance(u, embed(controlled(inv, 1), [2, 0, 1], 3))).toBeLessThan(1e-12);
  });

  it("a definition with a library gate's name and matrix is applied as that gate; any other is expanded", () => {
    expect(ops("gate rzz(t) a, b { cx a, b; rz(t) b; cx a, b; }\nqubit[2] q;\nrzz(0.3) q[0], q[1];")).toEqual(
      [g("rzz", [0, 1], [0.3])],
    );
    // Same name, different matrix (a phase off): expanded as written.
    expect(ops("gate rzz(t) a, b { cx a, b; p(t) b; cx a, b; }\nqubit[2] q;\nrzz(0.3) q[0], q[1];")).toEqual([
      g("cx", [0, 1]),
      g("p", [1], [0.3]),
      g("cx", [0, 1]),
    ]);
  });

  it("qelib1 gates outside stdgates.inc need a definition", () => {
    const r = parse3(`${H}qubit[2] q;\nrzz(0.3) q[0], q[1];\n`);
    expect(r.diagnostics[0].code).toBe("QASM.Semantic.UnknownGate");
    expect(r.diagnostics[0].hint).toContain("qelib1.inc");
  });
});

describe("for loops over constant ranges", () => {
  it("unrolls ranges (end included), steps, sets and nested loops, with the variable as a constant", () => {
    expect(ops("qubit[4] q;\nfor int i in [0:2] { rx(i * 0.5) q[i]; }")).toEqual([
      g("rx", [0], [0]),
      g("rx", [1], [0.5]),
      g("rx", [2], [1]),
    ]);
    expect(ops("qubit[4] q;\nconst int n = 4;\nfor uint i in [n - 1:-2:0] { x q[i]; }")).toEqual([
      g("x", [3]),
      g("x", [1]),
    ]);
    expect(ops("qubit[4] q;\nfor i in {3, 0} { for j in [0:1] { cx q[i], q[j + 1]; } }")).toEqual([
      g("cx", [3, 1]),
      g("cx", [3, 2]),
      g("cx", [0, 1]),
      g("cx", [0, 2]),
    ]);
  });

  it("a loop variable does not outlive its loop, and an empty body over a huge range is stopped", () => {
    const r = parse3(`${H}qubit q;\nfor int i in [0:1] { x q; }\nrx(i) q;\n`);
    expect(r.diagnostics[0].code).toBe("QASM.Expr.UnknownIdentifier");
    const big = parse3(`${H}for int i in [0:1000000000000] { }\n`, { maxOperations: 1000 });
    expect(big.diagnostics.at(-1)?.code).toBe("QASM.Limit.TooManyOperations");
  });
});

describe("measurement, reset, barrier", () => {
  it("reads every measurement form", () => {
    const m = (qubit: number, clbit: number): Operation => ({ kind: "measure", qubit, clbit });
    expect(
      ops(
        "qubit[2] q;\nbit[2] c;\nc[1] = measure q[0];\nc = measure q;\nmeasure q[1] -> c[0];\nmeasure q -> c;\nbit[2] d = measure q;",
      ),
    ).toEqual([m(0, 1), m(0, 0), m(1, 1), m(1, 0), m(0, 0), m(1, 1), m(0, 2), m(1, 3)]);
  });

  it("reset broadcasts; barrier without operands covers every qubit", () => {
    expect(ops("qubit[2] q;\nreset q;\nbarrier;\nbarrier q[1], q[1];")).toEqual([
      { kind: "reset", qubit: 0 },
      { kind: "reset", qubit: 1 },
      { kind: "barrier", qubits: [0, 1] },
      { kind: "barrier", qubits: [1] },
    ]);
  });
});

describe("if on measured bits", () => {
  const decl = "qubit[2] q;\nbit[2] c;\nbit f;\n";
  const cond = (o: Operation) => (o.kind === "barrier" ? undefined : o.condition);

  it("a bit, its negation and comparisons with 0/1/true/false", () => {
    const out = ops(
      `${decl}if (c[1]) x q[0];\nif (!c[0]) x q[0];\nif (c[1] == false) x q[0];\nif (1 == c[0]) x q[0];\nif (f) x q[0];`,
    );
    expect(out.map(cond)).toEqual([
      { register: "c", value: 1, bit: 1 },
      { register: "c", value: 0, bit: 0 },
      { register: "c", value: 0, bit: 1 },
      { register: "c", value: 1, bit: 0 },
      { register: "f", value: 1 },
    ]);
  });

  it("register comparisons and else repeat the branch once per value that takes it", () => {
    const out = ops(`${decl}if (c >= 2) { x q[0]; } else { z q[1]; h q[1]; }`);
    expect(out.map((o) => [o.kind === "gate" ? o.name : o.kind, cond(o)?.value])).toEqual([
      ["x", 2],
      ["x", 3],
      ["z", 0],
      ["h", 0],
      ["z", 1],
      ["h", 1],
    ]);
    expect(ops(`${decl}if (c != 1) x q[0];`).map((o) => cond(o)?.value)).toEqual([0, 2, 3]);
  });

  it("a single measurement into the condition's own bits is fine; more after it is refused", () => {
    expect(ops(`${decl}if (c[0]) { c[0] = measure q[1]; }`)).toEqual([
      { kind: "measure", qubit: 1, clbit: 0, condition: { register: "c", value: 1, bit: 0 } },
    ]);
    const r = parse3(`${H}${decl}if (c == 1) { c[0] = measure q[1]; } else { x q[0]; }`);
    expect(r.diagnostics[0].code).toBe("QASM.Unsupported.BranchWritesCondition");
  });
});

describe("programs from tools", () => {
  it("ignores pragmas and annotations, with a warning", () => {
    const r = parse3(`${H}#pragma braket result probability\n@some.annotation 1 2\nqubit q;\nx q;\n`);
    expect(r.circuit!.ops).toEqual([g("x", [0])]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["QASM.Ignored.Pragma", "warning"],
      ["QASM.Ignored.Annotation", "warning"],
    ]);
  });

  it("resolves other includes through resolveInclude, as OpenQASM 3", () => {
    const r = parse3(`${H}include "lib.inc";\nqubit[2] q;\nbell q[0], q[1];\n`, {
      resolveInclude: (p) => (p === "lib.inc" ? "gate bell a, b { h a; ctrl @ x a, b; }" : undefined),
    });
    expect(r.circuit!.ops).toEqual([g("h", [0]), g("cx", [0, 1])]);
  });
});
