// OpenQASM text in, the `qfit run --json` object out: parse, check the server's qubit limit, simulate. Pure, so
// the CLI's server, its worker threads and the browser share it.
import { userError } from "../errors.js";
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
}

export interface SimulateQasmResult extends SimulationResult {
  warnings: Array<{ line: number; col: number; message: string }>;
  timing: { parseMs: number; simulateMs: number };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function simulateQasm(text: string, o: SimulateQasmOptions): SimulateQasmResult {
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
  const r = simulate(circuit, {
    shots: o.shots ?? 1024,
    seed: o.seed,
    probabilities: o.probabilities ?? true,
    maxMemoryBytes: o.maxMemoryBytes,
  });
  return {
    ...r,
    warnings: warnings.map((w) => ({ line: w.line, col: w.col, message: w.message })),
    timing: { parseMs: round3(parseMs), simulateMs: round3(r.timing.simulateMs) },
  };
}
