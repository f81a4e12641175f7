// Time evolution of a spin lattice, one qubit per site. Default: the 2D transverse-field Ising model
// H = −J Σ Z_iZ_j + g Σ X_i (J = g = 1) on a square lattice — the quantum-dynamics workload of the Azure resource
// estimator paper (Beverland et al. 2022 App. F), which is not classically solvable at scale. Quantum: its
// fourth-order Suzuki circuit, rotations synthesised into T gates by the estimator. Classical: the strongest
// standard method that fits — a GPU statevector, or a matrix-product state with its bond dimension bounded by
// the entanglement the circuit can build (src/estimate/baselines/lattice-dynamics.ts).
// Option `model: "tfim-1d"`: the 1D chain with first-order Trotter (Childs et al. 2021 bound), flagged as
// classically solvable — free fermions by Jordan–Wigner, a polynomial classical cost.
import { z } from "zod";
import { userError } from "../errors.js";
import { bestMethod } from "../estimate/baselines/best-method.js";
import {
  type Boundary,
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
import { DEFAULT_GPU, DEFAULT_GPU_COUNT } from "../estimate/gpu.js";
import type { NativeModel } from "../estimate/native.js";
import { getGpu, unverifiedNotes } from "../hardware/catalog.js";
import hsJson from "./data/hamiltonian-simulation.json" with { type: "json" };

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
  .parse(hsJson);

/** First-order Trotter steps for the TFIM chain: ⌈t²·4(n−1)/(2ε)⌉ (Childs et al. 2021). */
export function trotterSteps(sites: number, time: number, precision: number): number {
  return Math.max(1, Math.ceil((time * time * 4 * (sites - 1)) / (2 * precision)));
}

export const HS_MODELS = ["tfim-2d", "heisenberg-2d", "tfim-1d"] as const;
export type HsModel = (typeof HS_MODELS)[number];

export interface HamiltonianSimulationInput {
  /**
   * "tfim-2d" (default): 2D transverse-field Ising; "heisenberg-2d": 2D Heisenberg J Σ (XX + YY + ZZ);
   * "tfim-1d": the chain, classically solvable (free fermions).
   */
  model?: HsModel;
  sites?: number;
  /** 2D lattice boundary (default periodic, as Beverland et al.'s 10 × 10 instance). */
  boundary?: Boundary;
  /**
   * Evolution time. 1D default: n. 2D default: 2·√n Suzuki steps (Beverland's r = 20 at 10 × 10); a given time
   * sets ⌈time/0.9⌉ steps, the Q# sample's step size.
   */
  time?: number;
  /** Trotter error ε of the 1D first-order bound (default 1e-3). */
  precision?: number;
  gpu?: string;
  gpus?: number;
}

export const HS_DEFAULT_SITES = 100;
export const HS_DEFAULT_MODEL: HsModel = "tfim-2d";

export function hamiltonianSimulationModel(input: HamiltonianSimulationInput = {}): NativeModel {
  const model = input.model ?? HS_DEFAULT_MODEL;
  const bad = (field: string, what: string, v: unknown) =>
    userError("Workload.HamiltonianSimulation.InvalidInput", `${field} ${what}, got ${v}`, { field });
  if (!HS_MODELS.includes(model)) throw bad("model", `must be one of ${HS_MODELS.join(", ")}`, model);
  const is2d = model !== "tfim-1d";
  const heisenberg = model === "heisenberg-2d";
  const n = input.sites ?? HS_DEFAULT_SITES;
  if (!Number.isInteger(n) || n < (is2d ? 4 : 2) || n > 10_000)
    throw bad("sites", `must be a whole number in [${is2d ? 4 : 2}, 10000]`, n);
  const boundary = input.boundary ?? "periodic";
  if (boundary !== "periodic" && boundary !== "open")
    throw bad("boundary", "must be periodic or open", boundary);
  const eps = input.precision ?? data.defaults.precision;
  if (!(eps > 0 && eps < 1)) throw bad("precision", "must be in (0, 1)", eps);
  if (input.time !== undefined && !(input.time > 0 && input.time <= 1e6))
    throw bad("time", "must be in (0, 1e6]", input.time);
  const gpus = input.gpus ?? DEFAULT_GPU_COUNT;
  if (!Number.isInteger(gpus) || gpus < 1) throw bad("gpus", "must be a whole number ≥ 1", gpus);
  const gpu = getGpu(input.gpu ?? DEFAULT_GPU);
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
    input.time !== undefined
      ? Math.max(1, Math.ceil(input.time / s4.stepSizeDefault))
      : Math.max(1, Math.round(data.defaults.stepsPerSide2d * Math.sqrt(N)));
  const counts2d = (N: number) => formulaCounts(squareLattice(N, boundary), steps2d(N));
  // 1D: first-order Trotter with the commutator bound.
  const time1d = (N: number) => input.time ?? data.defaults.timePerSite * N;
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
    sizeRange: [4, 400],
    integerSizes: true,
    machine: {
      id: gpu.id,
      name: gpu.name,
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
          `${input.time === undefined ? `${data.defaults.stepsPerSide2d}·√n Suzuki steps (${data.defaults.stepsPerSide2dSource})` : `⌈${input.time}/${s4.stepSizeDefault}⌉ Suzuki steps (the Q# sample's step size)`}; a fixed step size carries no rigorous error bound (as in the Q# sample), which is optimistic for the quantum side`,
          `classical: the fastest of a GPU statevector and a matrix-product state that fits in ${gpus.toLocaleString("en-US")} × ${gpu.memoryGb} GB, perfect scaling, no inter-GPU communication (optimistic for the classical side); ${latticeData.mps.method}`,
          `classical method at ${n} sites: ${chosen.method}`,
        ]
      : [
          `evolution time t = ${input.time === undefined ? "n (grows with the chain)" : input.time}, Trotter error ε = ${eps}; the commutator bound is loose, so the quantum step count is pessimistic`,
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
