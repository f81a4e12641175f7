// The ranged inputs of a verdict (issue 13): which of a workload's numbers are uncertain, by how much, and how a
// sampled value reaches the estimate. Ranges live in ./data/ranges.json next to their basis, relative to the value
// the estimate uses, so the central value is always exactly today's input (the point estimate does not move).
// Two kinds of name: an input field (`mfu`, `epsilon`, `budget`) whose sampled value replaces the field, and a
// `…Factor` that multiplies a catalog or preset value the workload reads (gate times, error rates, prices).
import { z } from "zod";
import { resolveQubit } from "../estimate/ftqc/qubit.js";
import type { QubitParamsInput } from "../estimate/ftqc/types.js";
import { DISTRIBUTIONS, type Range } from "../stats/distribution.js";
import rangesJson from "./data/ranges.json" with { type: "json" };

const relativeRange = z.strictObject({
  lowFactor: z.number().positive(),
  highFactor: z.number().positive(),
  distribution: z.enum(DISTRIBUTIONS),
  basis: z.string(),
  source: z.string(),
  asOf: z.string(),
  unverified: z.boolean(),
});

const data = z
  .object({ $comment: z.string() })
  .catchall(z.union([z.string(), relativeRange]))
  .parse(rangesJson) as unknown as Record<string, z.output<typeof relativeRange>>;

export type RangedName = string;

/** The range of `name` about `value`, clipped to [min, max] (the field's bounds). */
export function rangeAbout(name: string, value: number, min = 0, max = Number.POSITIVE_INFINITY): Range {
  const r = data[name];
  if (!r || typeof r !== "object") throw new Error(`no range for ${name} in workloads/data/ranges.json`);
  const low = Math.max(min, Math.min(value, value * r.lowFactor));
  const high = Math.min(max, Math.max(value, value * r.highFactor));
  return { low, central: value, high, distribution: r.distribution, basis: r.basis };
}

/** A multiplier of a catalog value: central 1. */
export const factorRange = (name: string): Range => rangeAbout(name, 1);

/** Ranged inputs whose basis is a stated rationale rather than a source, for the verdict's `unverified` list. */
export function unverifiedRanges(names: string[]): string[] {
  return names
    .filter((n) => typeof data[n] === "object" && data[n].unverified)
    .map((n) => `uncertainty range of ${n} is a stated rationale (workloads/data/ranges.json)`);
}

/** A sampled value, or `fallback` (the central value) when not sampled. */
export const sampledOr = (
  sampled: Readonly<Record<string, number>> | undefined,
  name: string,
  fallback: number,
): number => sampled?.[name] ?? fallback;

/** A fault-tolerant qubit model with every gate and measurement time × `timeFactor` and every error rate ×
 *  `errorFactor` (capped below 0.5): how sampled gate times and error rates reach the Azure-compatible estimator.
 *  Unchanged (the preset name itself) when both factors are 1, so the point estimate is today's. */
export function scaledQubit(
  qubit: string | QubitParamsInput | undefined,
  timeFactor: number,
  errorFactor: number,
): string | QubitParamsInput | undefined {
  if (timeFactor === 1 && errorFactor === 1) return qubit;
  const params = resolveQubit(qubit).params;
  const scale = (v: unknown, f: number, cap: number): unknown =>
    typeof v === "number"
      ? Math.min(cap, v * f)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scale(x, f, cap)]))
        : v;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k.endsWith("Time")) out[k] = scale(v, timeFactor, Number.POSITIVE_INFINITY);
    else if (k.endsWith("ErrorRate")) out[k] = scale(v, errorFactor, 0.49);
    else out[k] = v;
  }
  return out as QubitParamsInput;
}
