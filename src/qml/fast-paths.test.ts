// The training fast paths against their straightforward definitions, bit for bit: prepareState's cached gate
// ops, parameter shift's shared prefix state, and the readouts' dense shot counts and cached measurement plans
// must give the same Float64Arrays, the same ledger and the same PRNG draws as the plain code they replace
// (issue 13: the report's measured-training numbers may not move).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shotOutcomes } from "../../test/helpers/shot-outcomes.js";
import { tsKernel } from "../sim/kernels/apply-ts.js";
import { lowerGate } from "../sim/plan.js";
import { createPrng, type Prng } from "../stats/prng.js";
import { parameterShiftJacobian } from "./gradient.js";
import { PROBABILITY_FLOOR, quantumLearner } from "./learners.js";
import { makeMoons } from "./moons.js";
import { measurementGroups, type Observable, parity, rotateToBasis, supportMask } from "./pauli.js";
import { emptyQuantumLedger, type MeasureContext, measureReadout, type ReadoutSpec } from "./readout.js";
import {
  applyGates,
  type GateShift,
  type ParamGate,
  prepareState,
  type VariationalCircuit,
  weightedGates,
  zeroState,
} from "./variational.js";

/** The definition: lower every gate afresh and apply it. */
function referenceState(
  vc: VariationalCircuit,
  weights: ArrayLike<number>,
  inputs: ArrayLike<number>,
  shift?: GateShift,
): Float64Array {
  const state = tsKernel.createState(vc.numQubits, "double") as Float64Array;
  vc.gates.forEach((g, i) => {
    const params: number[] = [];
    if (g.angle) {
      const a = g.angle;
      let theta =
        a.kind === "fixed"
          ? a.value
          : a.kind === "weight"
            ? weights[a.index]
            : a.scale * inputs[a.index] + (a.offset ?? 0);
      if (shift?.gate === i) theta += shift.delta;
      params.push(theta);
    }
    const op = lowerGate(g.name, g.qubits, params);
    if (op) tsKernel.apply(state, vc.numQubits, op);
  });
  return state;
}

/** The definition: one Map of outcomes per measurement setting, planned afresh every time. */
function referenceReadout(
  state: Float64Array,
  n: number,
  spec: ReadoutSpec,
  ctx: Required<MeasureContext>,
): Float64Array {
  if (spec.kind === "born") {
    const mask = 2 ** spec.qubits - 1;
    const full = new Float64Array(2 ** spec.qubits);
    for (const [index, count] of shotOutcomes(state, n, ctx.shots, ctx.rng, ctx.fidelity))
      full[index & mask] += count / ctx.shots;
    return full.slice(0, spec.outcomes);
  }
  const out = new Float64Array(spec.observables.length);
  const terms = spec.observables.flat();
  const owner = spec.observables.flatMap((o, k) => o.map(() => k));
  for (const g of measurementGroups(terms)) {
    const rotated = /[XY]/.test(g.basis) ? rotateToBasis(state, n, g.basis) : state;
    const counts = shotOutcomes(rotated, n, ctx.shots, ctx.rng, ctx.fidelity);
    for (const ti of g.terms) {
      const mask = supportMask(terms[ti].pauli);
      let s = 0;
      for (const [index, count] of counts) s += parity(index & mask) ? -count : count;
      out[owner[ti]] += (terms[ti].coefficient * s) / ctx.shots;
    }
  }
  return out;
}

/** The definition: every shifted state prepared from |0…0⟩. */
function referenceJacobian(
  vc: VariationalCircuit,
  w: number[],
  x: number[],
  spec: ReadoutSpec,
  ctx: Required<MeasureContext>,
): Float64Array {
  const m = spec.kind === "born" ? spec.outcomes : spec.observables.length;
  const values = new Float64Array(vc.numWeights * m);
  for (const gi of weightedGates(vc)) {
    const wi = (vc.gates[gi].angle as { index: number }).index;
    const plus = referenceReadout(
      referenceState(vc, w, x, { gate: gi, delta: Math.PI / 2 }),
      vc.numQubits,
      spec,
      ctx,
    );
    const minus = referenceReadout(
      referenceState(vc, w, x, { gate: gi, delta: -Math.PI / 2 }),
      vc.numQubits,
      spec,
      ctx,
    );
    for (let k = 0; k < m; k++) values[wi * m + k] += (plus[k] - minus[k]) / 2;
  }
  return values;
}

const WEIGHTED = ["rx", "ry", "rz", "rxx", "rzz"];

