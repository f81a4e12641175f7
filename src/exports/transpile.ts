// `qfit/transpile`: compile a circuit to a device's native gates and coupling map. Re-exports only.
export {
  depthOf,
  deviceCircuit,
  type TranspileMetrics,
  type TranspileResult,
  transpile,
} from "../transpile/transpile.js";
