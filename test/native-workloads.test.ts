// Quantum-native workloads end to end: published counts (Gidney–Ekerå 2019), verdicts (schemaVersion 2) and
// crossover sweeps.
import { describe, expect, it } from "vitest";
import { isQfitError } from "../src/errors.js";
import { SECONDS_PER_YEAR } from "../src/units/quantity.js";
import { bestStrategy } from "../src/verdict/compose.js";
import { grover, groverIterations } from "../src/workloads/grover.js";
import { parseWorkloadInput } from "../src/workloads/input.js";
import {
  gnfsCoreSeconds,
  shor,
  shorData,
  shorLogicalQubits,
  shorModel,
  shorToffolis,
} from "../src/workloads/shor.js";
import { crossoverSweep } from "../src/workloads/sweep.js";
import type { WorkloadDefinition } from "../src/workloads/workload.js";

const T0 = 2025;
const verdict = (def: WorkloadDefinition, raw: Record<string, unknown> = {}, skipCrossover = false) =>
  def.evaluate(parseWorkloadInput(def, raw) as never, { t0: T0, skipCrossover });

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
    const v = verdict(shor, { modulusBits: 2048, costSource: "gidney-ekera-2019" });
    const q = bestStrategy(v);
    expect(v.schemaVersion).toBe(2);
    expect(v.winner).toBe("neither");
    expect(v.classical.feasible).toBe(false);
    expect(q.feasible).toBe(false);
    expect(q.physicalQubits).toBeGreaterThan(1e7);
    expect(q.physicalQubits).toBeLessThan(1e8);
    expect(q.seconds).toBeLessThan(7 * 86_400);
    expect(q.faultTolerance?.counts.numQubits).toBe(6189);
    expect(q.constraints.find((c) => c.name === "physical-qubits")?.satisfied).toBe(false);
    expect(v.crossover.size).not.toBeNull();
    expect(v.crossover.size as number).toBeLessThan(2048);
    expect(v.crossover.year as number).toBeGreaterThan(2025);
    expect(v.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(["gidney-ekera2019", "gidney2025", "rsa240", "rsa250", "pomerance1996"]),
    );
    expect(v.sources.every((s) => !s.citation.startsWith("(unknown"))).toBe(true);
    expect(JSON.parse(JSON.stringify(v)).workload.kind).toBe("shor");
  });

  it("the crossover size is where the two curves cross", () => {
    const { series } = crossoverSweep(shor, parseWorkloadInput(shor, {}), { t0: T0 });
    const n = series.nStar as number;
    const ahead = (bits: number) => {
      const v = verdict(shor, { modulusBits: bits }, true);
      return bestStrategy(v).seconds < v.classical.seconds;
    };
    expect(ahead(n)).toBe(true);
    expect(ahead(n - 1)).toBe(false);
  });

  it("better qubits never need more physical qubits or a larger code distance", () => {
    const e3 = bestStrategy(verdict(shor, { qubit: "qubit_gate_ns_e3" }, true));
    const e4 = bestStrategy(verdict(shor, { qubit: "qubit_gate_ns_e4" }, true));
    expect(e4.physicalQubits).toBeLessThanOrEqual(e3.physicalQubits);
    expect(e4.faultTolerance?.codeDistance as number).toBeLessThanOrEqual(
      e3.faultTolerance?.codeDistance as number,
    );
  });

  it("rejects bad sizes with a user error naming the field", () => {
    for (const modulusBits of [0, -5, 3.5, 1e6]) {
      try {
        shorModel({ modulusBits });
        expect.unreachable();
      } catch (e) {
        expect(isQfitError(e) && e.userError && e.details.field).toBe("modulusBits");
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
    const v = verdict(grover, { searchBits: 40 });
    expect(v.winner).toBe("classical");
    expect(v.speedupLog10).toBeGreaterThan(6);
    expect(v.crossover.size).toBeNull();
    expect(v.crossover.explanation).toMatch(/^never/);
  });

  it("a costlier oracle makes the classical side slower in proportion (above the GPU job floor)", () => {
    // At 30 bits the brute force takes ~1 ns of work on 16,000 GPUs: both runs sit at the 10 µs launch floor.
    const a = verdict(grover, { searchBits: 50, oracleToffolis: 100 }, true);
    const b = verdict(grover, { searchBits: 50, oracleToffolis: 10_000 }, true);
    expect(b.classical.seconds / a.classical.seconds).toBeCloseTo(100, 9);
  });

  it("more GPUs never make the crossover earlier (smaller n*)", () => {
    const sizes = [1, 100, 10_000].map(
      (gpuCount) =>
        crossoverSweep(grover, parseWorkloadInput(grover, { oracleToffolis: 1e6, gpuCount }), { t0: T0 })
          .series,
    );
    for (let i = 1; i < sizes.length; i++) {
      const prev = sizes[i - 1].nStar ?? Number.POSITIVE_INFINITY;
      const cur = sizes[i].nStar ?? Number.POSITIVE_INFINITY;
      expect(cur).toBeGreaterThanOrEqual(prev);
    }
  });

  it("rejects bad input, naming the field", () => {
    for (const [input, field] of [
      [{ searchBits: 500 }, "searchBits"],
      [{ oracleToffolis: -1 }, "oracleToffolis"],
      [{ gpuCount: 0 }, "gpuCount"],
    ] as const) {
      expect(() => parseWorkloadInput(grover, input)).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ field }) }),
      );
    }
  });
});
