export { type Diagnostic, formatDiagnostic, QasmParseError } from "./diagnostics.js";
export { formatNumber, toQasm } from "./emitter.js";
export { LIMITS, type ParseOptions, type ParseResult, parse } from "./parser.js";
export { parseQasm, parseQasmWithWarnings } from "./qasm.js";
