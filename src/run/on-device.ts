// Run a circuit as a device would: transpile it to the device, simulate it ideally and with the device's noise
// (density matrix or trajectories), compare the two distributions (Hellinger fidelity), and put next to them
// the estimator's success probability and the time and price of the shots on the real device.

import { applyReadoutErrors } from "../circuit/channels.js";
import type { Circuit, Operation } from "../circuit/ir.js";
import { type DeviceModel, deviceModel } from "../device/device-model.js";
import { type CircuitShape, shotSeconds, successProbabilityLog10 } from "../device/timing.js";
import { userError } from "../errors.js";
import { buildNoisyCircuit, type NoisyCircuit } from "../noise/noisy-circuit.js";
import { densityMatrixBytes, MAX_DENSITY_QUBITS, simulateDensity } from "../sim/density.js";
import { outcomeKey, sortedRecord } from "../sim/outcomes.js";
import { sampleIndices } from "../sim/sampling.js";
import { simulate } from "../sim/simulate.js";
import { simulateTrajectories } from "../sim/trajectories.js";
import { createPrng, isValidSeed, randomSeed } from "../stats/prng.js";
import { TRANSPILE_LIMITS, type TranspileResult, transpile } from "../transpile/transpile.js";

export type NoisyMethod = "auto" | "density" | "trajectories";

export interface NoisyRunOptions {
  device: string | DeviceModel;
  /** Simulate the device's noise (default true); off runs the transpiled circuit ideally. */
  noise?: boolean;
  method?: NoisyMethod;
  shots?: number;
  seed?: number;
  /** Trajectories for the trajectories method (default min(shots, 2000)). */
  trajectories?: number;
  maxMemoryBytes?: number;
  /** Routing work the caller allows (transpile.ts TRANSPILE_LIMITS.maxRoutingWork by default). */
  maxRoutingWork?: number;
  /** Noisy-simulation work the caller allows, in amplitude updates (default MAX_NOISY_WORK). */
  maxNoisyWork?: number;
}

/**
 * The noisy engines' work, counted before they run (issue 15): the density matrix updates 4^n entries per step
 * (a gate or a channel), a trajectory 2^n amplitudes per step, once per trajectory. On the 2-core reference
 * machine the density method does about 7e8 such updates a second and trajectories about 1.5e8, so the limit is
 * about a minute and four minutes of work there.
 */
export const MAX_NOISY_WORK = 2 ** 35;

/**
 * The work budgets for a caller with a time limit (the server's --timeout): what a machine about five times faster
 * than the reference one could do in `seconds` (routing 2.5e5 units/s, noisy 1e9 updates/s), never more than the
 * defaults. Work surely beyond the time limit is refused at once instead of being stopped when the time is up.
 */
export function workBudgetWithin(seconds: number): { maxRoutingWork: number; maxNoisyWork: number } {
  return {
    maxRoutingWork: Math.min(TRANSPILE_LIMITS.maxRoutingWork, Math.ceil(seconds * 2.5e5)),
    maxNoisyWork: Math.min(MAX_NOISY_WORK, Math.ceil(seconds * 1e9)),
  };
}

/** Amplitude updates the method needs for `steps` noisy steps on n qubits. */
export function noisyWork(
  method: "density" | "trajectories",
  n: number,
  steps: number,
  trajectories: number,
): number {
  return method === "density" ? steps * 4 ** n : trajectories * steps * 2 ** n;
}

export interface NoisyRunResult {
  device: string;
  qubits: number;
  shots: number;
  seed: number;
  noise: boolean;
  method: "density" | "trajectories" | "statevector";
  trajectories?: number;
  transpiled: {
    depth: number;
    twoQubitGates: number;
    oneQubitGates: number;
    swaps: number;
    durationNs: number;
    initialLayout: number[];
    finalLayout: number[];
  };
  ideal: { counts: Record<string, number>; probabilities: Record<string, number> };
  noisy: { counts: Record<string, number>; probabilities: Record<string, number> };
  hellingerFidelity: number;
  estimatedSuccessProbability: number;
  deviceTime: {
    seconds: number;
    usd: number | null;
    shotSeconds: number;
    repetitionDelayUs: number | null;
    priceBasis: string;
  };
  assumptions: string[];
  notes: string[];
}

