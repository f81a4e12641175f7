import { describe, expect, it } from "vitest";
import { gradientVariance } from "./barren-plateau.js";
import { fitLinear } from "./extrapolate.js";

describe("barren plateaus (McClean et al. 2018)", () => {
  it("the gradient variance of a global cost on a depth-n random ansatz falls exponentially in n", () => {
    const points = gradientVariance([2, 4, 6, 8], 150, 3);
    for (let i = 1; i < points.length; i++) expect(points[i].variance).toBeLessThan(points[i - 1].variance);
    const slope = fitLinear(
      "log2 variance",
      points.map((p) => p.qubits),
      points.map((p) => Math.log2(p.variance)),
    ).slope;
    // About one halving per added qubit (2^−n); exponential, not polynomial.
    expect(slope).toBeLessThan(-0.6);
    expect(slope).toBeGreaterThan(-1.5);
    // The mean gradient is zero within statistical error.
    for (const p of points) expect(Math.abs(p.mean)).toBeLessThan(4 * Math.sqrt(p.variance / p.samples));
  });
});
