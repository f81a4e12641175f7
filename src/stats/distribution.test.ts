// RangeSampler (a range's logs and spans taken once, for the propagation's hot loop) against the textbook inverse
// CDFs written out in full, recomputed from the range on every call: the same value to the bit, so precomputing the
// constants changes no sample of any propagation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DISTRIBUTIONS, type Range, RangeSampler } from "./distribution.js";

function triangular(a: number, c: number, b: number, u: number): number {
  if (b === a) return a;
  const split = (c - a) / (b - a);
  return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

function textbook(r: Range, u: number): number {
  if (r.low === r.high) return r.low;
  switch (r.distribution) {
    case "fixed":
      return r.central;
    case "uniform":
      return r.low + u * (r.high - r.low);
    case "log-uniform":
      return Math.exp(Math.log(r.low) + u * (Math.log(r.high) - Math.log(r.low)));
    case "triangular":
      return triangular(r.low, r.central, r.high, u);
    case "log-triangular":
      return Math.exp(triangular(Math.log(r.low), Math.log(r.central), Math.log(r.high), u));
  }
}

const positive = fc.double({ min: 1e-12, max: 1e12, noNaN: true });
const range = fc
  .tuple(positive, positive, positive, fc.constantFrom(...DISTRIBUTIONS), fc.integer({ min: 0, max: 3 }))
  .map(([p, q, r, distribution, tie]): Range => {
    const [low, central, high] = [p, q, r].sort((a, b) => a - b);
    // Ties too: a point range, a mode at either end, and ends one ulp apart.
    if (tie === 1) return { low, central: low, high: low, distribution };
    if (tie === 2) return { low, central: low, high, distribution };
    if (tie === 3) return { low, central: high, high: high * (1 + Number.EPSILON), distribution };
    return { low, central, high, distribution };
  });
const uniform = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe("RangeSampler", () => {
  it("equals the inverse CDF recomputed from the range, to the bit, for every distribution", () => {
    let sampled = 0;
    fc.assert(
      fc.property(range, fc.array(uniform, { minLength: 1, maxLength: 8 }), (r, us) => {
        const sampler = new RangeSampler(r);
        for (const u of us) {
          expect(sampler.at(u)).toBe(textbook(r, u));
          sampled++;
        }
      }),
      { seed: 13, numRuns: 3000 },
    );
    expect(sampled).toBeGreaterThan(3000);
  });
});
