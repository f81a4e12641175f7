// What one circuit costs on a noisy device: its duration (depth × 2q gate time + readout), the wait before the next
// shot (repetition delay), and its estimated success probability ESP = Π gate fidelities × readout fidelity ×
// exp(−qubits·duration/T) (T = min(T1, T2)), computed in log10 so circuits of 1e11 gates do not underflow.
// `shotCycleSeconds` is the one shot-time model every NISQ cost uses. It lives with the device (its timings,
// errors and repetition delay are the target's data) so the simulator's device runs, the noise validation and the
// estimator read one formula without the lower layers importing the estimator.

import qrePresets from "../hardware/data/qre-presets.json" with { type: "json" };
import type { Qpu } from "../hardware/schema.js";
import executionJson from "./data/execution.json" with { type: "json" };

export interface DeviceTiming {
  oneQubitError: number;
  twoQubitError: number;
  readoutError: number;
  twoQubitGateNs: number;
  readoutNs: number;
  coherenceUs: number | null;
  oneQubitGateNs: number;
  t1Us: number | null;
  t2Us: number | null;
  /** Values that were missing in the catalog and taken from a QRE qubit preset instead. */
  filledFrom: string[];
}

/** The device's timings and errors, filling gaps from the QRE preset of its modality ([F2]) and saying so. */
export function deviceTiming(qpu: Qpu): DeviceTiming {
  const presetId = qpu.modality === "superconducting" ? "qubit_gate_ns_e3" : "qubit_gate_us_e3";
  // Read straight from the data (the FT estimator's qubitPreset validates user input; these ids are fixed).
  const raw = qrePresets.qubits[presetId];
  const preset = {
    errorRate: raw.twoQubitGateErrorRate as number,
    oneQubitGateNs: raw.oneQubitGateTime as number,
    twoQubitGateNs: raw.twoQubitGateTime as number,
    readoutNs: raw.oneQubitMeasurementTime as number,
    source: "[F2] physical_qubit.rs",
  };
  const filledFrom: string[] = [];
  const pick = (field: string, value: number | null, fallback: number): number => {
    if (value !== null) return value;
    filledFrom.push(
      `${qpu.id}.${field} not in the catalog: ${fallback} from QRE preset ${presetId} (${preset.source})`,
    );
    return fallback;
  };
  const twoQubitError = pick("twoQubitError", qpu.twoQubitError, preset.errorRate);
  const coherence = [qpu.t1Us, qpu.t2Us].filter((x): x is number => x !== null);
  return {
    oneQubitError: pick("oneQubitError", qpu.oneQubitError, preset.errorRate),
    twoQubitError,
    readoutError: pick("readoutError", qpu.readoutError, preset.errorRate),
    twoQubitGateNs: pick("twoQubitGateNs", qpu.twoQubitGateNs, preset.twoQubitGateNs),
    readoutNs: pick("readoutNs", qpu.readoutNs, preset.readoutNs),
    coherenceUs: coherence.length > 0 ? Math.min(...coherence) : null,
    oneQubitGateNs: pick("oneQubitGateNs", qpu.oneQubitGateNs, preset.oneQubitGateNs),
    t1Us: qpu.t1Us,
    t2Us: qpu.t2Us,
    filledFrom,
  };
}

/** Sampled multipliers of a device's numbers (issue 13 ranges): `time` on its gate and readout times (and, at the
 *  call sites, its wait between shots: the whole shot cycle), `error` on its gate and readout error rates (capped
 *  below 0.5). Both 1 leaves the timing as it is. */
export function scaleTiming(t: DeviceTiming, time: number, error: number): DeviceTiming {
  if (time === 1 && error === 1) return t;
  const rate = (e: number) => Math.min(0.49, e * error);
  return {
    ...t,
    oneQubitError: rate(t.oneQubitError),
    twoQubitError: rate(t.twoQubitError),
    readoutError: rate(t.readoutError),
    twoQubitGateNs: t.twoQubitGateNs * time,
    readoutNs: t.readoutNs * time,
    oneQubitGateNs: t.oneQubitGateNs * time,
  };
}

export interface CircuitShape {
  qubits: number;
  oneQubitGates: number;
  twoQubitGates: number;
  /** Layers of two-qubit gates (the critical path). */
  depth: number;
  /** Scheduled duration of the gates when a transpiler computed it; otherwise depth × t_2q. */
  durationNs?: number;
}

/** The gates' duration: the scheduled one when known, else depth × t_2q. */
export function gatesDurationNs(c: CircuitShape, t: DeviceTiming): number {
  return c.durationNs ?? c.depth * t.twoQubitGateNs;
}

/** Duration of one shot: the gates (depth × t_2q unless scheduled) + readout. */
export function shotSeconds(c: CircuitShape, t: DeviceTiming): number {
  return (gatesDurationNs(c, t) + t.readoutNs) * 1e-9;
}

const EXECUTION = executionJson.devices as Array<{ id: string; repetitionDelayUs: number; source: string }>;

/** The device's wait between shots (µs) and where it comes from; 0 with a note when no source gives it. */
export function repetitionDelay(qpuId: string): { us: number; note: string } {
  const e = EXECUTION.find((x) => x.id === qpuId);
  return e
    ? {
        us: e.repetitionDelayUs,
        note: `repetition delay ${e.repetitionDelayUs} µs between shots (${e.source})`,
      }
    : {
        us: 0,
        note: `${qpuId}: no repetition delay in the data; shots are timed without it (a lower bound)`,
      };
}

/** Wall time per shot, the one shot-time model for NISQ costs: gates + readout + repetition delay. */
export function shotCycleSeconds(c: CircuitShape, t: DeviceTiming, repetitionDelayUs: number): number {
  return shotSeconds(c, t) + repetitionDelayUs * 1e-6;
}

/**
 * log10 of the estimated success probability. Each term is log10 of a product of fidelities, so lower error
 * rates give a strictly higher value whenever the circuit uses that operation.
 */
export function successProbabilityLog10(c: CircuitShape, t: DeviceTiming): number {
  const l = (e: number) => Math.log1p(-e) / Math.LN10;
  let log =
    c.oneQubitGates * l(t.oneQubitError) +
    c.twoQubitGates * l(t.twoQubitError) +
    c.qubits * l(t.readoutError);
  if (t.coherenceUs !== null) {
    const durationUs = gatesDurationNs(c, t) * 1e-3;
    log -= (c.qubits * durationUs) / t.coherenceUs / Math.LN10;
  }
  return log;
}
