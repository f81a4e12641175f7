// Validate and plan a simulation before anything is allocated: check the circuit and the options, lower every
// gate to the kernel op that handles it best, split measurements into terminal ones (sampled once from the
// final state) and mid-circuit ones (branching), and count the bytes the run needs against the memory limit.
// `run` (simulate.ts) trusts a plan and never validates again. The fuser (fuse.ts) rewrites `steps` only.

import { GATES } from "../circuit/gates.js";
import type { Circuit, Condition, Operation } from "../circuit/ir.js";
import { userError } from "../errors.js";
import { isValidSeed, MAX_SEED, randomSeed } from "../stats/prng.js";
import { counted } from "../units/format.js";
import {
  FAR_STRIDE_BYTES,
  positionsAfter,
  type Sweep,
  scheduleBlocks,
  scheduleGathered,
  scheduleHybrid,
} from "./blocking.js";
import { fuse } from "./fuse.js";
import type { KernelOp, Precision } from "./kernels/kernel.js";
import { isRealMatrix } from "./kernels/ops.js";
import {
  defaultThreads,
  effectiveThreads,
  gathersState,
  type KernelName,
  selectKernel,
} from "./kernels/select.js";
import { SAMPLE_BLOCK, SAMPLE_CHUNK } from "./sampling.js";
import type { ResolvedCondition, Step, TerminalMeasure } from "./steps.js";

export interface SimulateOptions {
  /** Number of samples, a positive integer ≤ 1e9 (default 1024). */
  shots?: number;
  /** 0..2^32−1; a random seed is drawn (and reported) when absent. */
  seed?: number;
  /** Also return the exact outcome probabilities. */
  probabilities?: boolean;
  /** Also return the final statevector (before terminal measurements). */
  statevector?: boolean;
  /** Keep only the K most likely outcomes in counts and probabilities. */
  top?: number;
  /**
   * Most entries an output may have (default MAX_OUTPUT_ENTRIES): `statevector` of 2^n amplitudes and
   * `probabilities` over 2^m outcomes (m measured bits) without `top`, or `top` itself, are refused above it,
   * before anything runs.
   */
  maxOutputEntries?: number;
  /** Refuse runs that need more bytes than this (default 4 GiB; the CLI passes the free system memory). */
  maxMemoryBytes?: number;
  /** Where `maxMemoryBytes` came from, for the error hint (e.g. "free system memory", "--max-memory"). */
  memoryLimitLabel?: string;
  /**
   * Most live branches when exploring mid-circuit measurement outcomes exactly (default 4096, also bounded
   * by memory). Beyond it the run falls back to simulating each shot; 1 forces the per-shot path.
   */
  maxBranches?: number;
  /** Kernel backend (default: the best available). */
  kernel?: KernelName;
  /** "double" (complex128, the default, exact to ~1e-15) or "single" (complex64: half the memory and traffic). */
  precision?: Precision;
  /**
   * Fuse runs of gates into unitaries on at most this many qubits (1..MAX_FUSION_QUBITS); false turns fusion
   * off. Default: the measured best for the kernel (DEFAULT_FUSION_QUBITS).
   */
  fusion?: number | false;
  /**
   * Threads sharing the statevector (default: every core the kernel can use for states of at least
   * MIN_THREADED_STATE_BYTES, one below; 1 = this thread only).
   */
  threads?: number;
  /**
   * Cache blocking (blocking.ts): apply runs of ops chunk by chunk of 2^blockQubits amplitudes, one sweep per
   * run (strided chunks on the WASM kernel, qubits remapped into contiguous ones on the TypeScript kernel); 0
   * turns it off. An integer from 0 to MAX_BLOCK_QUBITS; default: chunks of DEFAULT_BLOCK_BYTES on the WASM
   * kernel, off on the TypeScript one.
   */
  blockQubits?: number;
}

/**
 * Default cache-blocking chunk for the WASM kernel: 2 MiB of amplitudes (2^18 in complex64, 2^17 in complex128),
 * one core's L2 on the project's machine kind, where it measured fastest of 2^16–2^18 amplitudes (complex64, 24
 * qubits; README, "How it works").
 * The TypeScript kernel is compute-bound, so it does not block by default.
 */
