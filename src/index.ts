// The public API: `import { parseQasm, simulate, ... } from "qfit"`. Re-exports only.

export { benchmarkCircuit } from "./circuit/benchmarks.js";
export { CircuitBuilder } from "./circuit/builder.js";
export { GATES, type GateSpec, gateMatrix, gateSpec } from "./circuit/gates.js";
export type { Circuit, Condition, Operation, Register } from "./circuit/ir.js";
export { inverseCircuit, randomCircuit } from "./circuit/random.js";
export { customDeviceModel } from "./device/custom-device.js";
export { type DeviceModel, deviceModel, gateModelDevices } from "./device/device-model.js";
export { averageGateFidelity, type NoiseModel, standardNoiseModel } from "./device/noise-model.js";
export * from "./errors.js";
export {
  babbushBreakEven,
  hoeflerMaxOpsPerCall,
  ioBoundSeconds,
  qeaCrossover,
} from "./estimate/crossover.js";
export { estimateFaultTolerant, estimateFrontier } from "./estimate/ftqc/index.js";
export { fitDoubling, projectQubits, roadmapSeries, yearReaching } from "./estimate/qubit-trend.js";
export { buildNoisyCircuit, type NoisyCircuit } from "./noise/noisy-circuit.js";
export {
  type Diagnostic,
  detectVersion,
  type ParseOptions,
  parse,
  parse3,
  parseQasm,
  parseQasmWithWarnings,
  type QasmVersion,
  toQasm,
  toQasm3,
} from "./qasm/index.js";
export * from "./qml/index.js";
export { hellingerFidelity, type NoisyRunResult, runOnDevice } from "./run/on-device.js";
export { RUN_DEFAULTS, type RunOptions, type RunOptionsInput, runOptionsSchema } from "./run/options.js";
export { type RunLimits, type RunResult, runQasm } from "./run/run-qasm.js";
export { type ValidationSummary, validateNoise } from "./run/validate-noise.js";
export * from "./sim/channels.js";
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
