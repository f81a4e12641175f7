// `npm run bench`: speed lives here, never in tests. On the seeded depth-20 random circuits of
// ../shared/references/simulation.md it times, in one process and one run: qfit (WASM SIMD kernels, fusion,
// threads; complex64 and complex128), the naive typed-array baseline (bench/naive.ts), the npm peers
// quantum-circuit and jsqubits (skipped where their predicted time exceeds a cap), and a STREAM-like memory
// copy. It prints medians, ns per amplitude per gate, effective GB/s (passes × bytes read and written ÷ time),
// the share of the measured copy bandwidth, and ratios to the peers run here and to the recorded qsim figures
// (bench/reference-simulation.json). The machine is shared and noisy: only medians and same-run ratios mean
// anything. JSON goes to bench/results/.
//
// Environment: QFIT_BENCH_QUBITS (default "16,18,20,22,24"; the full set is 16,18,20,22,24,26,28),
// QFIT_BENCH_PEER_CAP_S (default 60: skip a peer whose predicted time is longer), QFIT_BENCH_THREADS,
// QFIT_BENCH_UNBLOCKED (default 1: also time qfit without cache blocking, for comparison; 0 skips it).
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import type { Circuit } from "../src/circuit/ir.js";
import { parseQasm, toQasm } from "../src/qasm/index.js";
import { opQubits } from "../src/sim/fuse.js";
import {
  createPrng,
  plan,
  type SimulateOptions,
  selectKernel,
  simulate,
  wasmKernelBuild,
} from "../src/sim/index.js";
import { instantiateKernels } from "../src/sim/kernels/apply-wasm.js";
import { useNodeThreads } from "../src/sim/kernels/threads-node.js";
import type { WasmMemory } from "../src/sim/kernels/wasm-api.js";
import { SAMPLE_BLOCK, sampleIndices } from "../src/sim/sampling.js";
import { benchmarkCircuit } from "./circuits.js";
import { naiveStatevector } from "./naive.js";
import { runJsqubits, runQuantumCircuit } from "./peers.js";
import reference from "./reference-simulation.json" with { type: "json" };
import { timeMs } from "./timing.js";

useNodeThreads();
const threads = Number(process.env.QFIT_BENCH_THREADS ?? availableParallelism());
const peerCapS = Number(process.env.QFIT_BENCH_PEER_CAP_S ?? 60);
const withUnblocked = process.env.QFIT_BENCH_UNBLOCKED !== "0";
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
  passes: number;
  bytesPerPass: number;
}

function runQfit(c: Circuit, options: SimulateOptions, runs: number): Measured {
  const o = { shots: 1, seed: 1, threads, ...options };
  const p = plan(c, o);
  // One untimed run on small states first, so the thread pool's start and the tier-up of the WASM code are not
  // charged to whichever configuration happens to run first.
  if (c.numQubits <= 22) simulate(c, o);
  return { ms: timeMs(() => simulate(c, o), runs), passes: p.passes, bytesPerPass: p.bytesPerPass };
}

const fmtS = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? "—" : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;

/**
 * Time a peer unless its previous time here — or, before any, its recorded time (reference JSON) — scaled by
 * 2^Δn and the gate count, predicts more than the cap.
 */