export const DEFAULT_BLOCK_BYTES = 2 * 1024 ** 2;

/** Largest cache-blocking chunk, 2^MAX_BLOCK_QUBITS amplitudes (the largest statevector). */
export const MAX_BLOCK_QUBITS = 30;

export type { ResolvedCondition, Step, TerminalMeasure } from "./steps.js";

export type ExecutionMode = "sample-once" | "branching";

export interface MemoryEstimate {
  /** One statevector: 16·2^n bytes in complex128, 8·2^n in complex64. */
  statevectorBytes: number;
  /** Sorted uniforms for one sampling chunk, and the block-sum table. */
  samplingBytes: number;
  /** Marginal distribution over the measured qubits, when probabilities are asked for. */
  probabilitiesBytes: number;
  /** The returned JSON arrays (statevector pairs, counts). */
  outputBytes: number;
  totalBytes: number;
}

export interface SimulationPlan {
  numQubits: number;
  /** Clbits of the outcome keys: the circuit's, or one per qubit when it measures nothing. */
  numClbits: number;
  /** The circuit's own clbit count (reported as `clbits`). */
  circuitClbits: number;
  mode: ExecutionMode;
  kernel: KernelName;
  precision: Precision;
  /** Threads the kernel splits each gate over. */
  threads: number;
  /** Cache-blocking chunk width in qubits (0: off). */
  blockQubits: number;
  /** What fusion did: unitary steps before and after (0 = off). */
  fusion: { maxQubits: number; gatesIn: number; gatesOut: number };
  /**
   * Sweeps over the statevector for one run: fused unitaries, measurements, resets; with cache blocking, the
   * blocked runs, the ops on their own and the qubit swaps (conditioned gates counted as if they ran).
   */
  passes: number;
  /** Bytes one pass reads plus writes: 2 × the statevector. */
  bytesPerPass: number;
  /** Everything but the terminal measurements, in order. */
  steps: Step[];
  /** In sample-once mode, the unitaries that run, scheduled into sweeps over the state (blocking.ts). */
  sweeps: Sweep[] | null;
  /**
   * Where each qubit's bit lies in the state after the sweeps (qubit → bit position), when not every qubit is
   * back in its own (null): the sweeps may leave the qubits permuted, and the sampler, probabilities, top-K and
   * the statevector output (in qubit order) read the state through this.
   */
  positions: number[] | null;
  terminal: TerminalMeasure[];
  /** false when the circuit has no measurement: then every qubit is sampled and keys are qubit bitstrings. */
  measured: boolean;
  /** Registers as [offset, size] in key order (last declared first). */
  keyRegisters: Array<{ offset: number; size: number }>;
  shots: number;
  seed: number;
  probabilities: boolean;
  statevector: boolean;
  top?: number;
  /** Bound on live branches in branching mode (memory and `maxBranches`); < 2 means per-shot from the start. */
  maxBranches: number;
  memory: MemoryEstimate;
  maxMemoryBytes: number;
}

export const DEFAULT_SHOTS = 1024;
export const MAX_SHOTS = 1e9;
export const DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;
export const DEFAULT_MAX_BRANCHES = 4096;
/** Largest fused unitary: 4 qubits is 16 complex multiply-adds per amplitude, already compute-bound. */
export const MAX_FUSION_QUBITS = 4;
export const MAX_THREADS = 256;
/**
 * Below this state size the default is one thread: splitting every sweep costs a hand-off to the pool that a
 * small state does not repay. Measured with `npm run bench` ("threads crossover", reference circuits, 2 December
 * 2026, loaded 2-core machine; 2-thread ÷ 1-thread time): 16 qubits 2.43 (complex64) and 1.38 (complex128),
 * 17 qubits 1.00 and 0.71, 18 qubits 0.59 and 0.90. So two threads from 2 MiB of state (2^18 amplitudes in
 * complex64, 2^17 in complex128) up; the unloaded 16-qubit figures (26 ms on 1 thread, 76 ms on 2) agree.
 */
