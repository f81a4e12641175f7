// A noise model as plain data: which channels follow each gate, how long gates take, how qubits relax while
// they idle and how readout misreports. Device models (device-model.ts) and custom models share this form, and
// the noisy-circuit builder (noisy-circuit.ts) is the only code that reads it.

import {
  depolarizing,
  type KrausChannel,
  type ReadoutError,
  tensor,
  thermalRelaxation,
} from "../circuit/channels.js";
import type { Operation } from "../circuit/ir.js";
import { userError } from "../errors.js";

/** A channel acting on some of a gate's arguments (`args[j]` indexes the gate's qubit list). */
export interface GateNoise {
  channel: KrausChannel;
  args: number[];
}

export interface GateTiming {
  durationNs: number;
  /** Applied in order after the gate. */
  noise: GateNoise[];
}

export interface NoiseModel {
  name: string;
  oneQubitGate: GateTiming;
  twoQubitGate: GateTiming;
  /** Gates done in software (frame changes): no time, no error, e.g. IBM's rz. */
  virtualGates: string[];
  readout: ReadoutError | null;
  readoutNs: number;
  /** Thermal relaxation while a qubit idles; null for none. */
  relaxation: { t1Us: number; t2Us: number | null } | null;
}

/**
 * Average gate fidelity of a channel, F = (d·F_pro + 1)/(d + 1) with the process (entanglement) fidelity
 * F_pro = Σ_k |Tr K_k|² / d² (Horodecki et al., PRA 60, 1888 (1999); Nielsen, Phys. Lett. A 303, 249 (2002)).
 */
export function averageGateFidelity(channel: KrausChannel): number {
  const d = 1 << channel.numQubits;
  let fPro = 0;
  for (const k of channel.kraus) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < d; i++) {
      re += k[2 * (i * d + i)];
      im += k[2 * (i * d + i) + 1];
    }
    fPro += re * re + im * im;
  }
  fPro /= d * d;
  return (d * fPro + 1) / (d + 1);
}

/**
 * The depolarizing parameter that, after the relaxation already present during the gate, brings the gate's
 * average infidelity to `error` (the vendor's randomized-benchmarking error per gate). Same formula as Qiskit
 * Aer's `_device_depolarizing_error` (qiskit_aer/noise/device/models.py): λ = d(r − r_relax)/(d·F_relax − 1),
 * 0 when relaxation alone already explains the error.
 */
export function depolarizingParameter(
  error: number,
  numQubits: number,
  relaxation: KrausChannel | null,
): number {
  const d = 2 ** numQubits;
  const relaxFid = relaxation ? averageGateFidelity(relaxation) : 1;
  const relaxInfid = 1 - relaxFid;
  const r = Math.min(error, d / (d + 1));
  if (!(r > relaxInfid)) return 0;
  const max = 4 ** numQubits / (4 ** numQubits - 1);
  return Math.min(max, (d * (r - relaxInfid)) / (d * relaxFid - 1));
}

export interface GateErrorSpec {
  /** Average gate infidelity (error per gate). */
  error: number;
  durationNs: number;
}

/**
 * The standard device noise of Qiskit Aer's `NoiseModel.from_backend` in its basic form: after each gate,
 * thermal relaxation on every gate qubit for the gate's duration, then depolarizing noise making up the rest of
 * the gate error; relaxation while idle; a symmetric readout error.
 */
export function standardNoiseModel(spec: {
  name: string;
  oneQubit: GateErrorSpec;
  twoQubit: GateErrorSpec;
  readoutError: number | null;
  readoutNs: number;
  t1Us: number | null;
  t2Us: number | null;
  virtualGates?: string[];
}): NoiseModel {
  if (spec.t1Us === null && spec.t2Us !== null)
    throw userError("Noise.InvalidParameter", "T2 is given without T1", { field: "t1Us" });
  const relaxation = spec.t1Us === null ? null : { t1Us: spec.t1Us, t2Us: spec.t2Us };
  const timing = (g: GateErrorSpec, n: 1 | 2): GateTiming => {
    const noise: GateNoise[] = [];
    let relax: KrausChannel | null = null;
    if (relaxation && g.durationNs > 0) {
      const one = thermalRelaxation(relaxation.t1Us, relaxation.t2Us, g.durationNs);
      for (let j = 0; j < n; j++) noise.push({ channel: one, args: [j] });
      relax = n === 1 ? one : tensor(one, one);
    }
    const lambda = depolarizingParameter(g.error, n, relax);
    if (lambda > 0) noise.push({ channel: depolarizing(lambda, n), args: n === 1 ? [0] : [0, 1] });
    return { durationNs: g.durationNs, noise };
  };
  return {
    name: spec.name,
    oneQubitGate: timing(spec.oneQubit, 1),
    twoQubitGate: timing(spec.twoQubit, 2),
    virtualGates: spec.virtualGates ?? [],
    readout: spec.readoutError === null ? null : { p1Given0: spec.readoutError, p0Given1: spec.readoutError },
    readoutNs: spec.readoutNs,
    relaxation,
  };
}

/** Gate duration under a model: virtual gates 0, otherwise by arity. */
export function opDurationNs(model: NoiseModel | null, op: Operation): number {
  if (!model) return 0;
  if (op.kind === "measure") return model.readoutNs;
  if (op.kind === "reset") return model.readoutNs;
  if (op.kind === "barrier") return 0;
  if (model.virtualGates.includes(op.name)) return 0;
  return op.qubits.length === 1 ? model.oneQubitGate.durationNs : model.twoQubitGate.durationNs;
}
