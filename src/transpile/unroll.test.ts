import { describe, expect, it } from "vitest";
import { GATES, gateMatrix } from "../circuit/gates.js";
import type { GateOp } from "../circuit/ir.js";
import { distanceUpToPhase, embed } from "../circuit/matrix.js";
import { sequenceUnitary, TOL } from "../circuit/testing.js";
import { createPrng } from "../stats/prng.js";
import { eulerZyz, zsxSequence } from "./euler.js";
import { unroll } from "./unroll.js";

const calls = (ops: GateOp[]) => ops.map((o) => [o.name, o.qubits, o.params] as const);

describe("basis translation to u3 + cx", () => {
  const rng = createPrng(99);
  for (const spec of GATES.values()) {
    it(`${spec.name} unrolls exactly (up to global phase)`, () => {
      for (let trial = 0; trial < 3; trial++) {
        const params = spec.params.map(() => (rng.nextDouble() - 0.5) * 4 * Math.PI);
        const n = spec.numQubits;
        // A scrambled qubit order catches argument-order mistakes.
        const qubits = Array.from({ length: n }, (_, i) =>
          (i * 2 + 1) % n === i && n > 1 ? (i + 1) % n : (i * 2 + 1) % n,
        );
        const perm = new Set(qubits).size === n ? qubits : Array.from({ length: n }, (_, i) => n - 1 - i);
        const c = unroll({
          numQubits: n,
          numClbits: 0,
          qregs: [{ name: "q", size: n, offset: 0 }],
          cregs: [],
          ops: [{ kind: "gate", name: spec.name, qubits: perm, params }],
        });
        expect(c.ops.every((o) => o.kind === "gate" && (o.name === "u3" || o.name === "cx"))).toBe(true);
        const want = embed(gateMatrix(spec.name, params), perm, n);
        const got = sequenceUnitary(n, calls(c.ops as GateOp[]));
        expect(distanceUpToPhase(got, want)).toBeLessThan(1e-9);
      }
    });
  }

  it("Euler ZYZ and the rz/sx sequence reproduce random single-qubit unitaries", () => {
    const r = createPrng(5);
    for (let i = 0; i < 50; i++) {
      const p = [r.nextDouble() * 2 * Math.PI, r.nextDouble() * 2 * Math.PI, r.nextDouble() * 2 * Math.PI];
      const u = gateMatrix("u3", p);
      const e = eulerZyz(u);
      expect(distanceUpToPhase(gateMatrix("u3", [e.theta, e.phi, e.lambda]), u)).toBeLessThan(
        TOL.exact * 100,
      );
      const seq = zsxSequence(0, e);
      expect(seq.every((g) => g.name === "rz" || g.name === "sx")).toBe(true);
      expect(distanceUpToPhase(sequenceUnitary(1, calls(seq)), u)).toBeLessThan(1e-10);
    }
    for (const name of ["h", "x", "y", "z", "s", "sx", "t", "id"]) {
      const u = gateMatrix(name, []);
      const seq = zsxSequence(0, eulerZyz(u));
      expect(distanceUpToPhase(sequenceUnitary(1, calls(seq)), u)).toBeLessThan(1e-10);
    }
  });
});
