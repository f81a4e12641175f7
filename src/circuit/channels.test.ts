import { describe, expect, it } from "vitest";
import {
  amplitudeDamping,
  applyReadoutErrors,
  applyToDensityMatrix,
  bitFlip,
  COMPLETENESS_TOLERANCE,
  completenessError,
  compose,
  depolarizing,
  krausChannel,
  pauliChannel,
  phaseDamping,
  phaseFlip,
  readoutError,
  superoperator,
  tensor,
  thermalRelaxation,
} from "./channels.js";
import { fromRows, get, identity, maxDistance } from "./matrix.js";
import { TOL } from "./testing.js";

const ONE = fromRows([
  [0, 0],
  [0, 1],
]);
const PLUS = fromRows([
  [0.5, 0.5],
  [0.5, 0.5],
]);

describe("noise channels", () => {
  const channels = [
    depolarizing(0.01),
    depolarizing(0.3, 2),
    depolarizing(4 / 3),
    bitFlip(0.2),
    phaseFlip(0.4),
    pauliChannel([0.7, 0.1, 0.15, 0.05], 1),
    amplitudeDamping(0.3),
    phaseDamping(0.6),
    thermalRelaxation(100, 80, 500),
    thermalRelaxation(100, 200, 50_000),
    thermalRelaxation(50, null, 1000),
    compose(amplitudeDamping(0.1), depolarizing(0.05)),
    tensor(thermalRelaxation(100, 60, 70), amplitudeDamping(0.2)),
  ];
  it.each(channels.map((c) => [c.name, c] as const))("%s is trace preserving (Σ K†K = I)", (_, c) => {
    expect(completenessError(c)).toBeLessThan(COMPLETENESS_TOLERANCE);
  });

  it("amplitude damping leaves e^{-t/T1} of the excited population after t (thermal relaxation)", () => {
    for (const [t1, t] of [
      [100, 10_000],
      [283, 50_000],
      [50, 200_000],
    ]) {
      const rho = applyToDensityMatrix(thermalRelaxation(t1, t1, t), ONE);
      expect(get(rho, 1, 1)[0]).toBeCloseTo(Math.exp(-(t * 1e-3) / t1), 12);
      expect(get(rho, 0, 0)[0]).toBeCloseTo(1 - Math.exp(-(t * 1e-3) / t1), 12);
    }
  });

  it("Ramsey: coherence of |+⟩ decays as e^{-t/T2}/2, for T2 below and at 2·T1", () => {
    for (const [t1, t2, t] of [
      [100, 60, 30_000],
      [283, 144, 100_000],
      [100, 200, 80_000],
    ]) {
      const rho = applyToDensityMatrix(thermalRelaxation(t1, t2, t), PLUS);
      const [re, im] = get(rho, 0, 1);
      expect(Math.hypot(re, im)).toBeCloseTo(0.5 * Math.exp(-(t * 1e-3) / t2), 12);
    }
  });

  it("phase damping shrinks coherences by √(1−λ) and keeps populations", () => {
    const rho = applyToDensityMatrix(phaseDamping(0.36), PLUS);
    expect(get(rho, 0, 1)[0]).toBeCloseTo(0.5 * 0.8, 14);
    expect(get(rho, 0, 0)[0]).toBeCloseTo(0.5, 14);
  });

  it("depolarizing: I/d is a fixed point, and λ = 1 maps any state to I/d", () => {
    const mixed = identity(2).map((x) => x / 2);
    expect(maxDistance(applyToDensityMatrix(depolarizing(0.3), mixed), mixed)).toBeLessThan(TOL.exact);
    expect(maxDistance(applyToDensityMatrix(depolarizing(1), ONE), mixed)).toBeLessThan(TOL.exact);
    const mixed2 = identity(4).map((x) => x / 4);
    const bell = fromRows([
      [0.5, 0, 0, 0.5],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0.5, 0, 0, 0.5],
    ]);
    expect(maxDistance(applyToDensityMatrix(depolarizing(1, 2), bell), mixed2)).toBeLessThan(TOL.exact);
    // Partial depolarizing: ρ → (1−λ)ρ + λ I/d.
    const out = applyToDensityMatrix(depolarizing(0.2, 2), bell);
    expect(get(out, 0, 3)[0]).toBeCloseTo(0.8 * 0.5, 14);
    expect(get(out, 1, 1)[0]).toBeCloseTo(0.2 / 4, 14);
  });

  it("refuses T2 > 2·T1 and non-physical parameters as user errors", () => {
    expect(() => thermalRelaxation(100, 201, 10)).toThrow(/exceeds 2·T1/);
    expect(() => thermalRelaxation(100, 250, 10)).toThrow(
      expect.objectContaining({ code: "Noise.UnphysicalT2", userError: true }),
    );
    expect(() => depolarizing(1.5)).toThrow(/probability/);
    expect(() => bitFlip(-0.1)).toThrow();
    expect(() => pauliChannel([0.5, 0.1, 0.1, 0.1], 1)).toThrow(/sum/);
    expect(() =>
      krausChannel([
        fromRows([
          [1, 0],
          [0, 0.9],
        ]),
      ]),
    ).toThrow(/Σ K†K/);
  });

  it("accepts a general trace-preserving Kraus channel", () => {
    const c = krausChannel(amplitudeDamping(0.25).kraus, "custom");
    expect(c.numQubits).toBe(1);
    expect(completenessError(c)).toBeLessThan(COMPLETENESS_TOLERANCE);
  });

  it("readout confusion moves probability between outcomes bit by bit", () => {
    const probs = Float64Array.from([1, 0, 0, 0]); // |00⟩
    applyReadoutErrors(probs, [readoutError(0.1), readoutError(0.2, 0.3)]);
    expect(probs[0]).toBeCloseTo(0.9 * 0.8, 14);
    expect(probs[1]).toBeCloseTo(0.1 * 0.8, 14);
    expect(probs[2]).toBeCloseTo(0.9 * 0.2, 14);
    expect(probs[3]).toBeCloseTo(0.1 * 0.2, 14);
    const one = Float64Array.from([0, 1]);
    applyReadoutErrors(one, [readoutError(0.01, 0.05)]);
    expect(one[0]).toBeCloseTo(0.05, 14);
  });

  it("the superoperator of a unitary-free channel preserves the trace of vec(ρ)", () => {
    // vec(ρ) index = row + 2·col; trace = entries 0 and 3.
    const s = superoperator(thermalRelaxation(100, 80, 5000));
    const vec = Float64Array.from([0, 0, 0, 0, 0, 0, 1, 0]); // |1⟩⟨1|
    const out = new Float64Array(8);
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 4; c++) {
        out[2 * r] += s[2 * (r * 4 + c)] * vec[2 * c] - s[2 * (r * 4 + c) + 1] * vec[2 * c + 1];
      }
    expect(out[0] + out[6]).toBeCloseTo(1, 14);
    expect(out[6]).toBeCloseTo(Math.exp(-5 / 100), 12);
  });
});
