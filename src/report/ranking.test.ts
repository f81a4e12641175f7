import { describe, expect, it } from "vitest";
import type { VerdictV2 } from "../verdict/contract.js";
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

  it("a year band, when a verdict has one, ranks by its median, then its low end, and is shown as a band", () => {
    const shor = evaluate("shor", { modulusBits: 2048 });
    const withBand = (p05: number | null, p50: number | null, p95: number | null, neverShare = 0) =>
      ({
        samples: 1000,
        seed: 1,
        method: "separable",
        quantiles: { crossoverYear: { p05, p50, p95, neverShare } },
      }) as unknown as VerdictV2["uncertainty"];
    const at = (year: number, u: VerdictV2["uncertainty"]) => ({
      ...shor,
      crossover: { ...shor.crossover, year },
      uncertainty: u,
    });
    const wide = at(2045, withBand(2031, 2040, 2050));
    const narrow = at(2045, withBand(2036, 2040, 2044));
    const point = at(2035.6, undefined);
    // Crosses in some samples but never in most: the median says never, so it ranks after every year.
    const mostlyNever = at(2030, withBand(2026, null, null, 0.6));
    const r = rankWorkloads(
      [mostlyNever, narrow, point, wide],
      ["mostly-never", "narrow", "point", "wide"],
      2026,
    );
    expect(r.map((e) => e.workload)).toEqual(["point", "wide", "narrow", "mostly-never"]);
    expect(r[1].year).toBe(2040);
    const rows = rankingRows(r);
    expect(rows[0][3]).toBe("2035"); // a calendar year, not 2035.6
    expect(rows[1][3]).toBe("2031–2050, median 2040");
    expect(rows[3][3]).toBe("2026–never, median never");
    expect(rows[3][5]).toMatch(/keep it classical/);
  });
});
