// Every verdict as a range (issue 13): the uncertainty and sensitivity attached to every registry workload's
// verdict, checked against the point estimate and against direct recomputation through the workload itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { resolveQubit } from "../src/estimate/ftqc/qubit.js";
import { errorRateAt, trendRanges } from "../src/estimate/trends.js";
import { widen } from "../src/stats/distribution.js";
import { bestStrategy } from "../src/verdict/compose.js";
import { getWorkload, workloads } from "../src/workloads/registry.js";
import { evaluateVerdict } from "../src/workloads/sweep.js";
import { verdictUncertainty } from "../src/workloads/uncertainty.js";

const T0 = 2026;
const SAMPLES = 400;

function point(kind: string, raw: Record<string, unknown> = {}) {
  const def = getWorkload(kind);
  const input = def.input.parse(raw) as Record<string, unknown>;
  const verdict = def.evaluate(input as never, { t0: T0 });
  return { def, input, verdict };
}

async function run(args: string[]) {
  const io = memoryIo({});
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe("uncertainty of every registry workload", () => {
  for (const w of workloads) {
    it(`${w.kind}: collapsed ranges give p05 = p50 = p95 = the point estimate; quantiles ordered when sampled`, () => {
      const { def, input, verdict } = point(w.kind);
      const best = bestStrategy(verdict);
      const { uncertainty: u } = verdictUncertainty(def, input, { t0: T0 }, verdict, { point: true });
      const q = u.quantiles;
      const same = (o: keyof typeof q, value: number | null) => {
        expect(q[o].p05).toBe(q[o].p50);
        expect(q[o].p95).toBe(q[o].p50);
        if (value === null || !Number.isFinite(value)) expect(q[o].p50).toBeNull();
        else expect(q[o].p50).toBeCloseTo(value, 9);
      };
      same("speedupLog10", verdict.speedupLog10);
      same("qpuOverGpuLog10", verdict.qpuOverGpuLog10);
      expect(q.classicalSeconds.p50! / verdict.classical.seconds).toBeCloseTo(1, 12);
      if (Number.isFinite(best.seconds)) expect(q.quantumSeconds.p50! / best.seconds).toBeCloseTo(1, 12);
      if (Number.isFinite(best.physicalQubits))
        expect(q.physicalQubits.p50! / best.physicalQubits).toBeCloseTo(1, 12);
      // The crossover size found on the lean path's size table (16 log-spaced exact evaluations, linear in between)
      // is the sweep's n* (exact bisection) to within the interpolation: 1%.
      if (verdict.crossover.size === null) expect(q.crossoverSize.p50).toBeNull();
      else expect(Math.abs(q.crossoverSize.p50! / verdict.crossover.size - 1)).toBeLessThan(0.01);
      // The year: `crossover.year` is the year model at central inputs, so the collapsed band is that year.
      same("crossoverYear", verdict.crossover.year);

      const sampled = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: SAMPLES });
      expect(sampled.uncertainty.samples).toBe(SAMPLES);
      for (const [name, b] of Object.entries(sampled.uncertainty.quantiles)) {
        const order = [b.p05, b.p50, b.p95].map((x) => (x === null ? Number.POSITIVE_INFINITY : x));
        expect(order[0], name).toBeLessThanOrEqual(order[1]);
        expect(order[1], name).toBeLessThanOrEqual(order[2]);
      }
      // Every bar of the tornado is sorted by swing (null: unbounded).
      const swing = (b: (typeof sampled.sensitivity)[number]) => b.swingLog10 ?? Number.POSITIVE_INFINITY;
      for (let i = 1; i < sampled.sensitivity.length; i++)
        expect(swing(sampled.sensitivity[i - 1])).toBeGreaterThanOrEqual(swing(sampled.sensitivity[i]));
    });
  }

  it("the same seed gives identical output; another seed different samples", () => {
    const { def, input, verdict } = point("qaoa-maxcut");
    const a = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 300, seed: 7 });
    const b = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 300, seed: 7 });
    const c = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 300, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.uncertainty.quantiles.speedupLog10.p50).not.toBe(a.uncertainty.quantiles.speedupLog10.p50);
  });

  it("the point estimate at central values is exactly today's verdict (sampled = central changes nothing)", () => {
    for (const w of workloads) {
      const { def, input, verdict } = point(w.kind);
      const ranges = def.ranges?.(input as never, { t0: T0 }) ?? {};
      const central = Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, r.central]));
      const again = def.evaluate(input as never, { t0: T0, sampled: central });
      expect(again.speedupLog10, w.kind).toBe(verdict.speedupLog10);
      expect(again.classical.seconds, w.kind).toBe(verdict.classical.seconds);
      expect(bestStrategy(again).seconds, w.kind).toBe(bestStrategy(verdict).seconds);
    }
  });

  it("widening one input's range never narrows the band of an output monotone in it (property)", () => {
    // qpuOverGpuLog10 = log10(quantum / classical seconds) falls as the classical side's throughput falls…
    // i.e. it is monotone in classicalThroughputFactor; every other input keeps its range (common random numbers).
    // 1,000 nodes: the classical SDP's work (~7 ms) sits above the GPU job floor (10 µs), where throughput counts.
    const { def, input, verdict } = point("qaoa-maxcut", { nodes: 1000 });
    const base = def.ranges!(input as never, { t0: T0 }).classicalThroughputFactor;
    fc.assert(
      fc.property(fc.double({ min: 1, max: 4, noNaN: true }), (factor) => {
        const band = (f: number) =>
          verdictUncertainty(def, input, { t0: T0 }, verdict, {
            samples: 200,
            overrides: { classicalThroughputFactor: widen(base, f) },
          }).uncertainty.quantiles.qpuOverGpuLog10;
        const narrow = band(1);
        const wide = band(factor);
        expect(wide.p05!).toBeLessThanOrEqual(narrow.p05! + 1e-12);
        expect(wide.p95!).toBeGreaterThanOrEqual(narrow.p95! - 1e-12);
      }),
      { numRuns: 6, seed: 13 },
    );
  });

  it("LLM training: the tornado's largest swing is the largest of a direct recomputation through the workload", () => {
    const { def, input, verdict } = point("llm-training");
    const { sensitivity } = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 50 });
    const ranges = def.ranges!(input as never, { t0: T0 });
    const central = Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, r.central]));
    // The swing: max − min of the signed log10(quantum / classical time) over the input's low, central and high.
    const direct = Object.entries(ranges).map(([k, r]) => {
      const at = (x: number) =>
        def.evaluate(input as never, { t0: T0, skipCrossover: true, sampled: { ...central, [k]: x } })
          .qpuOverGpuLog10;
      const ys = [at(r.low), at(r.central), at(r.high)];
      return { input: k, swing: Math.max(...ys) - Math.min(...ys) };
    });
    const top = direct.reduce((a, b) => (b.swing > a.swing ? b : a));
    // Inputs that scale the same time by the same factor tie (gate time and algorithm constant, both 0.5–2× on the
    // fault-tolerant runtime): the first bar is one whose directly recomputed swing is the largest.
    expect(direct.find((d) => d.input === sensitivity[0].input)!.swing).toBeCloseTo(top.swing, 9);
    expect(sensitivity[0].swingLog10).toBeCloseTo(top.swing, 9);
    // The ranged inputs must move the headline at all (with ft-arithmetic best, ε no longer does; MFU and PUE do).
    expect(top.swing).toBeGreaterThan(0.05);
  });

  it("Monte Carlo p50 through a real workload matches the closed-form median within its standard error", () => {
    // Only classicalThroughputFactor varies: log-triangular on [0.5, 2] about 1 is symmetric in log, so its median
    // is 1 and qpuOverGpuLog10 (∝ log10 throughput, exactly: T_c = ops / rate above the GPU job floor, hence 1,000
    // nodes) has median = the point estimate.
    const { def, input, verdict } = point("qaoa-maxcut", { nodes: 1000 });
    const ranges = def.ranges!(input as never, { t0: T0 });
    const overrides = Object.fromEntries(
      Object.entries(ranges)
        .filter(([k]) => k !== "classicalThroughputFactor")
        .map(([k, r]) => [k, { ...r, low: r.central, high: r.central }]),
    );
    const n = 4000;
    const u = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: n, overrides }).uncertainty;
    // Triangular on [−a, a] in log10 (a = log10 2): density at the median 1/a; SE of the median = 1/(2 f √n).
    const a = Math.log10(2);
    const se = a / (2 * Math.sqrt(n));
    expect(Math.abs(u.quantiles.qpuOverGpuLog10.p50! - verdict.qpuOverGpuLog10)).toBeLessThan(3 * se);
    expect(u.quantiles.qpuOverGpuLog10.p95! - u.quantiles.qpuOverGpuLog10.p05!).toBeGreaterThan(a);
  });
});

