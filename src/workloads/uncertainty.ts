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

import { roadmapCapacity } from "../estimate/roadmap.js";
import { trendRanges } from "../estimate/trends.js";
import {
  checkUncertaintyOptions,
  type Headline,
  overrideRanges,
  pointRanges,
  sensitivity,
  type UncertaintySettings,
  uncertaintySettingsSchema,
} from "../estimate/uncertainty.js";
import { createPrng } from "../sim/prng.js";
import type { Range } from "../stats/distribution.js";
import { centralInputs, propagateVector, type Quantiles } from "../stats/monte-carlo.js";
import { bestStrategy } from "../verdict/compose.js";
import type {
  QuantilesJson,
  SensitivityBarJson,
  VerdictUncertaintyJson,
  VerdictV2,
} from "../verdict/contract.js";
import { jointErrorTable } from "./error-table.js";
import { headlineGrid } from "./headline-grid.js";
import { errorCoordinates, unverifiedRanges } from "./ranges.js";
import {
  type Logs,
  LogsTable,
  SeparableModel,
  UNCERTAIN_OUTPUTS,
  type UncertainOutput,
} from "./separable.js";
import type { EvaluationContext, WorkloadDefinition } from "./workload.js";

export { UNCERTAIN_OUTPUTS, type UncertainOutput };

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
  /** Whose vendor roadmap the roadmap scenario's year uses (`--hardware`; default every vendor's claims). */
  roadmapVendor?: string;
  /** Verdicts at every central input that the caller already has, by headline size (the crossover sweep's grid):
   *  the size table takes them instead of evaluating again. */
  sizeVerdicts?: ReadonlyMap<number, VerdictV2>;
  /** Search the year of every sample, even where "never" is proven (for checking the proof). */
  searchEveryYear?: boolean;
  /** Only the verdict at the given size: no crossover size or year per sample (reported as not computed, null with
   *  neverShare 1). For callers that show the headline band only. */
  headlineOnly?: boolean;
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

/** Grid along a range: its ends, its central value and the quartiles between (by value, log-spaced if positive). */
function gridOf(r: Range): { xs: number[]; log: boolean } {
  const log = r.low > 0;
  const pts = [r.low, r.central, r.high];
  for (const [a, b] of [
    [r.low, r.central],
    [r.central, r.high],
  ])
    pts.push(log ? Math.sqrt(a * b) : (a + b) / 2);
  return { xs: [...new Set(pts)].sort((a, b) => a - b), log };
}

/** The settings of an entry point (CLI, API, scenario; defaults from the one schema) → the request. */
export function uncertaintyRequestOf(settings: Partial<UncertaintySettings>): UncertaintyRequest {
  const s = uncertaintySettingsSchema.parse(settings);
  return { samples: s.samples, seed: s.seed, point: !s.uncertainty, overrides: s.ranges };
}

/** The names a workload's verdict can range at `input` (its own inputs and the time trends): what `--range` and
 *  `ranges:` may name. */
export function rangedInputNames(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  context: EvaluationContext,
): string[] {
  return Object.keys(verdictRanges(def, input, context)).sort();
}

/** The ranges a verdict of `def` at `input` samples: the time trends and the workload's own (which may replace a
 *  trend, e.g. a qubit doubling time the user gave), user overrides applied (refused when they name no ranged
 *  input). */
export function verdictRanges(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  context: EvaluationContext,
  overrides: Record<string, Range> = {},
): Record<string, Range> {
  return overrideRanges(
    { ...trendRanges(), ...(def.ranges ? def.ranges(input as never, context) : {}) },
    overrides,
  );
}

/** Years after t0 searched for the year of advantage. */
const YEAR_HORIZON = 100;

const TREND_NAMES = ["qubitDoublingYears", "classicalDoublingYears", "errorHalvingYears", "errorFloor"];

/** The error-rate and readout factors of a fault-tolerant qubit model, sampled together (error-table.ts). */
const ERROR_FACTOR = "qpuErrorRateFactor";
const READOUT_FACTOR = "qpuReadoutErrorFactor";
const ERROR_FACTORS = [ERROR_FACTOR, READOUT_FACTOR];

