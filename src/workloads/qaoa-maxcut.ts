// MaxCut on a 3-regular graph of n nodes. Quantum: QAOA with p layers on a noisy QPU from the catalog — n qubits,
// 3n/2 ZZ rotations per layer (2 CNOTs each) in 4 edge-colour rounds, shots 1/ε² per energy estimate, repeated
// ×1/ESP for failed shots, over an optimiser's evaluations; infeasible when the graph does not fit or the
// estimated success probability falls below the project's threshold (0.5). Classical: Goemans–Williamson.
import { z } from "zod";
import { userError } from "../errors.js";
import { DEFAULT_GPU } from "../estimate/gpu.js";
import { DEFAULT_QPU } from "../estimate/llm-training.js";
import type { NativeModel } from "../estimate/native.js";
import {
  type CircuitShape,
  deviceTiming,
  repetitionDelay,
  shotCycleSeconds,
  successProbabilityLog10,
} from "../estimate/nisq.js";

/** Below this estimated success probability noise swamps the cut. */
const DEFAULT_SUCCESS_THRESHOLD = 0.5;

import { getGpu, getQpu, unverifiedNotes } from "../hardware/catalog.js";
import qaoaJson from "./data/qaoa-maxcut.json" with { type: "json" };

const data = z
  .strictObject({
    $comment: z.string(),
    qaoa: z.strictObject({
      approximationRatioP1: z.number(),
      ratioSource: z.string(),
      edgeColours: z.number().int().positive(),
      coloursNote: z.string(),
      defaults: z.strictObject({
        layers: z.number().int().positive(),
        precision: z.number().positive(),
        optimizerEvaluations: z.number().int().positive(),
      }),
      defaultsSource: z.string(),
    }),
    goemansWilliamson: z.strictObject({
      approximationRatio: z.number(),
      ratioSource: z.string(),
      flopsModel: z.string(),
      source: z.string(),
    }),
  })
  .parse(qaoaJson);

export interface QaoaInput {
  nodes?: number;
  layers?: number;
  qpu?: string;
  precision?: number;
  evaluations?: number;
}

export const QAOA_DEFAULT_NODES = 100;

export function qaoaCircuit(nodes: number, layers: number): CircuitShape {
  const edges = (3 * nodes) / 2;
  return {
    qubits: nodes,
    oneQubitGates: nodes + layers * (nodes + edges),
    twoQubitGates: layers * edges * 2,
    depth: layers * data.qaoa.edgeColours * 2,
  };
}

export function qaoaMaxcutModel(input: QaoaInput = {}): NativeModel {
  const d = data.qaoa.defaults;
  const n = input.nodes ?? QAOA_DEFAULT_NODES;
  const p = input.layers ?? d.layers;
  const eps = input.precision ?? d.precision;
  const evals = input.evaluations ?? d.optimizerEvaluations;
  const bad = (field: string, what: string, v: unknown) =>
    userError("Workload.Qaoa.InvalidInput", `${field} ${what}, got ${v}`, { field });
  if (!Number.isInteger(n) || n < 4 || n > 1e6 || n % 2 !== 0)
    throw bad(
      "nodes",
      "must be an even whole number in [4, 1e6] (a 3-regular graph has an even number of nodes)",
      n,
    );
  if (!Number.isInteger(p) || p < 1 || p > 1000)
    throw bad("layers", "must be a whole number in [1, 1000]", p);
  if (!(eps > 0 && eps < 1)) throw bad("precision", "must be in (0, 1)", eps);
  if (!Number.isInteger(evals) || evals < 1 || evals > 1e9)
    throw bad("evaluations", "must be a whole number in [1, 1e9]", evals);
  const qpu = getQpu(input.qpu ?? DEFAULT_QPU);
  const timing = deviceTiming(qpu);
  // The one NISQ shot-time model: gates + readout + the device's repetition delay.
  const delay = repetitionDelay(qpu.id);
  const gpu = getGpu(DEFAULT_GPU);
  const fp64 = (gpu.fp64TensorTflops ?? gpu.fp64VectorTflops ?? gpu.peakBf16Tflops) * 1e12;
  const gw = data.goemansWilliamson;
  return {
    kind: "qaoa-maxcut",
    id: `maxcut-3reg-${n}`,
    name: `MaxCut on a ${n}-node 3-regular graph`,
    sizeLabel: "nodes",
    size: n,
    sizeRange: [4, 2000],
    integerSizes: true,
    machine: {
      id: gpu.id,
      name: gpu.name,
      count: 1,
      opsPerSecondPerDevice: fp64,
      opsUnit: "FP64 FLOP",
      rateSource: `${gpu.source} (FP64 peak)`,
      memoryBytesPerDevice: null,
      priceUsdPerDeviceHour: (gpu.priceUsdPerGpuHourLow + gpu.priceUsdPerGpuHourHigh) / 2,
      powerW: gpu.tdpW,
      unverified: unverifiedNotes(gpu, ["fp64TensorTflops", "tdpW"]),
    },
    classical: (nodes) => ({
      ops: nodes ** 3.5 * Math.log(1e6),
      formula: `Goemans–Williamson: ${gw.flopsModel}`,
    }),
    quantum: (nodes) => {
      const c = qaoaCircuit(nodes, p);
      const esp = successProbabilityLog10(c, timing);
      const shots = evals / (eps * eps);
      const reasons: string[] = [];
      if (qpu.model === "analog") reasons.push(`${qpu.id} is an analog simulator and runs no gate circuits`);
      if (nodes > qpu.qubits) reasons.push(`needs ${nodes} qubits; ${qpu.id} has ${qpu.qubits}`);
      if (esp < Math.log10(DEFAULT_SUCCESS_THRESHOLD))
        reasons.push(
          `estimated success probability 10^${esp.toFixed(2)} is below ${DEFAULT_SUCCESS_THRESHOLD}: noise swamps the cut`,
        );
      return {
        kind: "nisq",
        device: qpu.name,
        seconds: (shots * shotCycleSeconds(c, timing, delay.us)) / 10 ** esp,
        qubits: nodes,
        infeasibleReason: reasons.length > 0 ? reasons.join("; ") : null,
        formula: `${evals} evaluations × ${shots / evals} shots (1/ε², ε = ${eps}) × (${c.depth} 2q layers × ${timing.twoQubitGateNs} ns + ${timing.readoutNs} ns readout + ${delay.us} µs repetition delay) / ESP 10^${esp.toFixed(2)}`,
      };
    },
    assumptions: [
      `QAOA: p = ${p}; ${data.qaoa.coloursNote}; no SWAP routing for the device's coupling map (optimistic for the quantum side); ${data.qaoa.defaultsSource}`,
      `classical: one ${gpu.id} at FP64 peak; ${gw.source} — a FLOP-count lower bound, solver and launch overheads are not modelled`,
      "time only: queueing, compilation and classical optimiser overhead between evaluations are not counted",
    ],
    notes: [
      `quality: QAOA p = 1 guarantees ${data.qaoa.approximationRatioP1} of the optimum cut on 3-regular graphs ${data.qaoa.ratioSource}; Goemans–Williamson guarantees ${gw.approximationRatio} ${gw.ratioSource}`,
    ],
    unverified: [
      ...timing.filledFrom,
      delay.note,
      ...unverifiedNotes(qpu, ["twoQubitError", "readoutError", "twoQubitGateNs", "readoutNs"]),
    ],
    sources: [data.qaoa.ratioSource, gw.ratioSource, qpu.source, gpu.source],
  };
}