export const MIN_THREADED_STATE_BYTES = 2 * 1024 ** 2;
/**
 * Default fusion width per kernel, chosen by measurement with `npm run bench` (docs/development.md, 'Benchmarks'): wider
 * fused gates mean fewer sweeps but 2^k multiply-adds per amplitude per sweep.
 */
export const DEFAULT_FUSION_QUBITS: Record<KernelName, number> = { ts: 2, wasm: 2 };
/**
 * The kernels index amplitudes with 32-bit integer bit operations, and a Float64Array of 2·2^30 doubles
 * (16 GiB) is within V8's typed-array length cap on 64-bit Node 20.
 */
export const MAX_STATEVECTOR_QUBITS = 30;
/**
 * Largest output the library returns by default: 2^20 entries (a 20-qubit statevector is ~80 MB of JSON text,
 * a full probability table of 2^20 outcomes ~40 MB). Wider states are read with `top`.
 */
export const MAX_OUTPUT_ENTRIES = 2 ** 20;
/** Rough heap cost of one `[re, im]` pair in the returned statevector, and of one counts entry. */
const OUTPUT_BYTES_PER_AMPLITUDE = 80;
const OUTPUT_BYTES_PER_OUTCOME = 120;

export function plan(circuit: Circuit, options: SimulateOptions = {}): SimulationPlan {
  const n = circuit.numQubits;
  if (!Number.isInteger(n) || n < 0)
    throw userError("Sim.InvalidCircuit", `the number of qubits must be a non-negative integer, got ${n}`);
  const shots = options.shots ?? DEFAULT_SHOTS;
  if (!Number.isInteger(shots) || shots < 1 || shots > MAX_SHOTS)
    throw userError("Sim.InvalidShots", `shots must be an integer from 1 to ${MAX_SHOTS}, got ${shots}`, {
      field: "shots",
    });
  if (options.seed !== undefined && !isValidSeed(options.seed))
    throw userError("Sim.InvalidSeed", `seed must be an integer from 0 to ${MAX_SEED}, got ${options.seed}`, {
      field: "seed",
    });
  if (options.top !== undefined && (!Number.isInteger(options.top) || options.top < 1))
    throw userError("Sim.InvalidTop", `top must be a positive integer, got ${options.top}`, { field: "top" });
  const maxMemoryBytes = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  if (!(maxMemoryBytes > 0) || !Number.isFinite(maxMemoryBytes))
    throw userError("Sim.InvalidMemoryLimit", `the memory limit must be a positive number of bytes`, {
      field: "maxMemoryBytes",
    });
  const maxBranchesOption = options.maxBranches ?? DEFAULT_MAX_BRANCHES;
  if (!Number.isInteger(maxBranchesOption) || maxBranchesOption < 1)
    throw userError("Sim.InvalidMaxBranches", `maxBranches must be a positive integer`, {
      field: "maxBranches",
    });

  const precision = options.precision ?? "double";
  if (precision !== "single" && precision !== "double")
    throw userError(
      "Sim.InvalidPrecision",
      `precision must be "single" or "double", got ${String(precision)}`,
      {
        field: "precision",
      },
    );
  const fusionOption = options.fusion;
  if (
    fusionOption !== undefined &&
    fusionOption !== false &&
    (!Number.isInteger(fusionOption) || fusionOption < 1 || fusionOption > MAX_FUSION_QUBITS)
  )
    throw userError(
      "Sim.InvalidFusion",
      `fusion must be false or an integer from 1 to ${MAX_FUSION_QUBITS}, got ${String(fusionOption)}`,
      { field: "fusion" },
    );
  if (
    options.threads !== undefined &&
    (!Number.isInteger(options.threads) || options.threads < 1 || options.threads > MAX_THREADS)
  )
    throw userError(
      "Sim.InvalidThreads",
      `threads must be an integer from 1 to ${MAX_THREADS}, got ${options.threads}`,
      { field: "threads" },
    );
  if (
    options.blockQubits !== undefined &&
    (!Number.isInteger(options.blockQubits) ||
      options.blockQubits < 0 ||
      options.blockQubits > MAX_BLOCK_QUBITS)
  )
    throw userError(
      "Sim.InvalidBlockQubits",
      `blockQubits must be an integer from 0 to ${MAX_BLOCK_QUBITS}, got ${options.blockQubits}`,
      { field: "blockQubits", hint: "0 turns cache blocking off; 15 to 18 suit common L2 caches" },
    );
  const bytesPerAmplitude = precision === "single" ? 8 : 16;
  const statevectorBytes = bytesPerAmplitude * 2 ** n;
  const kernel = selectKernel(options.kernel);
  const blockQubits =
    options.blockQubits ?? (kernel.name === "wasm" ? Math.log2(DEFAULT_BLOCK_BYTES / bytesPerAmplitude) : 0);

  validateCircuit(circuit);
  const measured = circuit.ops.some((op) => op.kind === "measure");
  const terminalFlags = findTerminalMeasurements(circuit);
  // Terminal measurements first (one linear pass): the memory and output checks need their count, and both
  // must refuse before the lowering and fusion work, whose cost grows with the gate count.
  const terminal: TerminalMeasure[] = [];
  circuit.ops.forEach((op, i) => {
    if (op.kind === "measure" && terminalFlags[i]) terminal.push({ qubit: op.qubit, clbit: op.clbit });
  });
  if (!measured) for (let q = 0; q < n; q++) terminal.push({ qubit: q, clbit: q });

  const maxOutputEntries = options.maxOutputEntries ?? MAX_OUTPUT_ENTRIES;
  checkOutputSize(n, terminal.length, options, maxOutputEntries);

  const samplingBytes = 8 * Math.min(shots, SAMPLE_CHUNK) + 8 * Math.ceil(2 ** n / SAMPLE_BLOCK);
  // Top-K over a full permutation of the qubits reads the state itself (top-k.ts); otherwise the marginal.
  const probabilitiesBytes = !options.probabilities
    ? 0
    : options.top !== undefined && coversAllQubits(terminal, n)
      ? 16 * Math.min(options.top, 2 ** n)
      : 8 * 2 ** terminal.length;
  const outputBytes =
    (options.statevector ? OUTPUT_BYTES_PER_AMPLITUDE * 2 ** n : 0) +
    OUTPUT_BYTES_PER_OUTCOME * Math.min(shots, 2 ** terminal.length);
  const memory: MemoryEstimate = {
    statevectorBytes,
    samplingBytes,
    probabilitiesBytes,
    outputBytes,
    totalBytes: statevectorBytes + samplingBytes + probabilitiesBytes + outputBytes,
  };
  const label =
    options.memoryLimitLabel ?? (options.maxMemoryBytes === undefined ? "default" : "maxMemoryBytes");
  if (memory.totalBytes > maxMemoryBytes) {
    const extra = memory.totalBytes - statevectorBytes;
    throw userError(
      "Sim.TooManyQubits",
      `a ${n}-qubit simulation needs ${formatBytes(memory.totalBytes)} (${memory.totalBytes} bytes)` +
        (extra > 0
          ? `: the statevector ${formatBytes(statevectorBytes)} plus ${formatBytes(extra)} for sampling and output`
          : "") +
        `, more than the limit of ${formatBytes(maxMemoryBytes)}`,
      {
        hint:
          `a ${n}-qubit statevector needs ${formatBytes(statevectorBytes)}; the limit is ` +
          `${formatBytes(maxMemoryBytes)} (${label}); use --max-memory to change it`,
      },
    );
  }

  if (n > MAX_STATEVECTOR_QUBITS)
    throw userError(
      "Sim.TooManyQubits",
      `a ${n}-qubit statevector (${formatBytes(statevectorBytes)}) is beyond the ${MAX_STATEVECTOR_QUBITS}-qubit ` +
        `limit of the statevector kernels`,
      { hint: `the statevector simulator handles at most ${MAX_STATEVECTOR_QUBITS} qubits` },
    );

  const steps: Step[] = [];
  circuit.ops.forEach((op, i) => {
    if (op.kind === "barrier") return;
    const condition = op.condition ? resolveCondition(circuit, op.condition) : undefined;
    const cond = condition ? { condition } : {};
    if (op.kind === "measure") {
      if (!terminalFlags[i]) steps.push({ kind: "measure", qubit: op.qubit, clbit: op.clbit, ...cond });
    } else if (op.kind === "reset") {
      steps.push({ kind: "reset", qubit: op.qubit, ...cond });
    } else {
      const kop = lowerGate(op.name, op.qubits, op.params);
      if (kop) steps.push({ kind: "unitary", name: op.name, op: kop, ...cond });
    }
  });
  let gatesIn = 0;
  for (const st of steps) if (st.kind === "unitary") gatesIn++;
  const maxFusion =
    fusionOption === false ? 0 : (fusionOption ?? DEFAULT_FUSION_QUBITS[kernel.name as KernelName]);
  const fused = maxFusion > 0 ? fuse(steps, maxFusion) : steps;
  let gatesOut = 0;
  for (const st of fused) if (st.kind === "unitary") gatesOut++;
  const mode: ExecutionMode = steps.some((s) => s.kind !== "unitary") ? "branching" : "sample-once";
  const branchBudget = Math.floor(
    (maxMemoryBytes - (memory.totalBytes - statevectorBytes)) / statevectorBytes,
  );
  const maxBranches = Math.max(1, Math.min(maxBranchesOption, branchBudget));

  // Without mid-circuit measurements every clbit stays 0, so each condition is decided now (it holds when it
  // asks for 0) and the whole run can be scheduled into sweeps before anything is allocated. A state above the
  // WASM arena is run in gathered passes, one in it in strided passes (remapping only the qubits at far
  // positions: scheduleHybrid), else with qubits remapped (blocking.ts). The run starts from |0…0⟩ (any first
  // layout is free), and may end with the qubits permuted: the outputs read the state through `positions`
  // rather than spend up to two more sweeps restoring the layout.
  const farQubit = Math.log2(FAR_STRIDE_BYTES / bytesPerAmplitude);
  const schedule =
    blockQubits > 0 && gathersState(kernel, statevectorBytes)
      ? scheduleGathered
      : kernel.applyGathered
        ? (ops: KernelOp[], nq: number, b: number) =>
            scheduleHybrid(ops, nq, b, farQubit, { zeroState: true, restore: false })
        : scheduleBlocks;
  const sweeps =
    mode === "sample-once"
      ? schedule(
          fused.flatMap((st) =>
            st.kind === "unitary" && (!st.condition || st.condition.value === 0) ? [st.op] : [],
          ),
          n,
          blockQubits,
        )
      : null;
  const finalPositions = sweeps ? Array.from(positionsAfter(sweeps, n)) : null;

  return {
    numQubits: n,
    numClbits: measured ? circuit.numClbits : n,
    circuitClbits: circuit.numClbits,
    mode,
    kernel: kernel.name as KernelName,
    precision,
    threads: effectiveThreads(
      kernel,
      options.threads ?? (statevectorBytes < MIN_THREADED_STATE_BYTES ? 1 : defaultThreads()),
    ),
    blockQubits,
    fusion: { maxQubits: maxFusion, gatesIn, gatesOut },
    passes: sweeps ? sweeps.filter((s) => s.kind !== "relabel").length : fused.length,
    bytesPerPass: 2 * statevectorBytes,
    steps: fused,
    sweeps,
    positions: finalPositions?.some((p, q) => p !== q) ? finalPositions : null,
    terminal,
    measured,
    keyRegisters: measured
      ? circuit.cregs.map((r) => ({ offset: r.offset, size: r.size })).reverse()
      : [{ offset: 0, size: n }],
    shots,
    seed: options.seed ?? randomSeed(),
    probabilities: options.probabilities ?? false,
    statevector: options.statevector ?? false,
    ...(options.top !== undefined ? { top: options.top } : {}),
    maxBranches,
    memory,
    maxMemoryBytes,
  };
}

