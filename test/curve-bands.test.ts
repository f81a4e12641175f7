// Bands along the crossover curves (issue 13 §6): ordered at every size, reproducible from the seed, the point curve
// when every range is a point, and the verdict's own band at an anchor size (the same samples, the same engine).
import { describe, expect, it } from "vitest";
import { crossover as apiCrossover } from "../src/api/handlers.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { pointRanges } from "../src/estimate/uncertainty.js";
import type { QuantilesJson } from "../src/verdict/contract.js";
import { anchorIndexes, CURVE_ANCHORS, CURVE_SAMPLES, curveBands } from "../src/workloads/curve-bands.js";
import { parseWorkloadInput } from "../src/workloads/input.js";
import { getWorkload } from "../src/workloads/registry.js";
import { crossoverSweep } from "../src/workloads/sweep.js";
import { verdictRanges, verdictUncertainty } from "../src/workloads/uncertainty.js";

const T0 = 2026;
const ctx = { t0: T0 };
const inf = (v: number | null) => v ?? Number.POSITIVE_INFINITY;

function setup(kind: string) {
  const def = getWorkload(kind);
  const input = parseWorkloadInput(def, {});
  // Built for the default uncertainty request, as the report and `qfit crossover` build it: its surface is the
  // verdict's band's, which the curves reuse at the instance's size.
  const sweep = crossoverSweep(def, input, ctx, { request: {} });
  return { def, input, sweep };
}

describe("curve bands", () => {
  for (const kind of ["shor", "chemistry", "qaoa-maxcut"]) {
    it(`${kind}: p05 ≤ p50 ≤ p95 at every plotted size, on both sides, and the band holds real spread`, () => {
      const { def, input, sweep } = setup(kind);
      const b = curveBands(def, input, ctx, sweep, { curveSamples: 400 })!;
      expect(b.classicalSeconds).toHaveLength(sweep.series.sizes.length);
      expect(b.quantumSeconds).toHaveLength(sweep.series.sizes.length);
      const ordered = (q: QuantilesJson) => {
        expect(inf(q.p05)).toBeLessThanOrEqual(inf(q.p50));
        expect(inf(q.p50)).toBeLessThanOrEqual(inf(q.p95));
      };
      b.classicalSeconds.forEach(ordered);
      b.quantumSeconds.forEach(ordered);
      // The ranges are real: somewhere each side's band has width (below its median: a fault-tolerant side's p95
      // can be "cannot run", null, where the sampled error rates leave the code unable to correct).
      expect(b.classicalSeconds.some((q) => q.p05 !== null && q.p50 !== null && q.p50 > q.p05)).toBe(true);
      expect(b.quantumSeconds.some((q) => q.p05 !== null && q.p50 !== null && q.p50 > q.p05)).toBe(true);
      // The curve's anchors are plotted sizes, ends included.
      expect(b.anchors[0]).toBe(sweep.series.sizes[0]);
      expect(b.anchors.at(-1)).toBe(sweep.series.sizes.at(-1));
    });
  }

  it("the same seed gives identical bands; another seed other bands", () => {
    const { def, input, sweep } = setup("shor");
    const run = (seed: number) => curveBands(def, input, ctx, sweep, { seed, curveSamples: 300 });
    expect(run(11)).toEqual(run(11));
    expect(run(12)!.quantumSeconds).not.toEqual(run(11)!.quantumSeconds);
  });

  it("collapsing every range to its central value gives width 0, equal to the point curve at every size", () => {
    const { def, input, sweep } = setup("shor");
    const overrides = pointRanges(verdictRanges(def, input, ctx));
    const b = curveBands(def, input, ctx, sweep, { overrides, curveSamples: 50 })!;
    sweep.series.sizes.forEach((_, i) => {
      const c = sweep.series.classicalSeconds[i];
      const q = sweep.series.quantumSeconds[i];
      expect(b.classicalSeconds[i]).toEqual({ p05: c, p50: c, p95: c, neverShare: 0 });
      const qj = Number.isFinite(q) ? q : null;
      expect(b.quantumSeconds[i]).toEqual({
        p05: qj,
        p50: qj,
        p95: qj,
        neverShare: Number.isFinite(q) ? 0 : 1,
      });
    });
  });

  for (const kind of ["shor", "qaoa-maxcut"])
    it(`${kind}: interpolating between 3 anchors stays within 0.25 decades of the lean path built at every size`, () => {
      const { def, input, sweep } = setup(kind);
      const opts = { curveSamples: 400, seed: 9 };
      const a = curveBands(def, input, ctx, sweep, opts)!;
      const e = curveBands(def, input, ctx, sweep, { ...opts, anchors: 1000 })!;
      expect(e.anchors).toEqual(sweep.series.sizes);
      let compared = 0;
      for (const side of ["classicalSeconds", "quantumSeconds"] as const)
        a[side].forEach((q, i) => {
          for (const p of ["p05", "p50", "p95"] as const) {
            const x = q[p];
            const y = e[side][i][p];
            if (x === null || y === null) continue;
            compared++;
            expect(Math.abs(Math.log10(x / y))).toBeLessThan(0.25);
          }
        });
      expect(compared).toBeGreaterThan(60);
    });

  it("--no-uncertainty (point) omits the bands", () => {
    const { def, input, sweep } = setup("shor");
    expect(curveBands(def, input, ctx, sweep, { point: true })).toBeNull();
  });

  it("at an anchor size the band is that size's verdict band: the same first samples, the same lean path", () => {
    const { def, input, sweep } = setup("shor");
    const N = 500;
    const b = curveBands(def, input, ctx, sweep, { samples: N, seed: 3 })!;
    expect(b.samples).toBe(N);
    const ranges = verdictRanges(def, input, ctx);
    const close = (band: QuantilesJson, q: QuantilesJson) => {
      for (const p of ["p05", "p50", "p95"] as const) {
        // null ("cannot run" at that quantile) on both or neither.
        expect(band[p] === null).toBe(q[p] === null);
        if (q[p] !== null) expect(Math.abs(Math.log10(band[p]! / q[p]!))).toBeLessThan(1e-9);
      }
    };
    // A grid anchor (the smallest plotted size): the lean path built there, headline only.
    const n = sweep.series.sizes[0];
    expect(b.anchors).toContain(n);
    const at = { ...input, [def.headline.field]: n };
    const u = verdictUncertainty(def, at, ctx, sweep.verdicts.get(n)!, {
      samples: N,
      seed: 3,
      overrides: ranges,
      headlineOnly: true,
    }).uncertainty.quantiles;
    close(b.classicalSeconds[0], u.classicalSeconds);
    close(b.quantumSeconds[0], u.quantumSeconds);
    expect(u.quantumSeconds.p05).not.toBeNull();
    // The instance's own size (2048 bits, a plotted size): an anchor with the verdict's own surface, so the curve's
    // band there is the verdict's band, sample for sample.
    const nI = input[def.headline.field] as number;
    const i = sweep.series.sizes.indexOf(nI);
    expect(i).toBeGreaterThan(0);
    expect(b.anchors).toContain(nI);
    const own = verdictUncertainty(
      def,
      input,
      ctx,
      sweep.verdicts.get(nI)!,
      { samples: N, seed: 3 },
      sweep.surface,
    ).uncertainty.quantiles;
    close(b.classicalSeconds[i], own.classicalSeconds);
    close(b.quantumSeconds[i], own.quantumSeconds);
  });

  it("budgets its work: curves default to the first 2,000 samples, and evaluations scale with the anchors", () => {
    const { def, input, sweep } = setup("shor");
    const b5 = curveBands(def, input, ctx, sweep, { anchors: 5, curveSamples: 10 })!;
    const b2 = curveBands(def, input, ctx, sweep, { anchors: 2, curveSamples: 10 })!;
    expect(b5.anchors).toHaveLength(5);
    expect(b2.anchors).toHaveLength(2);
    // The one-input grids are evaluated once per anchor, the same number at each; the instance's anchor (one of
    // b5's, none of b2's: two anchors are the ends) reuses the verdict's surface and evaluates nothing.
    expect(b5.anchors).toContain(input[def.headline.field]);
    expect(b5.evaluations / 4).toBe(b2.evaluations / 2);
    expect(b5.evaluations).toBeGreaterThan(0);
    const d = curveBands(def, input, ctx, sweep, { samples: 10_000 })!;
    expect(d.samples).toBe(CURVE_SAMPLES);
    expect(d.anchors).toHaveLength(CURVE_ANCHORS);
    expect(anchorIndexes(16, 5)).toEqual([0, 4, 8, 11, 15]);
    expect(anchorIndexes(3, 5)).toEqual([0, 1, 2]);
  });
});

