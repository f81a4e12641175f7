import { describe, expect, it } from "vitest";
import { parseWorkloadInput } from "../workloads/input.js";
import { getWorkload } from "../workloads/registry.js";
import { rankingRows, rankWorkloads } from "./ranking.js";

const evaluate = (kind: string, raw: Record<string, unknown>) => {
  const def = getWorkload(kind);
  return def.evaluate(parseWorkloadInput(def, raw), { t0: 2026, skipCrossover: true });
};

describe("where quantum fits", () => {
  it("orders by year (never last), then by how much the QPU helps, and names the QPU's stage", () => {
    const shor = evaluate("shor", { modulusBits: 2048 });
    const early = { ...shor, crossover: { ...shor.crossover, year: 2030, size: 100 } };
    const late = { ...shor, crossover: { ...shor.crossover, year: 2040, size: 100 } };
    const llm = evaluate("hybrid", { preset: "llm-quantum-layer" });
    const r = rankWorkloads([llm, late, early], ["llm", "late", "early"], 2026);
    expect(r.map((e) => e.workload)).toEqual(["early", "late", "llm"]);
    expect(r[0].qpuStage).toMatch(/^whole task/);
    expect(r[2].role).toBe("hybrid stage");
    // The quantum layer is slower than the dense layer it replaces: the QPU should take nothing.
    expect(r[2].qpuStage).toBeNull();
    expect(r[2].year).toBeNull();
    expect(rankingRows(r)[2][5]).toMatch(/keep it classical/);
  });

  it("a year band, when a verdict has one, ranks by its low end", () => {
    const shor = evaluate("shor", { modulusBits: 2048 });
    const banded = {
      ...shor,
      crossover: { ...shor.crossover, year: 2045, yearBand: { low: 2031, high: 2050 } },
    };
    const point = { ...shor, crossover: { ...shor.crossover, year: 2035 } };
    const r = rankWorkloads([point, banded], ["point", "banded"], 2026);
    expect(r[0].workload).toBe("banded");
    expect(rankingRows(r)[0][3]).toBe("2031–2050");
  });
});
