// Trotterised time evolution of the 1D transverse-field Ising chain, one qubit per site. Quantum: first-order
// Trotter with r = ⌈t²·‖[A,B]‖/(2ε)⌉ steps (Childs et al. 2021, two-term commutator bound), each step n − 1 ZZ
// rotations and n X rotations in 3 layers, synthesised into T gates by the estimator. Classical: a statevector on
// GPUs, memory-bandwidth bound, which must fit in the cluster's memory.
import { z } from "zod";
import { DEFAULT_GPU } from "../estimate/gpu.js";
import type { NativeModel } from "../estimate/native.js";
import { citationIds, getGpu, unverifiedNotes } from "../hardware/catalog.js";
import hsJson from "./data/hamiltonian-simulation.json" with { type: "json" };
import { faultTolerantFields, gpuCountField } from "./fields.js";
import { parseInput } from "./input.js";
import { defineNative } from "./native.js";

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

export const HS_DEFAULT_SITES = 50;

export const hamiltonianSimulationInput = z.strictObject({
  sites: z
    .number()
    .int()
    .min(2)
    .max(10_000)
    .default(HS_DEFAULT_SITES)
    .describe("sites of the chain, one qubit each"),
  evolutionTime: z
    .number()
    .gt(0)
    .max(1e6)
    .optional()
    .describe("evolution time in units of 1/J (default: the number of sites, so time grows with the system)"),
  trotterError: z
    .number()
    .gt(0)
    .lt(1)
    .default(data.defaults.precision)
    .describe("Trotter error ε of the evolution"),
  gpu: z.string().min(1).max(100).default(DEFAULT_GPU).describe("GPU type holding the statevector"),
  gpuCount: gpuCountField("GPUs holding the statevector"),
  ...faultTolerantFields,
});

export type HamiltonianSimulationInput = z.output<typeof hamiltonianSimulationInput>;

/** The model for an input (missing fields take their defaults; out-of-range fields are a user error). */
export function hamiltonianSimulationModel(
  raw: z.input<typeof hamiltonianSimulationInput> = {},
): NativeModel {
  const input = parseInput(hamiltonianSimulationInput, raw, "hamiltonian-simulation");
  const n = input.sites;
  const eps = input.trotterError;
  const timeOf = (sites: number) => input.evolutionTime ?? data.defaults.timePerSite * sites;
  const gpus = input.gpuCount;
  const gpu = getGpu(input.gpu);
  const rotations = (sites: number) => trotterSteps(sites, timeOf(sites), eps) * (2 * sites - 1);
  const c = data.classical;
  return {
    kind: "hamiltonian-simulation",
    id: `tfim-1d-${n}`,
    name: `Time evolution of a ${n}-site transverse-field Ising chain`,
    sizeLabel: "sites",
    size: n,
    method: "statevector",
    strategy: { name: "trotter-ft", title: "First-order Trotter, fault-tolerant" },
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
      `evolution time t = ${input.evolutionTime === undefined ? "n (grows with the chain)" : input.evolutionTime}, Trotter error ε = ${eps}; the commutator bound is loose, so the quantum step count is pessimistic`,
      `classical: ${c.method}; perfect scaling over ${gpus.toLocaleString("en-US")} GPUs, no inter-GPU communication (optimistic for the classical side)`,
    ],
    notes: [
      "a 1D chain at moderate times has little entanglement: tensor-network (MPS) methods can simulate far beyond the statevector memory wall, so this classical baseline is the brute-force one",
    ],
    unverified: [],
    sources: [data.trotter.source, gpu.source, gpu.priceSource, "[F1]"],
  };
}

export const hamiltonianSimulation = defineNative({
  kind: "hamiltonian-simulation",
  title: "Hamiltonian simulation",
  description:
    "Trotterised dynamics of a 1D transverse-field Ising chain (qubits = sites) vs a GPU statevector",
  input: hamiltonianSimulationInput,
  presets: {},
  headline: { field: "sites", label: "sites", range: [4, 400], integer: true, log: true },
  sources: citationIds(data.trotter.source),
  model: hamiltonianSimulationModel,
});
