// Classical baselines and quantum costs reproduced from their primary sources (issue 12, item 5). Each block
// names the source whose figure it reproduces; tolerances are stated where the code's model is not exact.
import { describe, expect, it } from "vitest";
import {
  gidney2025,
  gidney2025Cost,
  yokedLayoutPhysicalQubits,
} from "../src/estimate/baselines/shor-gidney2025.js";
import { estimateNative } from "../src/estimate/native.js";
import { SECONDS_PER_YEAR } from "../src/units/quantity.js";
import { gnfsCoreSeconds, shorData, shorModel } from "../src/workloads/shor.js";

const T0 = { t0: 2025 };

describe("RSA-2048: Gidney 2025 (arXiv:2505.15917), the default quantum cost", () => {
  it("less than a million noisy qubits: the layout tally is 897,864", () => {
    const q = yokedLayoutPhysicalQubits(gidney2025.layout);
    expect(q).toBe(897_864);
    expect(q).toBeLessThan(1e6);
  });

  it("less than a week, at 0.1% gate error, 1 µs cycle, 10 µs reaction time", () => {
    const c = gidney2025Cost(2048);
    expect(c.runtimeDaysUnder).toBeLessThanOrEqual(7);
    expect(gidney2025.assumptions).toMatchObject({
      gateErrorRate: 1e-3,
      surfaceCodeCycleUs: 1,
      reactionTimeUs: 10,
    });
  });

  it("the verdict feeds Gidney 2025's logical counts to the estimator and reports the paper's own layout", () => {
    const v = estimateNative(shorModel(), T0);
    expect(v.quantumDetail.estimate?.logicalCounts).toMatchObject({ numQubits: 1411, cczCount: 6.5e9 });
    expect(v.notes.join(" ")).toMatch(/897,864 physical qubits \(< 1,000,000\), under 7 days/);
    // The generic estimator layout (15-to-1 factories, no yoked storage) needs more than the paper's layout,
    // but far fewer than Gidney–Ekerå 2019's counts.
    const ge = estimateNative(shorModel({ costSource: "gidney-ekera-2019" }), T0);
    expect(v.qpu.qubits).toBeGreaterThan(897_864);
    expect(v.qpu.qubits).toBeLessThan(ge.qpu.qubits);
    expect(v.unverified.join(" ")).toMatch(/Gidney 2025 Toffoli count/);
  });

  it("Gidney–Ekerå 2019 stays available as an option (6,189 logical qubits at 2048 bits)", () => {
    const v = estimateNative(shorModel({ costSource: "gidney-ekera-2019" }), T0);
    expect(v.quantumDetail.estimate?.logicalCounts.numQubits).toBe(6189);
    expect(() => shorModel({ costSource: "shor-1994" as never })).toThrow(/costSource/);
  });
});

describe("GNFS (classical side of RSA): calibrated on RSA-240, checked on RSA-250", () => {
  it("the L_N scaling from RSA-240 (900 core-years) predicts RSA-250's 2,700 core-years within 15%", () => {
    const c = shorData.gnfs.check;
    const predicted = gnfsCoreSeconds(c.bits) / SECONDS_PER_YEAR;
    expect(Math.abs(predicted / c.coreYears - 1)).toBeLessThan(0.15);
  });

  it("RSA-2048 by GNFS is infeasible within the one-year horizon on 10^5 cores", () => {
    const v = estimateNative(shorModel(), T0);
    expect(v.gpu.feasible).toBe(false);
    expect(v.notes.join(" ")).toMatch(/classical side infeasible/);
  });
});
