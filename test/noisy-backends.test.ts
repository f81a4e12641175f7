// The two noisy backends against each other and against exact references: the density matrix without noise
// equals the statevector simulator, known channels give known distributions, and Monte-Carlo trajectories
// agree with the density matrix within 3 standard errors on 6-qubit noisy circuits.
import { describe, expect, it } from "vitest";
import { CircuitBuilder } from "../src/circuit/builder.js";
import { amplitudeDamping, bitFlip, depolarizing } from "../src/circuit/channels.js";
import { randomCircuit } from "../src/circuit/random.js";
import { TOL } from "../src/circuit/testing.js";
import { standardNoiseModel } from "../src/device/noise-model.js";
import { buildNoisyCircuit } from "../src/noise/noisy-circuit.js";
import { simulateDensity } from "../src/sim/density.js";
import { simulate } from "../src/sim/simulate.js";
import { simulateTrajectories } from "../src/sim/trajectories.js";
import { createPrng } from "../src/stats/prng.js";

const model = standardNoiseModel({
  name: "test",
  oneQubit: { error: 0.01, durationNs: 50 },
  twoQubit: { error: 0.05, durationNs: 300 },
  readoutError: 0.02,
  readoutNs: 1000,
  t1Us: 20,
  t2Us: 15,
  virtualGates: ["rz"],
});

describe("density-matrix backend", () => {
  it("matches the statevector simulator on noiseless random circuits", () => {
    for (const seed of [1, 2, 3]) {
      const c = randomCircuit({ numQubits: 5, depth: 6, seed });
      const exact = simulate(c, { probabilities: true, shots: 1, seed: 1 }).probabilities!;
      const d = simulateDensity(buildNoisyCircuit(c, null));
      expect(d.trace).toBeCloseTo(1, 12);
      for (let i = 0; i < 32; i++) {
        const key = i.toString(2).padStart(5, "0");
        expect(d.probabilities[i]).toBeCloseTo(exact[key] ?? 0, 11);
      }
    }
  });

  it("applies a known channel exactly: bit flip p on |0⟩ and amplitude damping on |1⟩", () => {
    const nc = buildNoisyCircuit(new CircuitBuilder().qreg("q", 2).x(1).build(), null);
    nc.steps.push({ kind: "channel", channel: bitFlip(0.3), qubits: [0] });
    nc.steps.push({ kind: "channel", channel: amplitudeDamping(0.25), qubits: [1] });
    const p = simulateDensity(nc).probabilities;
    expect(p[0b10]).toBeCloseTo(0.7 * 0.75, 14);
    expect(p[0b11]).toBeCloseTo(0.3 * 0.75, 14);
    expect(p[0b00]).toBeCloseTo(0.7 * 0.25, 14);
  });

  it("keeps the trace at 1 under a device-like noise model", () => {
    const c = randomCircuit({ numQubits: 6, depth: 8, seed: 5, gates: ["h", "rz", "sx", "cx", "cz"] });
    const d = simulateDensity(buildNoisyCircuit(c, model));
    expect(Math.abs(d.trace - 1)).toBeLessThan(TOL.norm * 100);
  });

  it("refuses a density matrix beyond its qubit limit", () => {
    const nc = buildNoisyCircuit(new CircuitBuilder().qreg("q", 15).h(0).build(), null);
    expect(() => simulateDensity(nc)).toThrow(expect.objectContaining({ code: "Sim.TooManyQubits" }));
  });
});

describe("trajectories converge to the density matrix", () => {
  const circuits = [
    ["GHZ-6", new CircuitBuilder().qreg("q", 6).h(0).cx(0, 1).cx(1, 2).cx(2, 3).cx(3, 4).cx(4, 5).build()],
    [
      "random-6",
      randomCircuit({ numQubits: 6, depth: 6, seed: 11, gates: ["h", "rz", "sx", "x", "cx", "cz"] }),
    ],
  ] as const;
  it.each(circuits)("%s under thermal relaxation + depolarizing noise: every outcome within 3 SE", (_, c) => {
    const nc = buildNoisyCircuit(c, model);
    const exact = simulateDensity(nc).probabilities;
    const t = simulateTrajectories(nc, 2000, createPrng(2024));
    let checked = 0;
    for (let i = 0; i < exact.length; i++) {
      if (exact[i] < 0.01) continue;
      checked++;
      expect(Math.abs(t.probabilities[i] - exact[i])).toBeLessThanOrEqual(3 * t.standardErrors[i]);
    }
    expect(checked).toBeGreaterThan(1);
    // The one-shot-per-trajectory samples follow the same distribution.
    let shots = 0;
    for (const c of t.samples.values()) shots += c;
    expect(shots).toBe(2000);
  });

  it("the Pauli fast path and the general Kraus path give the same distribution", () => {
    const c = new CircuitBuilder().qreg("q", 3).h(0).cx(0, 1).cx(1, 2).build();
    const nc = buildNoisyCircuit(c, null);
    const dep = depolarizing(0.3, 2);
    nc.steps.push({ kind: "channel", channel: dep, qubits: [0, 2] });
    const general = {
      ...nc,
      steps: [
        ...nc.steps.slice(0, -1),
        { kind: "channel" as const, channel: { ...dep, pauli: undefined }, qubits: [0, 2] },
      ],
    };
    const exact = simulateDensity(nc).probabilities;
    for (const variant of [nc, general]) {
      const t = simulateTrajectories(variant, 3000, createPrng(7));
      for (let i = 0; i < exact.length; i++)
        if (exact[i] > 0.01)
          expect(Math.abs(t.probabilities[i] - exact[i])).toBeLessThanOrEqual(
            3 * t.standardErrors[i] + 1e-12,
          );
    }
  });
});