/** True when the terminal measurements read every qubit exactly once (a permutation of the qubits). */
export function coversAllQubits(terminal: readonly TerminalMeasure[], numQubits: number): boolean {
  if (terminal.length !== numQubits) return false;
  const seen = new Uint8Array(numQubits);
  for (const t of terminal) {
    if (seen[t.qubit]) return false;
    seen[t.qubit] = 1;
  }
  return true;
}

/** Refuse outputs too large to print, before simulating, with the way to read the state instead. */
function checkOutputSize(
  n: number,
  measuredBits: number,
  options: SimulateOptions,
  maxOutputEntries: number,
): void {
  if (!Number.isInteger(maxOutputEntries) || maxOutputEntries < 1)
    throw userError("Sim.InvalidOutputLimit", "maxOutputEntries must be a positive integer", {
      field: "maxOutputEntries",
    });
  if (options.statevector && 2 ** n > maxOutputEntries)
    throw userError(
      "Sim.OutputTooLarge",
      `the statevector of ${n} qubits has 2^${n} amplitudes, more than the ${maxOutputEntries} entries an output may have`,
      { field: "statevector", hint: "use --probabilities --top K to see the K most likely basis states" },
    );
  if (options.top !== undefined && options.top > maxOutputEntries)
    throw userError(
      "Sim.OutputTooLarge",
      `top ${options.top} is more than the ${maxOutputEntries} entries an output may have`,
      { field: "top", hint: `use a K of at most ${maxOutputEntries}` },
    );
  if (options.probabilities && options.top === undefined && 2 ** measuredBits > maxOutputEntries)
    throw userError(
      "Sim.OutputTooLarge",
      `all probabilities of ${measuredBits} measured bits are 2^${measuredBits} entries, more than the ` +
        `${maxOutputEntries} an output may have`,
      { field: "probabilities", hint: "use --top K to keep the K most likely outcomes" },
    );
}

