// The floors the simulator benchmarks compare against, measured in the same run (bench/run.ts, bench/sim.ts):
// memory bandwidth (copy and in-place), the WASM kernels' multiply-add rate, and the multiply-adds a plan needs.
import type { Circuit } from "../src/circuit/ir.js";
import { plan, selectKernel } from "../src/sim/index.js";
import { instantiateKernels, laneMatrix, sparseLaneMatrix } from "../src/sim/kernels/apply-wasm.js";
import { matrixStructure, opQubits } from "../src/sim/kernels/ops.js";
import type { WasmMemory } from "../src/sim/kernels/wasm-api.js";
import { timeMs } from "./timing.js";

/** STREAM-like copy: bytes read plus written per second, median of 5, on 512 MiB arrays (far above the LLC). */
export function copyBandwidthGBps(): number {
  const a = new Float64Array(64 * 1024 ** 2).fill(1);
  const b = new Float64Array(a.length);
  b.set(a);
  const ms = timeMs(() => b.set(a), 5);
  return (2 * a.byteLength) / (ms * 1e6);
}

/**
 * f32x4 multiply-adds per second on one thread, from the kernels' own build (asm/kernels.ts, maddChains: twelve
 * independent chains), median of 5: the arithmetic ceiling the WASM kernels run under.
 */
export function maddsPerSecond(): number {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  const ex = instantiateKernels(memory as unknown as WasmMemory);
  const iters = 2e7;
  ex.maddChains(1e5);
  return (12 * iters) / (timeMs(() => ex.maddChains(iters), 5) / 1000);
}

/**
 * Complex multiply-adds per amplitude of a plan's unitaries as the complex64 WASM kernels run them (a dense
 * k-qubit gate 2^k, a controlled one 2^t on its 2^-c share of the state, a diagonal one 1; a real matrix half,
 * since its kernels skip the imaginary parts; a 2-qubit matrix with exact zeros on qubits above the lanes
 * (ops.ts, matrixStructure) 1 when monomial, 2 when two blocks; one on a lane bit and a high qubit with two terms
 * per output member (sparseLaneMatrix) 2): in complex64 each is one f32x4 multiply-add
 * (four real ones). Also how many unitaries are real and how many structured.
 */
export function complexMaddsPerAmplitude(c: Circuit): {
  madds: number;
  unitaries: number;
  real: number;
  structured: number;
} {
  let madds = 0;
  let unitaries = 0;
  let real = 0;
  let structured = 0;
  for (const st of plan(c, { precision: "single", maxMemoryBytes: 2 ** 40 }).steps) {
    if (st.kind !== "unitary") continue;
    const op = st.op;
    unitaries++;
    const share = op.kind !== "diagonal" && op.real ? 0.5 : 1;
    // Qubits 0 and 1 are the quad lanes and never remapped (blocking.ts): gates clear of them take the
    // structured kernels (apply-wasm.ts, prepareStructured).
    const shape = op.kind === "dense2" && op.qubits.every((q) => q >= 2) ? matrixStructure(op.matrix) : null;
    if (shape && (shape.kind === "monomial" || share === 1)) {
      structured++;
      madds += shape.kind === "monomial" ? 1 : 2;
      continue;
    }
    // One lane bit and one high qubit, two terms per output member: the sparse lane kernels (apply-wasm.ts).
    if (op.kind === "dense2" && share === 1 && op.qubits.filter((q) => q < 2).length === 1) {
      const lane = laneMatrix(op.matrix, op.qubits, 2);
      if (sparseLaneMatrix(lane.lanes, lane.variant & 3)) {
        structured++;
        madds += 2;
        continue;
      }
    }
    if (share < 1) real++;
    if (op.kind === "diagonal") madds += 1;
    else if (op.kind === "controlled") madds += (share * 2 ** op.targets.length) / 2 ** op.controls.length;
    else madds += share * 2 ** opQubits(op).length;
  }
  return { madds, unitaries, real, structured };
}

/**
 * In-place read-modify-write bandwidth as the kernels see it: bytes read plus written per second by a sweep of
 * a 1-qubit diagonal gate (one complex multiply per amplitude, far below the arithmetic ceiling) over a 2^26
 * complex64 state (512 MiB, far above the LLC) with the run's threads, median of 5. The bandwidth floor of a
 * run is passes × bytes per pass ÷ this.
 */
export function inPlaceBandwidthGBps(threads: number): number {
  const kernel = selectKernel("wasm");
  kernel.setThreads?.(threads);
  const n = 26;
  const state = kernel.createState(n, "single");
  const op = {
    kind: "diagonal",
    qubits: [0],
    diag: Float64Array.of(1, 0, Math.SQRT1_2, Math.SQRT1_2),
  } as const;
  kernel.apply(state, n, op);
  const ms = timeMs(() => kernel.apply(state, n, op), 5);
  return (2 * 8 * 2 ** n) / (ms * 1e6);
}
