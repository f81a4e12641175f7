// The crossover sweep, for any registered workload: evaluate the workload along its headline size axis, find the
// smallest size n* at which the best quantum strategy is ahead today (faster, or the classical side cannot hold the
// problem), and the year of advantage. It only reads verdicts, so a new workload gets its crossover for free.
//
// The year has one definition (issue 13): the year model of the uncertainty (uncertainty.ts, separable.ts) at every
// central input: qubits growing by the fitted trend, error rates improving toward their floor, and the classical
// side improving by its price-performance trend. `crossover.year` is that model's point estimate; the band
// (`uncertainty.quantiles.crossoverYear`) is the same model sampled.
import { formatSci } from "../units/format.js";
import { bestStrategy } from "../verdict/compose.js";
import type { Constraint, CrossoverV2, CurveBandsJson, VerdictV2 } from "../verdict/contract.js";
import { headlineGrid } from "./headline-grid.js";
import {
  centralOutputs,
  type UncertaintyRequest,
  type UncertaintySurface,
  uncertaintySurface,
  verdictUncertainty,
} from "./uncertainty.js";
import type { EvaluationContext, WorkloadDefinition } from "./workload.js";

export { headlineGrid };

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
  /** The projected year of advantage: the year model at central inputs (t0 if already), or null (never within
   *  the horizon searched). */
  year: number | null;
  status: "never" | "already" | "year";
  reason: string;
  /** p05–p95 along each curve (workloads/curve-bands.ts); absent with --no-uncertainty. */
  bands?: CurveBandsJson;
}

/** The year the best strategy's capacity constraints (qubits) are all met by their projections at this verdict's
 *  size (t0 when they already are), or null: when this instance could be run, not the year of advantage (that is
 *  `crossover.year`, the year model's). */
export function capacityYear(v: VerdictV2, t0: number): number | null {
  let year = t0;
  for (const c of bestStrategy(v).constraints) {
    if (c.satisfied || isDuration(c)) continue;
    if (c.yearSatisfied === null) return null;
    year = Math.max(year, c.yearSatisfied);
  }
  return year;
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

export interface SweepOptions {
  /** Grid points along the headline axis (default the workload's, else 16). */
  points?: number;
  /** The uncertainty request whose year model gives the year (default: the point estimate). The surface built for
   *  it is returned, for the band of the same request. */
  request?: UncertaintyRequest;
  /** The verdict at `input` (every input central), when the caller has it. */
  centralVerdict?: VerdictV2;
}

export interface Sweep {
  series: CrossoverSeries;
  crossover: CrossoverV2;
  verdicts: Map<number, VerdictV2>;
  /** The year model's surface (the request's), whose central point gave the year. */
  surface: UncertaintySurface;
}

export function crossoverSweep(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  ctx: EvaluationContext = {},
  options: SweepOptions = {},
): Sweep {
  const points = options.points ?? def.headline.points ?? 16;
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
  // The year: the year model at central inputs, on the size table the grid above already evaluated.
  const surface = uncertaintySurface(
    def,
    input,
    { ...ctx, t0 },
    { ...(options.request ?? { point: true }), sizeVerdicts: verdicts },
    options.centralVerdict,
  );
  const year = centralOutputs(surface).crossoverYear;
  let status: CrossoverSeries["status"] = "never";
  let reason: string;
  if (year !== null && year <= t0) {
    status = "already";
    reason =
      nStar === null
        ? `already: the year model puts the quantum side ahead in ${t0}`
        : `already: quantum is faster from ${size(nStar)} ${h.label} today, and fits the qubits projected for ${t0}`;
  } else if (nStar === null || atStar === null) {
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
    const today =
      runnable.length > 0
        ? `in ${range} the quantum side is slower today where it can run (smallest gap 10^${gap.toFixed(1)})${why}`
        : `in ${range}${why}`;
    if (year === null)
      reason = `never: ${today}, and the year model finds no year within ${YEAR_HORIZON_TEXT}`;
    else {
      status = "year";
      reason = `projected ${Math.round(year)}: ${today}; the improving error rate and qubit count overtake the improving classical side then`;
    }
  } else {
    const q = bestStrategy(atStar);
    const qubits =
      q.physicalQubits < 1e5
        ? Math.round(q.physicalQubits).toLocaleString("en-US")
        : formatSci(q.physicalQubits, 3);
    const nText = `n* = ${size(nStar)} ${h.label} (${q.name}, ${qubits} physical qubits)`;
    const binding = q.constraints
      .filter((c) => !c.satisfied && !isDuration(c))
      .map((c) => `${c.name} (${c.basis})`);
    const bind = binding.length > 0 ? `; binding today: ${binding.join(", ")}` : "";
    if (year === null) {
      reason = `never within ${YEAR_HORIZON_TEXT}: quantum is faster from ${nText}, but the year model never fits it${bind}`;
    } else {
      status = "year";
      reason = `projected ${Math.round(year)}: quantum is faster from ${nText}${bind}`;
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
    surface,
  };
}

const YEAR_HORIZON_TEXT = "the 100 years searched";

/** A verdict with its crossover, uncertainty and sensitivity, and the sweep behind them. */
export interface Evaluated {
  verdict: VerdictV2;
  sweep: Sweep;
}

/**
 * The verdict of `def` at `input` with its crossover (size and year), uncertainty and sensitivity attached: what the
 * CLI (`estimate`, `crossover`), the API and the report all show. The sweep runs once: its grid's verdicts are the
 * uncertainty's size table, and its year model's surface is the band's. With `point` (--no-uncertainty,
 * `uncertainty: false`) the uncertainty is the point estimate (p05 = p50 = p95) and the tornado is still computed.
 */
export function evaluateVerdict(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  context: EvaluationContext,
  request: UncertaintyRequest = {},
): Evaluated {
  const t0 = context.t0 ?? new Date().getUTCFullYear();
  const ctx = { ...context, t0 };
  const central = def.evaluate(input as never, { ...ctx, skipCrossover: true });
  const sweep = crossoverSweep(def, input, ctx, { request, centralVerdict: central });
  const verdict = { ...central, crossover: sweep.crossover };
  const attached = verdictUncertainty(
    def,
    input,
    ctx,
    verdict,
    { ...request, sizeVerdicts: sweep.verdicts },
    sweep.surface,
  );
  return { verdict: { ...verdict, ...attached }, sweep };
}

/** The verdict with its uncertainty and sensitivity (`evaluateVerdict` without the sweep). */
export const evaluateWithUncertainty = (
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  context: EvaluationContext,
  request: UncertaintyRequest = {},
): VerdictV2 => evaluateVerdict(def, input, context, request).verdict;

/** The crossover a verdict carries when the sweep is skipped (inside a sweep). */
export const SKIPPED_CROSSOVER = (label: string): CrossoverV2 => ({
  sizeLabel: label,
  size: null,
  year: null,
  explanation: "not searched (evaluated inside a sweep)",
});
