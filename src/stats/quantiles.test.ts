// quantiles() selects the order statistics it needs instead of sorting: the same p05/p50/p95 as reading them off
// the sorted sample (quantileSorted), on samples with ties, never-values (+Infinity), negative zero and any size.
// (Equal as numbers: where −0 and +0 tie, the sort may return either, and so may the selection.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileSorted, quantiles } from "./monte-carlo.js";

const same = (a: number, b: number) => expect(a === b, `${a} vs ${b}`).toBe(true);

const value = fc.oneof(
  fc.double({ noNaN: true }),
  fc.integer({ min: -3, max: 3 }),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(-0),
);

describe("quantiles by selection", () => {
  it("equal the sorted sample's quantiles (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const q = quantiles(xs);
        same(q.p05, quantileSorted(sorted, 0.05));
        same(q.p50, quantileSorted(sorted, 0.5));
        same(q.p95, quantileSorted(sorted, 0.95));
        expect(q.neverShare).toBe(xs.filter((x) => x === Number.POSITIVE_INFINITY).length / xs.length);
      }),
      { seed: 13, numRuns: 3000 },
    );
  });

  it("on sorted, reversed and constant samples of 10,000 (the pivot's worst cases for a naive select)", () => {
    const n = 10_000;
    for (const xs of [
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => n - i),
      Array.from({ length: n }, () => 7),
    ]) {
      const sorted = Float64Array.from(xs).sort();
      expect(quantiles(xs)).toEqual({
        p05: quantileSorted(sorted, 0.05),
        p50: quantileSorted(sorted, 0.5),
        p95: quantileSorted(sorted, 0.95),
        neverShare: 0,
      });
    }
  });
});
