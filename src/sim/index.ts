// The simulator's public API (re-exports only).

export { createPrng, type Prng, Xoshiro128StarStar } from "../stats/prng.js";
export { precompileWasmKernels, type WasmKernelBuild, wasmKernelBuild } from "./kernels/apply-wasm.js";
export type { Amplitudes, Kernel, KernelOp, Precision } from "./kernels/kernel.js";
export { availableKernels, type KernelName, selectKernel } from "./kernels/select.js";
export {
  DEFAULT_BLOCK_BYTES,
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_SHOTS,
  type ExecutionMode,
  formatBytes,
  MAX_BLOCK_QUBITS,
  MAX_FUSION_QUBITS,
  MAX_SHOTS,
  MAX_STATEVECTOR_QUBITS,
  MAX_THREADS,
  type MemoryEstimate,
  plan,
  type SimulateOptions,
  type SimulationPlan,
  type Step,
} from "./plan.js";
export { type EngineReport, run, type SimulationResult, simulate } from "./simulate.js";
