// The crossover sweep and the native verdict on synthetic workloads whose answers are known in closed form.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { NativeModel } from "../estimate/native.js";
import { bestStrategy, factorSum } from "../verdict/compose.js";
import { horizonField } from "./fields.js";
import { defineNative } from "./native.js";
import { crossoverSweep } from "./sweep.js";

const input = z.strictObject({
  n: z.number().int().min(2).max(64).default(20).describe("size"),
  memoryBytes: z.number().min(0).default(0).describe("bytes per 2^n"),
  blockAbove: z.number().default(1e9).describe("qubits the device has"),
  ...horizonField,
});

/** Classical 2^n seconds against quantum 1000·n seconds: 2^13 < 13,000 but 2^14 > 14,000, so n* = 14. */
function model(i: z.output<typeof input>): NativeModel {
  return {
    kind: "synthetic",
    id: "synthetic",
    name: "synthetic",
    sizeLabel: "n",
    size: i.n,
    method: "exhaustive",
    strategy: { name: "direct", title: "direct" },
    machine: {
      id: "unit",
      name: "unit machine",
      kind: "cpu",
      count: 1,
      opsPerSecondPerDevice: 1,
      opsUnit: "op",
      rateSource: "",
      memoryBytesPerDevice: i.memoryBytes > 0 ? 1024 : null,
      priceUsdPerDeviceHour: null,
      powerW: null,
      unverified: [],
    },
    classical: (n) => ({ ops: 2 ** n, formula: "2^n", memoryBytes: i.memoryBytes > 0 ? 2 ** n : 0 }),
    quantum: (n) => ({
      kind: "nisq",
      device: "test device",
      stepSeconds: 1000,
      stepLabel: "step",
      algorithmSteps: n,
      algorithmLabel: "steps",
      overheads: [],
      qubits: n,
      limits: [{ name: "qubits", needed: n, available: i.blockAbove, unit: "qubits", basis: "test device" }],
      formula: "1000·n",
    }),
    assumptions: [],
    notes: [],
    unverified: [],
    sources: [],
  };
}

const synthetic = defineNative({
  kind: "synthetic",
  title: "synthetic",
  description: "a synthetic workload",
  input,
  presets: {},
  headline: { field: "n", label: "n", range: [2, 64], integer: true, log: true },
  sources: [],
  model,
});

const sweep = (raw: Partial<z.input<typeof input>> = {}) =>
  crossoverSweep(synthetic, input.parse(raw), { t0: 2025 }).series;

describe("crossoverSweep", () => {
  it("bisects to the exact integer crossover", () => {
    const s = sweep();
    expect(s.nStar).toBe(14);
    expect(s.status).toBe("already");
    expect(s.sizes[0]).toBe(2);
    expect(s.sizes[s.sizes.length - 1]).toBe(64);
  });

  it("a classical side that cannot hold the problem loses from the memory wall on", () => {
    // 2^n bytes against 1,024 bytes: the wall is at n = 11, before the time crossover at 14.
    expect(sweep({ memoryBytes: 1 }).nStar).toBe(11);
  });

  it("never, with the constraint that stops the quantum side, when it cannot run", () => {
    const s = sweep({ blockAbove: 10 });
    expect(s.nStar).toBeNull();
    expect(s.status).toBe("never");
    expect(s.reason).toMatch(/cannot run \(qubits: test device\)/);
  });
});

describe("native verdict", () => {
  it("a horizon shorter than a run makes that side infeasible", () => {
    const v = synthetic.evaluate(input.parse({ n: 40, horizonYears: 1 }), { t0: 2025 });
    expect(v.classical.feasible).toBe(false); // 2^40 s ≈ 35,000 years
    expect(bestStrategy(v).feasible).toBe(true);
    expect(v.winner).toBe("quantum");
  });

  it("the factors multiply out to the quantum time over the classical time", () => {
    const v = synthetic.evaluate(input.parse({ n: 20 }), { t0: 2025, skipCrossover: true });
    const b = bestStrategy(v);
    expect(factorSum(b.bottlenecks)).toBeCloseTo(Math.log10((1000 * 20) / 2 ** 20), 12);
    expect(b.bottlenecks.map((f) => f.name)).toEqual(["clock", "classical-parallelism", "algorithm"]);
  });
});
