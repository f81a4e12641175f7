// Lower a circuit and a noise model to the step list both noisy backends run: gates as kernel ops, channels on
// explicit qubits (gate noise, then relaxation over each idle gap found by ASAP scheduling), resets as
// channels, and terminal measurements with their readout errors. Mid-circuit measurements and classical
// conditions are refused: the noisy backends sample only at the end.

import { type KrausChannel, thermalRelaxation } from "../circuit/channels.js";
import { GATES } from "../circuit/gates.js";
import type { Circuit } from "../circuit/ir.js";
import { fromRows } from "../circuit/matrix.js";
import { type NoiseModel, opDurationNs } from "../device/noise-model.js";
import { scheduleAsap } from "../device/schedule.js";
import { userError } from "../errors.js";
import type { NoisyCircuit, NoisyStep } from "../sim/noisy-program.js";
import { findTerminalMeasurements, lowerGate, type TerminalMeasure } from "../sim/plan.js";
import { counted } from "../units/format.js";

export type { NoisyCircuit, NoisyStep } from "../sim/noisy-program.js";

/** Reset as a channel: K0 = |0⟩⟨0|, K1 = |0⟩⟨1|. */
export const RESET: KrausChannel = {
  name: "reset",
  numQubits: 1,
  kraus: [
    fromRows([
      [1, 0],
      [0, 0],
    ]),
    fromRows([
      [0, 1],
      [0, 0],
    ]),
  ],
};

export function buildNoisyCircuit(circuit: Circuit, model: NoiseModel | null): NoisyCircuit {
  const terminalFlags = findTerminalMeasurements(circuit);
  const notes: string[] = [];
  circuit.ops.forEach((op, i) => {
    if (op.kind === "measure" && !terminalFlags[i])
      throw userError(
        "Noise.Unsupported",
        "noisy simulation supports measurements at the end of the circuit only (this one measures mid-circuit)",
        { field: "circuit", hint: "run without --device/--noise for exact mid-circuit measurement" },
      );
    if (op.kind !== "barrier" && op.condition)
      throw userError(
        "Noise.Unsupported",
        "noisy simulation does not support classically conditioned operations",
        {
          field: "circuit",
          hint: "run without --device/--noise for exact conditioned circuits",
        },
      );
    if (op.kind === "gate" && !GATES.has(op.name))
      throw userError("Circuit.UnknownGate", `unknown gate '${op.name}'`, { field: "circuit" });
  });
  const schedule = scheduleAsap(circuit, (op) => opDurationNs(model, op));
  const steps: NoisyStep[] = [];
  const terminal: TerminalMeasure[] = [];
  // Relaxation only matters once a qubit has left |0⟩ (relaxation fixes |0⟩), so idle gaps count from first use.
  const lastEnd = new Float64Array(circuit.numQubits).fill(-1);
  const idle = (q: number, until: number): void => {
    if (!model?.relaxation || lastEnd[q] < 0) return;
    const gap = until - lastEnd[q];
    if (gap > 0)
      steps.push({
        kind: "channel",
        channel: thermalRelaxation(model.relaxation.t1Us, model.relaxation.t2Us, gap),
        qubits: [q],
      });
  };
  let wide = 0;
  circuit.ops.forEach((op, i) => {
    if (op.kind === "barrier") return;
    if (op.kind === "measure") {
      terminal.push({ qubit: op.qubit, clbit: op.clbit });
      return;
    }
    const qubits = op.kind === "gate" ? op.qubits : [op.qubit];
    for (const q of qubits) idle(q, schedule.startNs[i]);
    if (op.kind === "reset") {
      steps.push({ kind: "channel", channel: RESET, qubits: [op.qubit] });
    } else {
      const kop = lowerGate(op.name, op.qubits, op.params);
      if (kop) steps.push({ kind: "unitary", name: op.name, op: kop });
      if (model && !model.virtualGates.includes(op.name)) {
        const timing =
          op.qubits.length === 1 ? model.oneQubitGate : op.qubits.length === 2 ? model.twoQubitGate : null;
        if (!timing) wide++;
        for (const n of timing?.noise ?? [])
          steps.push({ kind: "channel", channel: n.channel, qubits: n.args.map((a) => op.qubits[a]) });
      }
    }
    for (const q of qubits) lastEnd[q] = schedule.endNs[i];
  });
  // Every qubit waits for the last gate before the (simultaneous) final readout.
  for (let q = 0; q < circuit.numQubits; q++) idle(q, schedule.gatesDurationNs);
  if (wide > 0)
    notes.push(
      `${counted(String(wide), "gate", "gates")} on 3 or more qubits were applied without noise; transpile to a device to model them`,
    );
  const measured = circuit.ops.some((op) => op.kind === "measure");
  if (!measured) for (let q = 0; q < circuit.numQubits; q++) terminal.push({ qubit: q, clbit: q });
  return {
    numQubits: circuit.numQubits,
    steps,
    terminal,
    readout: terminal.map(() => model?.readout ?? null),
    measured,
    numClbits: measured ? circuit.numClbits : circuit.numQubits,
    keyRegisters: measured
      ? circuit.cregs.map((r) => ({ offset: r.offset, size: r.size })).reverse()
      : [{ offset: 0, size: circuit.numQubits }],
    durationNs: schedule.gatesDurationNs,
    notes,
  };
}
