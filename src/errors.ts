// One error type for the whole project. Codes are stable, dot-separated and hierarchical
// (`Area.Stage.What`) so scripts and the HTTP API can branch on them; messages may change.

/** A position in a source text, 1-based line and column. */
export interface SourcePosition {
  file?: string;
  line: number;
  col: number;
}

export interface QfitErrorDetails {
  /** true when the input was wrong (exit code 2), false for a bug in qfit (exit code 1). */
  userError: boolean;
  hint?: string;
  position?: SourcePosition;
  /** The input field at fault, e.g. `params` or `gpus`, for errors that are not in a source text. */
  field?: string;
}

export class QfitError extends Error {
  readonly code: string;
  readonly details: QfitErrorDetails;

  constructor(code: string, message: string, details: QfitErrorDetails) {
    super(message);
    this.name = "QfitError";
    this.code = code;
    this.details = details;
  }

  get userError(): boolean {
    return this.details.userError;
  }

  get hint(): string | undefined {
    return this.details.hint;
  }

  /** `file:line:col: message` (or `field: message`), the form the CLI prints. */
  describe(): string {
    const p = this.details.position;
    if (p) return `${p.file ?? "<input>"}:${p.line}:${p.col}: ${this.message}`;
    if (this.details.field) return `${this.details.field}: ${this.message}`;
    return this.message;
  }

  toJSON(): { code: string; message: string; hint?: string; line?: number; col?: number; file?: string } {
    const p = this.details.position;
    return {
      code: this.code,
      message: this.message,
      ...(this.details.hint ? { hint: this.details.hint } : {}),
      ...(p ? { file: p.file, line: p.line, col: p.col } : {}),
    };
  }
}

/** A user error: bad input, exit code 2. */
export function userError(
  code: string,
  message: string,
  extra: Omit<QfitErrorDetails, "userError"> = {},
): QfitError {
  return new QfitError(code, message, { ...extra, userError: true });
}

/** An internal error: a broken invariant inside qfit, exit code 1. */
export function internalError(code: string, message: string): QfitError {
  return new QfitError(code, message, { userError: false });
}

export function isQfitError(e: unknown): e is QfitError {
  return e instanceof QfitError;
}

/** A thrown value as plain data, for a worker thread to post back (a QfitError does not survive postMessage as a
 *  class): a QfitError keeps its code and details, so a user error stays one; anything else keeps its message. */
export type ErrorData =
  | { code: string; message: string; details: QfitErrorDetails }
  | { message: string; stack?: string };

export function errorData(e: unknown): ErrorData {
  if (isQfitError(e)) return { code: e.code, message: e.message, details: e.details };
  return e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
}

/** The error again from its plain data (errorData's inverse). */
export function errorFromData(d: ErrorData): Error {
  if ("code" in d) return new QfitError(d.code, d.message, d.details);
  const err = new Error(d.message);
  if (d.stack) err.stack = d.stack;
  return err;
}
