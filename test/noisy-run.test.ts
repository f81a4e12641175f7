// Noisy runs on catalog devices: structure of noisy GHZ states, the ESP model next to the simulated fidelity,
// and the device-time arithmetic.
import { describe, expect, it } from "vitest";
import { CircuitBuilder } from "../src/circuit/builder.js";
import type { Circuit } from "../src/circuit/ir.js";
import { deviceModel } from "../src/device/device-model.js";
import { hellingerFidelity, runOnDevice } from "../src/run/on-device.js";

function ghz(n: number): Circuit {
  const b = new CircuitBuilder().qreg("q", n).creg("c", n).h(0);
  for (let i = 0; i + 1 < n; i++) b.cx(i, i + 1);
  for (let i = 0; i < n; i++) b.measure(i, i);
  return b.build();
}

describe("noisy GHZ on devices", () => {
  for (const device of ["ibm-heron-r2", "ibm-torino", "google-willow", "quantinuum-helios"]) {
    it(`${device}: mass on 0…0 and 1…1, decreasing with size`, () => {
      let previous = 1;
      for (const n of [2, 4, 6]) {
        const r = runOnDevice(ghz(n), { device, shots: 2000, seed: 3, method: "density" });
        const zeros = "0".repeat(n);
        const ones = "1".repeat(n);
        const mass = (r.noisy.probabilities[zeros] ?? 0) + (r.noisy.probabilities[ones] ?? 0);
        expect(mass).toBeGreaterThan(0.5);
        expect(mass).toBeLessThan(previous);
        // Each of the two peaks beats every other outcome.
        const others = Object.entries(r.noisy.probabilities).filter(([k]) => k !== zeros && k !== ones);
        const worstPeak = Math.min(r.noisy.probabilities[zeros], r.noisy.probabilities[ones]);
        for (const [, p] of others) expect(p).toBeLessThan(worstPeak);
        expect(r.hellingerFidelity).toBeLessThan(1);
        expect(r.ideal.probabilities[zeros]).toBeCloseTo(0.5, 12);
        previous = mass;
      }
    });
  }

  it("noise off reproduces the ideal distribution through the transpiled circuit", () => {
    const r = runOnDevice(ghz(5), { device: "ibm-heron-r2", noise: false, shots: 100, seed: 1 });
    expect(r.method).toBe("statevector");
    expect(r.hellingerFidelity).toBeCloseTo(1, 10);
  });

  it("density and trajectories agree on a device run within their statistical error", () => {
    const c = ghz(4);
    const d = runOnDevice(c, { device: "ibm-nighthawk", shots: 4000, seed: 9, method: "density" });
    const t = runOnDevice(c, { device: "ibm-nighthawk", shots: 4000, seed: 9, method: "trajectories" });
    expect(t.method).toBe("trajectories");
    expect(Math.abs(d.hellingerFidelity - t.hellingerFidelity)).toBeLessThan(0.01);
  });

  it("device time = shots × (duration + readout + repetition delay), priced per QPU-second", () => {
    const r = runOnDevice(ghz(3), { device: "ibm-heron-r2", shots: 1000, seed: 1 });
    const m = deviceModel("ibm-heron-r2");
    const perShot = (r.transpiled.durationNs + m.durations.readoutNs) * 1e-9;
    expect(r.deviceTime.shotSeconds).toBeCloseTo(perShot, 15);
    expect(r.deviceTime.seconds).toBeCloseTo(1000 * (perShot + 250e-6), 12);
    expect(r.deviceTime.usd).toBeCloseTo(r.deviceTime.seconds * 1.6, 12);
    const ion = runOnDevice(ghz(3), { device: "ionq-aria", shots: 100, seed: 1 });
    expect(ion.deviceTime.usd).toBeCloseTo(100 * 0.03 + 0.3, 12);
  });

  it("Hellinger fidelity of identical distributions is 1 and of disjoint ones 0", () => {
    expect(hellingerFidelity({ a: 0.5, b: 0.5 }, { a: 5, b: 5 })).toBeCloseTo(1, 14);
    expect(hellingerFidelity({ a: 1 }, { b: 1 })).toBe(0);
    expect(hellingerFidelity({ a: 0.5, b: 0.5 }, { a: 1 })).toBeCloseTo(0.5, 14);
  });
});

describe("readout errors in sampled counts", () => {
  it("trajectory shots and density samples misread |1⟩ with the readout error rate", async () => {
    const { customDeviceModel } = await import("../src/device/custom-device.js");
    const device = customDeviceModel({
      name: "readout-only",
      qubits: 2,
      topology: "all-to-all",
      nativeGates: "cz",
      oneQubitError: 0,
      twoQubitError: 0,
      readoutError: 0.2,
      t1Us: null,
      t2Us: null,
      oneQubitGateNs: 10,
      twoQubitGateNs: 10,
      readoutNs: 10,
    });
    const c = new CircuitBuilder().qreg("q", 2).creg("c", 2).x(0).measure(0, 0).measure(1, 1).build();
    const shots = 4000;
    for (const method of ["density", "trajectories"] as const) {
      const r = runOnDevice(c, { device, shots, seed: 5, method, trajectories: shots });
      // P(01) = 0.8·0.8, P(00) = 0.2·0.8, P(11) = 0.8·0.2, P(10) = 0.2·0.2
      expect(r.noisy.probabilities["01"]).toBeCloseTo(0.64, method === "density" ? 12 : 1);
      const expected = { "01": 0.64, "00": 0.16, "11": 0.16, "10": 0.04 } as Record<string, number>;
      for (const [k, p] of Object.entries(expected)) {
        const sigma = Math.sqrt(shots * p * (1 - p));
        expect(Math.abs((r.noisy.counts[k] ?? 0) - shots * p)).toBeLessThan(4 * sigma);
      }
    }
  });
});
