// The lean path's fast year search (separable.ts: firstCrossing replayed inline, years that cannot fit skipped,
// segments no D reaches skipped) against its reference (firstCrossing over gap, every segment visited, nothing
// skipped): the same crossover size and years, to the bit, on random samples of every workload's ranges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileOf } from "../stats/distribution.js";
import { workloads } from "./registry.js";
import { LOG_KEYS, type Logs, LogsTable, SeparableModel, UNCERTAIN_OUTPUTS } from "./separable.js";
import { uncertaintySurface } from "./uncertainty.js";

const T0 = 2026;
const O = UNCERTAIN_OUTPUTS.length;
const YEAR = UNCERTAIN_OUTPUTS.indexOf("crossoverYear");

describe("the fast crossover search equals the reference search", () => {
  for (const def of workloads) {
    it(`${def.kind}: crossover size, year and roadmap year identical on random samples (fixed seed)`, () => {
      const input = def.input.parse({}) as Record<string, unknown>;
      const surface = uncertaintySurface(def, input, { t0: T0 });
      const ranges = surface.names.map((k) => surface.ranges[k]);
      for (const proveNever of [true, false]) {
        const fast = new SeparableModel({ ...surface.model.spec, proveNever });
        const reference = new SeparableModel({
          ...surface.model.spec,
          proveNever,
          referenceYearSearch: true,
        });
        const x = new Float64Array(ranges.length);
        const a = new Float64Array(O);
        const b = new Float64Array(O);
        let years = 0;
        fc.assert(
          fc.property(
            fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
              minLength: ranges.length,
              maxLength: ranges.length,
            }),
            (us) => {
              us.forEach((u, i) => {
                x[i] = quantileOf(ranges[i], u);
              });
              fast.evaluate(x, a);
              reference.evaluate(x, b);
              if (Number.isFinite(b[YEAR])) years++;
              for (let o = 0; o < O; o++) expect(a[o], UNCERTAIN_OUTPUTS[o]).toBe(b[o]);
            },
          ),
          { seed: 13, numRuns: 1500 },
        );
        // Not vacuous: the workloads whose central verdict has a crossover year find one in many samples.
        if (def.kind === "shor" || def.kind === "hamiltonian-simulation") expect(years).toBeGreaterThan(500);
      }
    });
  }
});

describe("LogsTable.minFrom (suffix minima) equals minOver(x0, +∞)", () => {
  it("on random tables with steps (infinite values) and any x0, to the bit", () => {
    const value = fc.oneof(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0),
    );
    const table = fc
      .uniqueArray(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 9 })
      .chain((xs) =>
        fc.tuple(
          fc.constant([...xs].sort((a, b) => a - b)),
          fc.array(fc.array(value, { minLength: LOG_KEYS.length, maxLength: LOG_KEYS.length }), {
            minLength: xs.length,
            maxLength: xs.length,
          }),
        ),
      );
    fc.assert(
      fc.property(
        table,
        fc.double({ min: 0, max: 1.2e4, noNaN: true }),
        fc.nat(20),
        ([xs, rows], x, pick) => {
          const ys = rows.map((r) => Object.fromEntries(LOG_KEYS.map((k, i) => [k, r[i]])) as Logs);
          const t = new LogsTable(xs, ys, true);
          // x0 anywhere, or exactly on a grid point.
          const x0 = pick < xs.length ? xs[pick] : x;
          for (let k = 0; k < LOG_KEYS.length; k++)
            expect(t.minFrom(x0, k)).toBe(t.minOver(x0, Number.POSITIVE_INFINITY, k));
        },
      ),
      { seed: 13, numRuns: 3000 },
    );
  });
});

describe("LogsTable.ceilExp (the size search's whole-number ceiling without exp)", () => {
  it("is Math.ceil(Math.exp(t) − 1e-9) whenever it answers, also right at the logs of whole numbers", () => {
    const t = new LogsTable(
      [4, 9000],
      [0, 0].map(() => ({}) as Logs),
      true,
    );
    t.tabulateIntegerLogs();
    let answered = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 8999 }),
        fc.constantFrom(0, 0, 1, -1, 2),
        fc.oneof(
          fc.double({ min: -2e-9, max: 2e-9, noNaN: true }),
          fc.integer({ min: -500_000, max: 500_000 }).map((v) => v / 1e6),
        ),
        (n, miss, dt) => {
          // t near log(n) (within about 1e-9 of it, or anywhere between its neighbours); a guess right or off by 1–2.
          const at = Math.log(n) + dt / n;
          const k = t.ceilExp(at, n + miss);
          if (!Number.isNaN(k)) {
            answered++;
            expect(k).toBe(Math.ceil(Math.exp(at) - 1e-9));
          }
        },
      ),
      { seed: 13, numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(2000);
  });
});
