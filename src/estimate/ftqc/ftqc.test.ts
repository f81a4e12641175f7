import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFormula } from "./formula.js";
import { psspcLayout, resolveErrorBudget, validateCounts } from "./layout.js";
import { resolveQecScheme } from "./qec.js";
import { resolveQubit } from "./qubit.js";
import { binomialQuantile, outputErrorRate } from "./tfactory.js";

/** Exact binomial CDF by direct summation (small n), for checking the log-space quantile. */
function bruteQuantile(alpha: number, n: number, q: number): number {
  const s = 1 - q;
  let cum = 0;
  let c = 1;
  for (let k = 0; k <= n; k++) {
    if (k > 0) c = (c * (n - k + 1)) / k;
    cum += c * s ** k * q ** (n - k);
    if (cum >= alpha * (1 - 1e-12)) return k;
  }
  return n;
}

describe("formula evaluator", () => {
  it("evaluates the reference's formula strings", () => {
    const f = parseFormula("(4 * twoQubitGateTime + 2 * oneQubitMeasurementTime) * codeDistance", "x");
    expect(f.evaluate({ twoQubitGateTime: 50, oneQubitMeasurementTime: 100, codeDistance: 21 })).toBe(8_400);
    expect(
      parseFormula("4 * codeDistance * codeDistance + 8 * (codeDistance - 1)", "x").evaluate({
        codeDistance: 5,
      }),
    ).toBe(132);
    expect(parseFormula("2 * codeDistance^2", "x").evaluate({ codeDistance: 3 })).toBe(18);
    expect(parseFormula("-2^2 + max(1, sqrt(16))", "x").evaluate({})).toBe(0);
    expect(parseFormula("2^3^2", "x").evaluate({})).toBe(512);
  });
  it("rejects code, unknown names and bad syntax", () => {
    expect(() => parseFormula("process.exit(1)", "f")).toThrowError(/cannot parse/);
    expect(() => parseFormula("1 +", "f")).toThrowError(/unexpected end/);
    expect(() => parseFormula("codeDistance * foo", "f").evaluate({ codeDistance: 3 })).toThrowError(/foo/);
  });
});

describe("binomial quantile", () => {
  it("agrees with direct summation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        (n, q, alpha) => {
          expect(binomialQuantile(alpha, n, q)).toBe(bruteQuantile(alpha, n, q));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe("layout and budget", () => {
  it("PSSPC: Q = 2·Q_alg + ⌈√(8·Q_alg)⌉ + 1 and T_rot from arXiv:2203.10064", () => {
    const c = validateCounts({
      numQubits: 100,
      rotationCount: 30_100,
      rotationDepth: 501,
      measurementCount: 140_000,
    });
    const b = resolveErrorBudget(1e-3, c);
    expect(b.rotations).toBeCloseTo(1e-3 / 3, 15);
    const l = psspcLayout(c, b);
    expect(l.logicalQubits).toBe(230);
    expect(l.numTsPerRotation).toBe(Math.ceil(0.53 * Math.log2(30_100 / (1e-3 / 3)) + 4.86));
    expect(l.logicalDepth).toBe(140_000 + 30_100 + 19 * 501);
  });
  it("a budget without T states goes entirely to the logical part", () => {
    const c = validateCounts({ numQubits: 4, measurementCount: 10 });
    expect(resolveErrorBudget(0.01, c)).toEqual({ logical: 0.01, tstates: 0, rotations: 0 });
  });
});

describe("QEC models", () => {
  it("code distance is the smallest odd d meeting the requirement", () => {
    const qec = resolveQecScheme("surface_code", resolveQubit("qubit_gate_ns_e3"));
    fc.assert(
      fc.property(fc.double({ min: 1e-30, max: 1e-3, noNaN: true }), (req) => {
        let d: number;
        try {
          d = qec.codeDistanceFor(req);
        } catch {
          return;
        }
        expect(d % 2).toBe(1);
        expect(qec.logicalErrorRate(d)).toBeLessThanOrEqual(req * (1 + 1e-9));
        if (d >= 3) expect(qec.logicalErrorRate(d - 2)).toBeGreaterThan(req * (1 - 1e-9));
      }),
      { seed: 11, numRuns: 300 },
    );
  });
  it("a readout error rate above threshold (Clifford rate below it) leaves no distance: infeasible, not d = 1", () => {
    // surface_code's threshold is 0.01; the physical error rate is max(Clifford, readout) = 0.02.
    const qubit = resolveQubit({
      instructionSet: "GateBased",
      oneQubitMeasurementTime: 100,
      oneQubitGateTime: 50,
      oneQubitMeasurementErrorRate: 0.02,
      oneQubitGateErrorRate: 0.001,
      tGateErrorRate: 0.001,
      idleErrorRate: 0.001,
    });
    const qec = resolveQecScheme("surface_code", qubit);
    expect(qec.logicalErrorRate(1)).toBeGreaterThan(1e-6);
    expect(() => qec.codeDistanceFor(1e-6)).toThrow(/above maxCodeDistance/);
    // A requirement d = 1 meets is still met there.
    expect(qec.codeDistanceFor(qec.logicalErrorRate(1))).toBe(1);
  });
  it("the 15-to-1 output error is 35·p³ + 7.1·p_cliff (Beverland et al. App. C)", () => {
    expect(outputErrorRate(1e-3, 3e-5)).toBeCloseTo(35e-9 + 7.1 * 3e-5, 15);
  });
});