describe("curve bands in the crossover JSON, CLI and API alike", () => {
  async function cliJson(args: string[]) {
    const io = memoryIo();
    expect(await main(["crossover", ...args, "--t0", String(T0), "--json"], io)).toBe(0);
    return JSON.parse(io.out);
  }

  it("qfit crossover --json carries physical.bands (one quantile triple per plotted size); --no-uncertainty omits them", async () => {
    const j = await cliJson(["qaoa-maxcut", "--samples", "300", "--seed", "4"]);
    const b = j.physical.bands;
    expect(b.samples).toBe(300);
    expect(b.seed).toBe(4);
    expect(b.classicalSeconds).toHaveLength(j.physical.sizes.length);
    expect(b.quantumSeconds).toHaveLength(j.physical.sizes.length);
    const p = await cliJson(["qaoa-maxcut", "--no-uncertainty"]);
    expect(p.physical).not.toHaveProperty("bands");
    expect(p.physical.sizes).toEqual(j.physical.sizes);
  });

  it("POST /api/crossover gives the CLI's bands for the same settings; uncertainty: false omits them; --range moves them", async () => {
    const j = await cliJson(["qaoa-maxcut", "--samples", "300", "--seed", "4"]);
    const a = apiCrossover({ kind: "qaoa-maxcut", t0: T0, samples: 300, seed: 4 });
    expect(a.bands).toEqual(j.physical.bands);
    expect(apiCrossover({ kind: "qaoa-maxcut", t0: T0, uncertainty: false })).not.toHaveProperty("bands");
    // Widening the classical throughput's range widens the classical band at every size it is finite.
    const wide = await cliJson([
      "qaoa-maxcut",
      "--samples",
      "300",
      "--seed",
      "4",
      "--range",
      "classicalThroughputFactor=0.1:1:10:log-uniform",
    ]);
    const w = (q: QuantilesJson) => Math.log10(q.p95! / q.p05!);
    j.physical.bands.classicalSeconds.forEach((q: QuantilesJson, i: number) => {
      if (q.p05 === null || q.p95 === null) return;
      expect(w(wide.physical.bands.classicalSeconds[i])).toBeGreaterThanOrEqual(w(q) - 1e-12);
    });
    expect(
      wide.physical.bands.classicalSeconds.some(
        (q: QuantilesJson, i: number) =>
          q.p05 !== null && w(q) > w(j.physical.bands.classicalSeconds[i]) + 0.5,
      ),
    ).toBe(true);
  });
});
