// Parameter expressions: the AST, a recursive-descent parser and an evaluator.
//
// Grammar (precedence low to high):
//   expr  := term (('+' | '-') term)*
//   term  := unary (('*' | '/') unary)*
//   unary := '-' unary | '+' unary | power          so -2^2 = -(2^2), as in mathematics
//   power := atom ('^' unary)?                       right-associative: 2^3^2 = 2^9
//   atom  := number | 'pi' | identifier | fn '(' expr ')' | '(' expr ')'
// Every node records its depth, and parsing stops past MAX_EXPR_DEPTH, so neither the parser nor the
// evaluator can overflow the stack on hostile input.

import { type DiagnosticSink, type Pos, SyntaxAbort } from "./diagnostics.js";
import { describeToken, posOf, type Token } from "./lexer.js";
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

export type FunctionName = keyof typeof FUNCTIONS;

type Node<K extends string, T> = { kind: K; pos: Pos; depth: number } & T;

export type Expr =
  | Node<"num", { value: number }>
  | Node<"pi", object>
  | Node<"param", { index: number; name: string }>
  | Node<"neg", { arg: Expr }>
  | Node<"bin", { op: "+" | "-" | "*" | "/" | "^"; left: Expr; right: Expr }>
  | Node<"call", { fn: FunctionName; arg: Expr }>;

/** What the expression parser needs from the statement parser. */
export interface ExprHost {
  readonly tok: Token;
  advance(): Token;
  readonly sink: DiagnosticSink;
  /** Names usable as identifiers here, mapped to their parameter index (gate parameters; empty at top level). */
  readonly params: ReadonlyMap<string, number>;
}

const isFunction = (name: string): name is FunctionName => Object.hasOwn(FUNCTIONS, name);

/** Parses one expression starting at `host.tok`; reports and throws `SyntaxAbort` on a syntax error. */
export function parseExpression(host: ExprHost): Expr {
  return new ExprParser(host).expr();
}

class ExprParser {
  private nesting = 0;

  constructor(private readonly h: ExprHost) {}

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
    while (this.isSymbol("*") || this.isSymbol("/")) {
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
    if (!this.isSymbol("^")) return base;
    const t = this.h.advance();
    return this.bin(t, base, this.unary());
  }

  private atom(): Expr {
    const t = this.h.tok;
    const pos = posOf(t);
    if (t.kind === "int" || t.kind === "real") {
      this.h.advance();
      return { kind: "num", pos, depth: 1, value: Number(t.text) };
    }
    if (t.kind === "symbol" && t.text === "(") {
      this.h.advance();
      const e = this.expr();
      this.expectClose();
      return e;
    }
    if (t.kind === "id") {
      this.h.advance();
      if (isFunction(t.text)) {
        if (!this.isSymbol("(")) {
          this.fail(`expected '(' after function '${t.text}' but found ${describeToken(this.h.tok)}`);
        }
        this.h.advance();
        const arg = this.expr();
        this.expectClose();
        return this.check({ kind: "call", pos, depth: arg.depth + 1, fn: t.text, arg });
      }
      const index = this.h.params.get(t.text);
      if (index !== undefined) return { kind: "param", pos, depth: 1, index, name: t.text };
      if (t.text === "pi") return { kind: "pi", pos, depth: 1 };
      if (this.isSymbol("(")) {
        this.h.sink.error(
          "QASM.Expr.UnknownFunction",
          `unknown function '${t.text}'`,
          pos,
          didYouMean(t.text, Object.keys(FUNCTIONS)) ??
            `the functions are ${Object.keys(FUNCTIONS).join(", ")}`,
        );
        throw new SyntaxAbort();
      }
      const known = ["pi", ...this.h.params.keys()];
      this.h.sink.error(
        "QASM.Expr.UnknownIdentifier",
        `unknown identifier '${t.text}' in expression`,
        pos,
        didYouMean(t.text, known) ??
          (this.h.params.size > 0
            ? `this gate's parameters are ${[...this.h.params.keys()].join(", ")}`
            : "only 'pi' and numbers may appear outside a gate definition"),
      );
      throw new SyntaxAbort();
    }
    this.fail(`expected an expression but found ${describeToken(t)}`);
  }

  private bin(t: Token, left: Expr, right: Expr): Expr {
    const op = t.text as "+" | "-" | "*" | "/" | "^";
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
      const v = evaluate(e.arg, params);
      if (typeof v !== "number") return v;
      const r = FUNCTIONS[e.fn](v);
      return Number.isFinite(r) ? r : notFinite(e.pos, `${e.fn}(${v}) is ${r}`);
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
      }
      return Number.isFinite(r) ? r : notFinite(e.pos, `${a} ${e.op} ${b} is ${r}`);
    }
  }
}

function notFinite(pos: Pos, what: string): EvalError {
  return { code: "QASM.Expr.NotFinite", message: `expression is not a finite number: ${what}`, pos };
}
