// The classical baseline: a softmax-regression (hidden = 0) or one-hidden-layer tanh MLP classifier with
// cross-entropy loss and hand-written backpropagation, in plain TypeScript. FLOPs are counted from the loops
// below (a multiply-add is 2 FLOPs; tanh, exp, log 1 each), so the ledger can put a number on "backprop costs a
// small constant times one forward pass" (Kaplan et al. 2020 §2.1: 2N forward, 4N backward per token).
//
// Parameter layout: [W1 (hidden × inputs), b1 (hidden), W2 (outputs × hidden), b2 (outputs)]; without a hidden
// layer [W (outputs × inputs), b (outputs)].

import type { Prng } from "../stats/prng.js";

export interface MlpShape {
  inputs: number;
  /** 0 = softmax regression. */
  hidden: number;
  outputs: number;
}

export function mlpParameterCount(s: MlpShape): number {
  return s.hidden === 0
    ? s.outputs * s.inputs + s.outputs
    : s.hidden * s.inputs + s.hidden + s.outputs * s.hidden + s.outputs;
}

/** FLOPs of one forward pass and its loss: the layers' multiply-adds and biases, tanh, softmax (exp, sum, divide), log. */
export function forwardFlops(s: MlpShape): number {
  const out = s.outputs;
  const softmaxAndLoss = 3 * out + 1;
  if (s.hidden === 0) return 2 * s.inputs * out + out + softmaxAndLoss;
  return 2 * s.inputs * s.hidden + 2 * s.hidden + 2 * s.hidden * out + out + softmaxAndLoss;
}

/** FLOPs of one backward pass: output error, weight and bias gradients, and the hidden error through tanh. */
export function backwardFlops(s: MlpShape): number {
  const out = s.outputs;
  if (s.hidden === 0) return out + 2 * out * s.inputs + out;
  return (
    out + 2 * out * s.hidden + out + 2 * out * s.hidden + 3 * s.hidden + 2 * s.hidden * s.inputs + s.hidden
  );
}

/** Glorot-uniform weights from the seeded generator, zero biases. */
export function initMlp(s: MlpShape, rng: Prng): Float64Array {
  const p = new Float64Array(mlpParameterCount(s));
  const fill = (offset: number, rows: number, cols: number) => {
    const limit = Math.sqrt(6 / (rows + cols));
    for (let i = 0; i < rows * cols; i++) p[offset + i] = (2 * rng.nextDouble() - 1) * limit;
  };
  if (s.hidden === 0) fill(0, s.outputs, s.inputs);
  else {
    fill(0, s.hidden, s.inputs);
    fill(s.hidden * s.inputs + s.hidden, s.outputs, s.hidden);
  }
  return p;
}

export interface MlpWorkspace {
  hidden: Float64Array;
  probs: Float64Array;
  dHidden: Float64Array;
}

export function mlpWorkspace(s: MlpShape): MlpWorkspace {
  return {
    hidden: new Float64Array(s.hidden),
    probs: new Float64Array(s.outputs),
    dHidden: new Float64Array(s.hidden),
  };
}

function affine(
  p: Float64Array,
  wOffset: number,
  bOffset: number,
  x: ArrayLike<number>,
  rows: number,
  cols: number,
  out: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    let acc = p[bOffset + r];
    const row = wOffset + r * cols;
    for (let c = 0; c < cols; c++) acc += p[row + c] * x[c];
    out[r] = acc;
  }
}

/** Class probabilities into ws.probs (and hidden activations into ws.hidden). */
export function mlpForward(
  s: MlpShape,
  p: Float64Array,
  x: ArrayLike<number>,
  ws: MlpWorkspace,
): Float64Array {
  const logits = ws.probs;
  if (s.hidden === 0) affine(p, 0, s.outputs * s.inputs, x, s.outputs, s.inputs, logits);
  else {
    affine(p, 0, s.hidden * s.inputs, x, s.hidden, s.inputs, ws.hidden);
    for (let h = 0; h < s.hidden; h++) ws.hidden[h] = Math.tanh(ws.hidden[h]);
    const w2 = s.hidden * s.inputs + s.hidden;
    affine(p, w2, w2 + s.outputs * s.hidden, ws.hidden, s.outputs, s.hidden, logits);
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < s.outputs; k++) max = Math.max(max, logits[k]);
  let sum = 0;
  for (let k = 0; k < s.outputs; k++) {
    logits[k] = Math.exp(logits[k] - max);
    sum += logits[k];
  }
  for (let k = 0; k < s.outputs; k++) logits[k] /= sum;
  return logits;
}

/** Cross-entropy of one example; adds ∂loss/∂p into `grad`. */
export function mlpLossAndGradient(
  s: MlpShape,
  p: Float64Array,
  x: ArrayLike<number>,
  label: number,
  grad: Float64Array,
  ws: MlpWorkspace,
): number {
  const probs = mlpForward(s, p, x, ws);
  const loss = -Math.log(Math.max(probs[label], 1e-300));
  // ∂loss/∂logit_k = p_k − [k = label]
  const dOut = probs;
  dOut[label] -= 1;
  const inputsOfOut = s.hidden === 0 ? x : ws.hidden;
  const cols = s.hidden === 0 ? s.inputs : s.hidden;
  const wOut = s.hidden === 0 ? 0 : s.hidden * s.inputs + s.hidden;
  const bOut = wOut + s.outputs * cols;
  for (let k = 0; k < s.outputs; k++) {
    const d = dOut[k];
    const row = wOut + k * cols;
    for (let c = 0; c < cols; c++) grad[row + c] += d * inputsOfOut[c];
    grad[bOut + k] += d;
  }
  if (s.hidden === 0) return loss;
  const dh = ws.dHidden;
  for (let h = 0; h < s.hidden; h++) {
    let acc = 0;
    for (let k = 0; k < s.outputs; k++) acc += p[wOut + k * s.hidden + h] * dOut[k];
    dh[h] = acc * (1 - ws.hidden[h] * ws.hidden[h]);
  }
  const b1 = s.hidden * s.inputs;
  for (let h = 0; h < s.hidden; h++) {
    const row = h * s.inputs;
    for (let c = 0; c < s.inputs; c++) grad[row + c] += dh[h] * x[c];
    grad[b1 + h] += dh[h];
  }
  return loss;
}
