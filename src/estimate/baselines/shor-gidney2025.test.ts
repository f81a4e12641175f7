import { describe, expect, it } from "vitest";
import {
  GIDNEY2025_LOGICAL_QUBITS,
  gidney2025,
  gidney2025Cost,
  patchPhysicalQubits,
  yokedLayoutPhysicalQubits,
} from "./shor-gidney2025.js";

describe("Gidney 2025 layout arithmetic (arXiv:2505.15917)", () => {
  it("a distance-25 patch is 2·26² = 1,352 physical qubits", () => {
    expect(patchPhysicalQubits(25)).toBe(1352);
  });

  it("the component tally sums to 897,864 physical qubits, under the headline's million", () => {
    const total = yokedLayoutPhysicalQubits(gidney2025.layout);
    expect(total).toBe(1280 * 430 + 131 * 1352 + 170_352);
    expect(total).toBeLessThan(gidney2025.headline.physicalQubitsUnder);
  });

  it("about 1,400 logical qubits held (the author's round figure)", () => {
    expect(Math.abs(GIDNEY2025_LOGICAL_QUBITS - 1400) / 1400).toBeLessThan(0.02);
  });

  it("scales up with the modulus and flags the extrapolation", () => {
    const a = gidney2025Cost(2048);
    const b = gidney2025Cost(3072);
    expect(a.extrapolated).toBe(false);
    expect(b.extrapolated).toBe(true);
    expect(b.logicalQubits).toBeGreaterThan(a.logicalQubits);
    expect(b.toffolis / a.toffolis).toBeGreaterThan(1.5 ** 3);
    expect(b.toffolis / a.toffolis).toBeLessThan(1.5 ** 3 * 1.01);
  });
});
