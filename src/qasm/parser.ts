// The OpenQASM 2.0 parser: recursive descent over the lexer's tokens, with semantics applied statement by
// statement (declarations enter the symbol table, gate applications are expanded into library gates at once).
//
// Decisions worth knowing:
// - `include "qelib1.inc"` is built in: the library in `GATES` is qelib1. Other includes go through
//   `resolveInclude`.
// - `U` and `CX` map to the library gates `u` and `cx`, which have the same matrices.
// - A user `gate` that redefines a qelib1 name is accepted with a warning (an error in strict mode), and the
//   user's definition wins from then on. Names inside a gate body are bound when the body is read, so
//   `gate h a { h a; }` refers to the library `h`.
// - User gates are expanded inline; a condition on a user gate is copied onto every expanded operation, which is
//   equivalent because gates never write classical bits.
// - Once any error has been reported the result's circuit is null, so semantic checks after an error only need
//   to avoid crashing and cascades; they do not need to keep the IR consistent.

import { GATES, type GateSpec } from "../circuit/gates.js";
import type { Circuit, Condition, Operation, Register } from "../circuit/ir.js";
import { addCapped, type BudgetKind, defaultBudget, LIMITS, mulCapped, type WorkBudget } from "./budget.js";
import { type Diagnostic, type Pos, SyntaxAbort } from "./diagnostics.js";
import { type Expr, evaluate } from "./expr.js";
import { posOf, type Token } from "./lexer.js";
import { didYouMean } from "./suggest.js";
import { type ParseOptions, TokenParser } from "./token-parser.js";

export type { ParseOptions };

export interface ParseResult {
  /** Null when any error was reported. */
  circuit: Circuit | null;
  diagnostics: Diagnostic[];
}

/** Guards against hostile input: the IR never holds more than these (defined with the budgets in budget.ts). */
export { LIMITS };

/** Names other toolkits use for qelib1 gates, for "did you mean" hints. */
const ALIASES: Readonly<Record<string, string>> = {
  cnot: "cx",
  toffoli: "ccx",
  fredkin: "cswap",
  cphase: "cp",
  phase: "p",
  i: "id",
  sqrtx: "sx",
  cu1gate: "cu1",
};

const TOP_LEVEL_KEYWORDS = new Set(["OPENQASM", "include", "qreg", "creg", "gate", "opaque"]);

interface LibraryTarget {
  kind: "library";
  name: string;
  spec: GateSpec;
  numParams: number;
  numQubits: number;
}

interface BodyGate {
  kind: "gate";
  target: LibraryTarget | UserGate;
  params: Expr[];
  /** Indices into the enclosing gate's qubit arguments. */
  args: number[];
}

interface BodyBarrier {
  kind: "barrier";
  args: number[];
}

interface UserGate {
  kind: "user";
  name: string;
  numParams: number;
  numQubits: number;
  body: Array<BodyGate | BodyBarrier>;
  /** Operations one application expands to, capped just past the operation limit. */
  size: number;
  /** Expansion steps one application costs (operations plus nested calls, empty ones included), capped. */
  steps: number;
  /** Qubit references one application's operations hold, capped. */
  refs: number;
  /** 1 for a body of library gates only. */
  nesting: number;
  /** An opaque gate the body reaches, directly or through other user gates. */
  usesOpaque?: string;
  pos: Pos;
}

interface OpaqueGate {
  kind: "opaque";
  name: string;
  numParams: number;
  numQubits: number;
  pos: Pos;
}

type GateTarget = LibraryTarget | UserGate | OpaqueGate;

interface RegisterEntry {
  kind: "qreg" | "creg";
  reg: Register;
  pos: Pos;
}

/** An argument as written: `q` or `q[3]`. */
interface ArgRef {
  nameTok: Token;
  indexTok?: Token;
}

/** Kept as a range, not a list, so a whole register of a million qubits costs nothing until it is charged. */
interface ResolvedArg {
  ref: ArgRef;
  /** Global index of the first bit: `q[i]`'s own, or the register's first for `q`. */
  first: number;
  /** 1 for `q[i]`, the register's size for `q`. */
  size: number;
  whole: boolean;
}

/** The bit an argument contributes to the i-th repetition of a broadcast. */
const bitAt = (a: ResolvedArg, i: number): number => (a.whole ? a.first + i : a.first);

