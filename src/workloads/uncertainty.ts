// Every verdict as a range (issue 13): the workload's ranged inputs and the three time trends, propagated by seeded
// Monte Carlo to p05/p50/p95 of the headline, both sides' times and costs, physical qubits, and the crossover size
// and year; and the tornado of the headline.
//
// The lean numeric path. A full evaluation (the Azure-compatible estimator, the LLM engine) costs 0.1–30 ms, so
// 10,000 samples cannot each evaluate the workload. The verdict's bottleneck algebra is multiplicative: each side's
// seconds, cost and qubits are products of factors, so their logs are sums, and each input moves its own terms.
// We therefore evaluate the workload exactly on a short grid along each input alone (every other input central),
// the headline size axis and the error-rate axis, and reconstruct each sample as
//   y(x) = y(central) + Σ_k [y_k(x_k) − y(central)]        (y = log10 of seconds, cost, qubits, constraint margins)
// interpolating each y_k linearly in its grid. This is exact for products of power laws and for any single input,
// honours steps (code distances) up to the grid spacing, preserves monotonicity in each input, and collapses to the
// point estimate when every range is a point. What it misses is interaction beyond products (e.g. a code distance
// that depends on two inputs at once); `exact: true` evaluates the workload per sample instead, for checking.
//
// The year: at the sample's crossover size, the first year in which (a) the physical qubits it needs, with the error
// rate improved as projected for that year (the code distance shrinks), fit the qubits projected for that year from
// the device's today (qubit doubling time sampled from the fit's 95% interval), and (b) the quantum side beats the
// classical side sped up by its price-performance trend. Found by root-finding (bracket then bisect), not a sweep.
// Years are trend projections, not devices.
import { resolveQubit } from "../estimate/ftqc/qubit.js";
import { classicalSpeedupAt, errorRateAt, qubitsAt, trendRanges } from "../estimate/trends.js";
import {
  checkUncertaintyOptions,
  overrideRanges,
  pointRanges,
  sensitivity,
} from "../estimate/uncertainty.js";
import { createPrng } from "../sim/prng.js";
import type { Range } from "../stats/distribution.js";
import { centralInputs, propagate, type Quantiles } from "../stats/monte-carlo.js";
import { firstCrossing } from "../stats/root.js";
import { bestStrategy, decideV2 } from "../verdict/compose.js";
import type {
  QuantilesJson,
  SensitivityBarJson,
  VerdictUncertaintyJson,
  VerdictV2,
} from "../verdict/contract.js";
import type { EvaluationContext, WorkloadDefinition } from "./workload.js";

/** Outputs that get quantiles. */
export const UNCERTAIN_OUTPUTS = [
  "speedupLog10",
  "qpuOverGpuLog10",
  "classicalSeconds",
  "quantumSeconds",
  "classicalCostUsd",
  "quantumCostUsd",
  "physicalQubits",
  "crossoverSize",
  "crossoverYear",
] as const;
export type UncertainOutput = (typeof UNCERTAIN_OUTPUTS)[number];

export type VerdictUncertainty = VerdictUncertaintyJson;

export interface UncertaintyRequest {
  samples?: number;
  seed?: number;
  /** User overrides by name (scenario `ranges:` or `--range`), refused when the name is not a ranged input. */
  overrides?: Record<string, Range>;
  /** `--no-uncertainty`: every range collapsed to its central value. */
  point?: boolean;
  /** Evaluate the workload for every sample (slow; for checking the lean path). */
  exact?: boolean;
  /** Only the verdict at the given size: no crossover size or year per sample (reported as not computed, null with
   *  neverShare 1). For callers that show the headline band only. */
  headlineOnly?: boolean;
}

/** The log10 quantities a verdict contributes to the reconstruction. */
interface Logs {
  c: number; // classical seconds
  q: number; // best strategy seconds
  cc: number; // classical cost
  qc: number; // quantum cost
  qb: number; // physical qubits
  cm: number; // classical feasibility margin: min log10(available / needed) over its constraints
  qm: number; // quantum margin over constraints that no projection lifts (device, layout, horizon)
  qcap: number; // qubits available today (log10)
  blocked: number; // 1 when a never-met constraint blocks the quantum side
}

const L = (x: number | null): number =>
  x === null ? Number.NaN : x <= 0 ? Number.NEGATIVE_INFINITY : Math.log10(x);

function margin(cs: VerdictV2["classical"]["constraints"]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const c of cs) {
    const r = c.available === 0 ? Number.NEGATIVE_INFINITY : Math.log10(c.available / c.needed);
    if (r < m) m = r;
  }
  return m;
}

