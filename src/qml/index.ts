// Quantum machine learning, run for real: variational circuits, parameter shift, optimisers, the classical
// baseline, tasks, training with a cost ledger, and the extrapolation to LLM scale (re-exports only).
export { type AmplitudeEncoding, amplitudeEncoding } from "./amplitude-encoding.js";
export { ANSATZ_KINDS, type AnsatzKind, type AnsatzOptions, angleEncoding, buildAnsatz } from "./ansatz.js";
export { type GradientVariancePoint, gradientVariance } from "./barren-plateau.js";
export { makeChars, tokenize } from "./chars.js";
export type { Dataset, Example } from "./dataset.js";
export { circuitFidelity, type DeviceCost, deviceCost, deviceModel } from "./device-cost.js";
export {
  type Extrapolation,
  type ExtrapolationOptions,
  extrapolateTraining,
  fitLinear,
  fitPowerLaw,
  type LinearFit,
  type MeasuredPoint,
  type MetricFits,
  type PowerFit,
  type Projection,
} from "./extrapolate.js";
export { finiteDifferenceJacobian, type Jacobian, parameterShiftJacobian } from "./gradient.js";
export { makeMoons } from "./moons.js";
export { createOptimizer, type Optimizer, type OptimizerName } from "./optim.js";
export { expectationExact, measurementGroups, type Observable, type PauliTerm, zOn } from "./pauli.js";
export {
  expectation,
  type MeasureContext,
  measureReadout,
  type QuantumLedger,
  type ReadoutSpec,
} from "./readout.js";
export { type TrainLedger, type TrainOptions, type TrainResult, train } from "./train.js";
export {
  type Angle,
  bindCircuit,
  gateCounts,
  type ParamGate,
  prepareState,
  type VariationalCircuit,
} from "./variational.js";
