// `qfit/circuit`: the circuit IR, the gate library, builders and random/benchmark circuits. Re-exports only.
export { benchmarkCircuit } from "../circuit/benchmarks.js";
export { CircuitBuilder } from "../circuit/builder.js";
export { GATES, type GateSpec, gateMatrix, gateSpec } from "../circuit/gates.js";
export type {
  BarrierOp,
  Circuit,
  Condition,
  GateOp,
  MeasureOp,
  Operation,
  Register,
  ResetOp,
} from "../circuit/ir.js";
export { inverseCircuit, randomCircuit } from "../circuit/random.js";