function logsOf(v: VerdictV2): Logs {
  const b = bestStrategy(v);
  const qubits = b.constraints.find((c) => c.name === "physical-qubits");
  const other = b.constraints.filter((c) => c.name !== "physical-qubits");
  return {
    c: L(v.classical.seconds),
    q: L(b.seconds),
    cc: L(v.classical.costUsd),
    qc: L(b.costUsd),
    qb: L(b.physicalQubits),
    cm: margin(v.classical.constraints),
    qm: margin(other),
    qcap: qubits ? L(qubits.available) : Number.POSITIVE_INFINITY,
    blocked: b.constraints.some((c) => !c.satisfied && c.name !== "horizon" && c.yearSatisfied === null)
      ? 1
      : 0,
  };
}

const KEYS: (keyof Logs)[] = ["c", "q", "cc", "qc", "qb", "cm", "qm", "qcap", "blocked"];

/** Change from the centre, with ∞ − ∞ (an input that leaves an infinite value infinite) as no change. */
const delta = (y: number, y0: number): number => (y === y0 ? 0 : y - y0);

/** A 1-D table of Logs along one input, linearly interpolated in x (log x for positive ranges). */
class Axis {
  /** The grid in interpolation coordinates (log x for log axes), computed once: `at` is the hot loop. */
  private readonly ts: Float64Array;
  constructor(
    readonly xs: number[],
    readonly ys: Logs[],
    readonly log: boolean,
  ) {
    this.ts = Float64Array.from(xs, (x) => (log ? Math.log(x) : x));
  }
  at(x: number, k: keyof Logs): number {
    const xs = this.xs;
    const n = xs.length - 1;
    if (x <= xs[0]) return this.ys[0][k];
    if (x >= xs[n]) return this.ys[n][k];
    let i = 1;
    while (xs[i] < x) i++;
    const a = this.ys[i - 1][k];
    const b = this.ys[i][k];
    if (a === b || !Number.isFinite(a) || !Number.isFinite(b)) return x - xs[i - 1] < xs[i] - x ? a : b;
    const t = this.log ? Math.log(x) : x;
    return a + ((t - this.ts[i - 1]) / (this.ts[i] - this.ts[i - 1])) * (b - a);
  }
}

/** Grid along a range: its ends, its central value and the quartiles between (by value, log-spaced if positive). */
function gridOf(r: Range, extra: number[] = []): { xs: number[]; log: boolean } {
  const log = r.low > 0;
  const pts = [r.low, r.central, r.high, ...extra];
  for (const [a, b] of [
    [r.low, r.central],
    [r.central, r.high],
  ])
    pts.push(log ? Math.sqrt(a * b) : (a + b) / 2);
  return { xs: [...new Set(pts)].sort((a, b) => a - b), log };
}

const TREND_NAMES = ["qubitDoublingYears", "classicalDoublingYears", "errorHalvingYears", "errorFloor"];

/** The physical error rate the estimate uses today, if the workload samples it (fault-tolerant qubit models). */
const ERROR_FACTOR = "qpuErrorRateFactor";

export interface UncertaintyResult {
  uncertainty: VerdictUncertainty;
  sensitivity: SensitivityBarJson[];
}

/**
 * The uncertainty and sensitivity of `def`'s verdict at `input`. `verdict` is the point estimate already computed
 * (its speedupLog10 is the centre of the reconstruction).
 */
