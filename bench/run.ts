// `npm run bench`: speed lives here, never in tests. Times qfit's simulator against the naive typed-array
// baseline (bench/naive.ts) on the same circuits in the same run and prints medians and ratios; the machine is
// shared and noisy, so only medians of several runs and ratios taken in one run mean anything.
// Recorded peers (qsim, quantum-circuit, ...) from ../shared/references/simulation.md are printed for context,
// labelled as recorded, not run here.
import { mkdirSync, writeFileSync } from "node:fs";
import { parseQasm, toQasm } from "../src/qasm/index.js";
import { simulate } from "../src/sim/index.js";
import { benchmarkCircuit } from "./circuits.js";
import { naiveStatevector } from "./naive.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => void, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

// qsim fused ≤3 qubits, 2 threads, f32, depth 20, measured on this machine kind (../shared/references/simulation.md)
const QSIM_RECORDED_S: Record<number, number> = { 16: 0.002, 20: 0.019, 22: 0.12, 24: 0.51 };
// plain typed-array JavaScript, no fusion, 1 thread, f64 (same source)
const PLAIN_JS_RECORDED_S: Record<number, number> = { 16: 0.08, 20: 1.4, 22: 6.0, 24: 26 };

const sizes = (process.env.QFIT_BENCH_QUBITS ?? "12,16,20")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0 && n <= 26);

interface Row {
  qubits: number;
  gates: number;
  qfitMs: number;
  naiveMs: number;
  speedupVsNaive: number;
  qsimRecordedMs?: number;
  plainJsRecordedMs?: number;
}

const rows: Row[] = [];
console.log(
  "Statevector, depth-20 random circuits (h/rx/ry/rz/s/t layers + CZ/CX pairs), complex128, 1 thread",
);
console.log(
  "qubits  gates   qfit median   naive median   qfit speed-up   [recorded: qsim 2T f32 | plain JS]",
);
for (const n of sizes) {
  const circuit = benchmarkCircuit(n, 20, 2026 + n);
  const runs = n >= 20 ? 3 : 7;
  const qfitMs = time(() => simulate(circuit, { shots: 1, seed: 1 }), runs);
  const naiveMs = time(() => naiveStatevector(circuit), n >= 20 ? 1 : 5);
  const row: Row = {
    qubits: n,
    gates: circuit.ops.length,
    qfitMs,
    naiveMs,
    speedupVsNaive: naiveMs / qfitMs,
    qsimRecordedMs: QSIM_RECORDED_S[n] === undefined ? undefined : QSIM_RECORDED_S[n] * 1000,
    plainJsRecordedMs: PLAIN_JS_RECORDED_S[n] === undefined ? undefined : PLAIN_JS_RECORDED_S[n] * 1000,
  };
  rows.push(row);
  const rec =
    row.qsimRecordedMs === undefined ? "" : `   [${row.qsimRecordedMs} ms | ${row.plainJsRecordedMs} ms]`;
  console.log(
    `${String(n).padStart(6)}  ${String(row.gates).padStart(5)}  ${qfitMs.toFixed(1).padStart(9)} ms  ${naiveMs
      .toFixed(1)
      .padStart(10)} ms  ${row.speedupVsNaive.toFixed(2).padStart(12)}×${rec}`,
  );
}

// Parser throughput on a large generated file.
const big = toQasm(benchmarkCircuit(20, 2000, 1));
const parseMs = time(() => parseQasm(big, { filename: "bench.qasm" }), 5);
const lines = big.split("\n").length;
console.log(
  `\nParser: ${lines} lines in ${parseMs.toFixed(1)} ms median (${((lines / parseMs) * 1000).toFixed(0)} lines/s)`,
);

// Sampling: 1e6 shots from a 20-qubit state.
const sampleCircuit = benchmarkCircuit(20, 4, 99);
const sampleMs = time(() => simulate(sampleCircuit, { shots: 1_000_000, seed: 5 }), 3);
const evolveMs = time(() => simulate(sampleCircuit, { shots: 1, seed: 5 }), 3);
console.log(
  `Sampling: 1e6 shots from a 20-qubit state: ${(sampleMs - evolveMs).toFixed(1)} ms median beyond the evolution`,
);

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest.json", import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, parseMs, lines, sampleMs, evolveMs }, null, 2)}\n`,
);
await import("./estimate.js");
