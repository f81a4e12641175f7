import { describe, expect, it } from "vitest";
import { createPrng } from "../stats/prng.js";
import { buildAnsatz } from "./ansatz.js";
import { finiteDifferenceJacobian, parameterShiftJacobian } from "./gradient.js";
import { zOn } from "./pauli.js";
import { emptyQuantumLedger, type ReadoutSpec } from "./readout.js";
import type { ParamGate, VariationalCircuit } from "./variational.js";

/** A random small circuit: shiftable rotations with weights, fixed entanglers, input rotations. */
function randomCircuit(seed: number): { vc: VariationalCircuit; w: number[]; x: number[] } {
  const rng = createPrng(seed);
  const n = 2 + (rng.nextUint32() % 3);
  const gates: ParamGate[] = [];
  let w = 0;
  for (let i = 0; i < 12; i++) {
    const r = rng.nextUint32() % 6;
    const q = rng.nextUint32() % n;
    const q2 = (q + 1 + (rng.nextUint32() % (n - 1))) % n;
    if (r < 3)
      gates.push({ name: ["rx", "ry", "rz"][r], qubits: [q], angle: { kind: "weight", index: w++ } });
    else if (r === 3)
      gates.push({
        name: rng.nextUint32() % 2 ? "rzz" : "rxx",
        qubits: [q, q2],
        angle: { kind: "weight", index: w++ },
      });
    else if (r === 4) gates.push({ name: "cx", qubits: [q, q2] });
    else gates.push({ name: "ry", qubits: [q], angle: { kind: "input", index: 0, scale: 1.3 } });
  }
  gates.push({ name: "h", qubits: [0] });
  return {
    vc: { numQubits: n, numWeights: w, numInputs: 1, gates },
    w: Array.from({ length: w }, () => (rng.nextDouble() * 2 - 1) * Math.PI),
    x: [rng.nextDouble()],
  };
}

describe("parameter-shift gradients", () => {
  it("equal central finite differences to 1e-6 on random small circuits (Pauli and Born readouts)", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { vc, w, x } = randomCircuit(seed);
      const n = vc.numQubits;
      const specs: ReadoutSpec[] = [
        { kind: "pauli", observables: [[zOn(0, n)], [{ coefficient: 0.5, pauli: `X${"Z".repeat(n - 1)}` }]] },
        { kind: "born", qubits: 2, outcomes: 3 },
      ];
      for (const spec of specs) {
        const ctx = { rng: createPrng(1), fidelity: 1 };
        const ps = parameterShiftJacobian(vc, w, x, spec, ctx, emptyQuantumLedger());
        const fd = finiteDifferenceJacobian(vc, w, x, spec, ctx);
        for (let i = 0; i < ps.values.length; i++)
          expect(Math.abs(ps.values[i] - fd.values[i])).toBeLessThan(1e-6);
      }
    }
  });

  it("counts exactly 2·P circuit executions per gradient (one measurement setting)", () => {
    const vc = buildAnsatz({ kind: "reupload", qubits: 4, layers: 3, features: 2, scale: 1 });
    const ledger = emptyQuantumLedger();
    const ctx = { shots: 100, rng: createPrng(3), fidelity: 1 };
    parameterShiftJacobian(
      vc,
      new Float64Array(vc.numWeights).fill(0.1),
      [0.5, 0.5],
      { kind: "pauli", observables: [[zOn(0, 4)]] },
      ctx,
      ledger,
    );
    expect(vc.numWeights).toBe(24);
    expect(ledger.gradientExecutions).toBe(2 * 24);
    expect(ledger.circuitExecutions).toBe(2 * 24);
    expect(ledger.shots).toBe(2 * 24 * 100);
  });

  it("shot-based gradients are unbiased: the mean over seeds is within 4 standard errors of the exact gradient", () => {
    const vc = buildAnsatz({ kind: "hea", qubits: 3, layers: 2, features: 1, scale: 1 });
    const w = Array.from({ length: vc.numWeights }, (_, i) => 0.4 * i - 1.3);
    const spec: ReadoutSpec = { kind: "pauli", observables: [[zOn(0, 3)]] };
    const exact = parameterShiftJacobian(
      vc,
      w,
      [0.3],
      spec,
      { rng: createPrng(0), fidelity: 0.8 },
      emptyQuantumLedger(),
    );
    const runs = 200;
    const shots = 200;
    const sum = new Float64Array(vc.numWeights);
    const sumSq = new Float64Array(vc.numWeights);
    const rng = createPrng(42);
    for (let r = 0; r < runs; r++) {
      const g = parameterShiftJacobian(
        vc,
        w,
        [0.3],
        spec,
        { shots, rng, fidelity: 0.8 },
        emptyQuantumLedger(),
      );
      for (let i = 0; i < sum.length; i++) {
        sum[i] += g.values[i];
        sumSq[i] += g.values[i] ** 2;
      }
    }
    for (let i = 0; i < sum.length; i++) {
      const mean = sum[i] / runs;
      const variance = sumSq[i] / runs - mean ** 2;
      // Each shifted estimate of a ±1 parity has variance ≤ 1/shots; the half-difference ≤ 1/(2·shots).
      expect(variance).toBeLessThanOrEqual(1 / (2 * shots) + 1e-3);
      const stderr = Math.sqrt(Math.max(variance, 1e-12) / runs);
      expect(Math.abs(mean - exact.values[i])).toBeLessThan(4 * stderr + 1e-9);
    }
  });
});