const library = (spec: GateSpec): LibraryTarget => ({
  kind: "library",
  name: spec.name,
  spec,
  numParams: spec.params.length,
  numQubits: spec.numQubits,
});

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Parses OpenQASM 2.0 text, collecting diagnostics; never throws on bad input. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  return new Parser(text, options).run();
}

class Parser extends TokenParser {
  /** Gate parameters in scope for expressions; empty outside gate definitions. */

  private qelib1 = false;
  private warnedMissingInclude = false;
  private sawStatement = false;
  private readonly registers = new Map<string, RegisterEntry>();
  private readonly gates = new Map<string, UserGate | OpaqueGate>();
  private readonly qregs: Register[] = [];
  private readonly cregs: Register[] = [];
  private numQubits = 0;
  private numClbits = 0;
  private readonly ops: Operation[] = [];
  private readonly maxOperations: number;
  private readonly budget: WorkBudget;

  constructor(text: string, options: ParseOptions) {
    super(text, options, 2);
    this.maxOperations = options.maxOperations ?? LIMITS.maxOperations;
    this.budget = defaultBudget(this.maxOperations);
  }

  run(): ParseResult {
    this.parseAll(() => this.statements());
    const failed = this.sink.errorCount > 0;
    const circuit: Circuit | null = failed
      ? null
      : {
          numQubits: this.numQubits,
          numClbits: this.numClbits,
          qregs: this.qregs,
          cregs: this.cregs,
          ops: this.ops,
        };
    return { circuit, diagnostics: this.sink.list };
  }

  // ---- tokens ------------------------------------------------------------------------------------------------

  private expectId(what: string): Token {
    if (this.tok.kind !== "id") this.unexpected(what);
    return this.advance();
  }

  private expectInt(what: string): Token {
    if (this.tok.kind !== "int") this.unexpected(what);
    return this.advance();
  }

  /** After a syntax error at top level: skip past the next ';' or a whole `{ ... }` block. */
  private syncTop(): void {
    const startLine = this.prev.line;
    while (this.tok.kind !== "eof") {
      if (this.isSymbol(";")) {
        this.advance();
        return;
      }
      if (this.tok.kind === "id" && TOP_LEVEL_KEYWORDS.has(this.tok.text) && this.tok.line > startLine)
        return;
      if (this.isSymbol("{")) {
        this.skipBlock();
        return;
      }
      this.advance();
    }
  }

  // ---- statements --------------------------------------------------------------------------------------------

  private statements(): void {
    this.statementLoop(
      () => this.statement(),
      () => this.syncTop(),
    );
    if (!this.sawStatement && this.includeStack.length === 0) this.missingVersion(posOf(this.tok));
  }

  private missingVersion(pos: Pos): void {
    this.sink.lenient(
      "QASM.Lenient.MissingVersion",
      "missing 'OPENQASM 2.0;' at the start of the program",
      pos,
      "add 'OPENQASM 2.0;' as the first line",
    );
  }

  private statement(): void {
    const t = this.tok;
    const first = !this.sawStatement;
    this.sawStatement = true;
    const isVersion = t.kind === "id" && t.text === "OPENQASM";
    if (first && !isVersion && this.includeStack.length === 0) this.missingVersion(posOf(t));
    if (t.kind === "symbol" && t.text === ";") {
      this.sink.lenient("QASM.Lenient.EmptyStatement", "empty statement (a lone ';')", posOf(t));
      this.advance();
      return;
    }
    if (t.kind !== "id") this.unexpected("a statement");
    switch (t.text) {
      case "OPENQASM":
        this.version(first);
        return;
      case "include":
        this.include();
        return;
      case "qreg":
      case "creg":
        this.declareRegister(t.text);
        return;
      case "gate":
        this.gateDefinition();
        return;
      case "opaque":
        this.opaqueDeclaration();
        return;
      case "barrier":
        this.barrier();
        return;
      case "if":
        this.conditional();
        return;
      default:
        this.quantumOperation(undefined);
        return;
    }
  }

