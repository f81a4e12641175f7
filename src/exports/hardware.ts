// `qfit/hardware`: the hardware catalog (GPUs, quantum processors, annealers) with sources and dates.
// Re-exports only.
export * from "../hardware/index.js";
