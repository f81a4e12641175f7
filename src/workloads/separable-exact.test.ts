// The lean (separable) Monte Carlo path against the exact one (`exact: true`: every sample through the workload
// itself), for every built-in workload: the same seeded samples, and the bands must agree within Monte-Carlo error.
// This is what caught the error-rate and readout factors sampled as two separable axes: a fault-tolerant run that
// cannot correct (the two together push the physical error rate past what the code can take) was 4% of the samples
// on the lean path and 19% on the exact one for Shor; they are now one joint table (error-table.ts).
//
// Tolerances, from the sample count n alone:
// - a share p (neverShare): |p_lean − p_exact| ≤ Z·√(p(1−p)/n) + 1/n (p the exact share; 1/n for one sample's
//   granularity).
// - a quantile q: the lean path's value lies between the exact sample's order statistics of ranks
//   n·q ∓ Z·√(n·q·(1−q)) (the binomial interval of the q-quantile: the range a q-quantile of n draws from the exact
//   distribution falls in, Hyndman–Fan type 7 rounded outward).
// Z = 3.29 (two-sided 99.9%), over 8 workloads × 7 outputs × 4 numbers. Crossover size and year are the lean path's
// on both sides (exactModel: a year per sample would need the workload at every size and year the search tries),
// so they are not compared here; separable.test.ts checks their search, and the joint table's slices they use are
// the same ones compared here at today's error rate.
import { describe, expect, it } from "vitest";
import { createPrng } from "../sim/prng.js";
import { quantileOf } from "../stats/distribution.js";
import { quantiles as quantilesOf } from "../stats/monte-carlo.js";
import { workloads } from "./registry.js";
import { UNCERTAIN_OUTPUTS } from "./separable.js";
import { exactModel, uncertaintySurface, verdictUncertainty } from "./uncertainty.js";

const T0 = 2026;
const SEED = 20261203;
/** Samples per workload: the exact path costs a few ms per sample for the fault-tolerant workloads. */
const N = 300;
const Z = 3.29;
/**
 * Known not to agree, and why (not a tolerance: the lean value is held to the exact sample's 1st–99th percentile
 * instead, and the exception is listed in docs/report.md). Hamiltonian simulation's central verdict sits 1% below a
 * step of the fault-tolerant design that doubles its physical qubits (4.0e6 → 8.0e6), reached alike by a 1% higher
 * error rate, a 6% lower error budget or a 6% larger algorithm constant: the separable sum counts the step once per
 * input that crosses it, so its median qubits come out ~25% high (9.7e6 against 7.7e6). Only a table joint in those
 * inputs too would fix it. LLM training's physical qubits, the same way: once its error rates and algorithm constants
 * are ranged (gate count and code distance both move the layout), the code distance steps with each of them and the
 * separable sum of one-input steps misplaces a sample's qubits by −24% to +17% (200 random draws, 3 December 2026),
 * while its headline, times and costs agree within Monte-Carlo error.
 */
const KNOWN_NON_SEPARABLE: Record<string, string[]> = {
  "hamiltonian-simulation": ["physicalQubits"],
  "llm-training": ["physicalQubits"],
};
/** The outputs exactModel evaluates through the workload (0–6). */
const COMPARED = UNCERTAIN_OUTPUTS.slice(0, 7);

/** The columns of each output over N samples drawn as propagateVector draws them. */
function columns(
  ranges: Record<string, import("../stats/distribution.js").Range>,
  names: string[],
  model: (x: Float64Array, out: Float64Array) => void,
): Float64Array[] {
  const u = createPrng(SEED);
  const x = new Float64Array(names.length);
  const out = new Float64Array(UNCERTAIN_OUTPUTS.length);
  const cols = UNCERTAIN_OUTPUTS.map(() => new Float64Array(N));
  for (let s = 0; s < N; s++) {
    names.forEach((k, i) => {
      x[i] = quantileOf(ranges[k], u.nextDouble());
    });
    model(x, out);
    for (let o = 0; o < out.length; o++) cols[o][s] = Number.isNaN(out[o]) ? Infinity : out[o];
  }
  return cols;
}

/** The order statistics bounding the q-quantile of `sorted` (ascending, +∞ last) at level Z. */
function quantileInterval(sorted: Float64Array, q: number): [number, number] {
  const n = sorted.length;
  const h = (n - 1) * q;
  const w = Z * Math.sqrt(n * q * (1 - q));
  const lo = Math.max(0, Math.floor(h - w));
  const hi = Math.min(n - 1, Math.ceil(h + w));
  // The lean path works in log10 and returns 10^y: a value equal to the exact one differs by rounding.
  const slack = (v: number) => (Number.isFinite(v) ? 1e-9 * Math.abs(v) + 1e-12 : 0);
  return [sorted[lo] - slack(sorted[lo]), sorted[hi] + slack(sorted[hi])];
}

describe("the separable Monte Carlo agrees with the exact one within Monte-Carlo error", () => {
  for (const def of workloads) {
    it(`${def.kind}: headline, times, costs, physical qubits and never-shares (n = ${N}, seed ${SEED})`, () => {
      const input = def.input.parse({}) as Record<string, unknown>;
      const surface = uncertaintySurface(def, input, { t0: T0 });
      const lean = columns(surface.ranges, surface.names, (x, out) => surface.model.evaluate(x, out));
      const exact = columns(surface.ranges, surface.names, exactModel(surface));
      // These columns are the ones verdictUncertainty summarises (same draws, same models).
      const verdict = def.evaluate(input as never, { t0: T0, skipCrossover: true });
      const reported = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: N, seed: SEED });
      const ownLean = quantilesOf(lean[0]);
      expect(reported.uncertainty.quantiles.speedupLog10.neverShare).toBe(ownLean.neverShare);
      expect(reported.uncertainty.quantiles.speedupLog10.p50).toBe(
        Number.isFinite(ownLean.p50) ? ownLean.p50 : null,
      );
      COMPARED.forEach((name, o) => {
        const a = quantilesOf(lean[o]);
        const e = quantilesOf(exact[o]);
        const p = e.neverShare;
        const tol = Z * Math.sqrt((p * (1 - p)) / N) + 1 / N;
        expect
          .soft(Math.abs(a.neverShare - p), `${name} neverShare ${a.neverShare} vs exact ${p}`)
          .toBeLessThanOrEqual(tol);
        const sorted = Float64Array.from(exact[o]).sort();
        if (KNOWN_NON_SEPARABLE[def.kind]?.includes(name)) {
          const lo = sorted[Math.floor(0.01 * (N - 1))];
          const hi = sorted[Math.ceil(0.99 * (N - 1))];
          for (const v of [a.p05, a.p50, a.p95]) {
            expect.soft(v, `${name}: lean ${v} within exact [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
            expect.soft(v, `${name}: lean ${v} within exact [${lo}, ${hi}]`).toBeLessThanOrEqual(hi);
          }
          return;
        }
        for (const [q, v] of [
          [0.05, a.p05],
          [0.5, a.p50],
          [0.95, a.p95],
        ] as const) {
          const [lo, hi] = quantileInterval(sorted, q);
          const what = `${name} p${Math.round(q * 100)}: lean ${v}, exact interval [${lo}, ${hi}]`;
          expect.soft(v, what).toBeGreaterThanOrEqual(lo);
          expect.soft(v, what).toBeLessThanOrEqual(hi);
        }
      });
    }, 60_000);
  }
});