/** Random circuits on 1–4 qubits: weighted rotations (a weight may repeat), inputs, fixed angles, entanglers. */
const circuitArb = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    picks: fc.array(fc.tuple(fc.nat(7), fc.nat(3), fc.nat(2), fc.double({ min: -4, max: 4, noNaN: true })), {
      minLength: 1,
      maxLength: 16,
    }),
    weights: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 3, maxLength: 3 }),
    inputs: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 2 }),
  })
  .map(({ n, picks, weights, inputs }) => {
    const gates: ParamGate[] = picks.map(([kind, q, k, v]) => {
      const a = q % n;
      const b = (a + 1) % n;
      if (kind < 3 || (n === 1 && kind < 5)) {
        const name = WEIGHTED[kind % (n === 1 ? 3 : 5)];
        return { name, qubits: name.length === 3 ? [a, b] : [a], angle: { kind: "weight", index: k } };
      }
      if (kind === 3)
        return { name: "ry", qubits: [a], angle: { kind: "input", index: k % 2, scale: v, offset: 0.25 } };
      if (kind === 4) return { name: "p", qubits: [a], angle: { kind: "fixed", value: v } };
      if (kind === 5) return { name: "h", qubits: [a] };
      return n === 1 ? { name: "sx", qubits: [a] } : { name: kind === 6 ? "cx" : "cz", qubits: [a, b] };
    });
    return {
      vc: { numQubits: n, numWeights: 3, numInputs: 2, gates } as VariationalCircuit,
      weights,
      inputs,
    };
  });

/** Equal to the bit (Object.is: −0 apart from 0). */
function same(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect.fail(`entry ${i}: ${a[i]} ≠ ${b[i]}`);
}