describe("qfit estimate: uncertainty options", () => {
  it("--json carries uncertainty {samples, seed, quantiles} and the tornado; --no-uncertainty gives a point", async () => {
    const r = await run([
      "estimate",
      "qaoa-maxcut",
      "--t0",
      "2026",
      "--samples",
      "500",
      "--seed",
      "3",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v.uncertainty.samples).toBe(500);
    expect(v.uncertainty.seed).toBe(3);
    expect(v.uncertainty.quantiles.crossoverYear).toHaveProperty("neverShare");
    expect(v.sensitivity[0]).toHaveProperty("speedupLog10AtLow");
    const p = JSON.parse(
      (await run(["estimate", "qaoa-maxcut", "--t0", "2026", "--no-uncertainty", "--json"])).out,
    );
    expect(p.uncertainty.method).toBe("point");
    expect(p.uncertainty.quantiles.speedupLog10.p05).toBe(p.speedupLog10);
  });

  it("--range overrides one input; bad ranges and unknown names exit 2 naming them", async () => {
    const r = await run([
      "estimate",
      "qaoa-maxcut",
      "--t0",
      "2026",
      "--samples",
      "200",
      "--json",
      "--range",
      "classicalThroughputFactor=1:1:1:fixed",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).uncertainty.ranges.classicalThroughputFactor.high).toBe(1);
    const bad = await run(["estimate", "qaoa-maxcut", "--range", "classicalThroughputFactor=2:1:3"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/low ≤ central ≤ high/);
    const unknown = await run(["estimate", "qaoa-maxcut", "--range", "warpFactor=1:2:3"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/warpFactor/);
    const samples = await run(["estimate", "qaoa-maxcut", "--samples", "0"]);
    expect(samples.code).toBe(2);
  });
});

describe("the lean path's shortcuts change no number", () => {
  it('proving "never" without a year search gives the same quantiles as searching every sample\'s year', () => {
    for (const w of workloads) {
      const { def, input, verdict } = point(w.kind);
      const fast = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 300, seed: 5 });
      const slow = verdictUncertainty(def, input, { t0: T0 }, verdict, {
        samples: 300,
        seed: 5,
        searchEveryYear: true,
      });
      expect(fast.uncertainty.quantiles, w.kind).toEqual(slow.uncertainty.quantiles);
    }
  });

  it("the tornado's ends, taken from the lean path's grids, are the workload's own evaluations", () => {
    const { def, input, verdict } = point("shor");
    const { sensitivity } = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 20 });
    const ranges = def.ranges!(input as never, { t0: T0 });
    const central = Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, r.central]));
    for (const bar of sensitivity.filter((b) => b.input in ranges)) {
      // JSON has no infinity: a side that cannot run at an end is null there.
      const at = (x: number) => {
        const s = def.evaluate(input as never, {
          t0: T0,
          skipCrossover: true,
          sampled: { ...central, [bar.input]: x },
        }).speedupLog10;
        return Number.isFinite(s) ? s : null;
      };
      expect(bar.speedupLog10AtLow, bar.input).toBe(at(bar.low));
      expect(bar.speedupLog10AtHigh, bar.input).toBe(at(bar.high));
    }
  });
});

