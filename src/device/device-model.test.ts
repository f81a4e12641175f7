import { describe, expect, it } from "vitest";
import { compose, type KrausChannel, tensor } from "../circuit/channels.js";
import { catalog } from "../hardware/catalog.js";
import { deviceModel, gateModelDevices } from "./device-model.js";
import { averageGateFidelity, standardNoiseModel } from "./noise-model.js";

/** The whole channel after a gate, composed from the model's per-qubit pieces. */
function gateChannel(noise: Array<{ channel: KrausChannel; args: number[] }>, n: 1 | 2): KrausChannel {
  let total: KrausChannel | null = null;
  let i = 0;
  while (i < noise.length) {
    let step = noise[i].channel;
    if (n === 2 && noise[i].args.length === 1) {
      step = tensor(noise[i].channel, noise[i + 1].channel);
      i += 2;
    } else i++;
    total = total ? compose(total, step) : step;
  }
  return total!;
}

describe("device noise models", () => {
  it("IBM Heron r2: heavy-hex, CZ/SX/RZ, catalog errors and timings", () => {
    const m = deviceModel("ibm-heron-r2");
    const q = catalog.qpus.find((d) => d.id === "ibm-heron-r2")!;
    expect(m.coupling.topology).toBe("heavy-hex");
    expect(m.coupling.edges.length).toBe(176);
    expect(m.basis.gates).toEqual(["rz", "sx", "x", "cz"]);
    expect(m.errors.twoQubit).toBe(q.twoQubitError);
    expect(m.durations.twoQubitNs).toBe(q.twoQubitGateNs);
    expect(m.repetitionDelayUs).toBe(250);
  });

  it("each gate's relaxation + depolarizing channel has the catalog's average gate infidelity", () => {
    for (const id of ["ibm-heron-r2", "ibm-torino", "ibm-nighthawk", "google-willow", "quantinuum-helios"]) {
      const m = deviceModel(id);
      const one = gateChannel(m.noise.oneQubitGate.noise, 1);
      const two = gateChannel(m.noise.twoQubitGate.noise, 2);
      expect(1 - averageGateFidelity(one)).toBeCloseTo(m.errors.oneQubit, 9);
      expect(1 - averageGateFidelity(two)).toBeCloseTo(m.errors.twoQubit, 9);
    }
  });

  it("topologies: square lattice for Nighthawk and Willow, all-to-all for trapped ions", () => {
    expect(deviceModel("ibm-nighthawk").coupling.edges.length).toBe(218);
    expect(deviceModel("willow").coupling.topology).toBe("square-lattice");
    const ions = deviceModel("ionq-forte");
    expect(ions.coupling.topology).toBe("all-to-all");
    expect(ions.coupling.edges.length).toBe((36 * 35) / 2);
    expect(deviceModel("helios").basis.twoQubit).toBe("rzz");
  });

  it("every gate-model QPU in the catalog has a model whose filled values are listed", () => {
    for (const id of gateModelDevices()) {
      const m = deviceModel(id);
      expect(m.qubits).toBeGreaterThan(0);
      expect(m.coupling.edges.every(([a, b]) => a < b && b < m.qubits)).toBe(true);
      const q = catalog.qpus.find((d) => d.id === id)!;
      if (q.twoQubitError === null)
        expect(m.assumptions.join("\n")).toMatch(/twoQubitError not in the catalog/);
    }
  });

  it("unknown devices, GPUs and analog machines are user errors", () => {
    for (const name of ["nope", "h100", "aquila"])
      expect(() => deviceModel(name)).toThrow(
        expect.objectContaining({ code: "Hardware.UnknownDevice", userError: true }),
      );
  });

  it("a custom model with T2 > 2·T1 is refused", () => {
    expect(() =>
      standardNoiseModel({
        name: "bad",
        oneQubit: { error: 1e-3, durationNs: 30 },
        twoQubit: { error: 1e-2, durationNs: 100 },
        readoutError: 0.01,
        readoutNs: 1000,
        t1Us: 50,
        t2Us: 120,
      }),
    ).toThrow(expect.objectContaining({ code: "Noise.UnphysicalT2" }));
  });
});
