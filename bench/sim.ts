// `npm run bench:sim`: the simulator's speed goals of issue 14, in one process and one run. On the seeded
// reference-shape circuits (bench/circuits.ts; ../shared/references/simulation.md: 20 moments, 15·N gates),
// single precision, QFIT_BENCH_THREADS threads (default 2), per size: the median qfit time, the load average
// while it ran, the arithmetic floor (f32x4 multiply-adds the plan needs ÷ the measured rate × threads; real
// fused gates count half, structured ones (monomial, two blocks: bench/floors.ts) a quarter and a half), the bandwidth floor (passes × bytes per pass ÷ the in-place bandwidth measured here)
// and the ratio to qsim's recorded time (bench/reference-simulation.json). Then small circuits: a 16-qubit
// reference circuit against the quantum-circuit npm package, same run (goal: ≥ 1000× faster). With
// QFIT_BENCH_BIG=1 also a 30-qubit circuit (8 GiB, the gathered path; needs the memory).
// With QFIT_QSIM_BASE naming a qsim_base binary (Google's qsim, built by the user: docs/development.md), qsim
// runs the same circuits (bench/qsim-format.ts) interleaved with qfit's runs, same threads, fusion ≤ 3: the
// "qsim here" column is the median of the simulation time qsim prints, so qfit ÷ qsim-here is a same-run ratio.
// The machine is shared and noisy: read the ratios, note the load.
//
// Environment: QFIT_BENCH_QUBITS (default "24,26,28"), QFIT_BENCH_RUNS (default 3), QFIT_BENCH_THREADS,
// QFIT_BENCH_BIG, QFIT_QSIM_BASE.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Circuit } from "../src/circuit/ir.js";
import { plan, simulate } from "../src/sim/index.js";
import { useNodeThreads } from "../src/sim/kernels/threads-node.js";
import { referenceCircuit } from "./circuits.js";
import { complexMaddsPerAmplitude, inPlaceBandwidthGBps, maddsPerSecond } from "./floors.js";
import { runQuantumCircuit } from "./peers.js";
import { qsimElapsedSeconds, toQsimFormat } from "./qsim-format.js";
import reference from "./reference-simulation.json" with { type: "json" };
import { median, timeMs } from "./timing.js";

useNodeThreads();
const threads = Number(process.env.QFIT_BENCH_THREADS ?? 2);
const runs = Number(process.env.QFIT_BENCH_RUNS ?? 3);
const sizes = (process.env.QFIT_BENCH_QUBITS ?? "24,26,28").split(",").map(Number);
const qsim = reference.secondsByQubits.qsimFused3Threads2F32 as Record<string, number>;
const qsimBase = process.env.QFIT_QSIM_BASE;
if (qsimBase !== undefined && !existsSync(qsimBase)) {
  console.error(`QFIT_QSIM_BASE: no file ${qsimBase}; give the path of a qsim_base binary you built`);
  process.exit(2);
}
const qsimDir = qsimBase ? mkdtempSync(join(tmpdir(), "qfit-qsim-")) : undefined;
const load = () => loadavg()[0].toFixed(1);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

console.log(`qfit simulator bench — ${new Date().toISOString()}, Node ${process.version}, load ${load()}`);
const madds = maddsPerSecond();
const inPlace = inPlaceBandwidthGBps(threads);
console.log(
  `f32x4 multiply-adds: ${(madds / 1e9).toFixed(2)} G/s per thread; in-place bandwidth (${threads} threads): ` +
    `${inPlace.toFixed(1)} GB/s (reference machine: ${reference.bandwidthGBps.readModifyWriteMin}–` +
    `${reference.bandwidthGBps.readModifyWriteMax})\n`,
);
if (!qsimBase)
  console.log(
    "(qsim f32 2T: qsim's recorded times on another host; set QFIT_QSIM_BASE to a qsim_base binary to time qsim " +
      "in this run: docs/development.md, Benchmark)\n",
  );
console.log(
  "qubits | gates | fused (real, structured) | passes | qfit f32 | load | arith floor | bw floor | qsim f32 2T | qfit ÷ qsim" +
    (qsimBase ? ` | qsim here (${threads}T) | qfit ÷ qsim here` : ""),
);