describe("API and CLI: one set of uncertainty settings and defaults", () => {
  it("the API takes the CLI's settings and defaults (bands on unless uncertainty: false) and its own budget", async () => {
    const { estimate } = await import("../src/api/handlers.js");
    const on = estimate({ kind: "qaoa-maxcut", t0: T0 });
    expect(on.uncertainty).toMatchObject({ samples: 10_000, seed: 20_261_202, method: "separable" });
    const cli = JSON.parse((await run(["estimate", "qaoa-maxcut", "--t0", "2026", "--json"])).out);
    expect(cli.uncertainty.quantiles).toEqual(JSON.parse(JSON.stringify(on.uncertainty!.quantiles)));
    // uncertainty: false is --no-uncertainty: the same point uncertainty and tornado, field by field (one function).
    const off = estimate({ kind: "qaoa-maxcut", t0: T0, uncertainty: false });
    const cliOff = JSON.parse(
      (await run(["estimate", "qaoa-maxcut", "--t0", "2026", "--no-uncertainty", "--json"])).out,
    );
    expect(off.uncertainty?.method).toBe("point");
    expect(JSON.parse(JSON.stringify(off))).toEqual(cliOff);
    expect(off.speedupLog10).toBe(on.speedupLog10);
    expect(() => estimate({ kind: "qaoa-maxcut", samples: 20_001 })).toThrow(/samples/);
  });
});

