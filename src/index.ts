// The package's main entry, `import { … } from "qfit"`: the common API in one place — read a circuit, simulate
// it, run it on a device, the estimators (the workload registry, LLM training, the fault-tolerant estimator), the
// report builder and the hardware catalog. Everything else sits behind a subpath (package.json "exports"):
// qfit/circuit, qfit/qasm, qfit/sim, qfit/noise, qfit/transpile, qfit/estimate, qfit/qml, qfit/hardware,
// qfit/report, qfit/draw, qfit/errors. Re-exports only.

// Circuits and OpenQASM
export { CircuitBuilder } from "./circuit/builder.js";
export type { Circuit, Condition, Operation, Register } from "./circuit/ir.js";
// Running on a device (noise model of a real processor, transpiled first)
export { type DeviceModel, deviceModel, gateModelDevices } from "./device/device-model.js";
// Drawing
export { drawSvg, drawText, layoutCircuit } from "./draw/index.js";
// Errors
export { isQfitError, QfitError, type QfitErrorDetails, type SourcePosition } from "./errors.js";
// The estimators: the fault-tolerant estimator and LLM training on their own
export { estimateFaultTolerant, estimateFrontier } from "./estimate/ftqc/index.js";
export type { LogicalCounts } from "./estimate/ftqc/types.js";
export {
  estimateLlmTraining,
  type LlmEstimateOptions,
  type LlmTrainingEstimate,
} from "./estimate/llm-training.js";
export {
  findLlmPreset,
  type LlmTrainingInput,
  type LlmTrainingWorkload,
  llmPresets,
  llmTraining,
} from "./estimate/llm-workload.js";
// The hardware catalog
export { allDevices, citations, findDevice } from "./hardware/catalog.js";
export type { Device, DeviceKind } from "./hardware/schema.js";
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
// The report
export { buildReport, type Report } from "./report/build.js";
export { renderHtml } from "./report/html.js";
export { renderMarkdown } from "./report/markdown.js";
export { DEFAULT_SCENARIO, parseScenario, type Scenario } from "./report/scenario.js";
export { renderText } from "./report/text.js";
export { hellingerFidelity, type NoisyRunResult, runOnDevice } from "./run/on-device.js";
// One run of a circuit, the contract the CLI, the API and the dashboard share
export { RUN_DEFAULTS, type RunOptions, type RunOptionsInput } from "./run/options.js";
export { runOptionsSchema } from "./run/options-schema.js";
export { type RunLimits, type RunResult, runQasm } from "./run/run-qasm.js";
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
// Every workload's verdict (schema 2) from the one registry
export * from "./verdict/contract.js";
export { parseWorkloadInput } from "./workloads/input.js";
export { getWorkload, workloads } from "./workloads/registry.js";
export { type CrossoverSeries, crossoverSweep } from "./workloads/sweep.js";
export type { EvaluationContext, WorkloadDefinition } from "./workloads/workload.js";
