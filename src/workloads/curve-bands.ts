// Bands along the curves of a crossover (issue 13 §6): p05/p50/p95 of each side's time at every plotted problem size.
//
// The verdict's lean path (./uncertainty.ts) reconstructs one size's times per sample as the central value plus a
// per-sample shift, the sum of every ranged input's own change (log space). How much an input moves a side's time
// depends on the size (a worse error rate costs more code distance on a bigger problem), so the shift is taken from
// that lean path built at a few anchor sizes (exact one-input grids there), and interpolated in (log) size between
// anchors. Every size reads the same seeded sample vectors (common random numbers), so the band is as smooth as the
// curve; with every range a point the shift is 0 and the band is the point curve itself.
//
// Work is bounded before any is done: anchors × (grid points per anchor) evaluations, and samples × (anchors + sizes)
// interpolations. Curves default to the first 2,000 of the verdict's seeded samples (CURVE_SAMPLES).
import { checkUncertaintyOptions } from "../estimate/uncertainty.js";
import { createPrng } from "../sim/prng.js";
import type { Range } from "../stats/distribution.js";
import { propagateVector, type Quantiles } from "../stats/monte-carlo.js";
import type { CurveBandsJson, QuantilesJson, VerdictV2 } from "../verdict/contract.js";
import { UNCERTAIN_OUTPUTS } from "./separable.js";
import type { CrossoverSeries } from "./sweep.js";
import {
  centralOutputs,
  type UncertaintyRequest,
  type UncertaintySurface,
  uncertaintySurface,
  verdictRanges,
} from "./uncertainty.js";
import type { EvaluationContext, WorkloadDefinition } from "./workload.js";

/** Samples per curve band by default: a curve has many sizes; the p05/p95 of 2,000 samples are within about
 *  ±1.5 percentile points (binomial standard error of the 5% tail). */
export const CURVE_SAMPLES = 2_000;
/** Anchor sizes by default: the grid's ends and its middle (every size when there are fewer); more cost one set of
 *  one-input grid evaluations each (about 30 for a fault-tolerant workload, 1.5 ms each). */
export const CURVE_ANCHORS = 3;
/** Work budget of one crossover's bands: samples × (anchors + sizes) model steps. */
export const MAX_CURVE_WORK = 2_000_000;

const SECONDS = UNCERTAIN_OUTPUTS.indexOf("classicalSeconds");
const QSECONDS = UNCERTAIN_OUTPUTS.indexOf("quantumSeconds");

export interface CurveBandsRequest extends UncertaintyRequest {
  /** Samples for the curves (default min(samples, CURVE_SAMPLES)). */
  curveSamples?: number;
  /** Anchor sizes (default CURVE_ANCHORS; at least 2 and at most the number of sizes). */
  anchors?: number;
}

/** Indexes of `k` anchors spread evenly over `n` grid points, ends included. */
export function anchorIndexes(n: number, k: number): number[] {
  if (n <= 0) return [];
  const m = Math.max(1, Math.min(n, Math.max(2, k)));
  if (m === 1) return [0];
  return [...new Set(Array.from({ length: m }, (_, i) => Math.round((i * (n - 1)) / (m - 1))))];
}

/** log10 change of a time from its central value y0 (log10 y0 = l0): exactly 0 when unchanged (so collapsed ranges
 *  give the point curve to the last bit), and undefined (NaN: the size takes a neighbouring anchor's) when the centre
 *  cannot run. */
function shiftOf(y: number, y0: number, l0: number): number {
  if (y === y0) return 0;
  return Number.isFinite(l0) ? Math.log10(y) - l0 : Number.NaN;
}

/** The shift at a size between anchors a and b (fraction f): linear where both are finite, else the nearer one
 *  that is defined (a step, as the lean path's tables take), else 0. */
function interpolate(sa: number, sb: number, f: number): number {
  if (Number.isFinite(sa) && Number.isFinite(sb)) return sa + f * (sb - sa);
  const [near, far] = f <= 0.5 ? [sa, sb] : [sb, sa];
  if (!Number.isNaN(near)) return near;
  if (!Number.isNaN(far)) return far;
  return 0;
}

/** A time at the central inputs moved by a log shift; exact (no rounding) when the shift is 0. */
const moved = (seconds: number, shift: number): number =>
  shift === 0 ? seconds : !Number.isFinite(seconds) ? seconds : seconds * 10 ** shift;

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const toJson = (q: Quantiles): QuantilesJson => ({
  p05: finite(q.p05),
  p50: finite(q.p50),
  p95: finite(q.p95),
  neverShare: q.neverShare,
});

/** The same ranges, bound for bound: a surface built for other ranges (a point estimate's) is not this band's. */
function sameRanges(a: Record<string, Range>, b: Record<string, Range>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    return (
      y !== undefined &&
      x.low === y.low &&
      x.central === y.central &&
      x.high === y.high &&
      x.distribution === y.distribution
    );
  });
}

/** One anchor of the curves: a size where the lean path is built, its model, and both sides' central times as the
 *  model gives them (so a sample at every central input shifts by exactly 0). */
interface Anchor {
  n: number;
  model: UncertaintySurface["model"];
  /** Central times as the model writes them, and their logs. */
  c0: number;
  q0: number;
  names: string[];
}

/**
 * p05/p50/p95 of both sides' times at every size of `sweep.series` (the crossover sweep of `def` at `input`), from the
 * verdict's seeded samples. The sweep's grid verdicts give each grid anchor's central verdict and size table; its
 * surface (the verdict's own lean path, at the instance's size) is an anchor as it is, when the instance lies inside
 * the plotted sizes: the interior grid anchor nearest it gives way, and the band at the instance is the verdict's.
 * Null with `point` (--no-uncertainty): the bands are omitted.
 */
