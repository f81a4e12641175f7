// The crossover search of native.ts on synthetic models whose answers are known in closed form.
import { describe, expect, it } from "vitest";
import { classicalSide, estimateNative, type NativeModel, nativeCrossover } from "./native.js";

function synthetic(over: Partial<NativeModel> = {}): NativeModel {
  return {
    kind: "synthetic",
    id: "synthetic",
    name: "synthetic",
    sizeLabel: "n",
    size: 20,
    sizeRange: [2, 64],
    integerSizes: true,
    machine: {
      id: "unit",
      name: "unit machine",
      count: 1,
      opsPerSecondPerDevice: 1,
      opsUnit: "op",
      rateSource: "",
      memoryBytesPerDevice: null,
      priceUsdPerDeviceHour: null,
      powerW: null,
      unverified: [],
    },
    // Classical 2^n seconds against quantum 1000·n seconds: 2^13 < 13,000 but 2^14 > 14,000, so n* = 14.
    classical: (n) => ({ ops: 2 ** n, formula: "2^n" }),
    quantum: (n) => ({
      kind: "nisq",
      device: "test device",
      seconds: 1000 * n,
      qubits: n,
      infeasibleReason: null,
      formula: "1000·n",
    }),
    assumptions: [],
    notes: [],
    unverified: [],
    sources: [],
    ...over,
  };
}

describe("nativeCrossover", () => {
  it("bisects to the exact integer crossover", () => {
    const s = nativeCrossover(synthetic(), { t0: 2025 });
    expect(s.nStar).toBe(14);
    expect(s.status).toBe("already");
    expect(s.sizes[0]).toBe(2);
    expect(s.sizes[s.sizes.length - 1]).toBe(64);
  });

  it("a classical side that cannot hold the problem loses from the memory wall on", () => {
    const m = synthetic({
      machine: { ...synthetic().machine, memoryBytesPerDevice: 1024 },
      classical: (n) => ({ ops: 1, memoryBytes: 2 ** n, formula: "2^n bytes" }),
    });
    expect(classicalSide(m, 10).memoryFits).toBe(true);
    expect(classicalSide(m, 11).memoryFits).toBe(false);
    expect(nativeCrossover(m, { t0: 2025 }).nStar).toBe(11);
  });

  it("never, with the reason the quantum side stops, when it cannot run", () => {
    const m = synthetic({
      quantum: (n) => ({
        kind: "nisq",
        device: "test device",
        seconds: 1e9,
        qubits: n,
        infeasibleReason: n > 30 ? "too few qubits" : null,
        formula: "",
      }),
    });
    const s = nativeCrossover(m, { t0: 2025 });
    expect(s.nStar).toBeNull();
    expect(s.status).toBe("never");
    expect(s.reason).toMatch(/cannot run \(too few qubits\)/);
  });

  it("a horizon shorter than a run makes that side infeasible", () => {
    const v = estimateNative(synthetic({ size: 40 }), { t0: 2025, horizonYears: 1 });
    expect(v.gpu.feasible).toBe(false); // 2^40 s ≈ 35,000 years
    expect(v.qpu.feasible).toBe(true);
    expect(v.winner).toBe("qpu");
  });

  it("rejects a bad t0 or horizon", () => {
    expect(() => estimateNative(synthetic(), { t0: 1999 })).toThrow(/t0/);
    expect(() => estimateNative(synthetic(), { horizonYears: -1 })).toThrow(/horizon/);
  });
});
