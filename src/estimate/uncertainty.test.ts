import { describe, expect, it } from "vitest";
import { isQfitError } from "../errors.js";
import type { Range } from "../stats/distribution.js";
import { monteCarlo, overrideRanges, pointRanges, sensitivity } from "./uncertainty.js";

const ranges: Record<"mfu" | "gateNs", Range> = {
  mfu: { low: 0.3, central: 0.4, high: 0.55, distribution: "triangular", basis: "[M1]" },
  gateNs: { low: 30, central: 68, high: 300, distribution: "log-uniform" },
};
const model = (x: Record<"mfu" | "gateNs", number>) => ({ speedupLog10: Math.log10(x.gateNs * x.mfu * 1e6) });

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isQfitError(e) ? e.code : "not a QfitError";
  }
  return "no error";
};

describe("uncertainty", () => {
  it("is seeded: the same seed gives identical quantiles, and the seed is reported", () => {
    const a = monteCarlo(ranges, model, { samples: 1000, seed: 7 });
    expect(monteCarlo(ranges, model, { samples: 1000, seed: 7 })).toEqual(a);
    expect(a.seed).toBe(7);
    expect(a.samples).toBe(1000);
  });

  it("--no-uncertainty: collapsed ranges give the point estimate at every quantile", () => {
    const p = monteCarlo(pointRanges(ranges), model, { samples: 50 }).quantiles.speedupLog10;
    const point = model({ mfu: 0.4, gateNs: 68 }).speedupLog10;
    expect([p.p05, p.p50, p.p95]).toEqual([point, point, point]);
  });

  it("the tornado's largest swing is the input whose range moves the headline most (direct recomputation)", () => {
    const bars = sensitivity(ranges, (x) => ({
      speedupLog10: model(x).speedupLog10,
      qpuOverGpuLog10: model(x).speedupLog10,
    }));
    const swing = (k: "mfu" | "gateNs") =>
      Math.abs(
        model({ mfu: 0.4, gateNs: 68, [k]: ranges[k].high }).speedupLog10 -
          model({ mfu: 0.4, gateNs: 68, [k]: ranges[k].low }).speedupLog10,
      );
    const expected = swing("mfu") > swing("gateNs") ? "mfu" : "gateNs";
    expect(bars[0].input).toBe(expected);
    expect(bars.find((b) => b.input === "mfu")?.basis).toBe("[M1]");
  });

  it("refuses bad sample counts, seeds and unknown range names as user errors naming the field", () => {
    expect(codeOf(() => monteCarlo(ranges, model, { samples: 0 }))).toBe("Uncertainty.InvalidSamples");
    expect(codeOf(() => monteCarlo(ranges, model, { samples: 1e9 }))).toBe("Uncertainty.InvalidSamples");
    expect(codeOf(() => monteCarlo(ranges, model, { seed: -1 }))).toBe("Uncertainty.InvalidSeed");
    expect(codeOf(() => overrideRanges(ranges, { constructor: ranges.mfu }))).toBe(
      "Uncertainty.UnknownInput",
    );
    expect(
      overrideRanges(ranges, { mfu: { low: 0.5, central: 0.5, high: 0.5, distribution: "fixed" } }).mfu.low,
    ).toBe(0.5);
  });
});
