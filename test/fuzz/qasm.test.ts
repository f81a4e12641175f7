// Fuzzing the OpenQASM 2.0 reader (issue 15): mutations of real circuits (QASMBench fixtures, examples/, and the
// project's shared circuits when they sit beside the clone) and a fast-check grammar of programs built to hit the
// limits (nested and empty gates, broadcasts and barriers over large registers, deep and long expressions, long
// names). Fixed seeds. Test timeouts are generous because the machine may be shared; the CPU budget per input is
// what guards against hangs. Every input: no exception, within the CPU budget, and every error a structured diagnostic
// with a QASM code and a position; a circuit comes back only when there is no error, and within the limits.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { LIMITS, parse } from "../../src/qasm/index.js";
import { type Figures, newFigures, prng, record, within } from "./budget.js";

const figures = { mutation: newFigures(), grammar: newFigures() };
afterAll(() => {
  record("qasm mutation", figures.mutation);
  record("qasm grammar", figures.grammar);
});

function filesIn(dir: URL): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".qasm"))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), "utf8"));
}

const corpus = [
  ...filesIn(new URL("../fixtures/qasmbench/", import.meta.url)),
  ...filesIn(new URL("../../examples/", import.meta.url)),
  // CI checks the project out beside ../shared; use its circuits too when they are there.
  ...filesIn(new URL("../../../shared/circuits/qasmbench/", import.meta.url)),
];

/**
 * The operation limit the fuzzer reads with: a tenth of the CLI's default, the scale of what the server simulates.
 * A valid circuit of 10 million operations takes a few seconds to build, which is work, not a hang; the budgets
 * scale with this limit (expansion steps, qubit references), so the fuzzer checks they bound the work.
 */
const MAX_OPERATIONS = 1_000_000;

const CODE = /^QASM\.[A-Za-z]+\.[A-Za-z]+$/;

function check(f: Figures, label: string, text: string, strict: boolean): void {
  const r = within(f, label, text, () =>
    parse(text, { filename: "fuzz.qasm", strict, maxOperations: MAX_OPERATIONS }),
  );
  expect(r).toBeDefined();
  const errors = r!.diagnostics.filter((d) => d.severity === "error");
  for (const d of r!.diagnostics) {
    if (!CODE.test(d.code) || !(d.line >= 1) || !(d.col >= 1)) {
      throw new Error(
        `${label}: unstructured diagnostic ${JSON.stringify(d)} for ${JSON.stringify(text.slice(0, 200))}`,
      );
    }
  }
  if (errors.length > 0) {
    f.refusals++;
    expect(r!.circuit).toBeNull();
  } else {
    expect(r!.circuit).not.toBeNull();
    expect(r!.circuit!.ops.length).toBeLessThanOrEqual(MAX_OPERATIONS);
    expect(r!.circuit!.numQubits).toBeLessThanOrEqual(LIMITS.maxBits);
  }
}

// ---- mutations of real files -----------------------------------------------------------------------------------

/** Snippets that stress the reader: limits, keywords out of place, huge numbers, odd characters. */
const SNIPPETS = [
  "qreg big[1048576];",
  "barrier big;",
  "barrier;",
  "gate e a { }",
  "gate g a { e a; e a; e a; e a; e a; e a; e a; e a; e a; e a; }",
  "g q[0];",
  "h q;",
  "measure q -> c;",
  "if (c == 1) x q[0];",
  "U(pi/2, 0, pi) q[0];",
  "rz((((((((((pi)))))))))) q[0];",
  "99999999999999999999999",
  "1e308*1e308",
  "-",
  "^",
  "(",
  ")",
  "{",
  "}",
  ";",
  ",",
  "->",
  "==",
  '"',
  "//",
  "/*",
  "\u0000",
  "é",
  "\u{1F600}",
  "OPENQASM 3.0;",
  'include "other.inc";',
  "opaque o a;",
  "constructor q[0];",
  "__proto__ q[0];",
  "x".repeat(200),
];

