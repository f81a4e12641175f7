import { describe, expect, it } from "vitest";
import { catalog, sourceIds } from "../hardware/catalog.js";
import {
  checkSeedClaim,
  defaultGrowth,
  fitDoubling,
  interpolateLogLinear,
  largestComputingByYear,
  projectQubits,
  qubitHistory,
  seedBreakEvenStart,
  vendorLines,
  yearReaching,
} from "./qubit-trend.js";

describe("qubit history and trend fits", () => {
  it("every history entry cites a known source", () => {
    for (const e of qubitHistory)
      for (const id of sourceIds(e.source)) expect(catalog.sources[id], id).toBeDefined();
  });

  it("never mixes arrays or annealers into the computing series", () => {
    const series = largestComputingByYear();
    expect(series.find((p) => p.year === 2024)?.qubits).toBe(156);
    expect(series.every((p) => p.qubits < 5000)).toBe(true);
    expect(series.find((p) => p.year === 2018)).toBeUndefined(); // Bristlecone was announced, not benchmarked
  });

  it("IBM's largest chip 2016–2023 doubles about every 1.0 year (hardware.md §4 fit note)", () => {
    const ibm = largestComputingByYear("IBM").filter((p) => p.year <= 2023);
    expect(ibm.map((p) => p.qubits)).toEqual([5, 20, 53, 65, 127, 433, 1121]);
    expect(fitDoubling(ibm).doublingYears).toBeCloseTo(1.0, 1);
  });

  it("fits an exact exponential exactly", () => {
    const f = fitDoubling([2020, 2022, 2024].map((y) => ({ year: y, qubits: 100 * 2 ** ((y - 2020) / 2) })));
    expect(f.doublingYears).toBeCloseTo(2, 12);
    expect(f.r2).toBeCloseTo(1, 12);
  });

  it("reproduces the seed claim under its own assumptions, and shows where it breaks", () => {
    // A few hundred qubits in 2024, doubling every two years → under 10,000 by 2034.
    expect(checkSeedClaim(156, "IBM Heron r2").holds).toBe(true);
    expect(checkSeedClaim(156, "IBM Heron r2").projectedQubits).toBeCloseTo(4992, 6);
    expect(checkSeedClaim(300, "a few hundred").holds).toBe(true);
    expect(seedBreakEvenStart()).toBeCloseTo(312.5, 12);
    expect(checkSeedClaim(400, "four hundred").holds).toBe(false);
    expect(checkSeedClaim(1121, "IBM Condor").projectedQubits).toBeCloseTo(35_872, 6);
    expect(checkSeedClaim(156, "fitted pace", 1.0).holds).toBe(false);
  });

  it("projection and yearReaching are inverses", () => {
    const g = defaultGrowth();
    for (const q of [1e3, 1e6, 2e7]) expect(projectQubits(g, yearReaching(g, q))).toBeCloseTo(q, 6);
    expect(g.doublingYears).toBeGreaterThan(1);
  });

  it("vendor roadmaps: the claim fails under QuEra's and IonQ's, and holds under Quantinuum's (held flat after 2027)", () => {
    const lines = Object.fromEntries(vendorLines().map((v) => [v.vendor, v]));
    expect(lines.QuEra.seedHolds).toBe(false);
    expect(lines.IonQ.atEnd).toBe(2_000_000);
    expect(lines.Quantinuum.atEnd).toBe(192);
    expect(lines.Quantinuum.seedHolds).toBe(true);
    expect(lines.IBM.atEnd).toBe(1000);
  });

  it("interpolates roadmaps log-linearly and extends the end segments (MIT utils.js getPhysicalQubits)", () => {
    const pts = [
      { year: 2020, qubits: 10 },
      { year: 2022, qubits: 1000 },
      { year: 2024, qubits: 10_000 },
    ];
    expect(interpolateLogLinear(pts, 2022)).toBe(1000);
    expect(interpolateLogLinear(pts, 2021)).toBeCloseTo(100, 9);
    expect(interpolateLogLinear(pts, 2026)).toBeCloseTo(100_000, 6);
    expect(interpolateLogLinear(pts, 2019)).toBeCloseTo(1, 9);
  });
});
