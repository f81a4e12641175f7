// `qfit/noise`: noise channels, noise models of real devices, noisy runs and their validation. Re-exports only.
export * from "../noise/channels.js";
export { customDeviceModel } from "../noise/custom-device.js";
export { type DeviceModel, deviceModel, gateModelDevices } from "../noise/device-model.js";
export { averageGateFidelity, type NoiseModel, standardNoiseModel } from "../noise/model.js";
export { buildNoisyCircuit, type NoisyCircuit } from "../noise/noisy-circuit.js";
export { hellingerFidelity, type NoisyRunResult, runOnDevice } from "../noise/noisy-run.js";
export { type ValidationSummary, validateNoise } from "../noise/validate.js";
