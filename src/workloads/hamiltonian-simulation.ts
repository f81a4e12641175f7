// Time evolution of a spin lattice, one qubit per site. Default: the 2D transverse-field Ising model
// H = −J Σ Z_iZ_j + g Σ X_i (J = g = 1) on a square lattice — the quantum-dynamics workload of the Azure resource
// estimator paper (Beverland et al. 2022 App. F), which is not classically solvable at scale. Quantum: its
// fourth-order Suzuki circuit, rotations synthesised into T gates by the estimator. Classical: the strongest
// standard method that fits — a GPU statevector, or a matrix-product state with its bond dimension bounded by
// the entanglement the circuit can build (src/estimate/baselines/lattice-dynamics.ts).
// Option `model: "tfim-1d"`: the 1D chain with first-order Trotter (Childs et al. 2021 bound), flagged as
// classically solvable — free fermions by Jordan–Wigner, a polynomial classical cost.
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import { userError } from "../errors.js";
import { bestMethod } from "../estimate/baselines/best-method.js";
import {
  type ClassicalMethodCost,
  freeFermionCost,
  latticeData,
  methodSeconds,
  mpsCost,
  squareLattice,
  statevectorCost,
  suzuki4Counts,
  suzuki4HeisenbergCounts,
} from "../estimate/baselines/lattice-dynamics.js";
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
    defaults: z.strictObject({
      precision: z.number().positive(),
      timePerSite: z.number().positive(),
      stepsPerSide2d: z.number().positive(),
      stepsPerSide2dSource: z.string(),
    }),
    classicallySolvable1d: z.string(),
    tensorNetworks2d: z.string(),
  })
  .parse(hsJson, PARSE_ONCE);

/** First-order Trotter steps for the TFIM chain: ⌈t²·4(n−1)/(2ε)⌉ (Childs et al. 2021). */
export function trotterSteps(sites: number, time: number, precision: number): number {
  return Math.max(1, Math.ceil((time * time * 4 * (sites - 1)) / (2 * precision)));
}

export const HS_MODELS = ["tfim-2d", "heisenberg-2d", "tfim-1d"] as const;
export type HsModel = (typeof HS_MODELS)[number];

export const HS_DEFAULT_SITES = 100;
export const HS_DEFAULT_MODEL: HsModel = "tfim-2d";

export const hamiltonianSimulationInput = z.strictObject({
  model: z
    .enum(HS_MODELS)
    .default(HS_DEFAULT_MODEL)
    .describe(
      "tfim-2d: 2D transverse-field Ising; heisenberg-2d: 2D Heisenberg; tfim-1d: the chain, classically solvable (free fermions)",
    ),
  sites: z
    .number()
    .int()
    .min(2)
    .max(10_000)
    .default(HS_DEFAULT_SITES)
    .describe("lattice sites, one qubit each (at least 4 in 2D)"),
  boundary: z
    .enum(["periodic", "open"])
    .default("periodic")
    .describe("2D lattice boundary (periodic, as Beverland et al.'s 10 × 10 instance)"),
  evolutionTime: z
    .number()
    .gt(0)
    .max(1e6)
    .optional()
    .describe(
      "evolution time in units of 1/J (default: 2·√n Suzuki steps in 2D, n in 1D; in 2D a time sets ⌈time/0.9⌉ steps)",
    ),
  trotterError: z
    .number()
    .gt(0)
    .lt(1)
    .default(data.defaults.precision)
    .describe("Trotter error ε of the 1D first-order bound"),
  gpu: z.string().min(1).max(100).default(DEFAULT_GPU).describe("GPU type of the classical side"),
  gpuCount: gpuCountField("GPUs of the classical side"),
  ...faultTolerantFields,
});

export type HamiltonianSimulationInput = z.output<typeof hamiltonianSimulationInput>;

