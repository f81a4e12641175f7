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

/**
 * The inverse CDF of one range, its constants (the logs of a log distribution's ends, the spans) taken once: a
 * propagation's hot loop draws every input of every sample through one. `at(u)` is the value at uniform u ∈ [0, 1),
 * monotone non-decreasing in u for every distribution.
 */
export class RangeSampler {
  /** 0: constant `a`; 1: uniform; 2: triangular (`exp` after: log-uniform, log-triangular). */
  private readonly kind: 0 | 1 | 2;
  private readonly exp: boolean;
  // Uniform on [a, a + span]; triangular on [a, b] with mode c, split = (c − a)/(b − a).
  private readonly a: number = 0;
  private readonly b: number = 0;
  private readonly span: number = 0;
  private readonly split: number = 0;
  private readonly ca: number = 0;
  private readonly bc: number = 0;
  constructor(r: Range) {
    const d = r.distribution;
    this.exp = d === "log-uniform" || d === "log-triangular";
    const f = this.exp ? Math.log : (v: number) => v;
    if (r.low === r.high || d === "fixed") {
      this.kind = 0;
      this.exp = false;
      this.a = r.low === r.high ? r.low : r.central;
      return;
    }
    const a = f(r.low);
    const c = f(r.central);
    const b = f(r.high);
    this.a = a;
    this.b = b;
    this.span = b - a;
    if (d === "uniform" || d === "log-uniform") this.kind = 1;
    else if (b === a) {
      // A log range whose ends' logs coincide: the triangular quantile is its low end's.
      this.kind = 0;
    } else {
      this.kind = 2;
      this.split = (c - a) / (b - a);
      this.ca = c - a;
      this.bc = b - c;
    }
  }
  at(u: number): number {
    let v: number;
    if (this.kind === 0) v = this.a;
    else if (this.kind === 1) v = this.a + u * this.span;
    else
      v =
        u < this.split
          ? this.a + Math.sqrt(u * this.span * this.ca)
          : this.b - Math.sqrt((1 - u) * this.span * this.bc);
    return this.exp ? Math.exp(v) : v;
  }
}

/** The value at uniform u ∈ [0, 1) (inverse CDF). Monotone non-decreasing in u for every distribution. */
export function quantileOf(r: Range, u: number): number {
  return new RangeSampler(r).at(u);
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
