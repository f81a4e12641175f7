// Published crossover figures reproduced by src/estimate/crossover.ts:
// - the MIT QEA calculator's sensitivity dataset (MIT-FutureTech/quantum-framework src/store/data.py at 9443bf8,
//   t0 = 2025, IBM roadmap before 2025-04-02; qea-framework.md §3b), to 0.01 years and 0.01 in log10 n*;
// - Babbush et al. 2021 Table I break-even times (estimation.md §4.2), within 5%;
// - Hoefler et al. 2023 Table 2, fp16 and int32 rows (estimation.md §4.1), within 2%.
import { describe, expect, it } from "vitest";
import { isQfitError } from "../src/errors.js";
import {
  babbushBreakEven,
  babbushToffoliSeconds,
  hoeflerMaxOpsPerCall,
  hoeflerRates,
  hoeflerTable2,
  ioBoundSeconds,
  qeaCrossover,
  qeaYearForLogicalQubits,
} from "../src/estimate/crossover.js";
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_YEAR } from "../src/units/quantity.js";

const YEARS = 0.01;
const within = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(rel);

describe("MIT QEA framework against the authors' sensitivity dataset (t0 = 2025)", () => {
  it.each([
    ["factoring", "ibm-2025-03", 2028.87, 2.31],
    ["search", "ibm-2025-03", 2028.09, 18.79],
    ["tsp", "ibm-2025-03", 2028.44, 2.03],
    ["factoring", "ionq-2025-03", 2026.55, 2.55],
    ["search", "ionq-2025-03", 2025.62, 26.85],
    ["tsp", "ionq-2025-03", 2026.04, 2.24],
    ["factoring", "quera", 2026.35, 2.33],
    ["search", "quera", 2025.55, 20.1],
    ["tsp", "quera", 2025.92, 2.07],
  ])("%s on %s: t* = %f, log10 n* = %f", (problem, hardware, year, nStar) => {
    const r = qeaCrossover({ problem, hardware, t0: 2025 });
    expect(r.status).toBe("year");
    expect(Math.abs((r.year as number) - year)).toBeLessThan(YEARS);
    expect(Math.abs((r.nStarLog10 as number) - nStar)).toBeLessThan(0.01);
    expect(r.reason).toMatch(/binding: feasibility/);
  });

  it("feasibility of 1024 logical qubits: 2031.2570641748607 at PLQR 264 (plot.py)", () => {
    expect(qeaYearForLogicalQubits("ibm-2025-03", 1024, 2025) as number).toBeCloseTo(2031.2570641748607, 5);
  });

  it.each([
    [3, 1024, 2027.39],
    [3, 2048, 2027.94],
    [3, 4096, 2028.5],
    [2000, 1024, 2034.48],
    [2000, 2048, 2035.58],
    [2000, 4096, 2036.68],
  ])("ibm_plqr sweep: PLQR %d reaches %d logical qubits in %f", (plqr, q, year) => {
    expect(Math.abs((qeaYearForLogicalQubits("ibm-2025-03", q, 2025, plqr) as number) - year)).toBeLessThan(
      YEARS,
    );
  });

  it("more classical processors never make the crossover earlier", () => {
    let prev = Number.NEGATIVE_INFINITY;
    for (const p of [0, 2, 4, 5, 6, 8, 10]) {
      for (const problem of ["factoring", "search"]) {
        const r = qeaCrossover({ problem, hardware: "ibm-2025-03", t0: 2025, processorsLog10: p });
        const y = r.year ?? Number.POSITIVE_INFINITY;
        if (problem === "factoring") {
          expect(y).toBeGreaterThanOrEqual(prev - 1e-9);
          prev = y;
        }
      }
    }
  });

  it("cost mode: a dearer quantum operation never makes cost advantage earlier; cost is never before speed here", () => {
    let prev = Number.NEGATIVE_INFINITY;
    for (const cf of [4, 6, 8, 10]) {
      const r = qeaCrossover({
        problem: "factoring",
        hardware: "ibm-2025-03",
        t0: 2025,
        mode: "cost",
        costFactorLog10: cf,
      });
      const y = r.year ?? Number.POSITIVE_INFINITY;
      expect(y).toBeGreaterThanOrEqual(prev);
      prev = y;
    }
    const cost = qeaCrossover({ problem: "factoring", hardware: "ibm-2025-03", t0: 2025, mode: "cost" });
    expect(cost.year as number).toBeGreaterThan(2028.87);
  });

  it("t0 is explicit: the same inputs a year later give a different answer", () => {
    const a = qeaCrossover({ problem: "factoring", hardware: "ibm", t0: 2025 });
    const b = qeaCrossover({ problem: "factoring", hardware: "ibm", t0: 2026 });
    expect(a.parameters.t0).toBe(2025);
    expect(b.year).not.toBe(a.year);
  });

  it("says 'already' or 'never' at the extremes", () => {
    const already = qeaCrossover({ problem: "factoring", hardware: "quera", t0: 2030 });
    expect(already.status).toBe("already");
    const later = qeaCrossover({
      problem: "search",
      hardware: "ionq",
      t0: 2025,
      hwsLog10: 30,
      qirPercentPerYear: 0,
    });
    expect(later.status).not.toBe("already");
  });

  it("rejects unknown presets and out-of-range inputs with user errors", () => {
    for (const bad of [
      () => qeaCrossover({ problem: "factoring", hardware: "nope", t0: 2025 }),
      () => qeaCrossover({ problem: "sorting", hardware: "ibm", t0: 2025 }),
      () => qeaCrossover({ problem: "factoring", hardware: "ibm", t0: 1900 }),
      () => qeaCrossover({ problem: "factoring", hardware: "ibm", t0: 2025, plqr: 1 }),
      () => qeaCrossover({ problem: "factoring", hardware: "ibm", t0: 2025, qirPercentPerYear: -100 }),
    ]) {
      try {
        bad();
        expect.unreachable();
      } catch (e) {
        expect(isQfitError(e) && e.userError).toBe(true);
      }
    }
  });
});

