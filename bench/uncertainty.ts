// Evaluations per second per workload (issue 13): a full evaluation of the verdict (no crossover sweep), the
// lean path's samples (headline, both sides, crossover size and year by root-finding), and the whole uncertainty
// of one verdict at the default 10,000 samples. Medians of 5 runs; the machine is shared, so compare within a run.
import { DEFAULT_SAMPLES } from "../src/estimate/uncertainty.js";
import { workloads } from "../src/workloads/registry.js";
import { verdictUncertainty } from "../src/workloads/uncertainty.js";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const T0 = 2026;
const rows: string[][] = [
  ["workload", "full eval/s", "lean headline/s", "lean + crossover/s", "grid evals", "10k samples ms"],
];
for (const def of workloads) {
  const input = def.input.parse({}) as Record<string, unknown>;
  const verdict = def.evaluate(input as never, { t0: T0 });
  // Full evaluations (what a per-sample Monte Carlo would cost).
  const full: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    let n = 0;
    while (performance.now() - t < 200) {
      def.evaluate(input as never, { t0: T0, skipCrossover: true });
      n++;
    }
    full.push((n * 1000) / (performance.now() - t));
  }
  // The lean path: the grid (fixed cost) and the per-sample cost, from 1 and 10,000 samples.
  const one: number[] = [];
  const many: number[] = [];
  let evaluations = 0;
  for (let r = 0; r < 5; r++) {
    let t = performance.now();
    verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 1 });
    one.push(performance.now() - t);
    t = performance.now();
    evaluations = verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: DEFAULT_SAMPLES })
      .uncertainty.evaluations;
    many.push(performance.now() - t);
  }
  const perSample = Math.max(1e-6, (median(many) - median(one)) / (DEFAULT_SAMPLES - 1));
  // Headline only (speedupLog10, both sides' times, costs, qubits): 100,000 samples over the same grid.
  const headline: number[] = [];
  for (let r = 0; r < 5; r++) {
    let t = performance.now();
    verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 1, headlineOnly: true });
    const fixed = performance.now() - t;
    t = performance.now();
    verdictUncertainty(def, input, { t0: T0 }, verdict, { samples: 100_000, headlineOnly: true });
    headline.push((100_000 * 1000) / Math.max(1e-3, performance.now() - t - fixed));
  }
  rows.push([
    def.kind,
    median(full).toFixed(0),
    median(headline).toFixed(0),
    (1000 / perSample).toFixed(0),
    String(evaluations),
    median(many).toFixed(0),
  ]);
}
console.log("\nUncertainty: evaluations per second per workload (median of 5, one core)");
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  "));
