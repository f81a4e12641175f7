// `npm run bench`: speed lives here, never in tests. On the seeded reference-shape random circuits of
// ../shared/references/simulation.md (20 moments, 15·N gates; bench/circuits.ts) it times, in one process and one run: qfit (WASM SIMD kernels, fusion,
// threads; complex64 and complex128), the naive typed-array baseline (bench/naive.ts), the npm peers
// quantum-circuit and jsqubits (skipped where their predicted time exceeds a cap), and a STREAM-like memory
// copy. It prints medians, ns per amplitude per gate, effective GB/s (passes × bytes read and written ÷ time),
// the share of the measured copy bandwidth, and ratios to the peers run here and to the recorded qsim figures
// (bench/reference-simulation.json). The machine is shared and noisy: only medians and same-run ratios mean
// anything. JSON goes to bench/results/.
//
// Environment: QFIT_BENCH_QUBITS (default "16,18,20,22,24"; the full set is 16,18,20,22,24,26,28),
// QFIT_BENCH_PEER_CAP_S (default 60: skip a peer whose predicted time is longer), QFIT_BENCH_THREADS,
// QFIT_BENCH_UNBLOCKED (default 1: also time qfit without cache blocking, for comparison; 0 skips it),
// QFIT_BENCH_PAIRS (default 1: also time the second workload, 20 pairs of moments; 0 skips it).
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import type { Circuit } from "../src/circuit/ir.js";
import { parseQasm, toQasm } from "../src/qasm/index.js";
import {
  createPrng,
  plan,
  type SimulateOptions,
  selectKernel,
  simulate,
  wasmKernelBuild,
} from "../src/sim/index.js";
import { instantiateKernels } from "../src/sim/kernels/apply-wasm.js";
import { opQubits } from "../src/sim/kernels/ops.js";
import { useNodeThreads } from "../src/sim/kernels/threads-node.js";
import type { WasmMemory } from "../src/sim/kernels/wasm-api.js";
import { SAMPLE_BLOCK, sampleIndices } from "../src/sim/sampling.js";
import { pairsCircuit, referenceCircuit } from "./circuits.js";
import { naiveStatevector } from "./naive.js";
import { runJsqubits, runQuantumCircuit } from "./peers.js";
import reference from "./reference-simulation.json" with { type: "json" };
import { median, timeMs } from "./timing.js";

useNodeThreads();
const threadsEnv = process.env.QFIT_BENCH_THREADS;
const threads = Number(threadsEnv ?? availableParallelism());
const peerCapS = Number(process.env.QFIT_BENCH_PEER_CAP_S ?? 60);
const withUnblocked = process.env.QFIT_BENCH_UNBLOCKED !== "0";
const withPairs = process.env.QFIT_BENCH_PAIRS !== "0";
const sizes = (process.env.QFIT_BENCH_QUBITS ?? "16,18,20,22,24")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0 && n <= 30);

/** STREAM-like copy: bytes read plus written per second, median of 5, on 512 MiB arrays (far above the LLC). */
function copyBandwidthGBps(): number {
  const a = new Float64Array(64 * 1024 ** 2).fill(1);
  const b = new Float64Array(a.length);
  b.set(a);
  const ms = timeMs(() => b.set(a), 5);
  return (2 * a.byteLength) / (ms * 1e6);
}

/**
 * f32x4 multiply-adds per second on one thread, from the kernels' own build (asm/kernels.ts, maddChains: twelve
 * independent chains), median of 5: the arithmetic ceiling the WASM kernels run under.
 */
function maddsPerSecond(): number {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  const ex = instantiateKernels(memory as unknown as WasmMemory);
  const iters = 2e7;
  ex.maddChains(1e5);
  return (12 * iters) / (timeMs(() => ex.maddChains(iters), 5) / 1000);
}

/**
 * Complex multiply-adds per amplitude of a plan's unitaries (a dense k-qubit gate 2^k, a controlled one 2^t on
 * its 2^-c share of the state, a diagonal one 1): in complex64 each is one f32x4 multiply-add (four real ones).
 */
function complexMaddsPerAmplitude(c: Circuit): number {
  let sum = 0;
  for (const st of plan(c, { precision: "single", maxMemoryBytes: 2 ** 40 }).steps) {
    if (st.kind !== "unitary") continue;
    const op = st.op;
    if (op.kind === "diagonal") sum += 1;
    else if (op.kind === "controlled") sum += 2 ** op.targets.length / 2 ** op.controls.length;
    else sum += 2 ** opQubits(op).length;
  }
  return sum;
}

