// Seeded Monte Carlo propagation of input ranges through a model, and the quantiles of what comes out.
// Deterministic: the caller supplies the uniform stream (a seeded generator using only 32-bit integer operations),
// and each sample draws one uniform per input in the inputs' sorted-name order, so the same seed gives the same
// numbers on every machine.
import { quantileOf, type Range } from "./distribution.js";

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
  const sorted = Float64Array.from(values);
  let never = 0;
  for (const v of sorted) {
    if (Number.isNaN(v))
      throw new RangeError("a model returned NaN: every output must be a number or +Infinity");
    if (v === Number.POSITIVE_INFINITY) never++;
  }
  sorted.sort();
  return {
    p05: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    neverShare: never / sorted.length,
  };
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
 * Draws `samples` input vectors from the ranges and evaluates the model on each. Work is bounded by the caller's
 * `samples` (validated at the edge) times the model's own cost.
 */
export function propagate<K extends string, O extends string>(
  ranges: Record<K, Range>,
  model: (inputs: Inputs<K>) => Record<O, number>,
  options: { samples: number; uniform: UniformSource },
): Propagation<O> {
  const names = (Object.keys(ranges) as K[]).sort();
  const n = options.samples;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`samples must be a whole number ≥ 1, got ${n}`);
  const inputs = centralInputs(ranges);
  let columns: Record<string, Float64Array> | null = null;
  for (let s = 0; s < n; s++) {
    for (const k of names) inputs[k] = quantileOf(ranges[k], options.uniform.nextDouble());
    const out = model(inputs);
    if (columns === null) {
      columns = {};
      for (const o of Object.keys(out)) columns[o] = new Float64Array(n);
    }
    for (const o in columns) columns[o][s] = out[o as O];
  }
  const q = {} as Record<O, Quantiles>;
  for (const o in columns) q[o as O] = quantiles(columns[o]);
  return { samples: n, quantiles: q };
}
