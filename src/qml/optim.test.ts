import { describe, expect, it } from "vitest";
import { createOptimizer } from "./optim.js";

describe("optimisers", () => {
  it("Adam's first step has magnitude ≈ the learning rate along −sign(g) (Kingma & Ba 2015, §2.1)", () => {
    const opt = createOptimizer("adam", 0.01, 3);
    const p = Float64Array.from([1, -2, 3]);
    opt.step(p, Float64Array.from([5, -0.001, 1e3]));
    expect(p[0]).toBeCloseTo(1 - 0.01, 6);
    expect(p[1]).toBeCloseTo(-2 + 0.01, 4);
    expect(p[2]).toBeCloseTo(3 - 0.01, 6);
  });

  it("SGD takes θ − η·g, and both minimise a quadratic", () => {
    const sgd = createOptimizer("sgd", 0.1, 1);
    const p = Float64Array.from([2]);
    sgd.step(p, Float64Array.from([4]));
    expect(p[0]).toBeCloseTo(1.6, 12);
    for (const name of ["sgd", "adam"] as const) {
      const opt = createOptimizer(name, 0.05, 2);
      const x = Float64Array.from([3, -1]);
      for (let i = 0; i < 2000; i++) opt.step(x, Float64Array.from([2 * (x[0] - 1), 2 * (x[1] + 2)]));
      expect(x[0]).toBeCloseTo(1, 3);
      expect(x[1]).toBeCloseTo(-2, 3);
    }
  });

  it("refuses a non-positive learning rate", () => {
    expect(() => createOptimizer("adam", 0, 1)).toThrow(/learning rate/);
  });
});
