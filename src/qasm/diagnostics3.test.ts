// The OpenQASM 3 reader's diagnostics: malformed programs give the right code, line and column (after a
// four-line header, so positions are not trivially 1:1), constructs outside the subset are refused by name and
// line, lenient acceptances become errors under strict mode, and no input crashes it (fast-check, fixed seed).

import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QasmParseError } from "./diagnostics.js";
import { parse3 } from "./parser3.js";
import { parseQasmWithWarnings } from "./qasm.js";

const HEADER = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\n';

/** [statement(s) after the header, code, line, column] of the first error. */
const MALFORMED: ReadonlyArray<readonly [string, string, number, number]> = [
  ["h q[0]", "QASM.Parse.MissingSemicolon", 5, 7],
  ["h q[0]\nx q[1];", "QASM.Parse.MissingSemicolon", 5, 7],
  ["hh q[0];", "QASM.Semantic.UnknownGate", 5, 1],
  ["rx q[0];", "QASM.Semantic.WrongParamCount", 5, 1],
  ["rx(0.1, 0.2) q[0];", "QASM.Semantic.WrongParamCount", 5, 1],
  ["cx q[0];", "QASM.Semantic.WrongArity", 5, 1],
  ["cx q[0], q[0];", "QASM.Semantic.DuplicateQubit", 5, 10],
  ["h q[2];", "QASM.Semantic.IndexOutOfRange", 5, 5],
  ["h r[0];", "QASM.Semantic.UndeclaredRegister", 5, 3],
  ["h c[0];", "QASM.Semantic.WrongRegisterType", 5, 3],
  ["c[0] = measure r[0];", "QASM.Semantic.UndeclaredRegister", 5, 16],
  ["c[0] = 1;", "QASM.Unsupported.ClassicalState", 5, 8],
  ["measure q[0];", "QASM.Unsupported.DiscardedMeasure", 5, 1],
  ["c = measure q[0];", "QASM.Semantic.BroadcastSizeMismatch", 5, 1],
  ["while (c[0]) { x q[0]; }", "QASM.Unsupported.While", 5, 1],
  ["for int i in c { x q[0]; }", "QASM.Unsupported.For", 5, 1],
  ["for int i in [0:2] { h q[i]; }", "QASM.Semantic.IndexOutOfRange", 5, 26],
  ["for int i in [0:1] { qubit r; }", "QASM.Unsupported.ScopedDeclaration", 5, 22],
  ["def f(qubit a) { h a; }", "QASM.Unsupported.Subroutine", 5, 1],
  ["delay[100ns] q[0];", "QASM.Unsupported.Timing", 5, 1],
  ["box[10ns] { h q[0]; }", "QASM.Unsupported.Timing", 5, 1],
  ["defcal x $0 { }", "QASM.Unsupported.Pulse", 5, 1],
  ["cal { }", "QASM.Unsupported.Pulse", 5, 1],
  ["extern f(int) -> int;", "QASM.Unsupported.Extern", 5, 1],
  ["input float theta;", "QASM.Unsupported.Input", 5, 1],
  ["int i = 3;", "QASM.Unsupported.ClassicalState", 5, 1],
  ["float[64] x;", "QASM.Unsupported.ClassicalState", 5, 1],
  ["duration d = 10ns;", "QASM.Unsupported.Timing", 5, 1],
  ["pow(0.5) @ x q[0];", "QASM.Unsupported.FractionalPower", 5, 1],
  ["ctrl @ x q[0];", "QASM.Semantic.WrongArity", 5, 8],
  ["ctrl(0) @ x q[0], q[1];", "QASM.Semantic.InvalidModifier", 5, 6],
  ["ctrl x q[0], q[1];", "QASM.Parse.UnexpectedToken", 5, 6],
  ["if (c[0]) { if (c[1]) { x q[0]; } }", "QASM.Unsupported.NestedIf", 5, 13],
  ["if (c[0] && c[1]) x q[0];", "QASM.Unsupported.CompoundCondition", 5, 10],
  ["if (c == 4) x q[0];", "QASM.Semantic.ConditionOutOfRange", 5, 10],
  ["if (c[0]) { c[0] = measure q[0]; x q[1]; }", "QASM.Unsupported.BranchWritesCondition", 5, 1],
  ["if (c[0]) { qubit r; }", "QASM.Unsupported.ScopedDeclaration", 5, 13],
  ["rx(1 ^ 2) q[0];", "QASM.Expr.Invalid", 5, 6],
  ["rx(foo) q[0];", "QASM.Expr.UnknownIdentifier", 5, 4],
  ["rx(sinn(1)) q[0];", "QASM.Expr.UnknownFunction", 5, 4],
  ["rx(1/0) q[0];", "QASM.Expr.DivisionByZero", 5, 5],
  ["rx(ln(0)) q[0];", "QASM.Expr.NotFinite", 5, 4],
  ["const int n = 1.5;", "QASM.Semantic.NotAnInteger", 5, 15],
  ["const int n = 2;\nconst int n = 3;", "QASM.Semantic.Redeclared", 6, 11],
  ["qubit[2] q;", "QASM.Semantic.Redeclared", 5, 10],
  ["let a = q[0] ++ q[0];", "QASM.Semantic.DuplicateQubit", 5, 9],
  ["h q[5:6];", "QASM.Semantic.IndexOutOfRange", 5, 5],
  ["h q[{0, 7}];", "QASM.Semantic.IndexOutOfRange", 5, 9],
  ["h q[0:0:1];", "QASM.Semantic.InvalidRange", 5, 4],
  ["gate g a { h b; }", "QASM.Semantic.UnknownArgument", 5, 14],
  ["gate g a { measure a; }", "QASM.Parse.NotAllowedInGate", 5, 12],
  ["gate g a { h a[0]; }", "QASM.Parse.IndexInGateBody", 5, 15],
  ["gate g a { g a; }", "QASM.Semantic.RecursiveGate", 5, 12],
  ["h $0;", "QASM.Semantic.MixedQubits", 5, 3],
  ["else { x q[0]; }", "QASM.Parse.UnexpectedElse", 5, 1],
  ["OPENQASM 3.0;", "QASM.Parse.MisplacedVersion", 5, 1],
  ['include "nope.inc";', "QASM.Include.NotFound", 5, 9],
  ["x q[0] @ ;", "QASM.Parse.MissingSemicolon", 5, 8],
  ["U(1, 2) q[0];", "QASM.Semantic.WrongParamCount", 5, 1],
  ["gphase q[0];", "QASM.Semantic.WrongParamCount", 5, 1],
  ["h q, c;", "QASM.Semantic.WrongRegisterType", 5, 6],
  ["cx q, q[0:0];", "QASM.Semantic.BroadcastSizeMismatch", 5, 7],
  ["c[0:1] = measure q[0];", "QASM.Semantic.BroadcastSizeMismatch", 5, 1],
  ["switch (c) { }", "QASM.Unsupported.Switch", 5, 1],
  ["rx(1e999) q[0];", "QASM.Expr.NotFinite", 5, 4],
  ["`", "QASM.Lex.UnexpectedCharacter", 5, 1],
  ["h q[0]; /* unterminated", "QASM.Lex.UnterminatedComment", 5, 9],
  ["include stdgates.inc;", "QASM.Parse.UnexpectedToken", 5, 9],
  ["qubit[n] r;", "QASM.Expr.UnknownIdentifier", 5, 7],
  ["end;", "QASM.Unsupported.End", 5, 1],
  ['bit[2] d = "01";', "QASM.Unsupported.ClassicalState", 5, 12],
];

