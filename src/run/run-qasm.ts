// The library's run function: runQasm (run-core.ts) with the device runner loaded, for the API, the server's
// workers and library users. The CLI calls run-core.ts itself and loads the device runner only for --device.
import { runOnDevice } from "./on-device.js";
import type { RunOptionsInput } from "./options.js";
import { type RunLimits, type RunResult, runQasmWith } from "./run-core.js";

export {
  type DeviceRunResult,
  type IdealRunResult,
  isDeviceRun,
  type RunLimits,
  type RunResult,
  type RunTiming,
  type RunWarning,
} from "./run-core.js";

export function runQasm(text: string, input: RunOptionsInput, limits: RunLimits = {}): RunResult {
  return runQasmWith(runOnDevice, text, input, limits);
}
