// Costs of simulating the time evolution of a spin lattice, quantum and classical, as plain arithmetic.
// Quantum: the fourth-order Suzuki formula of the Azure resource estimator paper's quantum-dynamics workload
// (Beverland et al. 2022 App. F; the Q# sample microsoft/qsharp samples/estimation/Dynamics.qs). Classical: the
// strongest standard methods — a statevector while it fits, a matrix-product state whose bond dimension is
// bounded by the entanglement the circuit can create, and, for the 1D transverse-field Ising chain, free
// fermions (Jordan–Wigner), which make that model classically easy at any size. Figures in ./data.
import { z } from "zod";
import { PARSE_ONCE } from "../../data-parse.js";
import latticeJson from "./data/lattice-dynamics.json" with { type: "json" };

const flagged = { source: z.string(), unverified: z.boolean() };
const productFormula = z.strictObject({
  scheme: z.string(),
  stepSizeDefault: z.number().positive(),
  zzSubLayers: z.number().int().positive(),
  ...flagged,
});
export const latticeData = z
  .strictObject({
    $comment: z.string(),
    suzuki4: productFormula,
    suzuki4Heisenberg: productFormula,
    beverland2022: z.strictObject({
      name: z.string(),
      side: z.number().int().positive(),
      sites: z.number().int().positive(),
      rotationCount: z.number().int().positive(),
      rotationDepth: z.number().int().positive(),
      measurementCount: z.number().int().nonnegative(),
      errorBudget: z.number().positive(),
      qubit: z.string(),
      logicalQubits: z.number().int().positive(),
      codeDistance: z.number().int().positive(),
      runtimeSecondsPaper: z.number().positive(),
      physicalQubitsPaper: z.number().positive(),
      impliedTrotterSteps: z.number().int().positive(),
      impliedBoundary: z.enum(["periodic", "open"]),
      note: z.string(),
      asOf: z.string(),
      ...flagged,
    }),
    statevector: z.strictObject({
      bytesPerAmplitude: z.number().positive(),
      bytesMovedPerAmplitudePerRotation: z.number().positive(),
      method: z.string(),
      ...flagged,
    }),
    mps: z.strictObject({
      flopsPerGateFormula: z.string(),
      flopsPerGateCoefficient: z.number().positive(),
      bytesPerTensorEntry: z.number().positive(),
      method: z.string(),
      ...flagged,
    }),
    freeFermion: z.strictObject({
      flopsCoefficient: z.number().positive(),
      formula: z.string(),
      bytesPerEntry: z.number().positive(),
      ...flagged,
    }),
  })
  .parse(latticeJson, PARSE_ONCE);

export type Boundary = "periodic" | "open";

export interface SquareLattice {
  sites: number;
  /** Sites per row (⌈√n⌉); the last row may be partial. */
  width: number;
  rows: number;
  bonds: number;
  /** Bonds a cut through the middle of the snake-ordered chain crosses (W open, 2W periodic). */
  cutBonds: number;
  boundary: Boundary;
}

/**
 * n sites filled row by row into rows of W = ⌈√n⌉. Open: n − rows horizontal + n − W vertical bonds. Periodic:
 * 2n bonds (exact for a complete W × rows torus with both sides ≥ 3; a partial last row is approximated).
 */
export function squareLattice(sites: number, boundary: Boundary): SquareLattice {
  const width = Math.ceil(Math.sqrt(sites));
  const rows = Math.ceil(sites / width);
  const bonds = boundary === "periodic" ? 2 * sites : 2 * sites - rows - width;
  return { sites, width, rows, bonds, cutBonds: boundary === "periodic" ? 2 * width : width, boundary };
}

export interface TrotterCounts {
  steps: number;
  rotationCount: number;
  rotationDepth: number;
  /** Two-qubit gate layers (each: one Pauli-pair rotation per bond), the ones that build entanglement. */
  zzLayers: number;
}