describe("the vendor-roadmap scenario (issue 13 §4)", () => {
  it("roadmap capacity: the largest physical-qubit claim made by each year, per vendor or all, claims held", async () => {
    const { roadmapCapacity } = await import("../src/estimate/roadmap.js");
    const { catalog } = await import("../src/hardware/catalog.js");
    const all = roadmapCapacity();
    for (let i = 1; i < all.years.length; i++) {
      expect(all.years[i]).toBeGreaterThan(all.years[i - 1]);
      expect(all.qubits[i]).toBeGreaterThanOrEqual(all.qubits[i - 1]);
    }
    // Every step is a catalog claim: the largest physical claim made for that year or earlier.
    all.years.forEach((y, i) => {
      const claims = catalog.roadmap.filter((m) => m.year <= y && m.physicalQubits !== null);
      expect(all.qubits[i]).toBe(Math.max(...claims.map((m) => m.physicalQubits!)));
    });
    const ibm = roadmapCapacity("ibm-2025-03");
    expect(ibm.vendors).toEqual(["IBM"]);
    expect(ibm.label).toMatch(/IBM's roadmap/);
    expect(() => roadmapCapacity("nobody")).toThrow(/no vendor roadmap/);
  });

  it("the roadmap year is searched like the trend's: at central inputs it is a claim year, and honours the vendor", () => {
    const { def, input, verdict } = point("shor");
    const year = (vendor?: string) =>
      verdictUncertainty(def, input, { t0: T0 }, verdict, { point: true, roadmapVendor: vendor }).uncertainty
        .quantiles.crossoverYearRoadmap.p50;
    // Google claims ~1e6 physical qubits for 2029 [Q30]; at the crossover size Shor needs about 2e6 today and fewer
    // by 2029 (the error rate improves, the code distance shrinks), so the roadmap scenario's year is that claim's
    // year; IBM's physical claims stop at 1,000 (its later claims are logical qubits, not counted).
    const needed = bestStrategy(
      def.evaluate({ ...input, modulusBits: verdict.crossover.size } as never, {
        t0: T0,
        skipCrossover: true,
      }),
    ).physicalQubits;
    expect(needed).toBeGreaterThan(1000);
    // Google's year: from its 2029 claim, once the improving error rate brings the qubits needed under 1e6; before
    // the fitted trend's year (whose qubits at 2029 are far fewer than a million).
    const trend = verdictUncertainty(def, input, { t0: T0 }, verdict, { point: true }).uncertainty.quantiles
      .crossoverYear.p50!;
    expect(year("google")!).toBeGreaterThanOrEqual(2029);
    expect(year("google")!).toBeLessThan(trend);
    expect(year("ibm")).toBeNull();
    // Every vendor's claims together can only bring the year forward.
    expect(year()!).toBeLessThanOrEqual(year("google")!);
  });

  it("qfit crossover --hardware names the vendor roadmap; a vendor with no claims exits 2", async () => {
    const r = await run(["crossover", "shor", "--t0", "2026", "--hardware", "google", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.uncertainty.roadmapBasis).toMatch(/Google's roadmap/);
    expect(j.uncertainty.quantiles.crossoverYearRoadmap).toHaveProperty("neverShare");
    const bad = await run(["crossover", "qaoa-maxcut", "--hardware", "nobody"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--hardware/);
  });
});

describe("readout error is ranged apart from the gate error (issue 13 §1)", () => {
  it("readout moves the fault-tolerant estimate only above the gate error; the gate factor moves both", () => {
    const { def, input } = point("shor");
    const ranges = def.ranges!(input as never, { t0: T0 });
    expect(ranges.qpuReadoutErrorFactor.basis).toMatch(/readout/);
    expect(ranges.qpuErrorRateFactor).toBeDefined();
    const central = Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, r.central]));
    const qubits = (x: Record<string, number>) =>
      bestStrategy(
        def.evaluate(input as never, { t0: T0, skipCrossover: true, sampled: { ...central, ...x } }),
      ).physicalQubits;
    const today = qubits({});
    // The default qubit (Azure qubit_gate_ns_e3) has readout = gate error = 1e-3, and the QEC error rate is their
    // maximum: a better readout alone changes nothing, a worse one costs qubits.
    expect(qubits({ qpuReadoutErrorFactor: 0.5 })).toBe(today);
    expect(qubits({ qpuReadoutErrorFactor: 3 })).toBeGreaterThan(today);
    // A better gate error with readout at its ratio (both improve) saves qubits, as the error-rate trend assumes.
    expect(qubits({ qpuErrorRateFactor: 0.3 })).toBeLessThan(today);
  });
});

describe("unverified ranges are named on the verdict", () => {
  it("a band sampled from rationale-only ranges lists each of them; a point estimate does not", async () => {
    const data = (await import("../src/workloads/data/ranges.json", { with: { type: "json" } }))
      .default as Record<string, { unverified?: boolean } | string>;
    for (const kind of ["llm-training", "shor"]) {
      const { def, input, verdict } = point(kind);
      const banded = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 200, seed: 1 });
      const sampled = Object.keys(banded.uncertainty.ranges);
      const rationaleOnly = sampled.filter((n) => typeof data[n] === "object" && data[n].unverified);
      expect(rationaleOnly.length, kind).toBeGreaterThan(0);
      for (const n of rationaleOnly)
        expect(
          banded.unverified.some((u) => u.includes(`range of ${n} `)),
          `${kind}: ${n}`,
        ).toBe(true);
      for (const u of verdict.unverified) expect(banded.unverified).toContain(u);
      const pointOnly = verdictUncertainty(def, input, { t0: T0 }, verdict, { point: true });
      expect(pointOnly.unverified).toEqual(verdict.unverified);
    }
  });
});

