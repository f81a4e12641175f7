import { describe, expect, it } from "vitest";
import { createPrng } from "../stats/prng.js";
import {
  backwardFlops,
  forwardFlops,
  initMlp,
  type MlpShape,
  mlpForward,
  mlpLossAndGradient,
  mlpParameterCount,
  mlpWorkspace,
} from "./mlp.js";

describe("classical baseline (MLP / softmax regression)", () => {
  for (const shape of [
    { inputs: 3, hidden: 5, outputs: 4 },
    { inputs: 6, hidden: 0, outputs: 3 },
  ] as MlpShape[]) {
    it(`backprop gradient equals central finite differences (hidden ${shape.hidden})`, () => {
      const rng = createPrng(9);
      const p = initMlp(shape, rng);
      for (let i = 0; i < p.length; i++) p[i] += 0.1 * (rng.nextDouble() - 0.5);
      const x = Array.from({ length: shape.inputs }, () => rng.nextDouble() * 2 - 1);
      const ws = mlpWorkspace(shape);
      const grad = new Float64Array(p.length);
      mlpLossAndGradient(shape, p, x, 2, grad, ws);
      const h = 1e-6;
      for (let i = 0; i < p.length; i++) {
        const up = p.slice();
        const down = p.slice();
        up[i] += h;
        down[i] -= h;
        const lu = -Math.log(mlpForward(shape, up, x, ws)[2]);
        const ld = -Math.log(mlpForward(shape, down, x, ws)[2]);
        expect(Math.abs(grad[i] - (lu - ld) / (2 * h))).toBeLessThan(1e-7);
      }
    });
  }

  it("counts parameters and FLOPs: backward ≈ 1.5× forward, since the input layer needs no input gradient", () => {
    const s = { inputs: 256, hidden: 256, outputs: 256 };
    const n = mlpParameterCount(s);
    expect(n).toBe(256 * 256 * 2 + 256 * 2);
    expect(forwardFlops(s) / n).toBeCloseTo(2, 1);
    // Kaplan et al. §2.1 count 4N backward (2× forward) with every layer's input gradient; the first layer here
    // needs only its weight gradient (2·in·h), the second both (4·h·out): 6 vs 4 per weight pair → 1.5×.
    expect(backwardFlops(s) / forwardFlops(s)).toBeCloseTo(1.5, 1);
  });
});
