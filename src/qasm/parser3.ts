// The OpenQASM 3 reader for the statically simulable subset: every quantum operation is known before the run,
// and the only classical control is `if` on measured bits. It shares the 2.0 front end's lexer (OpenQASM 3
// dialect), expression parser, diagnostics and limits; semantics are applied statement by statement, and gate
// applications are expanded at once into library gates (src/circuit/gates.ts).
//
// Decisions worth knowing:
// - `stdgates.inc` is built in (./stdgates.ts); `U` is the library `u` and `gphase` a global phase, which the
//   circuit IR does not hold: it is summed into `globalPhase` of the result (like Qiskit's
//   QuantumCircuit.global_phase) and becomes a relative phase under `ctrl @` (./controlled.ts).
// - Modifiers are normalised: controls in the order written, and one integer power (inv is power −1;
//   pow(k) needs an integer k). A user gate's modifiers distribute over its body, as the specification defines.
// - A user gate whose name and shape are a library gate's and whose body has exactly that matrix (Qiskit writes
//   `gate rzz(...) {...}`, and so does qfit's writer) is applied as the library gate itself, so a circuit
//   survives a round trip gate for gate.
// - `if` on a bit becomes a condition on that bit; `if (c == 3)` a condition on the register; other comparisons
//   and `else` repeat the branch once per register value that takes it (few values only). A branch must not
//   write the bits its condition reads.
// - Physical qubits `$n` are qubit n of one register named `q`; they cannot be mixed with declared qubits.
// - Everything outside the subset (loops, subroutines, classical variables, timing, pulse level, extern, ...)
//   is refused with `QASM.Unsupported.*`, naming the construct and its line.

import { GATES, inverseGate } from "../circuit/gates.js";
import type { Circuit, Condition, Operation, Register } from "../circuit/ir.js";
import { embed, expi, identity, matmul, maxDistance, scale } from "../circuit/matrix.js";
import { controlledGate, controlledPhase, type GateSink, MAX_CONTROLS } from "./controlled.js";
import { type Diagnostic, FatalAbort, type Pos, SyntaxAbort } from "./diagnostics.js";
import { type Expr, evaluate, parseExpression } from "./expr.js";
import { numberText, posOf, type Token } from "./lexer.js";
import { LIMITS, type ParseOptions } from "./parser.js";
import { BRAKET_GATES, STDGATES, type StdGate } from "./stdgates.js";
import { didYouMean } from "./suggest.js";
import { TokenParser } from "./token-parser.js";

export interface ParseResult3 {
  /** Null when any error was reported. */
  circuit: Circuit | null;
  diagnostics: Diagnostic[];
  /** The program's global phase in radians (from `gphase` and the stdgates definitions of u2/u3). */
  globalPhase: number;
}

/** Constructs outside the subset, by the keyword that starts them: [code suffix, what it is]. */
const UNSUPPORTED: Readonly<Record<string, readonly [string, string]>> = {
  while: ["While", "'while' loops"],
  def: ["Subroutine", "subroutines ('def')"],
  return: ["Subroutine", "'return'"],
  extern: ["Extern", "'extern' functions"],
  defcal: ["Pulse", "pulse-level calibrations ('defcal')"],
  defcalgrammar: ["Pulse", "'defcalgrammar'"],
  cal: ["Pulse", "pulse-level 'cal' blocks"],
  delay: ["Timing", "'delay'"],
  duration: ["Timing", "'duration' variables"],
  stretch: ["Timing", "'stretch' variables"],
  durationof: ["Timing", "'durationof'"],
  input: ["Input", "'input' parameters"],
  output: ["Output", "'output' variables"],
  switch: ["Switch", "'switch' statements"],
  break: ["For", "'break'"],
  continue: ["For", "'continue'"],
  end: ["End", "'end'"],
  opaque: ["Opaque", "'opaque' gates"],
  array: ["ClassicalState", "arrays"],
  int: ["ClassicalState", "classical 'int' variables"],
  uint: ["ClassicalState", "classical 'uint' variables"],
  float: ["ClassicalState", "classical 'float' variables"],
  angle: ["ClassicalState", "classical 'angle' variables"],
  bool: ["ClassicalState", "classical 'bool' variables"],
  complex: ["ClassicalState", "classical 'complex' variables"],
};

const HINTS: Readonly<Record<string, string>> = {
  For: "qfit reads circuits whose operations are fixed before the run; unroll the loop (Qiskit: export after transpiling, or write the body out)",
  While:
    "a loop that depends on measured values cannot be simulated gate by gate; qfit supports 'if' on measured bits only",
  Subroutine: "inline the subroutine, or define it as a 'gate' if it is purely quantum",
  ClassicalState: "use 'const' for numbers known before the run; bit registers hold measurement results",
  Input: "bind the parameters to numbers before exporting (Qiskit: circuit.assign_parameters(...))",
  Timing: "remove timing instructions; qfit simulates the gates, not the schedule",
  Pulse: "pulse-level programs need a pulse simulator; remove the calibrations",
  Extern: "an extern function runs outside the program; qfit cannot evaluate it",
  Output: "remove 'output'; measured bit registers are reported",
  Switch: "write one 'if (c == value)' per case",
  End: "remove 'end'; the program ends at the end of the file",
  Opaque: "OpenQASM 3 has no opaque gates; define the gate with 'gate'",
};

const CLASSICAL_TYPES = new Set(["int", "uint", "float", "angle", "bool", "bit"]);
const MODIFIERS = new Set(["ctrl", "negctrl", "inv", "pow"]);

type Callee =
  | { kind: "U" }
  | { kind: "gphase" }
  | { kind: "std"; std: StdGate }
  | { kind: "lib"; name: string }
  | { kind: "def"; def: GateDef };

type Mod = { kind: "ctrl"; neg: boolean; n: number } | { kind: "inv" } | { kind: "pow"; exp: Expr; pos: Pos };

interface Call {
  callee: Callee;
  params: Expr[];
  mods: Mod[];
  /** Inside a gate body: indices into the gate's qubit arguments. */
  args: number[];
  nameTok: Token;
}

interface GateDef {
  name: string;
  numParams: number;
  numQubits: number;
  body: Call[];
  pos: Pos;
  /** Set when the body equals this library gate exactly: the definition is applied as that gate. */
  library?: string;
  /** 1 for a body of built-in gates only; bounded by LIMITS.maxGateNesting so expansion cannot exhaust the stack. */
  nesting: number;
}

interface Ctl {
  qubit: number;
  neg: boolean;
}

type Sym =
  | { kind: "qubit"; bits: number[]; pos: Pos; register: boolean }
  | { kind: "bit"; bits: number[]; pos: Pos; register: boolean; reg?: Register }
  | { kind: "const"; value: number; pos: Pos }
  | { kind: "gate"; def: GateDef; pos: Pos };

/** An operand as written, resolved: its global indices, and whether it is one element or a register. */
interface Operand {
  bits: number[];
  single: boolean;
  tok: Token;
}

/** A condition on measured bits, as the values of a register (or one bit) that take the branch. */
interface Cond {
  register: string;
  bit?: number;
  size: number;
  values: number[];
  /** Global clbit indices the condition reads. */
  reads: number[];
}

const MAX_NESTING = 64;

/** Values a condition may enumerate (for `else`, `!=`, `<`, ...): the branch is repeated once per value. */
const MAX_CONDITION_VALUES = 64;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Parses OpenQASM 3 text, collecting diagnostics; never throws on bad input. */
export function parse3(text: string, options: ParseOptions = {}): ParseResult3 {
  return new Parser3(text, options).run();
}

class Parser3 extends TokenParser implements GateSink {
  private std = false;
  private qelib1 = false;
  private warnedMissingInclude = false;
  private sawStatement = false;
  private readonly syms = new Map<string, Sym>();
  private readonly qregs: Register[] = [];
  private readonly cregs: Register[] = [];
  private numQubits = 0;
  private numClbits = 0;
  private physical = -1;
  private physicalPos: Pos | undefined;
  private ops: Operation[] = [];
  private globalPhase = 0;
  private work = 0;
  private maxOperations: number;
  /** Depth of nested boxes and condition parentheses, bounded so hostile input cannot exhaust the stack. */
  private nesting = 0;
  /** Depth of `for` bodies being unrolled: declarations there would repeat. */
  private loops = 0;
  /** Set while reading an `if` branch: operations are collected here, then conditioned. */
  private branch: { cond: Cond; pos: Pos } | undefined;

  constructor(text: string, options: ParseOptions) {
    super(text, options, 3);
    this.maxOperations = options.maxOperations ?? LIMITS.maxOperations;
  }