describe("one year of advantage: crossover.year is the year model's point estimate (issue 13 §4)", () => {
  const shor = getWorkload("shor");
  const input = shor.input.parse({}) as Record<string, unknown>;

  it("equals the point band's year, is the band's central value, and lies within its p05–p95", () => {
    const banded = evaluateVerdict(shor, input, { t0: T0 }, { samples: SAMPLES, seed: 3 }).verdict;
    const point = evaluateVerdict(shor, input, { t0: T0 }, { point: true }).verdict;
    const year = banded.crossover.year!;
    expect(year).toBeGreaterThan(T0);
    // --no-uncertainty and the banded run give one year; the point band (one sample through the Monte Carlo) too.
    expect(point.crossover.year).toBeCloseTo(year, 6);
    expect(point.uncertainty!.quantiles.crossoverYear.p50).toBeCloseTo(year, 6);
    // The workload's own evaluate (the sweep inside it) reports the same year.
    expect(shor.evaluate(input as never, { t0: T0 }).crossover.year).toBeCloseTo(year, 6);
    const band = banded.uncertainty!.quantiles.crossoverYear;
    expect(band.p05!).toBeLessThanOrEqual(year);
    expect(year).toBeLessThanOrEqual(band.p95 ?? Number.POSITIVE_INFINITY);
    expect(banded.crossover.explanation).toMatch(new RegExp(`^projected ${Math.round(year)}:`));
  });

  it("brackets the year by direct evaluation of the workload: not ahead a year before, ahead a year after", () => {
    // From the definition, through the workload itself (no size table, no interpolation): in year Y the classical
    // side runs 2^((Y − t0)/classical doubling) faster, the error rate is projected toward its floor, and the qubits
    // available grow from today's by the fitted doubling time; the quantum side is ahead in Y when the smallest size
    // it is faster at (fewest qubits: qubits grow with size) fits the qubits available then.
    const year = evaluateVerdict(shor, input, { t0: T0 }, { point: true }).verdict.crossover.year!;
    const trends = trendRanges();
    const e0 = resolveQubit(undefined).physicalErrorRate;
    const at = (bits: number, y: number) => {
      const sampled = {
        classicalThroughputFactor: 2 ** ((y - T0) / trends.classicalDoublingYears.central),
        qpuErrorRateFactor:
          errorRateAt(e0, y, T0, trends.errorHalvingYears.central, trends.errorFloor.central) / e0,
      };
      const v = shor.evaluate({ ...input, modulusBits: bits } as never, {
        t0: T0,
        skipCrossover: true,
        sampled,
      });
      const q = bestStrategy(v);
      const cap = q.constraints.find((c) => c.name === "physical-qubits")!;
      return {
        faster: q.seconds < v.classical.seconds,
        fits: q.physicalQubits <= cap.available * 2 ** ((y - T0) / trends.qubitDoublingYears.central),
      };
    };
    const aheadIn = (y: number) => {
      let lo = 256;
      let hi = 8192;
      if (!at(hi, y).faster) return false;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (at(mid, y).faster) hi = mid;
        else lo = mid;
      }
      return at(hi, y).fits;
    };
    expect(aheadIn(year - 1)).toBe(false);
    expect(aheadIn(year + 1)).toBe(true);
  });

  it("a slower qubit doubling time the user gives moves the year later (the model honours it)", () => {
    const year = (raw: Record<string, unknown>) =>
      evaluateVerdict(shor, shor.input.parse(raw) as Record<string, unknown>, { t0: T0 }, { point: true })
        .verdict.crossover.year!;
    expect(year({ doublingYears: 3 })).toBeGreaterThan(year({}) + 1);
  });
});