interface Measured {
  ms: number;
  /** Threads the run used (the plan's: one below MIN_THREADED_STATE_BYTES unless QFIT_BENCH_THREADS says). */
  threads: number;
  passes: number;
  bytesPerPass: number;
}

function runQfit(c: Circuit, options: SimulateOptions, runs: number): Measured {
  // Threads as a user gets them (by state size) unless QFIT_BENCH_THREADS fixes them.
  const o = { shots: 1, seed: 1, ...(threadsEnv ? { threads } : {}), ...options };
  const p = plan(c, o);
  // One untimed run on small states first, so the thread pool's start and the tier-up of the WASM code are not
  // charged to whichever configuration happens to run first.
  if (c.numQubits <= 22) simulate(c, o);
  return {
    ms: timeMs(() => simulate(c, o), runs),
    threads: p.threads,
    passes: p.passes,
    bytesPerPass: p.bytesPerPass,
  };
}

const fmtS = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? "—" : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;

/**
 * Time a peer unless its previous time here — or, before any, its recorded time (reference JSON) — scaled by
 * 2^Δn and the gate count, predicts more than the cap.
 */
function makePeer(name: string, run: (c: Circuit) => void, recordedAt16S?: number) {
  // The recorded 16-qubit circuit has 16 × 10 one-qubit and 8 × 10 two-qubit gates (15·N).
  let last: { n: number; ms: number; gates: number } | null =
    recordedAt16S === undefined ? null : { n: 16, ms: recordedAt16S * 1000, gates: 240 };
  return (c: Circuit): number | null => {
    if (last) {
      const predictedMs = last.ms * 2 ** (c.numQubits - last.n) * (c.ops.length / last.gates);
      if (predictedMs > peerCapS * 1000) {
        process.stderr.write(
          `  ${name}: skipped at ${c.numQubits} qubits (predicted ${fmtS(predictedMs)})\n`,
        );
        return null;
      }
    }
    process.stderr.write(`  ${name}: ${c.numQubits} qubits...\n`);
    const ms = timeMs(() => run(c), 1);
    last = { n: c.numQubits, ms, gates: c.ops.length };
    if (ms > peerCapS * 1000) last.ms = Number.POSITIVE_INFINITY;
    return ms;
  };
}
const recorded = reference.secondsByQubits as Record<string, Record<string, number>>;
const peers = {
  quantumCircuit: makePeer("quantum-circuit", runQuantumCircuit, recorded.quantumCircuit[16]),
  jsqubits: makePeer("jsqubits", runJsqubits, recorded.jsqubits[16]),
  naive: makePeer("naive", (c) => naiveStatevector(c), recorded.plainJsThreads1F64[16]),
};
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? `${(a / b).toFixed(a / b >= 100 ? 0 : 2)}×` : "—";

console.log(
  `qfit bench — ${new Date().toISOString()}, Node ${process.version}, ${availableParallelism()} cores`,
);
console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
const bandwidth = copyBandwidthGBps();
console.log(`STREAM-like copy (512 MiB, read + write): ${bandwidth.toFixed(1)} GB/s`);
const madds = maddsPerSecond();
console.log(
  `WASM f32x4 multiply-adds (${wasmKernelBuild()} build, 12 chains): ${(madds / 1e9).toFixed(2)} G/s per thread; ` +
    `"f32 floor" = complex multiply-adds ÷ (that × ${threads} threads), the time of the arithmetic alone\n`,
);

/**
 * In-place read-modify-write bandwidth as the kernels see it: bytes read plus written per second by a sweep of
 * a 1-qubit diagonal gate (one complex multiply per amplitude, far below the arithmetic ceiling) over a 2^26
 * complex64 state (512 MiB, far above the LLC) with the run's threads, median of 5. The bandwidth floor of a
 * run is passes × bytes per pass ÷ this.
 */
function inPlaceBandwidthGBps(): number {
  const kernel = selectKernel("wasm");
  kernel.setThreads?.(threads);
  const n = 26;
  const state = kernel.createState(n, "single");
  const op = {
    kind: "diagonal",
    qubits: [0],
    diag: Float64Array.of(1, 0, Math.SQRT1_2, Math.SQRT1_2),
  } as const;
  kernel.apply(state, n, op);
  const ms = timeMs(() => kernel.apply(state, n, op), 5);
  return (2 * 8 * 2 ** n) / (ms * 1e6);
}
const inPlace = inPlaceBandwidthGBps();
console.log(
  `in-place read-modify-write (diagonal-gate sweep, 512 MiB complex64, ${threads} thread(s)): ${inPlace.toFixed(1)} GB/s ` +
    `(reference: ${reference.bandwidthGBps.readModifyWriteMin}–${reference.bandwidthGBps.readModifyWriteMax} GB/s)\n`,
);

