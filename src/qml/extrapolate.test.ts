import { describe, expect, it } from "vitest";
import { extrapolateTraining, fitLinear, fitPowerLaw } from "./extrapolate.js";

describe("fits", () => {
  it("recover known laws", () => {
    const xs = [10, 100, 1000, 1e4];
    const p = fitPowerLaw(
      "y",
      xs,
      xs.map((x) => 3 * x ** 1.5),
    );
    expect(p.exponent).toBeCloseTo(1.5, 12);
    expect(p.coefficient).toBeCloseTo(3, 10);
    expect(p.r2).toBeCloseTo(1, 12);
    const l = fitLinear(
      "y",
      xs,
      xs.map((x) => 2 * x + 1),
    );
    expect(l.slope).toBeCloseTo(2, 12);
    expect(l.intercept).toBeCloseTo(1, 8);
  });
});

describe("extrapolation from measured runs to Llama 3.1", () => {
  const r = extrapolateTraining({
    classicalHidden: [4, 16, 64],
    quantumSizes: [
      [2, 2],
      [3, 2],
      [4, 2],
    ],
    examples: 20,
  });

  it("measures at least three sizes per model and returns plain JSON data", () => {
    expect(r.measured.filter((m) => m.model === "classical").length).toBeGreaterThanOrEqual(3);
    expect(r.measured.filter((m) => m.model === "quantum").length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("finds parameter shift's 2·P + 1 executions per token and backprop's constant FLOPs per parameter", () => {
    const e = r.fits.quantumExecutionsPerToken.linear;
    expect(e.slope).toBeCloseTo(2, 9);
    expect(e.intercept).toBeCloseTo(1, 6);
    const c = r.fits.classicalFlopsPerToken.linear;
    // Forward 2P, backward ≈ 3P, Adam (14 + 1)·P per step over batch 10: ≈ 6.5–7 per parameter (Kaplan et al.: 6).
    expect(c.slope).toBeGreaterThan(5);
    expect(c.slope).toBeLessThan(8);
    expect(r.fits.classicalFlopsPerToken.power.exponent).toBeCloseTo(1, 1);
  });

  it("projects to the three Llama 3.1 presets; the gap grows with P once the circuit holds P weights", () => {
    expect(r.projections.map((p) => p.parameters)).toEqual([8e9, 70e9, 405e9]);
    for (const p of r.projections) {
      // The fitted backprop FLOPs agree with the estimator's 6·N·D to within the fit's 6.7 vs 6 per parameter.
      expect(p.gpu.flopsFromFit / p.gpu.flopsEstimator).toBeGreaterThan(0.9);
      expect(p.gpu.flopsFromFit / p.gpu.flopsEstimator).toBeLessThan(1.3);
      expect(p.qpu.secondsFromFit).toBeGreaterThan(p.gpu.secondsFromFit);
      expect(p.qpu.secondsWithModelCircuit).toBeGreaterThan(p.qpu.secondsFromFit);
    }
    const [a, , c] = r.projections;
    expect(c.gapLog10WithModelCircuit).toBeGreaterThan(a.gapLog10WithModelCircuit + 1);
    expect(r.drivingScaling).toMatch(/2·P·S/);
  });

  it("gives plot lines on a common axis that pass through the measured points", () => {
    const gpu = r.lines.find((l) => l.series === "gpu")!;
    const qpu = r.lines.find((l) => l.series === "qpu")!;
    expect(gpu.points.at(-1)!.parameters).toBe(405e9);
    for (const line of [gpu, qpu])
      for (let i = 1; i < line.points.length; i++)
        expect(line.points[i].secondsPerToken).toBeGreaterThan(line.points[i - 1].secondsPerToken);
    // The QPU line at a measured size agrees with the measured device seconds per token (linear fit, r² ≈ 1).
    const m = r.measured.find((x) => x.model === "quantum")!;
    const slope =
      (qpu.points[1].secondsPerToken - qpu.points[0].secondsPerToken) /
      (qpu.points[1].parameters - qpu.points[0].parameters);
    const atM = qpu.points[0].secondsPerToken + slope * (m.parameters - qpu.points[0].parameters);
    expect(atM / m.perToken.deviceSeconds).toBeCloseTo(1, 2);
    const c = r.measured.find((x) => x.model === "classical")!;
    expect(c.perToken.gpuSeconds).toBeGreaterThan(0);
  });
});

it("refuses a fit from a single model size", () => {
  expect(() => extrapolateTraining({ classicalHidden: [4], quantumSizes: [[2, 1]], examples: 2 })).toThrow(
    /two model sizes/,
  );
});
