// Evaluations per second per workload (issue 13 §5), per core: a full evaluation of the verdict through the
// workload (no crossover search); the lean path's point evaluations of the headline (speedupLog10, both sides'
// times, costs and qubits) and with the crossover size and year (root-finding per sample); building the lean path
// (its exact grid evaluations); and the whole uncertainty of one verdict at the default sample count.
//
// Rates are per CPU second of this process (process.cpuUsage: user + system), so they mean "per core" even on a
// shared machine where wall time also counts other processes' turns; wall-clock rates are printed next to them.
// Medians of 5 runs; the load average is printed before and after (on a shared machine, compare rows of one run).
// `npm run bench:uncertainty`; QFIT_BENCH_SAMPLES sets the samples per timed run (100,000).
import { loadavg } from "node:os";
import { DEFAULT_SAMPLES } from "../src/estimate/uncertainty.js";
import { propagateVector } from "../src/stats/monte-carlo.js";
import { createPrng } from "../src/stats/prng.js";
import { workloads } from "../src/workloads/registry.js";
import { UNCERTAIN_OUTPUTS } from "../src/workloads/separable.js";
import { uncertaintySurface, verdictUncertainty } from "../src/workloads/uncertainty.js";

const T0 = 2026;
const RUNS = 5;
const N = Number(process.env.QFIT_BENCH_SAMPLES ?? 100_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU and wall milliseconds of f. */
function time(f: () => void): { cpu: number; wall: number } {
  const c = process.cpuUsage();
  const w = performance.now();
  f();
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall: performance.now() - w };
}

/** Median per-second rates (CPU, wall) of `count` operations done by f, over RUNS runs. */
function rate(count: number, f: () => void): { cpu: number; wall: number } {
  const t = Array.from({ length: RUNS }, () => time(f));
  return {
    cpu: (count * 1000) / Math.max(1e-3, median(t.map((x) => x.cpu))),
    wall: (count * 1000) / Math.max(1e-3, median(t.map((x) => x.wall))),
  };
}

const k = (x: number) => (x >= 1e4 ? `${(x / 1000).toFixed(0)}k` : x.toFixed(0));
const rows: string[][] = [
  [
    "workload",
    "full eval/s",
    "lean headline/s",
    "lean + crossover/s",
    "grid evals",
    "build ms",
    `${DEFAULT_SAMPLES / 1000}k samples ms`,
  ],
];
let slowest = Number.POSITIVE_INFINITY;
let slowestCrossover = Number.POSITIVE_INFINITY;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
const loadBefore = load();
for (const def of workloads) {
  const input = def.input.parse({}) as Record<string, unknown>;
  const verdict = def.evaluate(input as never, { t0: T0 });
  // Full evaluations (what a per-sample Monte Carlo through the workload would cost): as many as fit in ~0.2 s.
  let reps = 1;
  while (time(() => def.evaluate(input as never, { t0: T0, skipCrossover: true })).cpu * reps < 200)
    reps *= 2;
  const full = rate(reps, () => {
    for (let i = 0; i < reps; i++) def.evaluate(input as never, { t0: T0, skipCrossover: true });
  });
  // The lean path: built once (its exact grid), then N samples through its per-sample model.
  let surface = uncertaintySurface(def, input, { t0: T0 });
  const build = rate(1, () => {
    surface = uncertaintySurface(def, input, { t0: T0 });
  });
  const m = surface.model;
  const sample = (f: (x: Float64Array, out: Float64Array) => void) => () =>
    propagateVector(surface.ranges, UNCERTAIN_OUTPUTS.length, f, { samples: N, uniform: createPrng(1) });
  const headline = rate(
    N,
    sample((x, out) => m.headline(x, out)),
  );
  const crossover = rate(
    N,
    sample((x, out) => m.evaluate(x, out)),
  );
  const whole = rate(1, () => verdictUncertainty(def, input, { t0: T0 }, verdict, {}));
  slowest = Math.min(slowest, headline.cpu);
  slowestCrossover = Math.min(slowestCrossover, crossover.cpu);
  rows.push([
    def.kind,
    `${k(full.cpu)} (${k(full.wall)})`,
    `${k(headline.cpu)} (${k(headline.wall)})`,
    `${k(crossover.cpu)} (${k(crossover.wall)})`,
    String(surface.evaluations()),
    `${(1000 / build.cpu).toFixed(0)} (${(1000 / build.wall).toFixed(0)})`,
    `${(1000 / whole.cpu).toFixed(0)} (${(1000 / whole.wall).toFixed(0)})`,
  ]);
}
console.log(
  `\nUncertainty: point evaluations per second per workload, per CPU second (wall-clock in brackets); median of ${RUNS}, ${N.toLocaleString("en-US")} samples per run`,
);
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  "));
console.log(
  `slowest lean headline: ${k(slowest)}/s per core; with the crossover size and year: ${k(slowestCrossover)}/s (issue 13 §5 asks ≥ 100k/s)`,
);
console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
