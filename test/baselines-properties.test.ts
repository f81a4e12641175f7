// Properties of the classical baselines and the quantum costs they face (issue 12): a more favourable quantum
// input never makes the quantum side slower, and the classical side never gets slower when given more help.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dmrgCost } from "../src/estimate/baselines/dmrg.js";
import { mpsBondDimensionLog2, squareLattice } from "../src/estimate/baselines/lattice-dynamics.js";
import { repetitionsToTarget } from "../src/estimate/baselines/time-to-target.js";
import { directSeconds } from "../src/estimate/native.js";
import { annealingQuboModel } from "../src/workloads/annealing-qubo.js";
import { hamiltonianSimulationModel } from "../src/workloads/hamiltonian-simulation.js";

const SEED = { seed: 12, numRuns: 200 };

describe("time-to-target", () => {
  it("a higher per-read success probability never needs more reads", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (a, b, conf) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(repetitionsToTarget(hi, conf)).toBeLessThanOrEqual(repetitionsToTarget(lo, conf));
        },
      ),
      SEED,
    );
  });

  it("a higher annealer success probability never makes the annealer slower", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 0.9, noNaN: true }), (p) => {
        const slow = annealingQuboModel({ successProbability: p }).quantum(1000);
        const fast = annealingQuboModel({ successProbability: Math.min(1, p * 1.5) }).quantum(1000);
        expect(
          fast.kind === "annealer" && slow.kind === "annealer" && directSeconds(fast) <= directSeconds(slow),
        ).toBe(true);
      }),
      { seed: 3, numRuns: 50 },
    );
  });
});

describe("lattice dynamics", () => {
  it("the MPS bond-dimension bound never exceeds the exact 2^⌊n/2⌋ and never shrinks with more layers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 400 }), fc.integer({ min: 0, max: 200 }), (n, layers) => {
        const lat = squareLattice(n, "open");
        const b = mpsBondDimensionLog2(lat, layers);
        expect(b).toBeLessThanOrEqual(Math.floor(n / 2));
        expect(mpsBondDimensionLog2(lat, layers + 1)).toBeGreaterThanOrEqual(b);
      }),
      SEED,
    );
  });

  it("more GPUs never make the classical side slower (2D Ising)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 60 }), fc.integer({ min: 1, max: 1000 }), (n, gpus) => {
        const few = hamiltonianSimulationModel({ sites: n, gpuCount: gpus });
        const many = hamiltonianSimulationModel({ sites: n, gpuCount: gpus * 4 });
        const t = (m: typeof few) => m.classical(n).ops / m.machine.count;
        expect(t(many)).toBeLessThanOrEqual(t(few) * (1 + 1e-12));
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});

describe("DMRG", () => {
  it("cost and memory never fall as the bond dimension grows, and saturate at the exact bound", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 120 }), fc.integer({ min: 1, max: 1e5 }), (k, m) => {
        const a = dmrgCost(k, m, 1);
        const b = dmrgCost(k, m * 2, 1);
        expect(b.flops).toBeGreaterThanOrEqual(a.flops);
        expect(b.memoryBytes).toBeGreaterThanOrEqual(a.memoryBytes);
        expect(Math.log2(a.bondDimension)).toBeLessThanOrEqual(2 * Math.floor(k / 2) + 1e-9);
      }),
      SEED,
    );
  });
});
