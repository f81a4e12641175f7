import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseCircuit, randomCircuit } from "../circuit/random.js";
import { TOL } from "../circuit/testing.js";
import { simulate } from "./simulate.js";

const FC = { seed: 20261125, numRuns: 60 };

function finalState(c: ReturnType<typeof randomCircuit>): Array<[number, number]> {
  return simulate(c, { shots: 1, seed: 0, statevector: true }).statevector!;
}

describe("random circuits (property-based)", () => {
  const arbitrary = fc.record({
    numQubits: fc.integer({ min: 1, max: 7 }),
    depth: fc.integer({ min: 1, max: 12 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  });

  it("keep the norm at 1 within 1e-12", () => {
    fc.assert(
      fc.property(arbitrary, (o) => {
        const sv = finalState(randomCircuit(o));
        const norm = sv.reduce((s, [re, im]) => s + re * re + im * im, 0);
        expect(Math.abs(norm - 1)).toBeLessThan(TOL.norm);
      }),
      FC,
    );
  });

  it("followed by their inverse return |0…0⟩", () => {
    fc.assert(
      fc.property(arbitrary, (o) => {
        const c = randomCircuit(o);
        const inv = inverseCircuit(c);
        const sv = finalState({ ...c, ops: [...c.ops, ...inv.ops] });
        expect(Math.abs(sv[0][0] - 1)).toBeLessThan(TOL.exact);
        for (let i = 1; i < sv.length; i++) expect(Math.hypot(sv[i][0], sv[i][1])).toBeLessThan(TOL.exact);
      }),
      FC,
    );
  });
});
