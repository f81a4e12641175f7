// Public API of the fault-tolerant resource estimator (Azure Quantum Resource Estimator compatible).
export { estimateFaultTolerant, estimateFrontier, formatCount, formatDurationNs } from "./estimate.js";
export { parseFormula } from "./formula.js";
export { DEFAULT_ERROR_BUDGET, psspcLayout, resolveErrorBudget, validateCounts } from "./layout.js";
export { QEC_SCHEME_NAMES, resolveQecScheme } from "./qec.js";
export {
  PRESETS_AS_OF,
  PRESETS_SOURCE,
  parseTimeNs,
  QUBIT_PRESET_NAMES,
  qubitPreset,
  resolveQubit,
} from "./qubit.js";
export { binomialQuantile, buildFactory, DISTILLATION_UNITS, FactorySearch } from "./tfactory.js";
export type * from "./types.js";
