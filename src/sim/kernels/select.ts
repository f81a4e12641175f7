// The only module that knows which kernel backends exist: the TypeScript kernel everywhere, and the WASM SIMD
// kernel where WebAssembly SIMD and shared memory exist (probed once). Threads attach to the WASM kernel from an
// edge adapter (threads-node.ts), since worker threads are platform-specific.

import { tsKernel } from "./apply-ts.js";
import {
  MAX_ARENA_STATE_BYTES,
  MAX_WASM_THREADS,
  threadPoolRegistered,
  WasmKernel,
  wasmSimdSupported,
} from "./apply-wasm.js";
import type { Kernel } from "./kernel.js";

export type KernelName = "ts" | "wasm";

let wasm: WasmKernel | null | undefined;
/** The WASM kernel, created on first use; null where WebAssembly SIMD or shared memory is missing. */
export function wasmKernel(): WasmKernel | null {
  if (wasm === undefined) wasm = wasmSimdSupported() ? new WasmKernel() : null;
  return wasm;
}

/** Every available backend, for the conformance suite and `--kernel`. */
export function availableKernels(): Map<KernelName, Kernel> {
  const all = new Map<KernelName, Kernel>([["ts", tsKernel]]);
  const w = wasmKernel();
  if (w) all.set("wasm", w);
  return all;
}

/**
 * The backend for a run: the one asked for when available, else the best available one. A state of
 * `stateBytes` too large for the WASM arena (4 GiB: complex128 above 27 qubits, complex64 above 28) still runs
 * on the WASM kernel, gathered chunk by chunk from its own buffer (gathersState).
 */
export function selectKernel(preferred?: KernelName): Kernel {
  if (preferred === "ts") return tsKernel;
  return wasmKernel() ?? tsKernel;
}

/** Whether `kernel` keeps a state of `stateBytes` outside its memory and runs gates on it gathered. */
export function gathersState(kernel: Kernel, stateBytes: number): boolean {
  return kernel instanceof WasmKernel && stateBytes > MAX_ARENA_STATE_BYTES;
}

/** Threads a run on `kernel` can use when `requested` are asked for. */
export function effectiveThreads(kernel: Kernel, requested: number): number {
  return kernel instanceof WasmKernel && threadPoolRegistered() ? Math.min(requested, MAX_WASM_THREADS) : 1;
}

let threadsDefault = 1;
/** Threads used when the caller does not say: 1 unless an edge adapter attached a pool (threads-node.ts). */
export function defaultThreads(): number {
  return threadsDefault;
}
export function setDefaultThreads(n: number): void {
  threadsDefault = n;
}