describe("prepareState's cached gate ops", () => {
  it("give the state of lowering every gate afresh, bit for bit, over repeated calls with shifts and new angles", () => {
    fc.assert(
      fc.property(
        circuitArb,
        fc.array(fc.tuple(fc.nat(20), fc.nat(2), fc.nat(2)), { minLength: 1, maxLength: 12 }),
        ({ vc, weights, inputs }, calls) => {
          // A few angle sets and shifts revisited in turn, so the cache both hits and evicts.
          const weightSets = [weights, weights.map((v) => v + 0.5), weights.map((v) => -v)];
          for (const [gate, sign, set] of calls) {
            const shift = gate < vc.gates.length ? { gate, delta: (sign - 1) * (Math.PI / 2) } : undefined;
            const x = set === 2 ? inputs.map((v) => v * 3) : inputs;
            same(prepareState(vc, weightSets[set], x, shift), referenceState(vc, weightSets[set], x, shift));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("are lowered afresh when the circuit is edited in place between calls", () => {
    const vc: VariationalCircuit = {
      numQubits: 2,
      numWeights: 1,
      numInputs: 0,
      gates: [
        { name: "ry", qubits: [0], angle: { kind: "weight", index: 0 } },
        { name: "cx", qubits: [0, 1] },
      ],
    };
    const w = [0.7];
    same(prepareState(vc, w, []), referenceState(vc, w, []));
    vc.gates[0].name = "rx";
    same(prepareState(vc, w, []), referenceState(vc, w, []));
    vc.gates[0].qubits[0] = 1;
    vc.gates[1].qubits.reverse();
    same(prepareState(vc, w, []), referenceState(vc, w, []));
    vc.gates[1] = { name: "rzz", qubits: [0, 1], angle: { kind: "fixed", value: 0.3 } };
    same(prepareState(vc, w, []), referenceState(vc, w, []));
  });

  it("tell an angle of −0 from 0 (they can leave zeros of different sign in the state)", () => {
    // p(π) then ry(±0): the |1⟩ amplitude is 0 or −0.
    const vc: VariationalCircuit = {
      numQubits: 1,
      numWeights: 1,
      numInputs: 0,
      gates: [
        { name: "p", qubits: [0], angle: { kind: "fixed", value: Math.PI } },
        { name: "ry", qubits: [0], angle: { kind: "weight", index: 0 } },
      ],
    };
    for (const w of [[0], [-0], [0]]) same(prepareState(vc, w, []), referenceState(vc, w, []));
    expect(Object.is(referenceState(vc, [-0], [])[2], -0)).toBe(true);
  });

  it("split at any gate give the whole preparation's state", () => {
    fc.assert(
      fc.property(circuitArb, fc.nat(), ({ vc, weights, inputs }, cut) => {
        const at = cut % (vc.gates.length + 1);
        const state = zeroState(vc);
        applyGates(vc, state, 0, at, weights, inputs);
        applyGates(vc, state, at, vc.gates.length, weights, inputs);
        same(state, referenceState(vc, weights, inputs));
      }),
      { numRuns: 100 },
    );
  });
});

describe("parameter shift from a shared prefix state, and the readouts' dense counts", () => {
  const observablesFor = (n: number): Observable[] => [
    [{ coefficient: 1, pauli: `${"I".repeat(n - 1)}Z` }],
    [
      { coefficient: 0.5, pauli: `${"X".repeat(n)}` },
      { coefficient: -0.25, pauli: `${"Y".repeat(n - 1)}Z` },
      { coefficient: 2, pauli: "I".repeat(n) },
    ],
  ];

  it("give the Jacobian, ledger and PRNG stream of preparing every shifted state afresh (Pauli and Born, noisy shots)", () => {
    fc.assert(
      fc.property(
        circuitArb,
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.boolean(),
        ({ vc, weights, inputs }, shots, fidelity, seed, born) => {
          const n = vc.numQubits;
          const spec: ReadoutSpec = born
            ? { kind: "born", qubits: Math.min(2, n), outcomes: 2 ** Math.min(2, n) - (n > 1 ? 1 : 0) }
            : { kind: "pauli", observables: observablesFor(n) };
          const rngA = createPrng(seed);
          const rngB = createPrng(seed);
          const ledger = emptyQuantumLedger();
          const got = parameterShiftJacobian(
            vc,
            weights,
            inputs,
            spec,
            { shots, rng: rngA, fidelity },
            ledger,
          );
          same(got.values, referenceJacobian(vc, weights, inputs, spec, { shots, rng: rngB, fidelity }));
          const settings = spec.kind === "born" ? 1 : measurementGroups(spec.observables.flat()).length;
          expect(ledger.circuitExecutions).toBe(2 * weightedGates(vc).length * settings);
          expect(ledger.shots).toBe(ledger.circuitExecutions * shots);
          expect(rngA.nextUint32()).toBe(rngB.nextUint32());
        },
      ),
      { numRuns: 100 },
    );
  });

  it("read out the same values from a state as one Map per setting, and follow an observable list edited in place", () => {
    const n = 3;
    const observables = observablesFor(n);
    const spec: ReadoutSpec = { kind: "pauli", observables };
    const state = referenceState(
      {
        numQubits: n,
        numWeights: 0,
        numInputs: 0,
        gates: [
          { name: "h", qubits: [0] },
          { name: "ry", qubits: [1], angle: { kind: "fixed", value: 0.9 } },
          { name: "cx", qubits: [0, 2] },
          { name: "rx", qubits: [2], angle: { kind: "fixed", value: -0.4 } },
        ],
      },
      [],
      [],
    );
    const check = (rngSeed: number) => {
      const a: Prng = createPrng(rngSeed);
      const b: Prng = createPrng(rngSeed);
      const ledger = emptyQuantumLedger();
      same(
        measureReadout(state, n, spec, { shots: 500, rng: a, fidelity: 0.9 }, ledger),
        referenceReadout(state, n, spec, { shots: 500, rng: b, fidelity: 0.9 }),
      );
      expect(ledger.circuitExecutions).toBe(measurementGroups(observables.flat()).length);
    };
    check(1);
    // Same list object, edited: a new setting, a new coefficient, one term fewer.
    observables[0][0].pauli = "XII";
    check(2);
    observables[1][0].coefficient = 3;
    check(3);
    observables[1].pop();
    check(4);
  });
});

describe("the quantum learner's kept evaluation states", () => {
  it("give the loss of a freshly prepared state, and are prepared anew when the weights or the inputs change", () => {
    const data = makeMoons({ train: 4, heldOut: 3, noise: 0.1, seed: 2 });
    const ctx = { shots: 300, rng: createPrng(9), fidelity: 0.95 };
    const learner = quantumLearner(data, { ansatz: "reupload", qubits: 3, layers: 2, ctx }, createPrng(1));
    const vc = learner.circuit;
    const twin = { ...ctx, rng: createPrng(9) };
    /** The definition: prepare afresh, measure with the twin PRNG, binary cross-entropy of p1 = (1 − ⟨Z₀⟩)/2. */
    const referenceLoss = (ex: { features: number[]; label: number }) => {
      const z = referenceReadout(
        referenceState(vc, learner.params, ex.features),
        vc.numQubits,
        learner.readout,
        twin,
      )[0];
      const p1 = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, (1 - z) / 2));
      return ex.label === 1 ? -Math.log(p1) : -Math.log(1 - p1);
    };
    const [a, b] = data.heldOut;
    const check = (ex: typeof a) => expect(learner.evaluate(ex).loss).toBe(referenceLoss(ex));
    check(a);
    check(b);
    check(a); // the kept state
    learner.params[0] += 0.8;
    check(a);
    check(b);
    a.features[1] += 0.5;
    check(a);
  });
});
