// Diagnostics for the OpenQASM 2.0 front end. The parser collects them (it never throws on bad input); only
// `parseQasm` at the edge turns the first error into a `QfitError`.

import { QfitError, type QfitErrorDetails } from "../errors.js";

/** A 1-based position in a source text; `file` is absent for anonymous input. */
export interface Pos {
  file?: string;
  line: number;
  col: number;
}

export interface Diagnostic {
  /** Stable, hierarchical: `QASM.Stage.What`. */
  code: string;
  severity: "error" | "warning";
  message: string;
  hint?: string;
  file?: string;
  line: number;
  col: number;
}

/** Stop after this many errors: later ones are mostly echoes of the first. */
export const MAX_ERRORS = 50;

/** Thrown inside the parser to abandon the current statement; never escapes `parse`. */
export class SyntaxAbort {
  readonly kind = "syntax-abort";
}

/** Thrown inside the parser to stop parsing altogether (too many errors, a hard limit); never escapes `parse`. */
export class FatalAbort {
  readonly kind = "fatal-abort";
}

export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  errorCount = 0;

  constructor(readonly strict: boolean) {}

  error(code: string, message: string, pos: Pos, hint?: string): void {
    this.push("error", code, message, pos, hint);
    this.errorCount++;
    if (this.errorCount >= MAX_ERRORS) {
      this.push("error", "QASM.Limit.TooManyErrors", `too many errors (${MAX_ERRORS}); stopped parsing`, pos);
      throw new FatalAbort();
    }
  }

  warning(code: string, message: string, pos: Pos, hint?: string): void {
    this.push("warning", code, message, pos, hint);
  }

  /** Something real files do that the spec forbids: a warning normally, an error in strict mode. */
  lenient(code: string, message: string, pos: Pos, hint?: string): void {
    if (this.strict)
      this.error(code, message, pos, hint ?? "strict mode follows the OpenQASM 2.0 spec exactly");
    else this.warning(code, message, pos, hint);
  }

  /** An error after which the rest of the input cannot be read meaningfully. */
  fatal(code: string, message: string, pos: Pos, hint?: string): never {
    this.push("error", code, message, pos, hint);
    this.errorCount++;
    throw new FatalAbort();
  }

  private push(
    severity: Diagnostic["severity"],
    code: string,
    message: string,
    pos: Pos,
    hint?: string,
  ): void {
    const d: Diagnostic = { code, severity, message, line: pos.line, col: pos.col };
    if (hint !== undefined) d.hint = hint;
    if (pos.file !== undefined) d.file = pos.file;
    this.list.push(d);
  }
}

/** `file:line:col: severity: message`, then the hint on its own line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file ?? "<input>"}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** The user error `parseQasm` throws: the first error diagnostic, with every diagnostic attached. */
export class QasmParseError extends QfitError {
  readonly diagnostics: Diagnostic[];

  constructor(first: Diagnostic, diagnostics: Diagnostic[]) {
    const details: QfitErrorDetails = {
      userError: true,
      position: {
        line: first.line,
        col: first.col,
        ...(first.file !== undefined ? { file: first.file } : {}),
      },
    };
    if (first.hint !== undefined) details.hint = first.hint;
    super(first.code, first.message, details);
    this.name = "QasmParseError";
    this.diagnostics = diagnostics;
  }

  override toJSON(): ReturnType<QfitError["toJSON"]> & { diagnostics: Diagnostic[] } {
    return { ...super.toJSON(), diagnostics: this.diagnostics };
  }
}
