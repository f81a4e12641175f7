// The two models behind `qfit train`, behind one small interface: a flat parameter vector, the loss and its
// gradient for one example, and a forward-only evaluation. The classical learner is the MLP of mlp.ts; the
// quantum learner is a variational circuit (ansatz.ts) read out as ⟨Z₀⟩ (two classes: p(class 1) = (1 − ⟨Z₀⟩)/2)
// or as Born probabilities of its first ⌈log₂ V⌉ qubits (V classes), trained by parameter shift.

import { userError } from "../errors.js";
import type { Prng } from "../stats/prng.js";
import { type AnsatzKind, buildAnsatz } from "./ansatz.js";
import { oneHot, tokenBits } from "./chars.js";
import type { Dataset, Example } from "./dataset.js";
import { parameterShiftJacobian } from "./gradient.js";
import {
  backwardFlops,
  forwardFlops,
  initMlp,
  type MlpShape,
  mlpForward,
  mlpLossAndGradient,
  mlpWorkspace,
} from "./mlp.js";
import { zOn } from "./pauli.js";
import {
  emptyQuantumLedger,
  type MeasureContext,
  measureReadout,
  type QuantumLedger,
  type ReadoutSpec,
} from "./readout.js";
import {
  type GateCounts,
  gateCounts,
  prepareState,
  type VariationalCircuit,
  validateVariational,
} from "./variational.js";

/** Probabilities are floored at this before the log, so a shot estimate of 0 gives a finite loss and gradient. */
export const PROBABILITY_FLOOR = 1e-4;

export interface Learner {
  params: Float64Array;
  /** Loss of one example; adds ∂loss/∂params into grad. */
  lossAndGradient(ex: Example, grad: Float64Array): number;
  evaluate(ex: Example): { loss: number; predicted: number };
  /** Classical FLOPs counted so far (model arithmetic; not the simulator's). */
  flops: number;
  describe: string;
}

/** Token tasks give the classical model a one-hot vector and the quantum model the token's bits. */
const isTokenTask = (d: Dataset) => d.input === "token";

export function classicalLearner(d: Dataset, hidden: number, rng: Prng): Learner {
  const shape: MlpShape = { inputs: isTokenTask(d) ? d.classes : d.features, hidden, outputs: d.classes };
  const params = initMlp(shape, rng);
  const ws = mlpWorkspace(shape);
  const input = (ex: Example) => (isTokenTask(d) ? oneHot(ex.features[0], d.classes) : ex.features);
  const fwd = forwardFlops(shape);
  const bwd = backwardFlops(shape);
  const learner: Learner = {
    params,
    flops: 0,
    describe:
      hidden === 0
        ? `softmax regression ${shape.inputs}→${shape.outputs}`
        : `MLP ${shape.inputs}→${hidden} tanh→${shape.outputs} softmax`,
    lossAndGradient(ex, grad) {
      learner.flops += fwd + bwd;
      return mlpLossAndGradient(shape, params, input(ex), ex.label, grad, ws);
    },
    evaluate(ex) {
      learner.flops += fwd;
      const p = mlpForward(shape, params, input(ex), ws);
      return { loss: -Math.log(Math.max(p[ex.label], 1e-300)), predicted: argmax(p) };
    },
  };
  return learner;
}

export interface QuantumLearner extends Learner {
  circuit: VariationalCircuit;
  readout: ReadoutSpec;
  counts: GateCounts;
  ledger: QuantumLedger;
}

export interface QuantumLearnerOptions {
  ansatz: AnsatzKind;
  qubits: number;
  layers: number;
  ctx: MeasureContext;
}

