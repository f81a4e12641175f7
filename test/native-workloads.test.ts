// Quantum-native workloads end to end: published counts (Gidney–Ekerå 2019), verdicts and crossover series.
import { describe, expect, it } from "vitest";
import { isQfitError } from "../src/errors.js";
import { estimateNative, nativeCrossover } from "../src/estimate/native.js";
import { SECONDS_PER_YEAR } from "../src/units/quantity.js";
import { groverIterations, groverModel } from "../src/workloads/grover.js";
import {
  gnfsCoreSeconds,
  shorData,
  shorLogicalQubits,
  shorModel,
  shorToffolis,
} from "../src/workloads/shor.js";

describe("shor: Gidney–Ekerå 2019 formulas (estimation.md §4.3)", () => {
  it("n = 2048: 6,189 logical qubits and about 2.6e9 Toffolis", () => {
    expect(shorLogicalQubits(2048)).toBe(6189);
    expect(shorToffolis(2048) / 2.62e9).toBeGreaterThan(0.995);
    expect(shorToffolis(2048) / 2.62e9).toBeLessThan(1.005);
  });

  it("GNFS reproduces its own anchor (RSA-240, 900 core-years) and grows with the modulus", () => {
    const a = shorData.gnfs.anchor;
    expect(gnfsCoreSeconds(a.bits) / SECONDS_PER_YEAR).toBeCloseTo(900, 9);
    expect(gnfsCoreSeconds(1024)).toBeGreaterThan(gnfsCoreSeconds(829));
    // By hand: exponents 1.923·1419.57^(1/3)·7.258^(2/3) = 81.02 and 1.923·551.05^(1/3)·6.312^(2/3) = 53.84,
    // so RSA-2048 costs e^27.18 ≈ 10^11.80 times RSA-240 (derived arithmetic).
    const ratio = gnfsCoreSeconds(2048) / gnfsCoreSeconds(795);
    expect(Math.log10(ratio)).toBeCloseTo(11.8, 1);
  });

  it("RSA-2048 verdict: neither side can do it in 2025; millions of physical qubits; a crossover size and year", () => {
    const v = estimateNative(shorModel({ bits: 2048, costSource: "gidney-ekera-2019" }), { t0: 2025 });
    expect(v.winner).toBe("neither");
    expect(v.gpu.feasible).toBe(false);
    expect(v.qpu.feasible).toBe(false);
    expect(v.qpu.qubits).toBeGreaterThan(1e7);
    expect(v.qpu.qubits).toBeLessThan(1e8);
    expect(v.qpu.seconds).toBeLessThan(7 * 86_400);
    expect(v.quantumDetail.logicalQubits).toBe(2 * 6189 + Math.ceil(Math.sqrt(8 * 6189)) + 1);
    expect(v.crossover.size).not.toBeNull();
    expect(v.crossover.size as number).toBeLessThan(2048);
    expect(v.crossover.year as number).toBeGreaterThan(2025);
    expect(v.bottlenecks.map((b) => b.name)).toContain("qubit count");
    expect(v.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(["gidney-ekera2019", "gidney2025", "rsa240", "rsa250", "pomerance1996"]),
    );
    expect(v.sources.every((s) => !s.citation.startsWith("(unknown"))).toBe(true);
    expect(JSON.parse(JSON.stringify(v)).workload.kind).toBe("shor");
  });

  it("the crossover size is where the two curves cross", () => {
    const model = shorModel();
    const s = nativeCrossover(model, { t0: 2025 });
    const n = s.nStar as number;
    const at = (bits: number) => {
      const c = estimateNative(shorModel({ bits }), { t0: 2025 });
      return c.quantumDetail.seconds < c.classicalDetail.seconds;
    };
    expect(at(n)).toBe(true);
    expect(at(n - 1)).toBe(false);
  });

  it("better qubits never need more physical qubits or a later year", () => {
    const e3 = estimateNative(shorModel(), { t0: 2025, qubit: "qubit_gate_ns_e3" });
    const e4 = estimateNative(shorModel(), { t0: 2025, qubit: "qubit_gate_ns_e4" });
    expect(e4.qpu.qubits).toBeLessThanOrEqual(e3.qpu.qubits);
    expect(e4.quantumDetail.estimate?.logicalQubit.codeDistance as number).toBeLessThanOrEqual(
      e3.quantumDetail.estimate?.logicalQubit.codeDistance as number,
    );
  });

  it("rejects bad sizes with a user error", () => {
    for (const bits of [0, -5, 3.5, 1e6]) {
      try {
        shorModel({ bits });
        expect.unreachable();
      } catch (e) {
        expect(isQfitError(e) && e.userError && e.code).toBe("Workload.Shor.InvalidBits");
      }
    }
  });
});

describe("grover", () => {
  it("⌊π/4·√N⌋ iterations", () => {
    expect(groverIterations(2)).toBe(1);
    expect(groverIterations(40)).toBe(Math.floor((Math.PI / 4) * 2 ** 20));
  });

  it("40 bits: the GPU cluster wins by many orders of magnitude; no crossover with a 100-Toffoli oracle", () => {
    const v = estimateNative(groverModel({ bits: 40 }), { t0: 2025 });
    expect(v.winner).toBe("gpu");
    expect(v.speedupLog10).toBeGreaterThan(6);
    expect(v.crossover.size).toBeNull();
    expect(v.crossover.explanation).toMatch(/^never/);
  });

  it("a costlier oracle makes the classical side slower in proportion", () => {
    // Sizes above the GPU latency floor (issue 12), where time is proportional to work.
    const a = estimateNative(groverModel({ bits: 40, oracleToffolis: 10_000 }), { t0: 2025 });
    const b = estimateNative(groverModel({ bits: 40, oracleToffolis: 1_000_000 }), { t0: 2025 });
    expect(b.gpu.seconds / a.gpu.seconds).toBeCloseTo(100, 9);
  });

  it("a tiny GPU job takes at least the launch latency floor, never sub-microsecond (issue 12)", () => {
    const v = estimateNative(groverModel({ bits: 20, oracleToffolis: 100 }), { t0: 2025 });
    expect(v.gpu.seconds).toBeGreaterThanOrEqual(1e-5);
  });

  it("more GPUs never make the crossover earlier (smaller n* or earlier year)", () => {
    const sizes = [1, 100, 10_000].map((gpus) =>
      nativeCrossover(groverModel({ bits: 40, oracleToffolis: 1e6, gpus }), { t0: 2025 }),
    );
    for (let i = 1; i < sizes.length; i++) {
      const prev = sizes[i - 1].nStar ?? Number.POSITIVE_INFINITY;
      const cur = sizes[i].nStar ?? Number.POSITIVE_INFINITY;
      expect(cur).toBeGreaterThanOrEqual(prev);
    }
  });

  it("rejects bad input", () => {
    for (const input of [{ bits: 500 }, { bits: 40, oracleToffolis: -1 }, { bits: 40, gpus: 0 }]) {
      expect(() => groverModel(input)).toThrow();
    }
  });
});
