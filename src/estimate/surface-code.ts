// A simple surface-code model, the formulas of Microsoft's Azure Quantum Resource Estimator (fault_tolerance.rs,
// [F1]; Fowler et al. arXiv:1208.0928 Eqs. 11, 13): P_L(d) = a·(p/p*)^((d+1)/2), d the smallest odd integer ≥
// 2·ln(a/P_L)/ln(p*/p) − 1, 2·d² physical qubits per logical qubit, logical cycle (4·t_2q + 2·t_meas)·d.
// Used until the fault-tolerant estimator (src/estimate/ftqc/) is available for this workload.
import { catalog } from "../hardware/catalog.js";

export interface SurfaceCodeResult {
  /** Physical error rate p entering the formula: max(1q, 2q, readout) as in QRE. */
  physicalErrorRate: number;
  thresholdErrorRate: number;
  requiredLogicalErrorRate: number;
  /** null when p ≥ p* (no distance helps) or d would exceed the maximum distance. */
  codeDistance: number | null;
  logicalErrorRate: number | null;
  physicalQubitsPerLogical: number | null;
  logicalCycleNs: number | null;
  feasible: boolean;
  reason: string | null;
}

export function surfaceCode(
  physicalErrorRate: number,
  requiredLogicalErrorRate: number,
  twoQubitGateNs: number,
  readoutNs: number,
): SurfaceCodeResult {
  const sc = catalog.faultTolerance.surfaceCode;
  const pth = sc.thresholdErrorRate;
  const a = sc.crossingPrefactor;
  const base = { physicalErrorRate, thresholdErrorRate: pth, requiredLogicalErrorRate };
  const none = {
    codeDistance: null,
    logicalErrorRate: null,
    physicalQubitsPerLogical: null,
    logicalCycleNs: null,
    feasible: false,
  };
  if (physicalErrorRate >= pth) {
    return {
      ...base,
      ...none,
      reason: `physical error rate ${physicalErrorRate} is not below the surface-code threshold ${pth}`,
    };
  }
  const raw = (2 * Math.log(a / requiredLogicalErrorRate)) / Math.log(pth / physicalErrorRate) - 1;
  let d = Math.max(1, Math.ceil(raw));
  if (d % 2 === 0) d += 1;
  if (d > sc.maxCodeDistance) {
    return {
      ...base,
      ...none,
      reason: `needs code distance ${d} > ${sc.maxCodeDistance} (QRE's maximum): p = ${physicalErrorRate} is too close to the threshold ${pth}`,
    };
  }
  return {
    ...base,
    codeDistance: d,
    logicalErrorRate: a * (physicalErrorRate / pth) ** ((d + 1) / 2),
    physicalQubitsPerLogical: 2 * d * d,
    logicalCycleNs: (4 * twoQubitGateNs + 2 * readoutNs) * d,
    feasible: true,
    reason: null,
  };
}