function firstError(text: string, strict = false) {
  const r = parse3(text, { strict });
  return r.diagnostics.find((d) => d.severity === "error");
}

describe("OpenQASM 3 diagnostics", () => {
  it("has at least 40 malformed programs", () => expect(MALFORMED.length).toBeGreaterThanOrEqual(40));

  it.each(MALFORMED)("%j → %s at %i:%i", (body, code, line, col) => {
    const r = parse3(HEADER + body);
    expect(r.circuit).toBeNull();
    const e = r.diagnostics.find((d) => d.severity === "error")!;
    expect({ code: e.code, line: e.line, col: e.col }).toEqual({ code, line, col });
    expect(e.message.length).toBeGreaterThan(10);
  });

  it("names the refused construct and its line", () => {
    for (const [stmt, word] of [
      ["while (c[0]) { x q[0]; }", "'while'"],
      ["for uint i in c { h q[i]; }", "'for'"],
      ["def f() -> bit { }", "'def'"],
      ["delay[10ns] q;", "'delay'"],
      ["defcal x $0 { }", "'defcal'"],
      ["extern f(int) -> int;", "'extern'"],
    ] as const) {
      const e = firstError(`${HEADER}\n\n${stmt}`)!;
      expect(e.message).toContain(word);
      expect(e.message).toContain("line 7");
      expect(e.hint ?? "").not.toBe("");
    }
  });

  it("keeps reading after an error, and after a refused block", () => {
    const r = parse3(`${HEADER}hh q[0];\nwhile (c[0]) {\n  x q[0];\n}\nrx(foo) q[1];\n`);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["QASM.Semantic.UnknownGate", 5],
      ["QASM.Unsupported.While", 6],
      ["QASM.Expr.UnknownIdentifier", 9],
    ]);
  });

  it("lenient acceptances are warnings, and errors under strict mode", () => {
    const cases = [
      ["OPENQASM 3;\nqubit q;\nh q;\n", "QASM.Lenient.MissingInclude"],
      ["OPENQASM 3;\nqubit[2] q;\ncnot q[0], q[1];\n", "QASM.Lenient.BraketGate"],
      ['OPENQASM 3;\ninclude "qelib1.inc";\nqubit q;\n', "QASM.Lenient.Qelib1In3"],
      [`${HEADER}gate h a { x a; }\n`, "QASM.Lenient.RedefinedLibraryGate"],
      [`${HEADER}qubit r;\nu(1, 2, 3) r;\n`, "QASM.Lenient.LowercaseU"],
    ] as const;
    for (const [text, code] of cases) {
      const lenient = parse3(text);
      expect(lenient.circuit, code).not.toBeNull();
      expect(lenient.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([code, "warning"]);
      const strict = parse3(text, { strict: true });
      expect(strict.circuit, code).toBeNull();
      expect(strict.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([code, "error"]);
    }
  });

  it("the edge throws a QasmParseError naming file:line:col, with every diagnostic", () => {
    try {
      parseQasmWithWarnings(`${HEADER}h q[0];\nwhile (c[0]) { }\n`, { filename: "prog.qasm" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QasmParseError);
      const err = e as QasmParseError;
      expect(err.code).toBe("QASM.Unsupported.While");
      expect(err.toJSON()).toMatchObject({ file: "prog.qasm", line: 6, col: 1 });
      expect(err.diagnostics).toHaveLength(1);
    }
  });

  it("bounds the work of hostile programs", () => {
    const gates = ["gate g0 a { x a; x a; }"];
    for (let i = 1; i < 40; i++) gates.push(`gate g${i} a { g${i - 1} a; g${i - 1} a; }`);
    const r = parse3(`OPENQASM 3;\n${gates.join("\n")}\nqubit q;\ng39 q;\n`, { maxOperations: 10_000 });
    expect(r.diagnostics.at(-1)?.code).toBe("QASM.Limit.TooManyOperations");
    const pow = parse3(`OPENQASM 3;\ninclude "stdgates.inc";\nqubit q;\npow(1000000000) @ x q;\n`, {
      maxOperations: 10_000,
    });
    expect(pow.diagnostics.at(-1)?.code).toBe("QASM.Limit.TooManyOperations");
    const phases = parse3(
      `OPENQASM 3;\ngate p0 a { gphase(1); gphase(1); }\n${Array.from({ length: 60 }, (_, i) => `gate p${i + 1} a { p${i} a; p${i} a; }`).join("\n")}\nqubit q;\np60 q;\n`,
      { maxOperations: 10_000 },
    );
    expect(phases.diagnostics.at(-1)?.code).toBe("QASM.Limit.TooManyOperations");
    const chain = Array.from({ length: 200 }, (_, i) => `gate n${i + 1} a { n${i} a; }`).join("\n");
    const deep = parse3(`OPENQASM 3;\ngate n0 a { U(0, 0, 0) a; }\n${chain}\n`);
    expect(deep.diagnostics[0].code).toBe("QASM.Limit.GateNestingTooDeep");
    const boxes = parse3(`OPENQASM 3;\nqubit q;\n${"box { ".repeat(100_000)}`);
    expect(boxes.diagnostics.at(-1)?.code).toBe("QASM.Limit.NestingTooDeep");
    const parens = parse3(`OPENQASM 3;\nbit c;\nif (${"(".repeat(100_000)}c`);
    expect(parens.diagnostics.at(-1)?.code).toBe("QASM.Limit.NestingTooDeep");
    const controls = parse3(`OPENQASM 3;\ninclude "stdgates.inc";\nqubit[40] q;\nctrl(33) @ x q[0:33];\n`);
    expect(controls.diagnostics[0].code).toBe("QASM.Limit.TooManyControls");
  });
});

describe("OpenQASM 3 fuzz", () => {
  const examples = new URL("../../examples/qasm3/", import.meta.url);
  const corpus = readdirSync(examples)
    .filter((f) => f.endsWith(".qasm"))
    .map((f) => readFileSync(new URL(f, examples), "utf8"));
  const tokens = [
    "OPENQASM",
    "3.0",
    ";",
    "include",
    '"stdgates.inc"',
    "qubit",
    "bit",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    ",",
    "q",
    "c",
    "h",
    "cx",
    "x",
    "U",
    "gphase",
    "ctrl",
    "negctrl",
    "inv",
    "pow",
    "@",
    "measure",
    "=",
    "->",
    "reset",
    "barrier",
    "if",
    "else",
    "==",
    "!",
    "const",
    "int",
    "float",
    "let",
    "++",
    ":",
    "gate",
    "g",
    "a",
    "π",
    "$0",
    "1",
    "2",
    "-1",
    "0.5",
    "1e9",
    "pi",
    "/",
    "*",
    "**",
    "sin",
    "while",
    "for",
    "def",
    "box",
    "#pragma x",
    "\n",
    "/*",
    "*/",
    "//",
    "0b101",
    "1_000",
    "€",
    "\u0000",
  ];

  function check(text: string): void {
    const r = parse3(text);
    const lines = text.split("\n").length;
    for (const d of r.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(lines);
      expect(d.col).toBeGreaterThanOrEqual(1);
      expect(d.code).toMatch(/^QASM\./);
    }
    expect(r.circuit === null).toBe(r.diagnostics.some((d) => d.severity === "error"));
  }

  it("never throws on token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (ts) => check(ts.join(" "))),
      { seed: 18, numRuns: 2000 },
    );
  });

  it("never throws on mutated real programs", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 4 }),
        (text, edits) => {
          let t = text;
          for (const [at, del, ins] of edits) {
            const i = at % (t.length + 1);
            t = t.slice(0, i) + ins + t.slice(i + del);
          }
          check(t);
        },
      ),
      { seed: 18, numRuns: 1500 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => check(`OPENQASM 3;\n${s}`)),
      {
        seed: 18,
        numRuns: 1000,
      },
    );
  });
});