  run(): ParseResult3 {
    this.parseAll(() => this.statements());
    if (this.physical >= 0) {
      this.numQubits = this.physical + 1;
      this.qregs.push({ name: this.freshName("q"), size: this.numQubits, offset: 0 });
    }
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
    return { circuit, diagnostics: this.sink.list, globalPhase: this.globalPhase };
  }

  private freshName(base: string): string {
    let name = base;
    for (let i = 0; this.syms.has(name) || this.cregs.some((r) => r.name === name); i++) name = `${base}${i}`;
    return name;
  }

  // ---- tokens (as in the 2.0 parser) -------------------------------------------------------------------------

  private isId(s: string): boolean {
    return this.tok.kind === "id" && this.tok.text === s;
  }

  private expectId(what: string): Token {
    if (this.tok.kind !== "id" || this.tok.text.startsWith("$")) this.unexpected(what);
    return this.advance();
  }

  /** After a syntax error: skip past the next ';' or a whole `{ ... }` block (and a following `else` block). */
  private sync(): void {
    while (this.tok.kind !== "eof") {
      if (this.isSymbol(";")) {
        this.advance();
        return;
      }
      if (this.isSymbol("}") && this.branch) return;
      if (this.isSymbol("{")) {
        this.skipBlock();
        if (this.isId("else")) continue;
        return;
      }
      this.advance();
    }
  }

  private fail(code: string, message: string, pos: Pos, hint?: string): never {
    this.sink.error(code, message, pos, hint);
    throw new SyntaxAbort();
  }

  // ---- statements --------------------------------------------------------------------------------------------

  private statements(): void {
    this.statementLoop(
      () => this.statement(),
      () => this.sync(),
    );
  }

  private guarded(): void {
    try {
      this.statement();
    } catch (e) {
      if (!(e instanceof SyntaxAbort)) throw e;
      this.sync();
    }
  }

  private statement(): void {
    const t = this.tok;
    const first = !this.sawStatement;
    this.sawStatement = true;
    if (t.kind === "symbol" && t.text === ";") {
      this.advance();
      return;
    }
    if (t.kind === "symbol" && t.text === "@") {
      this.skipLine("annotations", "QASM.Ignored.Annotation");
      return;
    }
    if (t.kind === "symbol" && t.text === "{") {
      this.fail(
        "QASM.Unsupported.Scope",
        "bare '{ ... }' scopes are not supported",
        posOf(t),
        "remove the braces",
      );
    }
    if (t.kind !== "id") this.unexpected("a statement");
    if (t.text.startsWith("$")) {
      this.unexpected("a statement", "a physical qubit such as '$0' is an operand: write 'x $0;'");
    }
    const unsupported = UNSUPPORTED[t.text];
    if (t.text === "for") {
      this.forLoop();
      return;
    }
    if (t.text === "box") {
      this.box();
      return;
    }
    if (unsupported) this.refuse(t, unsupported[0], unsupported[1]);
    switch (t.text) {
      case "OPENQASM":
        this.version(first);
        return;
      case "include":
        this.include();
        return;
      case "pragma":
        this.skipLine("pragmas", "QASM.Ignored.Pragma");
        return;
      case "qubit":
      case "qreg":
        this.declareQubits();
        return;
      case "bit":
      case "creg":
        this.declareBits();
        return;
      case "const":
        this.constDeclaration();
        return;
      case "let":
        this.alias();
        return;
      case "gate":
        this.gateDefinition();
        return;
      case "measure":
        this.measureArrow();
        return;
      case "reset":
        this.reset();
        return;
      case "barrier":
        this.barrier();
        return;
      case "if":
        this.conditional();
        return;
      case "else":
        this.fail("QASM.Parse.UnexpectedElse", "'else' without a preceding 'if'", posOf(t));
        break;
      default:
        break;
    }
    const sym = this.syms.get(t.text);
    if (sym?.kind === "bit") {
      this.assignment();
      return;
    }
    this.gateCall();
  }

  /**
   * `box { ... }` without a duration (Braket writes it around verbatim circuits) only groups operations, so its
   * statements are read as they are; a box with a duration is timing, refused.
   */
  private box(): void {
    const kw = this.advance();
    if (!this.isSymbol("{")) this.refuse(kw, "Timing", "'box' with a duration");
    if (this.nesting >= MAX_NESTING)
      this.sink.fatal("QASM.Limit.NestingTooDeep", `blocks nested more than ${MAX_NESTING} deep`, posOf(kw));
    this.nesting++;
    try {
      this.boxBody();
    } finally {
      this.nesting--;
    }
  }

  private boxBody(): void {
    const open = this.advance();
    while (!this.isSymbol("}")) {
      if (this.tok.kind === "eof")
        this.fail(
          "QASM.Parse.UnterminatedBlock",
          `expected '}' to close the box opened at line ${open.line}, column ${open.col} but found end of file`,
          posOf(this.tok),
        );
      this.guarded();
    }
    this.advance();
  }

  /**
   * `for [type] i in [a:b] { ... }`, `[a:s:b]` or `{v1, v2}` with constant bounds: unrolled, the body read once
   * per value with `i` bound as a constant. The body's tokens are recorded once and replayed; the work budget
   * counts every iteration, so an empty body over a huge range is stopped too.
   */
  private forLoop(): void {
    const kw = this.advance();
    if (this.tok.kind === "id" && CLASSICAL_TYPES.has(this.tok.text)) {
      this.advance();
      if (this.isSymbol("[")) this.designator();
    }
    const varTok = this.expectId("a loop variable name");
    if (!this.isId("in")) this.unexpected("'in'", "a loop is written 'for int i in [0:3] { ... }'");
    this.advance();
    const values = this.loopValues(kw);
    if (!this.isSymbol("{")) this.unexpected("'{'", "the loop body is a block: 'for int i in [0:3] { ... }'");
    const body = this.recordBlock();
    if (this.syms.has(varTok.text) || Object.hasOwn(CONSTANT_NAMES, varTok.text))
      this.fail(
        "QASM.Semantic.Redeclared",
        `loop variable '${varTok.text}' hides a name already declared`,
        posOf(varTok),
      );
    if (this.nesting >= MAX_NESTING)
      this.sink.fatal("QASM.Limit.NestingTooDeep", `loops nested more than ${MAX_NESTING} deep`, posOf(kw));
    this.nesting++;
    this.loops++;
    const saved = { lexer: this.lexer, tok: this.tok, prev: this.prev };
    try {
      for (const value of values) {
        this.charge(kw);
        const errors = this.sink.errorCount;
        this.syms.set(varTok.text, { kind: "const", value, pos: posOf(varTok) });
        let i = 0;
        this.lexer = {
          next: () => {
            this.charge(kw);
            return body[Math.min(i++, body.length - 1)];
          },
        };
        this.start();
        while (this.tok.kind !== "eof") this.guarded();
        this.syms.delete(varTok.text);
        // One report of a mistake in the body is enough.
        if (this.sink.errorCount > errors) break;
      }
    } finally {
      this.syms.delete(varTok.text);
      this.nesting--;
      this.loops--;
      this.lexer = saved.lexer;
      this.tok = saved.tok;
      this.prev = saved.prev;
    }
  }

  /** The values of a loop's range `[a:b]`, `[a:s:b]` (end included) or set `{a, b}`, all constant. */
  private loopValues(kw: Token): number[] {
    const bound = (): number => {
      const t = this.tok;
      return this.constInt(parseExpression(this), posOf(t));
    };
    if (this.isSymbol("{")) {
      this.advance();
      const out = [bound()];
      while (this.isSymbol(",")) {
        this.advance();
        out.push(bound());
      }
      this.expectSymbol("}");
      return out;
    }
    // A loop over a register or a variable runs over values known only at run time.
    if (this.tok.kind === "id") this.refuse(kw, "For", "'for' loops over run-time values");
    this.expectSymbol("[", "a loop runs over a range '[0:3]' or a set '{0, 2}'");
    const parts = [bound()];
    while (this.isSymbol(":") && parts.length < 3) {
      this.advance();
      parts.push(bound());
    }
    this.expectSymbol("]");
    if (parts.length < 2) this.unexpected("':'", "a range is written [start:end] (end included)");
    const [a, s, b] = parts.length === 3 ? parts : [parts[0], 1, parts[1]];
    if (s === 0) this.fail("QASM.Semantic.InvalidRange", "a range step cannot be 0", posOf(kw));
    const count = Math.floor((b - a) / s) + 1;
    if (count > 4 * this.maxOperations) this.tooMuchWork(posOf(kw));
    const out: number[] = [];
    for (let v = a; s > 0 ? v <= b : v >= b; v += s) out.push(v);
    return out;
  }

