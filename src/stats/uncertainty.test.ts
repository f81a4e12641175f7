import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Xoshiro128StarStar } from "../sim/prng.js";
import { fixed, quantileOf, type Range, widen } from "./distribution.js";
import { centralInputs, propagate, quantileSorted, quantiles } from "./monte-carlo.js";
import { firstCrossing } from "./root.js";
import { swingOf, tornado } from "./sensitivity.js";

const rng = (seed: number) => new Xoshiro128StarStar(seed, seed ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35);

const ranges: Record<"a" | "b" | "c", Range> = {
  a: { low: 0.1, central: 1, high: 10, distribution: "log-uniform" },
  b: { low: 1, central: 2, high: 5, distribution: "triangular" },
  c: { low: 1e-4, central: 1e-3, high: 1e-2, distribution: "log-triangular" },
};
const model = (x: Record<"a" | "b" | "c", number>) => ({
  y: Math.log10((x.a * x.b) / x.c),
  z: x.a > 5 ? Number.POSITIVE_INFINITY : x.a + x.b,
});

describe("distributions", () => {
  it("inverse CDFs stay in [low, high] and are monotone in u", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (u, v) => {
          for (const r of Object.values(ranges)) {
            const x = quantileOf(r, u);
            expect(x).toBeGreaterThanOrEqual(r.low * (1 - 1e-12));
            expect(x).toBeLessThanOrEqual(r.high * (1 + 1e-12));
            if (u <= v) expect(quantileOf(r, u)).toBeLessThanOrEqual(quantileOf(r, v) * (1 + 1e-12));
          }
        },
      ),
      { seed: 7 },
    );
  });
  it("a triangular's median is where its CDF is 1/2 (closed form)", () => {
    // For mode c ≥ (a+b)/2 the median is a + sqrt((b−a)(c−a)/2).
    const r: Range = { low: 0, central: 8, high: 10, distribution: "triangular" };
    expect(quantileOf(r, 0.5)).toBeCloseTo(Math.sqrt((10 * 8) / 2), 12);
  });
});

