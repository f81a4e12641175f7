// Turns a classical side and the quantum side's strategies into a VerdictV2: the best strategy (the one most
// favourable to the quantum side), the winner, the margin and the one-line summary. Every workload, native or
// LLM, ends here, so the rules are written once.
import { catalog } from "../hardware/catalog.js";
import { formatDuration, formatNumber, formatOrders, formatSci } from "../units/format.js";
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
  projected = false,
): Constraint {
  return {
    name,
    needed,
    available,
    unit,
    satisfied: needed <= available,
    basis,
    yearSatisfied,
    ...(projected ? { projected } : {}),
  };
}

/** "239 available (projected)" for a trend value, "156 available" for a device's: what a constraint has. */
export const availableText = (c: Constraint, amount: string): string =>
  `${amount} available${c.projected ? " (projected)" : ""}`;

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
  const amount = /qubit/.test(c.unit) ? formatAmount(c.available, c.unit) : fmt(c.available);
  return `${c.name}: needs ${fmt(c.needed)} ${c.unit}, ${availableText(c, amount)} (${c.basis})`;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return "∞";
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-2 && x !== 0)
    ? x.toExponential(2)
    : (+x.toPrecision(4)).toLocaleString("en-US");
}

/**
 * What the classical side runs on, as a verdict names it: "GPU" (or "TPU") when its device is a catalog
 * accelerator, else "CPU" (cores, nodes, a heuristic on a node). The issue this answers: "GPU wins" printed for a
 * run on one CPU core.
 */
export function classicalHardware(device: string): "GPU" | "TPU" | "CPU" {
  const d = catalog.gpus.find((g) => device === g.id || device.startsWith(g.name));
  if (!d) return "CPU";
  return /tpu/i.test(d.id) ? "TPU" : "GPU";
}

/** "495×" below a thousand, else "~10^14.9×": how much faster the winner is. */
export function marginText(log10: number): string {
  if (!Number.isFinite(log10) || Math.abs(log10) >= 3) return formatOrders(log10);
  return `${formatNumber(10 ** log10, 2)}×`;
}

/** The unmet capacities of a side, short: "physical qubits: needs 8.67e5 qubits, 156 available". */
/**
 * A constraint's amount: plain below 1e5, scientific above; whole units where the unit is countable (a projected
 * 239.5 qubits is 239 qubits available).
 */
export function formatAmount(x: number, unit: string): string {
  if (!Number.isFinite(x)) return "∞";
  if (Math.abs(x) >= 1e5) return formatSci(x, 3);
  return formatNumber(/qubit|devices?$|GPUs?$/.test(unit) ? Math.floor(x) : x, 3);
}

function unmetText(cs: Constraint[]): string {
  const all = unmet(cs).map(
    (c) =>
      `${c.name}: needs ${formatAmount(c.needed, c.unit)} ${c.unit}, ${availableText(c, formatAmount(c.available, c.unit))}`,
  );
  return all.length > 1 ? `${all[0]} (and ${all.length - 1} more)` : (all[0] ?? "");
}

/**
 * The short verdict: who wins (naming the classical hardware), by how much, or why a side cannot run. Used by
 * the report's table and at the start of every summary sentence, so the two always agree.
 *   a tie (within 2×) · classical (GPU) by ~10^14.9× · classical (CPU) by 495× · quantum by 12× ·
 *   classical (GPU); quantum side infeasible · neither: both sides infeasible
 */
export function verdictPhrase(
  winner: Winner,
  speedupLog10: number,
  classical: Pick<ClassicalSide, "device" | "feasible">,
  quantumFeasible: boolean,
): string {
  const side = `classical (${classicalHardware(classical.device)})`;
  if (winner === "neither") return "neither: both sides infeasible";
  if (winner === "classical" && !quantumFeasible) return `${side}; quantum side infeasible`;
  if (winner === "quantum" && !classical.feasible) return "quantum; classical side infeasible";
  if (Math.abs(speedupLog10) < EVEN_LOG10)
    return `a tie (within 2×, ${winner === "classical" ? side : "quantum"} nominally ahead)`;
  return `${winner === "classical" ? side : "quantum"} by ${marginText(speedupLog10)}`;
}

/** How the infeasible side would compare if it could run: the hypothetical margin, said as such. */
function ifBuilt(log10QuantumOverClassical: number): string {
  const r = log10QuantumOverClassical;
  if (!Number.isFinite(r) || Math.abs(r) < EVEN_LOG10)
    return Number.isFinite(r) ? "about even if it could run" : "";
  return r > 0 ? `${marginText(r)} slower even if it could run` : `${marginText(-r)} faster if it could run`;
}

export function summarizeV2(
  winner: Winner,
  speedupLog10: number,
  classical: ClassicalSide,
  best: Strategy,
): string {
  const c = `${classical.count.toLocaleString("en-US")}× ${classical.device} (${classical.method}): ${formatDuration(classical.seconds)}${classical.feasible ? "" : " (infeasible)"}`;
  const q = `${best.title} on ${best.device}: ${Number.isFinite(best.seconds) ? formatDuration(best.seconds) : "no plan"}${best.feasible ? "" : " (infeasible; hypothetical)"}`;
  const side = `classical (${classicalHardware(classical.device)})`;
  const ratio = Math.log10(best.seconds / classical.seconds);
  const hyp = ifBuilt(ratio);
  if (winner === "neither")
    return `neither fits: classical side infeasible (${unmetText(classical.constraints) || "no plan"}); quantum side infeasible (${unmetText(best.constraints) || "no plan"}) — ${c}; ${q}`;
  if (winner === "classical" && !best.feasible)
    return `${side} wins; quantum side infeasible: ${unmetText(best.constraints) || "no plan at this size"}${hyp ? ` (${hyp})` : ""} — ${c}; ${q}`;
  if (winner === "quantum" && !classical.feasible)
    return `quantum wins; classical side infeasible: ${unmetText(classical.constraints) || "no plan"}${hyp ? ` (${ifBuilt(-ratio).replace("it could run", "classical could run")})` : ""} — ${q}; ${c}`;
  if (Math.abs(speedupLog10) < EVEN_LOG10)
    return `a tie: within a factor of 2 (${winner === "classical" ? side : "quantum"} nominally ahead) — ${c}; ${q}`;
  if (winner === "classical") {
    const top = bindingFactor(best.bottlenecks);
    return `${side} wins by ${marginText(speedupLog10)} — ${c}; ${q}${top ? `; largest quantum factor: ${top.name}` : ""}`;
  }
  return `quantum wins by ${marginText(speedupLog10)} — ${q}; ${c}`;
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