/** Hellinger fidelity (Σ_k √(p_k q_k))², Qiskit's `hellinger_fidelity` on normalised distributions. */
export function hellingerFidelity(p: Record<string, number>, q: Record<string, number>): number {
  const tp = Object.values(p).reduce((a, b) => a + b, 0);
  const tq = Object.values(q).reduce((a, b) => a + b, 0);
  let bc = 0;
  for (const [k, v] of Object.entries(p)) if (k in q) bc += Math.sqrt((v / tp) * (q[k] / tq));
  return bc * bc;
}

/** The circuit with every qubit measured into a new register `meas` when it measures nothing. */
export function withMeasurements(circuit: Circuit): { circuit: Circuit; added: boolean } {
  if (circuit.ops.some((o) => o.kind === "measure")) return { circuit, added: false };
  const n = circuit.numQubits;
  const offset = circuit.numClbits;
  const ops: Operation[] = [...circuit.ops];
  for (let q = 0; q < n; q++) ops.push({ kind: "measure", qubit: q, clbit: offset + q });
  return {
    circuit: {
      ...circuit,
      numClbits: offset + n,
      cregs: [...circuit.cregs.map((r) => ({ ...r })), { name: "meas", size: n, offset }],
      ops,
    },
    added: true,
  };
}

/** The estimator's success probability for a compiled circuit (one formula: device/timing.ts). */
export function estimatedSuccess(
  t: TranspileResult,
  device: DeviceModel,
): { shape: CircuitShape; esp: number } {
  const virtual = new Set(device.basis.virtual);
  const gates = t.circuit.ops.filter((o) => o.kind === "gate");
  const shape: CircuitShape = {
    qubits: t.circuit.numQubits,
    oneQubitGates: gates.filter((g) => g.qubits.length === 1 && !virtual.has(g.name)).length,
    twoQubitGates: t.metrics.twoQubitGates,
    depth: t.metrics.depth,
    durationNs: t.metrics.durationNs,
  };
  return { shape, esp: 10 ** successProbabilityLog10(shape, device.timing) };
}

function record(nc: NoisyCircuit, probs: Float64Array): Record<string, number> {
  const clbits = new Uint8Array(nc.numClbits);
  const out = new Map<string, number>();
  for (let g = 0; g < probs.length; g++) {
    if (!(probs[g] > 1e-15)) continue;
    for (let j = 0; j < nc.terminal.length; j++) clbits[nc.terminal[j].clbit] = (g >>> j) & 1;
    const key = outcomeKey(clbits, nc.keyRegisters);
    out.set(key, (out.get(key) ?? 0) + probs[g]);
  }
  return sortedRecord(out);
}

/**
 * Index → count pairs from `sampleIndices`, accepting both shapes the sampler has had (a Map, or parallel
 * `indices`/`counts` arrays), so this module does not depend on the sampler's container.
 */
function sampledPairs(r: unknown): Array<[number, number]> {
  if (r instanceof Map) return [...r.entries()] as Array<[number, number]>;
  const { indices, counts } = r as { indices: ArrayLike<number>; counts: ArrayLike<number> };
  return Array.from(indices, (i, k) => [i, counts[k]] as [number, number]);
}

function countsRecord(nc: NoisyCircuit, hits: Iterable<[number, number]>): Record<string, number> {
  const probs = new Map<string, number>();
  const clbits = new Uint8Array(nc.numClbits);
  for (const [g, c] of hits) {
    for (let j = 0; j < nc.terminal.length; j++) clbits[nc.terminal[j].clbit] = (g >>> j) & 1;
    const key = outcomeKey(clbits, nc.keyRegisters);
    probs.set(key, (probs.get(key) ?? 0) + c);
  }
  return sortedRecord(probs);
}

