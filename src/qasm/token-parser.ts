// What both OpenQASM parsers (2.0: parser.ts, 3: parser3.ts) do with tokens: the cursor over the lexer, the
// "expected X but found Y" errors, the forgiving statement-ending ';', the statement and gate-body loops with their
// recovery after a syntax error, and reading an included file in place.

import { LIMITS } from "./budget.js";
import { DiagnosticSink, FatalAbort, type Pos, SyntaxAbort } from "./diagnostics.js";
import { type Expr, type ExprHost, parseExpression } from "./expr.js";
import { type Dialect, describeToken, Lexer, posOf, type Token } from "./lexer.js";

/** How a reader reads: shared by the OpenQASM 2 and 3 readers. */
export interface ParseOptions {
  /** Shown in diagnostics; absent for anonymous input. */
  filename?: string;
  /** Follow the OpenQASM 2.0 spec exactly: what lenient mode warns about becomes an error. */
  strict?: boolean;
  /** Returns the text of an included file other than qelib1.inc, or undefined when it does not exist. */
  resolveInclude?: (path: string) => string | undefined;
  /** Stop with `QASM.Limit.TooManyOperations` past this many operations (default `LIMITS.maxOperations`). */
  maxOperations?: number;
}

/** Includes nested deeper than this are refused (a cycle is caught before); defined with the other budgets. */
export const MAX_INCLUDE_DEPTH = LIMITS.maxIncludeDepth;

export abstract class TokenParser implements ExprHost {
  readonly sink: DiagnosticSink;
  tok: Token;
  /** Gate parameters in scope (name → index), for the expression parser; empty at top level. */
  params: ReadonlyMap<string, number> = new Map();
  protected prev: Token;
  protected lexer: { next(): Token };
  protected readonly includeStack: string[] = [];

  constructor(
    text: string,
    protected readonly options: ParseOptions,
    readonly dialect: Dialect,
  ) {
    this.sink = new DiagnosticSink(options.strict ?? false);
    this.lexer = new Lexer(text, this.sink, options.filename, dialect);
    this.tok = { kind: "eof", text: "", line: 1, col: 1, endCol: 1 };
    this.prev = this.tok;
  }

  /** Reads the first token; call before parsing. */
  protected start(): void {
    this.tok = this.lexer.next();
    this.prev = this.tok;
  }

  /** Parses the whole text with `statements`, stopping quietly at a fatal error (already reported). */
  protected parseAll(statements: () => void): void {
    try {
      this.start();
      statements();
    } catch (e) {
      if (!(e instanceof FatalAbort)) throw e;
    }
  }

  advance(): Token {
    const t = this.tok;
    this.prev = t;
    this.tok = this.lexer.next();
    return t;
  }

  protected isSymbol(s: string): boolean {
    return this.tok.kind === "symbol" && this.tok.text === s;
  }

  protected atEof(): boolean {
    return this.tok.kind === "eof";
  }

  protected unexpected(expected: string, hint?: string): never {
    this.sink.error(
      "QASM.Parse.UnexpectedToken",
      `expected ${expected} but found ${describeToken(this.tok)}`,
      posOf(this.tok),
      hint,
    );
    throw new SyntaxAbort();
  }

  /**
   * Comma-separated `item`s up to (not including) one of `closers`. A comma right before a closer is a trailing
   * comma: where the dialect tolerates one (`trailingComma` defined: OpenQASM 2, leniently) it is reported and the
   * list ends; otherwise the next item is expected and its absence is the syntax error.
   */
  protected commaList<T>(item: () => T, closers: readonly string[]): T[] {
    const list: T[] = [];
    for (;;) {
      list.push(item());
      if (!this.isSymbol(",")) return list;
      const comma = this.advance();
      if (this.trailingComma && closers.some((c) => this.isSymbol(c))) {
        this.trailingComma(comma);
        return list;
      }
    }
  }

  /** Reports a tolerated trailing comma; left undefined by a dialect that has none. */
  protected trailingComma?(comma: Token): void;

  /** `(e1, e2, ...)`, the current token being '('. */
  protected expressionList(): Expr[] {
    this.advance();
    const list = this.isSymbol(")") ? [] : this.commaList(() => parseExpression(this), [")"]);
    if (!this.isSymbol(")")) this.unexpected("',' or ')'");
    this.advance();
    return list;
  }

  protected expectSymbol(s: string, hint?: string): Token {
    if (!this.isSymbol(s)) this.unexpected(`'${s}'`, hint);
    return this.advance();
  }

