// One run, one JSON contract: OpenQASM text and run options in, the `qfit run --json` object out. The CLI prints
// what this returns, the HTTP API (server worker) and the browser lab return it as is (through run-qasm.ts). Parse
// (with warnings), check the caller's limits, then either simulate exactly or run as a device would (transpiled,
// noisy). The device runner is passed in, not imported, so an exact run loads none of the device, noise and
// transpile modules or the hardware catalog (the CLI imports them only for --device: issue 14 §4 start-up).

import type { DeviceModel } from "../device/device-model.js";
import { internalError, userError } from "../errors.js";
import { parseQasmWithWarnings } from "../qasm/index.js";
import { type SimulateOptions, type SimulationResult, simulate } from "../sim/index.js";
import type { NoisyRunResult, runOnDevice } from "./on-device.js";
import { type RunOptions, type RunOptionsInput, resolveRunOptions } from "./options.js";

/** A parser warning; `file` is set when it comes from another file than the one run (an include). */
export interface RunWarning {
  line: number;
  col: number;
  message: string;
  file?: string;
}

export interface RunTiming {
  parseMs: number;
  simulateMs: number;
}

/** An exact run: the simulator's result, the parser's warnings, and the time of each stage. */
export interface IdealRunResult extends SimulationResult {
  warnings: RunWarning[];
  timing: RunTiming;
}

/** A run as a device would: the noisy-run result, with the noisy counts as `counts`. */
export interface DeviceRunResult extends NoisyRunResult {
  counts: Record<string, number>;
  warnings: RunWarning[];
  timing: RunTiming;
}

export type RunResult = IdealRunResult | DeviceRunResult;

/** What the caller allows and how the engine runs; not part of the request a user sends. */
export interface RunLimits {
  /** Name of the text for messages and warnings (default "<input>"). */
  filename?: string;
  /** Accept only OpenQASM 2.0 exactly as specified. */
  strict?: boolean;
  /** Widest circuit accepted (the server's limit; the CLI's limit is memory). */
  maxQubits?: number;
  maxMemoryBytes?: number;
  memoryLimitLabel?: string;
  /** Most entries of an output (statevector, probability table); default the simulator's. */
  maxOutputEntries?: number;
  /** Simulator engine choices (the CLI's --kernel, --threads, --fusion, --block-qubits). */
  engine?: Pick<SimulateOptions, "kernel" | "threads" | "fusion" | "blockQubits">;
  /** A resolved device model (a custom device file), used instead of `options.device`. */
  deviceModel?: DeviceModel;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Runs on a device as on-device.ts's runOnDevice does. */
export type DeviceRunner = typeof runOnDevice;

/** runQasm (run-qasm.ts) with the device runner given: undefined when the caller knows no device is asked for. */
export function runQasmWith(
  runOnDevice: DeviceRunner | undefined,
  text: string,
  input: RunOptionsInput,
  limits: RunLimits = {},
): RunResult {
  const o: RunOptions = resolveRunOptions(input);
  const filename = limits.filename ?? "<input>";
  const t0 = performance.now();
  const { circuit, warnings } = parseQasmWithWarnings(text, { filename, strict: Boolean(limits.strict) });
  const parseMs = performance.now() - t0;
  if (limits.maxQubits !== undefined && circuit.numQubits > limits.maxQubits)
    throw userError(
      "Server.TooManyQubits",
      `the circuit has ${circuit.numQubits} qubits; this server runs at most ${limits.maxQubits}`,
      {
        field: "qasm",
        hint: "run it with `qfit run FILE` on the command line, or start the server with --max-qubits N",
      },
    );
  const warningList: RunWarning[] = warnings.map((w) => ({
    line: w.line,
    col: w.col,
    message: w.message,
    ...(w.file && w.file !== filename ? { file: w.file } : {}),
  }));
  const device = limits.deviceModel ?? o.device;
  if (device !== undefined) {
    if (o.statevector)
      throw userError("Run.InvalidOption", "statevector has no meaning with a device (the state is mixed)", {
        field: "statevector",
        hint: "noisy runs always report ideal and noisy probabilities",
      });
    if (runOnDevice === undefined)
      throw internalError("Run.NoDeviceRunner", "a device run needs runOnDevice");
    const t1 = performance.now();
    const r = runOnDevice(circuit, {
      device,
      noise: o.noise,
      method: o.method,
      shots: o.shots,
      seed: o.seed,
      trajectories: o.trajectories,
      maxMemoryBytes: limits.maxMemoryBytes,
    });
    return {
      ...r,
      counts: r.noisy.counts,
      warnings: warningList,
      timing: { parseMs: round3(parseMs), simulateMs: round3(performance.now() - t1) },
    };
  }
  const r = simulate(circuit, {
    shots: o.shots,
    seed: o.seed,
    probabilities: o.probabilities,
    statevector: o.statevector,
    top: o.top,
    precision: o.precision,
    ...limits.engine,
    maxMemoryBytes: limits.maxMemoryBytes,
    memoryLimitLabel: limits.memoryLimitLabel,
    maxOutputEntries: limits.maxOutputEntries,
  });
  return {
    ...r,
    warnings: warningList,
    timing: { parseMs: round3(parseMs), simulateMs: round3(r.timing.simulateMs) },
  };
}

/** True for a device run's result. */
export function isDeviceRun(r: RunResult): r is DeviceRunResult {
  return "noisy" in r;
}
