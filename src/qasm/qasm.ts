// The throwing edge of the parsers, for the CLI, the API and the library: one entry point for both versions, which
// reads the version from the `OPENQASM` header, so no caller needs a flag.

import type { Circuit } from "../circuit/ir.js";
import { internalError } from "../errors.js";
import { type Diagnostic, DiagnosticSink, QasmParseError } from "./diagnostics.js";
import { Lexer } from "./lexer.js";
import { type ParseOptions, parse } from "./parser.js";
import { parse3 } from "./parser3.js";

export type QasmVersion = 2 | 3;

/**
 * The OpenQASM major version a program declares: 3 for `OPENQASM 3;`/`OPENQASM 3.x;` as the first statement
 * (after comments), otherwise 2 (a 2.0 header, none at all, or anything else, which the 2.0 parser reports).
 */
export function detectVersion(text: string): QasmVersion {
  const lexer = new Lexer(text, new DiagnosticSink(false), undefined, 3);
  const kw = lexer.next();
  if (kw.kind !== "id" || kw.text !== "OPENQASM") return 2;
  const v = lexer.next();
  return (v.kind === "int" || v.kind === "real") && Math.floor(Number(v.text)) === 3 ? 3 : 2;
}

/** Parses OpenQASM 2.0 or 3 (by the header), collecting diagnostics; never throws on bad input. */
export function parseAny(
  text: string,
  options: ParseOptions = {},
): { circuit: Circuit | null; diagnostics: Diagnostic[]; version: QasmVersion; globalPhase: number } {
  if (detectVersion(text) === 3) return { ...parse3(text, options), version: 3 };
  return { ...parse(text, options), version: 2, globalPhase: 0 };
}

/**
 * Parses OpenQASM 2.0 or 3 and returns the circuit with the warnings (lenient-mode acceptances); throws a
 * `QasmParseError` (a user-error `QfitError` with position, hint and every diagnostic) for the first error.
 */
export function parseQasmWithWarnings(
  text: string,
  options: ParseOptions = {},
): { circuit: Circuit; warnings: Diagnostic[]; version: QasmVersion; globalPhase: number } {
  const { circuit, diagnostics, version, globalPhase } = parseAny(text, options);
  const first = diagnostics.find((d) => d.severity === "error");
  if (first) throw new QasmParseError(first, diagnostics);
  if (!circuit) throw internalError("QASM.Internal.NoCircuit", "the parser returned no circuit and no error");
  return { circuit, warnings: diagnostics.filter((d) => d.severity === "warning"), version, globalPhase };
}

/** Parses OpenQASM 2.0 or 3 into a Circuit; throws a `QasmParseError` for the first error. */
export function parseQasm(text: string, options: ParseOptions = {}): Circuit {
  return parseQasmWithWarnings(text, options).circuit;
}
