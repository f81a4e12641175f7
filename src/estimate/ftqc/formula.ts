// A small, safe evaluator for the formula strings of QEC schemes (Azure `logicalCycleTime`,
// `physicalQubitsPerLogicalQubit`): numbers, variables, + - * / ^ %, parentheses, unary minus and a few
// functions. No `eval`; a parsed formula is a tree evaluated against a variable map.

import { userError } from "../../errors.js";
import { counted } from "../../units/format.js";

type Node =
  | { kind: "num"; value: number }
  | { kind: "var"; name: string }
  | { kind: "neg"; arg: Node }
  | { kind: "bin"; op: "+" | "-" | "*" | "/" | "^" | "%"; left: Node; right: Node }
  | { kind: "call"; fn: string; args: Node[] };

/** Longer formulas are refused before parsing: Azure's own are under 100 characters. */
export const MAX_FORMULA_LENGTH = 4096;
/** Deeper trees (parentheses, unary minus, long chains of one operator) are refused while parsing. */
export const MAX_FORMULA_DEPTH = 64;

const FUNCTIONS: Record<string, { arity: number; f: (...xs: number[]) => number }> = {
  sqrt: { arity: 1, f: Math.sqrt },
  ln: { arity: 1, f: Math.log },
  log2: { arity: 1, f: Math.log2 },
  log10: { arity: 1, f: Math.log10 },
  exp: { arity: 1, f: Math.exp },
  ceil: { arity: 1, f: Math.ceil },
  floor: { arity: 1, f: Math.floor },
  round: { arity: 1, f: Math.round },
  abs: { arity: 1, f: Math.abs },
  min: { arity: 2, f: Math.min },
  max: { arity: 2, f: Math.max },
};

export interface Formula {
  text: string;
  variables: string[];
  evaluate(vars: Record<string, number | undefined>): number;
}

