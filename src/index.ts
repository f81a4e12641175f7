// The public API: `import { parseQasm, simulate, ... } from "qfit"`. Re-exports only.

export { CircuitBuilder } from "./circuit/builder.js";
export { GATES, type GateSpec, gateMatrix, gateSpec } from "./circuit/gates.js";
export type { Circuit, Condition, Operation, Register } from "./circuit/ir.js";
export { inverseCircuit, randomCircuit } from "./circuit/random.js";
export * from "./errors.js";
export {
  babbushBreakEven,
  hoeflerMaxOpsPerCall,
  ioBoundSeconds,
  qeaCrossover,
} from "./estimate/crossover.js";
export { estimateFaultTolerant, estimateFrontier } from "./estimate/ftqc/index.js";
export { estimateNative, type NativeVerdict, nativeCrossover } from "./estimate/native.js";
export { fitDoubling, projectQubits, roadmapSeries, yearReaching } from "./estimate/qubit-trend.js";
export {
  type Diagnostic,
  type ParseOptions,
  parse,
  parseQasm,
  parseQasmWithWarnings,
  toQasm,
} from "./qasm/index.js";
export * from "./qml/index.js";
export * from "./sim/index.js";
export { annealingQuboModel } from "./workloads/annealing-qubo.js";
export { chemistryModel } from "./workloads/chemistry.js";
export { groverModel } from "./workloads/grover.js";
export { hamiltonianSimulationModel } from "./workloads/hamiltonian-simulation.js";
export { qaoaMaxcutModel } from "./workloads/qaoa-maxcut.js";
export { type NativeScenario, nativeScenarios } from "./workloads/scenarios.js";
export { shorModel } from "./workloads/shor.js";
