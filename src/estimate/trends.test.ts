import { describe, expect, it } from "vitest";
import { historyFit } from "./qubit-trend.js";
import {
  classicalSpeedupAt,
  errorRateAt,
  qubitDoublingRange,
  qubitsAt,
  studentT975,
  trendRanges,
  yearOfAdvantage,
} from "./trends.js";

describe("time trends", () => {
  it("Student's t beyond the table's 30 degrees of freedom matches the printed values", () => {
    // NIST/SEMATECH e-Handbook §1.3.6.7.2: 40 → 2.021, 60 → 2.000, 100 → 1.984, and the expansion joins the
    // table at 30 (2.042).
    for (const [df, t] of [
      [31, 2.04],
      [40, 2.021],
      [60, 2.0],
      [100, 1.984],
    ] as const)
      expect(Math.abs(studentT975(df) - t)).toBeLessThan(1.5e-3);
    expect(studentT975(2)).toBe(4.303);
  });

  it("the qubit doubling range brackets the history fit's central value", () => {
    const r = qubitDoublingRange();
    expect(r.central).toBeCloseTo(historyFit().doublingYears, 10);
    expect(r.low).toBeLessThan(r.central);
    expect(r.high).toBeGreaterThan(r.central);
  });

  it("every trend range is ordered and has a basis", () => {
    for (const [name, r] of Object.entries(trendRanges())) {
      expect(r.low, name).toBeLessThanOrEqual(r.central);
      expect(r.central, name).toBeLessThanOrEqual(r.high);
      expect(r.basis, name).toBeTruthy();
    }
  });

  it("projects error rates to a floor and classical speed-ups by doubling", () => {
    expect(errorRateAt(1e-3, 2030, 2026, 2, 1e-4)).toBeCloseTo(2.5e-4, 12);
    expect(errorRateAt(1e-3, 2050, 2026, 2, 1e-4)).toBe(1e-4);
    expect(classicalSpeedupAt(2030.14, 2026, 2.07)).toBeCloseTo(4, 2);
    expect(qubitsAt(156, 2028, 2024, 2)).toBeCloseTo(624, 9);
  });

  it("finds the closed-form year of advantage when both sides improve", () => {
    // Quantum 10^4× slower in 2026, its speed doubling yearly; classical doubling every 2 years. The gap closes
    // by log10(2)·(1 − 1/2) orders a year: year = 2026 + 4 / (0.5·log10 2) = 2052.575…
    const gap = (y: number) => 4 - (y - 2026) * Math.log10(2) * (1 - 1 / 2);
    const y = yearOfAdvantage(gap, 2026);
    expect(y).not.toBeNull();
    expect(Math.abs((y as number) - (2026 + 4 / (0.5 * Math.log10(2))))).toBeLessThan(0.01);
    // When classical improves as fast as quantum, the gap never closes.
    expect(yearOfAdvantage(() => 4, 2026)).toBeNull();
    // Not enough qubits before 2040: the answer is no earlier than that.
    const gated = (y: number) => (y < 2040 ? Number.POSITIVE_INFINITY : -1);
    expect(yearOfAdvantage(gated, 2026)).toBeCloseTo(2040, 3);
  });
});
