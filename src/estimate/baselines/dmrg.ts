// The density-matrix renormalisation group (DMRG) for a molecular active space, as plain arithmetic: FLOPs per
// sweep k³M³ + k⁴M² and memory k²M²·8 bytes for k spatial orbitals at bond dimension M (Chan & Sharma 2011),
// with M capped at the exact bond dimension of an MPS over k orbitals (4^⌊k/2⌋, where DMRG becomes exact FCI).
// Published bond dimensions for FeMoco-sized active spaces live in ./data/dmrg.json.
import { z } from "zod";
import { PARSE_ONCE } from "../../data-parse.js";
import dmrgJson from "./data/dmrg.json" with { type: "json" };

export const dmrgData = z
  .strictObject({
    $comment: z.string(),
    costModel: z.strictObject({
      flopsPerSweepFormula: z.string(),
      memoryBytesFormula: z.string(),
      bytesPerEntry: z.number().positive(),
      sweepsDefault: z.number().int().positive(),
      sweepsSource: z.string(),
      source: z.string(),
      unverified: z.boolean(),
    }),
    bondDimension: z.strictObject({
      femocoPublished: z.number().int().positive(),
      activeSpace: z.strictObject({ electrons: z.number().int(), spatialOrbitals: z.number().int() }),
      what: z.string(),
      accuracyCaveat: z.string(),
      source: z.string(),
      asOf: z.string(),
      unverified: z.boolean(),
    }),
  })
  .parse(dmrgJson, PARSE_ONCE);

/** log2 of the largest bond dimension an MPS over k spatial orbitals (4 states each) can need: 2·⌊k/2⌋. */
export const exactBondDimensionLog2 = (spatialOrbitals: number): number =>
  2 * Math.floor(spatialOrbitals / 2);

export interface DmrgCost {
  bondDimension: number;
  /** True when the requested M reaches the exact bound: DMRG is then exact (FCI quality). */
  exact: boolean;
  flops: number;
  memoryBytes: number;
  formula: string;
}

export function dmrgCost(spatialOrbitals: number, bondDimension: number, sweeps: number): DmrgCost {
  const k = spatialOrbitals;
  const capLog2 = exactBondDimensionLog2(k);
  const exact = Math.log2(bondDimension) >= capLog2;
  const m = exact ? 2 ** capLog2 : bondDimension;
  const flops = sweeps * (k ** 3 * m ** 3 + k ** 4 * m ** 2);
  return {
    bondDimension: m,
    exact,
    flops,
    memoryBytes: k * k * m * m * dmrgData.costModel.bytesPerEntry,
    formula: `DMRG: ${sweeps} sweeps × (k³M³ + k⁴M²), k = ${k}, M = ${exact ? `2^${capLog2} (exact)` : m.toLocaleString("en-US")}`,
  };
}
