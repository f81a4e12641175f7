// MaxCut on a 3-regular graph of n nodes. Quantum: QAOA with p layers on a noisy QPU from the catalog — n qubits,
// 3n/2 ZZ rotations per layer (2 CNOTs each) in 4 edge-colour rounds, shots 1/ε² per energy estimate, repeated
// ×1/ESP for failed shots, over an optimiser's evaluations; infeasible when the graph does not fit or the
// estimated success probability falls below the project's threshold (0.5). Classical: Goemans–Williamson.
import { z } from "zod";
import {
  type CircuitShape,
  deviceTiming,
  repetitionDelay,
  shotCycleSeconds,
  successProbabilityLog10,
} from "../device/timing.js";
import { DEFAULT_GPU } from "../estimate/gpu.js";
import { DEFAULT_QPU } from "../estimate/llm-training.js";
import type { NativeModel, RunLimit } from "../estimate/native.js";

/** Below this estimated success probability noise swamps the cut. */
const DEFAULT_SUCCESS_THRESHOLD = 0.5;

import { PARSE_ONCE } from "../data-parse.js";
import { citationIds, getGpu, getQpu, unverifiedNotes } from "../hardware/catalog.js";
import qaoaJson from "./data/qaoa-maxcut.json" with { type: "json" };
import { horizonField } from "./fields.js";
import { parseInput } from "./input.js";
import { defineNative } from "./native.js";

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
  .parse(qaoaJson, PARSE_ONCE);

export const QAOA_DEFAULT_NODES = 100;

const d = data.qaoa.defaults;

export const qaoaMaxcutInput = z.strictObject({
  nodes: z
    .number()
    .int()
    .min(4)
    .max(1e6)
    .multipleOf(2)
    .default(QAOA_DEFAULT_NODES)
    .describe("nodes of the 3-regular graph (even), one qubit each"),
  layers: z.number().int().min(1).max(1000).default(d.layers).describe("QAOA layers p"),
  qpu: z
    .string()
    .min(1)
    .max(100)
    .default(DEFAULT_QPU)
    .describe("quantum processor (qfit devices --kind qpu)"),
  epsilon: z
    .number()
    .gt(0)
    .lt(1)
    .default(d.precision)
    .describe("precision of each energy estimate: 1/ε² shots"),
  evaluations: z
    .number()
    .int()
    .min(1)
    .max(1e9)
    .default(d.optimizerEvaluations)
    .describe("energy evaluations the classical optimiser asks for"),
  ...horizonField,
});

export type QaoaInput = z.output<typeof qaoaMaxcutInput>;

export function qaoaCircuit(nodes: number, layers: number): CircuitShape {
  const edges = (3 * nodes) / 2;
  return {
    qubits: nodes,
    oneQubitGates: nodes + layers * (nodes + edges),
    twoQubitGates: layers * edges * 2,
    depth: layers * data.qaoa.edgeColours * 2,
  };
}

/** The model for an input (missing fields take their defaults; out-of-range fields are a user error). */
export function qaoaMaxcutModel(raw: z.input<typeof qaoaMaxcutInput> = {}): NativeModel {
  const input = parseInput(qaoaMaxcutInput, raw, "qaoa-maxcut");
  const n = input.nodes;
  const p = input.layers;
  const eps = input.epsilon;
  const evals = input.evaluations;
  const qpu = getQpu(input.qpu);
  const timing = deviceTiming(qpu);
  const gpu = getGpu(DEFAULT_GPU);
  const fp64 = (gpu.fp64TensorTflops ?? gpu.fp64VectorTflops ?? gpu.peakBf16Tflops) * 1e12;
  const gw = data.goemansWilliamson;
  return {
    kind: "qaoa-maxcut",
    id: `maxcut-3reg-${n}`,
    name: `MaxCut on a ${n}-node 3-regular graph`,
    sizeLabel: "nodes",
    size: n,
    method: "Goemans–Williamson SDP",
    strategy: { name: "qaoa-nisq", title: `QAOA p = ${p} on today's device` },
    machine: {
      id: gpu.id,
      name: gpu.name,
      kind: "gpu",
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
      // The one NISQ shot-time model: gates + readout + the device's repetition delay.
      const shot = shotCycleSeconds(c, timing, repetitionDelay(qpu.id).us);
      const layer = timing.twoQubitGateNs * 1e-9;
      const limits: RunLimit[] = [
        { name: "qubits", needed: nodes, available: qpu.qubits, unit: "qubits", basis: qpu.name },
        {
          name: "success-probability",
          needed: DEFAULT_SUCCESS_THRESHOLD,
          available: 10 ** esp,
          unit: "probability",
          basis: `estimated success probability of one shot on ${qpu.id}; below ${DEFAULT_SUCCESS_THRESHOLD} noise swamps the cut`,
        },
      ];
      if (qpu.model === "analog")
        limits.push({
          name: "gate-model",
          needed: 1,
          available: 0,
          unit: "gate model",
          basis: `${qpu.id} is an analog simulator and runs no gate circuits`,
        });
      return {
        kind: "nisq",
        device: qpu.name,
        stepSeconds: layer,
        stepLabel: "two-qubit gate layer",
        shotSeconds: shot,
        algorithmSteps: evals,
        algorithmLabel: "energy evaluations",
        overheads: [
          {
            name: "shots-per-estimate",
            factor: 1 / (eps * eps),
            formula: `1/ε² = 1/${eps}²`,
            explanation: "each energy estimate averages 1/ε² measured shots",
          },
          {
            name: "circuit-duration",
            factor: shot / layer,
            formula: `(${c.depth} two-qubit layers × ${timing.twoQubitGateNs} ns + ${timing.readoutNs} ns readout) / ${timing.twoQubitGateNs} ns`,
            explanation:
              "one shot lasts this many two-qubit gate layers, readout and repetition delay included",
          },
          {
            name: "noise-repetition",
            factor: 10 ** -esp,
            formula: `1 / ESP = 1 / 10^${esp.toFixed(2)}`,
            explanation: "shots repeated until enough succeed without an error",
          },
        ],
        qubits: nodes,
        limits,
        formula: `${evals} evaluations × ${1 / (eps * eps)} shots (1/ε², ε = ${eps}) × (${c.depth} 2q layers × ${timing.twoQubitGateNs} ns + ${timing.readoutNs} ns readout) / ESP 10^${esp.toFixed(2)}`,
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
      ...unverifiedNotes(qpu, ["twoQubitError", "readoutError", "twoQubitGateNs", "readoutNs"]),
    ],
    sources: [data.qaoa.ratioSource, gw.ratioSource, qpu.source, gpu.source],
  };
}

export const qaoaMaxcut = defineNative({
  kind: "qaoa-maxcut",
  title: "QAOA MaxCut",
  description: "MaxCut on a 3-regular graph: QAOA on a noisy QPU vs Goemans–Williamson on a GPU",
  input: qaoaMaxcutInput,
  presets: {},
  headline: { field: "nodes", label: "nodes", range: [4, 2000], integer: true, log: true, step: 2 },
  sources: citationIds(data.qaoa.ratioSource, data.goemansWilliamson.ratioSource),
  model: qaoaMaxcutModel,
});