interface Workload {
  name: string;
  circuit: Circuit;
}

interface Row {
  workload: string;
  qubits: number;
  gates: number;
  single: Measured & { floorMs: number; bandwidthFloorMs: number; GBps: number };
  double?: Measured;
  singleUnblocked?: Measured;
  singleNoFusion?: Measured;
  naiveMs: number | null;
  quantumCircuitMs: number | null;
  jsqubitsMs: number | null;
  /** Recorded, reference-shape workload only. */
  qsimFused2TMs?: number;
  qsimFused1TMs?: number;
  qsimNoFusion2TMs?: number;
}
const rows: Row[] = [];

function timeWorkload(w: Workload, withPeers: boolean): Row {
  const c = w.circuit;
  const n = c.numQubits;
  const runs = n >= 26 ? 1 : n >= 22 ? 3 : 5;
  const s = runQfit(c, { precision: "single" }, runs);
  const single = {
    ...s,
    floorMs: (1000 * complexMaddsPerAmplitude(c) * 2 ** n) / (madds * s.threads),
    bandwidthFloorMs: (s.passes * s.bytesPerPass) / (inPlace * 1e6),
    GBps: (s.passes * s.bytesPerPass) / (s.ms * 1e6),
  };
  const reference = w.name === "reference";
  return {
    workload: w.name,
    qubits: n,
    gates: c.ops.length,
    single,
    // complex128 needs 16·2^n bytes: up to 27 qubits in the WASM arena.
    double: n <= 27 ? runQfit(c, { precision: "double" }, runs) : undefined,
    singleUnblocked: withUnblocked ? runQfit(c, { precision: "single", blockQubits: 0 }, runs) : undefined,
    singleNoFusion:
      withPeers && n <= 24 ? runQfit(c, { precision: "single", fusion: false }, runs) : undefined,
    naiveMs: withPeers && n <= 24 ? peers.naive(c) : null,
    quantumCircuitMs: withPeers ? peers.quantumCircuit(c) : null,
    jsqubitsMs: withPeers ? peers.jsqubits(c) : null,
    ...(reference
      ? {
          qsimFused2TMs: recorded.qsimFused3Threads2F32[n] && recorded.qsimFused3Threads2F32[n] * 1000,
          qsimFused1TMs: recorded.qsimFused3Threads1F32[n] && recorded.qsimFused3Threads1F32[n] * 1000,
          qsimNoFusion2TMs: recorded.qsimNoFusionThreads2F32[n] && recorded.qsimNoFusionThreads2F32[n] * 1000,
        }
      : {}),
  };
}

const header = [
  "qubits",
  "gates",
  "threads",
  "passes",
  "qfit f32",
  "arith floor",
  "bw floor",
  "GB/s",
  "qfit f64",
  "f32 unblocked",
  "f32 unfused",
  "naive f64",
  "quantum-circuit",
  "jsqubits",
  "qfit ÷ qsim 2T",
  "qfit ÷ qsim 1T",
  "quantum-circuit ÷ qfit f64",
  "jsqubits ÷ qfit f64",
  "naive ÷ qfit f64",
];
const printRow = (r: Row, columns = header.length) =>
  console.log(
    [
      r.qubits,
      r.gates,
      r.single.threads,
      r.single.passes,
      fmtS(r.single.ms),
      fmtS(r.single.floorMs),
      fmtS(r.single.bandwidthFloorMs),
      r.single.GBps.toFixed(1),
      fmtS(r.double?.ms),
      fmtS(r.singleUnblocked?.ms),
      fmtS(r.singleNoFusion?.ms),
      fmtS(r.naiveMs),
      fmtS(r.quantumCircuitMs),
      fmtS(r.jsqubitsMs),
      ratio(r.single.ms, r.qsimFused2TMs),
      ratio(r.single.ms, r.qsimFused1TMs),
      ratio(r.quantumCircuitMs, r.double?.ms),
      ratio(r.jsqubitsMs, r.double?.ms),
      ratio(r.naiveMs, r.double?.ms),
    ]
      .slice(0, columns)
      .join(" | "),
  );

