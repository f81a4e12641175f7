// The OpenQASM lexer: produces tokens on demand, so memory does not grow with the file beyond the IR.
// Keywords are ordinary identifiers; the parser gives them meaning. Columns count UTF-16 code units.
// One lexer serves both versions: the OpenQASM 3 dialect adds its operators, Unicode identifiers (π, θ),
// hardware qubits (`$0`, lexed as identifiers), `_` digit separators and ordinary `/* */` comments.

import type { DiagnosticSink, Pos } from "./diagnostics.js";

export type TokenKind = "id" | "int" | "real" | "string" | "symbol" | "eof";

export interface Token {
  kind: TokenKind;
  /** The source text, except for strings, where it is the contents without the quotes. */
  text: string;
  file?: string;
  line: number;
  col: number;
  /** Column just past the token's last character (tokens never span lines). */
  endCol: number;
}

const SINGLE = new Set([";", ",", "(", ")", "[", "]", "{", "}", "+", "-", "*", "/", "^"]);

/** OpenQASM 3 operators, longest first so `**` wins over `*`. */
const QASM3_SYMBOLS = [
  "<<=",
  ">>=",
  "**=",
  "**",
  "++",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "<<",
  ">>",
  "->",
  "@",
  ":",
  "=",
  "<",
  ">",
  "!",
  "~",
  "&",
  "|",
  "%",
  ".",
];

const QASM3_SYMBOL_START = new Set(QASM3_SYMBOLS.map((sym) => sym[0]));

export type Dialect = 2 | 3;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdPart = (c: number): boolean => isIdStart(c) || isDigit(c);

