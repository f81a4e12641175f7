// `npm run bench:noise`: noisy-simulation speed (never asserted in tests). Times the density-matrix backend and
// Monte-Carlo trajectories on the same transpiled noisy GHZ and QFT circuits, and the transpiler itself.
import { benchmarkCircuit } from "../src/circuit/benchmarks.js";
import { deviceModel } from "../src/device/device-model.js";
import { buildNoisyCircuit } from "../src/noise/noisy-circuit.js";
import { simulateDensity } from "../src/sim/density.js";
import { simulateTrajectories } from "../src/sim/trajectories.js";
import { createPrng } from "../src/stats/prng.js";
import { transpile } from "../src/transpile/transpile.js";
import { timeMs } from "./timing.js";

const device = deviceModel(process.env.QFIT_BENCH_DEVICE ?? "ibm-heron-r2");
const sizes = (process.env.QFIT_BENCH_QUBITS ?? "4,6,8,10").split(",").map(Number);
const T = 100;
console.log(`device ${device.id}; trajectories: ${T}; medians of 3 runs (ms)`);
console.log("circuit  n   2q  steps  transpile  density  trajectories  traj/density");
for (const kind of ["ghz", "qft"] as const)
  for (const n of sizes) {
    const c = benchmarkCircuit(kind, n);
    let r = transpile(c, device);
    const tt = timeMs(() => {
      r = transpile(c, device);
    });
    const nc = buildNoisyCircuit(r.circuit, device.noise);
    const td = n <= 11 ? timeMs(() => simulateDensity(nc)) : Number.NaN;
    const tr = timeMs(() => simulateTrajectories(nc, T, createPrng(1)));
    console.log(
      `${kind.padEnd(7)} ${String(n).padStart(2)} ${String(r.metrics.twoQubitGates).padStart(4)} ${String(nc.steps.length).padStart(6)} ${tt.toFixed(1).padStart(10)} ${td.toFixed(1).padStart(8)} ${tr.toFixed(1).padStart(13)} ${(tr / td).toFixed(2).padStart(13)}`,
    );
  }
