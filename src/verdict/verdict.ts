import { decideV2 } from "./compose.js";

export type Winner = "gpu" | "qpu" | "neither";

export interface VerdictGpu {
  device: string;
  count: number;
  flops: number;
  seconds: number;
  singleGpuSeconds: number;
  gpuHours: number;
  energyJ: number | null;
  costUsd: number;
  feasible: boolean;
}

export interface VerdictQpu {
  device: string;
  feasible: boolean;
  seconds: number;
  qubits: number;
  bindingBottleneck: string;
}

export interface VerdictBottleneck {
  name: string;
  factorLog10: number;
  explanation: string;
}

export interface Crossover {
  /** Smallest problem size at which the QPU wins, or null if it never does in the range checked. */
  size: number | null;
  /** Earliest year a roadmap promises the resources for that size, or null. */
  year: number | null;
  explanation: string;
}

export interface Verdict {
  workload: { kind: string; id: string; name: string };
  winner: Winner;
  /** log10(slower time / faster time); with winner "neither", log10(QPU time / GPU time). */
  speedupLog10: number;
  summary: string;
  gpu: VerdictGpu;
  qpu: VerdictQpu;
  bottlenecks: VerdictBottleneck[];
  crossover: Crossover;
  notes: string[];
  assumptions: string[];
  unverified: string[];
  sources: Array<{ id: string; citation: string }>;
}

/** Winner and margin (schema 1 names): decideV2 with "gpu"/"qpu" for "classical"/"quantum". */
export function decide(
  gpu: { seconds: number; feasible: boolean },
  qpu: { seconds: number; feasible: boolean },
): { winner: Winner; speedupLog10: number } {
  const r = decideV2(gpu, qpu);
  return {
    winner: r.winner === "classical" ? "gpu" : r.winner === "quantum" ? "qpu" : "neither",
    speedupLog10: r.speedupLog10,
  };
}