/** `c` written for qsim_base in qsimDir: its qsim_base arguments (same threads, fusion ≤ 3, timing printed). */
function qsimArgs(c: Circuit): string[] {
  const file = join(qsimDir as string, `q${c.numQubits}.qsim`);
  const q = toQsimFormat(c);
  writeFileSync(file, q.text);
  return ["-c", file, "-d", String(q.lastTime), "-t", String(threads), "-f", "3", "-v", "1"];
}

/** One qsim_base run: the simulation time it prints, in ms. A failed run ends the bench with qsim's own words. */
function qsimHereMs(args: string[]): number {
  try {
    return 1000 * qsimElapsedSeconds(execFileSync(qsimBase as string, args, { encoding: "utf8" }));
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    console.error(
      `QFIT_QSIM_BASE: ${qsimBase} ${args.join(" ")} failed: ${(err.stderr || err.message).trim()}`,
    );
    if (qsimDir) rmSync(qsimDir, { recursive: true });
    process.exit(2);
  }
}

function row(c: Circuit, times: number[], loads: string[], qsimHere: number[] = []): void {
  const n = c.numQubits;
  const p = plan(c, { precision: "single", threads, maxMemoryBytes: 2 ** 40 });
  const m = complexMaddsPerAmplitude(c);
  const ms = median(times);
  const floor = (1000 * m.madds * 2 ** n) / (madds * p.threads);
  const bw = (p.passes * p.bytesPerPass) / (inPlace * 1e6);
  const q = qsim[n] ? qsim[n] * 1000 : undefined;
  console.log(
    [
      n,
      c.ops.length,
      `${m.unitaries} (${m.real}, ${m.structured})`,
      p.passes,
      fmt(ms),
      loads.join("/"),
      fmt(floor),
      fmt(bw),
      q ? fmt(q) : "—",
      q ? `${(ms / q).toFixed(2)}×` : "—",
      ...(qsimHere.length ? [fmt(median(qsimHere)), `${(ms / median(qsimHere)).toFixed(2)}×`] : []),
    ].join(" | "),
  );
}

for (const n of sizes) {
  const c = referenceCircuit(n, 2026 + n);
  const times: number[] = [];
  const loads: string[] = [];
  const qsimHere: number[] = [];
  const qArgs = qsimBase ? qsimArgs(c) : [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    simulate(c, { shots: 1, seed: 1, precision: "single", threads, maxMemoryBytes: 2 ** 40 });
    times.push(performance.now() - t0);
    loads.push(load());
    if (qsimBase) qsimHere.push(qsimHereMs(qArgs));
  }
  row(c, times, loads, qsimHere);
}
if (qsimDir) rmSync(qsimDir, { recursive: true });

if (process.env.QFIT_BENCH_BIG === "1") {
  const c = referenceCircuit(30, 2056);
  const t0 = performance.now();
  simulate(c, { shots: 1, seed: 1, precision: "single", threads, maxMemoryBytes: 2 ** 40 });
  row(c, [performance.now() - t0], [load()]);
}

// Small circuits: threads chosen by state size (plan.ts, MIN_THREADED_STATE_BYTES), the WASM module compiled
// once per process; quantum-circuit once (it takes seconds), qfit's median of 21.
const small = referenceCircuit(16, 2042);
simulate(small, { shots: 1, seed: 1 });
const qfitMs = timeMs(() => simulate(small, { shots: 1, seed: 1 }), 21);
const qfit32Ms = timeMs(() => simulate(small, { shots: 1, seed: 1, precision: "single" }), 21);
const loadBefore = load();
const t0 = performance.now();
runQuantumCircuit(small);
const peerMs = performance.now() - t0;
console.log(
  `\n16 qubits, ${small.ops.length} gates (load ${loadBefore}): qfit ${fmt(qfitMs)} (complex128, ` +
    `${plan(small, { shots: 1 }).threads} thread), ${fmt(qfit32Ms)} (complex64); quantum-circuit ${fmt(peerMs)}: ` +
    `${Math.round(peerMs / qfitMs)}× (complex128), ${Math.round(peerMs / qfit32Ms)}× (complex64)`,
);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
process.exit(0);
