// The default quantum-native scenarios for `qfit report`: one verdict per workload at a headline size, with its
// time-vs-size series (classical and quantum seconds, n*, year), plus the roadmap plot data. Pure functions.
import {
  type CrossoverSeries,
  estimateNative,
  type NativeModel,
  type NativeOptions,
} from "../estimate/native.js";
import type { Verdict } from "../verdict/verdict.js";
import { annealingQuboModel } from "./annealing-qubo.js";
import { chemistryModel } from "./chemistry.js";
import { groverModel } from "./grover.js";
import { hamiltonianSimulationModel } from "./hamiltonian-simulation.js";
import { qaoaMaxcutModel } from "./qaoa-maxcut.js";
import { shorModel } from "./shor.js";

export { type RoadmapSeries, roadmapSeries } from "../estimate/qubit-trend.js";

export interface NativeScenario {
  verdict: Verdict;
  /**
   * Time vs problem size. `quantumSeconds` is Infinity (null in JSON) where no fault-tolerant layout exists;
   * `physicalQubits` and `classicalMemoryFits` say what each point needs.
   */
  crossover: CrossoverSeries;
}

/** The headline instances: RSA-2048, a 40-bit search, FeMoco, a 50-site chain, MaxCut on 100 nodes, a 1,000-variable QUBO. */
export function defaultNativeModels(): NativeModel[] {
  return [
    shorModel({ bits: 2048 }),
    groverModel({ bits: 40 }),
    chemistryModel({ preset: "femoco-reiher" }),
    hamiltonianSimulationModel({ sites: 50 }),
    qaoaMaxcutModel({ nodes: 100 }),
    annealingQuboModel({ variables: 1000 }),
  ];
}

/** Verdict and crossover series for each default scenario; `options.t0` pins the reference year (default: now). */
export function nativeScenarios(options: NativeOptions = {}): NativeScenario[] {
  return defaultNativeModels().map((m) => {
    const verdict = estimateNative(m, options);
    return { verdict, crossover: verdict.crossoverSeries };
  });
}
