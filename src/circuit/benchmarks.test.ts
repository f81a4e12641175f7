import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { adderCircuit, ghzCircuit, qftCircuit } from "./benchmarks.js";

const probs = (c: ReturnType<typeof ghzCircuit>) =>
  simulate(c, { shots: 1, seed: 1, probabilities: true }).probabilities!;

describe("benchmark circuits", () => {
  it("GHZ has two equal peaks", () => {
    expect(probs(ghzCircuit(5))).toEqual({
      "00000": expect.closeTo(0.5, 12),
      "11111": expect.closeTo(0.5, 12),
    });
  });

  it("the inverse QFT of a Fourier state gives back x (bit-reversed) with certainty", () => {
    for (const n of [3, 5, 8]) {
      const x = 0b1011011011 & ((1 << n) - 1);
      const p = probs(qftCircuit(n, x));
      const reversed = x.toString(2).padStart(n, "0").split("").reverse().join("");
      expect(p[reversed]).toBeCloseTo(1, 10);
    }
  });

  it("Cuccaro's adder computes b ← a + b with the carry out", () => {
    for (const n of [4, 6, 8, 10]) {
      const m = (n - 2) / 2;
      const a = 0b1011011011 & ((1 << m) - 1);
      const b = 0b0110110110 & ((1 << m) - 1);
      const p = probs(adderCircuit(n));
      const [key, value] = Object.entries(p)[0];
      expect(value).toBeCloseTo(1, 10);
      // Read the sum from the b qubits (1, 3, 5, …) and the carry-out (n−1); key has qubit 0 rightmost.
      const bit = (q: number) => Number(key[n - 1 - q]);
      let sum = 0;
      for (let i = 0; i < m; i++) sum |= bit(1 + 2 * i) << i;
      sum |= bit(n - 1) << m;
      expect(sum).toBe(a + b);
      // a and the carry-in are restored.
      let aOut = 0;
      for (let i = 0; i < m; i++) aOut |= bit(2 + 2 * i) << i;
      expect(aOut).toBe(a);
      expect(bit(0)).toBe(0);
    }
  });
});
