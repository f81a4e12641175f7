// Logical counts, error budget and the PSSPC layout (Beverland et al. 2022, arXiv:2211.07629, App. D;
// Azure system/data/logical_counts.rs and constants.rs: Γ_R = 1, Γ_Tof = 3).
import { userError } from "../../errors.js";
import type { ErrorBudgetParts, FtOptions, LogicalCounts } from "./types.js";

/** Γ_R: logical cycles per single-qubit measurement, T gate or rotation step (constants.rs). */
export const NUM_MEASUREMENTS_PER_R = 1;
/** Γ_Tof: logical cycles per CCZ / CCiX (constants.rs). */
export const NUM_MEASUREMENTS_PER_TOF = 3;
/** T states per rotation: ⌈a·log2(R/ε_rot) + b⌉ (Kliuchnikov et al. arXiv:2203.10064; constants.rs). */
export const NUM_TS_PER_ROTATION_A = 0.53;
export const NUM_TS_PER_ROTATION_B = 4.86;
/** Azure job_params.rs default total error budget. */
export const DEFAULT_ERROR_BUDGET = 1e-3;

const COUNT_FIELDS = [
  "numQubits",
  "tCount",
  "rotationCount",
  "rotationDepth",
  "cczCount",
  "ccixCount",
  "measurementCount",
] as const;

/** Checks the counts (non-negative integers, finite) and fills absent ones with 0. */
export function validateCounts(input: unknown): Required<LogicalCounts> {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw userError("Estimate.FT.InvalidCounts", "logical counts must be an object", {
      field: "counts",
      hint: `fields: ${COUNT_FIELDS.join(", ")}`,
    });
  const rec = input as Record<string, unknown>;
  for (const k of Object.keys(rec))
    if (!(COUNT_FIELDS as readonly string[]).includes(k))
      throw userError("Estimate.FT.InvalidCounts", `unknown logical count field ${k}`, {
        field: k,
        hint: `fields: ${COUNT_FIELDS.join(", ")} (Azure LogicalResourceCounts)`,
      });
  const out = {} as Record<(typeof COUNT_FIELDS)[number], number>;
  for (const k of COUNT_FIELDS) {
    const v = rec[k] ?? (k === "numQubits" ? undefined : 0);
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || !Number.isInteger(v))
      throw userError(
        "Estimate.FT.InvalidCounts",
        v === undefined ? `${k} is required` : `${k} must be a non-negative integer, got ${String(v)}`,
        { field: k, hint: "counts are non-negative integers (up to 1e30)" },
      );
    out[k] = v;
  }
  if (out.numQubits < 1)
    throw userError("Estimate.FT.InvalidCounts", "numQubits must be at least 1", { field: "numQubits" });
  return out;
}

function hasTStates(c: Required<LogicalCounts>): boolean {
  return c.tCount > 0 || c.cczCount > 0 || c.ccixCount > 0 || c.rotationCount > 0;
}

/**
 * Splits a scalar budget as Azure's `ErrorBudget::from_overhead` does: ε/3 each to logical, T states and
 * rotations when there are rotations; ε/2 logical, ε/2 T states with T states only; all logical otherwise.
 */
export function resolveErrorBudget(
  budget: FtOptions["errorBudget"],
  counts: Required<LogicalCounts>,
): ErrorBudgetParts {
  const check = (v: unknown, field: string): number => {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v >= 1)
      throw userError("Estimate.FT.InvalidErrorBudget", `error budget must be in (0, 1), got ${String(v)}`, {
        field,
        hint: "a total probability of failure such as 1e-3",
      });
    return v;
  };
  if (budget === undefined || typeof budget === "number") {
    const eps = check(budget ?? DEFAULT_ERROR_BUDGET, "errorBudget");
    if (counts.rotationCount > 0) return { logical: eps / 3, tstates: eps / 3, rotations: eps / 3 };
    if (hasTStates(counts)) return { logical: eps / 2, tstates: eps / 2, rotations: 0 };
    return { logical: eps, tstates: 0, rotations: 0 };
  }
  if (typeof budget !== "object" || budget === null)
    throw userError(
      "Estimate.FT.InvalidErrorBudget",
      "errorBudget must be a number or {logical, tstates, rotations}",
      {
        field: "errorBudget",
      },
    );
  const b = budget as Record<string, unknown>;
  const tstatesRaw = b.tstates ?? b.tStates;
  const logical = check(b.logical, "errorBudget.logical");
  const tstates = hasTStates(counts) ? check(tstatesRaw, "errorBudget.tstates") : Number(tstatesRaw ?? 0);
  const rotations =
    counts.rotationCount > 0 ? check(b.rotations, "errorBudget.rotations") : Number(b.rotations ?? 0);
  const total = logical + tstates + rotations;
  if (!(total < 1))
    throw userError("Estimate.FT.InvalidErrorBudget", `error budget parts sum to ${total}, not below 1`, {
      field: "errorBudget",
    });
  return { logical, tstates, rotations };
}

/** The algorithm after the PSSPC layout (Beverland et al. 2022 App. D, Eqs. (D1)–(D3)). */
export interface Layout {
  /** Q = 2·Q_alg + ⌈√(8·Q_alg)⌉ + 1 */
  logicalQubits: number;
  /** C_min = (M_meas + M_R + M_T)·Γ_R + (M_CCZ + M_CCiX)·Γ_Tof + T_rot·D_R·Γ_R */
  logicalDepth: number;
  /** M = 4·(M_CCZ + M_CCiX) + M_T + T_rot·M_R */
  numTstates: number;
  /** T_rot = ⌈0.53·log2(M_R/ε_rot) + 4.86⌉, null without rotations. */
  numTsPerRotation: number | null;
}

export function psspcLayout(c: Required<LogicalCounts>, budget: ErrorBudgetParts): Layout {
  const q = c.numQubits;
  const logicalQubits = 2 * q + Math.ceil(Math.sqrt(8 * q)) + 1;
  const numTsPerRotation =
    c.rotationCount > 0
      ? Math.ceil(
          NUM_TS_PER_ROTATION_A * Math.log2(c.rotationCount / budget.rotations) + NUM_TS_PER_ROTATION_B,
        )
      : null;
  const tRot = numTsPerRotation ?? 0;
  const logicalDepth =
    (c.measurementCount + c.rotationCount + c.tCount) * NUM_MEASUREMENTS_PER_R +
    (c.cczCount + c.ccixCount) * NUM_MEASUREMENTS_PER_TOF +
    tRot * c.rotationDepth * NUM_MEASUREMENTS_PER_R;
  const numTstates = 4 * (c.cczCount + c.ccixCount) + c.tCount + tRot * c.rotationCount;
  return { logicalQubits, logicalDepth, numTstates, numTsPerRotation };
}