export function verdictUncertainty(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  context: EvaluationContext,
  verdict: VerdictV2,
  request: UncertaintyRequest = {},
): UncertaintyResult {
  const { samples, seed } = checkUncertaintyOptions(request);
  const t0 = context.t0 ?? new Date().getUTCFullYear();
  const own = def.ranges ? def.ranges(input as never, context) : {};
  const trends = trendRanges();
  let ranges: Record<string, Range> = overrideRanges({ ...own, ...trends }, request.overrides ?? {});
  if (request.point) ranges = pointRanges(ranges);
  const central = centralInputs(ranges);
  let evaluations = 0;
  const evalAt = (sampled: Record<string, number>, size?: number): VerdictV2 => {
    evaluations++;
    const h = def.headline;
    const i =
      size === undefined
        ? input
        : { ...input, [h.field]: size, ...(h.couple ? h.couple(size, input as never) : {}) };
    return def.evaluate(i as never, { ...context, t0, skipCrossover: true, sampled });
  };

  const base = logsOf(evalAt(central));
  // One axis per ranged workload input (the trends do not enter evaluate: they act through the year).
  const axes = new Map<string, Axis>();
  const errorExtra: number[] = [];
  if (ERROR_FACTOR in ranges) {
    // The error rate improves with time: extend its axis down to the floor for the year search.
    const floorFactor = trends.errorFloor.low / referenceErrorRate(input);
    if (floorFactor < ranges[ERROR_FACTOR].low)
      errorExtra.push(floorFactor, Math.sqrt(floorFactor * ranges[ERROR_FACTOR].low));
  }
  for (const [k, r] of Object.entries(ranges)) {
    if (TREND_NAMES.includes(k)) continue;
    const extra = k === ERROR_FACTOR ? errorExtra : [];
    if (r.low === r.high && extra.length === 0) continue;
    const g = gridOf(r, extra);
    axes.set(
      k,
      new Axis(
        g.xs,
        g.xs.map((x) => (x === r.central ? base : logsOf(evalAt({ ...central, [k]: x })))),
        g.log,
      ),
    );
  }
  // The headline size axis: the crossover size is searched on it.
  const h = def.headline;
  const sizeAxis = sizeGrid(def).map((n) => ({ n, y: logsOf(evalAt(central, n)) }));
  const sizeTable = new Axis(
    sizeAxis.map((p) => p.n),
    sizeAxis.map((p) => p.y),
    h.log,
  );

  const at = (x: Record<string, number>, key: keyof Logs, extra = 0): number => {
    let y = base[key] + extra;
    for (const [k, a] of axes) y += delta(a.at(x[k], key), base[key]);
    return y;
  };

  const model = (x: Record<string, number>): Record<UncertainOutput, number> => {
    const y = {} as Logs;
    const sh = {} as Logs;
    for (const k of KEYS) {
      y[k] = at(x, k);
      sh[k] = delta(y[k], base[k]);
    }
    const { c: lc, q: lq, cm, qcap, qb, qm } = y;
    const qFeasible = Number.isFinite(lq) && qm >= 0 && qb <= qcap + 1e-12 && y.blocked <= 0;
    const d = decideV2({ seconds: 10 ** lc, feasible: cm >= 0 }, { seconds: 10 ** lq, feasible: qFeasible });
    const nStar = request.headlineOnly ? null : sizeAhead(x, sh, t0);
    const year = request.headlineOnly ? Number.POSITIVE_INFINITY : yearOf(x, sh);
    return {
      speedupLog10: d.speedupLog10,
      qpuOverGpuLog10: lq - lc,
      classicalSeconds: 10 ** lc,
      quantumSeconds: 10 ** lq,
      classicalCostUsd: Number.isNaN(at(x, "cc")) ? Number.NaN : 10 ** at(x, "cc"),
      quantumCostUsd: Number.isNaN(at(x, "qc")) ? Number.NaN : 10 ** at(x, "qc"),
      physicalQubits: 10 ** qb,
      crossoverSize: nStar ?? Number.POSITIVE_INFINITY,
      crossoverYear: year,
    };
  };

  // Both sides in year Y, as log10 shifts of today's: the error rate improving toward its floor moves the quantum
  // seconds and qubits along the error-rate axis; the classical side is faster by its price-performance trend.
  const errAxis = axes.get(ERROR_FACTOR);
  const refError = errAxis ? referenceErrorRate(input) : 1;
  const errorShift = (x: Record<string, number>, year: number, key: "q" | "qb"): number => {
    if (!errAxis || year <= t0) return 0;
    const e0 = x[ERROR_FACTOR];
    const e = errorRateAt(e0 * refError, year, t0, x.errorHalvingYears, x.errorFloor) / refError;
    return errAxis.at(e, key) - errAxis.at(e0, key);
  };

  /** The smallest size at which the quantum side is ahead in `year` (null: none in the headline range). Solved
   *  segment by segment on the size table: between grid points every log quantity is linear in (log) size, so
   *  each condition of "ahead" holds on an interval we can write down; no per-sample search. */
  const ns = sizeAxis.map((p) => p.n);
  const tOf = (n: number) => (h.log ? Math.log(n) : n);
  const fromT = (t: number) => (h.log ? Math.exp(t) : t);
  const col = (k: keyof Logs) => sizeAxis.map((p) => p.y[k]);
  const [qs, cs, cms, qms, bls] = [col("q"), col("c"), col("cm"), col("qm"), col("blocked")];
  // Per sample, the parts of "ahead" that do not move with the year (feasibility margins) are solved once per
  // segment: [aLo, aHi] where the quantum side can run, and from b1 on where the classical side hits its memory
  // wall. Per year only "quantum faster" moves (d < D). Preallocated: this is the hot loop.
  const S = ns.length;
  const aLo = new Float64Array(S);
  const aHi = new Float64Array(S);
  const b1 = new Float64Array(S);
  const stepped = new Uint8Array(S);
  let sampleKey: Logs | null = null;
  const prepare = (sh: Logs) => {
    if (sampleKey === sh) return;
    sampleKey = sh;
    for (let i = 0; i < S; i++) {
      const j = Math.min(i + 1, S - 1);
      const ends = [
        [cms[i] + sh.cm, cms[j] + sh.cm],
        [-(qms[i] + sh.qm), -(qms[j] + sh.qm)],
        [bls[i] + sh.blocked, bls[j] + sh.blocked],
      ];
      stepped[i] =
        !Number.isFinite(qs[i]) ||
        !Number.isFinite(qs[j]) ||
        !Number.isFinite(cs[i]) ||
        !Number.isFinite(cs[j]) ||
        ends.some(([p, q]) => !Number.isFinite(p) || !Number.isFinite(q))
          ? 1
          : 0;
      const A = meet(le(ends[2]), le(ends[1]));
      aLo[i] = A ? A[0] : 2;
      aHi[i] = A ? A[1] : -1;
      const B1 = meet(A, lt(ends[0]));
      b1[i] = B1 ? B1[0] : 2;
    }
  };
  const sizeAhead = (x: Record<string, number>, sh: Logs, year: number): number | null => {
    prepare(sh);
    const dq = sh.q + errorShift(x, year, "q");
    const dc = sh.c - (year > t0 ? Math.log10(classicalSpeedupAt(year, t0, x.classicalDoublingYears)) : 0);
    const D = dc - dq;
    for (let i = 0; i < S; i++) {
      const j = i + 1 < S ? i + 1 : i;
      if (stepped[i]) {
        // A side that cannot run (or a margin without a bound) at one end: the table steps there (nearest grid
        // point), so test the ends.
        for (const k of [i, j]) {
          const cm = cms[k] + sh.cm;
          const ok = -(qms[k] + sh.qm) <= 0 && bls[k] + sh.blocked <= 0;
          if (Number.isFinite(qs[k]) && ok && (cm < 0 || qs[k] - cs[k] < D)) return ns[k];
        }
        continue;
      }
      let f = b1[i];
      if (aLo[i] <= aHi[i]) {
        // d(f) − D < 0 on an interval of f, met with [aLo, aHi].
        const p = qs[i] - cs[i] - D;
        const q = qs[j] - cs[j] - D;
        let lo = 2;
        let hi = -1;
        if (p < 0 && q < 0) {
          lo = 0;
          hi = 1;
        } else if (p < 0 || q < 0) {
          const c = p / (p - q);
          lo = p < 0 ? 0 : c;
          hi = p < 0 ? c : 1;
        }
        const l = Math.max(lo, aLo[i]);
        if (l <= Math.min(hi, aHi[i]) && l < f) f = l;
      }
      if (f > 1) continue;
      const n = i === j ? ns[i] : fromT(tOf(ns[i]) + f * (tOf(ns[j]) - tOf(ns[i])));
      return Math.min(h.integer ? Math.max(h.range[0], Math.ceil(n - 1e-9)) : n, ns[j]);
    }
    return null;
  };

  /** The year of advantage: the first year in which the smallest size the quantum side is ahead at also fits the
   *  qubits projected for that year. */
  const yearOf = (x: Record<string, number>, sh: Logs): number => {
    const gapAt = (year: number): number => {
      const n = sizeAhead(x, sh, year);
      if (n === null) return 1;
      const qb = sizeTable.at(n, "qb") + sh.qb + errorShift(x, year, "qb");
      const cap0 = sizeTable.at(n, "qcap") + sh.qcap;
      const cap = Number.isFinite(cap0)
        ? Math.log10(qubitsAt(10 ** cap0, year, t0, x.qubitDoublingYears))
        : cap0;
      return qb <= cap + 1e-12 ? -1 : 1;
    };
    return firstCrossing(gapAt, t0, t0 + 100, { grid: 25, relTol: 2e-6 }) ?? Number.POSITIVE_INFINITY;
  };

  let quantiles: Record<UncertainOutput, Quantiles>;
  let method: VerdictUncertainty["method"] = request.point ? "point" : "separable";
  if (request.exact && !request.point) {
    method = "exact";
    const lean = model;
    quantiles = propagate(
      ranges,
      (x) => {
        const v = evalAt(x);
        const b = bestStrategy(v);
        const l = lean(x);
        return {
          ...l,
          speedupLog10: v.speedupLog10,
          qpuOverGpuLog10: v.qpuOverGpuLog10,
          classicalSeconds: v.classical.seconds,
          quantumSeconds: b.seconds,
          classicalCostUsd: v.classical.costUsd ?? Number.NaN,
          quantumCostUsd: b.costUsd ?? Number.NaN,
          physicalQubits: b.physicalQubits,
        };
      },
      { samples, uniform: createPrng(seed) },
    ).quantiles;
  } else {
    quantiles = propagate(ranges, nanSafe(model), { samples, uniform: createPrng(seed) }).quantiles;
  }
  const json = {} as Record<UncertainOutput, QuantilesJson>;
  for (const o of UNCERTAIN_OUTPUTS) json[o] = toJson(quantiles[o]);
  // Outputs a workload does not have (no quantum price) are null throughout.
  const bars = sensitivity(ranges, (x) => {
    // The headline's tornado: exact evaluations for the workload's inputs (two per input); the trends do not move
    // today's headline (their swing is 0), so they are computed through the lean path at no cost.
    const moved = Object.keys(x).find((k) => x[k] !== central[k]);
    if (moved === undefined || TREND_NAMES.includes(moved)) return verdict.speedupLog10;
    return evalAt(x).speedupLog10;
  });
  return {
    uncertainty: {
      samples: request.point ? 1 : samples,
      seed,
      method,
      ranges,
      quantiles: json,
      yearBasis: `projected: the first year, at the crossover size, in which the qubits needed (error rate improving toward its floor) fit the qubits projected from today's ${"device"} by the fitted doubling trend, and the quantum side beats the classical side sped up by its price-performance trend (trend projections, not devices)`,
      evaluations,
    },
    sensitivity: bars.map((b) => ({
      ...b,
      speedupLog10AtLow: finite(b.speedupLog10AtLow),
      speedupLog10AtHigh: finite(b.speedupLog10AtHigh),
    })),
  };
}