  private version(first: boolean): void {
    const kw = this.advance();
    const v = this.tok;
    if (v.kind !== "int" && v.kind !== "real") this.unexpected("a version number such as '2.0'");
    this.advance();
    const value = Number(v.text);
    if (value !== 2) {
      this.sink.fatal(
        "QASM.Version.Unsupported",
        `OpenQASM ${v.text} is not supported; qfit reads OpenQASM 2.0`,
        posOf(v),
        value === 3
          ? "parse() reads OpenQASM 2.0; parseQasm() and every qfit command read both versions"
          : undefined,
      );
    }
    if (v.kind === "int") {
      this.sink.lenient(
        "QASM.Lenient.VersionFormat",
        `the version is written '2.0', not '${v.text}'`,
        posOf(v),
      );
    }
    this.semicolon();
    if (!first && this.includeStack.length === 0) {
      this.misplacedVersion(kw, "2.0");
    }
  }

  private include(): void {
    const file = this.includeStatement("qelib1.inc");
    const pos = posOf(file);
    if (file.text === "qelib1.inc") {
      if (this.qelib1)
        this.sink.lenient("QASM.Lenient.RepeatedInclude", "'qelib1.inc' is included twice", pos);
      this.qelib1 = true;
      return;
    }
    this.includeFile(file.text, pos, "qelib1.inc", () => this.statements());
  }

  private declareRegister(kind: "qreg" | "creg"): void {
    this.advance();
    const nameTok = this.expectId("a register name");
    this.expectSymbol("[");
    const sizeTok = this.expectInt("an integer register size");
    this.expectSymbol("]");
    this.semicolon();
    const name = nameTok.text;
    const existing = this.registers.get(name);
    if (existing) {
      this.sink.error(
        "QASM.Semantic.Redeclared",
        `register '${name}' is already declared`,
        posOf(nameTok),
        `first declared at line ${existing.pos.line}`,
      );
      return;
    }
    const size = Number(sizeTok.text);
    const total = (kind === "qreg" ? this.numQubits : this.numClbits) + size;
    if (size > LIMITS.maxBits || total > LIMITS.maxBits) {
      const what = kind === "qreg" ? "qubits" : "classical bits";
      this.sink.error(
        "QASM.Limit.RegisterTooLarge",
        size > LIMITS.maxBits
          ? `register '${name}' has ${sizeTok.text} ${what}; the limit is ${LIMITS.maxBits}`
          : `${total} ${what} in all registers; the limit is ${LIMITS.maxBits}`,
        posOf(sizeTok),
      );
      return;
    }
    const reg: Register = { name, size, offset: kind === "qreg" ? this.numQubits : this.numClbits };
    if (kind === "qreg") {
      this.qregs.push(reg);
      this.numQubits += size;
    } else {
      this.cregs.push(reg);
      this.numClbits += size;
    }
    this.registers.set(name, { kind, reg, pos: posOf(nameTok) });
  }

  // ---- gate definitions --------------------------------------------------------------------------------------

  /** Checks a new gate name; false when it cannot be defined. */
  private checkGateName(nameTok: Token): boolean {
    const name = nameTok.text;
    if (name === "U" || name === "CX") {
      this.sink.error(
        "QASM.Semantic.Redeclared",
        `'${name}' is a built-in gate and cannot be redefined`,
        posOf(nameTok),
      );
      return false;
    }
    const existing = this.gates.get(name);
    if (existing) {
      this.sink.error(
        "QASM.Semantic.Redeclared",
        `gate '${name}' is already defined`,
        posOf(nameTok),
        `first defined at line ${existing.pos.line}`,
      );
      return false;
    }
    if (this.qelib1 && GATES.has(name)) {
      this.sink.lenient(
        "QASM.Lenient.RedefinedLibraryGate",
        `gate '${name}' redefines the qelib1.inc gate of that name; this definition is used from here on`,
        posOf(nameTok),
      );
    }
    return true;
  }

  /** `(a, b)` in a gate or opaque declaration; the opening '(' is optional. */
  private parameterNames(): Token[] {
    if (!this.isSymbol("(")) return [];
    this.advance();
    const names = this.isSymbol(")") ? [] : this.commaList(() => this.expectId("a parameter name"), [")"]);
    this.expectSymbol(")");
    return names;
  }

  /** Qubit argument names of a gate or opaque declaration, up to (not including) '{' or ';'. */
  private qubitNames(): Token[] {
    return this.commaList(() => this.expectId("a qubit argument name"), ["{", ";"]);
  }

  protected override trailingComma(comma: Token): void {
    this.sink.lenient("QASM.Lenient.TrailingComma", "trailing comma in a list", posOf(comma));
  }

