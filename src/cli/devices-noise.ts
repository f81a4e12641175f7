// `qfit devices NAME --noise`: the noise model qfit simulates for a device, with every assumption listed.
import pc from "picocolors";
import { meanDegree } from "../device/coupling.js";
import type { DeviceModel } from "../device/device-model.js";

/** Plain-data view of a device model (the JSON output). */
export function deviceModelJson(m: DeviceModel) {
  return {
    id: m.id,
    name: m.name,
    qubits: m.qubits,
    basis: m.basis,
    coupling: {
      topology: m.coupling.topology,
      description: m.coupling.description,
      couplers: m.coupling.edges.length,
      meanDegree: Number(meanDegree(m.coupling).toFixed(3)),
      edges: m.coupling.topology === "all-to-all" ? undefined : m.coupling.edges,
    },
    errors: m.errors,
    t1Us: m.t1Us,
    t2Us: m.t2Us,
    durations: m.durations,
    repetitionDelayUs: m.repetitionDelayUs,
    price: m.price,
    channels: {
      oneQubitGate: m.noise.oneQubitGate.noise.map((n) => n.channel.name),
      twoQubitGate: m.noise.twoQubitGate.noise.map((n) => `${n.channel.name} on [${n.args.join(",")}]`),
      idle: m.noise.relaxation ? "thermal relaxation over each idle gap" : "none",
      readout: m.noise.readout,
    },
    assumptions: m.assumptions,
    sources: m.sources,
  };
}

export function renderDeviceModel(m: DeviceModel, color: boolean): string {
  const c = pc.createColors(color);
  const j = deviceModelJson(m);
  const lines = [
    c.bold(`${m.name} (${m.id}): noise model`),
    `  qubits            ${m.qubits}`,
    `  native gates      ${m.basis.gates.join(", ")}  (virtual: ${m.basis.virtual.join(", ") || "none"})`,
    `  coupling          ${j.coupling.description}; ${j.coupling.couplers} couplers, mean degree ${j.coupling.meanDegree}`,
    `  errors            1q ${m.errors.oneQubit}, 2q ${m.errors.twoQubit}, readout ${m.errors.readout}`,
    `  T1 / T2           ${m.t1Us ?? "—"} µs / ${m.t2Us ?? "—"} µs`,
    `  durations         1q ${m.durations.oneQubitNs} ns, 2q ${m.durations.twoQubitNs} ns, readout ${m.durations.readoutNs} ns`,
    `  repetition delay  ${m.repetitionDelayUs === null ? "—" : `${m.repetitionDelayUs} µs`}`,
    `  after a 1q gate   ${j.channels.oneQubitGate.join(" then ") || "nothing"}`,
    `  after a 2q gate   ${j.channels.twoQubitGate.join(" then ") || "nothing"}`,
    `  idle qubits       ${j.channels.idle}`,
    `  readout           ${m.noise.readout ? `P(1|0) = ${m.noise.readout.p1Given0}, P(0|1) = ${m.noise.readout.p0Given1}` : "perfect"}`,
    c.bold("assumptions"),
    ...m.assumptions.map((a) => `  - ${a}`),
    c.bold("sources"),
    ...m.sources.map((s) => `  [${s.id}] ${s.citation}`),
  ];
  return `${lines.join("\n")}\n`;
}
