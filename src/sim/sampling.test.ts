import { describe, expect, it } from "vitest";
import { chiSquare, chiSquareCritical } from "../circuit/testing.js";
import { createPrng } from "../stats/prng.js";
import { SAMPLE_BLOCK, SAMPLE_CHUNK, sampleIndices } from "./sampling.js";

function asRecord(s: { indices: Float64Array; counts: Float64Array }): Record<string, number> {
  const out: Record<string, number> = {};
  for (let h = 0; h < s.indices.length; h++) out[String(s.indices[h])] = s.counts[h];
  return out;
}

function total(s: { counts: Float64Array }): number {
  return s.counts.reduce((a, b) => a + b, 0);
}

describe("sampleIndices", () => {
  it("follows |amplitude|² (chi-square), indices ascending, every shot counted", () => {
    const n = 10;
    const rng = createPrng(3);
    const state = Float64Array.from({ length: 2 << n }, () => rng.nextDouble() - 0.5);
    let norm = 0;
    for (const x of state) norm += x * x;
    const probs: Record<string, number> = {};
    for (let i = 0; i < 1 << n; i++) probs[String(i)] = (state[2 * i] ** 2 + state[2 * i + 1] ** 2) / norm;
    const shots = 200_000;
    const s = sampleIndices(state, "amplitudes", shots, createPrng(9));
    expect(total(s)).toBe(shots);
    for (let h = 1; h < s.indices.length; h++) expect(s.indices[h]).toBeGreaterThan(s.indices[h - 1]);
    const { statistic, df } = chiSquare(asRecord(s), probs, shots);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });

  it("finds isolated outcomes across skipped blocks, in complex64 too", () => {
    const n = 14;
    const state = new Float32Array(2 << n);
    state[2 * 5000] = Math.sqrt(0.25);
    state[2 * 9001 + 1] = Math.sqrt(0.75);
    expect(9001 - 5000).toBeGreaterThan(SAMPLE_BLOCK);
    const s = sampleIndices(state, "amplitudes", 10_000, createPrng(1));
    expect([...s.indices]).toEqual([5000, 9001]);
    expect(total(s)).toBe(10_000);
    expect(Math.abs(s.counts[0] / 10_000 - 0.25)).toBeLessThan(0.02);
  });

  it("merges several chunks of uniforms (more shots than one chunk)", () => {
    const probs = Float64Array.from([0.1, 0, 0.6, 0.3]);
    const shots = SAMPLE_CHUNK + 12_345;
    const s = sampleIndices(probs, "probabilities", shots, createPrng(4));
    expect([...s.indices]).toEqual([0, 2, 3]);
    expect(total(s)).toBe(shots);
    const { statistic, df } = chiSquare(asRecord(s), { "0": 0.1, "2": 0.6, "3": 0.3 }, shots);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });

  it("depends only on the seed", () => {
    const probs = Float64Array.from({ length: 300 }, (_, i) => (i % 7) + 1);
    const a = sampleIndices(probs, "probabilities", 5000, createPrng(77));
    const b = sampleIndices(probs, "probabilities", 5000, createPrng(77));
    expect([...a.counts]).toEqual([...b.counts]);
    expect([...a.indices]).toEqual([...b.indices]);
  });
});
