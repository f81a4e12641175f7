import { describe, expect, it } from "vitest";
import { deviceTiming, shotSeconds } from "../device/timing.js";
import { getQpu } from "../hardware/catalog.js";
import { train } from "./train.js";

describe("training on the two-moons task (fixed seeds)", () => {
  it("the classical MLP reduces the loss and reaches ≥ 95% held-out accuracy", () => {
    const r = train({ task: "moons", model: "classical", seed: 1 });
    expect(r.losses.length).toBe(10);
    expect(r.losses.at(-1)!).toBeLessThan(0.5 * r.losses[0]);
    expect(r.heldOutLosses.at(-1)!).toBeLessThan(0.5 * r.heldOutLosses[0]);
    expect(r.heldOutAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.ledger.circuitExecutions).toBe(0);
    expect(r.ledger.parameters).toBe(2 * 16 + 16 + 16 * 2 + 2);
    expect(r.ledger.flops).toBeGreaterThan(0);
  });

  it("the quantum circuit (2 qubits × 3 re-uploading layers, exact) reduces the loss and reaches ≥ 90% held-out accuracy", () => {
    const r = train({
      task: "moons",
      model: "quantum",
      qubits: 2,
      layers: 3,
      epochs: 5,
      trainSize: 100,
      seed: 1,
    });
    expect(r.losses.at(-1)!).toBeLessThan(0.5 * r.losses[0]);
    expect(r.heldOutAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.ledger.parameters).toBe(12);
  });

  it("the ledger counts 2·P gradient executions per example, plus one forward pass and the evaluations", () => {
    const epochs = 2;
    const r = train({
      task: "moons",
      model: "quantum",
      qubits: 2,
      layers: 1,
      epochs,
      trainSize: 30,
      shots: 50,
      seed: 3,
    });
    const P = r.ledger.parameters;
    const N = r.dataset.train;
    const H = r.dataset.heldOut;
    expect(P).toBe(4);
    expect(r.ledger.gradientExecutionsPerExample).toBe(2 * P);
    expect(r.ledger.gradientExecutions).toBe(epochs * N * 2 * P);
    expect(r.ledger.circuitExecutions).toBe(epochs * N * (2 * P + 1) + epochs * H + (N + H));
    expect(r.ledger.shots).toBe(50 * r.ledger.circuitExecutions);
    expect(r.ledger.evaluation.circuitExecutions).toBe(epochs * H + (N + H));
    expect(r.ledger.circuitExecutions - r.ledger.evaluation.circuitExecutions).toBe(epochs * N * (2 * P + 1));
    expect(r.ledger.steps).toBe(epochs * Math.ceil(N / 10));
  });

  it("on a named device: noise shrinks the readout by F < 1 and the device time is shots × (shot + repetition delay)", () => {
    const r = train({
      task: "moons",
      model: "quantum",
      qubits: 2,
      layers: 2,
      epochs: 1,
      trainSize: 20,
      device: "ibm-heron-r2",
      seed: 2,
    });
    expect(r.config.shots).toBe(1000);
    expect(r.circuit!.fidelity).toBeLessThan(1);
    expect(r.circuit!.fidelity).toBeGreaterThan(0.9);
    const shot = shotSeconds(r.circuit!, deviceTiming(getQpu("ibm-heron-r2")));
    expect(r.ledger.deviceSeconds).toBeCloseTo(r.ledger.shots * (shot + 250e-6), 9);
    expect(r.ledger.deviceUsd).toBeCloseTo(r.ledger.deviceSeconds! * 1.6, 9);
    expect(r.assumptions.join("\n")).toMatch(/global depolarising/);
  });

  it("is reproducible for a seed", () => {
    const a = train({
      task: "moons",
      model: "quantum",
      qubits: 2,
      layers: 1,
      epochs: 1,
      trainSize: 20,
      shots: 20,
      seed: 9,
    });
    const b = train({
      task: "moons",
      model: "quantum",
      qubits: 2,
      layers: 1,
      epochs: 1,
      trainSize: 20,
      shots: 20,
      seed: 9,
    });
    expect(a.losses).toEqual(b.losses);
    expect(a.heldOutLosses).toEqual(b.heldOutLosses);
  });

  it("refuses bad input with user errors", () => {
    expect(() => train({ task: "moons", model: "quantum", qubits: 0 })).toThrow(/qubits/);
    expect(() => train({ task: "moons", model: "quantum", shots: -5 })).toThrow(/shots/);
    expect(() => train({ task: "poetry" as "moons", model: "quantum" })).toThrow(/unknown task/);
    expect(() => train({ task: "moons", model: "quantum", device: "no-such-qpu" })).toThrow(/unknown qpu/);
    expect(() => train({ task: "moons", model: "quantum", device: "quera-aquila" })).toThrow(/analog/);
    expect(() => train({ task: "chars", model: "quantum", qubits: 3 })).toThrow(/at least 5 qubits/);
    expect(() => train({ task: "moons", model: "classical", shots: 10 })).toThrow(/quantum model only/);
  });
});

describe("next-character task", () => {
  it("the classical softmax regression learns bigrams: held-out loss below the uniform log V", () => {
    const r = train({ task: "chars", model: "classical", hidden: 0, epochs: 3, learningRate: 0.01, seed: 1 });
    expect(r.dataset.classes).toBe(26);
    expect(r.heldOutLosses.at(-1)!).toBeLessThan(Math.log(26) - 0.5);
    expect(r.dataset.source).toMatch(/Gutenberg/);
  });
});
