// The estimator's amplitude-encoding cost (estimate/io.ts: ~d gates and ~d layers for a d-dimensional vector,
// Möttönen 2005; Shende 2006) against the state-preparation circuit qml actually builds and simulates.
import { describe, expect, it } from "vitest";
import { encodingCost } from "../src/estimate/io.js";
import { amplitudeEncoding } from "../src/qml/amplitude-encoding.js";
import { gateCounts } from "../src/qml/variational.js";

describe("amplitude encoding: built circuit vs the estimator's cost model", () => {
  it("uses the same register and about the same gate count (2d − 3 built vs d assumed)", () => {
    for (const d of [4, 16, 64, 256]) {
      const built = amplitudeEncoding(Array.from({ length: d }, (_, i) => Math.cos(i + 1)));
      const model = encodingCost(d, "amplitude", 16);
      expect(built.qubits).toBe(model.qubits);
      const gates = built.rotations + built.cnots;
      expect(gates).toBe(2 * d - 3);
      // Within a factor 2 of the estimator's "~d gates": the estimator's encoding cost is not optimistic by more.
      expect(gates / model.gates).toBeLessThan(2);
      // Uniformly controlled rotations serialise on their target: depth of the same order as d.
      const depth = gateCounts(built.qubits, built.gates).depth;
      expect(depth).toBeGreaterThanOrEqual(d - 1);
      expect(depth).toBeLessThanOrEqual(2 * d);
    }
  });
});