  /** The tokens of a `{ ... }` block, braces excluded, ending with an end-of-file token. */
  private recordBlock(): Token[] {
    const open = this.advance();
    const out: Token[] = [];
    let depth = 1;
    for (;;) {
      const t = this.tok;
      if (t.kind === "eof")
        this.fail(
          "QASM.Parse.UnterminatedBlock",
          `expected '}' to close the block opened at line ${open.line}, column ${open.col} but found end of file`,
          posOf(t),
        );
      if (t.kind === "symbol" && t.text === "{") depth++;
      if (t.kind === "symbol" && t.text === "}" && --depth === 0) {
        this.advance();
        out.push({ ...t, kind: "eof", text: "" });
        return out;
      }
      out.push(t);
      if (out.length > 4 * this.maxOperations) this.tooMuchWork(posOf(t));
      this.advance();
    }
  }

  /** Refuses a construct outside the subset; the caller's sync skips the rest of it (and its block). */
  private refuse(t: Token, code: string, what: string): never {
    this.fail(
      `QASM.Unsupported.${code}`,
      `unsupported OpenQASM 3 construct at line ${t.line}: ${what}; qfit reads the subset whose operations are fixed before the run`,
      posOf(t),
      HINTS[code],
    );
  }

  private skipLine(what: string, code: string): void {
    const t = this.tok;
    this.sink.warning(code, `${what} are ignored`, posOf(t));
    const line = t.line;
    while (this.tok.kind !== "eof" && this.tok.line === line) this.advance();
  }

  private version(first: boolean): void {
    const kw = this.advance();
    const v = this.tok;
    if (v.kind !== "int" && v.kind !== "real") this.unexpected("a version number such as '3.0'");
    this.advance();
    if (Math.floor(Number(v.text)) !== 3) {
      this.sink.fatal(
        "QASM.Version.Unsupported",
        `OpenQASM ${v.text} is not read by the OpenQASM 3 reader`,
        posOf(v),
        "files starting 'OPENQASM 2.0;' are read by the OpenQASM 2.0 parser",
      );
    }
    this.semicolon();
    if (!first && this.includeStack.length === 0) this.misplacedVersion(kw, "3.0");
  }

  private include(): void {
    const file = this.includeStatement("stdgates.inc");
    const pos = posOf(file);
    if (file.text === "stdgates.inc") {
      this.std = true;
      return;
    }
    if (file.text === "qelib1.inc") {
      this.sink.lenient(
        "QASM.Lenient.Qelib1In3",
        "'qelib1.inc' is the OpenQASM 2.0 library; read here as its gates (OpenQASM 3 uses 'stdgates.inc')",
        pos,
        'include "stdgates.inc"',
      );
      this.qelib1 = true;
      this.std = true;
      return;
    }
    this.includeFile(file.text, pos, "stdgates.inc", () => this.statements());
  }

  // ---- declarations ------------------------------------------------------------------------------------------

  private checkNewName(nameTok: Token): boolean {
    const existing = this.syms.get(nameTok.text);
    if (existing) {
      this.sink.error(
        "QASM.Semantic.Redeclared",
        `'${nameTok.text}' is already declared`,
        posOf(nameTok),
        `first declared at line ${existing.pos.line}`,
      );
      return false;
    }
    if (Object.hasOwn(CONSTANT_NAMES, nameTok.text) || nameTok.text === "U" || nameTok.text === "gphase") {
      this.sink.error("QASM.Semantic.Redeclared", `'${nameTok.text}' is built in`, posOf(nameTok));
      return false;
    }
    return true;
  }

  /** `[n]` after a type, or `q[n]` after a legacy name: an integer constant expression. */
  private designator(): { size: number; tok: Token } {
    const open = this.expectSymbol("[");
    const tok = this.tok;
    const size = this.constInt(parseExpression(this), posOf(tok));
    this.expectSymbol("]");
    if (size < 0) this.fail("QASM.Semantic.InvalidSize", `size ${size} is negative`, posOf(open));
    return { size, tok };
  }

  private constInt(e: Expr, pos: Pos): number {
    const v = evaluate(e, []);
    if (typeof v !== "number") this.fail(v.code, v.message, v.pos);
    if (!Number.isInteger(v))
      this.fail("QASM.Semantic.NotAnInteger", `expected an integer but the expression is ${v}`, pos);
    return v;
  }

  private declareQubits(): void {
    const kw = this.advance();
    let size = 1;
    let sizeTok: Token | undefined;
    let nameTok: Token;
    if (kw.text === "qreg") {
      nameTok = this.expectId("a register name");
      ({ size, tok: sizeTok } = this.designator());
    } else {
      if (this.isSymbol("[")) ({ size, tok: sizeTok } = this.designator());
      nameTok = this.expectId("a qubit register name");
    }
    this.semicolon();
    this.declaredOnly(kw);
    if (this.physical >= 0) {
      this.fail(
        "QASM.Semantic.MixedQubits",
        "declared qubits cannot be mixed with physical qubits",
        posOf(kw),
        `physical qubit $${this.physical} is used at line ${this.physicalPos?.line}; use one or the other`,
      );
    }
    if (!this.checkNewName(nameTok)) return;
    this.checkSize(size, this.numQubits, "qubits", nameTok, sizeTok ?? nameTok);
    const reg: Register = { name: nameTok.text, size, offset: this.numQubits };
    this.qregs.push(reg);
    this.numQubits += size;
    const bits = Array.from({ length: size }, (_, i) => reg.offset + i);
    this.syms.set(nameTok.text, {
      kind: "qubit",
      bits,
      pos: posOf(nameTok),
      register: kw.text === "qreg" || sizeTok !== undefined,
    });
  }

  private checkSize(size: number, before: number, what: string, nameTok: Token, at: Token): void {
    if (size > LIMITS.maxBits || before + size > LIMITS.maxBits)
      this.fail(
        "QASM.Limit.RegisterTooLarge",
        size > LIMITS.maxBits
          ? `register '${nameTok.text}' has ${size} ${what}; the limit is ${LIMITS.maxBits}`
          : `${before + size} ${what} in all registers; the limit is ${LIMITS.maxBits}`,
        posOf(at),
      );
  }

  /** Declarations belong at the top level, not inside an `if` branch. */
  private declaredOnly(kw: Token): void {
    if (this.branch || this.loops > 0) {
      const where = this.branch ? "an 'if' block" : "a 'for' loop";
      this.fail(
        "QASM.Unsupported.ScopedDeclaration",
        `'${kw.text}' declarations inside ${where} are not supported`,
        posOf(kw),
        `declare it before the '${this.branch ? "if" : "for"}'`,
      );
    }
  }

  private declareBits(): void {
    const kw = this.advance();
    let size = 1;
    let sizeTok: Token | undefined;
    let nameTok: Token;
    if (kw.text === "creg") {
      nameTok = this.expectId("a register name");
      ({ size, tok: sizeTok } = this.designator());
    } else {
      if (this.isSymbol("[")) ({ size, tok: sizeTok } = this.designator());
      nameTok = this.expectId("a bit register name");
    }
    let measureTok: Token | undefined;
    let source: Operand[] | undefined;
    if (this.isSymbol("=")) {
      this.advance();
      if (!this.isId("measure"))
        this.fail(
          "QASM.Unsupported.ClassicalState",
          "bit registers can only be initialised by 'measure'",
          posOf(this.tok),
          "bits start at 0; set them by measuring",
        );
      measureTok = this.advance();
      source = [this.operand("qubit")];
    }
    this.semicolon();
    this.declaredOnly(kw);
    if (!this.checkNewName(nameTok)) return;
    this.checkSize(size, this.numClbits, "classical bits", nameTok, sizeTok ?? nameTok);
    const reg: Register = { name: nameTok.text, size, offset: this.numClbits };
    this.cregs.push(reg);
    this.numClbits += size;
    const bits = Array.from({ length: size }, (_, i) => reg.offset + i);
    this.syms.set(nameTok.text, {
      kind: "bit",
      bits,
      pos: posOf(nameTok),
      reg,
      register: kw.text === "creg" || sizeTok !== undefined,
    });
    if (source && measureTok)
      this.measureInto(measureTok, source[0], { bits, single: sizeTok === undefined, tok: nameTok });
  }