/** Fourth-order Suzuki, r steps: (5r+1)·n X rotations + 5r·bonds ZZ rotations; depth (5r+1) + 4·5r = 25r + 1. */
export function suzuki4Counts(lattice: SquareLattice, steps: number): TrotterCounts {
  const zzLayers = 5 * steps;
  const xLayers = zzLayers + 1;
  return {
    steps,
    rotationCount: xLayers * lattice.sites + zzLayers * lattice.bonds,
    rotationDepth: xLayers + latticeData.suzuki4.zzSubLayers * zzLayers,
    zzLayers,
  };
}

/**
 * 2D Heisenberg model, fourth-order Suzuki over the XX, ZZ and YY bond sets (the Q# sample HeisModel2DSim):
 * r steps are 20r + 1 layers, each one Pauli-pair rotation per bond in 4 parallel sub-layers.
 */
export function suzuki4HeisenbergCounts(lattice: SquareLattice, steps: number): TrotterCounts {
  const layers = 20 * steps + 1;
  return {
    steps,
    rotationCount: layers * lattice.bonds,
    rotationDepth: latticeData.suzuki4Heisenberg.zzSubLayers * layers,
    zzLayers: layers,
  };
}

export interface ClassicalMethodCost {
  method: "statevector" | "mps" | "free-fermion";
  flops: number;
  bytesMoved: number;
  memoryBytes: number;
  detail: string;
}

/** Statevector Trotter: every rotation streams all 2^n amplitudes through memory once. */
export function statevectorCost(sites: number, rotations: number): ClassicalMethodCost {
  const s = latticeData.statevector;
  const amplitudes = 2 ** sites;
  return {
    method: "statevector",
    flops: 0,
    bytesMoved: rotations * amplitudes * s.bytesMovedPerAmplitudePerRotation,
    memoryBytes: amplitudes * s.bytesPerAmplitude,
    detail: `statevector: ${rotations.toExponential(3)} rotations × 2^${sites} amplitudes × ${s.bytesMovedPerAmplitudePerRotation} bytes`,
  };
}

/** log2 of the MPS bond dimension after `zzLayers` gate layers: ≤ min(layers × cut bonds, ⌊n/2⌋). */
export function mpsBondDimensionLog2(lattice: SquareLattice, zzLayers: number): number {
  return Math.min(zzLayers * lattice.cutBonds, Math.floor(lattice.sites / 2));
}

/** MPS (TEBD) in snake order at the bound's bond dimension: 8·(2χ)³ FLOPs per gate, vertical bonds W swaps each. */
export function mpsCost(lattice: SquareLattice, zzLayers: number): ClassicalMethodCost {
  const m = latticeData.mps;
  const log2Chi = mpsBondDimensionLog2(lattice, zzLayers);
  const chi = 2 ** log2Chi;
  const vertical = lattice.bonds / 2;
  const gatesPerLayer = lattice.bonds - vertical + vertical * lattice.width;
  const flops = zzLayers * gatesPerLayer * m.flopsPerGateCoefficient * (2 * chi) ** 3;
  return {
    method: "mps",
    flops,
    bytesMoved: 0,
    memoryBytes: lattice.sites * 2 * chi * chi * m.bytesPerTensorEntry,
    detail: `MPS: χ ≤ 2^${log2Chi} (${zzLayers} ZZ layers × ${lattice.cutBonds} cut bonds, capped at 2^⌊n/2⌋), ${(zzLayers * gatesPerLayer).toExponential(3)} gates × ${m.flopsPerGateFormula}`,
  };
}

/** 1D transverse-field Ising chain by free fermions: ≈ 10·(2n)³ FLOPs, a (2n)² matrix resident. */
export function freeFermionCost(sites: number): ClassicalMethodCost {
  const f = latticeData.freeFermion;
  return {
    method: "free-fermion",
    flops: f.flopsCoefficient * (2 * sites) ** 3,
    bytesMoved: 0,
    memoryBytes: (2 * sites) ** 2 * f.bytesPerEntry,
    detail: `free fermions (Jordan–Wigner): ${f.formula}`,
  };
}

/** Seconds on one device: bandwidth-bound bytes plus FLOP-bound work. */
export function methodSeconds(
  c: ClassicalMethodCost,
  bytesPerSecond: number,
  flopsPerSecond: number,
): number {
  return c.bytesMoved / bytesPerSecond + c.flops / flopsPerSecond;
}
