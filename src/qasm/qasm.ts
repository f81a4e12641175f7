// The throwing edge of the parser, for the CLI and the library API.

import type { Circuit } from "../circuit/ir.js";
import { internalError } from "../errors.js";
import { type Diagnostic, QasmParseError } from "./diagnostics.js";
import { type ParseOptions, parse } from "./parser.js";

/**
 * Parses OpenQASM 2.0 and returns the circuit with the warnings (lenient-mode acceptances); throws a
 * `QasmParseError` (a user-error `QfitError` with position, hint and every diagnostic) for the first error.
 */
export function parseQasmWithWarnings(
  text: string,
  options: ParseOptions = {},
): { circuit: Circuit; warnings: Diagnostic[] } {
  const { circuit, diagnostics } = parse(text, options);
  const first = diagnostics.find((d) => d.severity === "error");
  if (first) throw new QasmParseError(first, diagnostics);
  if (!circuit) throw internalError("QASM.Internal.NoCircuit", "the parser returned no circuit and no error");
  return { circuit, warnings: diagnostics.filter((d) => d.severity === "warning") };
}

/** Parses OpenQASM 2.0 into a Circuit; throws a `QasmParseError` for the first error. */
export function parseQasm(text: string, options: ParseOptions = {}): Circuit {
  return parseQasmWithWarnings(text, options).circuit;
}