/** NaN (an output the workload does not have, e.g. no sourced price) → its own column of NaN is reported as null. */
function nanSafe<O extends string>(
  model: (x: Record<string, number>) => Record<O, number>,
): (x: Record<string, number>) => Record<O, number> {
  return (x) => {
    const out = model(x);
    for (const k in out) if (Number.isNaN(out[k])) out[k] = Number.POSITIVE_INFINITY;
    return out;
  };
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

function toJson(q: Quantiles): QuantilesJson {
  const f = finite;
  return { p05: f(q.p05), p50: f(q.p50), p95: f(q.p95), neverShare: q.neverShare };
}

/** Today's physical error rate behind qpuErrorRateFactor = 1: the errorFloor trend is absolute, the factor relative.
 *  the fault-tolerant qubit model's physical error rate (max of its Clifford and readout rates). */
function referenceErrorRate(input: Record<string, unknown>): number {
  const q = input.qubit;
  return resolveQubit(
    typeof q === "string" || (q !== null && typeof q === "object") ? (q as never) : undefined,
  ).physicalErrorRate;
}

function sizeGrid(def: WorkloadDefinition): number[] {
  const { range, log, integer, step = 1 } = def.headline;
  const points = Math.max(8, def.headline.points ?? 16);
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const f = i / (points - 1);
    const x = log ? range[0] * (range[1] / range[0]) ** f : range[0] + (range[1] - range[0]) * f;
    out.push(integer ? Math.max(range[0], Math.round(x / step) * step) : x);
  }
  return [...new Set(out)];
}

