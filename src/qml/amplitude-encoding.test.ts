import { describe, expect, it } from "vitest";
import { createPrng } from "../stats/prng.js";
import { amplitudeEncoding } from "./amplitude-encoding.js";
import { prepareState } from "./variational.js";

describe("amplitude encoding (Möttönen et al. 2005)", () => {
  it("prepares the normalised real vector, signs included, for 1..5 qubits", () => {
    const rng = createPrng(11);
    for (const len of [2, 3, 4, 7, 8, 16, 32]) {
      const x = Array.from({ length: len }, () => rng.nextDouble() * 2 - 1);
      const enc = amplitudeEncoding(x);
      const n = enc.qubits;
      const state = prepareState({ numQubits: n, numWeights: 0, numInputs: 0, gates: enc.gates }, [], []);
      const norm = Math.hypot(...x);
      for (let i = 0; i < 2 ** n; i++) {
        expect(state[2 * i]).toBeCloseTo(i < len ? x[i] / norm : 0, 12);
        expect(state[2 * i + 1]).toBeCloseTo(0, 12);
      }
    }
  });

  it("costs 2ⁿ − 1 Ry and 2ⁿ − 2 CNOTs on n qubits", () => {
    for (const n of [1, 2, 3, 4, 6]) {
      const enc = amplitudeEncoding(Array.from({ length: 2 ** n }, (_, i) => i + 1));
      expect(enc.qubits).toBe(n);
      expect(enc.rotations).toBe(2 ** n - 1);
      expect(enc.cnots).toBe(2 ** n - 2);
    }
  });

  it("refuses a zero or non-finite vector", () => {
    expect(() => amplitudeEncoding([0, 0])).toThrow(/non-zero/);
    expect(() => amplitudeEncoding([1, Number.NaN])).toThrow(/finite/);
  });
});