function mutate(text: string, other: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  let lines = text.split("\n");
  // Large files: a window of them, after the header, so every input stays small and the suite fast.
  if (lines.length > 80) {
    const start = 2 + Math.floor(rnd() * (lines.length - 60));
    lines = [...lines.slice(0, 3), ...lines.slice(start, start + 60)];
  }
  const steps = 1 + Math.floor(rnd() * 4);
  for (let s = 0; s < steps; s++) {
    const i = Math.floor(rnd() * lines.length);
    switch (Math.floor(rnd() * 9)) {
      case 0: // delete a line
        lines.splice(i, 1);
        break;
      case 1: // insert a snippet
        lines.splice(i, 0, pick(SNIPPETS));
        break;
      case 2: {
        // delete or insert characters inside a line
        const l = lines[i] ?? "";
        const c = Math.floor(rnd() * (l.length + 1));
        lines[i] =
          rnd() < 0.5
            ? l.slice(0, c) + l.slice(c + 1 + Math.floor(rnd() * 4))
            : l.slice(0, c) + pick(SNIPPETS) + l.slice(c);
        break;
      }
      case 3: // repeat a line many times
        lines.splice(i, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 200) }, () => lines[i] ?? ""));
        break;
      case 4: {
        // swap two lines
        const j = Math.floor(rnd() * lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 5: // a number made huge, zero or negative
        lines[i] = (lines[i] ?? "").replace(/\d+/, pick(["0", "1048577", "4294967296", "1e400", "-1", "00"]));
        break;
      case 6: {
        // splice in lines from another file
        const o = other.split("\n");
        const k = Math.floor(rnd() * o.length);
        lines.splice(i, 0, ...o.slice(k, k + 1 + Math.floor(rnd() * 10)));
        break;
      }
      case 7: // truncate
        lines = lines.slice(0, i);
        break;
      default: {
        // one random character replaced
        const l = lines[i] ?? "";
        const c = Math.floor(rnd() * l.length);
        lines[i] = l.slice(0, c) + String.fromCharCode(Math.floor(rnd() * 128)) + l.slice(c + 1);
      }
    }
  }
  return lines.join("\n");
}

describe("mutation fuzzing of real circuits", () => {
  it("has real circuits to mutate", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  for (const seed of [1, 2, 3, 4, 5, 6, 7]) {
    it(`seed ${seed}: 10,000 mutants, no crash, each within the budget, every refusal structured`, () => {
      const rnd = prng(seed);
      for (let n = 0; n < 10_000; n++) {
        const base = corpus[Math.floor(rnd() * corpus.length)];
        const other = corpus[Math.floor(rnd() * corpus.length)];
        check(figures.mutation, `mutation seed ${seed} #${n}`, mutate(base, other, rnd), rnd() < 0.2);
      }
    }, 600_000);
  }
});

// ---- a grammar of programs aimed at the limits -----------------------------------------------------------------

const ident = fc.constantFrom(
  "q",
  "r",
  "c",
  "a",
  "b",
  "g",
  "e",
  "h",
  "cx",
  "pi",
  "U",
  "constructor",
  "toString",
  "x".repeat(80),
);
const size = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.constantFrom(1024, 1_048_576, 1_048_577, 4_294_967_296),
);
const number = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map(String),
  fc.constantFrom("0.5", "1e308", "1e-400", "3.14159", ".5", "1e400"),
);

const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    number,
    fc.constantFrom("pi", "a", "b", "theta"),
    fc
      .tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "^"), tie("e"))
      .map(([l, o, r]) => `${l} ${o} ${r}`),
    tie("e").map((x) => `-${x}`),
    tie("e").map((x) => `(${x})`),
    fc
      .tuple(fc.constantFrom("sin", "cos", "tan", "exp", "ln", "sqrt", "foo"), tie("e"))
      .map(([f, x]) => `${f}(${x})`),
  ),
})).e;

