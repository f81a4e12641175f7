// `POST /api/simulate` and the browser lab: OpenQASM text in, the `qfit run --json` object out, by the one run
// implementation (run/run-qasm.ts) with the one set of options and defaults (run/options.ts), under the
// server's qubit limit. Pure, so the server's worker threads and the browser share it.
import type { RunOptionsInput } from "../run/options.js";
import { type DeviceRunResult, type IdealRunResult, type RunResult, runQasm } from "../run/run-qasm.js";

export type SimulateQasmOptions = RunOptionsInput & {
  filename?: string;
  /** Widest circuit accepted (the server's limit; the CLI's limit is memory). */
  maxQubits: number;
  maxMemoryBytes?: number;
  /** Work budgets of a device run (run-core.ts RunLimits). */
  maxRoutingWork?: number;
  maxNoisyWork?: number;
};

export type SimulateQasmResult = IdealRunResult;
export type SimulateOnDeviceResult = DeviceRunResult;

export function simulateQasm(text: string, o: SimulateQasmOptions): RunResult {
  const { filename, maxQubits, maxMemoryBytes, maxRoutingWork, maxNoisyWork, ...options } = o;
  return runQasm(text, options, {
    filename: filename ?? "<input>",
    maxQubits,
    maxMemoryBytes,
    maxRoutingWork,
    maxNoisyWork,
  });
}
