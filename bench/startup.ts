// `npm run bench:startup` (also the last step of `npm run bench`): how much of `qfit run examples/bell.qasm` is
// qfit and how much is Node starting (issue 14 §4: "dominated by Node's own start-up"). In one run, interleaved so
// that both see the same load, it starts N fresh processes of each command line below and prints medians of wall
// time and CPU time (user + system, all threads) and their ratio to `node -e 0`, Node doing nothing.
//
// CPU time comes from the child itself: every child is started with `-r bench/startup-probe.cjs`, which writes
// process.resourceUsage() to file descriptor 3 when the process exits (microseconds; the same small preload for
// every command, Node's baseline included). On Linux the kernel's account of the children (cutime + cstime of
// /proc/self/stat, 10 ms ticks) is printed next to it as a mean per process: it also counts what runs after the
// exit event, so a large gap between the two would mean the probe misses something.
//
// It runs the built CLI (bin/qfit.js → dist/), as a user would: `npm run build` first. The machine may be shared:
// compare only the ratios of one run, and quote the load average printed with them.
//
// Environment: QFIT_BENCH_STARTUP_RUNS (default 15 processes per command line).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { childrenCpuMs, runOnce, type Sample } from "./process-timing.js";
import { median } from "./timing.js";

const RUNS = Number(process.env.QFIT_BENCH_STARTUP_RUNS ?? 15);
const bin = "bin/qfit.js";

const bell = ["run", "examples/bell.qasm"];
/** Node running an ES module given on the command line (`-e`), with `args` after it (process.argv.slice(1)). */
const esm = (code: string, args: string[]) => ["--input-type=module", "-e", code, ...args];

/**
 * The command lines timed, Node's own first: every ratio is to it. The last two start `qfit run` as bin/qfit.js did
 * before the bundle or would without its code cache, for comparison in the same run.
 */
const COMMANDS: ReadonlyArray<{ label: string; args: string[] }> = [
  { label: "node -e 0", args: ["-e", "0"] },
  { label: "qfit --version", args: [bin, "--version"] },
  { label: "qfit run examples/bell.qasm", args: [bin, ...bell] },
  { label: "qfit run examples/bell.qasm --json", args: [bin, ...bell, "--json"] },
  {
    label: "  same, bundle without code cache",
    args: [
      "-e",
      'require("./dist/cli-bundle/load.cjs").loadBundle(false).exports.start(process.argv.slice(1))',
      ...bell,
    ],
  },
  {
    label: "  same, compiled modules (no bundle)",
    args: esm('import { start } from "./dist/cli/start.js"; start(process.argv.slice(1));', bell),
  },
];

if (!existsSync(new URL("../dist/cli-bundle/qfit.cjs", import.meta.url))) {
  console.error("bench/startup.ts times the built CLI: run `npm run build` first");
  process.exit(2);
}

const loadBefore = loadavg();
// One untimed round so that the first command does not pay for a cold file cache alone.
for (const c of COMMANDS) runOnce(c.args);
const samples = COMMANDS.map(() => [] as Sample[]);
const kernelCpu = COMMANDS.map(() => 0);
for (let i = 0; i < RUNS; i++) {
  COMMANDS.forEach((c, k) => {
    const before = childrenCpuMs();
    samples[k].push(runOnce(c.args));
    const after = childrenCpuMs();
    if (before !== undefined && after !== undefined) kernelCpu[k] += after - before;
  });
}
const loadAfter = loadavg();

const rows = COMMANDS.map((c, k) => ({
  command: c.label,
  wallMs: median(samples[k].map((s) => s.wallMs)),
  cpuMs: median(samples[k].map((s) => s.cpuMs)),
  kernelCpuMeanMs: existsSync("/proc/self/stat") ? kernelCpu[k] / RUNS : null,
  maxRssMiB: median(samples[k].map((s) => s.maxRssMiB)),
}));
const base = rows[0];

const fmt = (x: number) => x.toFixed(1).padStart(7);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
console.log(
  `Start-up: medians of ${RUNS} processes each, node ${process.version}; load average ${load(loadBefore)} → ${load(loadAfter)}`,
);
console.log(
  `${"command".padEnd(36)}${"wall ms".padStart(9)}${"cpu ms".padStart(9)}${"×node wall".padStart(12)}${"×node cpu".padStart(11)}${"own cpu ms".padStart(12)}${"kernel cpu".padStart(12)}${"rss MiB".padStart(9)}`,
);
for (const r of rows) {
  console.log(
    `${r.command.padEnd(36)}${fmt(r.wallMs).padStart(9)}${fmt(r.cpuMs).padStart(9)}` +
      `${(r.wallMs / base.wallMs).toFixed(2).padStart(12)}${(r.cpuMs / base.cpuMs).toFixed(2).padStart(11)}` +
      `${fmt(r.cpuMs - base.cpuMs).padStart(12)}${(r.kernelCpuMeanMs === null ? "—" : r.kernelCpuMeanMs.toFixed(1)).padStart(12)}` +
      `${fmt(r.maxRssMiB).padStart(9)}`,
  );
}
console.log(
  "own cpu = the command's CPU median minus Node's (`node -e 0`); kernel cpu = mean per process from /proc/self/stat " +
    "(cutime + cstime, 10 ms ticks), a cross-check of the probe.",
);

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/startup-latest.json", import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, loadBefore, loadAfter, rows }, null, 2)}\n`,
);