  /**
   * A statement's closing ';'. When the next token starts a new line the ';' was most likely forgotten: report it
   * just after the previous token and carry on, so one slip gives one diagnostic.
   */
  protected semicolon(alternatives = ""): void {
    if (this.isSymbol(";")) {
      this.advance();
      return;
    }
    const msg = `expected ${alternatives}';' but found ${describeToken(this.tok)}`;
    if (this.tok.kind === "eof" || this.tok.line > this.prev.line) {
      const p = posOf(this.prev);
      this.sink.error("QASM.Parse.MissingSemicolon", msg, { ...p, col: this.prev.endCol });
      return;
    }
    this.sink.error("QASM.Parse.MissingSemicolon", msg, posOf(this.tok));
    throw new SyntaxAbort();
  }

  /**
   * The statement loop of a program (or an included file): each statement by `statement`; after a syntax error
   * (already reported), `sync` skips to where the next statement can start, so one slip gives one diagnostic.
   */
  protected statementLoop(statement: () => void, sync: () => void): void {
    while (this.tok.kind !== "eof") {
      try {
        statement();
      } catch (e) {
        if (!(e instanceof SyntaxAbort)) throw e;
        sync();
      }
    }
  }

  /** Skips a whole `{ ... }` block (nested ones included) with the cursor on its '{'. */
  protected skipBlock(): void {
    let depth = 0;
    while (this.tok.kind !== "eof") {
      if (this.isSymbol("{")) depth++;
      if (this.isSymbol("}") && --depth === 0) {
        this.advance();
        return;
      }
      this.advance();
    }
  }

  /**
   * The statements of gate `name`'s body, with the cursor after its '{' (`open`), up to and past the closing '}'.
   * A body that reaches the end of the text or a top-level declaration (`isTopLevel`) is reported as unterminated;
   * after a syntax error in a statement, the rest of it is skipped (past the next ';', stopping before '}' or a
   * top-level declaration).
   */
  protected gateBodyLoop(
    name: string,
    open: Token,
    isTopLevel: (t: Token) => boolean,
    statement: () => void,
  ): void {
    for (;;) {
      const t = this.tok;
      if (t.kind === "symbol" && t.text === "}") {
        this.advance();
        return;
      }
      if (t.kind === "eof" || (t.kind === "id" && isTopLevel(t))) {
        this.sink.error(
          "QASM.Parse.UnterminatedGateBody",
          `expected '}' to close the body of gate '${name}' (opened at line ${open.line}, column ${open.col}) but found ${describeToken(t)}`,
          posOf(t),
        );
        return;
      }
      try {
        statement();
      } catch (e) {
        if (!(e instanceof SyntaxAbort)) throw e;
        while (this.tok.kind !== "eof" && !this.isSymbol("}")) {
          if (this.tok.kind === "id" && isTopLevel(this.tok)) break;
          if (this.advance().text === ";") break;
        }
      }
    }
  }

  /** `include "file";` with the cursor on `include`: the file-name token. */
  protected includeStatement(example: string): Token {
    this.advance();
    const file = this.tok;
    if (file.kind !== "string") this.unexpected(`a file name in double quotes, such as "${example}"`);
    this.advance();
    this.semicolon();
    return file;
  }

  /** The version statement must come first (an included file's does not count). */
  protected misplacedVersion(kw: Token, version: string): void {
    this.sink.error(
      "QASM.Parse.MisplacedVersion",
      `'OPENQASM ${version};' must be the first statement`,
      posOf(kw),
      "move it to the top of the file, before any other statement",
    );
  }

  /**
   * Reads a user include file (not the built-in library) in place with `statements`: refuses cycles and deep
   * nesting, and reports a file `resolveInclude` cannot find, with `builtIn` naming the library that needs none.
   */
  protected includeFile(path: string, pos: Pos, builtIn: string, statements: () => void): void {
    if (this.includeStack.includes(path)) {
      this.sink.error("QASM.Include.Cycle", `'${path}' includes itself`, pos);
      return;
    }
    if (this.includeStack.length >= MAX_INCLUDE_DEPTH) {
      this.sink.error("QASM.Include.TooDeep", `includes nested more than ${MAX_INCLUDE_DEPTH} deep`, pos);
      return;
    }
    let text: string | undefined;
    try {
      text = this.options.resolveInclude?.(path);
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      this.sink.error(
        "QASM.Include.NotFound",
        `cannot find include file '${path}'`,
        pos,
        this.options.resolveInclude
          ? `${builtIn} is built in; other files are looked up relative to the including file`
          : `${builtIn} is built in; no other include files are available here`,
      );
      return;
    }
    const saved = { lexer: this.lexer, tok: this.tok, prev: this.prev };
    this.includeStack.push(path);
    this.lexer = new Lexer(text, this.sink, path, this.dialect);
    this.start();
    try {
      statements();
    } finally {
      this.includeStack.pop();
      this.lexer = saved.lexer;
      this.tok = saved.tok;
      this.prev = saved.prev;
    }
  }
}