/** "256 GiB", "1.5 MiB", "16 TiB". */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = Number.isInteger(v) ? String(v) : v < 10 ? v.toFixed(1) : String(Math.round(v));
  return `${text} ${units[u]}`;
}

function validateCircuit(c: Circuit): void {
  const bad = (code: string, message: string): never => {
    throw userError(code, message, { field: "circuit" });
  };
  const checkQubit = (q: number): void => {
    if (!Number.isInteger(q) || q < 0 || q >= c.numQubits)
      bad("Circuit.QubitOutOfRange", `qubit ${q} is out of range 0..${c.numQubits - 1}`);
  };
  const checkCondition = (cond: Condition | undefined): void => {
    if (!cond) return;
    const reg =
      c.cregs.find((r) => r.name === cond.register) ??
      bad("Circuit.UnknownRegister", `no classical register '${cond.register}'`);
    if (cond.bit !== undefined && !(Number.isInteger(cond.bit) && cond.bit >= 0 && cond.bit < reg.size))
      bad("Circuit.InvalidCondition", `bit ${cond.bit} is out of range for register '${cond.register}'`);
    if (!Number.isInteger(cond.value) || cond.value < 0)
      bad("Circuit.InvalidCondition", `a condition compares with a non-negative integer, got ${cond.value}`);
  };
  for (const op of c.ops) {
    switch (op.kind) {
      case "gate": {
        const spec = GATES.get(op.name);
        if (!spec) {
          bad("Circuit.UnknownGate", `unknown gate '${op.name}'`);
          return;
        }
        if (op.qubits.length !== spec.numQubits)
          bad(
            "Circuit.WrongArity",
            `gate '${op.name}' takes ${spec.numQubits} qubit(s), got ${op.qubits.length}`,
          );
        if (op.params.length !== spec.params.length || op.params.some((p) => !Number.isFinite(p)))
          bad(
            "Circuit.WrongParamCount",
            `gate '${op.name}' takes ${counted(String(spec.params.length), "finite parameter", "finite parameters")}`,
          );
        op.qubits.forEach(checkQubit);
        if (new Set(op.qubits).size !== op.qubits.length)
          bad("Circuit.DuplicateQubit", `gate '${op.name}' uses a qubit twice`);
        checkCondition(op.condition);
        break;
      }
      case "measure":
        checkQubit(op.qubit);
        if (!Number.isInteger(op.clbit) || op.clbit < 0 || op.clbit >= c.numClbits)
          bad("Circuit.ClbitOutOfRange", `clbit ${op.clbit} is out of range 0..${c.numClbits - 1}`);
        checkCondition(op.condition);
        break;
      case "reset":
        checkQubit(op.qubit);
        checkCondition(op.condition);
        break;
      case "barrier":
        op.qubits.forEach(checkQubit);
        break;
    }
  }
}

