// Physical qubit models: Azure's six presets (data in src/hardware/data/qre-presets.json) and custom qubits, normalised as Azure's
// `normalized()` does (microsoft/qsharp source/resource_estimator/src/system/modeling/physical_qubit.rs).
import { userError } from "../../errors.js";
import presets from "../../hardware/data/qre-presets.json" with { type: "json" };
import type { MeasurementErrorRateInput, PhysicalQubit, QubitParamsInput, TimeInput } from "./types.js";

/** Azure's preset names. Typed as strings so the emitted .d.ts does not import src/hardware/data/qre-presets.json (a JSON import in a
 * declaration file fails to type-check in consumers under `module: nodenext`). */
export const QUBIT_PRESET_NAMES: readonly string[] = Object.keys(presets.qubits);
export const PRESETS_SOURCE = presets.source;
export const PRESETS_AS_OF = presets.asOf;

/** The preset's raw JSON (Azure field names, times in ns). */
export function qubitPreset(name: string): QubitParamsInput {
  if (!Object.hasOwn(presets.qubits, name))
    throw userError("Estimate.FT.UnknownPreset", `unknown qubit preset "${name}"`, {
      field: "qubitParams.name",
      hint: `known presets: ${QUBIT_PRESET_NAMES.join(", ")}`,
    });
  return structuredClone(presets.qubits[name as keyof typeof presets.qubits]) as QubitParamsInput;
}

const TIME_UNITS_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
};

/** Parses "50 ns", "1.5 µs", "2 ms", "1 s" or a number of ns into integer ns (Azure times are u64 ns). */
export function parseTimeNs(v: TimeInput, field: string): number {
  let ns: number;
  if (typeof v === "number") ns = v;
  else if (typeof v === "string") {
    const m = /^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?\d+)?)\s*([a-zA-Zµμ]*)\s*$/.exec(v);
    const unit = m ? (m[2] === "" ? "ns" : m[2]) : "";
    if (!m || !Object.hasOwn(TIME_UNITS_NS, unit))
      throw userError("Estimate.FT.InvalidQubit", `cannot read time "${v}"`, {
        field,
        hint: 'write a number of ns or a string like "50 ns", "100 us", "1 ms"',
      });
    ns = Number(m[1]) * TIME_UNITS_NS[unit];
  } else {
    throw userError("Estimate.FT.InvalidQubit", "a time must be a number of ns or a string", { field });
  }
  if (!Number.isFinite(ns) || ns <= 0)
    throw userError("Estimate.FT.InvalidQubit", `time must be positive and finite, got ${String(v)}`, {
      field,
    });
  return Math.round(ns);
}

function checkRate(v: unknown, field: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v >= 1)
    throw userError("Estimate.FT.InvalidQubit", `error rate must be a number in (0, 1), got ${String(v)}`, {
      field,
      hint: "Azure's estimator requires every error rate strictly between 0 and 1",
    });
  return v;
}

function measurementRate(v: MeasurementErrorRateInput, field: string): { process: number; readout: number } {
  if (typeof v === "number") return { process: checkRate(v, field), readout: v };
  if (v && typeof v === "object")
    return {
      process: checkRate(v.process, `${field}.process`),
      readout: checkRate(v.readout, `${field}.readout`),
    };
  throw userError("Estimate.FT.InvalidQubit", "a measurement error rate is a number or {process, readout}", {
    field,
  });
}

function requireFields(q: QubitParamsInput, fields: (keyof QubitParamsInput)[]): void {
  const missing = fields.filter((f) => q[f] === undefined);
  if (missing.length > 0)
    throw userError("Estimate.FT.InvalidQubit", `missing qubit fields ${missing.join(", ")}`, {
      field: `qubitParams.${missing[0]}`,
      hint: "give a preset name, or all required fields of a custom qubit",
    });
}

