// Properties of the fault-tolerant estimator (fast-check, fixed seeds), constraints, frontier and huge counts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  estimateFaultTolerant,
  estimateFrontier,
  type FtEstimate,
  type LogicalCounts,
  type QubitParamsInput,
} from "../src/estimate/ftqc/index.js";

const SEED = 20_221_114;

const gateQubit = (p: number): QubitParamsInput => ({
  instructionSet: "GateBased",
  oneQubitMeasurementTime: "100 ns",
  oneQubitGateTime: "50 ns",
  oneQubitMeasurementErrorRate: p,
  oneQubitGateErrorRate: p,
  tGateErrorRate: p,
});

const countsArb = fc
  .record({
    numQubits: fc.integer({ min: 1, max: 5_000 }),
    tCount: fc.integer({ min: 0, max: 100_000_000 }),
    measurementCount: fc.integer({ min: 0, max: 10_000_000 }),
    cczCount: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .filter((c) => c.tCount + c.measurementCount + c.cczCount > 0);

function dominates(a: FtEstimate, b: FtEstimate): boolean {
  const [qa, ta] = [a.physicalCounts.physicalQubits, a.physicalCounts.runtime];
  const [qb, tb] = [b.physicalCounts.physicalQubits, b.physicalCounts.runtime];
  return qa <= qb && ta <= tb && (qa < qb || ta < tb);
}

describe("properties", () => {
  it("lower physical error never needs a larger code distance, nor more algorithm qubits", () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.double({ min: 1e-5, max: 2e-3, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (counts, p, ratio) => {
          const worse = estimateFaultTolerant(counts, { qubitParams: gateQubit(p) });
          const better = estimateFaultTolerant(counts, { qubitParams: gateQubit(p * ratio) });
          expect(better.logicalQubit.codeDistance).toBeLessThanOrEqual(worse.logicalQubit.codeDistance);
          expect(better.physicalCounts.breakdown.physicalQubitsForAlgorithm).toBeLessThanOrEqual(
            worse.physicalCounts.breakdown.physicalQubitsForAlgorithm,
          );
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("lower physical error never needs more physical qubits when qubits are minimised (frontier)", () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.double({ min: 1e-5, max: 2e-3, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (counts, p, ratio) => {
          const worse = estimateFrontier(counts, { qubitParams: gateQubit(p) });
          const better = estimateFrontier(counts, { qubitParams: gateQubit(p * ratio) });
          expect(better[0].physicalCounts.physicalQubits).toBeLessThanOrEqual(
            worse[0].physicalCounts.physicalQubits,
          );
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("the single-point estimate is not monotone in qubits (Azure model): better qubits → shorter cycles → more factories", () => {
    // Found by fast-check: p = 2e-3 gives d = 29; p = 1.366e-3 gives d = 23, a shorter run, so more factories run
    // in parallel to keep up and the total grows. The frontier test above holds; this pins the documented quirk.
    const counts = { numQubits: 3, tCount: 23_467_892, measurementCount: 2_023_786, cczCount: 552_030 };
    const worse = estimateFaultTolerant(counts, { qubitParams: gateQubit(2e-3) });
    const better = estimateFaultTolerant(counts, { qubitParams: gateQubit(2e-3 * 0.6830470466060434) });
    expect(better.logicalQubit.codeDistance).toBeLessThan(worse.logicalQubit.codeDistance);
    expect(better.physicalCounts.runtime).toBeLessThan(worse.physicalCounts.runtime);
    expect(better.physicalCounts.breakdown.numTfactories).toBeGreaterThan(
      worse.physicalCounts.breakdown.numTfactories,
    );
    expect(better.physicalCounts.physicalQubits).toBeGreaterThan(worse.physicalCounts.physicalQubits);
  });

  it("a larger tCount never shortens the runtime", () => {
    fc.assert(
      fc.property(countsArb, fc.integer({ min: 1, max: 100_000_000 }), (counts, extra) => {
        const a = estimateFaultTolerant(counts);
        const b = estimateFaultTolerant({ ...counts, tCount: counts.tCount + extra });
        expect(b.physicalCounts.runtime).toBeGreaterThanOrEqual(a.physicalCounts.runtime);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("a bigger error budget never needs more physical qubits when qubits are minimised (frontier)", () => {
    fc.assert(
      fc.property(countsArb, fc.double({ min: 1e-6, max: 0.3, noNaN: true }), (counts, eps) => {
        const tight = estimateFrontier(counts, { errorBudget: eps });
        const loose = estimateFrontier(counts, { errorBudget: Math.min(0.9, eps * 3) });
        expect(loose[0].physicalCounts.physicalQubits).toBeLessThanOrEqual(
          tight[0].physicalCounts.physicalQubits,
        );
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("a bigger error budget never needs a larger code distance", () => {
    fc.assert(
      fc.property(countsArb, fc.double({ min: 1e-6, max: 0.3, noNaN: true }), (counts, eps) => {
        const tight = estimateFaultTolerant(counts, { errorBudget: eps });
        const loose = estimateFaultTolerant(counts, { errorBudget: Math.min(0.9, eps * 3) });
        expect(loose.logicalQubit.codeDistance).toBeLessThanOrEqual(tight.logicalQubit.codeDistance);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("the frontier is a Pareto set: sorted by qubits, runtimes strictly falling, no point dominates another", () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.constantFrom("qubit_gate_ns_e3", "qubit_gate_ns_e4", "qubit_maj_ns_e4"),
        (counts, q) => {
          const front = estimateFrontier(counts, { qubitParams: q });
          expect(front.length).toBeGreaterThan(0);
          for (let i = 1; i < front.length; i++) {
            expect(front[i].physicalCounts.physicalQubits).toBeGreaterThan(
              front[i - 1].physicalCounts.physicalQubits,
            );
            expect(front[i].physicalCounts.runtime).toBeLessThan(front[i - 1].physicalCounts.runtime);
          }
          for (const a of front) for (const b of front) expect(dominates(a, b)).toBe(false);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it("the frontier contains the fastest single-point design of the same inputs (ii_counts)", () => {
    const counts = { numQubits: 100, tCount: 1_000_000, measurementCount: 100_000 };
    const front = estimateFrontier(counts);
    const single = estimateFaultTolerant(counts);
    const last = front[front.length - 1];
    expect(last.physicalCounts.physicalQubits).toBe(single.physicalCounts.physicalQubits);
    expect(last.physicalCounts.runtime).toBe(single.physicalCounts.runtime);
    expect(front[0].physicalCounts.physicalQubits).toBeLessThan(single.physicalCounts.physicalQubits);
    expect(front.every((e) => e.jobParams.estimateType === "frontier")).toBe(true);
  });
});

describe("constraints", () => {
  const counts = { numQubits: 100, tCount: 1_000_000, measurementCount: 100_000 };
  const free = estimateFaultTolerant(counts);

  it("maxTFactories caps the factories and stretches the runtime", () => {
    const e = estimateFaultTolerant(counts, { constraints: { maxTFactories: 3 } });
    expect(e.physicalCounts.breakdown.numTfactories).toBeLessThanOrEqual(3);
    expect(e.physicalCounts.runtime).toBeGreaterThan(free.physicalCounts.runtime);
    expect(e.physicalCounts.physicalQubits).toBeLessThan(free.physicalCounts.physicalQubits);
  });

  it("logicalDepthFactor stretches the logical depth by at least the factor", () => {
    const e = estimateFaultTolerant(counts, { constraints: { logicalDepthFactor: 2 } });
    expect(e.physicalCounts.breakdown.logicalDepth).toBeGreaterThanOrEqual(2 * 1_100_000);
    expect(e.physicalCounts.breakdown.algorithmicLogicalDepth).toBe(1_100_000);
  });

  it("maxDuration and maxPhysicalQubits are honoured", () => {
    const slow = estimateFaultTolerant(counts, { constraints: { maxDuration: 30e9 } });
    expect(slow.physicalCounts.runtime).toBeLessThanOrEqual(30e9);
    expect(slow.physicalCounts.physicalQubits).toBeLessThan(free.physicalCounts.physicalQubits);
    const small = estimateFaultTolerant(counts, { constraints: { maxPhysicalQubits: 300_000 } });
    expect(small.physicalCounts.physicalQubits).toBeLessThanOrEqual(300_000);
    expect(small.physicalCounts.runtime).toBeGreaterThan(free.physicalCounts.runtime);
  });
});

describe("huge counts (the Azure estimator overflows above 2^32)", () => {
  const sane = (e: FtEstimate) => {
    const pc = e.physicalCounts;
    for (const v of [
      pc.physicalQubits,
      pc.runtime,
      pc.rqops,
      pc.breakdown.numTfactories,
      pc.breakdown.logicalDepth,
    ])
      expect(Number.isFinite(v)).toBe(true);
    expect(pc.physicalQubits).toBe(
      pc.breakdown.physicalQubitsForAlgorithm + pc.breakdown.physicalQubitsForTfactories,
    );
    expect(e.logicalQubit.codeDistance % 2).toBe(1);
    // The factories deliver every T state within the runtime.
    const f = e.tfactory!;
    const runsPerFactory = Math.floor(pc.runtime / f.runtime);
    expect(runsPerFactory * f.numTstates * pc.breakdown.numTfactories).toBeGreaterThanOrEqual(
      pc.breakdown.numTstates * (1 - 1e-12),
    );
    // The logical error stays within its budget.
    const logicalFailure =
      pc.breakdown.algorithmicLogicalQubits * pc.breakdown.logicalDepth * e.logicalQubit.logicalErrorRate;
    expect(logicalFailure).toBeLessThanOrEqual(e.errorBudget.logical * (1 + 1e-9));
    expect(f.logicalErrorRate).toBeLessThanOrEqual(pc.breakdown.requiredLogicalTstateErrorRate!);
  };

  it("1e20 T gates, rotations and Toffolis", () => {
    const counts: LogicalCounts = {
      numQubits: 10_000,
      tCount: 1e20,
      rotationCount: 1e20,
      rotationDepth: 1e19,
      cczCount: 1e20,
    };
    const e = estimateFaultTolerant(counts, { qecScheme: { name: "surface_code", maxCodeDistance: 99 } });
    sane(e);
    expect(e.physicalCounts.breakdown.numTstates).toBeGreaterThan(5e21);
    expect(e.logicalQubit.codeDistance).toBeGreaterThan(50);
  });

  it("1e30 T gates on qubit_gate_ns_e4: finite, and runtime grows linearly with the count", () => {
    const e30 = estimateFaultTolerant(
      { numQubits: 1_000_000, tCount: 1e30, measurementCount: 1e30 },
      { qubitParams: "qubit_gate_ns_e4" },
    );
    sane(e30);
    expect(e30.physicalCounts.breakdown.logicalDepth).toBe(2e30);
    const e29 = estimateFaultTolerant(
      { numQubits: 1_000_000, tCount: 1e29, measurementCount: 1e29 },
      { qubitParams: "qubit_gate_ns_e4" },
    );
    const ratio = e30.physicalCounts.runtime / e29.physicalCounts.runtime;
    expect(ratio).toBeGreaterThanOrEqual(10);
    expect(ratio).toBeLessThan(12);
    expect(
      estimateFrontier({ numQubits: 1_000_000, tCount: 1e30 }, { qubitParams: "qubit_gate_ns_e4" }).length,
    ).toBeGreaterThan(0);
  });

  it("the default model refuses 1e30 with a clear Infeasible error (d would exceed maxCodeDistance 50)", () => {
    expect(() => estimateFaultTolerant({ numQubits: 1_000_000, tCount: 1e30 })).toThrowError(
      /maxCodeDistance/,
    );
  });
});