describe("costs without a price, and the crossover's tornado (issue 13 §7)", () => {
  it("a side with no sourced price has n/a cost quantiles (null with a reason), not neverShare 1; text says n/a", async () => {
    const { def, input, verdict } = point("shor");
    // Shor's classical reference (a CPU core of the RSA-240 record) and its fault-tolerant machine have no price.
    expect(verdict.classical.costUsd).toBeNull();
    expect(bestStrategy(verdict).costUsd).toBeNull();
    const q = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 100 }).uncertainty.quantiles;
    for (const cost of [q.classicalCostUsd, q.quantumCostUsd]) {
      expect(cost).toMatchObject({ p05: null, p50: null, p95: null, neverShare: null });
      expect(cost.reason).toMatch(/no sourced price/);
    }
    // A priced side keeps its band (hybrid prices both sides).
    const h = point("hybrid");
    const hq = verdictUncertainty(h.def, h.input, { t0: T0 }, h.verdict, { samples: 100 }).uncertainty
      .quantiles;
    expect(hq.quantumCostUsd.neverShare).toBe(0);
    expect(hq.quantumCostUsd.reason).toBeUndefined();
    const text = (await run(["estimate", "shor", "--t0", "2026", "--samples", "100"])).out;
    expect(text).toMatch(/cost, classical \/ quantum n\/a \/ n\/a/);
  });

  it("qfit crossover --json and POST /api/crossover carry the estimate's sensitivity and uncertainty", async () => {
    const { crossover, estimate } = await import("../src/api/handlers.js");
    const body = { kind: "qaoa-maxcut", t0: T0, samples: 300, seed: 4 };
    const est = estimate(body);
    const api = crossover(body);
    const cli = JSON.parse(
      (await run(["crossover", "qaoa-maxcut", "--t0", "2026", "--samples", "300", "--seed", "4", "--json"]))
        .out,
    );
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(est.sensitivity!.length).toBeGreaterThan(0);
    expect(plain(api.sensitivity)).toEqual(plain(est.sensitivity));
    expect(cli.sensitivity).toEqual(plain(est.sensitivity));
    expect(plain(api.uncertainty)).toEqual(plain(est.uncertainty));
    expect(cli.uncertainty).toEqual(plain(est.uncertainty));
    // The year the curves report is the verdict's.
    expect(api.year).toBe(est.crossover.year);
  });
});
