import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shotOutcomes } from "../../test/helpers/shot-outcomes.js";
import { CircuitBuilder } from "../circuit/builder.js";
import { tsKernel } from "../sim/kernels/apply-ts.js";
import { selectKernel } from "../sim/kernels/select.js";
import { lowerGate } from "../sim/plan.js";
import { createPrng } from "../stats/prng.js";
import { expectationExact, measurementGroups, sampleOutcomeCounts, zOn } from "./pauli.js";
import { expectation } from "./readout.js";

function stateOf(b: CircuitBuilder): { state: Float64Array; n: number } {
  const c = b.build();
  const state = tsKernel.createState(c.numQubits, "double") as Float64Array;
  for (const op of c.ops) {
    if (op.kind !== "gate") continue;
    const k = lowerGate(op.name, op.qubits, op.params);
    if (k) selectKernel().apply(state, c.numQubits, k);
  }
  return { state, n: c.numQubits };
}

describe("Pauli expectation values", () => {
  it("matches closed forms: Bell state and single-qubit rotations", () => {
    const { state, n } = stateOf(new CircuitBuilder().qreg("q", 2).h(0).cx(0, 1));
    expect(expectationExact(state, n, [{ coefficient: 1, pauli: "ZZ" }])).toBeCloseTo(1, 12);
    expect(expectationExact(state, n, [{ coefficient: 1, pauli: "XX" }])).toBeCloseTo(1, 12);
    expect(expectationExact(state, n, [{ coefficient: 1, pauli: "YY" }])).toBeCloseTo(-1, 12);
    expect(expectationExact(state, n, [zOn(0, 2)])).toBeCloseTo(0, 12);
    const t = 0.7;
    const r = stateOf(new CircuitBuilder().qreg("q", 3).ry(t, 1).rx(t, 2));
    expect(expectationExact(r.state, 3, [zOn(1, 3)])).toBeCloseTo(Math.cos(t), 12);
    expect(expectationExact(r.state, 3, [{ coefficient: 1, pauli: "IXI" }])).toBeCloseTo(Math.sin(t), 12);
    expect(expectationExact(r.state, 3, [{ coefficient: 1, pauli: "YII" }])).toBeCloseTo(-Math.sin(t), 12);
    expect(expectationExact(r.state, 3, [{ coefficient: 2, pauli: "III" }], 0.5)).toBe(2);
    expect(expectationExact(r.state, 3, [zOn(1, 3)], 0.5)).toBeCloseTo(0.5 * Math.cos(t), 12);
  });

  it("groups qubit-wise commuting terms into one measurement setting", () => {
    const g = measurementGroups([
      { coefficient: 1, pauli: "ZI" },
      { coefficient: 1, pauli: "IZ" },
      { coefficient: 1, pauli: "XI" },
      { coefficient: 1, pauli: "XZ" },
    ]);
    expect(g).toEqual([
      { basis: "ZZ", terms: [0, 1] },
      { basis: "XZ", terms: [2, 3] },
    ]);
  });

  it("shot estimates are within 4 standard errors of the exact value, with and without noise", () => {
    const { state, n } = stateOf(new CircuitBuilder().qreg("q", 2).ry(1.1, 0).rx(0.4, 1).cx(0, 1));
    for (const obs of [[zOn(0, 2)], [{ coefficient: 1, pauli: "XY" }], [{ coefficient: 0.5, pauli: "ZZ" }]]) {
      for (const fidelity of [1, 0.6]) {
        const exact = expectationExact(state, n, obs, fidelity);
        const shots = 20000;
        const est = expectation(state, n, obs, { shots, rng: createPrng(5), fidelity });
        const sigma = Math.abs(obs[0].coefficient) / Math.sqrt(shots);
        expect(Math.abs(est - exact)).toBeLessThan(4 * sigma);
      }
    }
  });
});

describe("sampleOutcomeCounts with global depolarising noise", () => {
  it("draws the same outcomes, counts and order of first appearance as the shot-by-shot definition, for a seed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 300 }),
        fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 32, maxLength: 32 }),
        (n, seed, shots, fidelity, amps) => {
          const state = Float64Array.from(amps.slice(0, 2 * 2 ** n));
          if (state.every((a) => a === 0)) state[0] = 1;
          const counts = new Float64Array(2 ** n);
          const order = new Int32Array(Math.min(2 ** n, shots));
          const rng = createPrng(seed);
          const distinct = sampleOutcomeCounts(state, n, shots, rng, fidelity, counts, order);
          const got = Array.from(order.subarray(0, distinct), (k) => [k, counts[k]]);
          const refRng = createPrng(seed);
          expect(got).toEqual([...shotOutcomes(state, n, shots, refRng, fidelity)]);
          // The same draws: both streams are at the same point afterwards.
          expect(rng.nextUint32()).toBe(refRng.nextUint32());
        },
      ),
      { numRuns: 200 },
    );
  });
});
