// The report's data: nativeScenarios() and roadmapSeries() are plain, JSON-serialisable and self-consistent.
import { describe, expect, it } from "vitest";
import { nativeScenarios, roadmapSeries } from "../src/workloads/scenarios.js";

describe("nativeScenarios", () => {
  const scenarios = nativeScenarios({ t0: 2025 });

  it("covers the six quantum-native workloads with series of equal length", () => {
    expect(scenarios.map((s) => s.verdict.workload.kind)).toEqual([
      "shor",
      "grover",
      "chemistry",
      "hamiltonian-simulation",
      "qaoa-maxcut",
      "annealing-qubo",
    ]);
    for (const s of scenarios) {
      const c = s.crossover;
      expect(c.sizes.length).toBeGreaterThan(5);
      expect(c.classicalSeconds.length).toBe(c.sizes.length);
      expect(c.quantumSeconds.length).toBe(c.sizes.length);
      expect([...c.sizes].sort((a, b) => a - b)).toEqual(c.sizes);
      expect(c.reason.length).toBeGreaterThan(10);
      expect(s.verdict.crossover.size).toBe(c.nStar);
    }
  });

  it("n* sits where the curves cross: quantum ahead at the first grid size past n*, behind just before it", () => {
    for (const s of scenarios) {
      const c = s.crossover;
      if (c.nStar === null || c.status !== "year") continue;
      const after = c.sizes.findIndex((n) => n >= (c.nStar as number));
      if (after > 0) {
        expect(
          c.quantumSeconds[after - 1] >= c.classicalSeconds[after - 1] ||
            !Number.isFinite(c.quantumSeconds[after - 1]),
        ).toBe(true);
      }
    }
  });

  it("round-trips through JSON", () => {
    const j = JSON.parse(JSON.stringify(scenarios));
    expect(j[0].verdict.workload.id).toBe("shor-2048");
    expect(j[0].crossover.workload).toBe("shor");
  });
});

describe("roadmapSeries", () => {
  it("gives history, fits, projection lines to 2034 and milestones", () => {
    const r = roadmapSeries();
    expect(r.largestComputing.length).toBeGreaterThan(5);
    expect(r.projections.every((p) => p.points[p.points.length - 1].year === 2034)).toBe(true);
    expect(r.milestones.some((m) => m.vendor === "IBM")).toBe(true);
    expect(r.seedBreakEvenStart).toBe(312.5);
  });
});
