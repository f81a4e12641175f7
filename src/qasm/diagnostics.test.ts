// Malformed programs: each must give the exact code at the exact line and column, and none may throw.

import { describe, expect, it } from "vitest";
import { parse } from "./parser.js";

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

interface Case {
  name: string;
  /** Appended to HEADER (which takes lines 1 and 2) unless `raw`. */
  body: string;
  code: string;
  line: number;
  col: number;
  raw?: boolean;
  hint?: RegExp;
}

const nested = (levels: number) => {
  const lines = ["gate g0 a { h a; }"];
  for (let i = 1; i <= levels; i++) lines.push(`gate g${i} a { g${i - 1} a; }`);
  return lines.join("\n");
};

const CASES: Case[] = [
  {
    name: "missing ';' at end of line",
    body: "qreg q[2]\nh q[0];",
    code: "QASM.Parse.MissingSemicolon",
    line: 3,
    col: 10,
  },
  {
    name: "missing ';' mid-line",
    body: "qreg q[2];\nh q[0] q[1];",
    code: "QASM.Parse.MissingSemicolon",
    line: 4,
    col: 8,
  },
  {
    name: "unknown gate",
    body: "qreg q[1];\nhh q[0];",
    code: "QASM.Semantic.UnknownGate",
    line: 4,
    col: 1,
    hint: /did you mean 'h'\?/,
  },
  {
    name: "near-miss gate name",
    body: "qreg q[2];\ncxx q[0], q[1];",
    code: "QASM.Semantic.UnknownGate",
    line: 4,
    col: 1,
    hint: /'cx'/,
  },
  {
    name: "another toolkit's gate name",
    body: "qreg q[2];\ncnot q[0], q[1];",
    code: "QASM.Semantic.UnknownGate",
    line: 4,
    col: 1,
    hint: /did you mean 'cx'\?/,
  },
  { name: "wrong arity", body: "qreg q[2];\ncx q[0];", code: "QASM.Semantic.WrongArity", line: 4, col: 1 },
  {
    name: "wrong parameter count",
    body: "qreg q[1];\nrx q[0];",
    code: "QASM.Semantic.WrongParamCount",
    line: 4,
    col: 1,
  },
  {
    name: "index out of range",
    body: "qreg q[2];\nh q[2];",
    code: "QASM.Semantic.IndexOutOfRange",
    line: 4,
    col: 5,
    hint: /0 to 1/,
  },
  {
    name: "undeclared register",
    body: "qreg q[2];\nh r[0];",
    code: "QASM.Semantic.UndeclaredRegister",
    line: 4,
    col: 3,
  },
  {
    name: "incomplete expression",
    body: "qreg q[1];\nrx(1+) q[0];",
    code: "QASM.Expr.Invalid",
    line: 4,
    col: 6,
  },
  {
    name: "unterminated gate body at EOF",
    body: "gate g a {\n h a;\n",
    code: "QASM.Parse.UnterminatedGateBody",
    line: 5,
    col: 1,
  },
  {
    name: "gate body not closed before qreg",
    body: "gate g a {\n h a;\nqreg q[1];",
    code: "QASM.Parse.UnterminatedGateBody",
    line: 5,
    col: 1,
  },
  {
    name: "unterminated block comment",
    body: "qreg q[1];\n/* never closed\nh q[0];",
    code: "QASM.Lex.UnterminatedComment",
    line: 4,
    col: 1,
  },
  {
    name: "unterminated string",
    body: 'include "foo.inc;\nqreg q[1];',
    code: "QASM.Lex.UnterminatedString",
    line: 3,
    col: 9,
  },
  {
    name: "duplicate qubit",
    body: "qreg q[2];\ncx q[0], q[0];",
    code: "QASM.Semantic.DuplicateQubit",
    line: 4,
    col: 10,
  },
  {
    name: "duplicate qubit by broadcast",
    body: "qreg q[2];\ncx q, q;",
    code: "QASM.Semantic.DuplicateQubit",
    line: 4,
    col: 7,
  },
  {
    name: "broadcast size mismatch",
    body: "qreg a[2];\nqreg b[3];\ncx a, b;",
    code: "QASM.Semantic.BroadcastSizeMismatch",
    line: 5,
    col: 7,
  },
  {
    name: "measure size mismatch",
    body: "qreg q[2];\ncreg c[3];\nmeasure q -> c;",
    code: "QASM.Semantic.BroadcastSizeMismatch",
    line: 5,
    col: 14,
  },
  {
    name: "opaque gate applied",
    body: "opaque magic a;\nqreg q[1];\nmagic q[0];",
    code: "QASM.Semantic.OpaqueGate",
    line: 5,
    col: 1,
  },
  {
    name: "user gate using an opaque gate",
    body: "opaque magic a;\ngate g a { magic a; }\nqreg q[1];\ng q[0];",
    code: "QASM.Semantic.OpaqueGate",
    line: 6,
    col: 1,
  },
  {
    name: "redeclared register",
    body: "qreg q[1];\ncreg q[1];",
    code: "QASM.Semantic.Redeclared",
    line: 4,
    col: 6,
  },
  {
    name: "redefined user gate",
    body: "gate g a { h a; }\ngate g a { x a; }",
    code: "QASM.Semantic.Redeclared",
    line: 4,
    col: 6,
  },
  {
    name: "unsupported version",
    body: "OPENQASM 3.0;\nqubit q;",
    raw: true,
    code: "QASM.Version.Unsupported",
    line: 1,
    col: 10,
  },
  {
    name: "include not found",
    body: 'include "missing.inc";',
    code: "QASM.Include.NotFound",
    line: 3,
    col: 9,
    hint: /qelib1.inc is built in/,
  },
  {
    name: "unknown identifier in expression",
    body: "qreg q[1];\nrx(theta) q[0];",
    code: "QASM.Expr.UnknownIdentifier",
    line: 4,
    col: 4,
  },
  {
    name: "unknown identifier in gate body",
    body: "gate g(t) a { rx(s) a; }",
    code: "QASM.Expr.UnknownIdentifier",
    line: 3,
    col: 18,
  },
  {
    name: "unknown function",
    body: "qreg q[1];\nrx(sine(1)) q[0];",
    code: "QASM.Expr.UnknownFunction",
    line: 4,
    col: 4,
    hint: /'sin'/,
  },
  {
    name: "division by zero",
    body: "qreg q[1];\nrx(1/0) q[0];",
    code: "QASM.Expr.DivisionByZero",
    line: 4,
    col: 5,
  },
  {
    name: "non-finite result",
    body: "qreg q[1];\nrx(ln(0)) q[0];",
    code: "QASM.Expr.NotFinite",
    line: 4,
    col: 4,
  },
  {
    name: "non-finite inside a user gate",
    body: "gate g(t) a { rx(1/t) a; }\nqreg q[1];\ng(0) q[0];",
    code: "QASM.Expr.DivisionByZero",
    line: 3,
    col: 19,
  },
  {
    name: "condition on unknown creg",
    body: "qreg q[1];\nif (d == 1) x q[0];",
    code: "QASM.Semantic.UndeclaredRegister",
    line: 4,
    col: 5,
  },
  {
    name: "condition on a qreg",
    body: "qreg q[1];\nif (q == 1) x q[0];",
    code: "QASM.Semantic.WrongRegisterType",
    line: 4,
    col: 5,
  },
  {
    name: "condition on one bit",
    body: "qreg q[1];\ncreg c[2];\nif (c[0] == 1) x q[0];",
    code: "QASM.Parse.UnexpectedToken",
    line: 5,
    col: 6,
  },
  {
    name: "condition value too large",
    body: "creg c[2];\nqreg q[1];\nif (c == 4) x q[0];",
    code: "QASM.Semantic.ConditionOutOfRange",
    line: 5,
    col: 10,
  },
  {
    name: "barrier under a condition",
    body: "qreg q[1];\ncreg c[1];\nif (c == 0) barrier q;",
    code: "QASM.Parse.UnexpectedToken",
    line: 5,
    col: 13,
  },
  {
    name: "gate on a classical register",
    body: "qreg q[1];\ncreg c[1];\nh c[0];",
    code: "QASM.Semantic.WrongRegisterType",
    line: 5,
    col: 3,
  },
  {
    name: "measure without '->'",
    body: "qreg q[1];\ncreg c[1];\nmeasure q[0] c[0];",
    code: "QASM.Parse.UnexpectedToken",
    line: 5,
    col: 14,
  },
  {
    name: "measure inside a gate",
    body: "gate g a { measure a -> a; }",
    code: "QASM.Parse.NotAllowedInGate",
    line: 3,
    col: 12,
  },
  {
    name: "indexed argument inside a gate",
    body: "gate g a { h a[0]; }",
    code: "QASM.Parse.IndexInGateBody",
    line: 3,
    col: 15,
  },
  {
    name: "unknown argument inside a gate",
    body: "gate g a { h b; }",
    code: "QASM.Semantic.UnknownArgument",
    line: 3,
    col: 14,
  },
  {
    name: "unexpected character",
    body: "qreg q[1];\nh q[0]; @",
    code: "QASM.Lex.UnexpectedCharacter",
    line: 4,
    col: 9,
  },
  {
    name: "version after other statements",
    body: "qreg q[1];\nOPENQASM 2.0;",
    code: "QASM.Parse.MisplacedVersion",
    line: 4,
    col: 1,
  },
  {
    name: "statement starting with a number",
    body: "qreg q[1];\n3 q[0];",
    code: "QASM.Parse.UnexpectedToken",
    line: 4,
    col: 1,
  },
  {
    name: "huge register",
    body: "qreg q[99999999999];",
    code: "QASM.Limit.RegisterTooLarge",
    line: 3,
    col: 8,
  },
  {
    name: "too many qubits in total",
    body: "qreg a[1048576];\nqreg b[1];",
    code: "QASM.Limit.RegisterTooLarge",
    line: 4,
    col: 8,
  },
  {
    name: "deeply nested parentheses",
    body: `qreg q[1];\nrx(${"(".repeat(300)}1${")".repeat(300)}) q[0];`,
    code: "QASM.Limit.ExpressionTooDeep",
    line: 4,
    col: 260,
  },
  {
    name: "deeply nested gate definitions",
    body: nested(101),
    code: "QASM.Limit.GateNestingTooDeep",
    line: 103,
    col: 6,
  },
];