export interface UncertaintyResult {
  uncertainty: VerdictUncertainty;
  sensitivity: SensitivityBarJson[];
  /** The verdict's `unverified` list, plus every sampled range whose basis is a stated rationale, not a source. */
  unverified: string[];
}

/** The lean path of one verdict, laid out and ready to sample: the ranges (overrides applied), their sorted names
 *  (the sample vector's order), the per-sample model, and the exact evaluations it was built from. */
export interface UncertaintySurface {
  ranges: Record<string, Range>;
  names: string[];
  central: Record<string, number>;
  model: SeparableModel;
  /** A full workload evaluation with some inputs sampled (and at another headline size), counted. */
  evalAt(sampled: Record<string, number>, size?: number): VerdictV2;
  /** Headline (speedupLog10 and the signed qpuOverGpuLog10) of the exact evaluations already made, by
   *  "name=value": the tornado's ends. */
  headlineAt: Map<string, Headline>;
  evaluations(): number;
  /** What the roadmap scenario's year means. */
  roadmapLabel: string;
}

/** Builds the lean path of `def`'s verdict at `input`: one exact evaluation per grid point of every ranged input
 *  and of the headline size axis, laid out in typed arrays (separable.ts). */
export function uncertaintySurface(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  context: EvaluationContext,
  request: UncertaintyRequest = {},
  /** The verdict at `input` (every input central), when the caller has it. */
  centralVerdict?: VerdictV2,
): UncertaintySurface {
  const t0 = context.t0 ?? new Date().getUTCFullYear();
  const trends = trendRanges();
  const roadmap = roadmapCapacity(request.roadmapVendor);
  const full = verdictRanges(def, input, context, request.overrides);
  const ranges = request.point ? pointRanges(full) : full;
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
  const base = logsOf(centralVerdict ?? evalAt(central));
  // The headline at the tornado's ends comes free with the axes' grids (each grid holds its range's ends).
  const headlineAt = new Map<string, Headline>();
  // One axis per ranged workload input (the trends do not enter evaluate: they act through the year).
  const names = Object.keys(ranges).sort();
  const axes: Array<{ index: number; table: LogsTable }> = [];
  for (const [k, r] of Object.entries(ranges)) {
    if (TREND_NAMES.includes(k) || ERROR_FACTORS.includes(k) || r.low === r.high) continue;
    const g = gridOf(r);
    const ys = g.xs.map((x) => {
      if (x === r.central) return base;
      const v = evalAt({ ...central, [k]: x });
      headlineAt.set(`${k}=${x}`, headlineOf(v));
      return logsOf(v);
    });
    axes.push({ index: names.indexOf(k), table: new LogsTable(g.xs, ys, g.log) });
  }
  // The error-rate and readout factors: one joint table (error-table.ts), extended down to the error-rate floor for
  // the year search (the error rate improves with time). The table is also the year search's: its grid is the full
  // ranges' even for a point estimate, so that the point's year is the band's central year (one model, one table).
  const errorTable = ERROR_FACTORS.some((k) => k in ranges)
    ? jointErrorTable({
        coords: errorCoordinates(qubitOf(def, input)),
        error: full[ERROR_FACTOR],
        readout: full[READOUT_FACTOR],
        floorLow: trends.errorFloor.low,
        central: base,
        yearSearch: request.headlineOnly !== true,
        evaluate: (e, r) => {
          const at = { ...central };
          if (ERROR_FACTOR in ranges) at[ERROR_FACTOR] = e;
          if (READOUT_FACTOR in ranges) at[READOUT_FACTOR] = r;
          return logsOf(evalAt(at));
        },
      })
    : null;
  // The tornado's ends of the two factors: each moved alone, as every input's (not for a headline-only surface, a
  // curve band's anchor, which has no tornado).
  for (const k of request.headlineOnly ? [] : ERROR_FACTORS)
    if (k in ranges)
      for (const x of [ranges[k].low, ranges[k].high])
        if (x !== ranges[k].central) headlineAt.set(`${k}=${x}`, headlineOf(evalAt({ ...central, [k]: x })));
  // The headline size axis: the crossover size is searched on it.
  const h = def.headline;
  const ns = headlineGrid(def, Math.max(8, def.headline.points ?? 16));
  const sizes = new LogsTable(
    ns,
    ns.map((n) => logsOf(request.sizeVerdicts?.get(n) ?? evalAt(central, n))),
    h.log,
  );
  const at = (k: string) => names.indexOf(k);
  const lean = new SeparableModel({
    base,
    axes,
    sizes,
    headline: { log: h.log, integer: h.integer, min: h.range[0] },
    t0,
    index: {
      qubitDoubling: at("qubitDoublingYears"),
      classicalDoubling: at("classicalDoublingYears"),
      errorHalving: at("errorHalvingYears"),
      errorFloor: at("errorFloor"),
      errorFactor: at(ERROR_FACTOR),
      readoutFactor: at(READOUT_FACTOR),
    },
    errorTable,
    headlineOnly: request.headlineOnly === true,
    horizonYears: YEAR_HORIZON,
    proveNever: request.searchEveryYear !== true,
    roadmap: {
      years: Float64Array.from(roadmap.years),
      log10Qubits: Float64Array.from(roadmap.qubits, (q) => Math.log10(q)),
    },
  });

  return {
    ranges,
    names,
    central,
    model: lean,
    evalAt,
    headlineAt,
    evaluations: () => evaluations,
    roadmapLabel: roadmap.label,
  };
}

