// `qfit run FILE.qasm`: parse an OpenQASM 2.0 file, simulate it exactly, print counts (and optionally exact
// probabilities and the statevector) as a histogram or as the JSON contract documented in the README.

import { type Command, Option } from "@commander-js/extra-typings";
import pc from "picocolors";
import { isQfitError, QfitError } from "../errors.js";
import { RUN_DEFAULTS, RUN_OPTION_NAMES, resolveRunOptions } from "../run/options.js";
import { isDeviceRun, runQasmWith } from "../run/run-core.js";
import type { SimulationResult } from "../sim/index.js";
import { useNodeThreads } from "../sim/kernels/threads-node.js";
import { counted } from "../units/format.js";
import { engineOptions } from "./engine-options.js";
import { fitted, type Io } from "./io.js";
import { formatBytes, parseByteSize, parseIntegerOption } from "./options.js";
import { renderNoisyRun } from "./run-device.js";

export function addRunCommand(program: Command, io: Io): void {
  program
    .command("run")
    .description("simulate an OpenQASM 2.0 or 3 circuit exactly and print the measurement counts")
    .argument(
      "<file>",
      "OpenQASM 2.0 or 3 file (the version is read from its header), or - for standard input",
    )
    .option("-s, --shots <n>", `number of shots (default ${RUN_DEFAULTS.shots})`)
    .option("--seed <s>", "PRNG seed (integer 0..4294967295); the same seed gives the same counts everywhere")
    .option("--json", "print the result as JSON")
    .option("--probabilities", "also print the exact (not sampled) outcome probabilities")
    .option("--statevector", "also print the final state before terminal measurements")
    .option(
      "--top <k>",
      "keep only the K most likely outcomes (one pass over the state; ties: the smaller outcome)",
    )
    .option("--strict", "accept only OpenQASM exactly as specified (no lenient fixes)")
    .option("--max-memory <size>", "memory the simulation may use, e.g. 8GiB (default: free system memory)")
    .option(
      "--device <name>",
      "run as this quantum processor would (catalog name, or a custom device FILE.json): transpile, add its noise, price the shots",
    )
    .addOption(
      new Option("--noise <on|off>", "with --device: simulate the device's noise (default on)").choices([
        "on",
        "off",
      ]),
    )
    .addOption(
      new Option("--method <method>", "with --device: noisy simulation method (default auto)").choices([
        "auto",
        "density",
        "trajectories",
      ]),
    )
    .option(
      "--trajectories <n>",
      "with --device and trajectories: number of trajectories (default min(shots, 2000))",
    )
    .option(
      "--kernel <name>",
      "statevector kernel: wasm (WASM SIMD, threaded) or ts (default: best available)",
    )
    .option("--precision <p>", "double (complex128, default) or single (complex64: half the memory)")
    .option("--threads <n>", "threads sharing the statevector (default: the cores available)")
    .option("--fusion <k>", "fuse gates into unitaries on at most K qubits, 1..4 (default: measured best)")
    .option("--no-fusion", "apply every gate on its own (for comparison)")
    .option(
      "--block-qubits <b>",
      "cache blocking in chunks of 2^b amplitudes, 0 = off (default: 2 MiB chunks on the wasm kernel)",
    )
    .action(async (file, opts) => {
      useNodeThreads();
      const engine = engineOptions(opts);
      // Flag text to run-option fields; the defaults are the run schema's (run/options.ts), as for the API.
      const int = (flag: string, text: string | undefined, min: number, max: number) =>
        text === undefined ? undefined : parseIntegerOption(flag, text, min, max);
      const options = resolveRunOptions(
        {
          shots: int("--shots", opts.shots, 1, 1e9),
          seed: int("--seed", opts.seed, 0, 2 ** 32 - 1),
          top: int("--top", opts.top, 1, 2 ** 31),
          probabilities: opts.probabilities ? true : undefined,
          statevector: opts.statevector ? true : undefined,
          precision: opts.precision as "single" | "double" | undefined,
          noise: opts.noise === undefined ? undefined : opts.noise === "on",
          method: opts.method as "auto" | "density" | "trajectories" | undefined,
          trajectories: int("--trajectories", opts.trajectories, 1, 1e7),
        },
        (field) => `--${field}`,
      );
      const limitFromFlag = opts.maxMemory !== undefined;
      const maxMemoryBytes = limitFromFlag
        ? parseByteSize("--max-memory", opts.maxMemory as string)
        : io.freeMemoryBytes();

      const text = io.readText(file);
      const filename = file === "-" ? "<stdin>" : file;
      // The device, noise and transpile modules and the hardware catalog load only for a device run.
      const device =
        opts.device === undefined
          ? undefined
          : await Promise.all([import("./device-arg.js"), import("../run/on-device.js")]).then(
              ([{ resolveDevice }, { runOnDevice }]) => ({
                model: resolveDevice(io, opts.device as string),
                runOnDevice,
              }),
            );
      const result = asFlagErrors(() =>
        runQasmWith(device?.runOnDevice, text, options, {
          filename,
          strict: Boolean(opts.strict),
          engine,
          deviceModel: device?.model,
          maxMemoryBytes,
          memoryLimitLabel: limitFromFlag
            ? "set by --max-memory"
            : `free system memory, ${formatBytes(maxMemoryBytes)}`,
        }),
      );
      for (const w of result.warnings)
        io.stderr(`${w.file ?? filename}:${w.line}:${w.col}: warning: ${w.message}\n`);
      if (opts.json) io.stdout(`${JSON.stringify(result)}\n`);
      else if (isDeviceRun(result))
        io.stdout(fitted(io, renderNoisyRun(filename, result, io.color, options.top)));
      else io.stdout(fitted(io, renderRun(filename, result, io.color, options.top)));
    });
}