  private constDeclaration(): void {
    const kw = this.advance();
    const typeTok = this.expectId("a type such as 'int', 'float' or 'angle'");
    if (!CLASSICAL_TYPES.has(typeTok.text))
      this.fail(
        "QASM.Unsupported.ClassicalState",
        `'const ${typeTok.text}' is not supported`,
        posOf(typeTok),
        "constants may be int, uint, float, angle, bool or bit",
      );
    if (this.isSymbol("[")) this.designator();
    const nameTok = this.expectId("a constant name");
    this.expectSymbol("=", "constants are declared 'const int n = 4;'");
    const exprTok = this.tok;
    let value: number;
    if (typeTok.text === "bool" && (this.isId("true") || this.isId("false"))) {
      value = this.advance().text === "true" ? 1 : 0;
    } else {
      const v = evaluate(parseExpression(this), []);
      if (typeof v !== "number") this.fail(v.code, v.message, v.pos);
      value = v;
    }
    this.semicolon();
    this.declaredOnly(kw);
    if ((typeTok.text === "int" || typeTok.text === "uint") && !Number.isInteger(value))
      this.fail(
        "QASM.Semantic.NotAnInteger",
        `'${nameTok.text}' is declared '${typeTok.text}' but its value is ${value}`,
        posOf(exprTok),
        "use 'const float' for a real value",
      );
    if (typeTok.text === "uint" && value < 0)
      this.fail(
        "QASM.Semantic.NotAnInteger",
        `'${nameTok.text}' is 'uint' but its value is ${value}`,
        posOf(exprTok),
      );
    if (!this.checkNewName(nameTok)) return;
    this.syms.set(nameTok.text, { kind: "const", value, pos: posOf(nameTok) });
  }

  /** `let a = q[0:2] ++ r;` */
  private alias(): void {
    const kw = this.advance();
    const nameTok = this.expectId("an alias name");
    this.expectSymbol("=");
    const first = this.tok;
    const firstSym = first.kind === "id" ? this.syms.get(first.text) : undefined;
    const kind: "qubit" | "bit" = firstSym?.kind === "bit" ? "bit" : "qubit";
    const parts = [this.operand(kind)];
    while (this.isSymbol("++")) {
      this.advance();
      parts.push(this.operand(kind));
    }
    this.semicolon();
    this.declaredOnly(kw);
    if (!this.checkNewName(nameTok)) return;
    const bits = parts.flatMap((p) => p.bits);
    if (new Set(bits).size !== bits.length)
      this.fail(
        "QASM.Semantic.DuplicateQubit",
        `alias '${nameTok.text}' names the same ${kind} twice`,
        posOf(first),
        "'++' joins registers that do not overlap",
      );
    if (kind === "qubit") this.syms.set(nameTok.text, { kind, bits, pos: posOf(nameTok), register: true });
    else this.syms.set(nameTok.text, { kind, bits, pos: posOf(nameTok), register: true });
  }

  // ---- operands ----------------------------------------------------------------------------------------------

  /** `q`, `q[i]`, `q[a:b]`, `q[a:s:b]`, `q[{i, j}]`, `$n`. */
  private operand(kind: "qubit" | "bit"): Operand {
    const tok = this.tok;
    if (tok.kind !== "id") this.unexpected(kind === "qubit" ? "a qubit operand" : "a bit operand");
    this.advance();
    if (tok.text.startsWith("$")) {
      if (kind !== "qubit")
        this.fail("QASM.Semantic.WrongRegisterType", `'${tok.text}' is a qubit, not a bit`, posOf(tok));
      return { bits: [this.physicalQubit(tok)], single: true, tok };
    }
    const sym = this.syms.get(tok.text);
    if (!sym || (sym.kind !== "qubit" && sym.kind !== "bit")) {
      const same = [...this.syms.entries()].filter(([, s]) => s.kind === kind).map(([n]) => n);
      if (this.isSymbol("[")) this.index(1); // read past it so the statement ends cleanly
      this.fail(
        sym ? "QASM.Semantic.WrongRegisterType" : "QASM.Semantic.UndeclaredRegister",
        sym
          ? `'${tok.text}' is a ${sym.kind}, not a ${kind} register`
          : `undeclared ${kind} register '${tok.text}'`,
        posOf(tok),
        sym ? undefined : (didYouMean(tok.text, same) ?? `declare it first, e.g. '${kind}[2] ${tok.text};'`),
      );
    }
    if (sym.kind !== kind)
      this.fail(
        "QASM.Semantic.WrongRegisterType",
        `'${tok.text}' is a ${sym.kind === "qubit" ? "quantum" : "classical"} register; expected a ${kind === "qubit" ? "quantum" : "classical"} register here`,
        posOf(tok),
      );
    if (!this.isSymbol("[")) {
      return { bits: sym.bits, single: !sym.register, tok };
    }
    const { indices, single } = this.index(sym.bits.length, tok.text);
    if (this.isSymbol("["))
      this.fail(
        "QASM.Unsupported.MultiIndex",
        "multi-dimensional indexing is not supported",
        posOf(this.tok),
      );
    return { bits: indices.map((i) => sym.bits[i]), single, tok };
  }

  private physicalQubit(tok: Token): number {
    const n = Number(tok.text.slice(1));
    if (this.qregs.length > 0)
      this.fail(
        "QASM.Semantic.MixedQubits",
        `physical qubit '${tok.text}' cannot be mixed with declared qubits`,
        posOf(tok),
        `'${this.qregs[0].name}' is declared; use one or the other`,
      );
    if (!Number.isSafeInteger(n) || n >= LIMITS.maxBits)
      this.fail(
        "QASM.Limit.RegisterTooLarge",
        `physical qubit ${tok.text} is past the limit of ${LIMITS.maxBits} qubits`,
        posOf(tok),
      );
    if (n > this.physical) this.physical = n;
    this.physicalPos ??= posOf(tok);
    return n;
  }

  /** `[...]` on a register of `size`: the selected indices (0-based), and whether it selects one element. */
  private index(size: number, name = "register"): { indices: number[]; single: boolean } {
    const open = this.expectSymbol("[");
    const norm = (i: number, pos: Pos): number => {
      const j = i < 0 ? size + i : i;
      if (!(j >= 0 && j < size))
        this.fail(
          "QASM.Semantic.IndexOutOfRange",
          `index ${i} is out of range for '${name}' of size ${size}`,
          pos,
          size > 0
            ? `valid indices are 0 to ${size - 1} (or -1 to -${size} from the end)`
            : `'${name}' is empty`,
        );
      return j;
    };
    if (this.isSymbol("{")) {
      this.advance();
      const indices: number[] = [];
      for (;;) {
        const t = this.tok;
        indices.push(norm(this.constInt(parseExpression(this), posOf(t)), posOf(t)));
        if (indices.length > LIMITS.maxBits)
          this.fail("QASM.Limit.RegisterTooLarge", "index set too large", posOf(t));
        if (!this.isSymbol(",")) break;
        this.advance();
      }
      this.expectSymbol("}");
      this.expectSymbol("]");
      return { indices, single: false };
    }
    const startTok = this.tok;
    const start = this.isSymbol(":") ? undefined : this.constInt(parseExpression(this), posOf(startTok));
    if (this.isSymbol("]")) {
      this.advance();
      if (start === undefined) this.unexpected("an index");
      return { indices: [norm(start, posOf(startTok))], single: true };
    }
    if (!this.isSymbol(":")) this.unexpected("']' or ':'");
    this.advance();
    const bounds: Array<number | undefined> = [start];
    const boundToks: Token[] = [startTok];
    for (;;) {
      const t = this.tok;
      boundToks.push(t);
      bounds.push(
        this.isSymbol("]") || this.isSymbol(":") ? undefined : this.constInt(parseExpression(this), posOf(t)),
      );
      if (!this.isSymbol(":") || bounds.length === 3) break;
      this.advance();
    }
    this.expectSymbol("]", "a range is written [start:end] or [start:step:end] (end included)");
    const [a, s, b] = bounds.length === 3 ? [bounds[0], bounds[1], bounds[2]] : [bounds[0], 1, bounds[1]];
    const step = s ?? 1;
    if (step === 0) this.fail("QASM.Semantic.InvalidRange", "a range step cannot be 0", posOf(open));
    const first = norm(a ?? (step > 0 ? 0 : size - 1), posOf(boundToks[0]));
    const last = norm(b ?? (step > 0 ? size - 1 : 0), posOf(boundToks[boundToks.length - 1]));
    const indices: number[] = [];
    for (let i = first; step > 0 ? i <= last : i >= last; i += step) indices.push(i);
    return { indices, single: false };
  }

