import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { buildAnsatz } from "./ansatz.js";
import { bindCircuit, gateCounts, prepareState, validateVariational } from "./variational.js";

describe("variational circuits", () => {
  it("prepareState agrees with the simulator on the bound circuit", () => {
    const vc = buildAnsatz({ kind: "reupload", qubits: 3, layers: 2, features: 2, scale: Math.PI });
    const w = Array.from({ length: vc.numWeights }, (_, i) => 0.3 * i - 1);
    const x = [0.2, -0.7];
    const state = prepareState(vc, w, x);
    const r = simulate(bindCircuit(vc, w, x), { shots: 1, seed: 1, statevector: true });
    r.statevector!.forEach(([re, im], i) => {
      expect(state[2 * i]).toBeCloseTo(re, 12);
      expect(state[2 * i + 1]).toBeCloseTo(im, 12);
    });
  });

  it("counts P = 2·qubits·layers weights and the gates and depth of the circuit", () => {
    const hea = buildAnsatz({ kind: "hea", qubits: 4, layers: 3, features: 2, scale: 1 });
    expect(hea.numWeights).toBe(24);
    const c = gateCounts(hea.numQubits, hea.gates);
    expect(c.oneQubitGates).toBe(4 + 24);
    expect(c.twoQubitGates).toBe(9);
    // Worked by hand: encoding 1; layer 1 ry, rz (3) and the CNOT staircase 0-1, 1-2, 2-3 (4, 5, 6); later
    // layers start on qubit 0 while the staircase is still running, so each adds 4 rather than 5: 6 + 4 + 4.
    expect(c.depth).toBe(14);
    const re = buildAnsatz({ kind: "reupload", qubits: 4, layers: 3, features: 2, scale: 1 });
    expect(gateCounts(re.numQubits, re.gates).oneQubitGates).toBe(12 + 24);
  });

  it("refuses a weight on a gate the two-term shift rule does not cover, and bad sizes", () => {
    expect(() =>
      validateVariational({
        numQubits: 2,
        numWeights: 1,
        numInputs: 0,
        gates: [{ name: "cp", qubits: [0, 1], angle: { kind: "weight", index: 0 } }],
      }),
    ).toThrow(/may carry a weight/);
    expect(() => buildAnsatz({ kind: "hea", qubits: 0, layers: 1, features: 1, scale: 1 })).toThrow(/qubits/);
    expect(() => buildAnsatz({ kind: "hea", qubits: 2, layers: 0, features: 1, scale: 1 })).toThrow(/layers/);
  });
});
