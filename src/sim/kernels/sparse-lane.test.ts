import { describe, expect, it } from "vitest";
import { kron2 } from "../../../test/helpers/kernel-conformance.js";
import { laneMatrix, sparseLaneMatrix } from "./apply-wasm.js";

// Which sparse lane kernel (scripts/unroll-kernels.mjs, SPARSE_SHAPES) takes a 2-qubit product on a lane bit and
// a high qubit; the conformance suite checks the results of every shape against the dense kernels.
const u = Float64Array.of(0.1, 0.2, 0.3, -0.4, -0.5, 0.6, 0.7, 0.8);
const diag = Float64Array.of(0.6, 0.8, 0, 0, 0, 0, -0.8, 0.6);
const x = Float64Array.of(0, 0, 1, 0, 1, 0, 0, 0);

function shapeOf(matrix: Float64Array, targets: number[]): { variant: number; inputs: number[] } | null {
  const { variant, lanes } = laneMatrix(matrix, targets, 2);
  const sparse = sparseLaneMatrix(lanes, variant & 3);
  return sparse && { variant: sparse.variant, inputs: sparse.inputs };
}

describe("sparseLaneMatrix", () => {
  for (const lane of [0, 1])
    it(`finds the shape of each product on qubit ${lane} and a high qubit (variant 48 + 4·shape + low)`, () => {
      const low = 1 << lane;
      // Matrix index bit 0 is targets[0]: kron2(b, a) puts a there.
      expect(shapeOf(kron2(diag, u), [lane, 5])).toEqual({ variant: 48 + low, inputs: [0, 1] });
      expect(shapeOf(kron2(x, u), [lane, 5])).toEqual({ variant: 48 + low, inputs: [1, 0] });
      expect(shapeOf(kron2(diag, u), [5, lane])).toEqual({ variant: 52 + low, inputs: [0, 1] });
      expect(shapeOf(kron2(x, u), [5, lane])).toEqual({ variant: 56 + low, inputs: [0, 1] });
      expect(shapeOf(kron2(u, u), [lane, 5])).toBeNull();
    });
});