/** The verdict of `def` at `input` with its uncertainty and sensitivity attached (the CLI, API and report). */
export function evaluateWithUncertainty(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  context: EvaluationContext,
  request: UncertaintyRequest = {},
): VerdictV2 {
  const verdict = def.evaluate(input as never, context);
  return { ...verdict, ...verdictUncertainty(def, input, context, verdict, request) };
}

type Interval = [number, number] | null;

/** Where a + f·(b − a) ≤ 0 for f in [0, 1]. */
function le([a, b]: number[]): Interval {
  if (a <= 0 && b <= 0) return [0, 1];
  if (a > 0 && b > 0) return null;
  const f = a / (a - b);
  return a <= 0 ? [0, f] : [f, 1];
}

/** Where a + f·(b − a) < 0 (the crossing point itself excluded only when it is an end). */
function lt([a, b]: number[]): Interval {
  if (a < 0 && b < 0) return [0, 1];
  if (a >= 0 && b >= 0) return null;
  const f = a / (a - b);
  return a < 0 ? [0, f] : [f, 1];
}

function meet(x: Interval, y: Interval): Interval {
  if (x === null || y === null) return null;
  const lo = Math.max(x[0], y[0]);
  const hi = Math.min(x[1], y[1]);
  return lo <= hi ? [lo, hi] : null;
}