describe("malformed programs", () => {
  it.each(CASES)("$name → $code at $line:$col", (c) => {
    const text = c.raw ? c.body : HEADER + c.body;
    const result = parse(text, { filename: "bad.qasm" });
    const first = result.diagnostics.find((d) => d.severity === "error");
    expect(result.circuit).toBeNull();
    expect(first).toMatchObject({
      code: c.code,
      line: c.line,
      col: c.col,
      file: "bad.qasm",
      severity: "error",
    });
    if (c.hint) expect(first?.hint).toMatch(c.hint);
  });

  it("has at least 25 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it("messages say what was expected and what was seen", () => {
    const r = parse(`${HEADER}qreg q[1];\nh q[0]);`);
    expect(r.diagnostics[0].message).toBe("expected ',' or ';' but found ')'");
  });

  it("stops the exponential expansion of nested gates before doing the work", () => {
    const lines = [HEADER, "gate g0 a { x a; x a; }"];
    for (let i = 1; i <= 40; i++) lines.push(`gate g${i} a { g${i - 1} a; g${i - 1} a; }`);
    lines.push("qreg q[1];", "g40 q[0];");
    const r = parse(lines.join("\n"));
    expect(r.circuit).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["QASM.Limit.TooManyOperations"]);
    expect(r.diagnostics[0].line).toBe(46);
  });

  it("reports several errors in one pass, recovering at ';'", () => {
    const r = parse(`${HEADER}qreg q[2];\nfoo q[0];\nh q[5];\ncx q[0];\nh q[1];`);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["QASM.Semantic.UnknownGate", 4],
      ["QASM.Semantic.IndexOutOfRange", 5],
      ["QASM.Semantic.WrongArity", 6],
    ]);
  });

  it("caps the number of errors", () => {
    const r = parse(`${HEADER}qreg q[1];\n${"nope q[0];\n".repeat(200)}`);
    expect(r.diagnostics).toHaveLength(51);
    expect(r.diagnostics[50].code).toBe("QASM.Limit.TooManyErrors");
  });

  it("survives inputs built to overflow the stack", () => {
    const long = `${HEADER}qreg q[1];\nrx(${"1+".repeat(100000)}1) q[0];`;
    expect(parse(long).diagnostics[0].code).toBe("QASM.Limit.ExpressionTooDeep");
    const minus = `${HEADER}qreg q[1];\nrx(${"-".repeat(100000)}1) q[0];`;
    expect(parse(minus).diagnostics[0].code).toBe("QASM.Limit.ExpressionTooDeep");
  });
});
