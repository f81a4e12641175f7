import { describe, expect, it } from "vitest";
import { classicalCoprocessing, decoderLoad, decoders } from "./decoding.js";
import { estimateFaultTolerant } from "./estimate.js";

const blossom = decoders.find((d) => d.id === "sparse-blossom-cpu-core")!;

describe("classical co-processing of error correction", () => {
  it("reproduces the published decoder throughput: one core keeps up with one distance-17 patch at 1 µs rounds", () => {
    // Higgott & Gidney, Quantum 9, 1600 (2025): distance-17 surface-code circuits at 0.1% circuit-level noise,
    // X and Z decoded in under 1 µs per round on a single core, matching a superconducting device's round rate.
    const patch = 2 * 17 ** 2;
    const one = decoderLoad({
      physicalQubits: patch,
      physicalQubitsPerPatch: patch,
      codeDistance: 17,
      logicalCycleTimeNs: 17 * 1000,
      runtimeNs: 3.6e12,
    });
    expect(one.devices).toBe(1);
    expect(one.roundSeconds).toBeCloseTo(1e-6, 12);
    // 289 syndrome bits (half of 2·17² qubits) every microsecond.
    expect(one.syndromeBitsPerSecond).toBeCloseTo(289e6, 0);
    // One hour on one core at the processor's 3.75 W.
    expect(one.energyJ).toBeCloseTo(3.75 * 3600, 6);
  });

  it("scales with patches, with (d/17)² and with the round rate", () => {
    const base = {
      physicalQubitsPerPatch: 2 * 17 ** 2,
      codeDistance: 17,
      logicalCycleTimeNs: 17_000,
      runtimeNs: 1e9,
    };
    expect(decoderLoad({ ...base, physicalQubits: 1000 * 2 * 17 ** 2 }).devices).toBe(1000);
    expect(
      decoderLoad({
        ...base,
        physicalQubits: 2 * 34 ** 2,
        physicalQubitsPerPatch: 2 * 34 ** 2,
        codeDistance: 34,
        logicalCycleTimeNs: 34_000,
      }).devices,
    ).toBe(4);
    expect(decoderLoad({ ...base, physicalQubits: 2 * 17 ** 2, logicalCycleTimeNs: 17 * 250 }).devices).toBe(
      4,
    );
  });

  it("sizes the decoder for a real estimate from the estimator's own fields", () => {
    // Azure's 100-qubit example shape on qubit_gate_ns_e3 (d = 21, 454,860 physical qubits, the reference case).
    const est = estimateFaultTolerant(
      {
        numQubits: 100,
        tCount: 0,
        rotationCount: 112110,
        rotationDepth: 2757,
        cczCount: 0,
        ccixCount: 0,
        measurementCount: 0,
      },
      { qubitParams: "qubit_gate_ns_e3" },
    );
    const c = classicalCoprocessing(est);
    const d = est.logicalQubit.codeDistance;
    const round = (est.logicalQubit.logicalCycleTime * 1e-9) / d;
    const patches = est.physicalCounts.physicalQubits / est.logicalQubit.physicalQubits;
    expect(c.devices).toBe(
      Math.ceil((patches * blossom.secondsPerRoundPerPatch.central * (d / 17) ** 2) / round),
    );
    expect(c.syndromeBitsPerSecond).toBeCloseTo(est.physicalCounts.physicalQubits / 2 / round, 0);
    expect(c.count).toBe(c.devices);
    expect(c.devices).toBeGreaterThan(patches); // 400 ns rounds at d = 21: each patch needs several cores
  });
});
