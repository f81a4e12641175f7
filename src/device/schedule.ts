// Scheduling pass (analysis only): as-soon-as-possible start times for every operation from per-operation
// durations, as Qiskit's ALAP/ASAP schedule analysis does. Barriers align their qubits and take no time.
// The circuit's duration is the latest end; the noisy-circuit builder reads the idle gaps from it.

import type { Circuit, Operation } from "../circuit/ir.js";

export interface Schedule {
  /** Start time of each op (ns), same index as circuit.ops. */
  startNs: number[];
  /** End time of each op (ns). */
  endNs: number[];
  /** Latest end over all operations. */
  durationNs: number;
  /** Latest end over gates, resets and mid-circuit ops, measurements excluded. */
  gatesDurationNs: number;
}

export function scheduleAsap(circuit: Circuit, durationNs: (op: Operation) => number): Schedule {
  const free = new Float64Array(circuit.numQubits);
  const startNs: number[] = [];
  const endNs: number[] = [];
  let durationTotal = 0;
  let gatesDuration = 0;
  for (const op of circuit.ops) {
    const qubits = op.kind === "gate" || op.kind === "barrier" ? op.qubits : [op.qubit];
    let start = 0;
    for (const q of qubits) start = Math.max(start, free[q]);
    const end = start + (op.kind === "barrier" ? 0 : durationNs(op));
    for (const q of qubits) free[q] = end;
    startNs.push(start);
    endNs.push(end);
    durationTotal = Math.max(durationTotal, end);
    if (op.kind !== "measure") gatesDuration = Math.max(gatesDuration, end);
  }
  return { startNs, endNs, durationNs: durationTotal, gatesDurationNs: gatesDuration };
}
