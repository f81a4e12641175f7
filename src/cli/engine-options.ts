// The simulator engine flags of `qfit run` (--kernel, --precision, --threads, --fusion / --no-fusion), checked
// and turned into simulate() options; kept apart so run.ts only plumbs them.
import { userError } from "../errors.js";
import { availableKernels, MAX_FUSION_QUBITS, MAX_THREADS, type SimulateOptions } from "../sim/index.js";
import { parseIntegerOption } from "./options.js";

export type EngineOptions = Pick<SimulateOptions, "kernel" | "precision" | "threads" | "fusion">;

/** The parsed flags as simulate options (user errors with code CLI.InvalidOption). */
export function engineOptions(opts: {
  kernel?: string;
  precision: string;
  threads?: string;
  fusion?: string | boolean;
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
  if (opts.precision !== "single" && opts.precision !== "double")
    throw userError("CLI.InvalidOption", `--precision must be single or double, got '${opts.precision}'`, {
      field: "--precision",
    });
  out.precision = opts.precision;
  if (opts.threads !== undefined) out.threads = parseIntegerOption("--threads", opts.threads, 1, MAX_THREADS);
  if (opts.fusion === false) out.fusion = false;
  else if (typeof opts.fusion === "string")
    out.fusion = parseIntegerOption("--fusion", opts.fusion, 1, MAX_FUSION_QUBITS);
  return out;
}