export function chooseMethod(
  n: number,
  trajectories: number,
  maxMemoryBytes: number,
): "density" | "trajectories" {
  // Density-matrix work per step is ~4^n, trajectories' ~T·2^n: the density matrix wins while 2^n ≤ T.
  if (n <= MAX_DENSITY_QUBITS && densityMatrixBytes(n) <= maxMemoryBytes && 2 ** n <= trajectories)
    return "density";
  return "trajectories";
}

/**
 * The noisy method to run: the one asked for, or with "auto" chooseMethod's; refused, naming the limit, when its
 * work is beyond the budget. (No fallback is needed: "auto" takes the density matrix whenever 2^n ≤ trajectories,
 * which is exactly when it is the cheaper of the two.)
 */
function budgetedMethod(
  requested: NoisyMethod,
  n: number,
  steps: number,
  trajectories: number,
  maxMemoryBytes: number,
  maxNoisyWork: number = MAX_NOISY_WORK,
): "density" | "trajectories" {
  const preferred = requested === "auto" ? chooseMethod(n, trajectories, maxMemoryBytes) : requested;
  // A density matrix too large for its method or the memory is refused by the engine itself, with its own limit.
  if (noisyWork(preferred, n, steps, trajectories) <= maxNoisyWork) return preferred;
  const work = noisyWork(preferred, n, steps, trajectories);
  const how =
    preferred === "density"
      ? `${steps.toLocaleString("en-US")} steps × 4^${n} density-matrix entries`
      : `${trajectories.toLocaleString("en-US")} trajectories × ${steps.toLocaleString("en-US")} steps × 2^${n} amplitudes`;
  throw userError(
    "Noise.Limit.Work",
    `the ${preferred} method needs ${how} = ${work.toExponential(2)} amplitude updates, beyond the noisy-simulation ` +
      `limit of ${maxNoisyWork.toExponential(2)}`,
    {
      field: preferred === "trajectories" ? "trajectories" : "circuit",
      hint:
        preferred === "trajectories"
          ? "use fewer trajectories (--trajectories N), a smaller circuit, or --noise off"
          : "use --method trajectories, a smaller circuit, or --noise off",
    },
  );
}

