// Every registered workload's verdict (schemaVersion 2): the bottleneck factors of every strategy add up to
// log10(strategy seconds / classical seconds), no capacity appears as a factor, the best strategy is the fastest
// plan, every fault-tolerant strategy's record reproduces its estimate through `qfit estimate ft`, and the crossover
// sweeps are self-consistent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { roadmapSeries } from "../src/estimate/qubit-trend.js";
import { bestStrategy, factorSum, pickBest } from "../src/verdict/compose.js";
import type { Strategy, VerdictV2 } from "../src/verdict/contract.js";
import { parseWorkloadInput } from "../src/workloads/input.js";
import { workloads } from "../src/workloads/registry.js";
import { crossoverSweep } from "../src/workloads/sweep.js";

/** How closely the factors must add up (log10). */
const SUM_TOLERANCE = 0.01;

/** Each workload at its default and at other inputs that exercise other code paths (memory walls, no layout…). */
const CASES: Array<[string, Record<string, unknown>]> = [
  ...workloads.map((w) => [w.kind, {}] as [string, Record<string, unknown>]),
  ["llm-training", { preset: "llama-3.1-8b" }],
  ["llm-training", { params: 1e8, tokens: 2e9, encoding: "basis", epsilon: 0.1 }],
  ["shor", { modulusBits: 512, qubit: "qubit_gate_ns_e4" }],
  ["shor", { modulusBits: 4096, qec: "floquet_code", qubit: "qubit_maj_ns_e4" }],
  ["grover", { searchBits: 20, gpuCount: 1 }],
  ["chemistry", { preset: "femoco-li" }],
  ["chemistry", { spinOrbitals: 40, electrons: 20 }],
  ["hamiltonian-simulation", { sites: 20, evolutionTime: 5 }],
  ["qaoa-maxcut", { nodes: 20, layers: 3 }],
  ["qaoa-maxcut", { nodes: 400 }],
  ["annealing-qubo", { variables: 20_000, reads: 10 }],
];

const verdicts: Array<[string, VerdictV2]> = CASES.map(([kind, raw]) => {
  const def = workloads.find((w) => w.kind === kind)!;
  return [
    `${kind} ${JSON.stringify(raw)}`,
    def.evaluate(parseWorkloadInput(def, raw) as never, { t0: 2025, skipCrossover: true }),
  ];
});

