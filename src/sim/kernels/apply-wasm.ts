// WASM SIMD kernels (asm/kernels.ts, AssemblyScript, `--runtime stub`) on a statevector that lives in one
// shared WebAssembly.Memory, the arena: `createState` puts the state there, and every gate on that state runs in
// WASM, split over the thread pool when one is attached (threads.ts). Any other array, a state too large for
// the arena, a dense gate on more than 4 qubits, and the measurement helpers go to the TypeScript kernel, which
// reads the same memory through the typed-array view.
//
// Layout: as kernel.ts (interleaved re/im, complex128 or complex64, qubit 0 least significant), starting at
// byte STATE_OFFSET of the arena. Below it, the gate parameters the host writes before each call (sorted gate
// positions, member byte offsets, the prepared matrix) and one 1 KiB scratch block per thread.
// A wasm32 memory holds at most 4 GiB (65536 pages): complex128 up to 27 qubits, complex64 up to 28.

import { tsKernel } from "./apply-ts.js";
import type {
  Amplitudes,
  ControlledOp,
  Dense1Op,
  Dense2Op,
  DenseOp,
  DiagonalOp,
  Kernel,
  KernelOp,
  Precision,
} from "./kernel.js";
import { fitsBlock, matrixStructure, opQubits, relabel, swapQubitPairsTs } from "./ops.js";
import { WASM, type WasmApi, type WasmMemory, type WasmModule } from "./wasm-api.js";
import { KERNELS_RELAXED_WASM_BASE64, KERNELS_WASM_BASE64 } from "./wasm-binary.js";

const PAGE_BYTES = 65536;
const MAX_PAGES = 65536;
const POS_OFFSET = 0;
const OFFS_OFFSET = 256;
const MAT_OFFSET = 1024;
/** 16×16 entries × 32 bytes. */
const MAT_BYTES = 8192;
const SCRATCH_OFFSET = 16384;
const SCRATCH_BYTES = 1024;
/** Scratch blocks below STATE_OFFSET: the most threads one gate is split over. */
export const MAX_WASM_THREADS = (131072 - SCRATCH_OFFSET) / SCRATCH_BYTES;
const STATE_OFFSET = 131072;
/** Largest dense block the kernels take (scratch and matrix area). */
const MAX_WASM_GATE_QUBITS = 4;
/** Blocked runs: one 32-byte table entry per op, then per op its positions, member offsets and matrix. */
const BLOCK_ENTRY_BYTES = 32;
const BLOCK_SLOT_BYTES = 256 + 64 + MAT_BYTES;
/**
 * The gathered-run layout (applyGathered, GATHER_SOURCE) in the parameter area: words 0–3 b, w, the run count
 * and blockRun's sub-chunk mask, from word 4 the b sorted qubits, from GATHER_RUNS_AT the amplitude offsets of the runs.
 */
const GATHER_INFO_OFFSET = 12288;
const GATHER_INFO_WORDS = 1024;
const GATHER_RUNS_AT = 40;
const GATHER_MAX_RUNS = GATHER_INFO_WORDS - GATHER_RUNS_AT;
/** Ops per blockRun call (a longer run is split: the table stays under 600 KiB). */
const MAX_BLOCK_OPS = 64;
/**
 * blockRun's second level: consecutive ops of a blocked run whose positions all lie inside a sub-chunk of this
 * many bytes (half of one core's 512 KiB L2 on this machine kind) run sub-chunk by sub-chunk, so
 * ops light on arithmetic (diagonal, monomial, two-block) read the L2 instead of the L3.
 */
const SUB_BLOCK_BYTES = 256 * 1024;

/**
 * The gathered run's chunk loop, as source so the worker threads (threads-node.ts) and this thread run the same
 * code: for each chunk c in [c0, c1), the amplitude index of its first run (c's bits spread over the positions
 * outside the gathered qubits), then per run a copy of 2^w amplitudes from the large state `big` into this
 * thread's region of the arena, blockRun over the table, and the copy back. With nops = −k (k > 0) it reads
 * instead: Σ|amplitude|² per block of k amplitudes of each chunk into the f64 table at `table` (blockNorms), no
 * copy back. The thread's region follows from its scratch block. Amplitude indices stay below 2^30, so the bit
 * operations are exact.
 */
// A real function (no eval: the dashboard's Content-Security-Policy forbids it); worker threads get its source
// text with the constants it reads (GATHER_SOURCE).
export function gatherRun(
  ex: Pick<WasmExports, "blockNormsF32" | "blockNormsF64" | "blockRun">,
  memory: { readonly buffer: ArrayBufferLike },
  big: Float32Array | Float64Array,
  single: number,
  table: number,
  nops: number,
  localBytes: number,
  stateAt: number,
  scratch0: number,
  scratchBytes: number,
  scratch: number,
  c0: number,
  c1: number,
): void {
  const info = new Int32Array(memory.buffer, GATHER_INFO_OFFSET, GATHER_INFO_WORDS);
  const b = info[0],
    w = info[1],
    runs = info[2];
  const localAt = stateAt + ((scratch - scratch0) / scratchBytes) * localBytes;
  const local = single
    ? new Float32Array(memory.buffer, localAt, 2 * 2 ** b)
    : new Float64Array(memory.buffer, localAt, 2 * 2 ** b);
  const run = 2 * 2 ** w;
  for (let c = c0; c < c1; c++) {
    let base = c;
    for (let p = 0; p < b; p++) {
      const s = info[4 + p];
      base = ((base >>> s) << (s + 1)) | (base & ((1 << s) - 1));
    }
    for (let j = 0; j < runs; j++) {
      const a = 2 * (base + info[GATHER_RUNS_AT + j]);
      local.set(big.subarray(a, a + run), j * run);
    }
    if (nops < 0) {
      const blocks = 2 ** b / -nops;
      (single ? ex.blockNormsF32 : ex.blockNormsF64)(localAt, -nops, table + 8 * blocks * c, 0, blocks);
      continue;
    }
    ex.blockRun(localAt, single ? 3 : 4, table, nops, 0, info[3] >>> 0, scratch, 0, 1);
    for (let j = 0; j < runs; j++) {
      const a = 2 * (base + info[GATHER_RUNS_AT + j]);
      big.set(local.subarray(j * run, j * run + run), a);
    }
  }
}

/** gatherRun as source text for worker threads, with the layout constants it reads. */
export const GATHER_SOURCE = `(() => {
  const GATHER_INFO_OFFSET = ${GATHER_INFO_OFFSET}, GATHER_INFO_WORDS = ${GATHER_INFO_WORDS}, GATHER_RUNS_AT = ${GATHER_RUNS_AT};
  return ${gatherRun.toString()};
})()`;

export interface WasmExports {
  denseF64(...a: number[]): void;
  diagF64(...a: number[]): void;
  denseF32Pairs(...a: number[]): void;
  denseF32Single(...a: number[]): void;
  denseF32Quad(...a: number[]): void;
  denseF64Duo(...a: number[]): void;
  diagF32(...a: number[]): void;
  blockNormsF32(...a: number[]): void;
  blockNormsF64(...a: number[]): void;
  blockRun(...a: number[]): void;
  swapUnits(...a: number[]): void;
  fillZero(...a: number[]): void;
  /** The benchmark's multiply-add throughput probe (asm/kernels.ts). */
  maddChains(iters: number): number;
  /** Not WASM: the host's chunk loop of a gathered run (GATHER_SOURCE), bound to the large state. */
  gathered(...a: number[]): void;
}

