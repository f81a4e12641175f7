// What the noisy engines (density.ts, trajectories.ts) run: a circuit already lowered to kernel ops and Kraus
// channels on explicit qubits, with its terminal measurements and readout errors. The noise layer (src/noise/)
// builds these from a circuit and a device's noise model; the engines read them and import nothing from it.
// Matrices use the gate library's layout (src/circuit/matrix.ts).

import type { KrausChannel, ReadoutError } from "../circuit/channels.js";
import type { KernelOp } from "./kernels/kernel.js";
import type { TerminalMeasure } from "./steps.js";

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