  // ---- gates -------------------------------------------------------------------------------------------------

  /** `ctrl @`, `negctrl(2) @`, `inv @`, `pow(k) @`, outermost first. */
  private modifiers(): Mod[] {
    const mods: Mod[] = [];
    while (this.tok.kind === "id" && MODIFIERS.has(this.tok.text)) {
      const t = this.advance();
      if (t.text === "inv") mods.push({ kind: "inv" });
      else if (t.text === "pow") {
        this.expectSymbol("(", "'pow' takes an exponent: 'pow(2) @ x q;'");
        const exp = parseExpression(this);
        this.expectSymbol(")");
        mods.push({ kind: "pow", exp, pos: posOf(t) });
      } else {
        let n = 1;
        if (this.isSymbol("(")) {
          this.advance();
          const nt = this.tok;
          n = this.constInt(parseExpression(this), posOf(nt));
          this.expectSymbol(")");
          if (n < 1)
            this.fail(
              "QASM.Semantic.InvalidModifier",
              `'${t.text}(${n})' needs at least one control`,
              posOf(nt),
            );
          if (n > MAX_CONTROLS)
            this.fail("QASM.Limit.TooManyControls", `${n} controls; the limit is ${MAX_CONTROLS}`, posOf(nt));
        }
        mods.push({ kind: "ctrl", neg: t.text === "negctrl", n });
      }
      this.expectSymbol("@", `a gate modifier is followed by '@': '${t.text} @ x q;'`);
    }
    return mods;
  }

  private lookupGate(nameTok: Token): Callee | undefined {
    const name = nameTok.text;
    if (name === "U") return { kind: "U" };
    if (name === "gphase") return { kind: "gphase" };
    const sym = this.syms.get(name);
    if (sym?.kind === "gate") return { kind: "def", def: sym.def };
    if (name === "u" && !this.qelib1) {
      // Some exporters write the built-in U in lower case; stdgates.inc has no `u`.
      this.sink.lenient(
        "QASM.Lenient.LowercaseU",
        "'u' is not in stdgates.inc; read as the built-in 'U'",
        posOf(nameTok),
        "write 'U(θ, φ, λ)'",
      );
      return { kind: "U" };
    }
    const std = STDGATES.get(name);
    if (std) {
      if (!this.std && !this.warnedMissingInclude) {
        this.warnedMissingInclude = true;
        this.sink.lenient(
          "QASM.Lenient.MissingInclude",
          `gate '${name}' is defined in stdgates.inc, which is not included`,
          posOf(nameTok),
          "add 'include \"stdgates.inc\";' after 'OPENQASM 3.0;' (stdgates.inc is built in)",
        );
      }
      return { kind: "std", std };
    }
    if (this.qelib1 && GATES.has(name)) return { kind: "lib", name };
    const braket = BRAKET_GATES.get(name);
    if (braket) {
      this.sink.lenient(
        "QASM.Lenient.BraketGate",
        `'${name}' is an Amazon Braket built-in gate, read as the library gate '${braket.library}'`,
        posOf(nameTok),
      );
      return { kind: "std", std: braket };
    }
    const candidates = [
      ...STDGATES.keys(),
      ...[...this.syms.entries()].filter(([, s]) => s.kind === "gate").map(([n]) => n),
      "U",
      "gphase",
      "measure",
      "reset",
      "barrier",
    ];
    this.sink.error(
      "QASM.Semantic.UnknownGate",
      sym
        ? `'${name}' is a ${sym.kind === "const" ? "constant" : `${sym.kind} register`}, not a gate`
        : `unknown gate '${name}'`,
      posOf(nameTok),
      sym
        ? undefined
        : GATES.has(name)
          ? `'${name}' is in OpenQASM 2's qelib1.inc, not in stdgates.inc; define it with 'gate' (as Qiskit's exporter does)`
          : didYouMean(name, candidates),
    );
    return undefined;
  }

  private shape(callee: Callee): { numParams: number; numQubits: number; name: string } {
    switch (callee.kind) {
      case "U":
        return { numParams: 3, numQubits: 1, name: "U" };
      case "gphase":
        return { numParams: 1, numQubits: 0, name: "gphase" };
      case "std":
        return { numParams: callee.std.numParams, numQubits: callee.std.numQubits, name: callee.std.name };
      case "lib": {
        const spec = GATES.get(callee.name)!;
        return { numParams: spec.params.length, numQubits: spec.numQubits, name: callee.name };
      }
      case "def":
        return { numParams: callee.def.numParams, numQubits: callee.def.numQubits, name: callee.def.name };
    }
  }

  /** Checks parameter and qubit counts (controls included); false after reporting. */
  private checkShape(
    callee: Callee,
    mods: Mod[],
    nameTok: Token,
    numParams: number,
    numArgs: number,
  ): boolean {
    const s = this.shape(callee);
    if (numParams !== s.numParams) {
      this.sink.error(
        "QASM.Semantic.WrongParamCount",
        `gate '${s.name}' takes ${plural(s.numParams, "parameter")} but ${numParams} ${numParams === 1 ? "was" : "were"} given`,
        posOf(nameTok),
      );
      return false;
    }
    const controls = mods.reduce((n, m) => n + (m.kind === "ctrl" ? m.n : 0), 0);
    const want = s.numQubits + controls;
    if (numArgs !== want && !(callee.kind === "gphase" && controls === 0)) {
      this.sink.error(
        "QASM.Semantic.WrongArity",
        `gate '${s.name}'${controls > 0 ? ` with ${plural(controls, "control")}` : ""} acts on ${plural(want, "qubit")} but ${numArgs} ${numArgs === 1 ? "was" : "were"} given`,
        posOf(nameTok),
      );
      return false;
    }
    return true;
  }

  // ExprHost: consts in scope.
  constant(name: string): number | undefined {
    const s = this.syms.get(name);
    return s?.kind === "const" ? s.value : undefined;
  }

  constantNames(): string[] {
    return [...this.syms.entries()].filter(([, s]) => s.kind === "const").map(([n]) => n);
  }

  /** A gate application at top level or in an `if` branch. */
  private gateCall(): void {
    const mods = this.modifiers();
    const nameTok = this.tok;
    if (nameTok.kind !== "id" || nameTok.text.startsWith("$")) this.unexpected("a gate name");
    if (mods.length > 0 && ["measure", "reset", "barrier"].includes(nameTok.text))
      this.unexpected("a gate name", "modifiers apply to gates only");
    this.advance();
    if (this.isSymbol("[")) {
      this.fail(
        "QASM.Unsupported.Timing",
        "gate durations ('name[100ns]') are not supported",
        posOf(this.tok),
        HINTS.Timing,
      );
    }
    if (this.isSymbol("=")) {
      this.fail(
        "QASM.Semantic.UndeclaredRegister",
        `undeclared classical register '${nameTok.text}'`,
        posOf(nameTok),
        `declare it first, e.g. 'bit[2] ${nameTok.text};'`,
      );
    }
    const paramExprs = this.isSymbol("(") ? this.expressionList() : [];
    const operands: Operand[] = [];
    if (!this.isSymbol(";")) {
      for (;;) {
        operands.push(this.operand("qubit"));
        if (!this.isSymbol(",")) break;
        this.advance();
      }
    }
    this.semicolon("',' or ");
    const callee = this.lookupGate(nameTok);
    if (!callee || !this.checkShape(callee, mods, nameTok, paramExprs.length, operands.length)) return;
    const params: number[] = [];
    for (const e of paramExprs) {
      const v = evaluate(e, []);
      if (typeof v !== "number") this.fail(v.code, v.message, v.pos);
      params.push(v);
    }
    const { ctrls, power } = this.evalMods(mods, [], nameTok);
    const n = this.broadcast(operands);
    for (let i = 0; i < n; i++) {
      const qubits = operands.map((o) => (o.single ? o.bits[0] : o.bits[i]));
      if (new Set(qubits).size !== qubits.length) {
        const dup = qubits.find((q, j) => qubits.indexOf(q) !== j)!;
        this.fail(
          "QASM.Semantic.DuplicateQubit",
          `qubit ${this.qubitLabel(dup)} is used more than once in '${nameTok.text}'`,
          posOf(operands[qubits.lastIndexOf(dup)].tok),
          "the qubits of one gate (controls included) must be distinct",
        );
      }
      const c: Ctl[] = ctrls.map((neg, j) => ({ qubit: qubits[j], neg }));
      this.expand(callee, params, qubits.slice(ctrls.length), c, power, nameTok);
    }
  }

