// An uncertain input: low / central / high and the distribution between them, sampled by its inverse CDF.
// Inverse-CDF sampling from one uniform per input and sample is what makes two runs comparable ("common random
// numbers"): with the same seed, widening one input's range moves every one of its samples outward and leaves
// the others untouched, so a model monotone in that input can only widen its output band.
import { z } from "zod";

export const DISTRIBUTIONS = ["fixed", "uniform", "log-uniform", "triangular", "log-triangular"] as const;
export type DistributionName = (typeof DISTRIBUTIONS)[number];

/** The range of one input. `central` is the point estimate; `low` and `high` bound the distribution. */
export interface Range {
  low: number;
  central: number;
  high: number;
  distribution: DistributionName;
  /** Where the range comes from: a source id, or a stated rationale. */
  basis?: string;
}

export const rangeSchema = z
  .strictObject({
    low: z.number(),
    central: z.number(),
    high: z.number(),
    distribution: z.enum(DISTRIBUTIONS).default("triangular"),
    basis: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    if (!(r.low <= r.central && r.central <= r.high))
      ctx.addIssue({
        code: "custom",
        message: `needs low ≤ central ≤ high, got ${r.low} / ${r.central} / ${r.high}`,
      });
    if ((r.distribution === "log-uniform" || r.distribution === "log-triangular") && r.low <= 0)
      ctx.addIssue({
        code: "custom",
        path: ["low"],
        message: `a ${r.distribution} range needs low > 0, got ${r.low}`,
      });
  });

/** A point: low = central = high. */
export const fixed = (v: number): Range => ({ low: v, central: v, high: v, distribution: "fixed" });

/** Quantile function of a triangular distribution on [a, b] with mode c, at u in [0, 1). */
function triangularQuantile(a: number, c: number, b: number, u: number): number {
  if (b === a) return a;
  const split = (c - a) / (b - a);
  return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** The value at uniform u ∈ [0, 1) (inverse CDF). Monotone non-decreasing in u for every distribution. */
export function quantileOf(r: Range, u: number): number {
  if (r.low === r.high) return r.low;
  switch (r.distribution) {
    case "fixed":
      return r.central;
    case "uniform":
      return r.low + u * (r.high - r.low);
    case "log-uniform":
      return Math.exp(Math.log(r.low) + u * (Math.log(r.high) - Math.log(r.low)));
    case "triangular":
      return triangularQuantile(r.low, r.central, r.high, u);
    case "log-triangular":
      return Math.exp(triangularQuantile(Math.log(r.low), Math.log(r.central), Math.log(r.high), u));
  }
}

/** The same range stretched about its central value by `factor` ≥ 1 (log-scaled for log distributions). */
export function widen(r: Range, factor: number): Range {
  if (r.distribution === "log-uniform" || r.distribution === "log-triangular")
    return {
      ...r,
      low: r.central * (r.low / r.central) ** factor,
      high: r.central * (r.high / r.central) ** factor,
    };
  return {
    ...r,
    low: r.central - (r.central - r.low) * factor,
    high: r.central + (r.high - r.central) * factor,
  };
}
