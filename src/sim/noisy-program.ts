// What the noisy engines (density.ts, trajectories.ts) run: a circuit already lowered to kernel ops and Kraus
// channels on explicit qubits, with its terminal measurements and readout errors. The noise layer (src/noise/)
// builds these from a circuit and a device's noise model; the engines read them and import nothing from it.
// Matrices use the gate library's layout (src/circuit/matrix.ts).

import { dimOf, type Matrix } from "../circuit/matrix.js";
import type { KernelOp } from "./kernels/kernel.js";
import type { TerminalMeasure } from "./steps.js";

export interface KrausChannel {
  /** Short label for reports, e.g. `depolarizing(0.001)`. */
  name: string;
  numQubits: number;
  /** Kraus operators, each 2^n × 2^n. */
  kraus: Matrix[];
  /**
   * When the channel is a Pauli mixture: probabilities of the 4^n Pauli strings, index bit pair j selecting
   * the Pauli on argument j (0 I, 1 X, 2 Y, 3 Z). Kraus operators are then √p·P for the nonzero entries.
   */
  pauli?: Float64Array;
}

/** Classical readout error of one qubit: P(read 1 | prepared 0) and P(read 0 | prepared 1). */
export interface ReadoutError {
  p1Given0: number;
  p0Given1: number;
}

export type NoisyStep =
  | { kind: "unitary"; name: string; op: KernelOp }
  | { kind: "channel"; channel: KrausChannel; qubits: number[] };

export interface NoisyCircuit {
  numQubits: number;
  steps: NoisyStep[];
  terminal: TerminalMeasure[];
  /** Readout error of each terminal measurement (same order), null when perfect. */
  readout: Array<ReadoutError | null>;
  /** false when the circuit measures nothing (then every qubit is read, as `simulate` does). */
  measured: boolean;
  numClbits: number;
  keyRegisters: Array<{ offset: number; size: number }>;
  /** Scheduled duration of the gates (ns), measurements excluded. */
  durationNs: number;
  notes: string[];
}

/** The Kronecker product a ⊗ b, with b on the low index bits (argument 0). */
export function kron(a: Matrix, b: Matrix): Matrix {
  const da = dimOf(a);
  const db = dimOf(b);
  const d = da * db;
  const out = new Float64Array(2 * d * d);
  for (let ra = 0; ra < da; ra++)
    for (let ca = 0; ca < da; ca++) {
      const xr = a[2 * (ra * da + ca)];
      const xi = a[2 * (ra * da + ca) + 1];
      if (xr === 0 && xi === 0) continue;
      for (let rb = 0; rb < db; rb++)
        for (let cb = 0; cb < db; cb++) {
          const yr = b[2 * (rb * db + cb)];
          const yi = b[2 * (rb * db + cb) + 1];
          const idx = 2 * ((ra * db + rb) * d + ca * db + cb);
          out[idx] = xr * yr - xi * yi;
          out[idx + 1] = xr * yi + xi * yr;
        }
    }
  return out;
}

/** The Pauli string with index `code` on n qubits (2 bits per qubit, qubit 0 in the low bits). */
/**
 * The channel's superoperator S = Σ_k conj(K_k) ⊗ K_k acting on vec(ρ), where vec index = row + d·column:
 * the form the density-matrix backend applies as one dense op on the row and column qubits.
 */
export function superoperator(channel: KrausChannel): Matrix {
  const d = 1 << channel.numQubits;
  const out = new Float64Array(2 * d ** 4);
  for (const k of channel.kraus) {
    const conj = k.map((x, i) => (i % 2 === 1 ? -x : x));
    const s = kron(conj, k);
    for (let i = 0; i < out.length; i++) out[i] += s[i];
  }
  return out;
}