/** The kernels a WasmCall runs (everything but the benchmark probe). */
export type KernelFn = Exclude<keyof WasmExports, "maddChains">;

/** A call into the kernels: which function, and its arguments before the group range [g0, g1). */
export interface WasmCall {
  fn: KernelFn;
  /** Arguments before the scratch pointer (for dense) or before g0 (for diag). */
  args: number[];
  /** Whether the function takes a per-thread scratch pointer after `args`. */
  scratch: boolean;
  groups: number;
  /** Amplitudes per group. */
  d: number;
  /** Group ranges must start on multiples of this: 2 for the pair kernels, else 1. */
  align: number;
}

/** Runs a call over all groups, possibly in parallel (threads-node.ts). */
export interface CallRunner {
  readonly threads: number;
  run(call: WasmCall): void;
  /** Hand the large state's buffer to the threads for gathered runs (null: drop it); idempotent. */
  share?(state: Amplitudes | null): void;
  terminate(): void;
}

export type ThreadPoolFactory = (
  threads: number,
  memory: WasmMemory,
  module: WasmModule,
  exports: WasmExports,
) => CallRunner;

let poolFactory: ThreadPoolFactory | null = null;
/** Called by a platform adapter that can run threads on a shared memory. */
export function registerThreadPool(factory: ThreadPoolFactory): void {
  poolFactory = factory;
}
export function threadPoolRegistered(): boolean {
  return poolFactory !== null;
}