export class Lexer {
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly sink: DiagnosticSink,
    readonly file?: string,
    readonly dialect: Dialect = 2,
  ) {}

  pos(): Pos {
    return this.at(this.line, this.i - this.lineStart + 1);
  }

  next(): Token {
    for (;;) {
      this.skipTrivia();
      const start = this.i;
      const col = start - this.lineStart + 1;
      if (start >= this.text.length) return this.token("eof", "", col, col);
      const c = this.text.charCodeAt(start);
      if (isIdStart(c)) {
        let j = start + 1;
        while (j < this.text.length && this.idPart(j)) j++;
        return this.take("id", j, col);
      }
      if (isDigit(c) || (c === 46 && isDigit(this.text.charCodeAt(start + 1)))) return this.number(col);
      if (c === 34) return this.string(col);
      if (this.dialect === 3) {
        const t = this.qasm3Token(start, c, col);
        if (t) return t;
      }
      const ch = this.text[start];
      if (ch === "-" && this.text[start + 1] === ">") return this.take("symbol", start + 2, col);
      if (ch === "=" && this.text[start + 1] === "=") return this.take("symbol", start + 2, col);
      if (SINGLE.has(ch)) return this.take("symbol", start + 1, col);
      const cp = this.text.codePointAt(start) ?? c;
      const shown = String.fromCodePoint(cp);
      this.sink.error(
        "QASM.Lex.UnexpectedCharacter",
        `unexpected character '${shown}'${cp > 126 || cp < 32 ? ` (U+${cp.toString(16).toUpperCase().padStart(4, "0")})` : ""}`,
        this.at(this.line, col),
        ch === "=" ? "comparisons are written '=='" : undefined,
      );
      this.i += cp > 0xffff ? 2 : 1;
    }
  }

  /** An identifier character at `j`: ASCII, or in OpenQASM 3 any Unicode letter or digit. */
  private idPart(j: number): boolean {
    const c = this.text.charCodeAt(j);
    if (isIdPart(c)) return true;
    return (
      this.dialect === 3 && c > 127 && UNICODE_ID.test(String.fromCodePoint(this.text.codePointAt(j) ?? c))
    );
  }

  /** Tokens only OpenQASM 3 has: Unicode identifiers, `$n` hardware qubits, its operators. */
  private qasm3Token(start: number, c: number, col: number): Token | undefined {
    const s = this.text;
    if (c > 127 && UNICODE_ID_START.test(String.fromCodePoint(s.codePointAt(start) ?? c))) {
      let j = start + (s.codePointAt(start)! > 0xffff ? 2 : 1);
      while (j < s.length && this.idPart(j)) j += s.codePointAt(j)! > 0xffff ? 2 : 1;
      return this.take("id", j, col);
    }
    if (c === 36 && isDigit(s.charCodeAt(start + 1))) {
      let j = start + 1;
      while (j < s.length && isDigit(s.charCodeAt(j))) j++;
      return this.take("id", j, col);
    }
    if (!QASM3_SYMBOL_START.has(s[start])) return undefined;
    for (const sym of QASM3_SYMBOLS)
      if (s.startsWith(sym, start)) return this.take("symbol", start + sym.length, col);
    return undefined;
  }

  private at(line: number, col: number): Pos {
    return this.file === undefined ? { line, col } : { file: this.file, line, col };
  }

  private token(kind: TokenKind, text: string, col: number, endCol: number): Token {
    const t: Token = { kind, text, line: this.line, col, endCol };
    if (this.file !== undefined) t.file = this.file;
    return t;
  }

  private take(kind: TokenKind, end: number, col: number): Token {
    const text = this.text.slice(this.i, end);
    this.i = end;
    return this.token(kind, text, col, col + text.length);
  }

  private number(col: number): Token {
    const s = this.text;
    let j = this.i;
    let real = false;
    const q3 = this.dialect === 3;
    const digit = (k: number): boolean =>
      isDigit(s.charCodeAt(k)) || (q3 && s[k] === "_" && isDigit(s.charCodeAt(k + 1)));
    if (q3 && s[j] === "0" && /[bBoOxX]/.test(s[j + 1] ?? "")) {
      // 0b1010, 0o17, 0xFF: the parser reads the value with Number(), which knows these prefixes.
      let k = j + 2;
      while (k < s.length && /[0-9a-fA-F_]/.test(s[k])) k++;
      if (k > j + 2) return this.take("int", k, col);
    }
    while (j < s.length && digit(j)) j++;
    if (s[j] === ".") {
      real = true;
      j++;
      while (j < s.length && digit(j)) j++;
    }
    // `1e-3` is not a spec real, but every number printer writes it, so it is read in every mode.
    if (s[j] === "e" || s[j] === "E") {
      let k = j + 1;
      if (s[k] === "+" || s[k] === "-") k++;
      if (isDigit(s.charCodeAt(k))) {
        while (k < s.length && isDigit(s.charCodeAt(k))) k++;
        j = k;
        real = true;
      }
    }
    return this.take(real ? "real" : "int", j, col);
  }

  private string(col: number): Token {
    const s = this.text;
    let j = this.i + 1;
    while (j < s.length && s[j] !== '"' && s[j] !== "\n" && s[j] !== "\r") j++;
    if (s[j] === '"') {
      const t = this.token("string", s.slice(this.i + 1, j), col, col + j + 1 - this.i);
      this.i = j + 1;
      return t;
    }
    this.sink.error(
      "QASM.Lex.UnterminatedString",
      "unterminated string: expected '\"' before the end of the line",
      this.at(this.line, col),
    );
    const t = this.token("string", s.slice(this.i + 1, j), col, col + j - this.i);
    this.i = j;
    return t;
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  private skipTrivia(): void {
    const s = this.text;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === "\n") {
        this.newline(this.i);
        this.i++;
      } else if (c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v" || c === "\uFEFF") {
        this.i++;
      } else if (c === "/" && s[this.i + 1] === "/") {
        while (this.i < s.length && s[this.i] !== "\n") this.i++;
      } else if (c === "/" && s[this.i + 1] === "*") {
        this.blockComment();
      } else if (this.dialect === 3 && (c === "\u00A0" || c === "\u2028" || c === "\u2029")) {
        this.i++;
      } else if (this.dialect === 3 && c === "#" && s.startsWith("#pragma", this.i)) {
        // Pragmas are implementation-specific (Braket writes `#pragma braket result ...`); the spec lets a reader
        // ignore the ones it does not know.
        this.sink.warning("QASM.Ignored.Pragma", "pragma ignored", this.pos());
        while (this.i < s.length && s[this.i] !== "\n") this.i++;
      } else {
        return;
      }
    }
  }

  private blockComment(): void {
    const s = this.text;
    const pos = this.pos();
    if (this.dialect === 2)
      this.sink.lenient(
        "QASM.Lenient.BlockComment",
        "'/* */' comments are not part of OpenQASM 2.0",
        pos,
        "use '//' line comments",
      );
    const end = s.indexOf("*/", this.i + 2);
    const stop = end < 0 ? s.length : end + 2;
    for (let k = this.i; k < stop; k++) if (s[k] === "\n") this.newline(k);
    this.i = stop;
    if (end < 0)
      this.sink.error("QASM.Lex.UnterminatedComment", "unterminated '/*' comment: expected '*/'", pos);
  }
}

const UNICODE_ID_START = /^[\p{L}\p{Nl}]$/u;
const UNICODE_ID = /^[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}]$/u;

/** The digits of a number token as JavaScript reads them: `1_000` → `1000`. */
export function numberText(t: Token): string {
  return t.text.includes("_") ? t.text.replaceAll("_", "") : t.text;
}

/** How a token reads in a message: `';'`, `identifier 'foo'`, `end of file`. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "end of file";
    case "string":
      return `string "${t.text}"`;
    case "int":
    case "real":
      return `number '${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}

export function posOf(t: Token): Pos {
  return t.file === undefined ? { line: t.line, col: t.col } : { file: t.file, line: t.line, col: t.col };
}
