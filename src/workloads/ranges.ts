// The ranged inputs of a verdict (issue 13): which of a workload's numbers are uncertain, by how much, and how a
// sampled value reaches the estimate. Ranges live in ./data/ranges.json next to their basis, relative to the value
// the estimate uses, so the central value is always exactly today's input (the point estimate does not move).
// Two kinds of name: an input field (`mfu`, `epsilon`, `budget`) whose sampled value replaces the field, and a
// `…Factor` that multiplies a catalog or preset value the workload reads (gate times, error rates, prices).
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
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
  .parse(rangesJson, PARSE_ONCE) as unknown as Record<string, z.output<typeof relativeRange>>;

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

/** Rates are capped below 0.5 when scaled (a rate of 0.5 or more is no longer an error rate). */
const RATE_CAP = 0.49;

/**
 * How qpuErrorRateFactor (e) and qpuReadoutErrorFactor (r) reach the fault-tolerant estimate, in the two coordinates
 * it actually depends on. The estimator reads the scaled qubit (scaledQubit) through three rates only: the Clifford
 * rate and the T-gate rate (both × e) and the physical error rate max(Clifford, readout) = max(e·c, e·r·m), which
 * sets the code distance and whether the code can correct at all. So the estimate is a function of
 *   u = physical error rate ÷ today's (the joint factor: e and r cross the threshold together, as their product
 *       when readout dominates), and
 *   s = physical error rate ÷ Clifford rate ≥ 1 (how far readout sits above the gates; 1 when it does not),
 * with e = u·M/(s·c). When error rates improve with the years, e falls and r stays: u falls in proportion, s stays.
 */
export interface ErrorCoordinates {
  /** Today's physical error rate M = max(c, m) (qpuErrorRateFactor = qpuReadoutErrorFactor = 1). */
  reference: number;
  u(e: number, r: number): number;
  s(e: number, r: number): number;
  /** The factors (e, r) at (u, s), s ≥ 1; at s = 1 the r that puts readout level with the gates (any smaller r
   *  gives the same estimate). */
  factors(u: number, s: number): { e: number; r: number };
}

export function errorCoordinates(qubit: string | QubitParamsInput | undefined): ErrorCoordinates {
  const q = resolveQubit(qubit);
  const c = q.cliffordErrorRate;
  const m = q.readoutErrorRate;
  const M = q.physicalErrorRate;
  const clifford = (e: number) => Math.min(RATE_CAP, e * c);
  const physical = (e: number, r: number) => Math.max(clifford(e), Math.min(RATE_CAP, e * r * m));
  return {
    reference: M,
    u: (e, r) => physical(e, r) / M,
    s: (e, r) => physical(e, r) / clifford(e),
    factors(u, s) {
      const e = (u * M) / (s * c);
      return { e, r: m > 0 ? (s * c) / m : 1 };
    },
  };
}

/** A fault-tolerant qubit model with every gate and measurement time × `timeFactor`, every error rate × `errorFactor`
 *  and readout error rates × `readoutFactor` on top (rates capped below 0.5): how sampled gate times and error rates
 *  reach the Azure-compatible estimator. Readout is ranged on its own, as its ratio to the gate error: across the
 *  catalog's devices the median readout error is 0.4× to 5.5× the median two-qubit error (ranges.json,
 *  qpuReadoutErrorFactor), and when error rates improve with the years both move (the ratio stays). On a
 *  gate-based qubit the measurement error rate is the readout (its idle rate, which Azure defaults to the measurement
 *  rate, stays with the gates); on a Majorana qubit measurements are the operations, so a measurement's `process`
 *  part moves with the gates and its `readout` part with readout. Unchanged (the preset name itself) when every
 *  factor is 1, so the point estimate is today's. */
export function scaledQubit(
  qubit: string | QubitParamsInput | undefined,
  timeFactor: number,
  errorFactor: number,
  readoutFactor = 1,
): string | QubitParamsInput | undefined {
  if (timeFactor === 1 && errorFactor === 1 && readoutFactor === 1) return qubit;
  const params = resolveQubit(qubit).params as Record<string, unknown>;
  const rate = (v: number, f: number) => Math.min(RATE_CAP, v * f);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k.endsWith("Time") && typeof v === "number") out[k] = v * timeFactor;
    else if (k.endsWith("MeasurementErrorRate")) {
      if (typeof v === "number")
        out[k] =
          params.instructionSet === "Majorana"
            ? { process: rate(v, errorFactor), readout: rate(v, errorFactor * readoutFactor) }
            : rate(v, errorFactor * readoutFactor);
      else {
        const m = v as { process: number; readout: number };
        out[k] = {
          process: rate(m.process, errorFactor),
          readout: rate(m.readout, errorFactor * readoutFactor),
        };
      }
    } else if (k.endsWith("ErrorRate") && typeof v === "number") out[k] = rate(v, errorFactor);
    else out[k] = v;
  }
  // Azure's idle error rate defaults to the measurement rate: keep it with the gates, not with readout.
  if (params.idleErrorRate === undefined && typeof params.oneQubitMeasurementErrorRate === "number")
    out.idleErrorRate = rate(params.oneQubitMeasurementErrorRate, errorFactor);
  return out as QubitParamsInput;
}