/** Run the library call, naming a run-option field at fault as the flag the user typed (`top` → `--top`). */
function asFlagErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const field = isQfitError(e) ? e.details.field : undefined;
    if (isQfitError(e) && field !== undefined && RUN_OPTION_NAMES.includes(field))
      throw new QfitError(e.code, e.message, { ...e.details, field: `--${field}` });
    throw e;
  }
}

const BAR_WIDTH = 40;

/** The human view: a header, then outcomes sorted by count with bars scaled to the most frequent one. */
/** `top`: the probabilities were cut to the K largest (`--top K`); a sampled outcome outside them shows "—". */
export function renderRun(filename: string, r: SimulationResult, color: boolean, top?: number): string {
  const c = color ? pc : { bold: (s: string) => s, dim: (s: string) => s, cyan: (s: string) => s };
  const lines: string[] = [];
  lines.push(
    c.bold(`${filename}: ${r.qubits} qubits, ${r.clbits} clbits, ${r.shots} shots, seed ${r.seed}`) +
      c.dim(
        `  (simulated in ${r.timing.simulateMs.toFixed(1)} ms` +
          (r.engine
            ? `: ${r.engine.kernel} kernel, ${r.engine.precision}, ${counted(String(r.engine.threads), "thread", "threads")}, ` +
              `passes: ${r.engine.passes}` +
              (r.engine.blockQubits > 0 ? `, blocked in 2^${r.engine.blockQubits} amplitudes)` : ")")
            : ")"),
      ),
  );
  for (const note of r.notes ?? []) lines.push(c.dim(`note: ${note}`));
  const rows = Object.entries(r.counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const keyWidth = Math.max(7, ...rows.map(([k]) => k.length));
  const countWidth = Math.max(5, String(r.shots).length);
  const max = rows.length > 0 ? rows[0][1] : 1;
  const probs = r.probabilities;
  lines.push(
    c.dim(
      `${"outcome".padEnd(keyWidth)}  ${"count".padStart(countWidth)}  ${"freq".padStart(6)}${probs ? `  ${"exact p".padStart(8)}` : ""}`,
    ),
  );
  for (const [key, count] of rows) {
    const bar = "█".repeat(Math.max(1, Math.round((count / max) * BAR_WIDTH)));
    // With --top K an outcome can be sampled yet lie outside the K kept: its probability is not known here.
    const p = probs?.[key] ?? (top === undefined ? 0 : undefined);
    const exact = probs ? `  ${(p === undefined ? "—" : p.toFixed(6)).padStart(8)}` : "";
    lines.push(
      `${key.padEnd(keyWidth)}  ${String(count).padStart(countWidth)}  ${(count / r.shots).toFixed(4)}${exact}  ${c.cyan(bar)}`,
    );
  }
  if (probs) {
    const unsampled = Object.keys(probs).filter((k) => !(k in r.counts));
    if (unsampled.length > 0)
      lines.push(
        c.dim(
          top === undefined
            ? `(${unsampled.length} outcome(s) with nonzero probability not sampled)`
            : `(${unsampled.length} of the ${Object.keys(probs).length} most probable outcome(s) (--top ${top}) not among the counts shown)`,
        ),
      );
  }
  if (r.statevector) {
    lines.push("", c.bold("statevector (nonzero amplitudes, qubit 0 rightmost)"));
    const n = r.qubits;
    r.statevector.forEach(([re, im], i) => {
      if (Math.hypot(re, im) < 1e-12) return;
      const sign = im < 0 ? "-" : "+";
      lines.push(`|${i.toString(2).padStart(n, "0")}⟩  ${re.toFixed(6)} ${sign} ${Math.abs(im).toFixed(6)}i`);
    });
  }
  return `${lines.join("\n")}\n`;
}