function resolveCondition(c: Circuit, cond: Condition): ResolvedCondition {
  const reg = c.cregs.find((r) => r.name === cond.register)!;
  if (cond.bit !== undefined) return { offset: reg.offset + cond.bit, size: 1, value: cond.value };
  return { offset: reg.offset, size: reg.size, value: cond.value };
}

/**
 * A measurement is terminal when it can move to the end of the circuit: no later operation touches its qubit,
 * no later condition reads its register, no later measurement overwrites its clbit, and it is unconditioned.
 * Scanning backwards keeps that one pass.
 */
export function findTerminalMeasurements(c: Circuit): boolean[] {
  const flags = new Array<boolean>(c.ops.length).fill(false);
  const qubitUsedLater = new Uint8Array(c.numQubits);
  const clbitReadLater = new Uint8Array(c.numClbits);
  const clbitWrittenLater = new Uint8Array(c.numClbits);
  const markRead = (op: Operation): void => {
    if (op.kind === "barrier" || !op.condition) return;
    const cond = op.condition;
    const reg = c.cregs.find((r) => r.name === cond.register);
    if (reg && cond.bit !== undefined) clbitReadLater[reg.offset + cond.bit] = 1;
    else if (reg) for (let b = reg.offset; b < reg.offset + reg.size; b++) clbitReadLater[b] = 1;
  };
  for (let i = c.ops.length - 1; i >= 0; i--) {
    const op = c.ops[i];
    if (op.kind === "measure") {
      flags[i] =
        !op.condition &&
        !qubitUsedLater[op.qubit] &&
        !clbitReadLater[op.clbit] &&
        !clbitWrittenLater[op.clbit];
      qubitUsedLater[op.qubit] = 1;
      clbitWrittenLater[op.clbit] = 1;
    } else if (op.kind === "reset") {
      qubitUsedLater[op.qubit] = 1;
    } else if (op.kind === "gate") {
      for (const q of op.qubits) qubitUsedLater[q] = 1;
    }
    markRead(op);
  }
  return flags;
}

