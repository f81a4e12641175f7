// The step types of a simulation plan (plan.ts), in their own module so the passes that rewrite steps (fuse.ts)
// and the helpers that read them (statevector.ts) need not import the planner.
import type { KernelOp } from "./kernels/kernel.js";

/** A condition resolved to clbit positions: holds when clbits[offset..offset+size) read as an integer = value. */
export interface ResolvedCondition {
  offset: number;
  size: number;
  value: number;
}

export type Step =
  | { kind: "unitary"; name: string; op: KernelOp; condition?: ResolvedCondition }
  | { kind: "measure"; qubit: number; clbit: number; condition?: ResolvedCondition }
  | { kind: "reset"; qubit: number; condition?: ResolvedCondition };

/** A measurement deferred to the end: sampled from the final distribution instead of branching. */
export interface TerminalMeasure {
  qubit: number;
  clbit: number;
}
