import { describe, expect, it } from "vitest";
import { AGREEMENT_TOLERANCE, summarise, type ValidationRow, validateNoise } from "./validate-noise.js";

const row = (esp: number, f: number): ValidationRow => ({
  device: "d",
  circuit: "ghz",
  qubits: 4,
  twoQubitGates: 3,
  swaps: 0,
  durationNs: 100,
  method: "density",
  estimatedSuccessProbability: esp,
  hellingerFidelity: f,
  idealOutputProbability: f,
  difference: esp - f,
  agree: Math.abs(esp - f) <= AGREEMENT_TOLERANCE,
});

describe("model vs simulation", () => {
  it("summarises the agreement regime from the rows", () => {
    const s = summarise([row(0.95, 0.96), row(0.9, 0.93), row(0.7, 0.8), row(0.5, 0.65)]);
    expect(s.agreeing).toBe(2);
    expect(s.agreeAboveEsp).toBe(0.9);
    expect(s.meanDisagreement).toBeCloseTo((-0.1 - 0.15) / 2, 12);
    expect(s.correlationWithIdealOutput).toBeGreaterThan(0.9);
    expect(s.conclusion).toMatch(/every run with ESP ≥ 0.900 agrees/);
    expect(s.conclusion).toMatch(/pessimistic/);
  });

  it("runs GHZ and adder on a device: ESP close to the simulated fidelity for small circuits, lower for deeper ones", () => {
    const s = validateNoise({
      devices: ["ibm-heron-r2"],
      sizes: [4, 6],
      circuits: ["ghz", "adder"],
      shots: 200,
    });
    expect(s.rows).toHaveLength(4);
    const ghz4 = s.rows.find((r) => r.circuit === "ghz" && r.qubits === 4)!;
    expect(ghz4.agree).toBe(true);
    for (const r of s.rows) {
      expect(r.idealOutputProbability).not.toBeNull();
      // Deterministic outputs: the Hellinger fidelity is the probability of the ideal output(s).
      expect(r.hellingerFidelity).toBeCloseTo(r.idealOutputProbability!, 2);
    }
    const adder6 = s.rows.find((r) => r.circuit === "adder" && r.qubits === 6)!;
    expect(adder6.estimatedSuccessProbability).toBeLessThan(ghz4.estimatedSuccessProbability);
    expect(adder6.hellingerFidelity).toBeLessThan(ghz4.hellingerFidelity);
  });
});
