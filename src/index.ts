// The package's main entry, `import { … } from "qfit"`: the common API in one place — read a circuit, simulate
// it, run it on a device, the headline estimators, the report builder and the hardware catalog. Everything else
// sits behind a subpath (package.json "exports"): qfit/circuit, qfit/qasm, qfit/sim, qfit/noise, qfit/transpile,
// qfit/estimate, qfit/qml, qfit/hardware, qfit/report, qfit/draw. Re-exports only.

// Circuits and OpenQASM
export { CircuitBuilder } from "./circuit/builder.js";
export type { Circuit, Condition, Operation, Register } from "./circuit/ir.js";
// Drawing
export { drawSvg, drawText, layoutCircuit } from "./draw/index.js";
// Errors
export { isQfitError, QfitError, type QfitErrorDetails, type SourcePosition } from "./errors.js";
// The headline estimators
export { estimateFaultTolerant, estimateFrontier } from "./estimate/ftqc/index.js";
export type { LogicalCounts } from "./estimate/ftqc/types.js";
export {
  estimateLlmTraining,
  type LlmEstimateOptions,
  type LlmTrainingVerdict,
} from "./estimate/llm-training.js";
export {
  estimateNative,
  type NativeModel,
  type NativeOptions,
  type NativeVerdict,
  nativeCrossover,
} from "./estimate/native.js";
// The hardware catalog
export { allDevices, citations, findDevice } from "./hardware/catalog.js";
export type { Device, DeviceKind } from "./hardware/schema.js";
// Running on a device (noise model of a real processor, transpiled first)
export { type DeviceModel, deviceModel, gateModelDevices } from "./noise/device-model.js";
export { hellingerFidelity, type NoisyRunResult, runOnDevice } from "./noise/noisy-run.js";
export {
  type Diagnostic,
  type ParseOptions,
  parseQasm,
  parseQasmWithWarnings,
  toQasm,
} from "./qasm/index.js";
// The report
export { buildReport, type Report } from "./report/build.js";
export { renderHtml } from "./report/html.js";
export { renderMarkdown } from "./report/markdown.js";
export { DEFAULT_SCENARIO, parseScenario, type Scenario } from "./report/scenario.js";
export { renderText } from "./report/text.js";
// Simulation
export { simulateDensity } from "./sim/density.js";
export {
  plan,
  type SimulateOptions,
  type SimulationPlan,
  type SimulationResult,
  simulate,
} from "./sim/index.js";
export { simulateTrajectories } from "./sim/trajectories.js";
export { deviceCircuit, type TranspileResult, transpile } from "./transpile/transpile.js";
// Workload models for estimateNative
export { annealingQuboModel } from "./workloads/annealing-qubo.js";
export { chemistryModel } from "./workloads/chemistry.js";
export { groverModel } from "./workloads/grover.js";
export { hamiltonianSimulationModel } from "./workloads/hamiltonian-simulation.js";
export { qaoaMaxcutModel } from "./workloads/qaoa-maxcut.js";
export { type NativeScenario, nativeScenarios } from "./workloads/scenarios.js";
export { shorModel } from "./workloads/shor.js";
