// Properties the estimator must keep whatever the numbers (fast-check, fixed seed): more GPUs never take longer
// (until the parallelism limit, after which time stays flat), lower gate error never lowers the success
// probability, more parameters never make the QPU faster.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DeviceTiming, successProbabilityLog10 } from "../src/device/timing.js";
import { estimateGpu } from "../src/estimate/gpu.js";
import { estimateLlmTrainingInput } from "../src/estimate/llm-workload.js";

const SEED = 20261201;

describe("estimator properties", () => {
  it("more GPUs → less time, until the workload's parallelism saturates (then flat)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e18, max: 1e27, noNaN: true }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (flops, a, b, limit) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const t = (n: number) => estimateGpu({ flops, maxUsefulGpus: limit }, { gpus: n }).seconds;
          expect(t(hi)).toBeLessThanOrEqual(t(lo) * (1 + 1e-12));
          if (hi <= limit && hi > lo) expect(t(hi)).toBeLessThan(t(lo));
          if (lo >= limit) expect(t(hi)).toBeCloseTo(t(lo), 6);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("lower gate error → higher estimated success probability", () => {
    const base: DeviceTiming = {
      oneQubitError: 1e-4,
      twoQubitError: 3e-3,
      readoutError: 1e-2,
      twoQubitGateNs: 60,
      readoutNs: 1000,
      coherenceUs: 200,
      oneQubitGateNs: 30,
      t1Us: 250,
      t2Us: 200,
      filledFrom: [],
    };
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 0.2, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 100_000 }),
        (e, shrink, gates) => {
          const shape = { qubits: 10, oneQubitGates: gates, twoQubitGates: gates, depth: gates };
          const worse = successProbabilityLog10(shape, { ...base, twoQubitError: e });
          const better = successProbabilityLog10(shape, { ...base, twoQubitError: e * shrink });
          expect(better).toBeGreaterThan(worse);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("more parameters → more QPU time", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 6, max: 13, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        (logN, dLog) => {
          const n = 10 ** logN;
          const t = (p: number) =>
            estimateLlmTrainingInput({ params: p, tokens: 20 * n }, { skipCrossover: true }).qpu.seconds;
          expect(t(n * 10 ** dLog)).toBeGreaterThan(t(n));
        },
      ),
      { seed: SEED, numRuns: 12 },
    );
  });

  it("an estimate that uses an unverified catalog value says so", () => {
    // TPU v5p's board power and price are unverified in the catalog; H100's peak is now from the datasheet.
    const g = estimateGpu({ flops: 1e24 }, { gpu: "tpu-v5p" });
    expect(g.unverified.some((u) => u.startsWith("tpu-v5p.priceUsdPerGpuHourLow"))).toBe(true);
    const h = estimateGpu({ flops: 1e24 }, { gpu: "h100" });
    expect(h.unverified.some((u) => u.startsWith("h100.peakBf16Tflops"))).toBe(false);
  });
});