console.log(
  `Workload "reference": the peers' circuit (../shared/references/simulation.md): 20 moments, 15·N gates, seeded. ` +
    `qfit = WASM SIMD kernel (${wasmKernelBuild()} build), ${threads} thread(s), default fusion and cache blocking; ` +
    `medians. "arith floor" = complex multiply-adds ÷ (f32x4 rate × threads); "bw floor" = passes × bytes per ` +
    `pass ÷ in-place bandwidth. "qfit ÷ qsim": qfit's time over qsim's recorded one (< 1: qfit faster); ` +
    `peer ÷ qfit: > 1 means qfit faster.`,
);
console.log(header.join(" | "));
for (const n of sizes) {
  const row = timeWorkload({ name: "reference", circuit: referenceCircuit(n, 2026 + n) }, true);
  rows.push(row);
  printRow(row);
}
if (withPairs) {
  console.log(
    `\nWorkload "pairs20": 20 pairs of moments (30·N gates), a different, heavier circuit; no recorded peer ` +
      "applies to it.",
  );
  console.log(header.slice(0, 10).join(" | "));
  for (const n of sizes.filter((n) => n <= 26)) {
    const row = timeWorkload({ name: "pairs20", circuit: pairsCircuit(n, 2026 + n) }, false);
    rows.push(row);
    printRow(row, 10);
  }
}

// Threads crossover (plan.ts MIN_THREADED_STATE_BYTES): 1 vs 2 threads per size, runs alternated so load
// drifts hit both alike; the default switches to the pool where 2 threads start to win.
if (threads > 1) {
  console.log(
    "\nThreads crossover (reference circuits, medians of alternated runs): qubits | precision | 1 thread | 2 threads | 2T ÷ 1T",
  );
  for (const n of [14, 16, 17, 18, 19, 20]) {
    const c = referenceCircuit(n, 2026 + n);
    for (const precision of ["single", "double"] as const) {
      const times: Record<number, number[]> = { 1: [], 2: [] };
      for (let r = 0; r < 7; r++)
        for (const t of [1, 2]) {
          const t0 = performance.now();
          simulate(c, { shots: 1, seed: 1, threads: t, precision });
          times[t].push(performance.now() - t0);
        }
      const one = median(times[1]);
      const two = median(times[2]);
      console.log([n, precision, fmtS(one), fmtS(two), (two / one).toFixed(2)].join(" | "));
    }
  }
}

// Parser throughput on a large generated file.
const big = toQasm(pairsCircuit(20, 1));
const parseMs = timeMs(() => parseQasm(big, { filename: "bench.qasm" }), 5);
const lines = big.split("\n").length;
console.log(`\nParser: ${lines} lines in ${parseMs.toFixed(1)} ms median`);

// Sampling at scale: 1e6 shots from a random complex64 state on the largest size run (the issue: 28 qubits).
// The state lives where a run leaves it (the WASM arena), so the block table comes from the WASM kernel as in
// simulate(); timed: the block table and the sampler, not the key strings.
const sampleQubits = Math.max(...sizes);
const kernel = selectKernel("wasm");
kernel.setThreads?.(threads);
const state = kernel.createState(sampleQubits, "single");
const rng = createPrng(7);
for (let i = 0; i < state.length; i++) state[i] = rng.nextDouble() - 0.5;
const sampleMs = timeMs(
  () =>
    sampleIndices(
      state,
      "amplitudes",
      1_000_000,
      createPrng(5),
      kernel.blockNorms?.(state, sampleQubits, SAMPLE_BLOCK),
    ),
  3,
);
console.log(
  `Sampling: 1e6 shots from a ${sampleQubits}-qubit complex64 state (${kernel.name} kernel): ${fmtS(sampleMs)} median`,
);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const json = `${JSON.stringify(
  {
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    threads,
    kernelBuild: wasmKernelBuild(),
    loadAverage: loadavg(),
    copyBandwidthGBps: bandwidth,
    inPlaceBandwidthGBps: inPlace,
    maddsPerSecondPerThread: madds,
    rows,
    parseMs,
    lines,
    sampling: { qubits: sampleQubits, shots: 1e6, ms: sampleMs },
    reference: { source: reference.source, asOf: reference.asOf },
  },
  null,
  2,
)}\n`;
writeFileSync(new URL(`./results/bench-${stamp}.json`, import.meta.url), json);
writeFileSync(new URL("./results/latest.json", import.meta.url), json);
await import("./estimate.js");
