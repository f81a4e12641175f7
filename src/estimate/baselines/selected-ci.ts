// Selected configuration interaction (CIPSI, heat-bath CI, ASCI) for a molecular active space, as plain arithmetic:
// a variational space of N_det determinants — the whole FCI space when it is smaller than the cap, where SCI is
// exact — costing N_det × o²v² FLOPs per H·c product (each determinant meets its double excitations; Holmes et al.
// 2016, Tubman et al. 2020) over the Davidson iterations plus one perturbative pass, and N_det × (two 8-byte
// coefficients + two orbital bitstrings) of memory. The cap and the largest published runs: ./data/selected-ci.json.
import { z } from "zod";
import { PARSE_ONCE } from "../../data-parse.js";
import sciJson from "./data/selected-ci.json" with { type: "json" };

export const sciData = z
  .strictObject({
    $comment: z.string(),
    costModel: z.strictObject({
      flopsFormula: z.string(),
      iterationsDefault: z.number().int().positive(),
      perturbativePasses: z.number().int().min(0),
      memoryFormula: z.string(),
      source: z.string(),
      asOf: z.string(),
      unverified: z.boolean(),
    }),
    largestSpace: z.strictObject({
      determinants: z.number().positive(),
      what: z.string(),
      source: z.string(),
      asOf: z.string(),
      unverified: z.boolean(),
    }),
    largestMolecular: z.strictObject({
      electrons: z.number().int().positive(),
      spatialOrbitals: z.number().int().positive(),
      what: z.string(),
      source: z.string(),
      asOf: z.string(),
      unverified: z.boolean(),
    }),
    accuracyCaveat: z.string(),
  })
  .parse(sciJson, PARSE_ONCE);

export interface SciCost {
  /** Determinants in the variational space. */
  determinants: number;
  /** True when the space is the whole FCI space: selected CI is then exact. */
  exact: boolean;
  flops: number;
  memoryBytes: number;
  formula: string;
}

/**
 * Selected CI over min(FCI space, cap) determinants for `electrons` in `spatialOrbitals` orbitals.
 * `log10FciDeterminants` is the FCI space's size (the caller counts it); `cap` the largest space allowed.
 */
export function sciCost(
  spatialOrbitals: number,
  electrons: number,
  log10FciDeterminants: number,
  cap: number,
  iterations: number = sciData.costModel.iterationsDefault,
): SciCost {
  const exact = log10FciDeterminants <= Math.log10(cap);
  const determinants = exact ? 10 ** log10FciDeterminants : cap;
  const o = electrons / 2;
  const v = Math.max(0, spatialOrbitals - o);
  const neighbours = Math.max(1, o * o * v * v);
  const passes = iterations + sciData.costModel.perturbativePasses;
  const words = 2 * Math.ceil(spatialOrbitals / 64);
  return {
    determinants,
    exact,
    flops: determinants * neighbours * passes,
    memoryBytes: determinants * (2 * 8 + words * 8),
    formula: `selected CI: ${exact ? `the whole FCI space, 10^${log10FciDeterminants.toFixed(2)} determinants (exact)` : `${determinants.toExponential(2)} determinants (capped; FCI space 10^${log10FciDeterminants.toFixed(2)})`} × o²v² = ${neighbours.toExponential(2)} neighbours × ${passes} passes (${iterations} Davidson + ${sciData.costModel.perturbativePasses} perturbative)`,
  };
}
