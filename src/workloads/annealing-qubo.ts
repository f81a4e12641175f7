// Sparse QUBO with n variables whose couplings fit the annealer's native graph (no minor embedding). Quantum: a
// D-Wave job — access overhead + programming + reads × (anneal + readout), catalog midpoints. Classical:
// simulated annealing on one CPU core, the same reads × sweeps × n Metropolis updates at Babbush et al.'s 7 ns
// per step. Time only: equal-quality (time-to-target) comparisons are not modelled.
import { z } from "zod";
import { userError } from "../errors.js";
import type { NativeModel } from "../estimate/native.js";
import { citationIds, getAnnealer, unverifiedNotes } from "../hardware/catalog.js";
import annealJson from "./data/annealing-qubo.json" with { type: "json" };
import { horizonField } from "./fields.js";
import { parseInput } from "./input.js";
import { defineNative } from "./native.js";

const data = z
  .strictObject({
    $comment: z.string(),
    defaults: z.strictObject({
      reads: z.number().int().positive(),
      sweepsPerRead: z.number().int().positive(),
    }),
    defaultsSource: z.string(),
    classical: z.strictObject({
      secondsPerUpdate: z.number().positive(),
      source: z.string(),
      unverified: z.boolean(),
    }),
  })
  .parse(annealJson);

export const ANNEALING_DEFAULT_VARIABLES = 1000;

const mid = (lo: number, hi: number) => (lo + hi) / 2;

export const annealingQuboInput = z.strictObject({
  variables: z
    .number()
    .int()
    .min(2)
    .max(1e7)
    .default(ANNEALING_DEFAULT_VARIABLES)
    .describe("QUBO variables, one qubit each (couplings within the annealer's native graph)"),
  reads: z
    .number()
    .int()
    .min(1)
    .max(1e7)
    .default(data.defaults.reads)
    .describe("anneals (samples) per problem"),
  annealUs: z
    .number()
    .gt(0)
    .max(1e6)
    .optional()
    .describe("anneal time in µs, within the device's range (default: the device's default)"),
  annealer: z
    .string()
    .min(1)
    .max(100)
    .default("dwave-advantage")
    .describe("annealer (qfit devices --kind annealer)"),
  cpuCores: z
    .number()
    .int()
    .min(1)
    .max(1e8)
    .default(1)
    .describe("CPU cores running simulated annealing's independent reads in parallel"),
  ...horizonField,
});

export type AnnealingInput = z.output<typeof annealingQuboInput>;

/** The model for an input (missing fields take their defaults; out-of-range fields are a user error). */
export function annealingQuboModel(raw: z.input<typeof annealingQuboInput> = {}): NativeModel {
  const input = parseInput(annealingQuboInput, raw, "annealing-qubo");
  const a = getAnnealer(input.annealer);
  const n = input.variables;
  const reads = input.reads;
  const anneal = input.annealUs ?? a.annealTimeUsDefault;
  if (!(anneal >= a.annealTimeUsMin && anneal <= a.annealTimeUsMax))
    throw userError(
      "Workload.Annealing.InvalidInput",
      `annealUs must be within ${a.id}'s range [${a.annealTimeUsMin}, ${a.annealTimeUsMax}] µs, got ${anneal}`,
      { field: "annealUs" },
    );
  const cores = input.cpuCores;
  const overheadS =
    (mid(a.jobOverheadMsLow, a.jobOverheadMsHigh) + mid(a.programmingMsLow, a.programmingMsHigh)) * 1e-3;
  const perReadS = (anneal + mid(a.readoutUsPerSampleLow, a.readoutUsPerSampleHigh)) * 1e-6;
  const sweeps = data.defaults.sweepsPerRead;
  return {
    kind: "annealing-qubo",
    id: `qubo-${n}`,
    name: `Sparse QUBO with ${n} variables`,
    sizeLabel: "variables",
    size: n,
    method: "simulated annealing",
    strategy: { name: "annealer", title: `Quantum annealing on ${a.name}` },
    machine: {
      id: "cpu-core",
      name: "CPU core (simulated annealing)",
      count: cores,
      opsPerSecondPerDevice: 1 / data.classical.secondsPerUpdate,
      opsUnit: "Metropolis update",
      rateSource: data.classical.source,
      memoryBytesPerDevice: null,
      priceUsdPerDeviceHour: null,
      powerW: null,
      unverified: data.classical.unverified ? [`classical update time: ${data.classical.source}`] : [],
    },
    classical: (vars) => ({
      ops: reads * sweeps * vars,
      formula: `simulated annealing: ${reads} reads × ${sweeps} sweeps × ${vars} updates`,
    }),
    quantum: (vars) => ({
      kind: "annealer",
      device: a.name,
      stepSeconds: perReadS,
      stepLabel: "anneal and read",
      algorithmSteps: reads,
      algorithmLabel: "anneals",
      overheads: [
        {
          name: "access-overhead",
          factor: (overheadS + reads * perReadS) / (reads * perReadS),
          formula: `(${(overheadS * 1e3).toFixed(1)} ms job overhead + programming + ${reads} reads) / ${reads} reads`,
          explanation: "the job's fixed access and programming time, spread over its reads",
        },
      ],
      qubits: vars,
      limits: [{ name: "qubits", needed: vars, available: a.qubits, unit: "qubits", basis: a.name }],
      formula: `${(overheadS * 1e3).toFixed(1)} ms job overhead + programming, + ${reads} reads × (${anneal} µs anneal + readout)`,
    }),
    assumptions: [
      `the QUBO's couplings fit ${a.topology} natively (≤ ${a.couplersPerQubit} per variable), so one qubit per variable; dense problems need minor embedding and far more qubits`,
      data.defaultsSource,
      "time only, not time-to-target at equal solution quality",
    ],
    notes: [
      "this compares wall-clock time for the same number of samples, not solution quality: a fair verdict needs time-to-target at equal quality, which this model does not have",
    ],
    unverified: unverifiedNotes(a, [
      "programmingMsLow",
      "programmingMsHigh",
      "readoutUsPerSampleLow",
      "readoutUsPerSampleHigh",
    ]),
    sources: [a.source, data.classical.source],
  };
}

export const annealingQubo = defineNative({
  kind: "annealing-qubo",
  title: "Annealing QUBO",
  description: "sparse QUBO: a D-Wave annealer vs simulated annealing on CPU cores (time only)",
  input: annealingQuboInput,
  presets: {},
  headline: { field: "variables", label: "variables", range: [10, 1e6], integer: true, log: true },
  sources: citationIds(data.classical.source),
  model: annealingQuboModel,
});
