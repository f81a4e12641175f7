// Every verdict as a range: seeded Monte Carlo over the ranged inputs of a model, p05/p50/p95 of what it returns,
// and the one-at-a-time tornado of the headline. The same seed gives the same numbers on every machine: the
// generator uses only 32-bit integer arithmetic, and inputs draw their uniforms in sorted-name order.
import { z } from "zod";
import { userError } from "../errors.js";
import { createPrng, isValidSeed } from "../sim/prng.js";
import { fixed, type Range, rangeSchema } from "../stats/distribution.js";
import { centralInputs, type Inputs, propagate, type Quantiles } from "../stats/monte-carlo.js";
import { tornado } from "../stats/sensitivity.js";

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 20_261_202;
/** Work budget: samples × model evaluations is bounded before any is made. */
export const MAX_SAMPLES = 1_000_000;

/** Range overrides by input name: `--range name=…` on the CLI, `ranges:` in a scenario file and an API body. */
export const rangesSchema = z.record(z.string().min(1).max(100), rangeSchema);

/**
 * The uncertainty settings of every entry point, defined once with their defaults: the CLI's `--samples`, `--seed`,
 * `--no-uncertainty` and `--range`, the API body's and a scenario file's `samples`, `seed`, `uncertainty` and
 * `ranges`. Uncertainty is on by default everywhere (10,000 samples, one fixed seed); `uncertainty: false` is the
 * point estimate. `maxSamples` is the entry point's work budget (the server's is lower than the CLI's); `defaultOn`
 * false only for the HTTP API for now (see api/schemas.ts).
 */
export function uncertaintySettingsFields(maxSamples: number = MAX_SAMPLES, defaultOn = true) {
  return {
    samples: z.number().int().min(1).max(maxSamples).default(DEFAULT_SAMPLES),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(DEFAULT_SEED),
    uncertainty: z.boolean().default(defaultOn),
    ranges: rangesSchema.default({}),
  };
}

export const uncertaintySettingsSchema = z.strictObject(uncertaintySettingsFields());
export type UncertaintySettings = z.output<typeof uncertaintySettingsSchema>;

export interface UncertaintyOptions {
  samples?: number;
  seed?: number;
}

export interface Uncertainty<O extends string> {
  samples: number;
  seed: number;
  quantiles: Record<O, Quantiles>;
}

export interface SensitivityBar {
  input: string;
  low: number;
  high: number;
  /** The headline with this input at its low end (every other input central). */
  speedupLog10AtLow: number;
  speedupLog10AtHigh: number;
  /** The signed ratio log10(quantum seconds / classical seconds) at the low and high end. */
  qpuOverGpuLog10AtLow: number;
  qpuOverGpuLog10AtHigh: number;
  /** How far the input moves the verdict: max − min of the signed qpuOverGpuLog10 over {low, central, high}. The
   *  folded speedupLog10 would hide a verdict that changes sides inside the range. */
  swingLog10: number;
  /** Where the range comes from. */
  basis: string | null;
}

/** What the tornado reads of a verdict at one set of inputs. */
export interface Headline {
  speedupLog10: number;
  qpuOverGpuLog10: number;
}

export function checkUncertaintyOptions(o: UncertaintyOptions): { samples: number; seed: number } {
  const samples = o.samples ?? DEFAULT_SAMPLES;
  const seed = o.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES)
    throw userError(
      "Uncertainty.InvalidSamples",
      `samples must be a whole number in [1, ${MAX_SAMPLES.toLocaleString("en-US")}], got ${samples}`,
      { field: "samples", hint: "--samples 10000" },
    );
  if (!isValidSeed(seed))
    throw userError("Uncertainty.InvalidSeed", `seed must be a whole number in [0, 2^32 − 1], got ${seed}`, {
      field: "seed",
    });
  return { samples, seed };
}

/** Seeded Monte Carlo of `model` over `ranges`. */
export function monteCarlo<K extends string, O extends string>(
  ranges: Record<K, Range>,
  model: (inputs: Inputs<K>) => Record<O, number>,
  options: UncertaintyOptions = {},
): Uncertainty<O> {
  const { samples, seed } = checkUncertaintyOptions(options);
  const { quantiles } = propagate(ranges, model, { samples, uniform: createPrng(seed) });
  return { samples, seed, quantiles };
}

/** The tornado of the verdict: each input alone at its low and high end, sorted by the swing of the signed
 *  qpuOverGpuLog10 (one definition: stats/sensitivity.ts), largest first. */
export function sensitivity<K extends string>(
  ranges: Record<K, Range>,
  headline: (inputs: Inputs<K>) => Headline,
): SensitivityBar[] {
  return tornado(ranges, headline, (h) => h.qpuOverGpuLog10).map((b) => ({
    input: b.input,
    low: b.low,
    high: b.high,
    speedupLog10AtLow: b.atLow.speedupLog10,
    speedupLog10AtHigh: b.atHigh.speedupLog10,
    qpuOverGpuLog10AtLow: b.atLow.qpuOverGpuLog10,
    qpuOverGpuLog10AtHigh: b.atHigh.qpuOverGpuLog10,
    swingLog10: b.swing,
    basis: ranges[b.input].basis ?? null,
  }));
}

/** Every range collapsed to its central value: `--no-uncertainty`, and the point estimate's inputs. */
export function pointRanges<K extends string>(ranges: Record<K, Range>): Record<K, Range> {
  const c = centralInputs(ranges);
  const out = {} as Record<K, Range>;
  for (const k of Object.keys(ranges) as K[]) out[k] = fixed(c[k]);
  return out;
}

/** Replaces ranges by user overrides (scenario file or CLI), refusing names the model does not have. */
export function overrideRanges<K extends string>(
  ranges: Record<K, Range>,
  overrides: Record<string, Range>,
): Record<K, Range> {
  const out = { ...ranges };
  for (const [k, r] of Object.entries(overrides)) {
    if (!Object.hasOwn(ranges, k))
      throw userError("Uncertainty.UnknownInput", `no ranged input named "${k}"`, {
        field: `ranges.${k}`,
        hint: `ranged inputs: ${Object.keys(ranges).sort().join(", ")}`,
      });
    out[k as K] = r;
  }
  return out;
}