function decodeBase64(text: string): Uint8Array {
  // Node's Buffer decodes natively: 0.2 ms for the kernels against 1.8 ms for atob and the loop, twice in every
  // `qfit run` (issue 14 §4, start-up). Browsers have no Buffer.
  const { Buffer } = globalThis as { Buffer?: { from(text: string, encoding: "base64"): Uint8Array } };
  if (Buffer) return Buffer.from(text, "base64");
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A minimal module using one SIMD instruction (v128.const, drop): validates only where WASM SIMD exists. */
const SIMD_PROBE = Uint8Array.from([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 23, 1, 21, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 26, 11,
]);

export function wasmSimdSupported(): boolean {
  try {
    if (!WASM?.validate(SIMD_PROBE)) return false;
    // Shared memory needs cross-origin isolation in browsers; the module imports a shared memory.
    new WASM.Memory({ initial: 1, maximum: 1, shared: true });
    return true;
  } catch {
    return false;
  }
}

function api(): WasmApi {
  if (!WASM) throw new Error("WebAssembly is not available");
  return WASM;
}

let compiled: WasmModule | undefined;
let build: WasmKernelBuild | undefined;

/** Which build of the kernels runs: with relaxed SIMD (fused multiply-adds) or plain SIMD. */
export type WasmKernelBuild = "relaxed-simd" | "simd";

/** The relaxed-SIMD build where the engine validates it (faster multiply-adds), else the plain SIMD one. */
function preferredBuild(): WasmKernelBuild {
  return api().validate(buildBytes("relaxed-simd")) ? "relaxed-simd" : "simd";
}

function buildBytes(b: WasmKernelBuild): Uint8Array {
  return decodeBase64(b === "relaxed-simd" ? KERNELS_RELAXED_WASM_BASE64 : KERNELS_WASM_BASE64);
}

/** The build the kernels run from by default (decided when they are first compiled). */
export function wasmKernelBuild(): WasmKernelBuild {
  build ??= preferredBuild();
  return build;
}

/**
 * Compile the kernels asynchronously ahead of the first run. Browsers refuse synchronous compilation of all but
 * tiny modules on the main thread, so a page awaits this once before simulating; Node compiles on demand.
 */
export async function precompileWasmKernels(): Promise<void> {
  compiled ??= await api().compile(buildBytes(wasmKernelBuild()));
}

/** The compiled kernels: the default build, or the one asked for (the conformance suite runs both). */
export function kernelsModule(which?: WasmKernelBuild): WasmModule {
  if (which !== undefined && which !== wasmKernelBuild()) return new (api().Module)(buildBytes(which));
  compiled ??= new (api().Module)(buildBytes(wasmKernelBuild()));
  return compiled;
}

export function instantiateKernels(memory: WasmMemory, module: WasmModule = kernelsModule()): WasmExports {
  return new (api().Instance)(module, { env: { memory } }).exports as WasmExports;
}

/** createState zeroes states of at least this size in WASM on every thread, in units of this size. */
const ZERO_UNIT_BYTES = 65536;
/** normSquared reads states of at least this many qubits in WASM, as 2^NORM_BLOCK_BITS block sums. */
const NORM_WASM_MIN_QUBITS = 16;
const NORM_BLOCK_BITS = 10;

/** Chunk of a single op's gathered run on the large state: one core's L2 (as plan.ts's DEFAULT_BLOCK_BYTES). */
const GATHER_CHUNK_BYTES = 2 * 1024 ** 2;

/** The largest state the arena can hold, in bytes. */
export const MAX_ARENA_STATE_BYTES = MAX_PAGES * PAGE_BYTES - STATE_OFFSET;

function sortedInt(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

type DenseKind = "f64" | "duo" | "quad" | "pairs" | "single";
const DENSE_FN: Record<DenseKind, KernelFn> = {
  f64: "denseF64",
  duo: "denseF64Duo",
  quad: "denseF32Quad",
  pairs: "denseF32Pairs",
  single: "denseF32Single",
};
/** blockRun's kind numbers (asm/kernels.ts). */
const BLOCK_KIND: Record<DenseKind, number> = { f64: 0, pairs: 2, single: 3, quad: 6, duo: 7 };
/**
 * The real-matrix kernels (every imaginary part exactly 0: half the multiply-adds): added to a lane kernel's
 * variant and to a dense kernel's d (scripts/unroll-kernels.mjs, asm/kernels.ts).
 */
const REAL_LANE_VARIANT = 16;
const REAL_DENSE_D = 256;
/** Index bits held in the lanes of the lane kernels: 2 (quads) in complex64, 1 (duos) in complex128. */
const LANE_BITS = { quad: 2, duo: 1 } as const;
/**
 * The structured lane kernels (scripts/unroll-kernels.mjs, structuredKernel): monomial on nh high targets is
 * variant MONO_VARIANT + nh (nh ≤ MONO_MAX_HIGH), two-block on 2 high targets BLOCKS_VARIANT.
 */
const MONO_VARIANT = 32;
const MONO_MAX_HIGH = 3;
const BLOCKS_VARIANT = 40;
/** The sparse lane kernels: SPARSE_VARIANT + 4·shape + low (scripts/unroll-kernels.mjs, SPARSE_SHAPES). */
const SPARSE_VARIANT = 48;
/**
 * Flags on a complex64 lane kernel's variant: its input, or its output, is the planar quad layout (scripts/
 * unroll-kernels.mjs, withLayout). Set by planarRun on the ops of a blocked run.
 */
const PLANAR_IN_VARIANT = 64;
const PLANAR_OUT_VARIANT = 128;

/**
 * Inside a blocked run of complex64 lane kernels (two or more, blockRun applies them to every amplitude of a
 * chunk in table order), keep the chunk in planar quads between the first op and the last: the first op reads
 * the state's interleaved quads and writes planar ones, the ops between read and write planar, the last writes
 * interleaved, so the four shuffles per quad that de-interleave and re-interleave are paid once per run instead
 * of once per op (`npm run bench:kernels` times each kernel both ways). Needs the first and the last op to cover
 * the whole chunk (no control bits); anything else in the table keeps the run interleaved. Entries: blockRun's
 * u32 table, BLOCK_ENTRY_BYTES / 4 words per op (kind, pos, npos, ctrl, d = the variant, …). The flags must be
 * the generator's (scripts/unroll-kernels.mjs, PLANAR_IN_VARIANT): planar-run.test.ts runs both layouts and
 * compares the states bit for bit. Returns whether the run went planar.
 */
export function planarRun(entries: Uint32Array, nops: number): boolean {
  const at = (i: number, word: number) => (BLOCK_ENTRY_BYTES / 4) * i + word;
  const CTRL = 3;
  const VARIANT = 4;
  if (nops < 2 || entries[at(0, CTRL)] !== 0 || entries[at(nops - 1, CTRL)] !== 0) return false;
  for (let i = 0; i < nops; i++) if ((entries[at(i, 0)] & 255) !== BLOCK_KIND.quad) return false;
  for (let i = 0; i < nops; i++)
    entries[at(i, VARIANT)] += (i > 0 ? PLANAR_IN_VARIANT : 0) + (i < nops - 1 ? PLANAR_OUT_VARIANT : 0);
  return true;
}

type PreparedDense = {
  kind: DenseKind;
  npos: number;
  dArg: number;
  groups: number;
  amplitudesPerGroup: number;
};

/**
 * Which dense kernel takes a gate on sorted positions `pos` (controls and targets) of an n-qubit state: the lane
 * kernels (quads in complex64, duos in complex128) for 1 and 2 targets on any qubits, unless a control is
 * among the lane bits: fewer loads and shuffles per multiply-add, and full lanes where a target is qubit 0.
 * Else in complex64 the pair kernel clear of qubit 0, else one amplitude per vector.
 */
function denseKind(
  single: boolean,
  pos: readonly number[],
  ctrl: number,
  targets: number,
  n: number,
): DenseKind {
  const lane = single ? "quad" : "duo";
  const bits = LANE_BITS[lane];
  const positions = pos.filter((q) => q >= bits).length + bits;
  if (targets <= 2 && (ctrl & ((1 << bits) - 1)) === 0 && positions <= n) return lane;
  if (!single) return "f64";
  return pos[0] >= 1 && n - pos.length >= 1 ? "pairs" : "single";
}

/**
 * A 1- or 2-target matrix as the lane kernels take it (scripts/unroll-kernels.mjs, laneKernel), for lanes over
 * the lowest `laneBits` index bits: the variant nh·4 + low (nh targets above the lane bits, `low` the mask of
 * targets among them), and per (output high member, input high member, lane XOR k) the lane vectors of real
 * then imaginary entries: lane l reads entry (row of l, column of l ^ k), l's lane bits and the output member
 * giving the row, (l ^ k)'s and the input member the column.
 */
export function laneMatrix(
  matrix: Float64Array,
  targets: readonly number[],
  laneBits: number,
): { variant: number; lanes: number[][] } {
  const d = 1 << targets.length;
  const lanes = 1 << laneBits;
  const highIndex = new Map(targets.filter((t) => t >= laneBits).map((t, i) => [t, i]));
  let low = 0;
  for (const t of targets) if (t < laneBits) low |= 1 << t;
  const members = 1 << highIndex.size;
  const perms = Array.from({ length: lanes }, (_, k) => k).filter((k) => (k & ~low) === 0);
  /** Matrix index of the amplitude in high member `h` at lane `lane`. */
  const index = (h: number, lane: number) => {
    let i = 0;
    targets.forEach((t, j) => {
      const bit = t < laneBits ? (lane >> t) & 1 : (h >> highIndex.get(t)!) & 1;
      i |= bit << j;
    });
    return i;
  };
  const out: number[][] = [];
  for (let r = 0; r < members; r++)
    for (let c = 0; c < members; c++)
      for (const k of perms) {
        const re: number[] = [];
        const im: number[] = [];
        for (let lane = 0; lane < lanes; lane++) {
          const at = 2 * (index(r, lane) * d + index(c, lane ^ k));
          re.push(matrix[at]);
          im.push(matrix[at + 1]);
        }
        out.push([...re, ...im]);
      }
  return { variant: highIndex.size * 4 + low, lanes: out };
}

/**
 * The sparse lane kernels (scripts/unroll-kernels.mjs, SPARSE_SHAPES: complex64, one lane-bit target `low` and
 * one high target) for a lane matrix (laneMatrix: vector (r·2 + c)·2 + j for output member r, input member c,
 * lane XOR 0 (j = 0) or `low` (j = 1)) whose nonzero vectors are two per output member in one of the shapes:
 * the variant, the input member each output member reads (shape `own`), and the two vectors per output member in
 * the kernel's term order. Null when the matrix is denser. Zeros are exact, as in matrixStructure.
 */
export function sparseLaneMatrix(
  lanes: readonly number[][],
  low: number,
): { variant: number; inputs: [number, number]; lanes: number[][] } | null {
  const at = (r: number, c: number, j: number) => lanes[(2 * r + c) * 2 + j];
  const zeroWhere = (keep: (r: number, c: number, j: number) => boolean) => {
    for (let r = 0; r < 2; r++)
      for (let c = 0; c < 2; c++)
        for (let j = 0; j < 2; j++) if (!keep(r, c, j) && at(r, c, j).some((v) => v !== 0)) return false;
    return true;
  };
  const pick = (shape: number, inputs: [number, number], terms: (r: number) => Array<[number, number]>) => ({
    variant: SPARSE_VARIANT + 4 * shape + low,
    inputs,
    lanes: [0, 1].flatMap((r) => terms(r).map(([c, j]) => at(r, c, j))),
  });
  if (zeroWhere((r, c) => r === c))
    return pick(0, [0, 1], (r) => [
      [r, 0],
      [r, 1],
    ]);
  if (zeroWhere((r, c) => r !== c))
    return pick(0, [1, 0], (r) => [
      [1 - r, 0],
      [1 - r, 1],
    ]);
  if (zeroWhere((_r, _c, j) => j === 0))
    return pick(1, [0, 1], () => [
      [0, 0],
      [1, 0],
    ]);
  if (zeroWhere((_r, _c, j) => j === 1))
    return pick(2, [0, 1], () => [
      [0, 1],
      [1, 1],
    ]);
  return null;
}

export class WasmKernel implements Kernel {
  readonly name = "wasm";
  readonly memory: WasmMemory;
  private readonly exports: WasmExports;
  private live: Amplitudes | null = null;
  /** The state too large for the arena (above 4 GiB), in its own buffer; gates on it run gathered. */
  private big: Amplitudes | null = null;
  private runner: CallRunner | null = null;
  private pool: CallRunner | null = null;
  private readonly module: WasmModule;

  /**
   * `build`: which build of the kernels to run (default: the relaxed-SIMD one where the engine has it).
   * `layout` is for tests: states above `arenaStateBytes` are kept in their own buffer and run gathered, a
   * single op's gathered chunk spanning `gatherQubits` qubits (default: the arena's limit, GATHER_CHUNK_BYTES),
   * blocked runs' second level on sub-chunks of `subBlockQubits` qubits (default: SUB_BLOCK_BYTES);
   * `planarRuns: false` keeps blocked runs interleaved (planarRun), for tests and same-process A/B timing.
   */
  constructor(
    readonly build: WasmKernelBuild = wasmKernelBuild(),
    private readonly layout: {
      arenaStateBytes?: number;
      gatherQubits?: number;
      subBlockQubits?: number;
      planarRuns?: boolean;
    } = {},
  ) {
    this.memory = new (api().Memory)({
      initial: STATE_OFFSET / PAGE_BYTES,
      maximum: MAX_PAGES,
      shared: true,
    });
    this.module = kernelsModule(build);
    const exports = instantiateKernels(this.memory, this.module);
    this.exports = {
      ...exports,
      gathered: (...a: number[]) =>
        (gatherRun as (...args: unknown[]) => void)(exports, this.memory, this.big, ...a),
    };
  }

  /**
   * Split every following gate over `threads` threads (the pool is kept while the count stays the same);
   * returns the count in effect, 1 when no thread pool is registered.
   */
  setThreads(threads: number): number {
    if (threads <= 1 || !poolFactory) {
      this.runner = null;
      return 1;
    }
    if (this.pool?.threads !== threads) {
      this.pool?.terminate();
      this.pool = poolFactory(Math.min(threads, MAX_WASM_THREADS), this.memory, this.module, this.exports);
    }
    this.runner = this.pool;
    return this.pool.threads;
  }

  createState(numQubits: number, precision: Precision): Amplitudes {
    const bytes = (precision === "single" ? 8 : 16) * 2 ** numQubits;
    if (bytes > (this.layout.arenaStateBytes ?? MAX_ARENA_STATE_BYTES)) {
      // Shared, so the worker threads can gather from it; an ordinary buffer where there is no sharing.
      const buffer =
        typeof SharedArrayBuffer === "function" ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
      const state = precision === "single" ? new Float32Array(buffer) : new Float64Array(buffer);
      state[0] = 1;
      this.big = state;
      return state;
    }
    const needPages = Math.ceil((STATE_OFFSET + bytes) / PAGE_BYTES);
    const have = this.memory.buffer.byteLength / PAGE_BYTES;
    if (needPages > have) this.memory.grow(needPages - have);
    const length = 2 * 2 ** numQubits;
    const state =
      precision === "single"
        ? new Float32Array(this.memory.buffer, STATE_OFFSET, length)
        : new Float64Array(this.memory.buffer, STATE_OFFSET, length);
    if (bytes >= ZERO_UNIT_BYTES)
      this.run({
        fn: "fillZero",
        args: [STATE_OFFSET, Math.log2(ZERO_UNIT_BYTES)],
        scratch: false,
        groups: bytes / ZERO_UNIT_BYTES,
        d: ZERO_UNIT_BYTES / (precision === "single" ? 8 : 16),
        align: 1,
      });
    else state.fill(0);
    state[0] = 1;
    this.live = state;
    return state;
  }

  /** Whether gates on this array run in WASM (it is the arena's current state). */
  owns(state: Amplitudes): boolean {
    return state === this.live;
  }

  apply(state: Amplitudes, numQubits: number, op: KernelOp): void {
    if (this.gatheredOne(state, numQubits, op)) return;
    switch (op.kind) {
      case "dense1":
        this.applyDense(state, numQubits, {
          kind: "dense",
          qubits: [op.qubit],
          matrix: op.matrix,
          real: op.real,
        });
        return;
      case "dense2":
        this.applyDense(state, numQubits, {
          kind: "dense",
          qubits: op.qubits,
          matrix: op.matrix,
          real: op.real,
        });
        return;
      case "controlled":
        this.applyControlled(state, numQubits, op);
        return;
      case "diagonal":
        this.applyDiagonal(state, numQubits, op);
        return;
      case "dense":
        this.applyDense(state, numQubits, op);
        return;
    }
  }

  /** Qubits of a gathered chunk that is not scheduled (a single op, the norms): GATHER_CHUNK_BYTES of them. */
  private gatherChunkQubits(state: Amplitudes, numQubits: number): number {
    const bytes = state instanceof Float32Array ? 8 : 16;
    return Math.min(numQubits, this.layout.gatherQubits ?? Math.log2(GATHER_CHUNK_BYTES / bytes));
  }

  /**
   * One op on the large state as a gathered run: its qubits and the lowest others, up to a chunk of
   * GATHER_CHUNK_BYTES. False for any other state.
   */
  private gatheredOne(state: Amplitudes, numQubits: number, op: KernelOp): boolean {
    if (state !== this.big) return false;
    const b = this.gatherChunkQubits(state, numQubits);
    const qubits = new Set(opQubits(op));
    for (let q = 0; qubits.size < b; q++) qubits.add(q);
    this.applyGathered(state, numQubits, [op], sortedInt([...qubits]));
    return true;
  }

  applyDense1(state: Amplitudes, numQubits: number, op: Dense1Op): void {
    if (this.gatheredOne(state, numQubits, op)) return;
    this.applyDense(state, numQubits, {
      kind: "dense",
      qubits: [op.qubit],
      matrix: op.matrix,
      real: op.real,
    });
  }

  applyDense2(state: Amplitudes, numQubits: number, op: Dense2Op): void {
    if (this.gatheredOne(state, numQubits, op)) return;
    this.applyDense(state, numQubits, { kind: "dense", qubits: op.qubits, matrix: op.matrix, real: op.real });
  }

  applyControlled(state: Amplitudes, numQubits: number, op: ControlledOp): void {
    if (this.gatheredOne(state, numQubits, op)) return;
    if (!this.owns(state)) {
      tsKernel.applyControlled(state, numQubits, op);
      return;
    }
    let ctrl = 0;
    for (const c of op.controls) ctrl |= 1 << c;
    this.dense(
      state,
      numQubits,
      sortedInt([...op.controls, ...op.targets]),
      ctrl,
      op.targets,
      op.matrix,
      op.real,
    );
  }

  applyDense(state: Amplitudes, numQubits: number, op: DenseOp): void {
    if (this.gatheredOne(state, numQubits, op)) return;
    if (!this.owns(state) || op.qubits.length > MAX_WASM_GATE_QUBITS) {
      tsKernel.applyDense(state, numQubits, op);
      return;
    }
    this.dense(state, numQubits, sortedInt(op.qubits), 0, op.qubits, op.matrix, op.real);
  }

  applyDiagonal(state: Amplitudes, numQubits: number, op: DiagonalOp): void {
    if (this.gatheredOne(state, numQubits, op)) return;
    if (!this.owns(state) || op.qubits.length > MAX_WASM_GATE_QUBITS) {
      tsKernel.applyDiagonal(state, numQubits, op);
      return;
    }
    const single = state instanceof Float32Array;
    const lane = this.prepareLaneDiagonal(single, numQubits, op.qubits, op.diag, {
      posAt: POS_OFFSET,
      offsAt: OFFS_OFFSET,
      matAt: MAT_OFFSET,
    });
    if (lane) {
      this.run({
        fn: DENSE_FN[lane.kind],
        args: [STATE_OFFSET, POS_OFFSET, lane.npos, 0, lane.dArg, OFFS_OFFSET, MAT_OFFSET],
        scratch: true,
        groups: lane.groups,
        d: lane.amplitudesPerGroup,
        align: 1,
      });
      return;
    }
    const pos = sortedInt(op.qubits);
    const d = this.writeGate(pos, op.qubits, single);
    this.writeEntries(op.diag, d, single);
    const groups = 2 ** (numQubits - pos.length);
    const pairs = single && pos[0] >= 1 && groups >= 2;
    const common = [STATE_OFFSET, POS_OFFSET, pos.length, d, OFFS_OFFSET, MAT_OFFSET];
    this.run(
      single
        ? { fn: "diagF32", args: [...common, pairs ? 1 : 0], scratch: false, groups, d, align: pairs ? 2 : 1 }
        : { fn: "diagF64", args: common, scratch: false, groups, d, align: 1 },
    );
  }

  /**
   * The run chunk by chunk of 2^blockQubits contiguous amplitudes (every op's qubits below blockQubits): the
   * strided run (applyStrided) on the lowest blockQubits qubits. Falls back to one sweep per op for a state the
   * kernel does not own, an op the WASM kernels do not take, or an arena too small for the table.
   */
  applyBlocked(state: Amplitudes, numQubits: number, ops: readonly KernelOp[], blockQubits: number): void {
    if (!this.owns(state) || !ops.every((op) => fitsBlock(op, blockQubits, numQubits))) {
      for (const op of ops) this.apply(state, numQubits, op);
      return;
    }
    this.applyStrided(
      state,
      numQubits,
      ops,
      Array.from({ length: blockQubits }, (_, q) => q),
    );
  }

  /**
   * `ops` (every qubit among the sorted `qubits`, b < numQubits of them) chunk by chunk in place, one blockRun
   * call per MAX_BLOCK_OPS ops: a chunk is the 2^b amplitudes whose index bits outside `qubits` are fixed, so
   * gates on any qubits run in cache without remapping (strided chunks: runs of 2^w contiguous amplitudes, w the
   * lowest qubit outside the set). The op table goes after the state in the arena.
   */
  private applyStrided(
    state: Amplitudes,
    numQubits: number,
    ops: readonly KernelOp[],
    qubits: readonly number[],
  ): void {
    if (ops.length === 0) return;
    if (ops.length > MAX_BLOCK_OPS) {
      for (let i = 0; i < ops.length; i += MAX_BLOCK_OPS)
        this.applyStrided(state, numQubits, ops.slice(i, i + MAX_BLOCK_OPS), qubits);
      return;
    }
    const table = STATE_OFFSET + state.byteLength;
    const single = state instanceof Float32Array;
    const subMask = this.writeBlockTable(ops, qubits, single, table);
    if (subMask === null) {
      for (const op of ops) this.apply(state, numQubits, op);
      return;
    }
    let inside = 0;
    for (const q of qubits) inside |= 1 << q;
    const chunkMask = (2 ** numQubits - 1) & ~inside;
    this.run({
      fn: "blockRun",
      args: [STATE_OFFSET, single ? 3 : 4, table, ops.length, chunkMask >>> 0, subMask],
      scratch: true,
      groups: 2 ** (numQubits - qubits.length),
      d: 2 ** qubits.length,
      align: 1,
    });
  }

  /**
   * Write blockRun's op table for `ops` (every qubit among the sorted `qubits`, at most MAX_BLOCK_OPS) at byte
   * `table`, growing the arena; returns the sub-chunk mask blockRun takes (the chunk's qubits above its
   * sub-chunk), or null when an op is one the WASM kernels do not take or the arena is too small. Each op is
   * prepared on its physical qubits for a state of as many qubits as the chunk (or sub-chunk) has, then the
   * positions below its highest chunk qubit that are not chunk qubits join its sorted positions (its groups
   * skip them: asm/kernels.ts, blockRun).
   */
  private writeBlockTable(
    ops: readonly KernelOp[],
    qubits: readonly number[],
    single: boolean,
    table: number,
  ): number | null {
    const data = table + BLOCK_ENTRY_BYTES * ops.length;
    const needPages = Math.ceil((data + BLOCK_SLOT_BYTES * ops.length) / PAGE_BYTES);
    const wasmable = ops.every(
      (op) => op.kind === "controlled" || op.kind === "dense1" || op.qubits.length <= MAX_WASM_GATE_QUBITS,
    );
    if (!wasmable || needPages > MAX_PAGES || ops.length > MAX_BLOCK_OPS) return null;
    const have = this.memory.buffer.byteLength / PAGE_BYTES;
    if (needPages > have) this.memory.grow(needPages - have);
    const entries = new Uint32Array(this.memory.buffer, table, (BLOCK_ENTRY_BYTES / 4) * ops.length);
    const b = qubits.length;
    // The second level: maximal runs of two or more consecutive ops on the sub-chunk's qubits (blockRun).
    const subQubits = this.layout.subBlockQubits ?? Math.log2(SUB_BLOCK_BYTES / (single ? 8 : 16));
    const inSub = (op: KernelOp) => subQubits < b && opQubits(op).every((q) => q <= qubits[subQubits - 1]);
    const runOf = new Array<number>(ops.length).fill(0);
    for (let i = 0; i < ops.length; ) {
      let j = i;
      while (j < ops.length && inSub(ops[j])) j++;
      if (j - i >= 2) for (let k = i; k < j; k++) runOf[k] = k === i ? j - i : -1;
      i = Math.max(j, i + 1);
    }
    let subMask = 0;
    for (let k = subQubits; k < b; k++) subMask |= 1 << qubits[k];
    /** Positions below the chunk's (or sub-chunk's) top qubit that are not its qubits. */
    const holesBelow = (count: number) => {
      const set = new Set(qubits.slice(0, count));
      const top = qubits[count - 1];
      return Array.from({ length: top }, (_, p) => p).filter((p) => !set.has(p));
    };
    const holes = holesBelow(b);
    const subHoles = subQubits < b ? holesBelow(subQubits) : [];
    ops.forEach((op, i) => {
      // Ops of a sub-chunk run are prepared on the sub-chunk's qubits (their groups per sub-chunk).
      const count = runOf[i] === 0 ? b : subQubits;
      const skip = runOf[i] === 0 ? holes : subHoles;
      const head = (k: number) => k | (runOf[i] > 0 ? runOf[i] << 8 : 0);
      const at = data + BLOCK_SLOT_BYTES * i;
      const posAt = at;
      const offsAt = at + 256;
      const matAt = at + 320;
      const withHoles = (npos: number) => {
        if (skip.length === 0) return npos;
        const pos = new Uint32Array(this.memory.buffer, posAt, npos + skip.length);
        const merged = sortedInt([...pos.subarray(0, npos), ...skip]);
        pos.set(merged);
        return merged.length;
      };
      let ctrl = 0;
      let targets: readonly number[];
      let diagonal = false;
      let entriesOf: Float64Array;
      if (op.kind === "controlled") {
        for (const c of op.controls) ctrl |= 1 << c;
        targets = op.targets;
        entriesOf = op.matrix;
      } else if (op.kind === "dense1") {
        targets = [op.qubit];
        entriesOf = op.matrix;
      } else if (op.kind === "diagonal") {
        targets = op.qubits;
        entriesOf = op.diag;
        diagonal = true;
      } else {
        targets = op.qubits;
        entriesOf = op.matrix;
      }
      const pos = op.kind === "controlled" ? sortedInt([...op.controls, ...op.targets]) : sortedInt(targets);
      const row = (kind: number, npos: number, d: number, groups: number) =>
        entries.set(
          [head(kind), posAt, withHoles(npos), ctrl, d, offsAt, matAt, groups],
          (BLOCK_ENTRY_BYTES / 4) * i,
        );
      if (!diagonal) {
        const real = op.kind !== "diagonal" && op.real === true;
        const g = this.prepareDense(single, count, pos, ctrl, targets, entriesOf, posAt, offsAt, matAt, real);
        row(BLOCK_KIND[g.kind], g.npos, g.dArg, g.groups);
        return;
      }
      const lane = this.prepareLaneDiagonal(single, count, targets, entriesOf, { posAt, offsAt, matAt });
      if (lane) {
        row(BLOCK_KIND[lane.kind], lane.npos, lane.dArg, lane.groups);
        return;
      }
      const d = this.writeGate(pos, targets, single, posAt, offsAt);
      this.writeEntries(entriesOf, d, single, matAt);
      const groups = 2 ** (count - pos.length);
      const pairs = single && pos[0] >= 1 && groups >= 2;
      row(single ? (pairs ? 4 : 5) : 1, pos.length, d, groups);
    });
    if (this.layout.planarRuns !== false) planarRun(entries, ops.length);
    return subMask >>> 0;
  }

  /**
   * A gathered run on the large state (blocking.ts, scheduleGathered): each thread copies a chunk (the 2^b
   * amplitudes whose bits outside `qubits` are fixed) into its own region of the arena, runs blockRun's table on
   * it as a b-qubit state in cache, and copies it back (GATHER_SOURCE). Ops on other states go one by one.
   */
  applyGathered(
    state: Amplitudes,
    numQubits: number,
    ops: readonly KernelOp[],
    qubits: readonly number[],
  ): void {
    if (this.owns(state) && qubits.length < numQubits && qubits[0] === 0 && qubits[1] === 1) {
      // In the arena: in place, the chunk strided through the state (the lane bits always inside it).
      this.applyStrided(state, numQubits, ops, qubits);
      return;
    }
    if (state !== this.big || ops.length === 0) {
      for (const op of ops) this.apply(state, numQubits, op);
      return;
    }
    if (ops.length > MAX_BLOCK_OPS) {
      for (let i = 0; i < ops.length; i += MAX_BLOCK_OPS)
        this.applyGathered(state, numQubits, ops.slice(i, i + MAX_BLOCK_OPS), qubits);
      return;
    }
    const b = qubits.length;
    const local = new Map(qubits.map((q, i) => [q, i]));
    const localOps = ops.map((op) => relabel(op, (q) => local.get(q)!));
    const single = state instanceof Float32Array;
    const localBytes = (single ? 8 : 16) * 2 ** b;
    const threads = this.runner?.threads ?? 1;
    const table = STATE_OFFSET + threads * localBytes;
    let w = 0;
    while (w < b && qubits[w] === w) w++;
    const runs = 2 ** (b - w);
    const subMask =
      runs > GATHER_MAX_RUNS
        ? null
        : this.writeBlockTable(
            localOps,
            Array.from({ length: b }, (_, q) => q),
            single,
            table,
          );
    if (subMask === null) {
      for (const op of ops) tsKernel.apply(state, numQubits, op);
      return;
    }
    // The gather layout: the sorted qubits, the contiguous low run w, and the offsets of the runs.
    const info = new Int32Array(this.memory.buffer, GATHER_INFO_OFFSET, GATHER_INFO_WORDS);
    info[0] = b;
    info[1] = w;
    info[2] = runs;
    info[3] = subMask;
    info.set(qubits, 4);
    for (let j = 0; j < runs; j++) {
      let o = 0;
      for (let k = w; k < b; k++) if ((j >> (k - w)) & 1) o += 2 ** qubits[k];
      info[GATHER_RUNS_AT + j] = o;
    }
    this.pool?.share?.(state);
    this.run({
      fn: "gathered",
      args: [single ? 1 : 0, table, ops.length, localBytes, STATE_OFFSET, SCRATCH_OFFSET, SCRATCH_BYTES],
      scratch: true,
      groups: 2 ** (numQubits - b),
      d: 2 ** b,
      align: 1,
    });
  }

  release(state: Amplitudes): void {
    if (state !== this.big) return;
    this.big = null;
    this.pool?.share?.(null);
  }

  /** `matrix` on `targets` (index bit j = targets[j]) in every group of the sorted positions `pos`. */
  private dense(
    state: Amplitudes,
    numQubits: number,
    pos: number[],
    ctrl: number,
    targets: readonly number[],
    matrix: Float64Array,
    real = false,
  ): void {
    const single = state instanceof Float32Array;
    const g = this.prepareDense(
      single,
      numQubits,
      pos,
      ctrl,
      targets,
      matrix,
      POS_OFFSET,
      OFFS_OFFSET,
      MAT_OFFSET,
      real,
    );
    this.run({
      fn: DENSE_FN[g.kind],
      args: [STATE_OFFSET, POS_OFFSET, g.npos, ctrl, g.dArg, OFFS_OFFSET, MAT_OFFSET],
      scratch: true,
      groups: g.groups,
      d: g.amplitudesPerGroup,
      align: g.kind === "pairs" ? 2 : 1,
    });
  }

  /**
   * Write a dense gate's positions, member offsets and matrix for the kernel that takes it (denseKind); returns
   * that kernel, the position count and `d` argument it is called with, its group count on n qubits and the
   * amplitudes each group touches.
   */
  private prepareDense(
    single: boolean,
    numQubits: number,
    pos: number[],
    ctrl: number,
    targets: readonly number[],
    matrix: Float64Array,
    posAt: number,
    offsAt: number,
    matAt: number,
    real = false,
  ): PreparedDense {
    const kind = denseKind(single, pos, ctrl, targets.length, numQubits);
    const laneBits = kind === "quad" || kind === "duo" ? LANE_BITS[kind] : undefined;
    if (laneBits !== undefined && targets.length === 2 && targets.every((t) => t >= laneBits)) {
      const structured = this.prepareStructured(single, numQubits, kind, pos, targets, matrix, real, {
        posAt,
        offsAt,
        matAt,
      });
      if (structured) return structured;
    }
    if (laneBits !== undefined) {
      const lanePos = sortedInt([...new Set([...Array.from({ length: laneBits }, (_, b) => b), ...pos])]);
      const high = targets.filter((t) => t >= laneBits);
      const members = this.writeGate(lanePos, high, single, posAt, offsAt);
      const dense = laneMatrix(matrix, targets, laneBits);
      const sparse =
        single && !real && high.length === 1 ? sparseLaneMatrix(dense.lanes, dense.variant & 3) : null;
      const { variant, lanes } = sparse ?? dense;
      if (sparse) {
        // Output members 0, 1 in place, then the input member each reads (sparseLaneMatrix).
        const offs = new Uint32Array(this.memory.buffer, offsAt, 4);
        offs.set([offs[0], offs[1], offs[sparse.inputs[0]], offs[sparse.inputs[1]]]);
      }
      if (32 * lanes.length > MAT_BYTES) throw new Error("wasm kernel: gate matrix too large");
      const flat = lanes.flat();
      if (single) new Float32Array(this.memory.buffer, matAt, flat.length).set(flat);
      else new Float64Array(this.memory.buffer, matAt, flat.length).set(flat);
      const groups = 2 ** (numQubits - lanePos.length);
      const dArg = variant + (real ? REAL_LANE_VARIANT : 0);
      return { kind, npos: lanePos.length, dArg, groups, amplitudesPerGroup: members << laneBits };
    }
    const d = this.writeGate(pos, targets, single, posAt, offsAt);
    this.writeEntries(matrix, d * d, single, matAt);
    const dArg = d + (real && d <= 8 ? REAL_DENSE_D : 0);
    return { kind, npos: pos.length, dArg, groups: 2 ** (numQubits - pos.length), amplitudesPerGroup: d };
  }

  /**
   * A 2-target matrix with exact zeros (matrixStructure) on two targets above the lane bits, for the monomial or
   * two-block lane kernel: the sorted positions with the lane bits, the output then the input member offsets in
   * the order the kernel reads them, and per output member and term the matrix entry as a lane vector pair.
   * Null when the matrix is dense (or real and not monomial: the real kernel costs the same as two blocks).
   */
  private prepareStructured(
    single: boolean,
    numQubits: number,
    kind: DenseKind,
    pos: readonly number[],
    targets: readonly number[],
    matrix: Float64Array,
    real: boolean,
    at: { posAt: number; offsAt: number; matAt: number },
  ): PreparedDense | null {
    const structure = matrixStructure(matrix);
    if (!structure || (real && structure.kind !== "monomial")) return null;
    const laneBits = LANE_BITS[kind as "quad" | "duo"];
    const lanePos = sortedInt([...new Set([...Array.from({ length: laneBits }, (_, b) => b), ...pos])]);
    const amp = single ? 8 : 16;
    // Member j is matrix index j: bit b of j is targets[b] (both above the lane bits).
    const offset = (j: number) => amp * ((j & 1 ? 2 ** targets[0] : 0) + (j & 2 ? 2 ** targets[1] : 0));
    const rows = structure.kind === "monomial" ? [0, 1, 2, 3] : structure.rows;
    const entries: Array<[number, number]> =
      structure.kind === "monomial"
        ? rows.map((r) => [r, structure.cols[r]])
        : rows.flatMap((r, k) => [0, 1].map((t): [number, number] => [r, structure.cols[2 * (k >> 1) + t]]));
    const lanes = 1 << laneBits;
    const vectors = entries.map(([r, c]) => {
      const re = matrix[2 * (4 * r + c)];
      const im = matrix[2 * (4 * r + c) + 1];
      return [...new Array<number>(lanes).fill(re), ...new Array<number>(lanes).fill(im)];
    });
    new Uint32Array(this.memory.buffer, at.posAt, lanePos.length).set(lanePos);
    new Uint32Array(this.memory.buffer, at.offsAt, 8).set([
      ...rows.map(offset),
      ...structure.cols.map(offset),
    ]);
    this.writeLaneVectors(single, at.matAt, vectors);
    return {
      kind,
      npos: lanePos.length,
      dArg: structure.kind === "monomial" ? MONO_VARIANT + 2 : BLOCKS_VARIANT,
      groups: 2 ** (numQubits - lanePos.length),
      amplitudesPerGroup: 4 << laneBits,
    };
  }

  /**
   * A diagonal gate for the monomial lane kernel (any target qubits, at most MONO_MAX_HIGH above the lane bits):
   * members over the high targets, each multiplied by a lane vector of its diagonal entries, full lanes whatever
   * the targets. Null when it does not apply (the state has fewer qubits than the lanes need).
   */
  private prepareLaneDiagonal(
    single: boolean,
    numQubits: number,
    targets: readonly number[],
    diag: Float64Array,
    at: { posAt: number; offsAt: number; matAt: number },
  ): PreparedDense | null {
    const kind: DenseKind = single ? "quad" : "duo";
    const laneBits = LANE_BITS[kind];
    const high = targets.filter((t) => t >= laneBits);
    const lanePos = sortedInt([...new Set([...Array.from({ length: laneBits }, (_, b) => b), ...targets])]);
    if (high.length > MONO_MAX_HIGH || lanePos.length > numQubits) return null;
    const members = 1 << high.length;
    const lanes = 1 << laneBits;
    const amp = single ? 8 : 16;
    const offsets = Array.from({ length: members }, (_, j) =>
      high.reduce((o, t, b) => o + ((j >> b) & 1 ? amp * 2 ** t : 0), 0),
    );
    const vectors = offsets.map((_, j) => {
      const re: number[] = [];
      const im: number[] = [];
      for (let lane = 0; lane < lanes; lane++) {
        let i = 0;
        targets.forEach((t, b) => {
          const bit = t < laneBits ? (lane >> t) & 1 : (j >> high.indexOf(t)) & 1;
          i |= bit << b;
        });
        re.push(diag[2 * i]);
        im.push(diag[2 * i + 1]);
      }
      return [...re, ...im];
    });
    new Uint32Array(this.memory.buffer, at.posAt, lanePos.length).set(lanePos);
    new Uint32Array(this.memory.buffer, at.offsAt, 2 * members).set([...offsets, ...offsets]);
    this.writeLaneVectors(single, at.matAt, vectors);
    return {
      kind,
      npos: lanePos.length,
      dArg: MONO_VARIANT + high.length,
      groups: 2 ** (numQubits - lanePos.length),
      amplitudesPerGroup: members << laneBits,
    };
  }

  private writeLaneVectors(single: boolean, matAt: number, vectors: number[][]): void {
    const flat = vectors.flat();
    if (4 * flat.length * (single ? 1 : 2) > MAT_BYTES) throw new Error("wasm kernel: gate matrix too large");
    if (single) new Float32Array(this.memory.buffer, matAt, flat.length).set(flat);
    else new Float64Array(this.memory.buffer, matAt, flat.length).set(flat);
  }

  private run(call: WasmCall): void {
    if (this.runner && this.runner.threads > 1) {
      this.runner.run(call);
      return;
    }
    const scratch = call.scratch ? [SCRATCH_OFFSET] : [];
    this.exports[call.fn](...call.args, ...scratch, 0, call.groups);
  }

  /** Positions and member byte offsets into the parameter area; returns d = 2^targets. */
  private writeGate(
    pos: readonly number[],
    targets: readonly number[],
    single: boolean,
    posAt = POS_OFFSET,
    offsAt = OFFS_OFFSET,
  ): number {
    const buf = this.memory.buffer;
    new Uint32Array(buf, posAt, pos.length).set(pos);
    const d = 1 << targets.length;
    const offs = new Uint32Array(buf, offsAt, d);
    const amp = single ? 8 : 16;
    for (let j = 0; j < d; j++) {
      let o = 0;
      for (let b = 0; b < targets.length; b++) if ((j >> b) & 1) o += 2 ** targets[b];
      offs[j] = o * amp;
    }
    return d;
  }

  /**
   * Exchange qubit a and qubit c of every pair (a permutation of the amplitudes, one sweep), in WASM on every
   * thread: units of 2^u amplitudes move whole, u being the lowest swapped qubit (a unit must fill a v128:
   * u ≥ 1 in complex64; else the TypeScript loop).
   */
  swapQubitPairs(
    state: Amplitudes,
    numQubits: number,
    pairs: ReadonlyArray<readonly [number, number]>,
  ): void {
    if (pairs.length === 0) return;
    const single = state instanceof Float32Array;
    const unitQubits = Math.min(...pairs.flat());
    if (!this.owns(state) || unitQubits < (single ? 1 : 0)) {
      swapQubitPairsTs(state, numQubits, pairs);
      return;
    }
    const words = new Uint32Array(this.memory.buffer, POS_OFFSET, 2 * pairs.length);
    pairs.forEach(([a, c], k) => {
      words.set([a - unitQubits, c - unitQubits], 2 * k);
    });
    this.run({
      fn: "swapUnits",
      args: [STATE_OFFSET, unitQubits + (single ? 3 : 4), POS_OFFSET, pairs.length],
      scratch: false,
      groups: 2 ** (numQubits - unitQubits),
      d: 2 ** unitQubits,
      align: 1,
    });
  }

  /** The first `count` complex entries (a row-major matrix or a diagonal) as (A, B) pairs (asm/kernels.ts). */
  private writeEntries(entries: Float64Array, count: number, single: boolean, matAt = MAT_OFFSET): void {
    if (count * 32 > MAT_BYTES) throw new Error("wasm kernel: gate matrix too large");
    const buf = this.memory.buffer;
    if (single) {
      const m = new Float32Array(buf, matAt, count * 8);
      for (let e = 0; e < count; e++) {
        const a = entries[2 * e];
        const b = entries[2 * e + 1];
        m.set([a, a, a, a, -b, b, -b, b], 8 * e);
      }
    } else {
      const m = new Float64Array(buf, matAt, count * 4);
      for (let e = 0; e < count; e++) {
        const a = entries[2 * e];
        const b = entries[2 * e + 1];
        m.set([a, a, -b, b], 4 * e);
      }
    }
  }

  /**
   * Σ|amplitude|² over each block of `blockAmplitudes` consecutive amplitudes (the sampler's block table), in
   * WASM on every thread, written after the state in the arena; null for a state the kernel does not own. The
   * view is valid until the next createState, blockNorms or normSquared.
   */
  blockNorms(state: Amplitudes, numQubits: number, blockAmplitudes: number): Float64Array | null {
    const amplitudes = 2 ** numQubits;
    if (state === this.big) return this.gatheredNorms(state, numQubits, blockAmplitudes);
    if (!this.owns(state) || amplitudes % blockAmplitudes !== 0 || blockAmplitudes % 2 !== 0) return null;
    const blocks = amplitudes / blockAmplitudes;
    const out = STATE_OFFSET + state.byteLength;
    const needPages = Math.ceil((out + 8 * blocks) / PAGE_BYTES);
    if (needPages > MAX_PAGES) return null;
    const have = this.memory.buffer.byteLength / PAGE_BYTES;
    if (needPages > have) this.memory.grow(needPages - have);
    const single = state instanceof Float32Array;
    this.run({
      fn: single ? "blockNormsF32" : "blockNormsF64",
      args: [STATE_OFFSET, blockAmplitudes, out],
      scratch: false,
      groups: blocks,
      d: blockAmplitudes,
      align: 1,
    });
    return new Float64Array(this.memory.buffer, out, blocks);
  }

  /**
   * blockNorms of the large state: contiguous chunks gathered into the threads' regions, summed there, the
   * table after those regions in the arena (2^n / blockAmplitudes doubles: 256 MiB for 30 qubits in blocks of
   * 32). Null when the table does not fit.
   */
  private gatheredNorms(state: Amplitudes, numQubits: number, blockAmplitudes: number): Float64Array | null {
    const single = state instanceof Float32Array;
    const b = this.gatherChunkQubits(state, numQubits);
    if (2 ** b % blockAmplitudes !== 0 || blockAmplitudes % 2 !== 0) return null;
    const localBytes = (single ? 8 : 16) * 2 ** b;
    const threads = this.runner?.threads ?? 1;
    const out = STATE_OFFSET + threads * localBytes;
    const blocks = 2 ** numQubits / blockAmplitudes;
    const needPages = Math.ceil((out + 8 * blocks) / PAGE_BYTES);
    if (needPages > MAX_PAGES) return null;
    const have = this.memory.buffer.byteLength / PAGE_BYTES;
    if (needPages > have) this.memory.grow(needPages - have);
    const info = new Int32Array(this.memory.buffer, GATHER_INFO_OFFSET, GATHER_INFO_WORDS);
    info.set([b, b, 1], 0);
    info.set(
      Array.from({ length: b }, (_, q) => q),
      4,
    );
    info[GATHER_RUNS_AT] = 0;
    this.pool?.share?.(state);
    this.run({
      fn: "gathered",
      args: [single ? 1 : 0, out, -blockAmplitudes, localBytes, STATE_OFFSET, SCRATCH_OFFSET, SCRATCH_BYTES],
      scratch: true,
      groups: 2 ** (numQubits - b),
      d: 2 ** b,
      align: 1,
    });
    return new Float64Array(this.memory.buffer, out, blocks);
  }

  probabilityOne(state: Amplitudes, numQubits: number, qubit: number): number {
    return tsKernel.probabilityOne(state, numQubits, qubit);
  }

  collapse(
    state: Amplitudes,
    numQubits: number,
    qubit: number,
    outcome: 0 | 1,
    scale: number,
    resetToZero: boolean,
  ): void {
    tsKernel.collapse(state, numQubits, qubit, outcome, scale, resetToZero);
  }

  normSquared(state: Amplitudes, numQubits: number): number {
    // One threaded read pass in WASM instead of a loop here (82 ms at 24 qubits, complex64, on one thread:
    // a tenth of the simulation). It reuses blockNorms' table, so the sampler's table is gone after it.
    const blocks =
      state === this.big
        ? this.gatheredNorms(state, numQubits, 32)
        : numQubits >= NORM_WASM_MIN_QUBITS
          ? this.blockNorms(state, numQubits, 2 ** (numQubits - NORM_BLOCK_BITS))
          : null;
    if (blocks) {
      let sum = 0;
      for (let i = 0; i < blocks.length; i++) sum += blocks[i];
      return sum;
    }
    return tsKernel.normSquared(state, numQubits);
  }
}

export const SCRATCH = { offset: SCRATCH_OFFSET, bytes: SCRATCH_BYTES };
