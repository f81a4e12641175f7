// The public API: `import { parseQasm, simulate, ... } from "qfit"`. Re-exports only.

export { benchmarkCircuit } from "./circuit/benchmarks.js";
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
export { fitDoubling, projectQubits, roadmapSeries, yearReaching } from "./estimate/qubit-trend.js";
export * from "./noise/channels.js";
export { customDeviceModel } from "./noise/custom-device.js";
export { type DeviceModel, deviceModel, gateModelDevices } from "./noise/device-model.js";
export { averageGateFidelity, type NoiseModel, standardNoiseModel } from "./noise/model.js";
export { buildNoisyCircuit, type NoisyCircuit } from "./noise/noisy-circuit.js";
export { hellingerFidelity, type NoisyRunResult, runOnDevice } from "./noise/noisy-run.js";
export { type ValidationSummary, validateNoise } from "./noise/validate.js";
export {
  type Diagnostic,
  type ParseOptions,
  parse,
  parseQasm,
  parseQasmWithWarnings,
  toQasm,
} from "./qasm/index.js";
export * from "./qml/index.js";
export { simulateDensity } from "./sim/density.js";
export * from "./sim/index.js";
export { simulateTrajectories } from "./sim/trajectories.js";
export { deviceCircuit, type TranspileResult, transpile } from "./transpile/transpile.js";
export * from "./verdict/contract.js";
export { annealingQuboModel } from "./workloads/annealing-qubo.js";
export { chemistryModel } from "./workloads/chemistry.js";
export { describeFields, type FieldSpec, type FormSpec, formSpec } from "./workloads/describe.js";
export { groverModel } from "./workloads/grover.js";
export { hamiltonianSimulationModel } from "./workloads/hamiltonian-simulation.js";
export { parseWorkloadInput } from "./workloads/input.js";
export { qaoaMaxcutModel } from "./workloads/qaoa-maxcut.js";
export { getWorkload, workloads } from "./workloads/registry.js";
export { shorModel } from "./workloads/shor.js";
export { type CrossoverSeries, crossoverSweep } from "./workloads/sweep.js";
export type { EvaluationContext, WorkloadDefinition } from "./workloads/workload.js";