export function quantumLearner(d: Dataset, o: QuantumLearnerOptions, rng: Prng): QuantumLearner {
  const token = isTokenTask(d);
  const bits = Math.max(1, Math.ceil(Math.log2(d.classes)));
  if (token && o.qubits < bits)
    throw userError(
      "Qml.TooFewQubits",
      `the ${d.name} task has ${d.classes} classes: it needs at least ${bits} qubits, got ${o.qubits}`,
      {
        field: "qubits",
      },
    );
  // Moons features lie in about [−1, 1] and map to ±π/2; token bits map to 0 or π (basis states).
  const vc = buildAnsatz({
    kind: o.ansatz,
    qubits: o.qubits,
    layers: o.layers,
    features: token ? bits : d.features,
    scale: token ? Math.PI : Math.PI / 2,
  });
  validateVariational(vc);
  const readout: ReadoutSpec =
    d.classes === 2 && !token
      ? { kind: "pauli", observables: [[zOn(0, o.qubits)]] }
      : { kind: "born", qubits: bits, outcomes: d.classes };
  const params = new Float64Array(vc.numWeights);
  for (let i = 0; i < params.length; i++) params[i] = (2 * rng.nextDouble() - 1) * 0.1 * Math.PI;
  const input = (ex: Example) => (token ? tokenBits(ex.features[0], bits) : ex.features);
  const ledger: QuantumLedger = emptyQuantumLedger();
  const m = readout.kind === "born" ? readout.outcomes : 1;

  /** Loss and ∂loss/∂readout for one example. */
  const lossOf = (r: Float64Array, label: number): { loss: number; dr: Float64Array } => {
    const dr = new Float64Array(r.length);
    if (readout.kind === "pauli") {
      // p1 = (1 − z)/2; binary cross-entropy; ∂/∂z = −½ ∂/∂p1.
      const p1 = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, (1 - r[0]) / 2));
      const loss = label === 1 ? -Math.log(p1) : -Math.log(1 - p1);
      dr[0] = -0.5 * (label === 1 ? -1 / p1 : 1 / (1 - p1));
      return { loss, dr };
    }
    const p = r[label] + PROBABILITY_FLOOR;
    dr[label] = -1 / p;
    return { loss: -Math.log(p), dr };
  };
  const predict = (r: Float64Array) => (readout.kind === "pauli" ? (r[0] < 0 ? 1 : 0) : argmax(r));

  const evaluationState = keptStates(vc, params);

  const learner: QuantumLearner = {
    params,
    circuit: vc,
    readout,
    counts: gateCounts(vc.numQubits, vc.gates),
    ledger,
    flops: 0,
    describe: `${o.ansatz === "hea" ? "hardware-efficient" : "data re-uploading"} ansatz, ${o.qubits} qubits × ${o.layers} layers, ${vc.numWeights} weights, readout ${readout.kind === "pauli" ? "⟨Z₀⟩" : `Born probabilities of ${bits} qubits`}`,
    lossAndGradient(ex, grad) {
      const x = input(ex);
      const r = measureReadout(prepareState(vc, params, x), vc.numQubits, readout, o.ctx, ledger);
      const { loss, dr } = lossOf(r, ex.label);
      const jac = parameterShiftJacobian(vc, params, x, readout, o.ctx, ledger);
      for (let w = 0; w < vc.numWeights; w++) {
        let g = 0;
        for (let k = 0; k < m; k++) g += dr[k] * jac.values[w * m + k];
        grad[w] += g;
      }
      // Chain rule on the classical side: P·m multiply-adds, plus the loss.
      learner.flops += 2 * vc.numWeights * m + 4;
      return loss;
    },
    evaluate(ex) {
      const r = measureReadout(evaluationState(ex, input(ex)), vc.numQubits, readout, o.ctx, ledger);
      learner.flops += 4;
      return { loss: lossOf(r, ex.label).loss, predicted: predict(r) };
    },
  };
  return learner;
}

/**
 * Bytes the states kept for evaluations may take, with the weights and inputs they were prepared with: a held-out
 * set of 100 up to 14 qubits.
 */
export const KEPT_STATE_BYTES = 2 ** 25;

/**
 * The state of an example for evaluation, kept while the weights stay the same: after the last epoch the
 * held-out set is evaluated twice with the same weights (its loss, then its accuracy), and its second pass
 * measures the states of the first again (fresh shots, the same amplitudes) instead of preparing them anew. A
 * kept state is reused only if the weights and the inputs still equal, value for value, those it was prepared
 * with; it is only read (readouts copy before rotating).
 */
function keptStates(
  vc: VariationalCircuit,
  params: Float64Array,
): (ex: Example, inputs: ArrayLike<number>) => Float64Array {
  const kept = new Map<Example, { weights: Float64Array; inputs: Float64Array; state: Float64Array }>();
  let bytes = 0;
  return (ex, inputs) => {
    const k = kept.get(ex);
    if (k && sameValues(k.weights, params) && sameValues(k.inputs, inputs)) return k.state;
    const state = prepareState(vc, params, inputs);
    // The state, and the copies of the weights and inputs it was prepared with.
    const entryBytes = 8 * (state.length + params.length + inputs.length);
    if (k || bytes + entryBytes <= KEPT_STATE_BYTES) {
      if (!k) bytes += entryBytes;
      kept.set(ex, { weights: params.slice(), inputs: Float64Array.from(inputs), state });
    }
    return state;
  };
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}
