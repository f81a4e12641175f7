// Estimator timings (part of `npm run bench`; never asserted in tests): the Azure-compatible fault-tolerant
// estimate on the published cases and on 1e30 counts, one native verdict with its crossover search, and the
// report's default scenario set. Medians of several runs; the machine is shared and noisy.
import { estimateFaultTolerant } from "../src/estimate/ftqc/index.js";
import { buildReport } from "../src/report/build.js";
import { renderHtml } from "../src/report/html.js";
import { DEFAULT_SCENARIO } from "../src/report/scenario.js";
import { workloads } from "../src/workloads/registry.js";
import { shor } from "../src/workloads/shor.js";
import { timeMs } from "./timing.js";

const cases: Array<[string, () => unknown, number]> = [
  [
    "FT estimate, 100-qubit worked example",
    () => estimateFaultTolerant({ numQubits: 100, tCount: 1e6, measurementCount: 1e5 }),
    21,
  ],
  [
    "FT estimate, Beverland RSA-2048 (qubit_gate_ns_e4, ε = 1/3)",
    () =>
      estimateFaultTolerant(
        {
          numQubits: 12_581,
          tCount: 12,
          rotationCount: 12,
          rotationDepth: 12,
          cczCount: 3_731_607_428,
          measurementCount: 1_078_154_040,
        },
        { qubitParams: "qubit_gate_ns_e4", errorBudget: 1 / 3 },
      ),
    11,
  ],
  [
    "FT estimate, 1e30 T gates (qubit_gate_ns_e4)",
    () => estimateFaultTolerant({ numQubits: 100, tCount: 1e30 }, { qubitParams: "qubit_gate_ns_e4" }),
    11,
  ],
  [
    "native verdict + crossover search, shor 2048",
    () => shor.evaluate(shor.input.parse({}), { t0: 2025 }),
    5,
  ],
  [
    "every registered workload at its default, with crossover",
    () => workloads.map((w) => w.evaluate(w.input.parse({}) as never, { t0: 2025 })),
    3,
  ],
  // `qfit report`'s whole job less process start-up: 9 verdicts, the training extrapolation, HTML with SVG plots.
  [
    "qfit report default scenario (build + HTML)",
    () => renderHtml(buildReport({ ...DEFAULT_SCENARIO, t0: 2026 })),
    3,
  ],
];

console.log("\nEstimators");
for (const [name, fn, runs] of cases)
  console.log(`  ${name.padEnd(62)} ${timeMs(fn, runs).toFixed(1).padStart(9)} ms median`);