describe("verdict v2 for every workload", () => {
  it.each(verdicts)("%s: schemaVersion 2, the factors of every strategy add up", (_, v) => {
    expect(v.schemaVersion).toBe(2);
    expect(v.strategies.length).toBeGreaterThan(0);
    for (const s of v.strategies) {
      if (!Number.isFinite(s.seconds)) {
        expect(s.feasible).toBe(false);
        continue;
      }
      expect(s.bottlenecks.length).toBeGreaterThan(1);
      expect(Math.abs(factorSum(s.bottlenecks) - Math.log10(s.seconds / v.classical.seconds))).toBeLessThan(
        SUM_TOLERANCE,
      );
      for (const f of s.bottlenecks) expect(Number.isFinite(f.factorLog10), f.name).toBe(true);
    }
    expect(Math.abs(factorSum(bestStrategy(v).bottlenecks) - v.qpuOverGpuLog10)).toBeLessThan(SUM_TOLERANCE);
  });

  it.each(verdicts)("%s: no capacity appears as a factor; constraints decide feasibility", (_, v) => {
    const capacity = /qubit|memory|coherence|capacity|horizon|available/i;
    for (const s of v.strategies) {
      const constraintNames = new Set(s.constraints.map((c) => c.name));
      for (const f of s.bottlenecks) {
        expect(constraintNames.has(f.name), f.name).toBe(false);
        expect(f.name).not.toMatch(capacity);
      }
      expect(s.feasible).toBe(s.constraints.every((c) => c.satisfied));
      for (const c of s.constraints) expect(c.satisfied).toBe(c.needed <= c.available);
    }
    expect(v.classical.feasible).toBe(v.classical.constraints.every((c) => c.satisfied));
  });

  it.each(verdicts)("%s: the best strategy is at least as fast as every plan", (_, v) => {
    const best = bestStrategy(v);
    for (const s of v.strategies) if (!s.lowerBound) expect(best.seconds).toBeLessThanOrEqual(s.seconds);
  });

  it("property: pickBest never returns a slower plan than any other", () => {
    const strategy = fc.record({
      seconds: fc.double({ min: 1e-9, max: 1e30, noNaN: true }),
      feasible: fc.boolean(),
      lowerBound: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(strategy, { minLength: 1, maxLength: 8 }), (xs) => {
        const all = xs.map((x, i) => ({ ...x, name: `s${i}` }) as unknown as Strategy);
        const best = pickBest(all);
        const plans = all.filter((s) => !s.lowerBound);
        for (const s of plans.length ? plans : all) expect(best.seconds).toBeLessThanOrEqual(s.seconds);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});

describe("fault-tolerance round trip: the record reproduces the estimate through `qfit estimate ft`", () => {
  const ft = verdicts.flatMap(([name, v]) =>
    v.strategies.filter((s) => s.faultTolerance !== null).map((s) => [`${name} ${s.name}`, s] as const),
  );

  it("every native workload with a fault-tolerant strategy is covered", () => {
    const kinds = new Set(ft.map(([n]) => n.split(" ")[0]));
    for (const k of ["shor", "grover", "chemistry", "hamiltonian-simulation"])
      expect(kinds.has(k)).toBe(true);
  });

  it.each(ft)("%s", async (_, s) => {
    const r = s.faultTolerance!;
    const files: Record<string, string> = { "counts.json": JSON.stringify(r.counts) };
    const arg = (name: string, v: string | Record<string, unknown>) => {
      if (typeof v === "string") return v;
      files[`${name}.json`] = JSON.stringify(v);
      return `${name}.json`;
    };
    const io = memoryIo(files);
    const code = await main(
      [
        "estimate",
        "ft",
        "--counts",
        "counts.json",
        "--qubit",
        arg("qubit", r.qubit),
        "--qec",
        arg("qec", r.qec),
        "--budget",
        String(r.budget),
        "--json",
      ],
      io,
    );
    expect(code, io.err).toBe(0);
    const est = JSON.parse(io.out);
    expect(est.physicalCounts.physicalQubits).toBe(r.physicalQubits);
    expect(est.physicalCounts.runtime).toBe(r.runtimeNs);
    expect(est.logicalQubit.codeDistance).toBe(r.codeDistance);
    expect(est.physicalCounts.breakdown.numTfactories).toBe(r.tFactories);
    // A record covers the whole strategy, or one unit of it that the strategy repeats (settings.ftRuns, one after
    // another) and copies (settings.ftParallel, side by side): the LLM strategies' record is one shot or one step.
    const runs = typeof s.settings.ftRuns === "number" ? s.settings.ftRuns : 1;
    const copies = typeof s.settings.ftParallel === "number" ? s.settings.ftParallel : 1;
    expect(r.physicalQubits * copies).toBe(s.physicalQubits);
    expect(Math.abs(Math.log10((r.runtimeNs * 1e-9 * runs) / s.seconds))).toBeLessThan(1e-9);
  });
});

describe("crossover sweeps of every registered workload", () => {
  const sweeps = workloads.map((w) => crossoverSweep(w, parseWorkloadInput(w, {}), { t0: 2025 }).series);

  it("series of equal length, sorted sizes, a reason", () => {
    for (const c of sweeps) {
      expect(c.sizes.length).toBeGreaterThan(5);
      expect(c.classicalSeconds.length).toBe(c.sizes.length);
      expect(c.quantumSeconds.length).toBe(c.sizes.length);
      expect([...c.sizes].sort((a, b) => a - b)).toEqual(c.sizes);
      expect(c.reason.length).toBeGreaterThan(10);
    }
  });

  it("n* sits where the curves cross: the quantum side is behind at the grid size just before it", () => {
    for (const c of sweeps) {
      if (c.nStar === null || c.status !== "year") continue;
      const after = c.sizes.findIndex((n) => n >= (c.nStar as number));
      if (after > 0) {
        expect(
          c.quantumSeconds[after - 1] >= c.classicalSeconds[after - 1] ||
            !Number.isFinite(c.quantumSeconds[after - 1]),
        ).toBe(true);
      }
    }
  });

  it("round-trips through JSON", () => {
    const j = JSON.parse(JSON.stringify(sweeps));
    expect(j[1].kind).toBe("shor");
  });
});

describe("roadmapSeries", () => {
  it("gives history, fits, projection lines to 2034 and milestones", () => {
    const r = roadmapSeries();
    expect(r.largestComputing.length).toBeGreaterThan(5);
    expect(r.projections.every((p) => p.points[p.points.length - 1].year === 2034)).toBe(true);
    expect(r.milestones.some((m) => m.vendor === "IBM")).toBe(true);
    expect(r.seedBreakEvenStart).toBe(312.5);
  });
});

describe("a more favourable quantum input never makes the quantum side slower", () => {
  const seconds = (kind: string, raw: Record<string, unknown>) => {
    const def = workloads.find((w) => w.kind === kind)!;
    return bestStrategy(
      def.evaluate(parseWorkloadInput(def, raw) as never, { t0: 2025, skipCrossover: true }),
    ).seconds;
  };

  it.each(["shor", "grover", "chemistry", "hamiltonian-simulation"])(
    "%s: lower physical error rate (qubit_gate_ns_e4 vs e3) and a larger error budget",
    (kind) => {
      expect(seconds(kind, { qubit: "qubit_gate_ns_e4" })).toBeLessThanOrEqual(
        seconds(kind, { qubit: "qubit_gate_ns_e3" }),
      );
      expect(seconds(kind, { budget: 1e-2 })).toBeLessThanOrEqual(seconds(kind, { budget: 1e-4 }));
    },
  );

  it("qaoa-maxcut: a larger ε never needs more time", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(seconds("qaoa-maxcut", { nodes: 20, epsilon: hi })).toBeLessThanOrEqual(
            seconds("qaoa-maxcut", { nodes: 20, epsilon: lo }),
          );
        },
      ),
      { seed: 3, numRuns: 50 },
    );
  });
});