  /** The modifiers' controls (true = negative) and power, evaluated with the enclosing gate's parameters. */
  private evalMods(mods: Mod[], params: number[], site: Token): { ctrls: boolean[]; power: number } {
    const ctrls: boolean[] = [];
    let power = 1;
    for (const m of mods) {
      if (m.kind === "ctrl") for (let i = 0; i < m.n; i++) ctrls.push(m.neg);
      else if (m.kind === "inv") power = -power;
      else {
        const v = evaluate(m.exp, params);
        if (typeof v !== "number") this.fail(v.code, v.message, v.pos);
        if (!Number.isInteger(v))
          this.fail(
            "QASM.Unsupported.FractionalPower",
            `'pow(${v})': only integer powers are supported`,
            m.pos,
            "for square roots use the named gates: sx for pow(1/2) @ x, s for pow(1/2) @ z, t for pow(1/2) @ s",
          );
        power *= v;
        if (!Number.isSafeInteger(power)) this.tooMuchWork(posOf(site));
      }
    }
    return { ctrls, power };
  }

  /** How many times a statement repeats over register operands (all registers must have the same size). */
  private broadcast(operands: Operand[]): number {
    let n: number | undefined;
    let first: Operand | undefined;
    for (const o of operands) {
      if (o.single) continue;
      if (n === undefined) {
        n = o.bits.length;
        first = o;
      } else if (o.bits.length !== n)
        this.fail(
          "QASM.Semantic.BroadcastSizeMismatch",
          `'${o.tok.text}' has ${plural(o.bits.length, "element")} but '${first!.tok.text}' has ${n}`,
          posOf(o.tok),
          "registers used whole in one statement must have the same size",
        );
    }
    return n ?? 1;
  }

  private qubitLabel(q: number): string {
    if (this.physical >= 0) return `$${q}`;
    for (const r of this.qregs)
      if (q >= r.offset && q < r.offset + r.size) return `${r.name}[${q - r.offset}]`;
    return String(q);
  }

  /** Expands one application into library gates (through `this` as the GateSink). */
  private expand(
    callee: Callee,
    params: number[],
    qubits: number[],
    ctrls: Ctl[],
    power: number,
    site: Token,
  ): void {
    this.charge(site);
    const negs = ctrls.filter((c) => c.neg).map((c) => c.qubit);
    for (const q of negs) this.gate("x", [q], []);
    const controls = ctrls.map((c) => c.qubit);
    const times = Math.abs(power);
    const inverse = power < 0;
    for (let r = 0; r < times; r++) {
      this.charge(site);
      switch (callee.kind) {
        case "gphase":
          controlledPhase(this, inverse ? -params[0] : params[0], controls);
          break;
        case "U": {
          const [t, p, l] = params;
          controlledGate(this, "u", inverse ? [-t, -l, -p] : [t, p, l], qubits, controls);
          break;
        }
        case "std":
        case "lib": {
          const lib = callee.kind === "std" ? callee.std.library : callee.name;
          const phase = callee.kind === "std" ? (callee.std.phase?.(params) ?? 0) : 0;
          controlledPhase(this, inverse ? -phase : phase, controls);
          this.library(lib, params, qubits, controls, inverse);
          break;
        }
        case "def": {
          const def = callee.def;
          if (def.library) {
            this.library(def.library, params, qubits, controls, inverse);
            break;
          }
          const body = inverse ? [...def.body].reverse() : def.body;
          for (const call of body) {
            const values: number[] = [];
            for (const e of call.params) {
              const v = evaluate(e, params);
              if (typeof v !== "number")
                this.fail(
                  v.code,
                  `${v.message} (in gate '${def.name}' applied at line ${site.line}, column ${site.col})`,
                  v.pos,
                );
              values.push(v);
            }
            const m = this.evalMods(call.mods, params, site);
            const mapped = call.args.map((j) => qubits[j]);
            const inner: Ctl[] = m.ctrls.map((neg, j) => ({ qubit: mapped[j], neg }));
            const outer: Ctl[] = controls.map((qubit) => ({ qubit, neg: false }));
            this.expand(
              call.callee,
              values,
              mapped.slice(m.ctrls.length),
              [...outer, ...inner],
              inverse ? -m.power : m.power,
              site,
            );
          }
          break;
        }
      }
    }
    for (const q of negs) this.gate("x", [q], []);
  }

  private library(
    name: string,
    params: number[],
    qubits: number[],
    controls: number[],
    inverse: boolean,
  ): void {
    if (!inverse) {
      controlledGate(this, name, params, qubits, controls);
      return;
    }
    // gates.ts inverseGate is exact, global phase included.
    for (const step of inverseGate(name, params))
      controlledGate(this, step.name, step.params, qubits, controls);
  }

  private charge(site: Token): void {
    if (++this.work > 4 * this.maxOperations) this.tooMuchWork(posOf(site));
  }

  private tooMuchWork(pos: Pos): never {
    this.sink.fatal(
      "QASM.Limit.TooManyOperations",
      `the circuit expands to more than ${this.maxOperations} operations`,
      pos,
      "nested gate definitions, loops, modifiers and powers multiply; reduce the circuit or split it",
    );
  }

  // GateSink: where expansions land.
  gate(name: string, qubits: number[], params: number[]): void {
    this.pushOp({ kind: "gate", name, qubits, params });
  }

  phase(angle: number): void {
    if (!this.branch) this.globalPhase += angle;
  }

  private pushOp(op: Operation): void {
    if (this.ops.length >= this.maxOperations) this.tooMuchWork(posOf(this.prev));
    this.ops.push(op);
  }

  // ---- gate definitions --------------------------------------------------------------------------------------

  private gateDefinition(): void {
    const kw = this.advance();
    this.declaredOnly(kw);
    const nameTok = this.expectId("a gate name");
    const paramToks: Token[] = [];
    if (this.isSymbol("(")) {
      this.advance();
      if (!this.isSymbol(")"))
        for (;;) {
          paramToks.push(this.expectId("a parameter name"));
          if (!this.isSymbol(",")) break;
          this.advance();
        }
      this.expectSymbol(")");
    }
    const qubitToks: Token[] = [];
    while (!this.isSymbol("{")) {
      qubitToks.push(this.expectId("a qubit argument name"));
      if (!this.isSymbol(",")) break;
      this.advance();
    }
    const open = this.expectSymbol("{", "a gate definition is 'gate name(params) a, b { ... }'");
    const params = this.scope(paramToks, "parameter");
    const qubits = this.scope(qubitToks, "qubit argument");
    const def: GateDef = {
      name: nameTok.text,
      numParams: paramToks.length,
      numQubits: qubitToks.length,
      body: [],
      pos: posOf(kw),
      nesting: 1,
    };
    this.params = params;
    try {
      this.gateBody(def, qubits, open);
    } finally {
      this.params = new Map();
    }
    if (nameTok.text === "U" || nameTok.text === "gphase") {
      this.sink.error(
        "QASM.Semantic.Redeclared",
        `'${nameTok.text}' is built in and cannot be redefined`,
        posOf(nameTok),
      );
      return;
    }
    if (STDGATES.has(nameTok.text) && this.std && !this.syms.has(nameTok.text))
      this.sink.lenient(
        "QASM.Lenient.RedefinedLibraryGate",
        `gate '${nameTok.text}' redefines the stdgates.inc gate of that name; this definition is used from here on`,
        posOf(nameTok),
      );
    if (def.nesting > LIMITS.maxGateNesting) {
      this.sink.error(
        "QASM.Limit.GateNestingTooDeep",
        `gate '${def.name}' nests gate definitions ${def.nesting} deep; the limit is ${LIMITS.maxGateNesting}`,
        posOf(nameTok),
      );
      return;
    }
    if (!this.checkNewName(nameTok)) return;
    def.library = this.sameAsLibrary(def);
    this.syms.set(nameTok.text, { kind: "gate", def, pos: posOf(nameTok) });
  }

