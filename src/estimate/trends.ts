// Both sides move with time. Three trends, each a range: qubit counts (the fitted history, with the fit's own 95%
// interval), two-qubit error rates (improving towards a floor), and classical price-performance (Epoch AI's GPU
// trend). A year of advantage is the first year in which the quantum side, with the qubits and error rates
// projected for that year, beats the classical side with the hardware projected for that year; it is found by
// root-finding on the gap, not by a sweep. Projections are trend values, never devices.
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import trendsJson from "../hardware/data/trends.json" with { type: "json" };
import { type Range, rangeSchema } from "../stats/distribution.js";
import { leastSquares } from "../stats/least-squares.js";
import { firstCrossing } from "../stats/root.js";
import { largestComputingByYear } from "./qubit-trend.js";

const sourcedRange = z.intersection(
  rangeSchema,
  z.object({ source: z.string(), asOf: z.string(), unverified: z.boolean() }),
);
const trendsData = z
  .strictObject({
    $comment: z.string(),
    classicalPricePerformanceDoublingYears: sourcedRange,
    twoQubitErrorHalvingYears: sourcedRange,
    twoQubitErrorFloor: sourcedRange,
  })
  .parse(trendsJson, PARSE_ONCE);

export type TrendName = "qubitDoublingYears" | "classicalDoublingYears" | "errorHalvingYears" | "errorFloor";

/** Student's t, two-sided 95% (the 97.5% quantile) for 1–30 degrees of freedom, as printed in the standard tables
 *  (NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2). */
const T975_TABLE = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 97.5% quantile of Student's t with `df` degrees of freedom: the table up to 30, beyond it the Cornish–Fisher
 *  expansion about the normal quantile (accurate to 1e-3 there). */
export function studentT975(df: number): number {
  if (!(df >= 1)) return Number.POSITIVE_INFINITY;
  if (df <= 30) return T975_TABLE[Math.floor(df) - 1];
  const z = 1.959963984540054;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/** Slower than this is "no growth" for practical purposes: the upper end of the qubit range is capped here. */
export const MAX_QUBIT_DOUBLING_YEARS = 50;

/** The qubit doubling time as a range: the least-squares fit of log2(largest benchmarked gate-model device) against
 *  year, central 1/slope, ends from the slope's 95% confidence interval (Student's t on n − 2 degrees of freedom). */
export function qubitDoublingRange(): Range & { basis: string } {
  const pts = largestComputingByYear();
  const fit = leastSquares(
    pts.map((p) => p.year),
    pts.map((p) => Math.log2(p.qubits)),
  );
  const half = studentT975(fit.degreesOfFreedom) * fit.slopeStandardError;
  const fast = 1 / (fit.slope + half);
  const slow =
    fit.slope - half > 0
      ? Math.min(1 / (fit.slope - half), MAX_QUBIT_DOUBLING_YEARS)
      : MAX_QUBIT_DOUBLING_YEARS;
  return {
    low: fast,
    central: 1 / fit.slope,
    high: slow,
    distribution: "log-triangular",
    basis: `least-squares fit of log2(qubits) of the largest benchmarked gate-model device per year, ${pts[0].year}–${pts[pts.length - 1].year} (${pts.length} points, r² ${fit.r2.toFixed(2)}); ends from the slope's 95% confidence interval`,
  };
}

/** Every time trend as a range, for Monte Carlo and the tornado. */
export function trendRanges(): Record<TrendName, Range> {
  const strip = ({ low, central, high, distribution, basis }: Range): Range => ({
    low,
    central,
    high,
    distribution,
    basis,
  });
  return {
    qubitDoublingYears: qubitDoublingRange(),
    classicalDoublingYears: strip(trendsData.classicalPricePerformanceDoublingYears),
    errorHalvingYears: strip(trendsData.twoQubitErrorHalvingYears),
    errorFloor: strip(trendsData.twoQubitErrorFloor),
  };
}

/** Trend values flagged unverified, for the output's `unverified` list. */
export function unverifiedTrends(): string[] {
  return Object.entries(trendsData)
    .filter(([k, v]) => k !== "$comment" && typeof v === "object" && v.unverified)
    .map(([k]) => `trend ${k} is a stated rationale, not a fitted series (see its basis)`);
}

/** How much faster the same-cost classical machine is in `year` than in `t0`. */
export const classicalSpeedupAt = (year: number, t0: number, doublingYears: number): number =>
  2 ** ((year - t0) / doublingYears);

/** A two-qubit error rate projected to `year`: halving every `halvingYears`, never below `floor`. exp rather than
 *  2 ** t: the same value to an ulp, and about 5× faster in V8 (the lean path's year search calls this once per year
 *  it tries, tens of times per Monte Carlo sample). */
export const errorRateAt = (
  e0: number,
  year: number,
  t0: number,
  halvingYears: number,
  floor: number,
): number => Math.max(Math.min(e0, floor), e0 * Math.exp((-(year - t0) / halvingYears) * Math.LN2));

/** Qubits projected for `year` from `q0` in `t0`. */
export const qubitsAt = (q0: number, year: number, t0: number, doublingYears: number): number =>
  q0 * 2 ** ((year - t0) / doublingYears);

/**
 * The first year in [t0, t0 + horizonYears] at which the gap closes: `gapLog10(year)` = log10(quantum seconds /
 * classical seconds) with both sides as projected for that year, +Infinity where the quantum side cannot run
 * (not enough qubits). Null: not within the horizon. The gap must be smooth in the year (it is: every trend is
 * exponential), so bracketing on a yearly grid then bisecting finds it to within a day.
 */
export function yearOfAdvantage(
  gapLog10: (year: number) => number,
  t0: number,
  horizonYears = 100,
): number | null {
  return firstCrossing(gapLog10, t0, t0 + horizonYears, { grid: horizonYears, relTol: 1e-6 });
}
