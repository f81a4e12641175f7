// The verdict every workload ends in: who wins, by how many orders of magnitude, and why (bottleneck by
// bottleneck). Plain JSON: times in seconds, energy in joules, money in USD.
import { formatDuration, formatOrders } from "../units/format.js";
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

export function summarize(v: Pick<Verdict, "winner" | "speedupLog10" | "gpu" | "qpu">): string {
  const g = `${v.gpu.count.toLocaleString("en-US")}× ${v.gpu.device}: ${formatDuration(v.gpu.seconds)}`;
  const q = `${v.qpu.device}: ${formatDuration(v.qpu.seconds)}${v.qpu.feasible ? "" : " (infeasible; hypothetical)"}`;
  if (v.winner === "gpu")
    return `GPU wins ${formatOrders(v.speedupLog10)} — ${g}; ${q}; binding quantum bottleneck: ${v.qpu.bindingBottleneck}`;
  if (v.winner === "qpu") return `QPU wins ${formatOrders(v.speedupLog10)} — ${q}; ${g}`;
  return `neither fits — ${g}; ${q}`;
}
