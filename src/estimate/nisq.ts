// What one circuit costs on a noisy device: its duration (depth × 2q gate time + readout) and its estimated
// success probability ESP = Π gate fidelities × readout fidelity × exp(−qubits·duration/T) (T = min(T1, T2)),
// computed in log10 so circuits of 1e11 gates do not underflow.
import { catalog } from "../hardware/catalog.js";
import type { Qpu } from "../hardware/schema.js";

export interface DeviceTiming {
  oneQubitError: number;
  twoQubitError: number;
  readoutError: number;
  twoQubitGateNs: number;
  readoutNs: number;
  coherenceUs: number | null;
  /** Values that were missing in the catalog and taken from a QRE qubit preset instead. */
  filledFrom: string[];
}

/** The device's timings and errors, filling gaps from the QRE preset of its modality ([F2]) and saying so. */
export function deviceTiming(qpu: Qpu): DeviceTiming {
  const presetId = qpu.modality === "superconducting" ? "qubit_gate_ns_e3" : "qubit_gate_us_e3";
  const preset = catalog.faultTolerance.qubitPresets.find((p) => p.id === presetId)!;
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
    filledFrom,
  };
}

export interface CircuitShape {
  qubits: number;
  oneQubitGates: number;
  twoQubitGates: number;
  /** Layers of two-qubit gates (the critical path). */
  depth: number;
}

/** Duration of one shot: depth × t_2q + readout. */
export function shotSeconds(c: CircuitShape, t: DeviceTiming): number {
  return (c.depth * t.twoQubitGateNs + t.readoutNs) * 1e-9;
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
    const durationUs = c.depth * t.twoQubitGateNs * 1e-3;
    log -= (c.qubits * durationUs) / t.coherenceUs / Math.LN10;
  }
  return log;
}
