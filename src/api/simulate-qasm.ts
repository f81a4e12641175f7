// OpenQASM text in, the `qfit run --json` object out: parse, check the server's qubit limit, simulate. Pure, so
// the CLI's server, its worker threads and the browser share it.
import { userError } from "../errors.js";
import { type NoisyRunResult, runOnDevice } from "../noise/noisy-run.js";
import { parseQasmWithWarnings } from "../qasm/index.js";
import { type SimulationResult, simulate } from "../sim/index.js";

export interface SimulateQasmOptions {
  filename?: string;
  shots?: number;
  seed?: number;
  probabilities?: boolean;
  /** Widest circuit accepted (the server's limit; the CLI's limit is memory). */
  maxQubits: number;
  maxMemoryBytes?: number;
  /** Run as this catalog device would (transpiled, noisy), as `qfit run --device`. */
  device?: string;
}

/** `qfit run --device --json`: the noisy-run result, with the noisy counts as `counts`. */
export interface SimulateOnDeviceResult extends NoisyRunResult {
  counts: Record<string, number>;
  warnings: SimulateQasmResult["warnings"];
  timing: { parseMs: number; simulateMs: number };
}

export interface SimulateQasmResult extends SimulationResult {
  warnings: Array<{ line: number; col: number; message: string }>;
  timing: { parseMs: number; simulateMs: number };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function simulateQasm(
  text: string,
  o: SimulateQasmOptions,
): SimulateQasmResult | SimulateOnDeviceResult {
  const t0 = performance.now();
  const { circuit, warnings } = parseQasmWithWarnings(text, { filename: o.filename ?? "<input>" });
  const parseMs = performance.now() - t0;
  if (circuit.numQubits > o.maxQubits) {
    throw userError(
      "Server.TooManyQubits",
      `the circuit has ${circuit.numQubits} qubits; this server runs at most ${o.maxQubits}`,
      {
        field: "qasm",
        hint: "run it with `qfit run FILE` on the command line, or start the server with --max-qubits N",
      },
    );
  }
  const warningList = warnings.map((w) => ({ line: w.line, col: w.col, message: w.message }));
  if (o.device !== undefined) {
    const t1 = performance.now();
    const r = runOnDevice(circuit, {
      device: o.device,
      shots: o.shots ?? 1024,
      seed: o.seed,
      maxMemoryBytes: o.maxMemoryBytes,
    });
    const simulateMs = performance.now() - t1;
    return {
      ...r,
      counts: r.noisy.counts,
      warnings: warningList,
      timing: { parseMs: round3(parseMs), simulateMs: round3(simulateMs) },
    };
  }
  const r = simulate(circuit, {
    shots: o.shots ?? 1024,
    seed: o.seed,
    probabilities: o.probabilities ?? true,
    maxMemoryBytes: o.maxMemoryBytes,
  });
  return {
    ...r,
    warnings: warningList,
    timing: { parseMs: round3(parseMs), simulateMs: round3(r.timing.simulateMs) },
  };
}
