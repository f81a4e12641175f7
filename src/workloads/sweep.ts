// The crossover sweep, for any registered workload: evaluate the workload along its headline size axis, find the
// smallest size n* at which the best quantum strategy is ahead (faster, or the classical side cannot hold the
// problem), and the year its capacity constraints are projected to be met there. It only reads verdicts, so a new
// workload gets its crossover for free.
import { formatSci } from "../units/format.js";
import { bestStrategy } from "../verdict/compose.js";
import type { Constraint, CrossoverV2, CurveBandsJson, VerdictV2 } from "../verdict/contract.js";
import type { EvaluationContext, WorkloadDefinition } from "./workload.js";

export interface CrossoverSeries {
  kind: string;
  sizeLabel: string;
  sizes: number[];
  classicalSeconds: number[];
  /** The best strategy's seconds; Infinity (null in JSON) where it has no plan (no fault-tolerant layout). */
  quantumSeconds: number[];
  physicalQubits: number[];
  classicalFeasible: boolean[];
  /** Smallest size at which the quantum side is ahead, or null. */
  nStar: number | null;
  /** First year the constraints at n* are projected to be met (t0 if already), or null. */
  year: number | null;
  status: "never" | "already" | "year";
  reason: string;
  /** p05–p95 along each curve (workloads/curve-bands.ts); absent with --no-uncertainty. */
  bands?: CurveBandsJson;
}

/** Constraints about the run's duration, not a capacity: they do not decide when a size becomes possible. */
const isDuration = (c: Constraint) => c.name === "horizon";

/** A constraint that no projection will ever meet (a fixed device, a missing layout). */
const blocks = (c: Constraint) => !c.satisfied && !isDuration(c) && c.yearSatisfied === null;

function ahead(v: VerdictV2): boolean {
  const q = bestStrategy(v);
  if (!Number.isFinite(q.seconds) || q.constraints.some(blocks)) return false;
  const memoryWall = v.classical.constraints.some((c) => c.name === "classical-memory" && !c.satisfied);
  return memoryWall || q.seconds < v.classical.seconds;
}

/** Year the best strategy's capacity constraints are all met (t0 when they already are), or null. */
export function yearOf(v: VerdictV2, t0: number): number | null {
  let year = t0;
  for (const c of bestStrategy(v).constraints) {
    if (c.satisfied || isDuration(c)) continue;
    if (c.yearSatisfied === null) return null;
    year = Math.max(year, c.yearSatisfied);
  }
  return year;
}

/** The sizes a crossover search starts from: `points` along the headline range (log-spaced when it is a log axis),
 *  snapped to whole steps. The sweep and the uncertainty's size table use the same grid. */
export function headlineGrid<S extends WorkloadDefinition>(def: S, points: number): number[] {
  const { range, log, integer, step = 1 } = def.headline;
  const [lo, hi] = range;
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const f = i / (points - 1);
    const x = log ? lo * (hi / lo) ** f : lo + (hi - lo) * f;
    out.push(integer ? Math.max(lo, Math.round(x / step) * step) : x);
  }
  return [...new Set(out)];
}

