// Parameter expressions: the AST, a recursive-descent parser and an evaluator.
//
// Grammar (precedence low to high):
//   expr  := term (('+' | '-') term)*
//   term  := unary (('*' | '/') unary)*
//   unary := '-' unary | '+' unary | power          so -2^2 = -(2^2), as in mathematics
//   power := atom ('^' unary)?                       right-associative: 2^3^2 = 2^9
//   atom  := number | 'pi' | identifier | fn '(' expr ')' | '(' expr ')'
// OpenQASM 3 (host.dialect === 3) adds `**` (power; `^` is XOR there, so it is refused with a hint), `%`, the
// constants π/tau/τ/euler/ℇ, const identifiers (resolved to numbers as they are read), and its math functions,
// some with two arguments.
// Every node records its depth, and parsing stops past MAX_EXPR_DEPTH, so neither the parser nor the
// evaluator can overflow the stack on hostile input.

import { type DiagnosticSink, type Pos, SyntaxAbort } from "./diagnostics.js";
import { describeToken, numberText, posOf, type Token } from "./lexer.js";
import { didYouMean } from "./suggest.js";

export const MAX_EXPR_DEPTH = 256;

export const FUNCTIONS = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  ln: Math.log,
  sqrt: Math.sqrt,
} as const;

/** OpenQASM 3's standard math functions (spec: "Built-in constants and functions"), by argument count. */
export const FUNCTIONS3: Readonly<Record<string, (...a: number[]) => number>> = {
  ...FUNCTIONS,
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
  log: Math.log,
  ceiling: Math.ceil,
  floor: Math.floor,
  pow: (a, b) => a ** b,
  mod: (a, b) => a - b * Math.floor(a / b),
  popcount: (a) => {
    let n = 0;
    for (let v = Math.trunc(Math.abs(a)); v > 0; v = Math.floor(v / 2)) n += v % 2;
    return n;
  },
};

const ARITY3: Readonly<Record<string, number>> = { pow: 2, mod: 2 };

/** OpenQASM 3's built-in constants. */
export const CONSTANTS3: Readonly<Record<string, number>> = {
  pi: Math.PI,
  π: Math.PI,
  tau: 2 * Math.PI,
  τ: 2 * Math.PI,
  euler: Math.E,
  ℇ: Math.E,
};

export type FunctionName = string;

type Node<K extends string, T> = { kind: K; pos: Pos; depth: number } & T;

export type Expr =
  | Node<"num", { value: number }>
  | Node<"pi", object>
  | Node<"param", { index: number; name: string }>
  | Node<"neg", { arg: Expr }>
  | Node<"bin", { op: "+" | "-" | "*" | "/" | "^" | "%"; left: Expr; right: Expr }>
  | Node<"call", { fn: FunctionName; args: Expr[] }>;

/** What the expression parser needs from the statement parser. */
export interface ExprHost {
  readonly tok: Token;
  advance(): Token;
  readonly sink: DiagnosticSink;
  /** Names usable as identifiers here, mapped to their parameter index (gate parameters; empty at top level). */
  readonly params: ReadonlyMap<string, number>;
  /** 3 for OpenQASM 3 expressions; 2.0 when absent. */
  readonly dialect?: 2 | 3;
  /** OpenQASM 3: the value of a `const` in scope, or undefined. */
  constant?(name: string): number | undefined;
  /** OpenQASM 3: names to suggest for an unknown identifier (consts in scope). */
  constantNames?(): string[];
}

/** Parses one expression starting at `host.tok`; reports and throws `SyntaxAbort` on a syntax error. */
export function parseExpression(host: ExprHost): Expr {
  return new ExprParser(host).expr();
}

class ExprParser {
  private nesting = 0;
  private readonly q3: boolean;
  private readonly functions: Readonly<Record<string, (...a: number[]) => number>>;

  constructor(private readonly h: ExprHost) {
    this.q3 = h.dialect === 3;
    this.functions = this.q3 ? FUNCTIONS3 : FUNCTIONS;
  }

