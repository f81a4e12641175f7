// QEC schemes: threshold model P_L(d) = a·d^k·(p/p*)^⌊(d+1)/2⌋ with formula-defined cycle time and footprint
// (Beverland et al. 2022, arXiv:2211.07629, Eq. (E1)/(E2); Azure fault_tolerance.rs and
// code_with_threshold_and_distance.rs). Presets are data in src/hardware/data/qre-presets.json.
import { userError } from "../../errors.js";
import presets from "../../hardware/data/qre-presets.json" with { type: "json" };
import { boundedMemo } from "../../memo.js";
import { type Formula, parseFormula } from "./formula.js";
import type { PhysicalQubit, QecScheme, QecSchemeInput } from "./types.js";

export const QEC_SCHEME_NAMES = ["surface_code", "floquet_code"] as const;

/** A resolved scheme bound to a qubit: the numbers behind every logical-qubit quantity. */
export interface QecModel {
  scheme: QecScheme;
  qubit: PhysicalQubit;
  /** P_L(d) per logical qubit per logical cycle. */
  logicalErrorRate(d: number): number;
  /** τ(d) in ns, rounded to an integer as Azure does. */
  logicalCycleTimeNs(d: number): number;
  /** n(d), truncated to an integer as Azure does. */
  physicalQubitsPerLogical(d: number): number;
  /** Smallest odd d with P_L(d) ≤ required; throws Estimate.FT.Infeasible above maxCodeDistance. */
  codeDistanceFor(requiredLogicalErrorRate: number): number;
}

function canonicalName(name: string): string | undefined {
  if (["surface_code", "surfaceCode", "surface-code"].includes(name)) return "surface_code";
  if (["floquet_code", "floquetCode", "floquet-code"].includes(name)) return "floquet_code";
  return undefined;
}

export function resolveQecScheme(input: string | QecSchemeInput | undefined, qubit: PhysicalQubit): QecModel {
  const spec: QecSchemeInput =
    input === undefined ? { name: "surface_code" } : typeof input === "string" ? { name: input } : input;
  if (typeof spec !== "object" || spec === null)
    throw userError("Estimate.FT.InvalidQecScheme", "qecScheme must be a name or an object", {
      field: "qecScheme",
    });
  const known = spec.name !== undefined ? canonicalName(spec.name) : undefined;
  let base: QecScheme | undefined;
  if (known) {
    const key = `${known}/${qubit.instructionSet}` as keyof typeof presets.qecSchemes;
    const preset = presets.qecSchemes[key];
    if (!preset)
      throw userError(
        "Estimate.FT.InvalidQecScheme",
        `${known} does not support ${qubit.instructionSet} qubits (fault tolerance protocol does not support gate type of qubit)`,
        { field: "qecScheme.name", hint: "floquet_code needs a Majorana qubit, e.g. qubit_maj_ns_e4" },
      );
    const { source: _source, ...rest } = preset;
    base = rest;
  } else if (spec.name !== undefined && typeof input === "string") {
    throw userError("Estimate.FT.UnknownPreset", `unknown QEC scheme "${spec.name}"`, {
      field: "qecScheme.name",
      hint: `known schemes: ${QEC_SCHEME_NAMES.join(", ")}, or a custom scheme object`,
    });
  }
  const pick = <K extends keyof QecScheme>(k: K): QecScheme[K] => {
    const v = (spec as Partial<QecScheme>)[k] ?? base?.[k];
    if (v === undefined)
      throw userError("Estimate.FT.InvalidQecScheme", `custom QEC scheme is missing ${k}`, {
        field: `qecScheme.${k}`,
        hint: "custom schemes need errorCorrectionThreshold, crossingPrefactor, logicalCycleTime, physicalQubitsPerLogicalQubit",
      });
    return v as QecScheme[K];
  };
  const scheme: QecScheme = {
    name: known ?? spec.name ?? "custom",
    errorCorrectionThreshold: pick("errorCorrectionThreshold"),
    crossingPrefactor: pick("crossingPrefactor"),
    distanceCoefficientPower: spec.distanceCoefficientPower ?? base?.distanceCoefficientPower ?? 0,
    logicalCycleTime: pick("logicalCycleTime"),
    physicalQubitsPerLogicalQubit: pick("physicalQubitsPerLogicalQubit"),
    maxCodeDistance: spec.maxCodeDistance ?? base?.maxCodeDistance ?? 50,
  };
  return modelOf(JSON.stringify([scheme, qubit]), () => {
    validateScheme(scheme, qubit);
    return buildModel(scheme, qubit);
  });
}

/**
 * Models made, by their scheme and qubit as JSON (a model is a function of both, and validating and building one
 * evaluates both formulas at every odd distance up to maxCodeDistance): a report's ~1,200 fault-tolerant estimates
 * use ~160. A refused scheme throws before anything is kept.
 */
const modelOf = boundedMemo<string, QecModel>(512);

