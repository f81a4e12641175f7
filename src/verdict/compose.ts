// Turns a classical side and the quantum side's strategies into a VerdictV2: the best strategy (the one most
// favourable to the quantum side), the winner, the margin and the one-line summary. Every workload, native or
// LLM, ends here, so the rules are written once.
import { formatDuration, formatOrders } from "../units/format.js";
import {
  type BottleneckFactor,
  type ClassicalCoprocessingRecord,
  type ClassicalSide,
  type Constraint,
  type CrossoverV2,
  type Strategy,
  VERDICT_SCHEMA_VERSION,
  type VerdictV2,
  type Winner,
} from "./contract.js";

/** Within this many orders of magnitude the summary calls the sides about even (a factor of 2). */
export const EVEN_LOG10 = Math.log10(2);

/** Σ factorLog10: by construction log10(strategy seconds / classical seconds). */
export const factorSum = (factors: BottleneckFactor[]): number =>
  factors.reduce((s, f) => s + f.factorLog10, 0);

/** One line for terminal, Markdown and HTML: the decoder load and the devices that carry it. */
export function describeCoprocessing(c: ClassicalCoprocessingRecord): string {
  const sci = (x: number) => x.toExponential(2);
  return `real-time decoding: ${sci(c.syndromeBitsPerSecond)} syndrome bits/s → ${c.devices.toLocaleString("en-US")} × ${c.decoder.device} (${c.decoder.name}), ${sci(c.powerW)} W, ${sci(c.energyJ)} J and $${sci(c.costUsd)} over the run (${c.decoder.source})`;
}

/** A capacity limit (satisfied when needed ≤ available). */
export function constraint(
  name: string,
  needed: number,
  available: number,
  unit: string,
  basis: string,
  yearSatisfied: number | null = null,
): Constraint {
  return { name, needed, available, unit, satisfied: needed <= available, basis, yearSatisfied };
}

/**
 * The strategy most favourable to the quantum side: the fastest of the runnable plans (lower bounds such as the
 * data-loading bound are not plans); at equal time a feasible one. With no runnable plan, the fastest bound.
 */
export function pickBest(strategies: Strategy[]): Strategy {
  const plans = strategies.filter((s) => !s.lowerBound);
  const pool = plans.length > 0 ? plans : strategies;
  let best = pool[0];
  for (const s of pool.slice(1)) {
    if (s.seconds < best.seconds || (s.seconds === best.seconds && s.feasible && !best.feasible)) best = s;
  }
  return best;
}

/** Winner and margin. An infeasible side cannot win; if neither side is feasible the winner is "neither". */
export function decideV2(
  classical: { seconds: number; feasible: boolean },
  quantum: { seconds: number; feasible: boolean },
): { winner: Winner; speedupLog10: number } {
  const ratio = Math.log10(quantum.seconds / classical.seconds);
  if (classical.feasible && (!quantum.feasible || classical.seconds <= quantum.seconds))
    return { winner: "classical", speedupLog10: Math.max(ratio, 0) };
  if (quantum.feasible && (!classical.feasible || quantum.seconds < classical.seconds))
    return { winner: "quantum", speedupLog10: Math.max(-ratio, 0) };
  return { winner: "neither", speedupLog10: ratio };
}

/** The largest (slowest-making) factor: the binding bottleneck. */
export function bindingFactor(factors: BottleneckFactor[]): BottleneckFactor | null {
  let top: BottleneckFactor | null = null;
  for (const f of factors) if (top === null || f.factorLog10 > top.factorLog10) top = f;
  return top;
}

const unmet = (cs: Constraint[]) => cs.filter((c) => !c.satisfied);

function describeConstraint(c: Constraint): string {
  return `${c.name}: needs ${fmt(c.needed)} ${c.unit}, ${fmt(c.available)} available (${c.basis})`;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return "∞";
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-2 && x !== 0)
    ? x.toExponential(2)
    : (+x.toPrecision(4)).toLocaleString("en-US");
}

export function summarizeV2(
  winner: Winner,
  speedupLog10: number,
  classical: ClassicalSide,
  best: Strategy,
): string {
  const c = `${classical.count.toLocaleString("en-US")}× ${classical.device} (${classical.method}): ${formatDuration(classical.seconds)}${classical.feasible ? "" : " (infeasible)"}`;
  const q = `${best.title} on ${best.device}: ${Number.isFinite(best.seconds) ? formatDuration(best.seconds) : "no plan"}${best.feasible ? "" : " (infeasible; hypothetical)"}`;
  const even = Math.abs(speedupLog10) < EVEN_LOG10 && winner !== "neither";
  if (even) return `about even (${winner} nominally ahead) — ${c}; ${q}`;
  if (winner === "classical") {
    const top = bindingFactor(best.bottlenecks);
    return `classical wins ${formatOrders(speedupLog10)} — ${c}; ${q}${top ? `; largest quantum factor: ${top.name}` : ""}`;
  }
  if (winner === "quantum") return `quantum wins ${formatOrders(speedupLog10)} — ${q}; ${c}`;
  return `neither fits — ${c}; ${q}`;
}

/** One sentence: why this strategy was chosen. */
export function bestReason(best: Strategy, strategies: Strategy[]): string {
  const others = strategies.filter((s) => s !== best);
  const why = best.feasible
    ? ""
    : ` (infeasible: ${unmet(best.constraints).map(describeConstraint).join("; ")})`;
  if (others.length === 0) return `${best.name} is the only strategy modelled for this workload${why}`;
  const next = others.filter((s) => !s.lowerBound).sort((a, b) => a.seconds - b.seconds)[0];
  const bound = others.find((s) => s.lowerBound);
  const parts = [`${best.name} is the fastest quantum plan (${formatDuration(best.seconds)})${why}`];
  if (next) parts.push(`next: ${next.name}, ${formatOrders(Math.log10(next.seconds / best.seconds))} slower`);
  if (bound) parts.push(`no strategy beats the ${bound.name} (${formatDuration(bound.seconds)})`);
  return parts.join("; ");
}

export interface VerdictParts {
  workload: VerdictV2["workload"];
  classical: ClassicalSide;
  strategies: Strategy[];
  crossover: CrossoverV2;
  notes: string[];
  assumptions: string[];
  unverified: string[];
  sources: VerdictV2["sources"];
}

export function composeVerdict(p: VerdictParts): VerdictV2 {
  const best = pickBest(p.strategies);
  const { winner, speedupLog10 } = decideV2(p.classical, best);
  return {
    schemaVersion: VERDICT_SCHEMA_VERSION,
    workload: p.workload,
    winner,
    speedupLog10,
    qpuOverGpuLog10: Math.log10(best.seconds / p.classical.seconds),
    summary: summarizeV2(winner, speedupLog10, p.classical, best),
    classical: p.classical,
    strategies: p.strategies,
    best: best.name,
    bestReason: bestReason(best, p.strategies),
    crossover: p.crossover,
    notes: p.notes,
    assumptions: p.assumptions,
    unverified: p.unverified,
    sources: p.sources,
  };
}

/** The best strategy of a verdict. */
export const bestStrategy = (v: VerdictV2): Strategy => v.strategies.find((s) => s.name === v.best)!;