  /** Maps names to positions, reporting duplicates; `pi` cannot be a parameter. */
  private scope(names: Token[], what: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const t of names) {
      if (m.has(t.text) || (what === "parameter" && t.text === "pi")) {
        this.sink.error(
          "QASM.Semantic.Redeclared",
          t.text === "pi" && what === "parameter"
            ? "'pi' is a constant and cannot be a parameter name"
            : `${what} '${t.text}' is declared twice`,
          posOf(t),
        );
      } else {
        m.set(t.text, m.size);
      }
    }
    return m;
  }

  private opaqueDeclaration(): void {
    this.advance();
    const nameTok = this.expectId("a gate name");
    const params = this.parameterNames();
    const qubits = this.qubitNames();
    this.semicolon();
    if (!this.checkGateName(nameTok)) return;
    this.scope(params, "parameter");
    this.scope(qubits, "qubit argument");
    this.gates.set(nameTok.text, {
      kind: "opaque",
      name: nameTok.text,
      numParams: params.length,
      numQubits: qubits.length,
      pos: posOf(nameTok),
    });
  }

  private gateDefinition(): void {
    const kw = this.advance();
    const nameTok = this.expectId("a gate name");
    const paramToks = this.parameterNames();
    const qubitToks = this.qubitNames();
    const open = this.expectSymbol("{");
    const nameOk = this.checkGateName(nameTok);
    const params = this.scope(paramToks, "parameter");
    const qubits = this.scope(qubitToks, "qubit argument");
    const gate: UserGate = {
      kind: "user",
      name: nameTok.text,
      numParams: paramToks.length,
      numQubits: qubitToks.length,
      body: [],
      size: 0,
      steps: 0,
      refs: 0,
      nesting: 1,
      pos: posOf(kw),
    };
    this.params = params;
    try {
      this.gateBody(gate, qubits, open);
    } finally {
      this.params = new Map();
    }
    if (gate.nesting > LIMITS.maxGateNesting) {
      this.sink.error(
        "QASM.Limit.GateNestingTooDeep",
        `gate '${gate.name}' nests user gates ${gate.nesting} deep; the limit is ${LIMITS.maxGateNesting}`,
        posOf(nameTok),
      );
      return;
    }
    if (nameOk) this.gates.set(gate.name, gate);
  }

  private gateBody(gate: UserGate, qubits: Map<string, number>, open: Token): void {
    this.gateBodyLoop(
      gate.name,
      open,
      (t) => TOP_LEVEL_KEYWORDS.has(t.text),
      () => this.bodyStatement(gate, qubits),
    );
  }

  private bodyStatement(gate: UserGate, qubits: Map<string, number>): void {
    const t = this.tok;
    if (t.kind === "symbol" && t.text === ";") {
      this.sink.lenient("QASM.Lenient.EmptyStatement", "empty statement (a lone ';')", posOf(t));
      this.advance();
      return;
    }
    if (t.kind !== "id") this.unexpected("a gate application or '}'");
    if (t.text === "measure" || t.text === "reset" || t.text === "if") {
      this.sink.error(
        "QASM.Parse.NotAllowedInGate",
        `'${t.text}' is not allowed inside a gate definition`,
        posOf(t),
        "gate bodies may only apply gates and barriers",
      );
      throw new SyntaxAbort();
    }
    const isBarrier = t.text === "barrier";
    this.advance();
    const params = !isBarrier && this.isSymbol("(") ? this.expressionList() : [];
    const argToks = this.qubitNames();
    if (this.isSymbol("[")) {
      this.sink.error(
        "QASM.Parse.IndexInGateBody",
        "qubit arguments cannot be indexed inside a gate body",
        posOf(this.tok),
        "inside a gate, use the argument names from the gate's declaration",
      );
      throw new SyntaxAbort();
    }
    this.semicolon("',' or ");
    const args: number[] = [];
    for (const a of argToks) {
      const i = qubits.get(a.text);
      if (i === undefined) {
        this.sink.error(
          "QASM.Semantic.UnknownArgument",
          `'${a.text}' is not a qubit argument of gate '${gate.name}'`,
          posOf(a),
          didYouMean(a.text, qubits.keys()) ?? `the arguments are ${[...qubits.keys()].join(", ")}`,
        );
        return;
      }
      args.push(i);
    }
    if (isBarrier) {
      const unique = [...new Set(args)];
      gate.body.push({ kind: "barrier", args: unique });
      gate.size = Math.min(gate.size + 1, this.maxOperations + 1);
      gate.steps = addCapped(gate.steps, 1, this.budget.cap("expansionSteps"));
      gate.refs = addCapped(gate.refs, unique.length, this.budget.cap("qubitReferences"));
      return;
    }
    const target = this.lookupGate(t);
    if (!target || !this.checkShape(target, t, params.length, args.length)) return;
    if (this.duplicate(args, argToks, t)) return;
    if (target.kind === "opaque") {
      gate.usesOpaque ??= target.name;
      return;
    }
    if (target.kind === "user") {
      if (target.usesOpaque) gate.usesOpaque ??= target.usesOpaque;
      gate.nesting = Math.max(gate.nesting, target.nesting + 1);
    }
    gate.body.push({ kind: "gate", target, params, args });
    const size = target.kind === "user" ? target.size : 1;
    gate.size = Math.min(gate.size + size, this.maxOperations + 1);
    // A call costs a step even when the called gate emits nothing: `gate e a { }` called 10 times per level
    // through 30 levels emits no operation but would take 10^30 steps to expand.
    const steps = target.kind === "user" ? 1 + target.steps : 1;
    gate.steps = addCapped(gate.steps, steps, this.budget.cap("expansionSteps"));
    const refs = target.kind === "user" ? target.refs : target.numQubits;
    gate.refs = addCapped(gate.refs, refs, this.budget.cap("qubitReferences"));
  }

  // ---- gate lookup and checks --------------------------------------------------------------------------------

  private lookupGate(nameTok: Token): GateTarget | undefined {
    const name = nameTok.text;
    if (name === "U") return library(GATES.get("u")!);
    if (name === "CX") return library(GATES.get("cx")!);
    const user = this.gates.get(name);
    if (user) return user;
    const spec = GATES.get(name);
    if (spec) {
      if (!this.qelib1 && !this.warnedMissingInclude) {
        this.warnedMissingInclude = true;
        this.sink.lenient(
          "QASM.Lenient.MissingInclude",
          `gate '${name}' is defined in qelib1.inc, which is not included`,
          posOf(nameTok),
          "add 'include \"qelib1.inc\";' after 'OPENQASM 2.0;' (qelib1.inc is built in)",
        );
      }
      return library(spec);
    }
    const reg = this.registers.get(name);
    const candidates = [...GATES.keys(), ...this.gates.keys(), "U", "CX", "measure", "reset", "barrier"];
    this.sink.error(
      "QASM.Semantic.UnknownGate",
      reg ? `'${name}' is a register, not a gate` : `unknown gate '${name}'`,
      posOf(nameTok),
      reg
        ? undefined
        : Object.hasOwn(ALIASES, name)
          ? `did you mean '${ALIASES[name]}'?`
          : didYouMean(name, candidates),
    );
    return undefined;
  }

  private checkShape(target: GateTarget, nameTok: Token, numParams: number, numArgs: number): boolean {
    if (numParams !== target.numParams) {
      const names = target.kind === "library" ? ` (${target.spec.params.join(", ")})` : "";
      this.sink.error(
        "QASM.Semantic.WrongParamCount",
        `gate '${target.name}' takes ${plural(target.numParams, "parameter")}${target.numParams > 0 ? names : ""} but ${numParams} ${numParams === 1 ? "was" : "were"} given`,
        posOf(nameTok),
      );
      return false;
    }
    if (numArgs !== target.numQubits) {
      this.sink.error(
        "QASM.Semantic.WrongArity",
        `gate '${target.name}' acts on ${plural(target.numQubits, "qubit")} but ${numArgs} ${numArgs === 1 ? "was" : "were"} given`,
        posOf(nameTok),
      );
      return false;
    }
    return true;
  }

  /** Reports the first repeated qubit of one application; true if there was one. */
  private duplicate(qubits: number[], toks: Token[], nameTok: Token, label?: (q: number) => string): boolean {
    const seen = new Set<number>();
    for (let j = 0; j < qubits.length; j++) {
      if (seen.has(qubits[j])) {
        this.sink.error(
          "QASM.Semantic.DuplicateQubit",
          `qubit ${label ? label(qubits[j]) : `'${toks[j].text}'`} is used more than once in '${nameTok.text}'`,
          posOf(toks[j]),
          "the qubits of one gate must be distinct",
        );
        return true;
      }
      seen.add(qubits[j]);
    }
    return false;
  }

  // ---- quantum operations ------------------------------------------------------------------------------------

  /** `q` or `q[i]`. */
  private argument(): ArgRef {
    const nameTok = this.expectId("a register name");
    if (!this.isSymbol("[")) return { nameTok };
    this.advance();
    const indexTok = this.expectInt("an integer index");
    this.expectSymbol("]");
    return { nameTok, indexTok };
  }

  private argumentList(): ArgRef[] {
    return this.commaList(() => this.argument(), [";"]);
  }

  private resolve(ref: ArgRef, kind: "qreg" | "creg"): ResolvedArg | undefined {
    const name = ref.nameTok.text;
    const entry = this.registers.get(name);
    const what = kind === "qreg" ? "quantum" : "classical";
    if (!entry) {
      const sameKind = [...this.registers.values()].filter((e) => e.kind === kind).map((e) => e.reg.name);
      this.sink.error(
        "QASM.Semantic.UndeclaredRegister",
        `undeclared ${what} register '${name}'`,
        posOf(ref.nameTok),
        didYouMean(name, sameKind) ?? `declare it first, e.g. '${kind} ${name}[2];'`,
      );
      return undefined;
    }
    if (entry.kind !== kind) {
      this.sink.error(
        "QASM.Semantic.WrongRegisterType",
        `'${name}' is a ${kind === "qreg" ? "classical" : "quantum"} register; expected a ${what} register here`,
        posOf(ref.nameTok),
      );
      return undefined;
    }
    const { reg } = entry;
    if (!ref.indexTok) return { ref, whole: true, first: reg.offset, size: reg.size };
    const index = Number(ref.indexTok.text);
    if (!(index < reg.size)) {
      this.sink.error(
        "QASM.Semantic.IndexOutOfRange",
        `index ${ref.indexTok.text} is out of range for register '${name}' of size ${reg.size}`,
        posOf(ref.indexTok),
        reg.size > 0 ? `valid indices are 0 to ${reg.size - 1}` : `register '${name}' is empty`,
      );
      return undefined;
    }
    return { ref, whole: false, first: reg.offset + index, size: 1 };
  }

  private resolveAll(refs: ArgRef[], kind: "qreg" | "creg"): ResolvedArg[] | undefined {
    const out: ResolvedArg[] = [];
    let ok = true;
    for (const r of refs) {
      const a = this.resolve(r, kind);
      if (a) out.push(a);
      else ok = false;
    }
    return ok ? out : undefined;
  }

  /** How many times a statement over these arguments repeats: the common size of the whole registers. */
  private broadcastCount(args: ResolvedArg[]): number | undefined {
    let n: number | undefined;
    let first: ResolvedArg | undefined;
    for (const a of args) {
      if (!a.whole) continue;
      if (n === undefined) {
        n = a.size;
        first = a;
      } else if (a.size !== n) {
        this.sink.error(
          "QASM.Semantic.BroadcastSizeMismatch",
          `register '${a.ref.nameTok.text}' has size ${a.size} but '${first!.ref.nameTok.text}' has size ${n}`,
          posOf(a.ref.nameTok),
          "registers used whole in one statement must have the same size",
        );
        return undefined;
      }
    }
    return n ?? 1;
  }

  private qubitLabel(q: number): string {
    for (const r of this.qregs)
      if (q >= r.offset && q < r.offset + r.size) return `${r.name}[${q - r.offset}]`;
    return String(q);
  }

  /** Operations are charged to the budget before they are built; this is the last line of defence. */
  private pushOp(op: Operation): void {
    if (this.ops.length >= this.maxOperations) this.refuse("operations", 1, posOf(this.prev));
    this.ops.push(op);
  }

  /** Charges work to the budget before doing it; past a limit, stops parsing with an error naming the limit. */
  private charge(kind: BudgetKind, amount: number, pos: Pos): void {
    const refusal = this.budget.charge(kind, amount);
    if (refusal) this.sink.fatal(refusal.code, refusal.message, pos, refusal.hint);
  }

  private refuse(kind: BudgetKind, amount: number, pos: Pos): never {
    const refusal = this.budget.check(kind, this.budget.limits[kind] + amount)!;
    this.sink.fatal(refusal.code, refusal.message, pos, refusal.hint);
  }

  private quantumOperation(condition: Condition | undefined): void {
    const t = this.tok;
    if (t.kind !== "id") this.unexpected("a gate, 'measure' or 'reset'");
    if (t.text === "measure") {
      this.measure(condition);
      return;
    }
    if (t.text === "reset") {
      this.reset(condition);
      return;
    }
    if (TOP_LEVEL_KEYWORDS.has(t.text) || t.text === "barrier" || t.text === "if") {
      this.unexpected("a gate, 'measure' or 'reset' after 'if (...)'");
    }
    this.gateApplication(condition);
  }

  private gateApplication(condition: Condition | undefined): void {
    const nameTok = this.advance();
    const paramExprs = this.isSymbol("(") ? this.expressionList() : [];
    const refs = this.argumentList();
    this.semicolon("',' or ");
    const target = this.lookupGate(nameTok);
    if (!target || !this.checkShape(target, nameTok, paramExprs.length, refs.length)) return;
    if (target.kind === "opaque" || (target.kind === "user" && target.usesOpaque)) {
      const opaque = target.kind === "opaque" ? target.name : target.usesOpaque!;
      this.sink.error(
        "QASM.Semantic.OpaqueGate",
        target.kind === "opaque"
          ? `'${opaque}' is an opaque gate: it has no definition, so it cannot be simulated`
          : `gate '${target.name}' uses the opaque gate '${opaque}', which has no definition, so it cannot be simulated`,
        posOf(nameTok),
        `define '${opaque}' with 'gate ${opaque} ... { ... }' in terms of qelib1 gates`,
      );
      return;
    }
    const params: number[] = [];
    for (const e of paramExprs) {
      const v = evaluate(e, []);
      if (typeof v !== "number") {
        this.sink.error(v.code, v.message, v.pos);
        return;
      }
      params.push(v);
    }
    const args = this.resolveAll(refs, "qreg");
    if (!args) return;
    const n = this.broadcastCount(args);
    if (n === undefined) return;
    const pos = posOf(nameTok);
    const user = target.kind === "user";
    this.charge("operations", mulCapped(user ? target.size : 1, n, this.budget.cap("operations")), pos);
    const steps = user ? 1 + target.steps : 1;
    this.charge("expansionSteps", mulCapped(steps, n, this.budget.cap("expansionSteps")), pos);
    const refsEach = user ? target.refs : target.numQubits;
    this.charge("qubitReferences", mulCapped(refsEach, n, this.budget.cap("qubitReferences")), pos);
    const argToks = refs.map((r) => r.nameTok);
    for (let i = 0; i < n; i++) {
      const qubits = args.map((a) => bitAt(a, i));
      if (this.duplicate(qubits, argToks, nameTok, (q) => this.qubitLabel(q))) return;
      if (!this.apply(target, params, qubits, condition, nameTok)) return;
    }
  }

  /** Expands one application into library gates; false after reporting an evaluation error. */
  private apply(
    target: LibraryTarget | UserGate,
    params: number[],
    qubits: number[],
    condition: Condition | undefined,
    site: Token,
  ): boolean {
    if (target.kind === "library") {
      this.pushOp({
        kind: "gate",
        name: target.name,
        qubits,
        params,
        ...(condition ? { condition: { ...condition } } : {}),
      });
      return true;
    }
    for (const b of target.body) {
      const mapped = b.args.map((j) => qubits[j]);
      if (b.kind === "barrier") {
        this.pushOp({ kind: "barrier", qubits: mapped });
        continue;
      }
      const values: number[] = [];
      for (const e of b.params) {
        const v = evaluate(e, params);
        if (typeof v !== "number") {
          this.sink.error(
            v.code,
            `${v.message} (in gate '${target.name}' applied at line ${site.line}, column ${site.col})`,
            v.pos,
          );
          return false;
        }
        values.push(v);
      }
      if (!this.apply(b.target, values, mapped, condition, site)) return false;
    }
    return true;
  }

  private measure(condition: Condition | undefined): void {
    const kw = this.advance();
    const qRef = this.argument();
    this.expectSymbol("->", "measurements are written 'measure q[0] -> c[0];'");
    const cRef = this.argument();
    this.semicolon();
    const q = this.resolve(qRef, "qreg");
    const c = this.resolve(cRef, "creg");
    if (!q || !c) return;
    if (q.whole !== c.whole || q.size !== c.size) {
      this.sink.error(
        "QASM.Semantic.BroadcastSizeMismatch",
        q.whole && c.whole
          ? `cannot measure register '${qRef.nameTok.text}' of size ${q.size} into register '${cRef.nameTok.text}' of size ${c.size}`
          : "measure needs either one qubit and one bit, or two whole registers of the same size",
        posOf(cRef.nameTok),
      );
      return;
    }
    this.chargeSimple(q.size, posOf(kw));
    for (let i = 0; i < q.size; i++) {
      this.pushOp({
        kind: "measure",
        qubit: q.first + i,
        clbit: c.first + i,
        ...(condition ? { condition: { ...condition } } : {}),
      });
    }
  }

  private reset(condition: Condition | undefined): void {
    const kw = this.advance();
    const ref = this.argument();
    this.semicolon();
    const q = this.resolve(ref, "qreg");
    if (!q) return;
    this.chargeSimple(q.size, posOf(kw));
    for (let i = 0; i < q.size; i++) {
      this.pushOp({
        kind: "reset",
        qubit: q.first + i,
        ...(condition ? { condition: { ...condition } } : {}),
      });
    }
  }

  /** One operation per qubit (measure, reset): n operations, n steps, n qubit references. */
  private chargeSimple(n: number, pos: Pos): void {
    this.charge("operations", n, pos);
    this.charge("expansionSteps", n, pos);
    this.charge("qubitReferences", n, pos);
  }

  private barrier(): void {
    const kw = this.advance();
    let args: ResolvedArg[];
    if (this.isSymbol(";")) {
      this.advance();
      this.sink.lenient(
        "QASM.Lenient.BarrierNoArguments",
        "'barrier' without arguments; read as a barrier on every qubit declared so far",
        posOf(kw),
      );
      args = [{ ref: { nameTok: kw }, whole: true, first: 0, size: this.numQubits }];
    } else {
      const refs = this.argumentList();
      this.semicolon("',' or ");
      const resolved = this.resolveAll(refs, "qreg");
      if (!resolved) return;
      args = resolved;
    }
    // Charged as written (before removing repeats), so the count bounds the work of building the list too.
    let written = 0;
    for (const a of args) written = addCapped(written, a.size, this.budget.cap("qubitReferences"));
    this.charge("qubitReferences", written, posOf(kw));
    this.charge("expansionSteps", 1, posOf(kw));
    this.charge("operations", 1, posOf(kw));
    let qubits: number[];
    if (args.length === 1) {
      // The common case, a whole register: preallocated, several times faster than growing by push.
      qubits = new Array<number>(args[0].size);
      for (let i = 0; i < qubits.length; i++) qubits[i] = args[0].first + i;
    } else {
      const seen = new Set<number>();
      qubits = [];
      for (const a of args) {
        for (let i = 0; i < a.size; i++) {
          const q = a.first + i;
          if (!seen.has(q)) {
            seen.add(q);
            qubits.push(q);
          }
        }
      }
    }
    if (qubits.length > 0) this.pushOp({ kind: "barrier", qubits });
  }

  private conditional(): void {
    this.advance();
    this.expectSymbol("(");
    const regTok = this.expectId("a classical register name");
    this.expectSymbol("==", "OpenQASM 2.0 conditions compare a whole classical register: 'if (c == 3)'");
    const valueTok = this.expectInt("a non-negative integer");
    this.expectSymbol(")");
    const condition = this.condition(regTok, valueTok);
    this.quantumOperation(condition);
  }

  private condition(regTok: Token, valueTok: Token): Condition | undefined {
    const c = this.resolve({ nameTok: regTok }, "creg");
    if (!c) return undefined;
    const value = Number(valueTok.text);
    const bits = c.size;
    if (!Number.isSafeInteger(value) || (bits < 53 && value >= 2 ** bits)) {
      this.sink.error(
        "QASM.Semantic.ConditionOutOfRange",
        `value ${valueTok.text} does not fit in the ${bits}-bit register '${regTok.text}'`,
        posOf(valueTok),
        bits < 53 ? `the largest value is ${2 ** bits - 1}` : undefined,
      );
      return undefined;
    }
    return { register: regTok.text, value };
  }
}