describe("Babbush et al. 2021 Table I break-even times", () => {
  // Lower-bound oracle: 100 Toffolis at t_G ≈ 30 × 5.5 × 1 µs (Eq. 6) ≈ 170 µs → t_Q ≈ 17 ms; t_C = 33 ns.
  const tQ = 17e-3;
  const tC = 33e-9;
  it("Eq. 6 gives t_G ≈ 170 µs and t_Q ≈ 17 ms for 100 Toffolis", () => {
    within(babbushToffoliSeconds(30, 1e-6), 170e-6, 0.05);
    within(100 * babbushToffoliSeconds(30, 1e-6), tQ, 0.05);
  });
  it.each([
    [1, 2.4 * SECONDS_PER_HOUR],
    [1e3, 100 * SECONDS_PER_DAY],
    [1e6, 280 * SECONDS_PER_YEAR],
  ])("d = 2, S = %d", (S, expected) => {
    within(
      babbushBreakEven({
        quantumSecondsPerCall: tQ,
        classicalSecondsPerCall: tC,
        degree: 2,
        classicalParallelism: S,
      }).breakEvenSeconds,
      expected,
      0.05,
    );
  });
  it("d = 2, S = 1: M* ≈ 5.2e5 calls", () => {
    within(
      babbushBreakEven({
        quantumSecondsPerCall: tQ,
        classicalSecondsPerCall: tC,
        degree: 2,
        classicalParallelism: 1,
      }).breakEvenCalls,
      5.2e5,
      0.05,
    );
  });
  it("quantum simulated annealing, SK model N = 512, d = 4, S = 1e6: 4.9 h", () => {
    within(
      babbushBreakEven({
        quantumSecondsPerCall: 0.44,
        classicalSecondsPerCall: 7e-9,
        degree: 4,
        classicalParallelism: 1e6,
      }).breakEvenSeconds,
      4.9 * SECONDS_PER_HOUR,
      0.05,
    );
  });
  it("more classical parallelism never makes break-even earlier", () => {
    let prev = 0;
    for (const S of [1, 10, 1e3, 1e6, 1e9]) {
      const t = babbushBreakEven({
        quantumSecondsPerCall: tQ,
        classicalSecondsPerCall: tC,
        degree: 3,
        classicalParallelism: S,
      }).breakEvenSeconds;
      expect(t).toBeGreaterThan(prev);
      prev = t;
    }
  });
});

describe("Hoefler et al. 2023 Table 2: maximum operations per oracle call", () => {
  // Table 1: future QC fp16 10.5 kop/s, int32 0.83 kop/s; ASIC fp16 550 Top/s, int32 215 Top/s; T = 1e6 s.
  const rows = {
    fp16: { rq: 10.5e3, rc: 550e12, table: [0.2, 45_800, 2_800_000] },
    int32: { rq: 0.83e3, rc: 215e12, table: [0.003, 1_630, 130_000] },
  };
  it("the data file holds Table 1's rates", () => {
    expect(hoeflerRates.machines.futureQc.fp16OpsPerS).toBe(rows.fp16.rq);
    expect(hoeflerRates.machines.asic.int32OpsPerS).toBe(rows.int32.rc);
    expect(hoeflerTable2("fp16", 3)).toBeCloseTo(
      hoeflerMaxOpsPerCall({ quantumOpsPerSecond: 10.5e3, classicalOpsPerSecond: 550e12, degree: 3 }),
      6,
    );
  });
  for (const [type, r] of Object.entries(rows)) {
    it.each([
      [2, 0],
      [3, 1],
      [4, 2],
    ])(`${type}, degree %d`, (k, i) => {
      const m = hoeflerMaxOpsPerCall({ quantumOpsPerSecond: r.rq, classicalOpsPerSecond: r.rc, degree: k });
      if (type === "int32" && k === 2) {
        // Printed with one significant figure: the value must round to it.
        expect(Number(m.toPrecision(1))).toBe(r.table[i]);
      } else within(m, r.table[i], 0.02);
    });
  }
  it("the I/O bound: 1 Gbit/s loads 1 GB in 8 s", () => {
    expect(ioBoundSeconds(8e9)).toBeCloseTo(8, 12);
  });
});