export function crossoverSweep(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  ctx: EvaluationContext = {},
  points = def.headline.points ?? 16,
): { series: CrossoverSeries; crossover: CrossoverV2; verdicts: Map<number, VerdictV2> } {
  const h = def.headline;
  const t0 = ctx.t0 ?? new Date().getUTCFullYear();
  const step = h.integer ? (h.step ?? 1) : 0;
  // Every verdict evaluated, by size: the uncertainty's size table reuses the grid's (same sizes, same inputs).
  const verdicts = new Map<number, VerdictV2>();
  const at = (n: number): VerdictV2 => {
    const v = def.evaluate(
      { ...input, [h.field]: n, ...(h.couple ? h.couple(n, input as never) : {}) } as never,
      { ...ctx, t0, skipCrossover: true },
    );
    verdicts.set(n, v);
    return v;
  };
  const sizes = headlineGrid(def, points);
  const rows = sizes.map(at);
  let nStar: number | null = null;
  let atStar: VerdictV2 | null = null;
  const first = rows.findIndex(ahead);
  if (first === 0) {
    nStar = sizes[0];
    atStar = rows[0];
  } else if (first > 0) {
    let lo = sizes[first - 1];
    let hi = sizes[first];
    atStar = rows[first];
    for (let i = 0; i < 60; i++) {
      if (step > 0 ? hi - lo <= step : hi / lo < 1 + 1e-9) break;
      const mid =
        step > 0
          ? Math.max(lo + step, Math.floor((lo + hi) / 2 / step) * step)
          : h.log
            ? Math.sqrt(lo * hi)
            : (lo + hi) / 2;
      if (mid >= hi) break;
      const v = at(mid);
      if (ahead(v)) {
        hi = mid;
        atStar = v;
      } else lo = mid;
    }
    nStar = hi;
  }
  const size = (n: number) => (h.integer && n < 1e9 ? n.toLocaleString("en-US") : formatSci(n, 4));
  const range = `${size(h.range[0])}–${size(h.range[1])} ${h.label}`;
  let year: number | null = null;
  let status: CrossoverSeries["status"] = "never";
  let reason: string;
  if (nStar === null || atStar === null) {
    const runnable = rows.filter((v) => Number.isFinite(bestStrategy(v).seconds));
    const gap = Math.min(...runnable.map((v) => v.qpuOverGpuLog10));
    const blocked = rows.findIndex((v) => bestStrategy(v).constraints.some(blocks));
    const why =
      blocked < 0
        ? ""
        : `; from ${size(sizes[blocked])} ${h.label} the quantum side cannot run (${bestStrategy(
            rows[blocked],
          )
            .constraints.filter(blocks)
            .map((c) => `${c.name}: ${c.basis}`)
            .join("; ")})`;
    reason =
      runnable.length > 0
        ? `never in ${range}: the quantum side stays slower where it can run (smallest gap 10^${gap.toFixed(1)})${why}`
        : `never in ${range}${why}`;
  } else {
    year = yearOf(atStar, t0);
    const q = bestStrategy(atStar);
    const qubits =
      q.physicalQubits < 1e5
        ? Math.round(q.physicalQubits).toLocaleString("en-US")
        : formatSci(q.physicalQubits, 3);
    const nText = `n* = ${size(nStar)} ${h.label} (${q.name}, ${qubits} physical qubits)`;
    if (year === null) {
      reason = `quantum is faster from ${nText}, but a constraint there is never projected to be met`;
    } else if (year <= t0) {
      status = "already";
      reason = `already: quantum is faster from ${nText}, and its constraints are met in ${t0}`;
    } else {
      status = "year";
      const binding = q.constraints
        .filter((c) => !c.satisfied && !isDuration(c))
        .map((c) => `${c.name} (${c.basis})`);
      reason = `${year.toFixed(1)}: quantum is faster from ${nText}; binding: ${binding.join(", ")}`;
    }
  }
  const series: CrossoverSeries = {
    kind: def.kind,
    sizeLabel: h.label,
    sizes,
    classicalSeconds: rows.map((v) => v.classical.seconds),
    quantumSeconds: rows.map((v) => bestStrategy(v).seconds),
    physicalQubits: rows.map((v) => bestStrategy(v).physicalQubits),
    classicalFeasible: rows.map((v) => v.classical.feasible),
    nStar,
    year,
    status,
    reason,
  };
  return {
    series,
    crossover: { sizeLabel: h.label, size: nStar, year, explanation: reason },
    verdicts,
  };
}

/** The crossover a verdict carries when the sweep is skipped (inside a sweep). */
export const SKIPPED_CROSSOVER = (label: string): CrossoverV2 => ({
  sizeLabel: label,
  size: null,
  year: null,
  explanation: "not searched (evaluated inside a sweep)",
});
