// The simulator engine flags of `qfit run` (--kernel, --threads, --fusion / --no-fusion, --block-qubits),
// checked and turned into simulate() options; kept apart so run.ts only plumbs them.
import { userError } from "../errors.js";
import {
  availableKernels,
  MAX_BLOCK_QUBITS,
  MAX_FUSION_QUBITS,
  MAX_THREADS,
  type SimulateOptions,
} from "../sim/index.js";
import { parseIntegerOption } from "./options.js";

export type EngineOptions = Pick<SimulateOptions, "kernel" | "threads" | "fusion" | "blockQubits">;

/** The parsed flags as simulate options (user errors with code CLI.InvalidOption). */
export function engineOptions(opts: {
  kernel?: string;
  precision?: string;
  threads?: string;
  fusion?: string | boolean;
  blockQubits?: string;
}): EngineOptions {
  const out: EngineOptions = {};
  if (opts.kernel !== undefined) {
    if (opts.kernel !== "ts" && opts.kernel !== "wasm")
      throw userError("CLI.InvalidOption", `--kernel must be ts or wasm, got '${opts.kernel}'`, {
        field: "--kernel",
      });
    if (opts.kernel === "wasm" && !availableKernels().has("wasm"))
      throw userError("CLI.InvalidOption", "--kernel wasm: WebAssembly SIMD is not available here", {
        field: "--kernel",
        hint: "use --kernel ts",
      });
    out.kernel = opts.kernel;
  }
  // --precision is a run option (run/options.ts); checked here for the CLI's own message.
  if (opts.precision !== undefined && opts.precision !== "single" && opts.precision !== "double")
    throw userError("CLI.InvalidOption", `--precision must be single or double, got '${opts.precision}'`, {
      field: "--precision",
    });
  if (opts.threads !== undefined) out.threads = parseIntegerOption("--threads", opts.threads, 1, MAX_THREADS);
  if (opts.fusion === false) out.fusion = false;
  else if (typeof opts.fusion === "string")
    out.fusion = parseIntegerOption("--fusion", opts.fusion, 1, MAX_FUSION_QUBITS);
  if (opts.blockQubits !== undefined)
    out.blockQubits = parseIntegerOption("--block-qubits", opts.blockQubits, 0, MAX_BLOCK_QUBITS);
  return out;
}
