// Seeded Monte Carlo propagation of input ranges through a model, and the quantiles of what comes out.
// Deterministic: the caller supplies the uniform stream (a seeded generator using only 32-bit integer operations),
// and each sample draws one uniform per input in the inputs' sorted-name order, so the same seed gives the same
// numbers on every machine.
import { type Range, RangeSampler } from "./distribution.js";

/** A source of uniforms on [0, 1). */
export interface UniformSource {
  nextDouble(): number;
}

/** p05 / p50 / p95 of a sample. +Infinity stands for "never" (no crossover, beyond any horizon): it sorts last and
 *  is counted in `neverShare`; a quantile that falls among those samples is +Infinity (null in JSON). */
export interface Quantiles {
  p05: number;
  p50: number;
  p95: number;
  /** Share of samples that are +Infinity. */
  neverShare: number;
}

/** The q-quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan type 7,
 *  numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantile of an empty sample");
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo];
  const b = sorted[hi];
  if (a === b || h === lo) return a; // also keeps Infinity − Infinity out
  return a + (h - lo) * (b - a);
}

export function quantiles(values: ArrayLike<number>): Quantiles {
  const a = Float64Array.from(values);
  let never = 0;
  for (const v of a) {
    if (Number.isNaN(v))
      throw new RangeError("a model returned NaN: every output must be a number or +Infinity");
    if (v === Number.POSITIVE_INFINITY) never++;
  }
  // quantileSorted reads two order statistics per quantile; selecting those six in place (left to right, each in
  // what the last left unsorted) gives the same values as sorting, in linear rather than n log n time (a sort was
  // most of a 10,000-sample propagation's cost outside the model).
  let from = 0;
  const q = (p: number): number => {
    const n = a.length;
    if (n === 0) throw new RangeError("quantile of an empty sample");
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    const x = selectInPlace(a, lo, Math.min(from, lo));
    const y = hi === lo ? x : selectInPlace(a, hi, lo + 1);
    from = hi + 1;
    if (x === y || h === lo) return x;
    return x + (h - lo) * (y - x);
  };
  const p05 = q(0.05);
  const p50 = q(0.5);
  const p95 = q(0.95);
  return { p05, p50, p95, neverShare: never / a.length };
}

/** The k-th smallest of a[from..] (k ≥ from; every element before `from` is at most every element from it on),
 *  leaving a[from..k−1] ≤ a[k] ≤ a[k+1..]: Hoare's FIND with Wirth's partition, pivot the median of three. */
function selectInPlace(a: Float64Array, k: number, from: number): number {
  let l = from;
  let r = a.length - 1;
  while (l < r) {
    const u = a[l];
    const v = a[k];
    const w = a[r];
    const x = Math.max(Math.min(u, v), Math.min(Math.max(u, v), w));
    let i = l;
    let j = r;
    do {
      while (a[i] < x) i++;
      while (x < a[j]) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) l = i;
    if (k < i) r = j;
  }
  return a[k];
}

export type Inputs<K extends string> = Record<K, number>;

/** The central value of every range: the point estimate's inputs. */
export function centralInputs<K extends string>(ranges: Record<K, Range>): Inputs<K> {
  const out = {} as Inputs<K>;
  for (const k of Object.keys(ranges) as K[]) out[k] = ranges[k].central;
  return out;
}

export interface Propagation<O extends string> {
  samples: number;
  quantiles: Record<O, Quantiles>;
}

/**
 * The hot loop of every propagation: draws `samples` input vectors (one uniform per input, inputs in sorted-name
 * order) into one reused Float64Array and lets `model` write its outputs into another; no object per sample. NaN
 * outputs are refused by `quantiles` unless the model maps them (e.g. to +Infinity) itself. Work is bounded by the
 * caller's `samples` (validated at the edge) times the model's own cost.
 */
export function propagateVector(
  ranges: Record<string, Range>,
  outputs: number,
  model: (x: Float64Array, out: Float64Array) => void,
  options: { samples: number; uniform: UniformSource },
): { names: string[]; samples: number; quantiles: Quantiles[] } {
  const names = Object.keys(ranges).sort();
  const n = options.samples;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`samples must be a whole number ≥ 1, got ${n}`);
  const rs = names.map((k) => new RangeSampler(ranges[k]));
  const x = new Float64Array(rs.length);
  const out = new Float64Array(outputs);
  const columns = Array.from({ length: outputs }, () => new Float64Array(n));
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < rs.length; i++) x[i] = rs[i].at(options.uniform.nextDouble());
    model(x, out);
    for (let o = 0; o < outputs; o++) columns[o][s] = out[o];
  }
  return { names, samples: n, quantiles: columns.map((c) => quantiles(c)) };
}

/**
 * Draws `samples` input vectors from the ranges and evaluates the model on each: `propagateVector` with named
 * inputs and outputs (the model's first result names the outputs), for models that are not hot.
 */
export function propagate<K extends string, O extends string>(
  ranges: Record<K, Range>,
  model: (inputs: Inputs<K>) => Record<O, number>,
  options: { samples: number; uniform: UniformSource },
): Propagation<O> {
  const names = (Object.keys(ranges) as K[]).sort();
  const inputs = centralInputs(ranges);
  // The output names are those of the model at the central inputs (a pure model: the call has no effect).
  const outNames = Object.keys(model({ ...inputs })) as O[];
  const r = propagateVector(
    ranges,
    outNames.length,
    (x, out) => {
      for (let i = 0; i < names.length; i++) inputs[names[i]] = x[i];
      const y = model(inputs);
      for (let o = 0; o < outNames.length; o++) out[o] = y[outNames[o]];
    },
    options,
  );
  const q = {} as Record<O, Quantiles>;
  outNames.forEach((o, i) => {
    q[o] = r.quantiles[i];
  });
  return { samples: r.samples, quantiles: q };
}
