import { describe, expect, it } from "vitest";
import { leastSquares } from "./least-squares.js";

describe("leastSquares", () => {
  it("recovers an exact line", () => {
    const f = leastSquares([1, 2, 3, 4], [5, 7, 9, 11]);
    expect(f.slope).toBeCloseTo(2, 12);
    expect(f.intercept).toBeCloseTo(3, 12);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.correlation).toBeCloseTo(1, 12);
  });

  it("matches the textbook values on noisy data (Anscombe's quartet I: y = 3.00 + 0.500x, r = 0.816)", () => {
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    const f = leastSquares(x, y);
    expect(f.intercept).toBeCloseTo(3.0, 2);
    expect(f.slope).toBeCloseTo(0.5, 3);
    expect(f.correlation!).toBeCloseTo(0.816, 3);
    expect(f.r2).toBeCloseTo(0.816 ** 2, 2);
    // Anscombe (1973) Table: slope 0.500 with standard error 0.118 on 9 degrees of freedom.
    expect(f.slopeStandardError).toBeCloseTo(0.118, 3);
    expect(f.degreesOfFreedom).toBe(9);
  });

  it("has no correlation when y is constant", () => {
    const f = leastSquares([1, 2, 3], [4, 4, 4]);
    expect(f.correlation).toBeNull();
    expect(f.r2).toBe(1);
  });
});