  private scope(names: Token[], what: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const t of names) {
      if (m.has(t.text) || Object.hasOwn(CONSTANT_NAMES, t.text))
        this.sink.error(
          "QASM.Semantic.Redeclared",
          Object.hasOwn(CONSTANT_NAMES, t.text)
            ? `'${t.text}' is a built-in constant and cannot be a ${what} name`
            : `${what} '${t.text}' is declared twice`,
          posOf(t),
        );
      else m.set(t.text, m.size);
    }
    return m;
  }

  private gateBody(def: GateDef, qubits: Map<string, number>, open: Token): void {
    this.gateBodyLoop(
      def.name,
      open,
      (t) => t.text === "gate" || t.text === "qubit" || t.text === "OPENQASM",
      () => this.bodyStatement(def, qubits),
    );
  }

  private bodyStatement(def: GateDef, qubits: Map<string, number>): void {
    const t = this.tok;
    if (t.kind === "symbol" && t.text === ";") {
      this.advance();
      return;
    }
    if (t.kind !== "id") this.unexpected("a gate application or '}'");
    if (
      ["measure", "reset", "if", "bit", "qubit", "const", "let", "for", "while"].includes(t.text) ||
      UNSUPPORTED[t.text]
    )
      this.fail(
        "QASM.Parse.NotAllowedInGate",
        `'${t.text}' is not allowed inside a gate definition`,
        posOf(t),
        "gate bodies may only apply gates (with modifiers), gphase and barriers",
      );
    if (t.text === "barrier") {
      // A barrier inside a gate is a scheduling hint; it has no effect on the gate's matrix.
      this.advance();
      while (!this.isSymbol(";") && this.tok.kind !== "eof" && !this.isSymbol("}")) this.advance();
      this.semicolon();
      return;
    }
    const mods = this.modifiers();
    const nameTok = this.expectId("a gate name");
    const params = this.isSymbol("(") ? this.expressionList() : [];
    const argToks: Token[] = [];
    if (!this.isSymbol(";")) {
      for (;;) {
        argToks.push(this.expectId("a qubit argument"));
        if (this.isSymbol("["))
          this.fail(
            "QASM.Parse.IndexInGateBody",
            "qubit arguments cannot be indexed inside a gate body",
            posOf(this.tok),
            "inside a gate, use the argument names from the gate's declaration",
          );
        if (!this.isSymbol(",")) break;
        this.advance();
      }
    }
    this.semicolon("',' or ");
    const args: number[] = [];
    for (const a of argToks) {
      const i = qubits.get(a.text);
      if (i === undefined)
        this.fail(
          "QASM.Semantic.UnknownArgument",
          `'${a.text}' is not a qubit argument of gate '${def.name}'`,
          posOf(a),
          didYouMean(a.text, qubits.keys()) ?? `the arguments are ${[...qubits.keys()].join(", ")}`,
        );
      args.push(i);
    }
    if (nameTok.text === def.name)
      this.fail("QASM.Semantic.RecursiveGate", `gate '${def.name}' cannot apply itself`, posOf(nameTok));
    const callee = this.lookupGate(nameTok);
    if (!callee || !this.checkShape(callee, mods, nameTok, params.length, args.length)) return;
    if (new Set(args).size !== args.length)
      this.fail(
        "QASM.Semantic.DuplicateQubit",
        `a qubit argument is used more than once in '${nameTok.text}'`,
        posOf(nameTok),
        "the qubits of one gate must be distinct",
      );
    if (callee.kind === "def") def.nesting = Math.max(def.nesting, callee.def.nesting + 1);
    def.body.push({ callee, params, mods, args, nameTok });
  }

  /** The library gate this definition equals exactly (same name, shape and matrix at two parameter points). */
  private sameAsLibrary(def: GateDef): string | undefined {
    const spec = GATES.get(def.name);
    if (
      !spec ||
      STDGATES.has(def.name) ||
      spec.numQubits !== def.numQubits ||
      spec.params.length !== def.numParams
    )
      return undefined;
    if (def.numQubits > 5) return undefined;
    const saved = {
      ops: this.ops,
      phase: this.globalPhase,
      work: this.work,
      max: this.maxOperations,
      diagnostics: this.sink.list.length,
      errors: this.sink.errorCount,
    };
    try {
      for (const seed of [0.3, -1.1]) {
        const params = spec.params.map((_, i) => seed * (i + 1.7));
        this.ops = [];
        this.globalPhase = 0;
        this.maxOperations = 1000;
        const site = def.body[0]?.nameTok ?? this.prev;
        this.expand(
          { kind: "def", def },
          params,
          Array.from({ length: def.numQubits }, (_, i) => i),
          [],
          1,
          site,
        );
        let u = identity(1 << def.numQubits);
        for (const op of this.ops)
          if (op.kind === "gate")
            u = matmul(embed(GATES.get(op.name)!.matrix(op.params), op.qubits, def.numQubits), u);
        if (maxDistance(scale(u, expi(this.globalPhase)), spec.matrix(params)) > 1e-9) return undefined;
      }
      return def.name;
    } catch (e) {
      // Evaluation problems surface when the gate is applied; the probe only decides the representation.
      if (e instanceof SyntaxAbort || e instanceof FatalAbort) return undefined;
      throw e;
    } finally {
      this.ops = saved.ops;
      this.globalPhase = saved.phase;
      this.work = saved.work;
      this.maxOperations = saved.max;
      this.sink.list.length = saved.diagnostics;
      this.sink.errorCount = saved.errors;
    }
  }

  // ---- non-unitary operations --------------------------------------------------------------------------------

  /** `c = measure q;` / `c[0] = measure q[0];` */
  private assignment(): void {
    const target = this.operand("bit");
    if (!this.isSymbol("="))
      this.unexpected(
        "'='",
        `'${target.tok.text}' is a bit register: measure into it with '${target.tok.text} = measure q;'`,
      );
    const eq = this.advance();
    if (!this.isId("measure"))
      this.fail(
        "QASM.Unsupported.ClassicalState",
        "assigning classical values to bits is not supported; bits are set by 'measure'",
        posOf(this.tok.kind === "eof" ? eq : this.tok),
        HINTS.ClassicalState,
      );
    const kw = this.advance();
    const source = this.operand("qubit");
    this.semicolon();
    this.measureInto(kw, source, target);
  }

  /** `measure q -> c;` (the OpenQASM 2 form, still valid in 3). */
  private measureArrow(): void {
    const kw = this.advance();
    const source = this.operand("qubit");
    if (this.isSymbol(";"))
      this.fail(
        "QASM.Unsupported.DiscardedMeasure",
        "a measurement whose result is not stored is not supported",
        posOf(kw),
        "store the result: 'c[0] = measure q[0];' or 'measure q[0] -> c[0];'",
      );
    this.expectSymbol("->", "measurements are written 'c[0] = measure q[0];' or 'measure q[0] -> c[0];'");
    const target = this.operand("bit");
    this.semicolon();
    this.measureInto(kw, source, target);
  }

  private measureInto(kw: Token, q: Operand, c: Operand): void {
    if (q.bits.length !== c.bits.length)
      this.fail(
        "QASM.Semantic.BroadcastSizeMismatch",
        `cannot measure ${q.bits.length === 1 ? "one qubit" : `${q.bits.length} qubits`} ('${q.tok.text}') into ${c.bits.length === 1 ? "one bit" : `${c.bits.length} bits`} ('${c.tok.text}')`,
        posOf(c.tok),
      );
    for (let i = 0; i < q.bits.length; i++)
      this.pushOp({ kind: "measure", qubit: q.bits[i], clbit: c.bits[i] });
    void kw;
  }

  private reset(): void {
    this.advance();
    const q = this.operand("qubit");
    this.semicolon();
    for (const qubit of q.bits) this.pushOp({ kind: "reset", qubit });
  }

  private barrier(): void {
    const kw = this.advance();
    let qubits: number[];
    if (this.isSymbol(";")) {
      this.advance();
      qubits = Array.from({ length: this.physical >= 0 ? this.physical + 1 : this.numQubits }, (_, i) => i);
    } else {
      const ops: Operand[] = [];
      for (;;) {
        ops.push(this.operand("qubit"));
        if (!this.isSymbol(",")) break;
        this.advance();
      }
      this.semicolon("',' or ");
      qubits = [...new Set(ops.flatMap((o) => o.bits))];
    }
    void kw;
    if (qubits.length > 0) this.pushOp({ kind: "barrier", qubits });
  }

  // ---- if ----------------------------------------------------------------------------------------------------

  private conditional(): void {
    const kw = this.advance();
    if (this.branch)
      this.fail(
        "QASM.Unsupported.NestedIf",
        "an 'if' inside an 'if' branch is not supported",
        posOf(kw),
        "combine the conditions into one register comparison, or unnest the branches",
      );
    this.expectSymbol("(");
    const cond = this.condition();
    this.expectSymbol(")");
    const thenOps = this.branchBody(cond, kw);
    let elseOps: Operation[] | undefined;
    let elseCond: Cond | undefined;
    if (this.isId("else")) {
      const elseTok = this.advance();
      if (this.isId("if"))
        this.fail(
          "QASM.Unsupported.NestedIf",
          "'else if' is not supported",
          posOf(elseTok),
          "write separate 'if' statements on the register value",
        );
      elseCond = this.complement(cond, elseTok);
      elseOps = this.branchBody(elseCond, elseTok);
    }
    this.emitBranch(cond, thenOps, kw, elseOps !== undefined);
    if (elseOps && elseCond) this.emitBranch(elseCond, elseOps, kw, false);
  }

  /** Reads `{ ... }` or one statement, collecting its operations unconditioned. */
  private branchBody(cond: Cond, kw: Token): Operation[] {
    const saved = this.ops;
    this.ops = [];
    this.branch = { cond, pos: posOf(kw) };
    try {
      if (this.isSymbol("{")) {
        const open = this.advance();
        while (!this.isSymbol("}")) {
          if (this.tok.kind === "eof")
            this.fail(
              "QASM.Parse.UnterminatedBlock",
              `expected '}' to close the block opened at line ${open.line}, column ${open.col} but found end of file`,
              posOf(this.tok),
            );
          this.guarded();
        }
        this.advance();
      } else {
        this.statement();
      }
      return this.ops;
    } finally {
      const collected = this.ops;
      this.ops = saved;
      this.branch = undefined;
      // Keep the operation budget honest: collected operations count once they are emitted.
      void collected;
    }
  }

  /**
   * Emits a branch once per value that takes it. Each operation is conditioned separately, so the condition is
   * read again before each one: refused when a measurement in the branch writes a bit the condition reads and
   * anything (a later operation, another value, the else branch) would read it after that.
   */
  private emitBranch(cond: Cond, ops: Operation[], kw: Token, more: boolean): void {
    const reads = new Set(cond.reads);
    const last = ops.length - 1;
    ops.forEach((op, i) => {
      if (op.kind === "measure" && reads.has(op.clbit) && (i < last || more || cond.values.length > 1))
        this.fail(
          "QASM.Unsupported.BranchWritesCondition",
          "a branch that measures into the bits its own condition reads, then does more, is not supported",
          posOf(kw),
          "measure into another bit register inside the branch",
        );
    });
    for (const value of cond.values)
      for (const op of ops) {
        if (op.kind === "barrier") {
          this.pushOp({ ...op, qubits: [...op.qubits] });
          continue;
        }
        const c: Condition = { register: cond.register, value };
        if (cond.bit !== undefined) c.bit = cond.bit;
        if (op.kind === "gate")
          this.pushOp({ ...op, qubits: [...op.qubits], params: [...op.params], condition: c });
        else this.pushOp({ ...op, condition: c });
      }
  }

  /**
   * `c[i]`, `!c[i]`, `c[i] == 1`, `c == 5`, `c != 0`, `c >= 2`, `5 == c`, `c` (a whole register: non-zero),
   * each possibly in parentheses.
   */
  private condition(): Cond {
    if (this.nesting >= MAX_NESTING)
      this.sink.fatal(
        "QASM.Limit.NestingTooDeep",
        `condition nested more than ${MAX_NESTING} deep`,
        posOf(this.tok),
      );
    this.nesting++;
    try {
      return this.conditionTerm();
    } finally {
      this.nesting--;
    }
  }

  private conditionTerm(): Cond {
    if (this.isSymbol("(")) {
      this.advance();
      const c = this.condition();
      this.expectSymbol(")");
      return c;
    }
    if (this.isSymbol("!")) {
      const bang = this.advance();
      return this.complement(this.condition(), bang);
    }
    if (this.tok.kind === "int" || this.isId("true") || this.isId("false")) {
      const valTok = this.advance();
      const op = this.comparison();
      const ref = this.bitsRef();
      const flipped: Record<string, string> = {
        "<": ">",
        ">": "<",
        "<=": ">=",
        ">=": "<=",
        "==": "==",
        "!=": "!=",
      };
      return this.compare(ref, flipped[op.text], valTok, op);
    }
    const ref = this.bitsRef();
    const cmp = ["==", "!=", "<", ">", "<=", ">="];
    if (this.tok.kind === "symbol" && cmp.includes(this.tok.text)) {
      const op = this.advance();
      const valTok = this.tok;
      if (valTok.kind !== "int" && !this.isId("true") && !this.isId("false"))
        this.unexpected("an integer or 'true'/'false'");
      this.advance();
      return this.compare(ref, op.text, valTok, op);
    }
    if (this.tok.kind === "symbol" && (this.tok.text === "&&" || this.tok.text === "||"))
      this.fail(
        "QASM.Unsupported.CompoundCondition",
        `'${this.tok.text}' in a condition is not supported`,
        posOf(this.tok),
        "compare one register (or one bit) with a value",
      );
    // A bare bit is true when set; a bare register when non-zero.
    return this.compare(ref, "!=", { ...ref.tok, kind: "int", text: "0" }, ref.tok);
  }

  private comparison(): Token {
    if (this.tok.kind === "symbol" && ["==", "!=", "<", ">", "<=", ">="].includes(this.tok.text))
      return this.advance();
    this.unexpected("a comparison such as '=='");
  }

  /** A bit register, an alias of one, or one bit of it. */
  private bitsRef(): { register: string; bit?: number; size: number; reads: number[]; tok: Token } {
    const tok = this.tok;
    const o = this.operand("bit");
    const name = tok.text;
    const sym = this.syms.get(name);
    if (sym?.kind !== "bit")
      this.fail("QASM.Semantic.WrongRegisterType", `'${name}' is not a bit register`, posOf(tok));
    const reg = o.single
      ? undefined
      : o.bits === sym.bits && sym.reg
        ? sym.reg
        : this.cregs.find((r) => r.size === o.bits.length && o.bits.every((b, i) => b === r.offset + i));
    if (reg) return { register: reg.name, size: reg.size, reads: [...o.bits], tok };
    if (o.bits.length === 1) {
      // One bit: a condition on that bit of its declared register.
      const g = o.bits[0];
      const owner = this.cregs.find((r) => g >= r.offset && g < r.offset + r.size)!;
      if (owner.size === 1) return { register: owner.name, size: 1, reads: [g], tok };
      return { register: owner.name, bit: g - owner.offset, size: 1, reads: [g], tok };
    }
    this.fail(
      "QASM.Unsupported.ConditionOnSlice",
      `a condition on part of a register ('${name}[...]') is not supported`,
      posOf(tok),
      "compare a whole bit register, or one bit",
    );
  }

  private compare(
    ref: { register: string; bit?: number; size: number; reads: number[] },
    op: string,
    valTok: Token,
    opTok: Token,
  ): Cond {
    const value = valTok.text === "true" ? 1 : valTok.text === "false" ? 0 : Number(numberText(valTok));
    const max = ref.size >= 53 ? Number.MAX_SAFE_INTEGER : 2 ** ref.size - 1;
    if (!Number.isSafeInteger(value) || value > max)
      this.fail(
        "QASM.Semantic.ConditionOutOfRange",
        `value ${valTok.text} does not fit in the ${ref.size}-bit register '${ref.register}'`,
        posOf(valTok),
        ref.size < 53 ? `the largest value is ${max}` : undefined,
      );
    const base = {
      register: ref.register,
      size: ref.size,
      reads: ref.reads,
      ...(ref.bit !== undefined ? { bit: ref.bit } : {}),
    };
    if (op === "==") return { ...base, values: [value] };
    const test: Record<string, (v: number) => boolean> = {
      "!=": (v) => v !== value,
      "<": (v) => v < value,
      ">": (v) => v > value,
      "<=": (v) => v <= value,
      ">=": (v) => v >= value,
    };
    return { ...base, values: this.enumerate(ref.size, test[op], opTok) };
  }

  private enumerate(size: number, keep: (v: number) => boolean, at: Token): number[] {
    if (size > 6)
      this.fail(
        "QASM.Unsupported.WideCondition",
        `this condition on a ${size}-bit register takes more than ${MAX_CONDITION_VALUES} values`,
        posOf(at),
        "compare with '==' (one value), or condition on fewer bits",
      );
    const out: number[] = [];
    for (let v = 0; v < 2 ** size; v++) if (keep(v)) out.push(v);
    return out;
  }

  private complement(cond: Cond, at: Token): Cond {
    const taken = new Set(cond.values);
    return { ...cond, values: this.enumerate(cond.size, (v) => !taken.has(v), at) };
  }
}

const CONSTANT_NAMES: Readonly<Record<string, true>> = {
  pi: true,
  π: true,
  tau: true,
  τ: true,
  euler: true,
  ℇ: true,
};
