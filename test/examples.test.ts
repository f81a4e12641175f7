// The bundled examples/ circuits, parsed and simulated end to end, against analytic answers.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseQasm } from "../src/qasm/index.js";
import { simulate } from "../src/sim/index.js";

const TOL = 1e-12;

function load(name: string) {
  const path = new URL(`../examples/${name}`, import.meta.url);
  return parseQasm(readFileSync(path, "utf8"), { filename: `examples/${name}` });
}

function exact(name: string) {
  return simulate(load(name), { shots: 1, seed: 1, probabilities: true, statevector: true });
}

function expectDistribution(actual: Record<string, number> | undefined, expected: Record<string, number>) {
  expect(actual).toBeDefined();
  expect(Object.keys(actual!).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, p] of Object.entries(expected)) expect(actual![k]).toBeCloseTo(p, 12);
}

describe("examples/", () => {
  it("bell.qasm: (|00⟩ + |11⟩)/√2", () => {
    expectDistribution(exact("bell.qasm").probabilities, { "00": 0.5, "11": 0.5 });
  });

  it("ghz5.qasm: (|00000⟩ + |11111⟩)/√2", () => {
    expectDistribution(exact("ghz5.qasm").probabilities, { "00000": 0.5, "11111": 0.5 });
  });

  it("qft4.qasm: amplitudes e^{2πi·5k/16}/4 (Nielsen & Chuang eq. 5.2)", () => {
    const sv = exact("qft4.qasm").statevector!;
    expect(sv).toHaveLength(16);
    for (let k = 0; k < 16; k++) {
      const angle = (2 * Math.PI * 5 * k) / 16;
      expect(sv[k][0]).toBeCloseTo(Math.cos(angle) / 4, 12);
      expect(sv[k][1]).toBeCloseTo(Math.sin(angle) / 4, 12);
    }
  });

  it("grover3.qasm: P(101) = sin²(5θ), sin θ = 1/√8 (two iterations)", () => {
    const p = exact("grover3.qasm").probabilities!;
    const theta = Math.asin(1 / Math.sqrt(8));
    expect(p["101"]).toBeCloseTo(Math.sin(5 * theta) ** 2, 12);
    expect(p["101"]).toBeCloseTo(0.9453125, 12);
    const rest = Object.entries(p).filter(([k]) => k !== "101");
    for (const [, q] of rest) expect(q).toBeCloseTo((1 - p["101"]) / 7, 12);
  });

  it("teleport.qasm: q[2] receives U3(0.7, 0.2, 0)|0⟩ whatever the Bell measurement read", () => {
    const p = exact("teleport.qasm").probabilities!;
    const one = Math.sin(0.35) ** 2;
    // keys are "c2 c1 c0"
    for (const c1 of ["0", "1"]) {
      for (const c0 of ["0", "1"]) {
        expect(p[`1 ${c1} ${c0}`]).toBeCloseTo(one / 4, 12);
        expect(p[`0 ${c1} ${c0}`]).toBeCloseTo((1 - one) / 4, 12);
      }
    }
  });

  it("teleport.qasm: sampled counts keep the three registers apart and follow the exact marginal", () => {
    const r = simulate(load("teleport.qasm"), { shots: 20000, seed: 11 });
    let ones = 0;
    for (const [key, n] of Object.entries(r.counts)) {
      expect(key).toMatch(/^[01] [01] [01]$/);
      if (key.startsWith("1")) ones += n;
    }
    // binomial standard deviation √(n p (1−p)) ≈ 45.5; allow 5σ
    expect(Math.abs(ones - 20000 * Math.sin(0.35) ** 2)).toBeLessThan(5 * 45.6);
  });

  it("adder4.qasm: 5 + 6 = 11 on every shot", () => {
    const r = simulate(load("adder4.qasm"), { shots: 100, seed: 3, probabilities: true });
    expect(r.counts).toEqual({ "01011": 100 });
    expectDistribution(r.probabilities, { "01011": 1 });
  });

  it("qaoa_ring4.qasm: p = 1 QAOA on the 4-ring cuts 3 of 4 edges on average (Farhi et al. 2014)", () => {
    const p = exact("qaoa_ring4.qasm").probabilities!;
    const edges = [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
    ];
    let expectedCut = 0;
    for (const [key, prob] of Object.entries(p)) {
      const bit = (q: number) => key[key.length - 1 - q];
      expectedCut += prob * edges.filter(([u, v]) => bit(u) !== bit(v)).length;
    }
    expect(expectedCut).toBeCloseTo(3, 12);
  });

  it("wstate3.qasm: exactly one qubit set, each with probability 1/3", () => {
    expectDistribution(exact("wstate3.qasm").probabilities, { "001": 1 / 3, "010": 1 / 3, "100": 1 / 3 });
  });

  it("reset.qasm: c[0] is a fair coin, c[1] always 1 after reset and x", () => {
    expectDistribution(exact("reset.qasm").probabilities, { "10": 0.5, "11": 0.5 });
  });

  it("every example keeps its probabilities summing to 1", () => {
    for (const name of [
      "bell",
      "ghz5",
      "qft4",
      "grover3",
      "teleport",
      "adder4",
      "qaoa_ring4",
      "wstate3",
      "reset",
    ]) {
      const p = exact(`${name}.qasm`).probabilities!;
      const total = Object.values(p).reduce((a, b) => a + b, 0);
      expect(Math.abs(total - 1)).toBeLessThan(TOL * 100);
    }
  });
});