describe("Monte Carlo propagation", () => {
  it("quantiles are ordered and the same seed gives identical output", () => {
    const a = propagate(ranges, model, { samples: 2000, uniform: rng(42) });
    const b = propagate(ranges, model, { samples: 2000, uniform: rng(42) });
    expect(a).toEqual(b);
    for (const q of Object.values(a.quantiles)) {
      expect(q.p05).toBeLessThanOrEqual(q.p50);
      expect(q.p50).toBeLessThanOrEqual(q.p95);
    }
    const c = propagate(ranges, model, { samples: 2000, uniform: rng(43) });
    expect(c.quantiles.y.p50).not.toBe(a.quantiles.y.p50);
  });

  it("collapsing every range to its central value gives p05 = p50 = p95 = the point estimate", () => {
    const point = Object.fromEntries(
      Object.entries(ranges).map(([k, r]) => [k, fixed(r.central)]),
    ) as typeof ranges;
    const p = propagate(point, model, { samples: 500, uniform: rng(1) });
    const y = model(centralInputs(ranges)).y;
    expect(p.quantiles.y).toEqual({ p05: y, p50: y, p95: y, neverShare: 0 });
  });

  it("counts +Infinity as never and reports its share", () => {
    const p = propagate(ranges, model, { samples: 4000, uniform: rng(5) });
    // P(a > 5) for a log-uniform on [0.1, 10] is log(10/5)/log(100) = 0.1505.
    expect(p.quantiles.z.neverShare).toBeGreaterThan(0.1505 - 4 * Math.sqrt((0.15 * 0.85) / 4000));
    expect(p.quantiles.z.neverShare).toBeLessThan(0.1505 + 4 * Math.sqrt((0.15 * 0.85) / 4000));
    expect(p.quantiles.z.p95).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(p.quantiles.z.p50)).toBe(true);
  });

  it("the p50 of a model with a closed-form median matches it within its standard error", () => {
    // y = log10(a) + log10(1/c) with a and c log-uniform over symmetric decades: y is the sum of two independent
    // uniforms, symmetric about the sum of their midpoints, so its median is exactly log10(1) + 3 = 3. The sample
    // median's standard error is 1 / (2 f(m) √n) with f(m) = 1/2 (the triangular density peak for two uniforms of
    // width 2): 1/√n.
    const r = {
      a: { low: 0.1, central: 1, high: 10, distribution: "log-uniform" as const },
      c: { low: 1e-4, central: 1e-3, high: 1e-2, distribution: "log-uniform" as const },
    };
    const n = 10_000;
    const p = propagate(r, (x) => ({ y: Math.log10(x.a / x.c) }), { samples: n, uniform: rng(2026) });
    expect(Math.abs(p.quantiles.y.p50 - 3)).toBeLessThan(3 / Math.sqrt(n));
  });

  it("widening an input's range never narrows the output band of a model monotone in it (common random numbers)", () => {
    // With the other inputs held at their central values, every sample of the widened input moves outward from the
    // central value, so through a monotone model the output's p05 can only fall and its p95 only rise. (With the
    // other inputs varying too, the sample at the output's p05 need not be the one at the input's p05, and the band
    // can narrow by sampling noise; the exact statement is the one-input one.)
    fc.assert(
      fc.property(
        fc.constantFrom<"a" | "b" | "c">("a", "b", "c"),
        fc.double({ min: 1, max: 1.9, noNaN: true }), // b stays > 0 (the model takes its log)
        fc.integer({ min: 1, max: 1e6 }),
        (k, factor, seed) => {
          const f = (x: Record<"a" | "b" | "c", number>) => ({ y: model(x).y });
          const one = {
            a: fixed(ranges.a.central),
            b: fixed(ranges.b.central),
            c: fixed(ranges.c.central),
            [k]: ranges[k],
          };
          const base = propagate(one, f, { samples: 300, uniform: rng(seed) }).quantiles.y;
          const wide = propagate({ ...one, [k]: widen(ranges[k], factor) }, f, {
            samples: 300,
            uniform: rng(seed),
          }).quantiles.y;
          expect(wide.p05).toBeLessThanOrEqual(base.p05 + 1e-12);
          expect(wide.p95).toBeGreaterThanOrEqual(base.p95 - 1e-12);
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });

  it("interpolates quantiles like numpy (type 7) and refuses NaN", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(() => quantiles([1, Number.NaN])).toThrow(/NaN/);
  });
});

describe("tornado", () => {
  it("moves each input alone, sorts by swing, and matches a direct recomputation", () => {
    const f = (x: Record<"a" | "b" | "c", number>) => model(x).y;
    const bars = tornado(ranges, f);
    expect(bars.map((b) => b.input)).toEqual(["a", "c", "b"]);
    const centre = centralInputs(ranges);
    for (const b of bars) {
      expect(b.atLow).toBeCloseTo(f({ ...centre, [b.input]: ranges[b.input].low }), 12);
      expect(b.atHigh).toBeCloseTo(f({ ...centre, [b.input]: ranges[b.input].high }), 12);
    }
    for (let i = 1; i < bars.length; i++) expect(bars[i - 1].swing).toBeGreaterThanOrEqual(bars[i].swing);
    expect(tornado({ ...ranges, b: fixed(2) }, f).map((b) => b.input)).toEqual(["a", "c"]);
  });

  it("swings by max − min over low, central and high: an output that turns back inside the range still swings", () => {
    // y = (x − 1)² on [0, 2] about 1: both ends give 1, the centre 0; |high − low| would call it 0.
    const r = { x: { low: 0, central: 1, high: 2, distribution: "uniform" as const } };
    const [bar] = tornado(r, ({ x }) => (x - 1) ** 2);
    expect(bar.atLow).toBe(1);
    expect(bar.atHigh).toBe(1);
    expect(bar.swing).toBe(1);
    // Sorted by a key of a richer output: the signed value, not its folded magnitude.
    const signed = { x: { low: -2, central: 0.5, high: 2, distribution: "uniform" as const } };
    const out = (x: number) => ({ signed: x, folded: Math.abs(x) });
    const [b] = tornado(
      signed,
      ({ x }) => out(x),
      (o) => o.signed,
    );
    expect(b.swing).toBe(4);
    expect(b.atHigh.folded - b.atLow.folded).toBe(0);
    expect(swingOf(1, Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(swingOf(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(0);
    expect(swingOf(Number.NaN, 3, 1)).toBe(2);
  });
});

describe("firstCrossing", () => {
  it("finds the smallest integer where a decreasing gap closes, in far fewer evaluations than a sweep", () => {
    let calls = 0;
    const gap = (n: number) => {
      calls++;
      return 1000 - n; // closes at n = 1000
    };
    expect(firstCrossing(gap, 8, 16384, { integer: true, log: true })).toBe(1000);
    expect(calls).toBeLessThan(60);
  });
  it("returns the first of two crossings the grid resolves, and null when the gap never closes", () => {
    const twice = (x: number) => ((x > 10 && x < 20) || x > 500 ? -1 : 1);
    // A window narrower than one grid step (about 42 here) is missed, as documented; a finer grid resolves it.
    expect(firstCrossing(twice, 1, 1000, { integer: true })).toBe(501);
    expect(firstCrossing(twice, 1, 1000, { integer: true, grid: 200 })).toBe(11);
    expect(firstCrossing(() => 1, 1, 1e6, { log: true })).toBeNull();
    expect(firstCrossing(() => Number.POSITIVE_INFINITY, 1, 10)).toBeNull();
  });
  it("narrows a continuous crossing to the relative tolerance", () => {
    const x = firstCrossing((t) => Math.log(2026.5) - Math.log(t), 1000, 3000, { relTol: 1e-9 });
    expect(x).not.toBeNull();
    expect(Math.abs((x as number) - 2026.5) / 2026.5).toBeLessThan(1e-8);
  });
});
