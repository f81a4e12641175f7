// `npm run bench:report` (also part of `npm run bench`): the wall time of `qfit report --no-html`, the main job, as a
// user starts it (the built CLI, process start-up included), on the default threads (one per core) and on one
// thread, interleaved so all see the same load; and, for comparison in the same run, as it starts from the compiled
// modules instead of its bundle (src/cli/bundle.ts). Issue 13 §5: with uncertainty on by default (10,000 samples per
// verdict, bands along every crossover curve), the built-in report must stay under 3 s. Medians; the machine may be
// shared, so the load average is printed with them.
//
// Environment: QFIT_BENCH_REPORT_RUNS (default 5 processes per command line).
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { runOnce, type Sample } from "./process-timing.js";
import { median } from "./timing.js";

const RUNS = Number(process.env.QFIT_BENCH_REPORT_RUNS ?? 5);
const report = ["bin/qfit.js", "report", "--no-html", "--t0", "2026"];
const COMMANDS = [
  { label: `qfit report --no-html (${availableParallelism()} threads)`, args: report },
  { label: "qfit report --no-html --threads 1", args: [...report, "--threads", "1"] },
  { label: "qfit report --no-html --no-uncertainty", args: [...report, "--no-uncertainty"] },
  {
    label: "  first line, compiled modules (no bundle)",
    args: [
      "--input-type=module",
      "-e",
      'import { start } from "./dist/cli/start.js"; start(process.argv.slice(1));',
      ...report.slice(1),
    ],
  },
];

if (!existsSync(new URL("../dist/cli/start.js", import.meta.url))) {
  console.error("bench/report.ts times the built CLI: run `npm run build` first");
  process.exit(2);
}
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

/**
 * The host's speed: the median of 5 runs of a fixed single-thread floating-point loop, in ms. This machine kind's
 * speed drifts by more than the load average shows (the same build took 2.53 s and 3.49 s within an hour on
 * 3 December 2026, `--no-uncertainty` 0.86 s and 1.49 s), so a figure is read with the probe printed beside it.
 */
function hostProbeMs(): number {
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 1; i < 3e7; i++) sink += (Math.sqrt(i) * 1.0000001) / ((i & 7) | 1);
    times.push(performance.now() - t);
  }
  if (sink < 0) console.log(sink); // keeps the loop from being optimized away
  return median(times);
}

const probeBefore = hostProbeMs();
const before = loadavg();
const samples = COMMANDS.map(() => [] as Sample[]);
for (let i = 0; i < RUNS; i++)
  COMMANDS.forEach((c, k) => {
    samples[k].push(runOnce(c.args));
  });
console.log(
  `\nqfit report: medians of ${RUNS} processes each; load average ${load(before)} → ${load(loadavg())}; host probe ` +
    `(fixed single-thread loop) ${probeBefore.toFixed(0)} → ${hostProbeMs().toFixed(0)} ms`,
);
COMMANDS.forEach((c, k) => {
  const wall = median(samples[k].map((s) => s.wallMs));
  const cpu = median(samples[k].map((s) => s.cpuMs));
  console.log(
    `  ${c.label.padEnd(44)} wall ${(wall / 1000).toFixed(2).padStart(6)} s   cpu ${(cpu / 1000).toFixed(2).padStart(6)} s`,
  );
});
