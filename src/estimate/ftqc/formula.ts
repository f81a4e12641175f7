// A small, safe evaluator for the formula strings of QEC schemes (Azure `logicalCycleTime`,
// `physicalQubitsPerLogicalQubit`): numbers, variables, + - * / ^ %, parentheses, unary minus and a few
// functions. No `eval`; a parsed formula is a tree evaluated against a variable map.
import { userError } from "../../errors.js";

type Node =
  | { kind: "num"; value: number }
  | { kind: "var"; name: string }
  | { kind: "neg"; arg: Node }
  | { kind: "bin"; op: "+" | "-" | "*" | "/" | "^" | "%"; left: Node; right: Node }
  | { kind: "call"; fn: string; args: Node[] };

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
  const fail = (msg: string): never => {
    throw userError("Estimate.FT.InvalidFormula", `cannot parse formula "${text}" at ${pos + 1}: ${msg}`, {
      field,
      hint: "formulas use numbers, codeDistance, oneQubitGateTime, twoQubitGateTime, oneQubitMeasurementTime, twoQubitJointMeasurementTime, + - * / ^ and parentheses",
    });
  };
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
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
      left = { kind: "bin", op: c, left, right: term() };
    }
    return left;
  };
  const term = (): Node => {
    let left = unary();
    for (let c = peek(); c === "*" || c === "/" || c === "%"; c = peek()) {
      pos++;
      left = { kind: "bin", op: c, left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => {
    const c = peek();
    if (c === "-") {
      pos++;
      return { kind: "neg", arg: unary() };
    }
    if (c === "+") {
      pos++;
      return unary();
    }
    return power();
  };
  const power = (): Node => {
    const base = atom();
    if (peek() === "^") {
      pos++;
      return { kind: "bin", op: "^", left: base, right: unary() };
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
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(pos));
    if (num) {
      pos += num[0].length;
      return { kind: "num", value: Number(num[0]) };
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (id) {
      pos += id[0].length;
      const name = id[0];
      if (peek() === "(") {
        const fn = FUNCTIONS[name];
        if (!fn) fail(`unknown function ${name}`);
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
        if (args.length !== fn.arity) fail(`${name} takes ${fn.arity} argument(s)`);
        return { kind: "call", fn: name, args };
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
        const v = vars[n.name];
        if (v === undefined)
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