/**
 * The kernel op for a library gate: controlled gates with a 1- or 2-qubit target take the controlled kernel
 * (it touches only the amplitudes with every control set), other diagonal gates the phase-only kernel, then
 * dense by size. Identity gates lower to nothing.
 */
export function lowerGate(
  name: string,
  qubits: readonly number[],
  params: readonly number[],
): KernelOp | null {
  const spec = GATES.get(name);
  if (!spec) throw userError("Circuit.UnknownGate", `unknown gate '${name}'`);
  if (spec.controls && spec.numQubits - spec.controls.count <= 2) {
    const count = spec.controls.count;
    const target = spec.controls.target(params);
    return {
      kind: "controlled",
      controls: qubits.slice(0, count),
      targets: qubits.slice(count),
      matrix: target,
      ...(isRealMatrix(target) ? { real: true } : {}),
    };
  }
  const matrix = spec.matrix(params);
  const k = qubits.length;
  const d = 1 << k;
  if (spec.diagonal) {
    const diag = new Float64Array(2 * d);
    let identity = true;
    for (let j = 0; j < d; j++) {
      diag[2 * j] = matrix[2 * (j * d + j)];
      diag[2 * j + 1] = matrix[2 * (j * d + j) + 1];
      if (diag[2 * j] !== 1 || diag[2 * j + 1] !== 0) identity = false;
    }
    return identity ? null : { kind: "diagonal", qubits: [...qubits], diag };
  }
  const real = isRealMatrix(matrix) ? { real: true } : {};
  if (k === 1) return { kind: "dense1", qubit: qubits[0], matrix, ...real };
  if (k === 2) return { kind: "dense2", qubits: [qubits[0], qubits[1]], matrix, ...real };
  return { kind: "dense", qubits: [...qubits], matrix, ...real };
}
