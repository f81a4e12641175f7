// The hybrid workload through the registry (the path the CLI, scenario files and the API take).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkClass, linkClasses } from "../estimate/hybrid.js";
import { factorSum } from "../verdict/compose.js";
import { HYBRID_PRESETS, type HybridVerdict } from "./hybrid.js";
import { parseWorkloadInput } from "./input.js";
import { getWorkload } from "./registry.js";

const def = getWorkload("hybrid");
const run = (raw: Record<string, unknown>): HybridVerdict =>
  def.evaluate(parseWorkloadInput(def, raw), { t0: 2026, skipCrossover: true }) as HybridVerdict;

const arbStages = fc.tuple(
  fc.record({
    name: fc.constant("classical"),
    device: fc.constantFrom("h100", "a100", "b200", "fugaku-node"),
    count: fc.integer({ min: 1, max: 4096 }),
    // No subnormal FLOP counts: a stage of 1e-310 FLOP divides Infinity by Infinity in the factors.
    flops: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e18, noNaN: true })),
  }),
  fc.record({
    name: fc.constant("qpu"),
    device: fc.constantFrom("ibm-heron-r2", "quantinuum-h2", "google-willow"),
    qubits: fc.integer({ min: 2, max: 40 }),
    depth: fc.integer({ min: 1, max: 200 }),
    circuits: fc.integer({ min: 0, max: 1000 }),
    shots: fc.integer({ min: 1, max: 10000 }),
    bytesIn: fc.integer({ min: 0, max: 1e9 }),
    bytesOut: fc.integer({ min: 0, max: 1e9 }),
  }),
);

const arbRaw = fc.record({
  stages: arbStages,
  link: fc.constantFrom(...linkClasses.map((l) => l.id)),
  iterations: fc.integer({ min: 1, max: 1e5 }),
  roundTrips: fc.integer({ min: 0, max: 10 }),
});

describe("hybrid workload (registry)", () => {
  it("shares of stages and link sum to 1; factors sum to log10(hybrid / classical)", () => {
    fc.assert(
      fc.property(arbRaw, (raw) => {
        const v = run(raw);
        if (v.perIteration.seconds === 0) return;
        const total = v.stages.reduce((a, s) => a + s.share, 0) + v.link.share;
        expect(total).toBeCloseTo(1, 9);
        const best = v.strategies[0];
        if (v.classical.seconds > 0)
          expect(factorSum(best.bottlenecks)).toBeCloseTo(Math.log10(best.seconds / v.classical.seconds), 6);
      }),
      { numRuns: 60 },
    );
  });

  it("no faster QPU (more shots removed) beats the Amdahl bound", () => {
    fc.assert(
      fc.property(arbRaw, fc.integer({ min: 2, max: 1000 }), (raw, k) => {
        const slow = run({ ...raw, stages: [raw.stages[0], { ...raw.stages[1], shots: 10000 }] });
        const fast = run({
          ...raw,
          stages: [raw.stages[0], { ...raw.stages[1], shots: Math.max(1, Math.floor(10000 / k)) }],
        });
        if (fast.strategies[0].seconds === 0) return;
        const speedup = slow.strategies[0].seconds / fast.strategies[0].seconds;
        expect(speedup).toBeLessThanOrEqual(slow.amdahlBound * (1 + 1e-9));
        expect(slow.amdahlBoundWithLink).toBeGreaterThanOrEqual(slow.amdahlBound);
      }),
      { numRuns: 60 },
    );
  });

  it("a free link and a free QPU stage reduce to the classical stages' time, on both sides", () => {
    fc.assert(
      fc.property(arbRaw, (raw) => {
        const stages = [raw.stages[0], { ...raw.stages[1], circuits: 0, bytesIn: 0, bytesOut: 0 }];
        const v = run({ ...raw, stages, roundTrips: 0 });
        const classicalStages = v.stages.filter((s) => !s.quantum).reduce((a, s) => a + s.seconds, 0);
        expect(v.link.seconds).toBe(0);
        expect(v.strategies[0].seconds).toBeCloseTo(classicalStages, 9);
        // The all-classical way replaces zero circuits with zero work: the same time.
        expect(v.classical.seconds).toBeCloseTo(classicalStages, 9);
      }),
      { numRuns: 60 },
    );
  });

  it("every preset evaluates with sources and the JSON the issue names", () => {
    for (const preset of HYBRID_PRESETS) {
      const v = run({ preset });
      expect(v.stages.length).toBeGreaterThan(1);
      for (const s of v.stages)
        expect(Object.keys(s)).toEqual(expect.arrayContaining(["name", "device", "seconds", "share"]));
      expect(Object.keys(v.link)).toEqual(expect.arrayContaining(["kind", "seconds", "share"]));
      expect(v.amdahlBound).toBeGreaterThanOrEqual(1);
      expect(v.sources.length).toBeGreaterThan(0);
    }
  });

  it("LLM training with a quantum layer: the QPU stage and the link take > 99% of the wall time", () => {
    // Why: a training step of 1.68e17 FLOP on 1,024 H100s at 40% of BF16 peak takes ~0.4 s, but the quantum layer
    // runs one circuit per token — 4e6 circuits × 100 shots × (10 layers × t_2q + readout) ≈ 1,000 s on one QPU —
    // and 6.6e10 B of activations cross the link each step. The GPUs wait for the QPU: hybrid does not help here.
    const v = run({ preset: "llm-quantum-layer" });
    const qpu = v.stages.filter((s) => s.quantum).reduce((a, s) => a + s.share, 0);
    expect(qpu + v.link.share).toBeGreaterThan(0.99);
    expect(v.winner).toBe("classical");
    // The numbers behind it: QPU stage seconds per iteration = circuits × shots × shot time.
    const gpuStage = v.stages.find((s) => !s.quantum)!;
    expect(gpuStage.secondsPerIteration).toBeCloseTo(1.68e17 / (1024 * 989e12 * 0.4), 1);
    const lk = linkClass("co-located");
    expect(v.link.secondsPerIteration).toBeCloseTo(
      lk.roundTripSeconds.central + 6.6e10 / lk.bandwidthBytesPerSecond.central,
      6,
    );
  });

  it("a cloud link instead of a tightly coupled one moves the share to the link", () => {
    const cloud = run({ preset: "vqe-gpu", link: "cloud" });
    const tight = run({ preset: "vqe-gpu", link: "tightly-coupled" });
    expect(cloud.link.share).toBeGreaterThan(tight.link.share);
    expect(cloud.strategies[0].seconds).toBeGreaterThan(tight.strategies[0].seconds);
  });

  it("an unknown stage device is a user error naming the field", () => {
    expect(() => run({ stages: [{ name: "x", device: "nope", flops: 1 }] })).toThrow(/unknown device "nope"/);
  });
});