const GATE_FIELDS = new Set([
  "name",
  "instructionSet",
  "oneQubitMeasurementTime",
  "oneQubitGateTime",
  "twoQubitGateTime",
  "tGateTime",
  "oneQubitMeasurementErrorRate",
  "oneQubitGateErrorRate",
  "twoQubitGateErrorRate",
  "tGateErrorRate",
  "idleErrorRate",
]);
const MAJORANA_FIELDS = new Set([
  "name",
  "instructionSet",
  "oneQubitMeasurementTime",
  "twoQubitJointMeasurementTime",
  "tGateTime",
  "oneQubitMeasurementErrorRate",
  "twoQubitJointMeasurementErrorRate",
  "tGateErrorRate",
  "idleErrorRate",
]);

/** Resolves a preset name or a custom qubit into a normalised `PhysicalQubit`. */
export function resolveQubit(input: string | QubitParamsInput | undefined): PhysicalQubit {
  let q: QubitParamsInput;
  if (input === undefined) q = qubitPreset("qubit_gate_ns_e3");
  else if (typeof input === "string") q = qubitPreset(input);
  else if (typeof input === "object" && input !== null) {
    // A preset name plus overrides: fields given win over the preset's (Azure `overwrite_from`).
    q = { ...input };
    if (q.name !== undefined && Object.hasOwn(presets.qubits, q.name))
      q = { ...qubitPreset(q.name), ...stripUndefined(q) };
    else if (q.instructionSet === undefined)
      throw userError(
        "Estimate.FT.UnknownPreset",
        `qubit "${q.name ?? ""}" is neither a preset nor has an instructionSet`,
        {
          field: q.name !== undefined ? "qubitParams.name" : "qubitParams.instructionSet",
          hint: `known presets: ${QUBIT_PRESET_NAMES.join(", ")}; custom qubits need "instructionSet": "GateBased" or "Majorana"`,
        },
      );
  } else throw userError("Estimate.FT.InvalidQubit", "qubitParams must be a preset name or an object", {});

  const set = normaliseInstructionSet(q.instructionSet);
  const allowed = set === "GateBased" ? GATE_FIELDS : MAJORANA_FIELDS;
  for (const k of Object.keys(q))
    if (!allowed.has(k))
      throw userError("Estimate.FT.InvalidQubit", `unknown field ${k} for a ${set} qubit`, {
        field: `qubitParams.${k}`,
        hint: `${set} qubits take ${[...allowed].join(", ")}`,
      });

  const name = q.name ?? "custom";
  if (set === "GateBased") {
    requireFields(q, [
      "oneQubitMeasurementTime",
      "tGateErrorRate",
      "oneQubitMeasurementErrorRate",
      "oneQubitGateTime",
      "oneQubitGateErrorRate",
    ]);
    const oneQubitMeasurementTimeNs = parseTimeNs(
      q.oneQubitMeasurementTime!,
      "qubitParams.oneQubitMeasurementTime",
    );
    const oneQubitGateTimeNs = parseTimeNs(q.oneQubitGateTime!, "qubitParams.oneQubitGateTime");
    // Fallbacks of physical_qubit.rs `GateBasedPhysicalQubit::normalized`.
    const twoQubitGateTimeNs = parseTimeNs(
      q.twoQubitGateTime ?? oneQubitGateTimeNs,
      "qubitParams.twoQubitGateTime",
    );
    const tGateTimeNs = parseTimeNs(q.tGateTime ?? oneQubitGateTimeNs, "qubitParams.tGateTime");
    const measErr = checkRate(q.oneQubitMeasurementErrorRate, "qubitParams.oneQubitMeasurementErrorRate");
    const oneErr = checkRate(q.oneQubitGateErrorRate, "qubitParams.oneQubitGateErrorRate");
    const twoErr = checkRate(q.twoQubitGateErrorRate ?? oneErr, "qubitParams.twoQubitGateErrorRate");
    const tErr = checkRate(q.tGateErrorRate ?? oneErr, "qubitParams.tGateErrorRate");
    const idleErr = checkRate(q.idleErrorRate ?? measErr, "qubitParams.idleErrorRate");
    const cliffordErrorRate = Math.max(oneErr, twoErr, idleErr);
    const readoutErrorRate = measErr;
    return {
      name,
      instructionSet: set,
      oneQubitMeasurementTimeNs,
      oneQubitGateTimeNs,
      twoQubitGateTimeNs,
      tGateTimeNs,
      tGateErrorRate: tErr,
      cliffordErrorRate,
      readoutErrorRate,
      physicalErrorRate: Math.max(cliffordErrorRate, readoutErrorRate),
      params: {
        name,
        instructionSet: set,
        oneQubitMeasurementTime: oneQubitMeasurementTimeNs,
        oneQubitGateTime: oneQubitGateTimeNs,
        twoQubitGateTime: twoQubitGateTimeNs,
        tGateTime: tGateTimeNs,
        oneQubitMeasurementErrorRate: measErr,
        oneQubitGateErrorRate: oneErr,
        twoQubitGateErrorRate: twoErr,
        tGateErrorRate: tErr,
        idleErrorRate: idleErr,
      },
    };
  }
  requireFields(q, ["oneQubitMeasurementTime", "oneQubitMeasurementErrorRate"]);
  const oneQubitMeasurementTimeNs = parseTimeNs(
    q.oneQubitMeasurementTime!,
    "qubitParams.oneQubitMeasurementTime",
  );
  // Fallbacks of physical_qubit.rs `MajoranaQubit::normalized`: times fall back to the 1q measurement time,
  // missing error rates to the 1q readout error rate.
  const twoQubitJointMeasurementTimeNs = parseTimeNs(
    q.twoQubitJointMeasurementTime ?? oneQubitMeasurementTimeNs,
    "qubitParams.twoQubitJointMeasurementTime",
  );
  const tGateTimeNs = parseTimeNs(q.tGateTime ?? oneQubitMeasurementTimeNs, "qubitParams.tGateTime");
  const one = measurementRate(q.oneQubitMeasurementErrorRate!, "qubitParams.oneQubitMeasurementErrorRate");
  const two = measurementRate(
    q.twoQubitJointMeasurementErrorRate ?? one.readout,
    "qubitParams.twoQubitJointMeasurementErrorRate",
  );
  const tErr = checkRate(q.tGateErrorRate ?? one.readout, "qubitParams.tGateErrorRate");
  const idleErr = checkRate(q.idleErrorRate ?? one.readout, "qubitParams.idleErrorRate");
  const cliffordErrorRate = Math.max(idleErr, one.process, two.process);
  const readoutErrorRate = Math.max(one.readout, two.readout);
  return {
    name,
    instructionSet: set,
    oneQubitMeasurementTimeNs,
    twoQubitJointMeasurementTimeNs,
    tGateTimeNs,
    tGateErrorRate: tErr,
    cliffordErrorRate,
    readoutErrorRate,
    physicalErrorRate: Math.max(cliffordErrorRate, readoutErrorRate),
    params: {
      name,
      instructionSet: set,
      oneQubitMeasurementTime: oneQubitMeasurementTimeNs,
      twoQubitJointMeasurementTime: twoQubitJointMeasurementTimeNs,
      tGateTime: tGateTimeNs,
      oneQubitMeasurementErrorRate: one,
      twoQubitJointMeasurementErrorRate: two,
      tGateErrorRate: tErr,
      idleErrorRate: idleErr,
    },
  };
}

function normaliseInstructionSet(s: string | undefined): "GateBased" | "Majorana" {
  if (s === undefined || ["gate_based", "gateBased", "gate-based", "GateBased"].includes(s))
    return "GateBased";
  if (s === "Majorana" || s === "majorana") return "Majorana";
  throw userError("Estimate.FT.InvalidQubit", `unknown instructionSet "${s}"`, {
    field: "qubitParams.instructionSet",
    hint: 'use "GateBased" or "Majorana"',
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
