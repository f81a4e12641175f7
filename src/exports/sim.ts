// `qfit/sim`: the simulators (statevector with its planner and kernels, density matrix, trajectories).
// Re-exports only.
export { simulateDensity } from "../sim/density.js";
export * from "../sim/index.js";
export { simulateTrajectories } from "../sim/trajectories.js";
