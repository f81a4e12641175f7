// What a training run would cost on a named gate-model QPU from the catalog, and how its noise is modelled.
//
// Time: shots × (one shot's duration + repetition delay), the shot duration from device/timing.ts
// (depth × t_2q + readout) and the repetition delay from data/execution.json. Per-job overheads (compilation,
// queueing, network, classical control between the optimiser's steps) are not modelled: no sourced figure, so
// the result is a lower bound and says so. Price: the catalog's per-QPU-second price, else per shot + per task
// (each circuit execution a task, as on AWS Braket).
//
// Noise: a global depolarising channel whose fidelity F is the circuit's estimated success probability (the
// product of gate and readout fidelities and the decoherence factor, device/timing.ts). Under it every Pauli
// expectation value shrinks by F — the simplest device model that still shows how noise flattens the loss.

import { type DeviceTiming, deviceTiming, shotSeconds, successProbabilityLog10 } from "../device/timing.js";
import { userError } from "../errors.js";
import { catalog, getQpu, unverifiedNotes } from "../hardware/catalog.js";
import type { Qpu } from "../hardware/schema.js";
import execution from "./data/execution.json" with { type: "json" };
import type { GateCounts } from "./variational.js";

export interface DeviceModel {
  qpu: Qpu;
  timing: DeviceTiming;
  repetitionDelaySeconds: number;
  /** Where the repetition delay came from (or that there is none). */
  repetitionDelayNote: string;
  unverified: string[];
}

export function deviceModel(name: string): DeviceModel {
  const qpu = getQpu(name, "--device");
  if (qpu.model !== "gate")
    throw userError("Qml.AnalogDevice", `${qpu.id} is an analog simulator and runs no gate circuits`, {
      field: "--device",
      hint: `gate-model devices: ${catalog.qpus
        .filter((q) => q.model === "gate")
        .map((q) => q.id)
        .join(", ")}`,
    });
  const entry =
    execution.devices.find((d) => d.id === qpu.id) ??
    execution.devices.find((d) => d.id.endsWith("*") && qpu.id.startsWith(d.id.slice(0, -1)));
  const unverified = unverifiedNotes(qpu, [
    "oneQubitError",
    "twoQubitError",
    "readoutError",
    "twoQubitGateNs",
    "readoutNs",
    "t1Us",
    "t2Us",
  ]);
  if (entry?.unverified)
    unverified.push(
      `${qpu.id} repetition delay ${entry.repetitionDelayUs} µs is unverified (${entry.source})`,
    );
  return {
    qpu,
    timing: deviceTiming(qpu),
    repetitionDelaySeconds: entry ? entry.repetitionDelayUs * 1e-6 : 0,
    repetitionDelayNote: entry
      ? `repetition delay ${entry.repetitionDelayUs} µs per shot (${entry.source})`
      : `no sourced repetition delay for ${qpu.id}: none charged (a lower bound)`,
    unverified,
  };
}

/** Global-depolarising fidelity F = estimated success probability of one shot of the circuit. */
export function circuitFidelity(model: DeviceModel, counts: GateCounts): number {
  return 10 ** successProbabilityLog10(counts, model.timing);
}

export interface DeviceCost {
  device: string;
  deviceName: string;
  fidelity: number;
  shotSeconds: number;
  repetitionDelaySeconds: number;
  seconds: number;
  usd: number | null;
  priceBasis: string;
  assumptions: string[];
  unverified: string[];
}

export function deviceCost(
  model: DeviceModel,
  counts: GateCounts,
  shots: number,
  circuitExecutions: number,
): DeviceCost {
  const q = model.qpu;
  const perShot = shotSeconds(counts, model.timing);
  const seconds = shots * (perShot + model.repetitionDelaySeconds);
  let usd: number | null = null;
  let priceBasis = "no published price in the catalog";
  if (q.priceUsdPerQpuSecond !== null) {
    usd = seconds * q.priceUsdPerQpuSecond;
    priceBasis = `$${q.priceUsdPerQpuSecond} per QPU-second (${q.priceSource ?? q.source})`;
  } else if (q.priceUsdPerShot !== null) {
    usd = shots * q.priceUsdPerShot + circuitExecutions * (q.priceUsdPerTask ?? 0);
    priceBasis = `$${q.priceUsdPerShot} per shot${q.priceUsdPerTask !== null ? ` + $${q.priceUsdPerTask} per task, one task per circuit execution` : ""} (${q.priceSource ?? q.source})`;
  }
  const fidelity = circuitFidelity(model, counts);
  return {
    device: q.id,
    deviceName: q.name,
    fidelity,
    shotSeconds: perShot,
    repetitionDelaySeconds: model.repetitionDelaySeconds,
    seconds,
    usd,
    priceBasis,
    assumptions: [
      `device time = shots × (shot ${fmt(perShot * 1e6)} µs = depth ${counts.depth} × t_2q ${model.timing.twoQubitGateNs} ns + readout ${model.timing.readoutNs} ns, + repetition delay) — device/timing.ts`,
      model.repetitionDelayNote,
      "no per-job overheads (compilation, queueing, network, classical optimiser between steps): a lower bound",
      `noise: global depolarising channel with F = estimated success probability ${fmt(fidelity)} (${counts.oneQubitGates} 1q gates at ${model.timing.oneQubitError}, ${counts.twoQubitGates} 2q gates at ${model.timing.twoQubitError}, ${counts.qubits} readouts at ${model.timing.readoutError}, decoherence); every Pauli expectation shrinks by F`,
      "gate counts are the logical circuit's (no transpilation to native gates, no routing on the coupling map)",
      `price: ${priceBasis}`,
      ...model.timing.filledFrom,
    ],
    unverified: model.unverified,
  };
}

function fmt(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
