// Gidney 2025's RSA-2048 machine (arXiv:2505.15917), as plain arithmetic: the physical-qubit tally of its layout
// (yoked-surface-code cold storage, hot storage and a compute region of distance-d patches) and its logical
// counts, scaled to other modulus sizes. Pure: numbers in, numbers out; the sourced figures live in
// ./data/gidney2025.json. The Azure-compatible estimator cannot model yoked storage or magic-state cultivation,
// so this is the paper's own layout, reported next to the estimator's generic one.
import { z } from "zod";
import { PARSE_ONCE } from "../../data-parse.js";
import gidneyJson from "./data/gidney2025.json" with { type: "json" };

const flagged = { source: z.string(), unverified: z.boolean() };
export const gidney2025 = z
  .strictObject({
    $comment: z.string(),
    source: z.string(),
    asOf: z.string(),
    bits: z.number().int().positive(),
    assumptions: z.strictObject({
      gateErrorRate: z.number(),
      surfaceCodeCycleUs: z.number(),
      reactionTimeUs: z.number(),
      connectivity: z.string(),
      ...flagged,
    }),
    headline: z.strictObject({
      physicalQubitsUnder: z.number().positive(),
      runtimeDaysUnder: z.number().positive(),
      ...flagged,
    }),
    toffolis: z.strictObject({
      low: z.number().positive(),
      central: z.number().positive(),
      high: z.number().positive(),
      ...flagged,
    }),
    layout: z.strictObject({
      codeDistance: z.number().int().positive(),
      coldStorageLogicalQubits: z.number().int().positive(),
      coldStoragePhysicalQubitsPerLogical: z.number().int().positive(),
      hotStorageLogicalQubits: z.number().int().positive(),
      computeRegionPatches: z.number().int().positive(),
      patchPhysicalQubitsFormula: z.string(),
      ...flagged,
    }),
  })
  .parse(gidneyJson, PARSE_ONCE);

/** Physical qubits of one hot-storage or compute patch at distance d: 2·(d+1)² (1,352 at d = 25). */
export const patchPhysicalQubits = (d: number): number => 2 * (d + 1) ** 2;

export interface YokedLayout {
  coldStorageLogicalQubits: number;
  coldStoragePhysicalQubitsPerLogical: number;
  hotStorageLogicalQubits: number;
  computeRegionPatches: number;
  codeDistance: number;
}

/** The layout's physical qubits: cold yoked storage + (hot storage + compute region) patches. */
export function yokedLayoutPhysicalQubits(l: YokedLayout): number {
  return (
    l.coldStorageLogicalQubits * l.coldStoragePhysicalQubitsPerLogical +
    (l.hotStorageLogicalQubits + l.computeRegionPatches) * patchPhysicalQubits(l.codeDistance)
  );
}

/** Logical qubits the algorithm holds at 2048 bits: cold + hot storage (≈ 1,400, the author's round figure). */
export const GIDNEY2025_LOGICAL_QUBITS =
  gidney2025.layout.coldStorageLogicalQubits + gidney2025.layout.hotStorageLogicalQubits;

export interface Gidney2025Cost {
  bits: number;
  logicalQubits: number;
  toffolis: number;
  /** The paper's own layout (yoked storage, cultivation), scaled by logical qubits away from 2048 bits. */
  physicalQubits: number;
  /** Upper bound on the runtime, scaled by Toffolis away from 2048 bits. */
  runtimeDaysUnder: number;
  /** True away from the published size: the counts are scaled, not published. */
  extrapolated: boolean;
}

/**
 * Gidney 2025's cost for an n-bit modulus. At 2048 bits: the published figures. Elsewhere: logical qubits and the
 * layout scale as n (approximate residue arithmetic keeps O(n) qubits), Toffolis and runtime as n³·(1 + lg n/600),
 * the shape of Gidney–Ekerå 2019's 0.3n³ + 0.0005n³·lg n (an extrapolation, flagged).
 */
export function gidney2025Cost(bits: number): Gidney2025Cost {
  const g = gidney2025;
  const cubic = (n: number) => n ** 3 * (1 + Math.log2(n) / 600);
  const q = bits / g.bits;
  const t = cubic(bits) / cubic(g.bits);
  return {
    bits,
    logicalQubits: Math.round(GIDNEY2025_LOGICAL_QUBITS * q),
    toffolis: Math.round(g.toffolis.central * t),
    physicalQubits: Math.round(yokedLayoutPhysicalQubits(g.layout) * q),
    runtimeDaysUnder: g.headline.runtimeDaysUnder * t,
    extrapolated: bits !== g.bits,
  };
}
