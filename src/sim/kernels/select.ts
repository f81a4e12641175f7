// The only module that knows which kernel backends exist. Issue 5 adds WASM SIMD and threaded backends here
// (probing WebAssembly SIMD support) without touching the planner or the simulator.

import { tsKernel } from "./apply-ts.js";
import type { Kernel } from "./kernel.js";

export type KernelName = "ts";

/** Every available backend, for the conformance suite and `--kernel`. */
export const KERNELS: ReadonlyMap<KernelName, Kernel> = new Map([["ts", tsKernel]]);

/** The backend to use for a run: the one asked for, else the best available one. */
export function selectKernel(preferred?: KernelName): Kernel {
  if (preferred) {
    const k = KERNELS.get(preferred);
    if (k) return k;
  }
  return tsKernel;
}

/** Threads used when the caller does not say. */
export function defaultThreads(): number {
  return 1;
}