export function curveBands(
  def: WorkloadDefinition,
  input: Record<string, unknown>,
  context: EvaluationContext,
  sweep: {
    series: Pick<CrossoverSeries, "sizes" | "classicalSeconds" | "quantumSeconds">;
    verdicts: ReadonlyMap<number, VerdictV2>;
    /** The verdict's surface at `input`, built for the same request (the sweep's). */
    surface?: UncertaintySurface;
  },
  request: CurveBandsRequest = {},
): CurveBandsJson | null {
  if (request.point) return null;
  const { series, verdicts } = sweep;
  const { samples: all, seed } = checkUncertaintyOptions(request);
  const sizes = series.sizes;
  const S = sizes.length;
  if (S === 0) return null;
  const h = def.headline;
  const t = (n: number) => (h.log ? Math.log(n) : n);
  const gridAnchors = anchorIndexes(S, request.anchors ?? CURVE_ANCHORS);
  // The instance's own surface replaces the interior grid anchor nearest it (not when every size is an anchor: the
  // bands are then exact at every size already).
  const nInstance = Number(input[h.field]);
  const interior = gridAnchors.slice(1, -1);
  // Every anchor samples the instance's ranges (overrides applied), so one sample vector means the same inputs at
  // every size.
  const ranges = verdictRanges(def, input, context, request.overrides);
  const reuse =
    sweep.surface !== undefined &&
    sameRanges(sweep.surface.ranges, ranges) &&
    gridAnchors.length < S &&
    interior.length > 0 &&
    nInstance > sizes[0] &&
    nInstance < sizes[S - 1];
  const replaced = reuse
    ? interior.reduce((a, b) =>
        Math.abs(t(sizes[b]) - t(nInstance)) < Math.abs(t(sizes[a]) - t(nInstance)) ? b : a,
      )
    : -1;
  const A = gridAnchors.length;
  const samples = Math.max(
    1,
    Math.min(request.curveSamples ?? Math.min(all, CURVE_SAMPLES), Math.floor(MAX_CURVE_WORK / (A + S))),
  );
  let evaluations = 0;
  const anchors: Anchor[] = gridAnchors.map((i) => {
    if (i === replaced) {
      const s = sweep.surface as UncertaintySurface;
      const c = centralOutputs(s);
      return {
        n: nInstance,
        model: s.model,
        c0: c.classicalSeconds ?? Number.POSITIVE_INFINITY,
        q0: c.quantumSeconds ?? Number.POSITIVE_INFINITY,
        names: s.names,
      };
    }
    const n = sizes[i];
    const at = { ...input, [h.field]: n, ...(h.couple ? h.couple(n, input as never) : {}) };
    const s = uncertaintySurface(
      def,
      at,
      context,
      { overrides: ranges, headlineOnly: true, sizeVerdicts: verdicts },
      verdicts.get(n),
    );
    evaluations += s.evaluations();
    // The lean path writes its outputs as 10^log: at every input central, 10^log10 of the sweep's time.
    return {
      n,
      model: s.model,
      c0: 10 ** Math.log10(series.classicalSeconds[i]),
      q0: 10 ** Math.log10(series.quantumSeconds[i]),
      names: s.names,
    };
  });
  const names = anchors[0].names;
  for (const a of anchors)
    if (a.names.join() !== names.join())
      throw new Error(`curve bands: ${def.kind}'s ranged inputs differ between sizes`);
  const c0 = Float64Array.from(anchors, (a) => a.c0);
  const q0 = Float64Array.from(anchors, (a) => a.q0);
  const logC = c0.map(Math.log10);
  const logQ = q0.map(Math.log10);
  // Per size: the anchors around it and the fraction between them, in the headline's interpolation coordinate.
  const lo = new Int32Array(S);
  const frac = new Float64Array(S);
  for (let i = 0, j = 0; i < S; i++) {
    while (j + 1 < A - 1 && anchors[j + 1].n <= sizes[i]) j++;
    const a = anchors[j].n;
    const b = anchors[Math.min(j + 1, A - 1)].n;
    lo[i] = j;
    frac[i] = a === b ? 0 : Math.min(1, Math.max(0, (t(sizes[i]) - t(a)) / (t(b) - t(a))));
  }
  const out0 = new Float64Array(UNCERTAIN_OUTPUTS.length);
  const sc = new Float64Array(A);
  const sq = new Float64Array(A);
  const r = propagateVector(
    ranges,
    2 * S,
    (x, out) => {
      for (let a = 0; a < A; a++) {
        anchors[a].model.headline(x, out0);
        sc[a] = shiftOf(out0[SECONDS], c0[a], logC[a]);
        sq[a] = shiftOf(out0[QSECONDS], q0[a], logQ[a]);
      }
      for (let i = 0; i < S; i++) {
        const j = lo[i];
        const k = Math.min(j + 1, A - 1);
        out[i] = moved(series.classicalSeconds[i], interpolate(sc[j], sc[k], frac[i]));
        out[S + i] = moved(series.quantumSeconds[i], interpolate(sq[j], sq[k], frac[i]));
      }
    },
    { samples, uniform: createPrng(seed) },
  );
  return {
    samples,
    seed,
    method: "separable",
    anchors: anchors.map((a) => a.n),
    basis: `the first ${samples.toLocaleString("en-US")} of the seeded samples (seed ${seed}), the same input vectors at every size; each sample's change of each side's time is the lean path's at the anchor sizes (one-input grids evaluated there; ${reuse ? "the instance's size is one, with the verdict's own" : "plotted sizes"}) and interpolated in ${h.log ? "log " : ""}size between them`,
    classicalSeconds: r.quantiles.slice(0, S).map(toJson),
    quantumSeconds: r.quantiles.slice(S).map(toJson),
    evaluations,
  };
}
