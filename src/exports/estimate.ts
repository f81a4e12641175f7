// `qfit/estimate`: every estimator — the workload registry and its models, LLM training, the fault-tolerant
// (Azure QRE-compatible) estimator, crossover models (MIT QEA, Babbush, Hoefler) and qubit-count trends.
// Re-exports only.
export {
  babbushBreakEven,
  HOEFLER_MAX_SECONDS,
  hoeflerMaxOpsPerCall,
  ioBoundSeconds,
  qeaCrossover,
  qeaPresets,
} from "../estimate/crossover.js";
export * from "../estimate/ftqc/index.js";
export * from "../estimate/llm-training.js";
export {
  findLlmPreset,
  type LlmTrainingInput,
  type LlmTrainingWorkload,
  llmPresets,
  llmTraining,
} from "../estimate/llm-workload.js";
export * from "../estimate/native.js";
export {
  type DoublingFit,
  fitDoubling,
  type Growth,
  projectQubits,
  qubitHistory,
  type RoadmapSeries,
  roadmapSeries,
  yearReaching,
} from "../estimate/qubit-trend.js";
export * from "../verdict/contract.js";
export { annealingQuboModel } from "../workloads/annealing-qubo.js";
export { chemistryModel } from "../workloads/chemistry.js";
export { describeFields, type FieldSpec, type FormSpec, formSpec } from "../workloads/describe.js";
export { groverModel } from "../workloads/grover.js";
export { hamiltonianSimulationModel } from "../workloads/hamiltonian-simulation.js";
export { parseWorkloadInput } from "../workloads/input.js";
export { qaoaMaxcutModel } from "../workloads/qaoa-maxcut.js";
export { getWorkload, workloads } from "../workloads/registry.js";
export { shorModel } from "../workloads/shor.js";
export { type CrossoverSeries, crossoverSweep } from "../workloads/sweep.js";
export type { EvaluationContext, WorkloadDefinition } from "../workloads/workload.js";
