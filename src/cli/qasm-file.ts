// Reading an OpenQASM file for a command: parse it (lenient unless --strict) and print the parser's warnings on
// stderr as `file:line:col: warning: …`. Errors are thrown as user errors naming file:line:col.
import type { Circuit } from "../circuit/ir.js";
import { parseQasmWithWarnings } from "../qasm/index.js";
import type { Io } from "./io.js";

export function readQasmFile(io: Io, file: string, strict: boolean): { circuit: Circuit; filename: string } {
  const filename = file === "-" ? "<stdin>" : file;
  const { circuit, warnings } = parseQasmWithWarnings(io.readText(file), { filename, strict });
  for (const w of warnings) io.stderr(`${w.file ?? filename}:${w.line}:${w.col}: warning: ${w.message}\n`);
  return { circuit, filename };
}