/** The model for an input (missing fields take their defaults; out-of-range fields are a user error). */
export function hamiltonianSimulationModel(
  raw: z.input<typeof hamiltonianSimulationInput> = {},
): NativeModel {
  const input = parseInput(hamiltonianSimulationInput, raw, "hamiltonian-simulation");
  const model = input.model;
  const bad = (field: string, what: string, v: unknown) =>
    userError("Workload.HamiltonianSimulation.InvalidInput", `${field} ${what}, got ${v}`, { field });
  const is2d = model !== "tfim-1d";
  const heisenberg = model === "heisenberg-2d";
  const n = input.sites;
  if (is2d && n < 4) throw bad("sites", "must be at least 4 on a 2D lattice", n);
  const boundary = input.boundary;
  const eps = input.trotterError;
  const gpus = input.gpuCount;
  const gpu = getGpu(input.gpu);
  const fp64 = gpu.fp64TensorTflops ?? gpu.fp64VectorTflops;
  if (fp64 === null) throw bad("gpu", `${gpu.id} has no FP64 rate in the catalog`, gpu.id);
  const bandwidth = gpu.memoryBandwidthGbPerS * 1e9;
  const flopRate = fp64 * 1e12;
  const capacity = gpu.memoryGb * 1e9 * gpus;
  const seconds = (c: ClassicalMethodCost) => methodSeconds(c, bandwidth, flopRate);
  const s4 = heisenberg ? latticeData.suzuki4Heisenberg : latticeData.suzuki4;
  const formulaCounts = heisenberg ? suzuki4HeisenbergCounts : suzuki4Counts;

  // 2D: Suzuki steps at size N.
  const steps2d = (N: number) =>
    input.evolutionTime !== undefined
      ? Math.max(1, Math.ceil(input.evolutionTime / s4.stepSizeDefault))
      : Math.max(1, Math.round(data.defaults.stepsPerSide2d * Math.sqrt(N)));
  const counts2d = (N: number) => formulaCounts(squareLattice(N, boundary), steps2d(N));
  // 1D: first-order Trotter with the commutator bound.
  const time1d = (N: number) => input.evolutionTime ?? data.defaults.timePerSite * N;
  const rotations1d = (N: number) => trotterSteps(N, time1d(N), eps) * (2 * N - 1);

  const classicalMethod = (N: number): ClassicalMethodCost => {
    if (!is2d) return freeFermionCost(N);
    const c = counts2d(N);
    return bestMethod(
      [statevectorCost(N, c.rotationCount), mpsCost(squareLattice(N, boundary), c.zzLayers)],
      seconds,
      capacity,
    );
  };

  const lattice = squareLattice(n, boundary);
  const name = is2d
    ? `Time evolution of a ${n}-site 2D ${heisenberg ? "Heisenberg" : "transverse-field Ising"} model (${lattice.width} × ${lattice.rows}, ${boundary})`
    : `Time evolution of a ${n}-site transverse-field Ising chain (classically solvable)`;
  const gpuUnverified = unverifiedNotes(gpu, [
    "memoryBandwidthGbPerS",
    "memoryGb",
    "fp64TensorTflops",
    "tdpW",
    "priceUsdPerGpuHourLow",
    "priceUsdPerGpuHourHigh",
  ]);
  const chosen = classicalMethod(n);
  return {
    kind: "hamiltonian-simulation",
    id: `${model}-${n}`,
    name,
    sizeLabel: "sites",
    size: n,
    method: is2d ? "statevector or MPS (the faster that fits)" : "free fermions (Jordan–Wigner)",
    strategy: is2d
      ? { name: "suzuki4-ft", title: "Fourth-order Suzuki, fault-tolerant" }
      : { name: "trotter-ft", title: "First-order Trotter, fault-tolerant" },
    machine: {
      id: gpu.id,
      name: gpu.name,
      kind: "gpu",
      count: gpus,
      // One op = one second of one GPU's work: bandwidth-bound statevector sweeps and FLOP-bound tensor work
      // share the unit.
      opsPerSecondPerDevice: 1,
      opsUnit: "GPU-second",
      rateSource: `${gpu.source} (memory bandwidth ${gpu.memoryBandwidthGbPerS} GB/s, FP64 ${fp64} TFLOP/s, ${gpu.memoryGb} GB)`,
      memoryBytesPerDevice: gpu.memoryGb * 1e9,
      priceUsdPerDeviceHour: (gpu.priceUsdPerGpuHourLow + gpu.priceUsdPerGpuHourHigh) / 2,
      powerW: gpu.tdpW,
      unverified: gpuUnverified,
    },
    classical: (N) => {
      const c = classicalMethod(N);
      return {
        ops: seconds(c),
        memoryBytes: c.memoryBytes,
        formula: `${c.detail}; GPU-seconds = bytes / ${gpu.memoryBandwidthGbPerS} GB/s + FLOPs / ${fp64} TFLOP/s`,
      };
    },
    quantum: (N) => {
      if (is2d) {
        const c = counts2d(N);
        return {
          kind: "fault-tolerant",
          counts: { numQubits: N, rotationCount: c.rotationCount, rotationDepth: c.rotationDepth },
          formula: heisenberg
            ? `${c.steps} fourth-order Suzuki steps (${s4.source}): ${c.rotationCount.toLocaleString("en-US")} rotations = (20r+1) × ${squareLattice(N, boundary).bonds} bonds, depth ${c.rotationDepth}`
            : `${c.steps} fourth-order Suzuki steps (${s4.source}): ${c.rotationCount.toLocaleString("en-US")} rotations = (5r+1)·${N} X + 5r·${squareLattice(N, boundary).bonds} ZZ, depth 25r + 1 = ${c.rotationDepth}`,
        };
      }
      const r = trotterSteps(N, time1d(N), eps);
      return {
        kind: "fault-tolerant",
        counts: { numQubits: N, rotationCount: rotations1d(N), rotationDepth: 3 * r },
        formula: `${r.toExponential(3)} first-order Trotter steps (t = ${time1d(N)}, ε = ${eps}; ${data.trotter.bound}) × (${N - 1} ZZ + ${N} X rotations, 3 layers)`,
      };
    },
    assumptions: is2d
      ? [
          `${input.evolutionTime === undefined ? `${data.defaults.stepsPerSide2d}·√n Suzuki steps (${data.defaults.stepsPerSide2dSource})` : `⌈${input.evolutionTime}/${s4.stepSizeDefault}⌉ Suzuki steps (the Q# sample's step size)`}; a fixed step size carries no rigorous error bound (as in the Q# sample), which is optimistic for the quantum side`,
          `classical: the fastest of a GPU statevector and a matrix-product state that fits in ${gpus.toLocaleString("en-US")} × ${gpu.memoryGb} GB, perfect scaling, no inter-GPU communication (optimistic for the classical side); ${latticeData.mps.method}`,
          `classical method at ${n} sites: ${chosen.method}`,
        ]
      : [
          `evolution time t = ${input.evolutionTime === undefined ? "n (grows with the chain)" : input.evolutionTime}, Trotter error ε = ${eps}; the commutator bound is loose, so the quantum step count is pessimistic`,
          `classical: ${latticeData.freeFermion.formula}, at the GPUs' FP64 peak`,
        ],
    notes: is2d
      ? [data.tensorNetworks2d]
      : [
          `CLASSICALLY SOLVABLE: ${data.classicallySolvable1d}; kept as an example, not as a case for quantum advantage`,
        ],
    unverified: [
      ...(is2d && latticeData.mps.unverified ? [`MPS cost model: ${latticeData.mps.source}`] : []),
      ...(!is2d && latticeData.freeFermion.unverified
        ? [`free-fermion FLOP count: ${latticeData.freeFermion.source}`]
        : []),
    ],
    sources: is2d
      ? [s4.source, latticeData.beverland2022.source, gpu.source, gpu.priceSource, "[vovrosh2025]", "[F1]"]
      : [data.trotter.source, latticeData.freeFermion.source, gpu.source, gpu.priceSource, "[F1]"],
  };
}

export const hamiltonianSimulation = defineNative({
  kind: "hamiltonian-simulation",
  title: "Hamiltonian simulation",
  description:
    "time evolution of a spin lattice (default 2D transverse-field Ising, qubits = sites) vs the strongest classical method that fits on GPUs",
  input: hamiltonianSimulationInput,
  presets: {},
  headline: { field: "sites", label: "sites", range: [4, 400], integer: true, log: true },
  sources: citationIds(data.trotter.source, latticeData.beverland2022.source),
  model: hamiltonianSimulationModel,
});