/** Parses `text`; `field` names the input field in errors. Throws `Estimate.FT.InvalidFormula`. */
export function parseFormula(text: string, field: string): Formula {
  let pos = 0;
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  const fail = (msg: string): never => {
    throw userError("Estimate.FT.InvalidFormula", `cannot parse formula "${shown}" at ${pos + 1}: ${msg}`, {
      field,
      hint: "formulas use numbers, codeDistance, oneQubitGateTime, twoQubitGateTime, oneQubitMeasurementTime, twoQubitJointMeasurementTime, + - * / ^ and parentheses",
    });
  };
  if (text.length > MAX_FORMULA_LENGTH) {
    throw userError(
      "Estimate.FT.FormulaTooLong",
      `formula is ${text.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`,
      { field },
    );
  }
  // Depth of the tree being built: bounds the parser's recursion and the evaluator's, whatever the input.
  let depth = 0;
  const deeper = (): void => {
    if (++depth > MAX_FORMULA_DEPTH) {
      throw userError(
        "Estimate.FT.FormulaTooDeep",
        `formula nests more than ${MAX_FORMULA_DEPTH} levels deep (parentheses, signs or chained operators) at ${pos + 1}`,
        { field, hint: "simplify the formula" },
      );
    }
  };
  // Left-deep chains (a+b+c+...) grow the tree's depth without recursion: count their length too.
  const depthOf = (n: Node): number => (n as Node & { depth?: number }).depth ?? 1;
  const bin = (op: "+" | "-" | "*" | "/" | "^" | "%", left: Node, right: Node): Node => {
    const d = Math.max(depthOf(left), depthOf(right)) + 1;
    if (d > MAX_FORMULA_DEPTH) {
      throw userError(
        "Estimate.FT.FormulaTooDeep",
        `formula nests more than ${MAX_FORMULA_DEPTH} levels deep (parentheses, signs or chained operators) at ${pos + 1}`,
        { field, hint: "simplify the formula" },
      );
    }
    return Object.assign({ kind: "bin" as const, op, left, right }, { depth: d });
  };
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  // Sticky: matched at `pos` without copying the rest of the text (slicing made long formulas quadratic).
  const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
  const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
  const peek = () => {
    skip();
    return text[pos];
  };
  const variables = new Set<string>();

  // expr := term (('+'|'-') term)*; term := unary (('*'|'/'|'%') unary)*; unary := '-' unary | power;
  // power := atom ('^' unary)?  (right-associative)
  const expr = (): Node => {
    let left = term();
    for (let c = peek(); c === "+" || c === "-"; c = peek()) {
      pos++;
      left = bin(c, left, term());
    }
    return left;
  };
  const term = (): Node => {
    let left = unary();
    for (let c = peek(); c === "*" || c === "/" || c === "%"; c = peek()) {
      pos++;
      left = bin(c, left, unary());
    }
    return left;
  };
  const unary = (): Node => {
    deeper();
    try {
      const c = peek();
      if (c === "-") {
        pos++;
        const arg = unary();
        return Object.assign({ kind: "neg" as const, arg }, { depth: depthOf(arg) + 1 });
      }
      if (c === "+") {
        pos++;
        return unary();
      }
      return power();
    } finally {
      depth--;
    }
  };
  const power = (): Node => {
    const base = atom();
    if (peek() === "^") {
      pos++;
      return bin("^", base, unary());
    }
    return base;
  };
  const atom = (): Node => {
    const c = peek();
    if (c === undefined) return fail("unexpected end");
    if (c === "(") {
      pos++;
      const inner = expr();
      if (peek() !== ")") fail("expected ')'");
      pos++;
      return inner;
    }
    NUMBER.lastIndex = pos;
    const num = NUMBER.exec(text);
    if (num) {
      pos += num[0].length;
      return { kind: "num", value: Number(num[0]) };
    }
    IDENTIFIER.lastIndex = pos;
    const id = IDENTIFIER.exec(text);
    if (id) {
      pos += id[0].length;
      const name = id[0];
      if (peek() === "(") {
        if (!Object.hasOwn(FUNCTIONS, name)) fail(`unknown function ${name}`);
        const fn = FUNCTIONS[name];
        pos++;
        const args: Node[] = [];
        if (peek() !== ")") {
          args.push(expr());
          while (peek() === ",") {
            pos++;
            args.push(expr());
          }
        }
        if (peek() !== ")") fail("expected ')'");
        pos++;
        if (args.length !== fn.arity)
          fail(`${name} takes ${counted(String(fn.arity), "argument", "arguments")}`);
        const d = Math.max(0, ...args.map(depthOf)) + 1;
        return Object.assign({ kind: "call" as const, fn: name, args }, { depth: d });
      }
      variables.add(name);
      return { kind: "var", name };
    }
    return fail(`unexpected '${c}'`);
  };

  const root = expr();
  if (peek() !== undefined) fail(`unexpected '${peek()}'`);

  const evalNode = (n: Node, vars: Record<string, number | undefined>): number => {
    switch (n.kind) {
      case "num":
        return n.value;
      case "var": {
        const v = Object.hasOwn(vars, n.name) ? vars[n.name] : undefined;
        if (typeof v !== "number")
          throw userError(
            "Estimate.FT.InvalidFormula",
            `formula "${text}" uses ${n.name}, which is not defined`,
            {
              field,
              hint: `defined here: ${Object.keys(vars)
                .filter((k) => vars[k] !== undefined)
                .join(", ")}`,
            },
          );
        return v;
      }
      case "neg":
        return -evalNode(n.arg, vars);
      case "call":
        return FUNCTIONS[n.fn].f(...n.args.map((a) => evalNode(a, vars)));
      case "bin": {
        const a = evalNode(n.left, vars);
        const b = evalNode(n.right, vars);
        switch (n.op) {
          case "+":
            return a + b;
          case "-":
            return a - b;
          case "*":
            return a * b;
          case "/":
            return a / b;
          case "%":
            return a % b;
          case "^":
            return a ** b;
        }
      }
    }
  };

  return { text, variables: [...variables], evaluate: (vars) => evalNode(root, vars) };
}
