// `qfit/noise`: noise channels, noise models of real devices, noisy runs and their validation. Re-exports only.

export * from "../circuit/channels.js";
export { customDeviceModel } from "../device/custom-device.js";
export { type DeviceModel, deviceModel, gateModelDevices } from "../device/device-model.js";
export { averageGateFidelity, type NoiseModel, standardNoiseModel } from "../device/noise-model.js";
export { buildNoisyCircuit, type NoisyCircuit } from "../noise/noisy-circuit.js";
export { hellingerFidelity, type NoisyRunResult, runOnDevice } from "../run/on-device.js";
export { type ValidationSummary, validateNoise } from "../run/validate-noise.js";