/** Expressions past the limits: nested thousands deep, thousands of terms long. */
const hugeExpr = fc
  .tuple(fc.constantFrom("paren", "neg", "sum", "pow", "fn"), fc.integer({ min: 200, max: 3000 }))
  .map(([kind, n]) => {
    switch (kind) {
      case "paren":
        return `${"(".repeat(n)}1${")".repeat(n)}`;
      case "neg":
        return `${"-".repeat(n)}1`;
      case "sum":
        return Array.from({ length: n }, () => "1").join("+");
      case "pow":
        return Array.from({ length: n }, () => "2").join("^");
      default:
        return `${"sin(".repeat(n)}1${")".repeat(n)}`;
    }
  });

const args = fc.array(
  fc.oneof(
    ident,
    fc.tuple(ident, size).map(([r, i]) => `${r}[${i}]`),
  ),
  { minLength: 1, maxLength: 4 },
);
const params = fc.array(fc.oneof({ weight: 8, arbitrary: expr }, { weight: 1, arbitrary: hugeExpr }), {
  maxLength: 3,
});
const application = fc
  .tuple(ident, params, args)
  .map(([g, p, a]) => `${g}${p.length ? `(${p.join(", ")})` : ""} ${a.join(", ")};`);

const statement = fc.oneof(
  fc.tuple(fc.constantFrom("qreg", "creg"), ident, size).map(([k, n, s]) => `${k} ${n}[${s}];`),
  application,
  fc
    .tuple(
      ident,
      fc.array(fc.constantFrom("theta", "phi", "pi", "a"), { maxLength: 2 }),
      fc.array(fc.constantFrom("a", "b", "c"), { minLength: 1, maxLength: 3 }),
      fc.array(application, { maxLength: 12 }),
    )
    .map(
      ([n, p, q, body]) =>
        `gate ${n}${p.length ? `(${p.join(",")})` : ""} ${q.join(",")} { ${body.join(" ")} }`,
    ),
  // Nested gates that multiply, with empty bodies or not: the expansion must be refused before it runs.
  fc
    .tuple(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 2, max: 12 }), fc.boolean())
    .map(([levels, fan, empty]) => {
      const lines = [`gate l0 a { ${empty ? "" : "x a;"} }`];
      for (let k = 1; k <= levels; k++) lines.push(`gate l${k} a { ${`l${k - 1} a; `.repeat(fan)}}`);
      return `${lines.join("\n")}\nl${levels} q[0];`;
    }),
  fc.tuple(ident, fc.integer({ min: 1, max: 400 })).map(([r, n]) => `barrier ${r};\n`.repeat(n)),
  fc.tuple(ident, ident).map(([q, c]) => `measure ${q} -> ${c};`),
  fc.tuple(ident, size, application).map(([c, v, a]) => `if (${c} == ${v}) ${a}`),
  fc.constantFrom(
    "reset q;",
    "barrier;",
    "opaque o a;",
    'include "qelib1.inc";',
    "OPENQASM 2.0;",
    ";",
    "}",
    "{",
  ),
  fc.string({ maxLength: 40 }),
);

const program = fc
  .tuple(
    fc.constantFrom('OPENQASM 2.0;\ninclude "qelib1.inc";\n', "OPENQASM 2.0;\n", "", "OPENQASM 3.0;\n"),
    fc.constantFrom(
      "",
      "qreg q[2];\ncreg c[2];\n",
      "qreg q[1048576];\ncreg c[4];\n",
      "qreg q[20];\nqreg r[20];\ncreg c[20];\n",
    ),
    fc.array(statement, { maxLength: 12 }),
  )
  .map(([head, regs, body]) => head + regs + body.join("\n"));

describe("grammar fuzzing (fast-check)", () => {
  for (const seed of [101, 102, 103]) {
    it(`seed ${seed}: 3,000 generated programs, no crash, each within the budget`, () => {
      fc.assert(
        fc.property(program, fc.boolean(), (text, strict) => {
          check(figures.grammar, `grammar seed ${seed}`, text, strict);
        }),
        { seed, numRuns: 3_000, endOnFailure: true },
      );
    }, 600_000);
  }
});