  expr(): Expr {
    let left = this.term();
    while (this.isSymbol("+") || this.isSymbol("-")) {
      const t = this.h.advance();
      left = this.bin(t, left, this.term());
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    while (this.isSymbol("*") || this.isSymbol("/") || (this.q3 && this.isSymbol("%"))) {
      const t = this.h.advance();
      left = this.bin(t, left, this.unary());
    }
    return left;
  }

  private unary(): Expr {
    this.enter();
    try {
      if (this.isSymbol("-")) {
        const t = this.h.advance();
        const arg = this.unary();
        return this.check({ kind: "neg", pos: posOf(t), depth: arg.depth + 1, arg });
      }
      if (this.isSymbol("+")) {
        const t = this.h.advance();
        if (this.q3) return this.unary();
        this.h.sink.lenient("QASM.Lenient.UnaryPlus", "unary '+' is not part of OpenQASM 2.0", posOf(t));
        return this.unary();
      }
      return this.power();
    } finally {
      this.nesting--;
    }
  }

  private power(): Expr {
    const base = this.atom();
    if (this.q3 && this.isSymbol("^")) {
      this.h.sink.error(
        "QASM.Expr.Invalid",
        "'^' is bitwise XOR in OpenQASM 3, not a power",
        posOf(this.h.tok),
        "write powers as 'a ** b'",
      );
      throw new SyntaxAbort();
    }
    if (!this.isSymbol(this.q3 ? "**" : "^")) return base;
    const t = this.h.advance();
    return this.bin(t, base, this.unary());
  }

  private atom(): Expr {
    const t = this.h.tok;
    const pos = posOf(t);
    if (t.kind === "int" || t.kind === "real") {
      this.h.advance();
      return { kind: "num", pos, depth: 1, value: Number(numberText(t)) };
    }
    if (t.kind === "symbol" && t.text === "(") {
      this.h.advance();
      const e = this.expr();
      this.expectClose();
      return e;
    }
    if (t.kind === "id") {
      this.h.advance();
      const index = this.h.params.get(t.text);
      if (index !== undefined) return { kind: "param", pos, depth: 1, index, name: t.text };
      if (Object.hasOwn(this.functions, t.text)) {
        if (!this.isSymbol("(")) {
          this.fail(`expected '(' after function '${t.text}' but found ${describeToken(this.h.tok)}`);
        }
        this.h.advance();
        const args = [this.expr()];
        const arity = this.q3 ? (ARITY3[t.text] ?? 1) : 1;
        while (args.length < arity) {
          if (!this.isSymbol(","))
            this.fail(
              `function '${t.text}' takes ${arity} arguments; expected ',' but found ${describeToken(this.h.tok)}`,
            );
          this.h.advance();
          args.push(this.expr());
        }
        this.expectClose();
        const depth = Math.max(...args.map((a) => a.depth)) + 1;
        return this.check({ kind: "call", pos, depth, fn: t.text, args });
      }
      if (t.text === "pi") return { kind: "pi", pos, depth: 1 };
      if (this.q3) {
        const c = Object.hasOwn(CONSTANTS3, t.text) ? CONSTANTS3[t.text] : this.h.constant?.(t.text);
        if (c !== undefined) return { kind: "num", pos, depth: 1, value: c };
      }
      if (this.isSymbol("(")) {
        this.h.sink.error(
          "QASM.Expr.UnknownFunction",
          `unknown function '${t.text}'`,
          pos,
          didYouMean(t.text, Object.keys(this.functions)) ??
            `the functions are ${Object.keys(this.functions).join(", ")}`,
        );
        throw new SyntaxAbort();
      }
      const known = [
        "pi",
        ...this.h.params.keys(),
        // The Unicode spellings are one character, so any short name would be "close" to them: not suggested.
        ...(this.q3 ? ["tau", "euler", ...(this.h.constantNames?.() ?? [])] : []),
      ];
      this.h.sink.error(
        "QASM.Expr.UnknownIdentifier",
        `unknown identifier '${t.text}' in expression`,
        pos,
        didYouMean(t.text, known) ??
          (this.h.params.size > 0
            ? `this gate's parameters are ${[...this.h.params.keys()].join(", ")}`
            : this.q3
              ? "expressions here may use numbers, pi/π, tau/τ, euler/ℇ and 'const' values declared earlier"
              : "only 'pi' and numbers may appear outside a gate definition"),
      );
      throw new SyntaxAbort();
    }
    this.fail(`expected an expression but found ${describeToken(t)}`);
  }

  private bin(t: Token, left: Expr, right: Expr): Expr {
    const op = (t.text === "**" ? "^" : t.text) as "+" | "-" | "*" | "/" | "^" | "%";
    return this.check({
      kind: "bin",
      pos: posOf(t),
      depth: Math.max(left.depth, right.depth) + 1,
      op,
      left,
      right,
    });
  }

  private check(e: Expr): Expr {
    if (e.depth > MAX_EXPR_DEPTH) this.tooDeep(e.pos);
    return e;
  }

  private enter(): void {
    if (++this.nesting > MAX_EXPR_DEPTH) this.tooDeep(posOf(this.h.tok));
  }

  private tooDeep(pos: Pos): never {
    this.h.sink.error(
      "QASM.Limit.ExpressionTooDeep",
      `expression nested more than ${MAX_EXPR_DEPTH} levels deep`,
      pos,
      "simplify the expression or compute the value beforehand",
    );
    throw new SyntaxAbort();
  }

  private expectClose(): void {
    if (!this.isSymbol(")")) this.fail(`expected ')' but found ${describeToken(this.h.tok)}`);
    this.h.advance();
  }

  private isSymbol(s: string): boolean {
    return this.h.tok.kind === "symbol" && this.h.tok.text === s;
  }

  private fail(message: string): never {
    this.h.sink.error("QASM.Expr.Invalid", message, posOf(this.h.tok));
    throw new SyntaxAbort();
  }
}

/** A problem found while evaluating; the caller turns it into a diagnostic. */
export interface EvalError {
  code: "QASM.Expr.DivisionByZero" | "QASM.Expr.NotFinite";
  message: string;
  pos: Pos;
}

/**
 * Evaluates with `params[i]` bound to parameter i. Returns the value, or the first problem: division by zero,
 * or any intermediate value that is not a finite number (`ln(0)`, `sqrt(-1)`, `exp(1000)`).
 */
export function evaluate(e: Expr, params: readonly number[]): number | EvalError {
  switch (e.kind) {
    case "num":
      return Number.isFinite(e.value) ? e.value : notFinite(e.pos, `number out of range: ${e.value}`);
    case "pi":
      return Math.PI;
    case "param":
      return params[e.index];
    case "neg": {
      const v = evaluate(e.arg, params);
      return typeof v === "number" ? -v : v;
    }
    case "call": {
      const vs: number[] = [];
      for (const a of e.args) {
        const v = evaluate(a, params);
        if (typeof v !== "number") return v;
        vs.push(v);
      }
      const r = FUNCTIONS3[e.fn](...vs);
      return Number.isFinite(r) ? r : notFinite(e.pos, `${e.fn}(${vs.join(", ")}) is ${r}`);
    }
    case "bin": {
      const a = evaluate(e.left, params);
      if (typeof a !== "number") return a;
      const b = evaluate(e.right, params);
      if (typeof b !== "number") return b;
      let r: number;
      switch (e.op) {
        case "+":
          r = a + b;
          break;
        case "-":
          r = a - b;
          break;
        case "*":
          r = a * b;
          break;
        case "/":
          if (b === 0)
            return { code: "QASM.Expr.DivisionByZero", message: `division by zero: ${a} / 0`, pos: e.pos };
          r = a / b;
          break;
        case "^":
          r = a ** b;
          break;
        case "%":
          if (b === 0)
            return { code: "QASM.Expr.DivisionByZero", message: `division by zero: ${a} % 0`, pos: e.pos };
          r = a % b;
          break;
      }
      return Number.isFinite(r) ? r : notFinite(e.pos, `${a} ${e.op} ${b} is ${r}`);
    }
  }
}

function notFinite(pos: Pos, what: string): EvalError {
  return { code: "QASM.Expr.NotFinite", message: `expression is not a finite number: ${what}`, pos };
}
