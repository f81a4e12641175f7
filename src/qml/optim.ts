// Optimisers on a flat Float64Array of parameters. Each reports the FLOPs it spends per parameter per step so
// the cost ledger can count them.
//
// Adam: Kingma & Ba, "Adam: A method for stochastic optimization", ICLR 2015, Algorithm 1 (β1 = 0.9, β2 = 0.999,
// ε = 1e-8). SGD: θ ← θ − η·g.

import { userError } from "../errors.js";

export type OptimizerName = "adam" | "sgd";
export const OPTIMIZER_NAMES: readonly OptimizerName[] = ["adam", "sgd"];

export interface Optimizer {
  readonly name: OptimizerName;
  /** θ ← update(θ, g) in place. */
  step(params: Float64Array, grad: Float64Array): void;
  /** FLOPs per parameter per step, counted from the update below (multiply, add, divide, sqrt: 1 each). */
  readonly flopsPerParameter: number;
}

export function createOptimizer(name: OptimizerName, learningRate: number, size: number): Optimizer {
  if (!(learningRate > 0) || !Number.isFinite(learningRate))
    throw userError(
      "Qml.InvalidLearningRate",
      `the learning rate must be a positive number, got ${learningRate}`,
      {
        field: "learningRate",
      },
    );
  if (name === "sgd")
    return {
      name,
      flopsPerParameter: 2,
      step(params, grad) {
        for (let i = 0; i < params.length; i++) params[i] -= learningRate * grad[i];
      },
    };
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let t = 0;
  return {
    name,
    // m: 3, v: 4, the two bias corrections: 2, update: sqrt + add + divide + multiply + subtract = 5.
    flopsPerParameter: 14,
    step(params, grad) {
      t++;
      const c1 = 1 / (1 - b1 ** t);
      const c2 = 1 / (1 - b2 ** t);
      for (let i = 0; i < params.length; i++) {
        m[i] = b1 * m[i] + (1 - b1) * grad[i];
        v[i] = b2 * v[i] + (1 - b2) * grad[i] * grad[i];
        params[i] -= (learningRate * (m[i] * c1)) / (Math.sqrt(v[i] * c2) + eps);
      }
    },
  };
}
