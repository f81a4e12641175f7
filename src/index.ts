// The public API: `import { parseQasm, simulate, ... } from "qfit"`. Re-exports only.

export { CircuitBuilder } from "./circuit/builder.js";
export { GATES, type GateSpec, gateMatrix, gateSpec } from "./circuit/gates.js";
export type { Circuit, Condition, Operation, Register } from "./circuit/ir.js";
export { inverseCircuit, randomCircuit } from "./circuit/random.js";
export * from "./errors.js";
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