export function runOnDevice(original: Circuit, options: NoisyRunOptions): NoisyRunResult {
  const device = typeof options.device === "string" ? deviceModel(options.device) : options.device;
  const shots = options.shots ?? 1024;
  if (!Number.isInteger(shots) || shots < 1 || shots > 1e9)
    throw userError("Sim.InvalidShots", `shots must be an integer from 1 to 1e9, got ${shots}`, {
      field: "shots",
    });
  if (options.seed !== undefined && !isValidSeed(options.seed))
    throw userError("Sim.InvalidSeed", `invalid seed ${options.seed}`, { field: "seed" });
  const seed = options.seed ?? randomSeed();
  const maxMemoryBytes = options.maxMemoryBytes ?? 4 * 1024 ** 3;
  const notes: string[] = [];
  const { circuit, added } = withMeasurements(original);
  if (added) notes.push("the circuit measures nothing: every qubit was measured into a new register `meas`");
  const t = transpile(circuit, device, { maxRoutingWork: options.maxRoutingWork });
  const n = t.circuit.numQubits;
  const noise = options.noise ?? true;
  const trajectories = options.trajectories ?? Math.min(shots, 2000);
  if (!Number.isInteger(trajectories) || trajectories < 1 || trajectories > 1e7)
    throw userError("Noise.InvalidTrajectories", `trajectories must be an integer from 1 to 1e7`, {
      field: "trajectories",
    });
  const nc = buildNoisyCircuit(t.circuit, noise ? device.noise : null);
  const requested = options.method ?? "auto";
  const method: NoisyRunResult["method"] = noise
    ? budgetedMethod(requested, n, nc.steps.length, trajectories, maxMemoryBytes, options.maxNoisyWork)
    : "statevector";
  const ideal = simulate(circuit, { shots, seed, probabilities: true, maxMemoryBytes });
  const rng = createPrng(seed ^ 0x5bd1e995);
  let noisyProbs: Record<string, number>;
  let noisyCounts: Record<string, number>;
  if (!noise) {
    const r = simulate(t.circuit, { shots, seed, probabilities: true, maxMemoryBytes });
    noisyProbs = r.probabilities ?? {};
    noisyCounts = r.counts;
  } else {
    if (method === "density") {
      const d = simulateDensity(nc, { maxMemoryBytes });
      applyReadoutErrors(d.probabilities, nc.readout);
      noisyProbs = record(nc, d.probabilities);
      noisyCounts = countsRecord(
        nc,
        sampledPairs(sampleIndices(d.probabilities, "probabilities", shots, rng)),
      );
    } else {
      if (16 * 2 ** n > maxMemoryBytes)
        throw userError("Sim.TooManyQubits", `a ${n}-qubit statevector does not fit the memory limit`, {
          field: "circuit",
        });
      const tr = simulateTrajectories(nc, trajectories, rng);
      const probs = tr.probabilities.slice();
      applyReadoutErrors(probs, nc.readout);
      noisyProbs = record(nc, probs);
      if (trajectories === shots) {
        // One shot per trajectory, each bit misread with the readout error.
        const flipped = new Map<number, number>();
        for (const [g, c] of tr.samples)
          for (let k = 0; k < c; k++) {
            let h = g;
            nc.readout.forEach((e, j) => {
              if (!e) return;
              const bit = (g >>> j) & 1;
              if (rng.nextDouble() < (bit ? e.p0Given1 : e.p1Given0)) h ^= 1 << j;
            });
            flipped.set(h, (flipped.get(h) ?? 0) + 1);
          }
        noisyCounts = countsRecord(nc, flipped);
      } else {
        noisyCounts = countsRecord(nc, sampledPairs(sampleIndices(probs, "probabilities", shots, rng)));
        notes.push(
          `${trajectories} trajectories for ${shots} shots: counts are sampled from the trajectory-averaged distribution`,
        );
      }
      notes.push(
        `trajectory estimate: the noisy probabilities carry a statistical error (${trajectories} trajectories)`,
      );
    }
  }
  const idealProbs = ideal.probabilities ?? {};
  const { shape, esp } = estimatedSuccess(t, device);
  const perShot = shotSeconds(shape, device.timing);
  const rep = device.repetitionDelayUs;
  const seconds = shots * (perShot + (rep ?? 0) * 1e-6);
  let usd: number | null = null;
  let priceBasis = "no price in the catalog";
  if (device.price.usdPerQpuSecond !== null) {
    usd = seconds * device.price.usdPerQpuSecond;
    priceBasis = `$${device.price.usdPerQpuSecond} per QPU-second`;
  } else if (device.price.usdPerShot !== null) {
    usd = shots * device.price.usdPerShot + (device.price.usdPerTask ?? 0);
    priceBasis = `$${device.price.usdPerShot} per shot + $${device.price.usdPerTask ?? 0} per task`;
  }
  return {
    device: device.id,
    qubits: n,
    shots,
    seed,
    noise,
    method,
    ...(method === "trajectories" ? { trajectories } : {}),
    transpiled: {
      depth: t.metrics.depth,
      twoQubitGates: t.metrics.twoQubitGates,
      oneQubitGates: t.metrics.oneQubitGates,
      swaps: t.metrics.swaps,
      durationNs: t.metrics.durationNs,
      initialLayout: t.initialLayout,
      finalLayout: t.finalLayout,
    },
    ideal: { counts: ideal.counts, probabilities: idealProbs },
    noisy: { counts: noisyCounts, probabilities: noisyProbs },
    hellingerFidelity: hellingerFidelity(idealProbs, noisyProbs),
    estimatedSuccessProbability: esp,
    deviceTime: { seconds, usd, shotSeconds: perShot, repetitionDelayUs: rep, priceBasis },
    assumptions: device.assumptions,
    notes: [...notes, ...nc.notes],
  };
}