/** The surface's model at every central input: the point estimate of each UNCERTAIN_OUTPUT (+∞ → null), e.g. the
 *  year of advantage every `crossover.year` reports (one model for the year and its band). */
export function centralOutputs(surface: UncertaintySurface): Record<UncertainOutput, number | null> {
  const out = new Float64Array(UNCERTAIN_OUTPUTS.length);
  surface.model.evaluate(
    Float64Array.from(surface.names, (k) => surface.central[k]),
    out,
  );
  return Object.fromEntries(UNCERTAIN_OUTPUTS.map((o, i) => [o, finite(out[i])])) as Record<
    UncertainOutput,
    number | null
  >;
}

/** The per-sample model of `exact: true`: every sample through the workload itself for the verdict at the given
 *  size (outputs 0–6); the crossover size and year from the lean path (a year per sample would need the workload at
 *  every size and year the search tries). */
export function exactModel(surface: UncertaintySurface): (x: Float64Array, out: Float64Array) => void {
  const { names, evalAt, model: lean } = surface;
  const sampled: Record<string, number> = {};
  return (x, out) => {
    lean.evaluate(x, out);
    names.forEach((k, i) => {
      sampled[k] = x[i];
    });
    const v = evalAt(sampled);
    const b = bestStrategy(v);
    const exact = [
      v.speedupLog10,
      v.qpuOverGpuLog10,
      v.classical.seconds,
      b.seconds,
      v.classical.costUsd ?? Number.POSITIVE_INFINITY,
      b.costUsd ?? Number.POSITIVE_INFINITY,
      b.physicalQubits,
    ];
    exact.forEach((y, o) => {
      out[o] = y;
    });
  };
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
  /** The surface of this verdict and request, when the caller built it (the crossover sweep does). */
  built?: UncertaintySurface,
): UncertaintyResult {
  const { samples, seed } = checkUncertaintyOptions(request);
  const surface = built ?? uncertaintySurface(def, input, context, request, verdict);
  const { ranges, names, central, evalAt, headlineAt } = surface;
  const lean = surface.model;
  const O = UNCERTAIN_OUTPUTS.length;
  let model = (x: Float64Array, out: Float64Array) => lean.evaluate(x, out);
  let method: VerdictUncertainty["method"] = request.point ? "point" : "separable";
  if (request.exact && !request.point) {
    method = "exact";
    model = exactModel(surface);
  }
  // A point estimate's ranges are collapsed: every sample would be the same, so one is drawn.
  const drawn = request.point ? 1 : samples;
  const propagated = propagateVector(ranges, O, model, {
    samples: drawn,
    uniform: createPrng(seed),
  }).quantiles;
  const quantiles = Object.fromEntries(UNCERTAIN_OUTPUTS.map((o, i) => [o, propagated[i]])) as Record<
    UncertainOutput,
    Quantiles
  >;
  const json = {} as Record<UncertainOutput, QuantilesJson>;
  for (const o of UNCERTAIN_OUTPUTS) json[o] = toJson(quantiles[o]);
  // A cost without a sourced price is n/a, not "never" (its samples are all +∞ only because the price is missing).
  const noPrice = (side: string, device: string): QuantilesJson => ({
    p05: null,
    p50: null,
    p95: null,
    neverShare: null,
    reason: `n/a: no sourced price for ${device} (the ${side} side), so its cost is not modelled`,
  });
  if (verdict.classical.costUsd === null)
    json.classicalCostUsd = noPrice("classical", verdict.classical.device);
  const best = bestStrategy(verdict);
  if (best.costUsd === null) json.quantumCostUsd = noPrice("quantum", best.device);
  // Outputs a workload does not have (no quantum price) are null throughout.
  const bars = sensitivity(ranges, (x) => {
    // The headline's tornado: exact evaluations for the workload's inputs (two per input); the trends do not move
    // today's headline (their swing is 0), so they are computed through the lean path at no cost.
    const moved = Object.keys(x).find((k) => x[k] !== central[k]);
    if (moved === undefined || TREND_NAMES.includes(moved)) return headlineOf(verdict);
    return headlineAt.get(`${moved}=${x[moved]}`) ?? headlineOf(evalAt(x));
  });
  return {
    uncertainty: {
      samples: drawn,
      seed,
      method,
      ranges,
      quantiles: json,
      yearBasis: `projected: the first year, at the crossover size, in which the qubits needed (error rate improving toward its floor) fit the qubits projected from today's ${bestStrategy(verdict).device} by the fitted doubling trend, and the quantum side beats the classical side sped up by its price-performance trend (trend projections, not devices)`,
      roadmapBasis: `vendor-roadmap scenario, next to the fitted trend: the same year search with the qubits available each year the larger of today's and ${surface.roadmapLabel}`,
      evaluations: surface.evaluations(),
    },
    sensitivity: bars.map((b) => ({
      ...b,
      speedupLog10AtLow: finite(b.speedupLog10AtLow),
      speedupLog10AtHigh: finite(b.speedupLog10AtHigh),
      qpuOverGpuLog10AtLow: finite(b.qpuOverGpuLog10AtLow),
      qpuOverGpuLog10AtHigh: finite(b.qpuOverGpuLog10AtHigh),
      swingLog10: finite(b.swingLog10),
    })),
    // A band drawn from rationale-only ranges says so, as every unverified number must (a point estimate does not
    // sample them).
    unverified: request.point
      ? verdict.unverified
      : [...new Set([...verdict.unverified, ...unverifiedRanges(names)])],
  };
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

const headlineOf = (v: VerdictV2): Headline => ({
  speedupLog10: v.speedupLog10,
  qpuOverGpuLog10: v.qpuOverGpuLog10,
});

function toJson(q: Quantiles): QuantilesJson {
  const f = finite;
  return { p05: f(q.p05), p50: f(q.p50), p95: f(q.p95), neverShare: q.neverShare };
}

/** The fault-tolerant qubit model whose error rates the two error factors scale: the workload's own when it names
 *  one otherwise (LLM training's `ftQubit`), else the input's `qubit` (its default when the input names none). */
function qubitOf(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
): Parameters<typeof errorCoordinates>[0] {
  if (def.faultTolerantQubit) return def.faultTolerantQubit(input as never);
  const q = input.qubit;
  return typeof q === "string" || (q !== null && typeof q === "object") ? (q as never) : undefined;
}
