// Trotterised time evolution of the 1D transverse-field Ising chain, one qubit per site. Quantum: first-order
// Trotter with r = ⌈t²·‖[A,B]‖/(2ε)⌉ steps (Childs et al. 2021, two-term commutator bound), each step n − 1 ZZ
// rotations and n X rotations in 3 layers, synthesised into T gates by the estimator. Classical: a statevector on
// GPUs, memory-bandwidth bound, which must fit in the cluster's memory.
import { z } from "zod";
import { userError } from "../errors.js";
import { DEFAULT_GPU, DEFAULT_GPU_COUNT } from "../estimate/gpu.js";
import type { NativeModel } from "../estimate/native.js";
import { getGpu, unverifiedNotes } from "../hardware/catalog.js";
import hsJson from "./data/hamiltonian-simulation.json" with { type: "json" };

const data = z
  .strictObject({
    $comment: z.string(),
    trotter: z.strictObject({ order: z.literal(1), bound: z.string(), source: z.string() }),
    defaults: z.strictObject({ precision: z.number().positive(), timePerSite: z.number().positive() }),
    classical: z.strictObject({
      method: z.string(),
      bytesPerAmplitude: z.number().positive(),
      bytesMovedPerAmplitudePerGate: z.number().positive(),
      source: z.string(),
    }),
  })
  .parse(hsJson);

/** First-order Trotter steps for the TFIM chain: ⌈t²·4(n−1)/(2ε)⌉ (Childs et al. 2021). */
export function trotterSteps(sites: number, time: number, precision: number): number {
  return Math.max(1, Math.ceil((time * time * 4 * (sites - 1)) / (2 * precision)));
}

export interface HamiltonianSimulationInput {
  sites?: number;
  /** Evolution time (default: n, i.e. time grows with the system). */
  time?: number;
  precision?: number;
  gpu?: string;
  gpus?: number;
}

export const HS_DEFAULT_SITES = 50;

export function hamiltonianSimulationModel(input: HamiltonianSimulationInput = {}): NativeModel {
  const n = input.sites ?? HS_DEFAULT_SITES;
  const bad = (field: string, what: string, v: unknown) =>
    userError("Workload.HamiltonianSimulation.InvalidInput", `${field} ${what}, got ${v}`, { field });
  if (!Number.isInteger(n) || n < 2 || n > 10_000)
    throw bad("sites", "must be a whole number in [2, 10000]", n);
  const eps = input.precision ?? data.defaults.precision;
  if (!(eps > 0 && eps < 1)) throw bad("precision", "must be in (0, 1)", eps);
  if (input.time !== undefined && !(input.time > 0 && input.time <= 1e6))
    throw bad("time", "must be in (0, 1e6]", input.time);
  const timeOf = (sites: number) => input.time ?? data.defaults.timePerSite * sites;
  const gpus = input.gpus ?? DEFAULT_GPU_COUNT;
  if (!Number.isInteger(gpus) || gpus < 1) throw bad("gpus", "must be a whole number ≥ 1", gpus);
  const gpu = getGpu(input.gpu ?? DEFAULT_GPU);
  const rotations = (sites: number) => trotterSteps(sites, timeOf(sites), eps) * (2 * sites - 1);
  const c = data.classical;
  return {
    kind: "hamiltonian-simulation",
    id: `tfim-1d-${n}`,
    name: `Time evolution of a ${n}-site transverse-field Ising chain`,
    sizeLabel: "sites",
    size: n,
    sizeRange: [4, 400],
    integerSizes: true,
    machine: {
      id: gpu.id,
      name: gpu.name,
      count: gpus,
      opsPerSecondPerDevice: gpu.memoryBandwidthGbPerS * 1e9,
      opsUnit: "byte",
      rateSource: `${gpu.source} (memory bandwidth ${gpu.memoryBandwidthGbPerS} GB/s, ${gpu.memoryGb} GB)`,
      memoryBytesPerDevice: gpu.memoryGb * 1e9,
      priceUsdPerDeviceHour: (gpu.priceUsdPerGpuHourLow + gpu.priceUsdPerGpuHourHigh) / 2,
      powerW: gpu.tdpW,
      unverified: unverifiedNotes(gpu, [
        "memoryBandwidthGbPerS",
        "memoryGb",
        "tdpW",
        "priceUsdPerGpuHourLow",
        "priceUsdPerGpuHourHigh",
      ]),
    },
    classical: (sites) => ({
      ops: rotations(sites) * 2 ** sites * c.bytesMovedPerAmplitudePerGate,
      memoryBytes: 2 ** sites * c.bytesPerAmplitude,
      formula: `${rotations(sites).toExponential(3)} rotations × 2^${sites} amplitudes × ${c.bytesMovedPerAmplitudePerGate} bytes (${c.method})`,
    }),
    quantum: (sites) => {
      const r = trotterSteps(sites, timeOf(sites), eps);
      return {
        kind: "fault-tolerant",
        counts: { numQubits: sites, rotationCount: r * (2 * sites - 1), rotationDepth: 3 * r },
        formula: `${r.toExponential(3)} first-order Trotter steps (t = ${timeOf(sites)}, ε = ${eps}; ${data.trotter.bound}) × (${sites - 1} ZZ + ${sites} X rotations, 3 layers)`,
      };
    },
    assumptions: [
      `evolution time t = ${input.time === undefined ? "n (grows with the chain)" : input.time}, Trotter error ε = ${eps}; the commutator bound is loose, so the quantum step count is pessimistic`,
      `classical: ${c.method}; perfect scaling over ${gpus.toLocaleString("en-US")} GPUs, no inter-GPU communication (optimistic for the classical side)`,
    ],
    notes: [
      "a 1D chain at moderate times has little entanglement: tensor-network (MPS) methods can simulate far beyond the statevector memory wall, so this classical baseline is the brute-force one",
    ],
    unverified: [],
    sources: [data.trotter.source, gpu.source, gpu.priceSource, "[F1]"],
  };
}