function validateScheme(s: QecScheme, qubit: PhysicalQubit): void {
  const num = (v: unknown, field: string, ok: (x: number) => boolean, range: string) => {
    if (typeof v !== "number" || !Number.isFinite(v) || !ok(v))
      throw userError("Estimate.FT.InvalidQecScheme", `${field} must be ${range}, got ${String(v)}`, {
        field: `qecScheme.${field}`,
      });
  };
  num(s.errorCorrectionThreshold, "errorCorrectionThreshold", (x) => x > 0 && x < 1, "in (0, 1)");
  // Azure fault_tolerance.rs: crossingPrefactor at most 0.5.
  num(s.crossingPrefactor, "crossingPrefactor", (x) => x > 0 && x <= 0.5, "in (0, 0.5]");
  num(
    s.distanceCoefficientPower,
    "distanceCoefficientPower",
    (x) => Number.isInteger(x) && x >= 0,
    "an integer ≥ 0",
  );
  num(
    s.maxCodeDistance,
    "maxCodeDistance",
    (x) => Number.isInteger(x) && x >= 1 && x <= 10_000,
    "an integer in [1, 10000]",
  );
  if (qubit.cliffordErrorRate >= s.errorCorrectionThreshold)
    throw userError(
      "Estimate.FT.InvalidQubit",
      `the qubit's Clifford error rate ${qubit.cliffordErrorRate} is not below the ${s.name} threshold ${s.errorCorrectionThreshold}`,
      {
        field:
          qubit.instructionSet === "GateBased"
            ? "qubitParams.oneQubitGateErrorRate"
            : "qubitParams.oneQubitMeasurementErrorRate",
        hint: "error correction only helps below threshold: lower the physical error rates",
      },
    );
}

function buildModel(scheme: QecScheme, qubit: PhysicalQubit): QecModel {
  const cycle: Formula = parseFormula(scheme.logicalCycleTime, "qecScheme.logicalCycleTime");
  const footprint: Formula = parseFormula(
    scheme.physicalQubitsPerLogicalQubit,
    "qecScheme.physicalQubitsPerLogicalQubit",
  );
  const timeVars: Record<string, number | undefined> = {
    oneQubitMeasurementTime: qubit.oneQubitMeasurementTimeNs,
    oneQubitGateTime: qubit.oneQubitGateTimeNs,
    twoQubitGateTime: qubit.twoQubitGateTimeNs,
    twoQubitJointMeasurementTime: qubit.twoQubitJointMeasurementTimeNs,
  };
  const a = scheme.crossingPrefactor;
  const pStar = scheme.errorCorrectionThreshold;
  const p = qubit.physicalErrorRate;
  const k = scheme.distanceCoefficientPower;

  const logicalErrorRate = (d: number) => a * d ** k * (p / pStar) ** Math.floor((d + 1) / 2);
  // Both formulas at each odd distance the validation below evaluates, kept: the T-factory search and the layout ask
  // for them again and again, and a formula evaluation copies its variables.
  const cycleAt: number[] = [];
  const footprintAt: number[] = [];
  const logicalCycleTimeNs = (d: number) => {
    const known = cycleAt[d];
    if (known !== undefined) return known;
    const t = Math.round(cycle.evaluate({ ...timeVars, codeDistance: d }));
    if (!(t > 0) || !Number.isFinite(t))
      throw userError(
        "Estimate.FT.InvalidQecScheme",
        `logicalCycleTime is not positive at codeDistance ${d}`,
        {
          field: "qecScheme.logicalCycleTime",
        },
      );
    return t;
  };
  const physicalQubitsPerLogical = (d: number) => {
    const known = footprintAt[d];
    if (known !== undefined) return known;
    const n = Math.trunc(footprint.evaluate({ codeDistance: d }));
    if (!(n > 0) || !Number.isFinite(n))
      throw userError(
        "Estimate.FT.InvalidQecScheme",
        `physicalQubitsPerLogicalQubit is not positive at codeDistance ${d}`,
        {
          field: "qecScheme.physicalQubitsPerLogicalQubit",
        },
      );
    return n;
  };
  // Azure validates the formulas on d = 3, 5, ..., maxCodeDistance before estimating.
  for (let d = 3; d <= scheme.maxCodeDistance; d += 2) {
    cycleAt[d] = logicalCycleTimeNs(d);
    footprintAt[d] = physicalQubitsPerLogical(d);
  }

  const tooHigh = (d: number | string): never => {
    throw userError(
      "Estimate.FT.Infeasible",
      `the required code distance ${d} is above maxCodeDistance ${scheme.maxCodeDistance}`,
      {
        field: "errorBudget",
        hint: "increase the error budget, use better qubits, or raise qecScheme.maxCodeDistance",
      },
    );
  };
  const codeDistanceFor = (required: number): number => {
    // At or above threshold (a readout error rate may be, the Clifford rate may not) the closed form's sign flips
    // and would answer d = 1: no distance suppresses errors there, so the search over distances below answers.
    if (k === 0 && p < pStar) {
      // Beverland et al. 2022 Eq. (E2) inverted: the smallest odd d ≥ 2·ln(a/P)/ln(p*/p) − 1
      // (Azure: `ceil(...) as u64 | 1`, so a negative value saturates to d = 1).
      const x = Math.ceil((2 * Math.log(a / required)) / Math.log(pStar / p) - 1);
      if (x === Number.NEGATIVE_INFINITY) return 1;
      if (!Number.isFinite(x)) return tooHigh("∞");
      const d = x <= 0 ? 1 : x % 2 === 0 ? x + 1 : x;
      if (d > scheme.maxCodeDistance) tooHigh(d);
      return d;
    }
    for (let d = 1; d <= scheme.maxCodeDistance; d += 2) if (logicalErrorRate(d) <= required) return d;
    return tooHigh(`> ${scheme.maxCodeDistance}`);
  };
  return { scheme, qubit, logicalErrorRate, logicalCycleTimeNs, physicalQubitsPerLogical, codeDistanceFor };
}
