// The lean numeric path of a verdict's uncertainty (see ./uncertainty.ts for why it is separable): exact evaluations
// of the workload on short grids, recombined per sample in log space. Everything that does not depend on the sample
// is laid out once per verdict in typed arrays; a sample is a few interpolations, one pass over the size table per
// candidate year, and no allocation. This is what makes 10,000 samples per verdict the default: one sample (the
// headline, both sides' times and costs, qubits, the crossover size and year) costs microseconds.
import { errorRateAt } from "../estimate/trends.js";
import { firstCrossing } from "../stats/root.js";
import { decideV2 } from "../verdict/compose.js";
import type { ErrorCoordinates } from "./ranges.js";

/** The log10 quantities a verdict contributes to the reconstruction, in this order (indexes below). */
export const LOG_KEYS = ["c", "q", "cc", "qc", "qb", "cm", "qm", "qcap", "blocked"] as const;
export type Logs = Record<(typeof LOG_KEYS)[number], number>;
const NK = LOG_KEYS.length;
const [C, Q, CC, QC, QB, CM, QM, QCAP, BL] = LOG_KEYS.map((_, i) => i);
/** The keys a joint error table's slice holds at every u (the year search's). */
const SLICE_KEYS = [Q, QB];

/** Outputs, in the order `SeparableModel.evaluate` writes them. */
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
  "crossoverYearRoadmap",
] as const;
export type UncertainOutput = (typeof UNCERTAIN_OUTPUTS)[number];

const LOG10_2 = Math.log10(2);
/** The year search: bracketing points over the horizon, then bisection to this relative tolerance (~1.5 days). */
const YEAR_GRID = 25;
const YEAR_REL_TOL = 2e-6;
const INF = Number.POSITIVE_INFINITY;

/** Change from the centre, with ∞ − ∞ (an input that leaves an infinite value infinite) as no change. */
const delta = (y: number, y0: number): number => (y === y0 ? 0 : y - y0);

/** The least index i with xs[i] ≥ x in ascending xs (xs.length when none): binary search, the slices of the joint
 *  error table being tens of points long and located once per year the search tries. */
