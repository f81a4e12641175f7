export { type Diagnostic, formatDiagnostic, QasmParseError } from "./diagnostics.js";
export { formatNumber, toQasm } from "./emitter.js";
export { type Qasm3Options, toQasm3 } from "./emitter3.js";
export { LIMITS, type ParseOptions, type ParseResult, parse } from "./parser.js";
export { type ParseResult3, parse3 } from "./parser3.js";
export { detectVersion, parseAny, parseQasm, parseQasmWithWarnings, type QasmVersion } from "./qasm.js";
