// The interface every statevector kernel backend implements (TypeScript, and WASM SIMD optionally split over
// worker threads). Only `select.ts` knows which backends exist.
//
// State layout shared by all backends: amplitudes interleaved re/im in one Float64Array (complex128, double
// precision) or Float32Array (complex64, single precision) of length 2·2^n; amplitude i is (state[2i],
// state[2i+1]); qubit 0 is the least significant bit of i. Gate matrices are always Float64Array; a single-
// precision kernel rounds them to float32 and accumulates in float32.
// Gate matrices are row-major, interleaved re/im; matrix index bit j is the op's qubit j (Qiskit's order).
//
// A `KernelOp` is a gate already lowered by the planner to the shape a kernel handles best. The fuser turns runs
// of ops into `dense` ops on ≤ k qubits, so it needs nothing else from this interface.

/** A 2×2 matrix on one qubit. */
export interface Dense1Op {
  kind: "dense1";
  qubit: number;
  /** 2×2, 8 doubles. */
  matrix: Float64Array;
  /** Every imaginary part of `matrix` is exactly 0 (set by the planner and the fuser): the real kernels apply. */
  real?: boolean;
}

/** A 4×4 matrix on two distinct qubits; qubits[0] is matrix index bit 0. */
export interface Dense2Op {
  kind: "dense2";
  qubits: readonly [number, number];
  /** 4×4, 32 doubles. */
  matrix: Float64Array;
  /** As Dense1Op.real. */
  real?: boolean;
}

/** `matrix` applied to `targets` (1 or 2 qubits) on the amplitudes where every control qubit is 1. */
export interface ControlledOp {
  kind: "controlled";
  controls: readonly number[];
  targets: readonly number[];
  /** 2^t × 2^t for t = targets.length; targets[0] is index bit 0. */
  matrix: Float64Array;
  /** As Dense1Op.real. */
  real?: boolean;
}

/** A diagonal gate: amplitude i is multiplied by diag[j] where bit b of j is bit qubits[b] of i. */
export interface DiagonalOp {
  kind: "diagonal";
  qubits: readonly number[];
  /** 2^k complex entries, 2·2^k doubles. */
  diag: Float64Array;
}

/** Any k-qubit matrix (k ≥ 1): gathers the 2^k amplitudes of each group, multiplies, scatters back. */
export interface DenseOp {
  kind: "dense";
  qubits: readonly number[];
  /** 2^k × 2^k. */
  matrix: Float64Array;
  /** As Dense1Op.real. */
  real?: boolean;
}

export type KernelOp = Dense1Op | Dense2Op | ControlledOp | DiagonalOp | DenseOp;

/** A statevector in either precision (layout above). */
export type Amplitudes = Float64Array | Float32Array;

export type Precision = "single" | "double";

export interface Kernel {
  /** Stable name reported in plans and results (`"ts"`, `"wasm"`). */
  readonly name: string;
  /** Apply any op; dispatches on `op.kind`. */
  apply(state: Amplitudes, numQubits: number, op: KernelOp): void;
  applyDense1(state: Amplitudes, numQubits: number, op: Dense1Op): void;
  applyDense2(state: Amplitudes, numQubits: number, op: Dense2Op): void;
  applyControlled(state: Amplitudes, numQubits: number, op: ControlledOp): void;
  applyDiagonal(state: Amplitudes, numQubits: number, op: DiagonalOp): void;
  /** The generic reference kernel the fast paths are tested against. */
  applyDense(state: Amplitudes, numQubits: number, op: DenseOp): void;
  /** Σ|amplitude|² over the amplitudes whose bit `qubit` is 1. */
  probabilityOne(state: Amplitudes, numQubits: number, qubit: number): number;
  /**
   * Keep the amplitudes whose bit `qubit` equals `outcome`, multiply them by `scale` (1/√p to renormalise)
   * and zero the rest. With `resetToZero`, the kept amplitudes move to bit value 0 (a reset after the outcome).
   */
  collapse(
    state: Amplitudes,
    numQubits: number,
    qubit: number,
    outcome: 0 | 1,
    scale: number,
    resetToZero: boolean,
  ): void;
  /**
   * |0…0⟩ on n qubits in the given precision, in memory this kernel works on at full speed (its own WASM memory,
   * for the WASM kernel); any other Amplitudes array is still accepted by every method.
   */
  createState(numQubits: number, precision: Precision): Amplitudes;
  /**
   * Apply `ops` in order, every op's qubits below `blockQubits` (< numQubits): chunk by chunk of 2^blockQubits
   * amplitudes, one sweep for the whole run (blocking.ts). Absent: the generic subarray path.
   */
  applyBlocked?(state: Amplitudes, numQubits: number, ops: readonly KernelOp[], blockQubits: number): void;
  /**
   * Exchange qubits a and c for every pair (disjoint pairs): the amplitude permutation that remaps qubits for
   * cache blocking (blocking.ts). Absent: the generic loop there.
   */
  swapQubitPairs?(
    state: Amplitudes,
    numQubits: number,
    pairs: ReadonlyArray<readonly [number, number]>,
  ): void;
  /**
   * Apply `ops` (in order, every qubit among the sorted `qubits`, b of them) chunk by chunk: each chunk is the
   * 2^b amplitudes whose index bits outside `qubits` are fixed, transformed in cache in place (a strided chunk
   * of a state in the kernel's memory: blocking.ts, scheduleStrided, scheduleHybrid) or gathered into cache and written back (a
   * state outside it: scheduleGathered). Absent: the ops one by one, and the planner remaps qubits instead
   * (scheduleBlocks).
   */
  applyGathered?(
    state: Amplitudes,
    numQubits: number,
    ops: readonly KernelOp[],
    qubits: readonly number[],
  ): void;
  /** The run on `state` is over: drop what the kernel holds for it (threads' references to a large state). */
  release?(state: Amplitudes): void;
  /** Threads for the following gates; returns the count in effect (absent: always 1). */
  setThreads?(threads: number): number;
  /**
   * Σ|amplitude|² per block of `blockAmplitudes` consecutive amplitudes, when the backend computes it faster
   * than the sampler's own loop (else absent, or null for this state).
   */
  blockNorms?(state: Amplitudes, numQubits: number, blockAmplitudes: number): Float64Array | null;
  /** Σ|amplitude|². */
  normSquared(state: Amplitudes, numQubits: number): number;
}
