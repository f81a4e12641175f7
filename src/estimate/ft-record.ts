// Every fault-tolerant cost goes through the one QRE-compatible estimator (./ftqc), and keeps what it fed it, so
// that `qfit estimate ft --counts <counts> --qubit <qubit> --qec <qec> --budget <budget> --json` reproduces the
// physical qubits and runtime. Also: the physical qubit a catalog device would be under error correction.

import type { DeviceTiming } from "../device/timing.js";
import type { Qpu } from "../hardware/schema.js";
import type { FaultToleranceRecord } from "../verdict/contract.js";
import { estimateFaultTolerant } from "./ftqc/estimate.js";
import type { FtEstimate, LogicalCounts, QubitParamsInput } from "./ftqc/types.js";

export interface FaultTolerantRun {
  record: FaultToleranceRecord;
  estimate: FtEstimate;
}

/** Runs the estimator on `counts` and returns its output with the record that reproduces it. */
export function runFaultTolerant(
  counts: LogicalCounts,
  qubit: string | QubitParamsInput,
  qec: string,
  budget: number,
): FaultTolerantRun {
  // Only the keys the estimator knows, as integers (its input contract).
  const clean: Record<string, number> = {};
  for (const [k, v] of Object.entries(counts)) if (v !== undefined && v > 0) clean[k] = Math.round(v);
  clean.numQubits = Math.max(1, Math.round(counts.numQubits));
  const estimate = estimateFaultTolerant(clean as unknown as LogicalCounts, {
    qubitParams: qubit,
    qecScheme: qec,
    errorBudget: budget,
  });
  return {
    record: {
      counts: clean,
      qubit: typeof qubit === "string" ? qubit : (estimate.jobParams.qubitParams as Record<string, unknown>),
      qec,
      budget,
      physicalQubits: estimate.physicalCounts.physicalQubits,
      runtimeNs: estimate.physicalCounts.runtime,
      codeDistance: estimate.logicalQubit.codeDistance,
      tFactories: estimate.physicalCounts.breakdown.numTfactories,
    },
    estimate,
  };
}

/**
 * A catalog device as an Azure gate-based qubit. The code distance follows the two-qubit gate error: syndrome
 * extraction is repeated over d rounds, so a readout flip is one fault among the circuit's gate faults, and
 * readout is handled as readout — its rate enters the estimator at most at the 2q gate error (Azure takes
 * max(Clifford, readout) as the QEC error rate, which would let readout alone declare Willow, 0.77% readout but
 * Λ = 2.14 below threshold [Q5], unable to error-correct).
 */
export function qubitParamsFromDevice(qpu: Qpu, t: DeviceTiming): { params: QubitParamsInput; note: string } {
  const clifford = Math.max(t.oneQubitError, t.twoQubitError);
  const readout = Math.min(t.readoutError, clifford);
  return {
    params: {
      name: qpu.id,
      instructionSet: "GateBased",
      oneQubitMeasurementTime: Math.max(1, Math.round(t.readoutNs)),
      oneQubitGateTime: Math.max(1, Math.round(t.oneQubitGateNs)),
      twoQubitGateTime: Math.max(1, Math.round(t.twoQubitGateNs)),
      tGateTime: Math.max(1, Math.round(t.oneQubitGateNs)),
      oneQubitMeasurementErrorRate: readout,
      oneQubitGateErrorRate: t.oneQubitError,
      twoQubitGateErrorRate: t.twoQubitError,
      tGateErrorRate: t.oneQubitError,
      idleErrorRate: t.twoQubitError,
    },
    note:
      readout < t.readoutError
        ? `${qpu.id} as an error-corrected qubit: code distance from the 2q gate error ${t.twoQubitError}; readout error ${t.readoutError} handled as readout (entered at ${readout}, the Clifford error, since syndrome rounds repeat d times)`
        : `${qpu.id} as an error-corrected qubit: code distance from the 2q gate error ${t.twoQubitError}`,
  };
}
