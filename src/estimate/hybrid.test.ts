import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateHybrid, HYBRID_SCHEDULES, type HybridInput, linkClass, linkClasses } from "./hybrid.js";

const arbInput: fc.Arbitrary<HybridInput> = fc.record({
  stages: fc.array(
    fc.record({
      name: fc.string({ minLength: 1, maxLength: 8 }),
      device: fc.constant("dev"),
      quantum: fc.boolean(),
      secondsPerIteration: fc.double({ min: 0, max: 1e4, noNaN: true }),
      powerW: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
      usdPerSecond: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  iterations: fc.integer({ min: 1, max: 1e6 }),
  schedule: fc.constantFrom(...HYBRID_SCHEDULES),
  link: fc.record({
    kind: fc.constantFrom(...linkClasses.map((l) => l.id)),
    roundTripSeconds: fc.double({ min: 0, max: 1e3, noNaN: true }),
    bytesPerSecond: fc.double({ min: 1, max: 1e11, noNaN: true }),
    roundTripsPerIteration: fc.integer({ min: 0, max: 100 }),
    bytesPerIteration: fc.double({ min: 0, max: 1e9, noNaN: true }),
  }),
});

describe("hybrid pipelines", () => {
  it("shares sum to 1 and the Amdahl bound is never exceeded by a faster QPU", () => {
    fc.assert(
      fc.property(arbInput, fc.double({ min: 1, max: 1e9, noNaN: true }), (input, speedup) => {
        const r = estimateHybrid(input);
        if (r.secondsPerIteration === 0) return;
        const total = r.stages.reduce((a, s) => a + s.share, 0) + r.link.share;
        expect(total).toBeCloseTo(1, 9);
        const faster = estimateHybrid({
          ...input,
          stages: input.stages.map((s) =>
            s.quantum ? { ...s, secondsPerIteration: s.secondsPerIteration / speedup } : s,
          ),
        });
        expect(r.seconds / faster.seconds).toBeLessThanOrEqual(r.amdahlBound * (1 + 1e-9));
        expect(r.amdahlBoundWithLink).toBeGreaterThanOrEqual(r.amdahlBound);
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it("a free link and a free QPU stage reduce to the classical stages' time", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const free = estimateHybrid({
          ...input,
          link: { ...input.link, roundTripSeconds: 0, bytesPerIteration: 0 },
          stages: input.stages.map((s) => (s.quantum ? { ...s, secondsPerIteration: 0 } : s)),
        });
        const classical = input.stages
          .filter((s) => !s.quantum)
          .reduce((a, s) => a + s.secondsPerIteration, 0);
        expect(free.seconds).toBeCloseTo(classical * input.iterations, 6);
      }),
      { seed: 20, numRuns: 200 },
    );
  });

  it("overlapped: the wall time is the longer side plus the link, and the busy time still splits into shares", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const seq = estimateHybrid({ ...input, schedule: "sequential" });
        const ovl = estimateHybrid({ ...input, schedule: "overlapped" });
        const side = (q: boolean) =>
          input.stages.filter((s) => s.quantum === q).reduce((a, s) => a + s.secondsPerIteration, 0);
        expect(ovl.secondsPerIteration).toBeCloseTo(
          Math.max(side(true), side(false)) + seq.link.secondsPerIteration,
          6,
        );
        // Overlap never costs time, and the shares are the same split of the same busy time.
        expect(ovl.seconds).toBeLessThanOrEqual(seq.seconds * (1 + 1e-12));
        expect(ovl.busySecondsPerIteration).toBeCloseTo(seq.secondsPerIteration, 6);
        for (const [i, s] of ovl.stages.entries()) expect(s.share).toBeCloseTo(seq.stages[i].share, 12);
      }),
      { seed: 21, numRuns: 200 },
    );
  });

  it("carries the link classes' sourced figures", () => {
    // NVQLink: round trip under 4.0 µs, 400 Gb/s (Caldwell et al. 2025, arXiv:2510.25213).
    const t = linkClass("tightly-coupled");
    expect(t.roundTripSeconds.high).toBe(4e-6);
    expect(t.bandwidthBytesPerSecond.central * 8).toBe(400e9);
    for (const l of linkClasses) expect(l.roundTripSeconds.low).toBeLessThanOrEqual(l.roundTripSeconds.high);
    // Cloud ≫ co-located ≫ tightly coupled, at every end of their ranges' centres.
    expect(linkClass("cloud").roundTripSeconds.central).toBeGreaterThan(
      linkClass("co-located").roundTripSeconds.central,
    );
    expect(linkClass("co-located").roundTripSeconds.central).toBeGreaterThan(t.roundTripSeconds.central);
  });
});