function makePeer(name: string, run: (c: Circuit) => void, recordedAt16S?: number) {
  // The recorded 16-qubit circuit has 16 × 20 one-qubit and 8 × 20 two-qubit gates.
  let last: { n: number; ms: number; gates: number } | null =
    recordedAt16S === undefined ? null : { n: 16, ms: recordedAt16S * 1000, gates: 480 };
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
console.log(
  `Depth-20 random circuits; qfit = WASM SIMD kernel (${wasmKernelBuild()} build), ${threads} thread(s), ` +
    "default fusion and cache blocking. Medians. " +
    `"vs" columns: peer time ÷ qfit time (>1: qfit faster); qsim figures are recorded, not run here.`,
);

interface Row {
  qubits: number;
  gates: number;
  single: Measured & { nsPerAmpGate: number; GBps: number; bandwidthShare: number; floorMs: number };
  double?: Measured;
  singleNoFusion?: Measured;
  /** Same runs without cache blocking (blockQubits 0), for comparison with the default. */
  singleUnblocked?: Measured;
  doubleUnblocked?: Measured;
  naiveMs: number | null;
  quantumCircuitMs: number | null;
  jsqubitsMs: number | null;
  qsimFused2TMs?: number;
  qsimNoFusion2TMs?: number;
}
const rows: Row[] = [];
console.log(
  [
    "qubits",
    "gates",
    "passes",
    "qfit f32",
    "ns/amp/gate",
    "GB/s",
    "%bw",
    "f32 floor",
    "qfit f64",
    "f32 unblocked",
    "f64 unblocked",
    "f32 unfused",
    "naive f64",
    "quantum-circuit",
    "jsqubits",
    "vs qsim 2T",
    "vs qsim unfused",
    "vs naive",
    "vs quantum-circuit",
    "vs jsqubits",
  ].join(" | "),
);
for (const n of sizes) {
  const c = benchmarkCircuit(n, 20, 2026 + n);
  const runs = n >= 26 ? 1 : n >= 22 ? 3 : 5;
  const s = runQfit(c, { precision: "single" }, runs);
  const GBps = (s.passes * s.bytesPerPass) / (s.ms * 1e6);
  const single = {
    ...s,
    nsPerAmpGate: (s.ms * 1e6) / (2 ** n * c.ops.length),
    GBps,
    bandwidthShare: GBps / bandwidth,
    floorMs: (1000 * complexMaddsPerAmplitude(c) * 2 ** n) / (madds * threads),
  };
  // complex128 needs 16·2^n bytes: up to 27 qubits in the WASM arena.
  const double = n <= 27 ? runQfit(c, { precision: "double" }, runs) : undefined;
  const singleUnblocked = withUnblocked
    ? runQfit(c, { precision: "single", blockQubits: 0 }, runs)
    : undefined;
  const doubleUnblocked =
    withUnblocked && n <= 27 ? runQfit(c, { precision: "double", blockQubits: 0 }, runs) : undefined;
  const singleNoFusion = n <= 24 ? runQfit(c, { precision: "single", fusion: false }, runs) : undefined;
  const row: Row = {
    qubits: n,
    gates: c.ops.length,
    single,
    double,
    singleNoFusion,
    singleUnblocked,
    doubleUnblocked,
    naiveMs: n <= 24 ? peers.naive(c) : null,
    quantumCircuitMs: peers.quantumCircuit(c),
    jsqubitsMs: peers.jsqubits(c),
    qsimFused2TMs: recorded.qsimFused3Threads2F32[n] && recorded.qsimFused3Threads2F32[n] * 1000,
    qsimNoFusion2TMs: recorded.qsimNoFusionThreads2F32[n] && recorded.qsimNoFusionThreads2F32[n] * 1000,
  };
  rows.push(row);
  console.log(
    [
      n,
      row.gates,
      s.passes,
      fmtS(s.ms),
      single.nsPerAmpGate.toFixed(3),
      GBps.toFixed(1),
      `${(100 * single.bandwidthShare).toFixed(0)}%`,
      fmtS(single.floorMs),
      fmtS(double?.ms),
      fmtS(singleUnblocked?.ms),
      fmtS(doubleUnblocked?.ms),
      fmtS(singleNoFusion?.ms),
      fmtS(row.naiveMs),
      fmtS(row.quantumCircuitMs),
      fmtS(row.jsqubitsMs),
      ratio(row.qsimFused2TMs, s.ms),
      ratio(row.qsimNoFusion2TMs, s.ms),
      ratio(row.naiveMs, double?.ms),
      ratio(row.quantumCircuitMs, double?.ms),
      ratio(row.jsqubitsMs, double?.ms),
    ].join(" | "),
  );
}

// Parser throughput on a large generated file.
const big = toQasm(benchmarkCircuit(20, 2000, 1));
const parseMs = timeMs(() => parseQasm(big, { filename: "bench.qasm" }), 5);
const lines = big.split("\n").length;
console.log(`\nParser: ${lines} lines in ${parseMs.toFixed(1)} ms median`);

// Sampling at scale: 1e6 shots from a random complex64 state on the largest size run (the issue: 28 qubits).
// The state lives where a run leaves it (the WASM arena), so the block table comes from the WASM kernel as in
// simulate(); timed: the block table and the sampler, not the key strings.
const sampleQubits = Math.max(...sizes);
const kernel = selectKernel("wasm", 8 * 2 ** sampleQubits);
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
