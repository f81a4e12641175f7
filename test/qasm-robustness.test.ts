// Nothing a user types may crash the parser: random token soups and mutated valid programs must come back as
// diagnostics with positions inside the text, never as an exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../src/qasm/index.js";

const TOKENS = [
  "OPENQASM 2.0;",
  'include "qelib1.inc";',
  "qreg",
  "creg",
  "q",
  "c",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  ";",
  ",",
  "->",
  "==",
  "gate",
  "opaque",
  "measure",
  "reset",
  "barrier",
  "if",
  "U",
  "CX",
  "h",
  "cx",
  "rz",
  "u3",
  "pi",
  "+",
  "-",
  "*",
  "/",
  "^",
  "sin",
  "0",
  "1",
  "2",
  "3.5",
  "1e-3",
  "99999999999",
  "//",
  "/*",
  "*/",
  '"',
  "\n",
  " ",
  "@",
];

const VALID = `OPENQASM 2.0;
include "qelib1.inc";
gate g(a) x, y { rz(a/2) x; cx x, y; }
qreg q[3];
creg c[3];
h q;
g(pi) q[0], q[1];
if (c == 1) x q[2];
measure q -> c;
`;

function checkPositions(text: string): void {
  const result = parse(text, { filename: "fuzz.qasm" });
  const lines = text.split("\n");
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^QASM\./);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length + 1);
    expect(d.col).toBeGreaterThanOrEqual(1);
  }
  if (result.diagnostics.some((d) => d.severity === "error")) expect(result.circuit).toBeNull();
}

describe("parser robustness", () => {
  it("token soups give diagnostics, never exceptions", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => {
        checkPositions(tokens.join(" "));
      }),
      { seed: 2026, numRuns: 400 },
    );
  });

  it("a valid program with one character deleted or inserted never throws", () => {
    fc.assert(
      fc.property(
        fc.nat(VALID.length - 1),
        fc.constantFrom(";", ",", "[", ")", "{", "x", "9", '"'),
        (at, ch) => {
          checkPositions(VALID.slice(0, at) + VALID.slice(at + 1));
          checkPositions(VALID.slice(0, at) + ch + VALID.slice(at));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it("survives deep nesting and huge numbers without allocating", () => {
    checkPositions(`OPENQASM 2.0; qreg q[1]; U(${"(".repeat(100000)}0${")".repeat(100000)},0,0) q[0];`);
    checkPositions("OPENQASM 2.0; qreg q[99999999999999999999];");
    checkPositions(`OPENQASM 2.0; qreg q[1]; U(${"-".repeat(50000)}1,0,0) q[0];`);
    const blowUp = ["OPENQASM 2.0;", "gate g0 a { U(0,0,0) a; U(0,0,0) a; }"];
    for (let i = 1; i < 40; i++) blowUp.push(`gate g${i} a { g${i - 1} a; g${i - 1} a; }`);
    blowUp.push("qreg q[1];", "g39 q[0];");
    const r = parse(blowUp.join("\n"), { filename: "blowup.qasm" });
    expect(r.circuit).toBeNull();
    expect(r.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });
});