function firstAbove(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A 1-D table of Logs along one coordinate, linearly interpolated in x (log x for log axes); a step (a value that
 *  is not finite at one end) takes the nearer grid point. `locate` once per x, then `value` per key. */
export class LogsTable {
  readonly xs: Float64Array;
  /** The grid in interpolation coordinates (log x for log axes). */
  private readonly ts: Float64Array;
  /** Row-major: ys[i·NK + k]. */
  readonly ys: Float64Array;
  // The located x's neighbours (read by JointErrorTable.fillLocated, which fills a slice only where it is read).
  lo = 0;
  hi = 0;
  near = 0;
  /** Fraction between lo and hi, or −1 when x is at or beyond an end (take `near`). */
  private f = -1;
  private intFrom = 0;
  private intLogs: Float64Array | null = null;
  constructor(
    xs: readonly number[],
    ys: readonly Logs[],
    readonly log: boolean,
  ) {
    this.xs = Float64Array.from(xs);
    this.ts = Float64Array.from(xs, (x) => (log ? Math.log(x) : x));
    this.ys = new Float64Array(xs.length * NK);
    ys.forEach((y, i) => {
      LOG_KEYS.forEach((k, j) => {
        this.ys[i * NK + j] = y[k];
      });
    });
  }
  get length(): number {
    return this.xs.length;
  }
  locate(x: number): void {
    const xs = this.xs;
    const n = xs.length - 1;
    if (x <= xs[0]) {
      this.near = 0;
      this.f = -1;
      return;
    }
    if (x >= xs[n]) {
      this.near = n;
      this.f = -1;
      return;
    }
    // The year search locates nearby x's in turn: the last segment first (firstAbove would return the same i).
    const i = this.f >= 0 && xs[this.lo] < x && x <= xs[this.hi] ? this.hi : firstAbove(xs, x);
    this.lo = i - 1;
    this.hi = i;
    this.near = x - xs[i - 1] < xs[i] - x ? i - 1 : i;
    const t = this.log ? this.logOf(x) : x;
    this.f = (t - this.ts[i - 1]) / (this.ts[i] - this.ts[i - 1]);
  }
  /** Math.log(x), from the table of whole numbers' logs when x is one in it (the same value, looked up). */
  private logOf(x: number): number {
    const k = x - this.intFrom;
    const logs = this.intLogs;
    return logs !== null && k >= 0 && k < logs.length && Math.floor(k) === k ? logs[k] : Math.log(x);
  }
  /** Tabulates Math.log of every whole number on the grid's span (at most 2^16 of them): a whole-number headline
   *  (bits, sites) locates its size once per year the crossover search tries. */
  tabulateIntegerLogs(): void {
    const from = Math.ceil(this.xs[0]);
    const to = Math.floor(this.xs[this.xs.length - 1]);
    if (!this.log || !(to >= from) || to - from >= 1 << 16) return;
    this.intFrom = from;
    this.intLogs = Float64Array.from({ length: to - from + 1 }, (_, k) => Math.log(from + k));
  }
  /**
   * Math.ceil(Math.exp(t) − 1e-9) for a log axis of whole numbers, without the exponential: `guess` when t lies
   * between the tabulated logs of guess − 1 and guess with margins (1.0001e-9 above the lower, 1e-13 below the upper)
   * far wider than the roundings of exp, log and the subtraction (an ulp each), so exp(t) − 1e-9 is certainly in
   * (guess − 1, guess]; NaN otherwise (the caller takes the exponential).
   */
  ceilExp(t: number, guess: number): number {
    const logs = this.intLogs;
    const k = guess - this.intFrom;
    if (logs === null || !(k >= 1 && k < logs.length) || guess < 2 || Math.floor(k) !== k) return Number.NaN;
    return t >= logs[k - 1] + 1.0001e-9 && t <= logs[k] - 1e-13 ? guess : Number.NaN;
  }
  /** Key k at the located x. */
  value(k: number): number {
    const ys = this.ys;
    if (this.f < 0) return ys[this.near * NK + k];
    const a = ys[this.lo * NK + k];
    const b = ys[this.hi * NK + k];
    if (a === b || !Number.isFinite(a) || !Number.isFinite(b)) return ys[this.near * NK + k];
    return a + this.f * (b - a);
  }
  at(x: number, k: number): number {
    this.locate(x);
    return this.value(k);
  }
  /** y[k] += value(k) − base[k] for every key at the located x (∞ − ∞ as no change): `value` inlined. */
  addChange(y: Float64Array, base: Float64Array): void {
    const { ys, f, near, lo, hi } = this;
    for (let k = 0; k < NK; k++) {
      let v: number;
      if (f < 0) v = ys[near * NK + k];
      else {
        const a = ys[lo * NK + k];
        const b = ys[hi * NK + k];
        v = a === b || !Number.isFinite(a) || !Number.isFinite(b) ? ys[near * NK + k] : a + f * (b - a);
      }
      y[k] += delta(v, base[k]);
    }
  }
  /** Grid value of key k at point i. */
  point(i: number, k: number): number {
    return this.ys[i * NK + k];
  }
  /** The least value of key k at any x in [x0, x1] (x0 ≤ x1), to rounding: a linear piece takes its least at an
   *  end, so the values at x0 and x1 and the grid points between; a step (a piece with a non-finite end) may take
   *  either of its points. */
  minOver(x0: number, x1: number, k: number): number {
    this.minOver2(x0, x1, k, k);
    return this.min[0];
  }
  /**
   * minOver(x0, +∞, k), the grid's part from suffix minima (built once per key): the grid points above x0 and, of the
   * steps, the segments from the one ending at or after x0 on. The same values (min is exact and order-free).
   */
  minFrom(x0: number, k: number): number {
    const { xs, ys } = this;
    const n = xs.length;
    if (Number.isNaN(x0)) return this.minOver(x0, INF, k);
    let suffix = this.suffixMins[k];
    if (suffix === undefined) {
      // [0, n]: min of the grid values from i on; [n + 1, 2n + 1]: min of both ends of every step segment from i
      // on (+∞ past the ends).
      suffix = new Float64Array(2 * n + 2).fill(INF);
      for (let i = n - 1; i >= 0; i--) {
        suffix[i] = Math.min(suffix[i + 1], ys[i * NK + k]);
        let step = suffix[n + 1 + i + 1];
        if (i + 1 < n) {
          const v = ys[i * NK + k];
          const w = ys[(i + 1) * NK + k];
          if (!Number.isFinite(v) || !Number.isFinite(w)) step = Math.min(step, v, w);
        }
        suffix[n + 1 + i] = step;
      }
      this.suffixMins[k] = suffix;
    }
    const p = firstAbove(xs, x0);
    const above = p < n && xs[p] === x0 ? p + 1 : p;
    let m = Math.min(this.at(x0, k), ys[(n - 1) * NK + k]);
    m = Math.min(m, suffix[above]);
    return Math.min(m, suffix[n + 1 + Math.max(0, p - 1)]);
  }
  private readonly suffixMins: Array<Float64Array | undefined> = [];
  /** minOver of keys k and k2 at once, into `min` (x0 and x1 located once for both). */
  readonly min = new Float64Array(2);
  minOver2(x0: number, x1: number, k: number, k2: number): void {
    const { xs, ys } = this;
    this.locate(x0);
    let m = this.value(k);
    let m2 = this.value(k2);
    this.locate(x1);
    m = Math.min(m, this.value(k));
    m2 = Math.min(m2, this.value(k2));
    // Only the points from the one before x0 to the one after x1 matter.
    const from = Math.max(0, firstAbove(xs, x0) - 2);
    const to = Math.min(xs.length, firstAbove(xs, x1) + 1);
    for (let i = from; i < to; i++) {
      const v = ys[i * NK + k];
      const v2 = ys[i * NK + k2];
      if (xs[i] > x0 && xs[i] < x1) {
        m = Math.min(m, v);
        m2 = Math.min(m2, v2);
      }
      if (i + 1 < xs.length && xs[i + 1] >= x0 && xs[i] <= x1) {
        const w = ys[(i + 1) * NK + k];
        const w2 = ys[(i + 1) * NK + k2];
        if (!Number.isFinite(v) || !Number.isFinite(w)) m = Math.min(m, v, w);
        if (!Number.isFinite(v2) || !Number.isFinite(w2)) m2 = Math.min(m2, v2, w2);
      }
    }
    this.min[0] = m;
    this.min[1] = m2;
  }
}

/**
 * The joint error-rate table of a fault-tolerant estimate: Logs over (u, s), the physical error rate factor and the
 * readout excess (ranges.ts, ErrorCoordinates), exact evaluations on a grid of both. qpuErrorRateFactor and
 * qpuReadoutErrorFactor are not separable: the code distance, and whether the code corrects at all, follow their
 * joint effect u, which crosses the threshold (or the largest code distance) as a product. In (u, s) the boundary is
 * a line of constant u, which the u grid brackets tightly (uncertainty.ts), and the years move a sample along u
 * alone (error rates improve, the readout ratio stays): so a sample takes one slice along u at its s, interpolated
 * linearly in log s between the rows around it (a value that is not finite in either row takes the nearer row's),
 * and the year search works on that slice as on any 1-D axis.
 */
export class JointErrorTable {
  readonly us: Float64Array;
  readonly ss: Float64Array;
  private readonly ls: Float64Array;
  /** ys[(j·|us| + i)·NK + k]: key k at (us[i], ss[j]). */
  private readonly ys: Float64Array;
  constructor(
    us: readonly number[],
    ss: readonly number[],
    /** rows[j][i]: the Logs at (us[i], ss[j]). */
    rows: readonly (readonly Logs[])[],
    readonly coords: ErrorCoordinates,
  ) {
    this.us = Float64Array.from(us);
    this.ss = Float64Array.from(ss);
    this.ls = Float64Array.from(ss, (v) => Math.log(v));
    this.ys = new Float64Array(us.length * ss.length * NK);
    rows.forEach((row, j) => {
      row.forEach((y, i) => {
        LOG_KEYS.forEach((k, c) => {
          this.ys[(j * us.length + i) * NK + c] = y[k];
        });
      });
    });
  }
  /** A table along u to be filled by sliceAt. */
  newSlice(): LogsTable {
    const zero = Object.fromEntries(LOG_KEYS.map((k) => [k, 0])) as Logs;
    return new LogsTable(
      [...this.us],
      Array.from(this.us, () => zero),
      true,
    );
  }
  // The rows around the last sliceAt's s and the fraction between them.
  private rLo = 0;
  private rHi = 0;
  private rNear = 0;
  private rF = 0;
  /** Fills `slice` (from newSlice) along u at readout excess s: the quantum time and qubits (Q, QB) at every u,
   *  which the year search reads; the other keys only where `fillLocated` is asked (today's verdict reads them at
   *  one u): a few values per sample rather than the whole table. */
  sliceAt(s: number, slice: LogsTable): void {
    const { ss, ls } = this;
    const n = ss.length - 1;
    let lo = 0;
    let hi = 0;
    let f = 0;
    if (s >= ss[n]) lo = hi = n;
    else if (s > ss[0]) {
      hi = 1;
      while (ss[hi] < s) hi++;
      lo = hi - 1;
      f = (Math.log(s) - ls[lo]) / (ls[hi] - ls[lo]);
    }
    this.rLo = lo;
    this.rHi = hi;
    this.rF = f;
    this.rNear = f < 0.5 ? lo : hi;
    // Q and QB at every u, between the rows around s as fillPoint (once per sample, 2·|us| values).
    const { ys } = this;
    const nu = this.us.length;
    const out = slice.ys;
    const near = this.rNear;
    for (let i = 0; i < nu; i++) {
      for (let c = 0; c < SLICE_KEYS.length; c++) {
        const k = SLICE_KEYS[c];
        const a = ys[(lo * nu + i) * NK + k];
        const b = ys[(hi * nu + i) * NK + k];
        out[i * NK + k] =
          a === b || !Number.isFinite(a) || !Number.isFinite(b)
            ? ys[(near * nu + i) * NK + k]
            : a + f * (b - a);
      }
    }
  }
  /** Fills every key of `slice` at the points its last `locate` reads. */
  fillLocated(slice: LogsTable): void {
    this.fillPoint(slice, slice.lo);
    this.fillPoint(slice, slice.hi);
    this.fillPoint(slice, slice.near);
  }
  /** Every key at u point i, between the rows around s (a value not finite in either takes the nearer row's). */
  private fillPoint(slice: LogsTable, i: number): void {
    const { ys, rF } = this;
    const nu = this.us.length;
    const ra = (this.rLo * nu + i) * NK;
    const rb = (this.rHi * nu + i) * NK;
    const rn = (this.rNear * nu + i) * NK;
    const out = slice.ys;
    for (let k = 0; k < NK; k++) {
      const a = ys[ra + k];
      const b = ys[rb + k];
      out[i * NK + k] = a === b || !Number.isFinite(a) || !Number.isFinite(b) ? ys[rn + k] : a + rF * (b - a);
    }
  }
}

export interface SeparableSpec {
  /** The verdict at every central input. */
  base: Logs;
  /** One table per ranged workload input, with the input's index in the sample vector. */
  axes: Array<{ index: number; table: LogsTable }>;
  /** The headline size axis (central inputs). */
  sizes: LogsTable;
  headline: { log: boolean; integer: boolean; min: number };
  t0: number;
  /** Indexes in the sample vector of the trends, and of the error-rate and readout factors (−1 when not sampled). */
  index: {
    qubitDoubling: number;
    classicalDoubling: number;
    errorHalving: number;
    errorFloor: number;
    errorFactor: number;
    readoutFactor: number;
  };
  /** The joint table of the error-rate and readout factors (null when the workload samples neither). */
  errorTable: JointErrorTable | null;
  /** Only the verdict at the given size: no crossover size or year (+∞). */
  headlineOnly: boolean;
  /** Years searched after t0. */
  horizonYears: number;
  /** The vendor-roadmap scenario: physical qubits claimed by year (ascending years, running maximum), null for
   *  none. Its year is searched like the trend's, with the qubits available max(today's, the claim by then). */
  roadmap: { years: Float64Array; log10Qubits: Float64Array } | null;
  /** Skip the year search when "never" is proven (default true; false for checking the proof). */
  proveNever?: boolean;
  /** Search years with the generic `firstCrossing` over `gap` instead of its inlined replay, and prepare and
   *  sizeAhead without their shortcuts (prepare's all-feasible case, the certified ceiling): for checking. */
  referenceYearSearch?: boolean;
}

/** The per-sample model of the lean path: `evaluate(x, out)` writes UNCERTAIN_OUTPUTS for the sample vector x. */
export class SeparableModel {
  private readonly y = new Float64Array(NK);
  private readonly sh = new Float64Array(NK);
  private readonly base: Float64Array;
  private readonly S: number;
  private readonly ns: Float64Array;
  private readonly tn: Float64Array;
  private readonly qs: Float64Array;
  private readonly cs: Float64Array;
  private readonly cms: Float64Array;
  private readonly qms: Float64Array;
  private readonly bls: Float64Array;
  // Per sample: the feasibility intervals of each size segment (see prepare) and the shifts at e0.
  private readonly aLo: Float64Array;
  private readonly aHi: Float64Array;
  private readonly b1: Float64Array;
  private readonly stepped: Uint8Array;
  private readonly live: Int32Array;
  private readonly skipBelow: Float64Array;
  private readonly qbs: Float64Array;
  private readonly qcaps: Float64Array;
  // Per sample, for mayFit (see fitBounds): the fewest log qubits any year's crossing needs, today's most available.
  private qbLow = Number.NaN;
  private capHigh = Number.NaN;
  private nLive = 0;
  /** min(q − c) at a segment's two ends (table values: the same every sample). */
  private readonly dMin: Float64Array;
  /** Per segment, table values only: a side's time is not finite at an end (1); its margins and blocked flag are
   *  finite and far from overflow at both ends (marginsPlain 1), so with finite shifts they stay finite. */
  private readonly tableStep: Uint8Array;
  private readonly marginsPlain: Uint8Array;
  /** The fewest log qubits from each size on, and the most log qubits available at any size (table values). */
  private readonly qbSuffixMin: Float64Array;
  private readonly capTabMax: number;
  /** For prepare's common case (table values): every segment plain, the quantum margin's least and the blocked
   *  flag's greatest value, dMin's minimum. */
  private readonly allPlain: boolean;
  private readonly minQms: number;
  private readonly maxBls: number;
  private readonly dMinAll: number;
  /** The error table's slice along u at the sample's readout excess (null without a table). */
  private readonly ax: LogsTable | null;
  /** The sample's error-rate and readout factors today, and its u (the coordinate located on the slice). */
  private e0 = 1;
  private r0 = 1;
  private u0 = 1;
  private e0q = 0;
  private e0qb = 0;
  /** The sample's log quantities from every axis but the error slice (their sum, centre included). */
  private readonly rest = new Float64Array(NK);
  /** The first year the sample can run (−∞: today; see runnableYear): no year before it is ahead. */
  private yRun = Number.NEGATIVE_INFINITY;
  private x: Float64Array = new Float64Array(0);
  /** The crossover size today (NaN: none); a number, never null, so V8 keeps the field unboxed. */
  private nAtT0 = Number.NaN;
  /** sizeAhead's answer (NaN: none), left in a field rather than returned, which would box the double. */
  private found = Number.NaN;
  /** Which capacity the year search uses: the fitted trend, or the vendor roadmap. */
  private useRoadmap = false;
  // The year search's bracketing grid, per sample: computed (1) or not (0), and each year's size and qubits.
  private readonly gridDone = new Uint8Array(YEAR_GRID + 1);
  private readonly gridN = new Float64Array(YEAR_GRID + 1);
  private readonly gridQb = new Float64Array(YEAR_GRID + 1);
  private readonly gridCap0 = new Float64Array(YEAR_GRID + 1);
  private readonly gapAt = (year: number): number => this.gap(year);
  /** From this year on (per sample; +∞: none) the sample's error rate is at its floor (floorYear), so its u is
   *  `uFloor` and the error slice's shifts there, once located (`floorQ` ≥ NaN test), are `floorQ` and `floorQb`. */
  private yFloor = INF;
  private uFloor = Number.NaN;
  private floorQ = Number.NaN;
  private floorQb = Number.NaN;
  /** The size table at the last size aheadIn located (table values, the same every sample): whole-number sizes
   *  repeat from one year the search tries to the next. */
  private sizeN = Number.NaN;
  private sizeQb = Number.NaN;
  private sizeCap = Number.NaN;
  /** A whole-number log headline (sizeAhead's ceiling via LogsTable.ceilExp). */
  private readonly wholeLog: boolean;
  /** roadmapAt's last answer and the years [claimFrom, claimTo) it holds for. */
  private claimFrom = 0;
  private claimTo = 0;
  private claim = Number.NEGATIVE_INFINITY;

  constructor(readonly spec: SeparableSpec) {
    this.base = Float64Array.from(LOG_KEYS, (k) => spec.base[k]);
    this.ax = spec.errorTable ? spec.errorTable.newSlice() : null;
    const t = spec.sizes;
    if (spec.headline.integer) t.tabulateIntegerLogs();
    this.wholeLog = spec.headline.integer && spec.headline.log;
    const S = t.length;
    this.S = S;
    this.ns = t.xs;
    this.tn = Float64Array.from(t.xs, (n) => (spec.headline.log ? Math.log(n) : n));
    const col = (k: number) => Float64Array.from({ length: S }, (_, i) => t.point(i, k));
    this.qs = col(Q);
    this.cs = col(C);
    this.cms = col(CM);
    this.qms = col(QM);
    this.bls = col(BL);
    this.qbs = col(QB);
    this.qcaps = col(QCAP);
    this.aLo = new Float64Array(S);
    this.aHi = new Float64Array(S);
    this.b1 = new Float64Array(S);
    this.stepped = new Uint8Array(S);
    this.live = new Int32Array(S);
    this.skipBelow = new Float64Array(S);
    this.dMin = Float64Array.from({ length: S }, (_, i) => {
      const j = i + 1 < S ? i + 1 : i;
      return Math.min(this.qs[i] - this.cs[i], this.qs[j] - this.cs[j]);
    });
    const finite = (k: number, ...cols: Float64Array[]) => cols.every((c) => Number.isFinite(c[k]));
    this.tableStep = Uint8Array.from({ length: S }, (_, i) => {
      const j = i + 1 < S ? i + 1 : i;
      return finite(i, this.qs, this.cs) && finite(j, this.qs, this.cs) ? 0 : 1;
    });
    this.marginsPlain = Uint8Array.from({ length: S }, (_, i) => {
      const j = i + 1 < S ? i + 1 : i;
      const plain = (c: Float64Array) => Math.abs(c[i]) < 1e300 && Math.abs(c[j]) < 1e300;
      return plain(this.cms) && plain(this.qms) && plain(this.bls) ? 1 : 0;
    });
    this.qbSuffixMin = new Float64Array(S);
    for (let k = S - 1, m = INF; k >= 0; k--) {
      m = Math.min(m, this.qbs[k]);
      this.qbSuffixMin[k] = m;
    }
    this.capTabMax = this.qcaps.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
    this.allPlain = this.marginsPlain.every((v) => v === 1) && this.tableStep.every((v) => v === 0);
    this.minQms = this.qms.reduce((m, v) => Math.min(m, v), INF);
    this.maxBls = this.bls.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
    this.dMinAll = this.dMin.reduce((m, v) => Math.min(m, v), INF);
  }

  /** Every output for the sample vector x (the crossover size and year unless the spec is headline-only). */
  evaluate(x: Float64Array, out: Float64Array): void {
    this.headline(x, out);
    const { spec } = this;
    if (spec.headlineOnly) return;
    // A sample whose error rate keeps it from running today (the code cannot correct at its u) may run once the
    // error rate has improved: its year search starts from the first year it can run, with its verdict then.
    this.yRun = Number.NEGATIVE_INFINITY;
    if (this.ax && !Number.isFinite(this.e0q)) {
      const yRun = this.runnableYear();
      if (!(yRun <= spec.t0 + spec.horizonYears)) return;
      this.yRun = yRun;
      this.shiftErrorTo(this.errorCoordAt(yRun));
    }
    this.floorYear();
    if (!this.prepare()) {
      this.nAtT0 = this.yRun <= spec.t0 && this.sizeAhead(this.dAt(spec.t0)) ? this.found : Number.NaN;
      out[7] = Number.isNaN(this.nAtT0) ? INF : this.nAtT0;
      this.gridDone.fill(0);
      if (!spec.referenceYearSearch) this.fitBounds();
      this.useRoadmap = false;
      out[8] = spec.referenceYearSearch ? this.referenceYear() : this.firstYear();
      if (spec.roadmap) {
        this.useRoadmap = true;
        out[9] = spec.referenceYearSearch ? this.referenceYear() : this.firstYear();
      }
    }
    for (let o = 7; o < out.length; o++) if (Number.isNaN(out[o])) out[o] = INF;
  }

  /** The verdict at the given size only (outputs 0–6; the crossover size and year are left +∞). */
  headline(x: Float64Array, out: Float64Array): void {
    const { spec, y, sh, base } = this;
    this.x = x;
    y.set(base);
    const axes = spec.axes;
    for (let a = 0; a < axes.length; a++) {
      const { index, table } = axes[a];
      table.locate(x[index]);
      table.addChange(y, base);
    }
    if (this.ax) {
      const t = spec.errorTable!;
      const i = spec.index;
      this.e0 = i.errorFactor >= 0 ? x[i.errorFactor] : 1;
      this.r0 = i.readoutFactor >= 0 ? x[i.readoutFactor] : 1;
      t.sliceAt(t.coords.s(this.e0, this.r0), this.ax);
      this.rest.set(y);
      this.shiftErrorTo(t.coords.u(this.e0, this.r0));
    } else for (let k = 0; k < NK; k++) sh[k] = delta(y[k], base[k]);
    const lc = y[C];
    const lq = y[Q];
    const qFeasible = Number.isFinite(lq) && y[QM] >= 0 && y[QB] <= y[QCAP] + 1e-12 && y[BL] <= 0;
    const sc = 10 ** lc;
    const sq = 10 ** lq;
    const d = decideV2({ seconds: sc, feasible: y[CM] >= 0 }, { seconds: sq, feasible: qFeasible });
    out[0] = d.speedupLog10;
    out[1] = lq - lc;
    out[2] = sc;
    out[3] = sq;
    // No sourced price: NaN, reported as never (+∞ → null in JSON).
    out[4] = 10 ** y[CC];
    out[5] = 10 ** y[QC];
    out[6] = 10 ** y[QB];
    out[7] = INF;
    out[8] = INF;
    out[9] = INF;
    for (let o = 0; o < 7; o++) if (Number.isNaN(out[o])) out[o] = INF;
  }

  /** The sample's verdict (y, sh) with its error slice at u instead of today's: the other axes' sum (`rest`) plus
   *  the slice's change from the centre; u0, e0q and e0qb follow (the year search's reference point). */
  private shiftErrorTo(u: number): void {
    const { y, sh, base, rest } = this;
    const ax = this.ax!;
    this.u0 = u;
    ax.locate(u);
    this.spec.errorTable!.fillLocated(ax);
    for (let k = 0; k < NK; k++) {
      y[k] = rest[k] + delta(ax.value(k), base[k]);
      sh[k] = delta(y[k], base[k]);
    }
    this.e0q = ax.value(Q);
    this.e0qb = ax.value(QB);
  }

  /**
   * The first year in which the sample's error slice lets it run (+∞ when no year of the horizon does): the slice
   * runs up to its last grid point with a finite quantum time, and to the midpoint after it (beyond, the nearer
   * grid point cannot run); the year's u falls with the error rate (errorCoordAt), found by bisection to YEAR_REL_TOL.
   */
  private runnableYear(): number {
    const ax = this.ax!;
    const xs = ax.xs;
    let i = -1;
    while (i + 1 < xs.length && Number.isFinite(ax.point(i + 1, Q))) i++;
    if (i < 0 || i + 1 >= xs.length) return INF;
    const uRun = (xs[i] + xs[i + 1]) / 2;
    let a = this.spec.t0;
    let b = a + this.spec.horizonYears;
    if (!(this.errorCoordAt(b) < uRun)) return INF;
    while (b - a > YEAR_REL_TOL * Math.abs(b)) {
      const m = (a + b) / 2;
      if (this.errorCoordAt(m) < uRun) b = m;
      else a = m;
    }
    return b;
  }

  /** The year search of the reference path: `firstCrossing` over `gap` (the definition `firstYear` replays). */
  private referenceYear(): number {
    const { spec } = this;
    return (
      firstCrossing(this.gapAt, spec.t0, spec.t0 + spec.horizonYears, {
        grid: YEAR_GRID,
        relTol: YEAR_REL_TOL,
      }) ?? INF
    );
  }

  /**
   * The first year the quantum side is ahead at a size that fits its qubits: `firstCrossing(gap, t0, t0 + horizon,
   * {grid: YEAR_GRID, relTol: YEAR_REL_TOL})` step for step (the same bracketing years, the same midpoints, so the
   * same answer to the last bit; a test holds it to that), inlined without closures, with each year's error rate
   * projected once, the error axis located once, and the bracketing grid's years shared by the trend's and the
   * roadmap's searches (only the capacity differs between them).
   */
  private firstYear(): number {
    const lo = this.spec.t0;
    const hi = lo + this.spec.horizonYears;
    let prev = lo;
    if (this.mayFit(lo) && this.aheadIn(lo, 0)) return prev;
    for (let i = 1; i <= YEAR_GRID; i++) {
      const x = i === YEAR_GRID ? hi : lo + (i / YEAR_GRID) * (hi - lo);
      if (x === prev) continue;
      if (this.mayFit(x) && this.aheadIn(x, i)) {
        // Bisection, invariant: not ahead at a, ahead at b.
        let a = prev;
        let b = x;
        if (!this.useRoadmap && a > lo && a >= this.yRun && (this.ax === null || a >= this.yFloor))
          return this.bisectTrend(a, b);
        // The roadmap's capacity steps at its claim years, where its year often falls: once no year in [a, b) can
        // be ahead (noneAhead), every midpoint left would move a, and b is the answer (tried at most twice). With a
        // claim year y inside (a, b), the first try is [a, y): proven, every midpoint before y moves a unevaluated.
        let tries = this.useRoadmap ? 1 : 0;
        let notBefore = Number.NEGATIVE_INFINITY;
        if (this.useRoadmap) {
          const y = this.claimAfter(a);
          if (!(y < b)) {
            if (this.noneAhead(a, b)) return b;
          } else if (this.noneAhead(a, y)) notBefore = y;
        }
        for (let k = 0; k < 200 && b - a > YEAR_REL_TOL * Math.abs(b); k++) {
          const m = (a + b) / 2;
          if (m < notBefore || !this.mayFit(m)) a = m;
          else if (this.aheadIn(m, -1)) b = m;
          else {
            a = m;
            if (tries > 0) {
              tries--;
              if (this.noneAhead(a, b)) return b;
            }
          }
        }
        return b;
      }
      prev = x;
    }
    return INF;
  }

  /**
   * The trend scenario's bisection on (a, b] when every year in it is after t0, runnable, and (with an error table)
   * at the error-rate floor: the loop above with mayFit and aheadIn(m, −1) written out for that case (the same
   * operations on the same numbers, so the same midpoints and answer; the error slice's shifts are the floor's,
   * located once per sample), without the branches and loads that do not apply. The equivalence test holds it to
   * the reference search.
   */
  private bisectTrend(a: number, b: number): number {
    const { spec, sh, x } = this;
    const t0 = spec.t0;
    const cd = x[spec.index.classicalDoubling];
    const qd = x[spec.index.qubitDoubling];
    const { qbLow, capHigh } = this;
    let dq = sh[Q];
    let qbShift = 0;
    if (this.ax) {
      this.locateFloor();
      dq += this.floorQ;
      qbShift = this.floorQb;
    }
    const shC = sh[C];
    const shQb = sh[QB];
    const shCap = sh[QCAP];
    const sizes = spec.sizes;
    for (let k = 0; k < 200 && b - a > YEAR_REL_TOL * Math.abs(b); k++) {
      const m = (a + b) / 2;
      const grown = ((m - t0) / qd) * LOG10_2;
      // mayFit(m)
      if (qbLow > capHigh + grown + 1e-12) {
        a = m;
        continue;
      }
      // aheadIn(m, −1)
      const dc = shC - ((m - t0) / cd) * LOG10_2;
      if (!this.sizeAhead(dc - dq)) {
        a = m;
        continue;
      }
      const n = this.found;
      if (n !== this.sizeN) {
        sizes.locate(n);
        this.sizeN = n;
        this.sizeQb = sizes.value(QB);
        this.sizeCap = sizes.value(QCAP);
      }
      const qb = this.sizeQb + shQb + qbShift;
      const cap0 = this.sizeCap + shCap;
      const cap = !Number.isFinite(cap0) ? cap0 : cap0 + grown;
      if (qb <= cap + 1e-12) b = m;
      else a = m;
    }
    return b;
  }

  /**
   * True when no year in [a, b) (t0 ≤ a < b) can be ahead, from bounds over the interval (with margins for rounding):
   * D is at most its value with the classical side at a and the quantum side at the error axis's best between the
   * error rates of a and b, so the size ahead is at least the one at that D (sizeAhead is monotone in D), whose
   * qubits, with the axis's largest saving over the interval, must exceed the most capacity any year in [a, b) has.
   */
  private noneAhead(a0: number, b: number): boolean {
    const { spec, sh, x } = this;
    const t0 = spec.t0;
    if (!(a0 >= t0 && a0 < b)) return false;
    // No year before the sample can run is ahead.
    if (b <= this.yRun) return true;
    const a = Math.max(a0, this.yRun);
    let minQ = 0;
    let minQb = 0;
    const ax = this.ax;
    if (ax) {
      if (!(x[spec.index.errorHalving] > 0)) return false;
      const eHi = a > t0 ? this.errorCoordFast(a) : this.u0;
      const eLo = this.errorCoordFast(b);
      ax.minOver2(eLo, eHi, Q, QB);
      const q = ax.min[0] - this.e0q;
      const qb = ax.min[1] - this.e0qb;
      minQ = a > t0 ? q : Math.min(0, q);
      minQb = a > t0 ? qb : Math.min(0, qb);
    }
    const cd = x[spec.index.classicalDoubling];
    if (!(cd > 0)) return false;
    const dHi = sh[C] - ((a - t0) / cd) * LOG10_2 - (sh[Q] + minQ) + 1e-9;
    if (Number.isNaN(dHi)) return false;
    if (!this.sizeAhead(dHi)) return true;
    // One size below for whole sizes (a ceiling of a rounding), a relative hair below otherwise.
    const nLow = spec.headline.integer ? this.found - 1 : this.found * (1 - 1e-9);
    const qbLow = spec.sizes.minFrom(nLow, QB) + sh[QB] + minQb - 1e-9;
    const capHigh = this.useRoadmap
      ? Math.max(this.capHigh, this.roadmapBefore(b))
      : this.capHigh + Math.max(0, ((b - t0) / x[spec.index.qubitDoubling]) * LOG10_2);
    return qbLow > capHigh + 1e-12;
  }

  /** False when no size can fit the qubits available in `year` (fitBounds), so the year is not ahead: a shortcut
   *  that changes no answer (aheadIn would say the same), only skips its work. */
  private mayFit(year: number): boolean {
    const { qbLow, capHigh } = this;
    const t0 = this.spec.t0;
    const cap = this.useRoadmap
      ? Math.max(capHigh, this.roadmapAt(year))
      : capHigh + ((year - t0) / this.x[this.spec.index.qubitDoubling]) * LOG10_2;
    return !(qbLow > cap + 1e-12);
  }

  /**
   * Per sample, before the fast year search: bounds that hold in every year of the horizon, for mayFit. The qubits
   * needed are at least those of the smallest size any year's D can reach (D is at most its value with the classical
   * side frozen and the quantum side at the error axis's best over the years), at the fewest the table has from that
   * size up, with the error axis's largest qubit saving; today's capacity is at most the table's largest. NaN
   * anywhere leaves the bounds NaN, and mayFit then never skips.
   */
  private fitBounds(): void {
    const { spec, sh, x, live, dMin, b1, stepped } = this;
    this.qbLow = Number.NaN;
    this.capHigh = Number.NaN;
    if (!(x[spec.index.errorHalving] > 0)) return;
    // The error coordinate runs from u0 (today) down to eMin (the horizon): the values located on the error slice
    // are between the grid points around [eMin, u0] (to an ulp, which the margins below absorb).
    let minQ = 0;
    let minQb = 0;
    const ax = this.ax;
    if (ax) {
      const eMin = this.errorCoordFast(spec.t0 + spec.horizonYears);
      const xs = ax.xs;
      let lo = 0;
      while (lo + 1 < xs.length && xs[lo + 1] <= eMin) lo++;
      let hi = xs.length - 1;
      while (hi > 0 && xs[hi - 1] >= this.u0) hi--;
      let mq = INF;
      let mqb = INF;
      for (let k = lo; k <= hi; k++) {
        mq = Math.min(mq, ax.point(k, Q));
        mqb = Math.min(mqb, ax.point(k, QB));
      }
      minQ = Math.min(0, mq - this.e0q);
      minQb = Math.min(0, mqb - this.e0qb);
    }
    const dHi = x[spec.index.classicalDoubling] > 0 ? sh[C] - sh[Q] - minQ + 1e-9 : INF;
    // The first segment sizeAhead can return from at a D ≤ dHi (it skips the others at every such D).
    let first = -1;
    for (let v = 0; v < this.nLive && first < 0; v++) {
      const i = live[v];
      if (!(dHi <= dMin[i] && b1[i] > 1 && stepped[i] === 0)) first = i;
    }
    const qbTab = first >= 0 ? this.qbSuffixMin[first] : INF;
    this.qbLow = qbTab + sh[QB] + minQb - 1e-9;
    this.capHigh = this.capTabMax + sh[QCAP];
  }

  /** gap(year) ≤ 0, computed once per year: `g` ≥ 0 is the year's index on the bracketing grid, whose size and
   *  qubits (which do not depend on the capacity scenario) are kept for the other scenario's search. */
  private aheadIn(year: number, g: number): boolean {
    const { spec, sh, x } = this;
    const t0 = spec.t0;
    if (year < this.yRun) return false;
    let n: number;
    let qb: number;
    let cap0: number;
    if (g >= 0 && this.gridDone[g] === 1) {
      n = this.gridN[g];
      qb = this.gridQb[g];
      cap0 = this.gridCap0[g];
    } else {
      let qbShift = 0;
      let found: number;
      if (year === t0) found = this.nAtT0;
      else {
        // dAt(year) and gap's qubit shift, with the error axis located once.
        let dq = sh[Q];
        const ax = this.ax;
        if (ax && year > t0) {
          if (year >= this.yFloor) {
            this.locateFloor();
            dq += this.floorQ;
            qbShift = this.floorQb;
          } else {
            ax.locate(this.errorCoordAt(year));
            dq += ax.value(Q) - this.e0q;
            qbShift = ax.value(QB) - this.e0qb;
          }
        }
        const dc = sh[C] - (year > t0 ? ((year - t0) / x[spec.index.classicalDoubling]) * LOG10_2 : 0);
        found = this.sizeAhead(dc - dq) ? this.found : Number.NaN;
      }
      if (Number.isNaN(found)) {
        n = Number.NaN;
        qb = Number.NaN;
        cap0 = Number.NaN;
      } else {
        n = found;
        if (n !== this.sizeN) {
          const t = spec.sizes;
          t.locate(n);
          this.sizeN = n;
          this.sizeQb = t.value(QB);
          this.sizeCap = t.value(QCAP);
        }
        qb = this.sizeQb + sh[QB] + qbShift;
        cap0 = this.sizeCap + sh[QCAP];
      }
      if (g >= 0) {
        this.gridDone[g] = 1;
        this.gridN[g] = n;
        this.gridQb[g] = qb;
        this.gridCap0[g] = cap0;
      }
    }
    if (Number.isNaN(n)) return false;
    const cap = !Number.isFinite(cap0)
      ? cap0
      : this.useRoadmap
        ? Math.max(cap0, this.roadmapAt(year))
        : cap0 + ((year - t0) / x[spec.index.qubitDoubling]) * LOG10_2;
    return qb <= cap + 1e-12;
  }

  /**
   * Per sample: the year from which its projected error rate is at its floor, `errorRateAt` = min(e0, floor) exactly
   * (so errorCoordAt = uFloor): e0·2^(−(year − t0)/halving) below the floor by a relative margin of 1e-9 in the
   * exponent, far above exp's rounding (an ulp), and checked at that year; every later year's exponent is lower (each
   * rounded step is monotone), so its product is below the floor too and max() takes the floor. Within the horizon
   * the year search then skips the exponential, the error coordinate and the slice's location.
   */
  private floorYear(): void {
    const { spec, x } = this;
    this.yFloor = INF;
    this.floorQ = Number.NaN;
    this.floorQb = Number.NaN;
    if (!this.ax) return;
    const i = spec.index;
    const h = x[i.errorHalving];
    const floor = x[i.errorFloor];
    const ref = spec.errorTable!.coords.reference;
    const e = this.e0 * ref;
    const target = Math.min(e, floor);
    if (!(h > 0 && h < INF && target > 0 && e < INF)) return;
    const y = spec.t0 + (h * (1e-9 - Math.log(target / e))) / Math.LN2;
    if (!(y < INF) || !(e * Math.exp((-(y - spec.t0) / h) * Math.LN2) <= target * (1 - 1e-12))) return;
    this.yFloor = Math.max(y, spec.t0);
    this.uFloor = spec.errorTable!.coords.u(target / ref, this.r0);
  }

  /** The error slice's shifts at the floor (floorQ, floorQb), located once per sample. */
  private locateFloor(): void {
    if (!Number.isNaN(this.floorQ)) return;
    const ax = this.ax!;
    ax.locate(this.uFloor);
    this.floorQ = ax.value(Q) - this.e0q;
    this.floorQb = ax.value(QB) - this.e0qb;
  }

  /** errorCoordAt, at the floor without projecting (floorYear). */
  private errorCoordFast(year: number): number {
    return year >= this.yFloor ? this.uFloor : this.errorCoordAt(year);
  }

  /** The sample's u projected to `year`: its error-rate factor improves toward the floor (errorRateAt), its readout
   *  factor stays (the readout ratio holds), so u falls with the gates and s stays. */
  private errorCoordAt(year: number): number {
    const { spec, x } = this;
    const c = spec.errorTable!.coords;
    const ref = c.reference;
    const i = spec.index;
    return c.u(errorRateAt(this.e0 * ref, year, spec.t0, x[i.errorHalving], x[i.errorFloor]) / ref, this.r0);
  }

  /** D(year): how far the quantum side's log time may exceed the classical side's at the table and still be ahead,
   *  i.e. (classical shift) − (quantum shift) in that year. */
  private dAt(year: number): number {
    const { spec, sh, x } = this;
    const t0 = spec.t0;
    let dq = sh[Q];
    const ax = this.ax;
    if (ax && year > t0) {
      ax.locate(this.errorCoordAt(year));
      dq += ax.value(Q) - this.e0q;
    }
    const dc = sh[C] - (year > t0 ? ((year - t0) / x[spec.index.classicalDoubling]) * LOG10_2 : 0);
    return dc - dq;
  }

  /**
   * Per sample: the parts of "ahead" that do not move with the year (feasibility margins), solved once per size
   * segment: [aLo, aHi] where the quantum side can run, and from b1 on where the classical side hits its memory
   * wall. Between grid points every log quantity is linear in (log) size, so each condition holds on an interval
   * we can write down. Returns true when no year can put the quantum side ahead at any size (a proof, below).
   */
  private prepare(): boolean {
    const { S, qs, cs, cms, qms, bls, aLo, aHi, b1, stepped, sh, spec, tableStep, marginsPlain } = this;
    const sCm = sh[CM];
    const sQm = sh[QM];
    const sBl = sh[BL];
    // Finite shifts far from overflow keep a plain segment's margins finite: its step is the table's.
    const plainShifts = Math.abs(sCm) < 1e300 && Math.abs(sQm) < 1e300 && Math.abs(sBl) < 1e300;
    // The largest threshold D any year can reach, against which "never" is proven (thr); the segments sizeAhead
    // visits, in order: those where some D can put the quantum side ahead, up to the first where every D does
    // (sizeAhead returns there or before).
    let always = false;
    let thr = INF;
    const live = this.live;
    let nLive = 0;
    let closed = false;
    if (
      spec.referenceYearSearch !== true &&
      plainShifts &&
      this.allPlain &&
      this.maxBls + sBl <= 0 &&
      -(this.minQms + sQm) <= 0
    ) {
      // Every segment plain, unblocked and with the quantum side's margins ≥ 0 at every size (each shifted value is
      // monotone in the table's, so the extremes decide): the loop below would find every segment runnable
      // throughout (aLo 0, aHi 1; meetLe leaves [0, 1] as it is), so only the classical memory wall (meetLt on
      // [0, 1], written out) and the live list remain; the threshold is dMin's minimum, a table value.
      for (let i = 0; i < S; i++) {
        const j = i + 1 < S ? i + 1 : i;
        const c0 = cms[i] + sCm;
        const c1 = cms[j] + sCm;
        stepped[i] = 0;
        aLo[i] = 0;
        aHi[i] = 1;
        const b = c0 < 0 ? 0 : c1 < 0 ? Math.max(0, c0 / (c0 - c1)) : 2;
        b1[i] = b;
        if (!closed) live[nLive++] = i;
        if (b <= 1) {
          always = true;
          closed = true;
        }
      }
      thr = this.dMinAll;
    } else {
      for (let i = 0; i < S; i++) {
        const j = i + 1 < S ? i + 1 : i;
        const c0 = cms[i] + sCm;
        const c1 = cms[j] + sCm;
        const q0 = -(qms[i] + sQm);
        const q1 = -(qms[j] + sQm);
        const l0 = bls[i] + sBl;
        const l1 = bls[j] + sBl;
        const step =
          plainShifts && marginsPlain[i] === 1
            ? tableStep[i] === 1
            : !Number.isFinite(qs[i]) ||
              !Number.isFinite(qs[j]) ||
              !Number.isFinite(cs[i]) ||
              !Number.isFinite(cs[j]) ||
              !Number.isFinite(c0) ||
              !Number.isFinite(c1) ||
              !Number.isFinite(q0) ||
              !Number.isFinite(q1) ||
              !Number.isFinite(l0) ||
              !Number.isFinite(l1);
        stepped[i] = step ? 1 : 0;
        if (step) {
          for (let k = i; k <= j; k++) {
            const ok = -(qms[k] + sQm) <= 0 && bls[k] + sBl <= 0;
            if (!Number.isFinite(qs[k]) || !ok) continue;
            if (!closed && (nLive === 0 || live[nLive - 1] !== i)) live[nLive++] = i;
            if (cms[k] + sCm < 0) {
              always = true;
              closed = true;
            } else thr = Math.min(thr, qs[k] - cs[k]);
            if (k === j) break;
          }
          continue;
        }
        // A = {f : blocked ≤ 0} ∩ {f : −quantum margin ≤ 0}; B1 = A ∩ {f : classical margin < 0}.
        meet[LO] = 0;
        meet[HI] = 1;
        meetLe(l0, l1);
        meetLe(q0, q1);
        const runs = meet[LO] <= meet[HI];
        aLo[i] = runs ? meet[LO] : 2;
        aHi[i] = runs ? meet[HI] : -1;
        let b = 2;
        if (runs) {
          meetLt(c0, c1);
          if (meet[LO] <= meet[HI]) b = meet[LO];
        }
        b1[i] = b;
        if (!closed && (b <= 1 || runs)) live[nLive++] = i;
        if (b <= 1) {
          always = true;
          closed = true;
        }
        // dMin[i] = min(qs[i] − cs[i], qs[j] − cs[j]).
        if (aLo[i] <= aHi[i]) thr = Math.min(thr, this.dMin[i]);
      }
    }
    this.nLive = nLive;
    // Running minimum along the live list of the D each segment needs (−∞ where it needs none): sizeAhead starts at
    // the first live segment a D exceeds it at, found by bisection (the minimum only falls).
    const skipBelow = this.skipBelow;
    let run = INF;
    for (let v = 0; v < nLive; v++) {
      const i = live[v];
      run = Math.min(run, b1[i] > 1 && stepped[i] === 0 ? this.dMin[i] : Number.NEGATIVE_INFINITY);
      skipBelow[v] = run;
    }
    return this.proveNeverFrom(always, thr);
  }

  /** The end of prepare: whether "never" is proven, given whether some segment is always ahead and the threshold. */
  private proveNeverFrom(always: boolean, thr: number): boolean {
    const { spec, sh } = this;
    // D(year) = (classical shift) − (quantum shift) is at most sh.c − sh.q − (the error axis's largest speed-up
    // between today's error rate and the horizon's): the classical side only gets faster with the years, and the
    // quantum side at most as much as its error-rate table allows. If even that D leaves every size behind, the
    // answer is "never" without a year search.
    // (u0, e0q and e0qb, the error slice at today's u, were set by headline.)
    const ax = this.ax;
    const x = this.x;
    let minShift = 0;
    if (ax) {
      const eMin = this.errorCoordFast(spec.t0 + spec.horizonYears);
      let m = Math.min(ax.at(eMin, Q), this.e0q);
      // The grid points in [eMin, u0] (none when either is NaN).
      const xs = ax.xs;
      if (!Number.isNaN(eMin))
        for (let i = firstAbove(xs, eMin); i < xs.length && xs[i] <= this.u0; i++)
          m = Math.min(m, ax.point(i, Q));
      minShift = m - this.e0q;
    }
    if (
      spec.proveNever === false ||
      always ||
      !(x[spec.index.classicalDoubling] > 0) ||
      !(x[spec.index.errorHalving] > 0)
    )
      return false;
    const dMax = sh[C] - sh[Q] - minShift;
    return dMax <= thr;
  }

  /** Whether the quantum side is ahead at some size when its log-time allowance is D; if so, the smallest such size
   *  is left in `found`. */
  private sizeAhead(D: number): boolean {
    const { S, qs, cs, cms, qms, bls, aLo, aHi, b1, stepped, sh, ns, tn, spec, live, dMin } = this;
    // The reference visits every segment; the fast path only the live ones, skipping those no D this low reaches.
    const every = spec.referenceYearSearch === true;
    const count = every ? S : this.nLive;
    // Every live segment before the first whose running minimum is below D is one the loop would skip (D ≤ its
    // dMin). NaN anywhere compares false and starts the loop earlier, where it checks each segment itself.
    let start = 0;
    if (!every) {
      const sb = this.skipBelow;
      let hi = count;
      while (start < hi) {
        const mid = (start + hi) >> 1;
        if (D <= sb[mid]) start = mid + 1;
        else hi = mid;
      }
    }
    for (let v = start; v < count; v++) {
      const i = every ? v : live[v];
      // d(f) − D ≥ 0 at both ends, so nowhere in the segment: only the classical memory wall can put it ahead.
      if (!every && D <= dMin[i] && b1[i] > 1 && stepped[i] === 0) continue;
      const j = i + 1 < S ? i + 1 : i;
      if (stepped[i]) {
        // A side that cannot run (or a margin without a bound) at one end: the table steps there (nearest grid
        // point), so test the ends.
        for (let k = i; k <= j; k++) {
          const cm = cms[k] + sh[CM];
          const ok = -(qms[k] + sh[QM]) <= 0 && bls[k] + sh[BL] <= 0;
          if (Number.isFinite(qs[k]) && ok && (cm < 0 || qs[k] - cs[k] < D)) {
            this.found = ns[k];
            return true;
          }
          if (k === j) break;
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
      if (i !== j && this.wholeLog && !every) {
        // A whole-number log axis: the ceiling below, guessed from the segment's start and exp's Taylor series to
        // degree 6 (off by under 1e-7 relative on the size grid's spacings), taken when the table certifies it.
        const t = tn[i] + f * (tn[j] - tn[i]);
        const d = t - tn[i];
        const e = 1 + d * (1 + (d / 2) * (1 + (d / 3) * (1 + (d / 4) * (1 + (d / 5) * (1 + d / 6)))));
        let k = spec.sizes.ceilExp(t, Math.ceil(ns[i] * e - 1e-9));
        if (Number.isNaN(k)) k = Math.ceil(Math.exp(t) - 1e-9);
        this.found = Math.min(Math.max(spec.headline.min, k), ns[j]);
        return true;
      }
      const n =
        i === j
          ? ns[i]
          : spec.headline.log
            ? Math.exp(tn[i] + f * (tn[j] - tn[i]))
            : tn[i] + f * (tn[j] - tn[i]);
      this.found = Math.min(
        spec.headline.integer ? Math.max(spec.headline.min, Math.ceil(n - 1e-9)) : n,
        ns[j],
      );
      return true;
    }
    return false;
  }

  /** −1 when, in `year`, the smallest size the quantum side is ahead at also fits the qubits projected for that
   *  year (error rate improved, so the code distance may shrink); +1 otherwise. */
  private gap(year: number): number {
    const { spec, sh, x } = this;
    if (year < this.yRun) return 1;
    const n = year === spec.t0 ? this.nAtT0 : this.sizeAhead(this.dAt(year)) ? this.found : Number.NaN;
    if (Number.isNaN(n)) return 1;
    let qbShift = 0;
    if (this.ax && year > spec.t0) qbShift = this.ax.at(this.errorCoordAt(year), QB) - this.e0qb;
    spec.sizes.locate(n);
    const qb = spec.sizes.value(QB) + sh[QB] + qbShift;
    const cap0 = spec.sizes.value(QCAP) + sh[QCAP];
    const cap = !Number.isFinite(cap0)
      ? cap0
      : this.useRoadmap
        ? Math.max(cap0, this.roadmapAt(year))
        : cap0 + ((year - spec.t0) / x[spec.index.qubitDoubling]) * LOG10_2;
    return qb <= cap + 1e-12 ? -1 : 1;
  }

  /** The most the roadmap claims in any year before `year` (its claims are a running maximum). */
  private roadmapBefore(year: number): number {
    const r = this.spec.roadmap!;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < r.years.length && r.years[i] < year; i++) best = r.log10Qubits[i];
    return best;
  }

  /** The first claim year of the roadmap after `year` (+∞ when none). */
  private claimAfter(year: number): number {
    const ys = this.spec.roadmap!.years;
    for (let i = 0; i < ys.length; i++) if (ys[i] > year) return ys[i];
    return INF;
  }

  /** log10 of the physical qubits the roadmap claims by `year` (−∞ before its first claim); the claim holds from its
   *  year to the next claim's, and the last one found is kept (the search asks about nearby years in turn). */
  private roadmapAt(year: number): number {
    if (year >= this.claimFrom && year < this.claimTo) return this.claim;
    const r = this.spec.roadmap!;
    let best = Number.NEGATIVE_INFINITY;
    let i = 0;
    for (; i < r.years.length && r.years[i] <= year; i++) best = r.log10Qubits[i];
    this.claimFrom = i > 0 ? r.years[i - 1] : Number.NEGATIVE_INFINITY;
    this.claimTo = i < r.years.length ? r.years[i] : INF;
    this.claim = best;
    return best;
  }
}

// The interval [meet[LO], meet[HI]] being narrowed by meetLe / meetLt (module scratch: prepare runs per sample and allocates
// nothing; a typed array rather than two module variables, whose double writes V8 would box).
const meet = new Float64Array(2);
const LO = 0;
const HI = 1;

/** [meet[LO], meet[HI]] ∩= {f ∈ [0, 1] : a + f·(b − a) ≤ 0}; empty as meet[LO] > meet[HI]. */
function meetLe(a: number, b: number): void {
  if (a <= 0 && b <= 0) return;
  if (a > 0 && b > 0) {
    meet[LO] = 2;
    meet[HI] = -1;
    return;
  }
  const f = a / (a - b);
  if (a <= 0) meet[HI] = Math.min(meet[HI], f);
  else meet[LO] = Math.max(meet[LO], f);
}

/** [meet[LO], meet[HI]] ∩= {f : a + f·(b − a) < 0} (the crossing point itself excluded only when it is an end). */
function meetLt(a: number, b: number): void {
  if (a < 0 && b < 0) return;
  if (a >= 0 && b >= 0) {
    meet[LO] = 2;
    meet[HI] = -1;
    return;
  }
  const f = a / (a - b);
  if (a < 0) meet[HI] = Math.min(meet[HI], f);
  else meet[LO] = Math.max(meet[LO], f);
}
