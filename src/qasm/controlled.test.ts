// C^k(G) written with library gates equals controlled(G) exactly, for every library gate and k = 1..3; the
// one-qubit helpers (ZYZ split, square root) are checked on random unitaries.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GATES, uMatrix } from "../circuit/gates.js";
import {
  controlled,
  embed,
  expi,
  identity,
  type Matrix,
  matmul,
  maxDistance,
  scale,
} from "../circuit/matrix.js";
import { sequenceUnitary } from "../circuit/testing.js";
import { controlledGate, type GateSink, sqrt2, zyz } from "./controlled.js";

const TOL = 1e-11;
const PARAMS = [0.37, -1.21, 2.05, 0.66];

/** Runs `build` into a sink and returns e^{iφ}·U of what it wrote on n qubits, and the gate count. */
function unitaryOf(n: number, build: (s: GateSink) => void): { u: Matrix; gates: string[] } {
  const calls: Array<readonly [string, number[], number[]]> = [];
  let phase = 0;
  build({ gate: (name, qubits, params) => calls.push([name, qubits, params]), phase: (a) => (phase += a) });
  return { u: scale(sequenceUnitary(n, calls), expi(phase)), gates: calls.map((c) => c[0]) };
}

describe("controlledGate", () => {
  for (const spec of GATES.values()) {
    it(`${spec.name} with 1, 2 and 3 controls`, () => {
      const params = spec.params.map((_, i) => PARAMS[i]);
      for (const k of [1, 2, 3]) {
        const n = spec.numQubits + k;
        if (n > 7) continue;
        const controls = Array.from({ length: k }, (_, i) => i);
        const targets = Array.from({ length: spec.numQubits }, (_, i) => k + i);
        const { u, gates } = unitaryOf(n, (s) => controlledGate(s, spec.name, params, targets, controls));
        expect(maxDistance(u, controlled(spec.matrix(params), k)), `${k} controls`).toBeLessThan(TOL);
        for (const g of gates) expect(GATES.has(g)).toBe(true);
      }
    });
  }

  it("uses the library's named controlled gates where they exist", () => {
    const names = (name: string, k: number, nq = 1): string[] =>
      unitaryOf(nq + k, (s) =>
        controlledGate(
          s,
          name,
          GATES.get(name)!.params.map(() => 0.5),
          Array.from({ length: nq }, (_, i) => k + i),
          Array.from({ length: k }, (_, i) => i),
        ),
      ).gates;
    expect(names("x", 1)).toEqual(["cx"]);
    expect(names("x", 2)).toEqual(["ccx"]);
    expect(names("x", 4)).toEqual(["c4x"]);
    expect(names("cx", 1, 2)).toEqual(["ccx"]);
    expect(names("p", 1)).toEqual(["cp"]);
    expect(names("swap", 1, 2)).toEqual(["cswap"]);
    expect(names("sx", 3)).toEqual(["c3sqrtx"]);
  });

  it("is exact with controls on arbitrary, unordered qubits", () => {
    const { u } = unitaryOf(4, (s) => controlledGate(s, "ry", [0.9], [1], [3, 0, 2]));
    const want = embed(controlled(GATES.get("ry")!.matrix([0.9]), 3), [3, 0, 2, 1], 4);
    expect(maxDistance(u, want)).toBeLessThan(TOL);
  });
});

const angle = fc.double({ min: -10, max: 10, noNaN: true });

describe("one-qubit helpers", () => {
  it("zyz splits any e^{iα}U(θ,φ,λ) back into an equal product", () => {
    fc.assert(
      fc.property(angle, angle, angle, angle, (a, t, p, l) => {
        const m = scale(uMatrix(t, p, l), expi(a));
        const z = zyz(m);
        expect(maxDistance(scale(uMatrix(z.theta, z.phi, z.lambda), expi(z.alpha)), m)).toBeLessThan(1e-12);
      }),
      { seed: 18, numRuns: 300 },
    );
    // The degenerate angles θ = 0 and θ = π.
    for (const t of [0, Math.PI, -Math.PI, 2 * Math.PI]) {
      const m = scale(uMatrix(t, 0.4, -1.3), expi(0.2));
      const z = zyz(m);
      expect(maxDistance(scale(uMatrix(z.theta, z.phi, z.lambda), expi(z.alpha)), m)).toBeLessThan(1e-12);
    }
  });

  it("sqrt2 squares back to the matrix and is unitary", () => {
    fc.assert(
      fc.property(angle, angle, angle, angle, (a, t, p, l) => {
        const m = scale(uMatrix(t, p, l), expi(a));
        const v = sqrt2(m);
        expect(maxDistance(matmul(v, v), m)).toBeLessThan(1e-10);
      }),
      { seed: 18, numRuns: 300 },
    );
    const minusI = scale(identity(2), [-1, 0]);
    expect(maxDistance(matmul(sqrt2(minusI), sqrt2(minusI)), minusI)).toBeLessThan(1e-12);
  });
});
