// Sparse QUBO with n variables whose couplings fit the annealer's native graph (no minor embedding). Quantum: a
// D-Wave job — access overhead + programming + reads × (anneal + readout), catalog midpoints. Classical:
// simulated annealing on one CPU core, the same reads × sweeps × n Metropolis updates at Babbush et al.'s 7 ns
// per step. Time only: equal-quality (time-to-target) comparisons are not modelled.
import { z } from "zod";
import { userError } from "../errors.js";
import type { NativeModel } from "../estimate/native.js";
import { getAnnealer, unverifiedNotes } from "../hardware/catalog.js";
import annealJson from "./data/annealing-qubo.json" with { type: "json" };

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

export interface AnnealingInput {
  variables?: number;
  reads?: number;
  annealUs?: number;
  annealer?: string;
  /** CPU cores running independent reads in parallel (default 1). */
  cores?: number;
}

export const ANNEALING_DEFAULT_VARIABLES = 1000;

const mid = (lo: number, hi: number) => (lo + hi) / 2;

export function annealingQuboModel(input: AnnealingInput = {}): NativeModel {
  const a = getAnnealer(input.annealer ?? "dwave-advantage");
  const n = input.variables ?? ANNEALING_DEFAULT_VARIABLES;
  const reads = input.reads ?? data.defaults.reads;
  const anneal = input.annealUs ?? a.annealTimeUsDefault;
  const bad = (field: string, what: string, v: unknown) =>
    userError("Workload.Annealing.InvalidInput", `${field} ${what}, got ${v}`, { field });
  if (!Number.isInteger(n) || n < 2 || n > 1e7)
    throw bad("variables", "must be a whole number in [2, 1e7]", n);
  if (!Number.isInteger(reads) || reads < 1 || reads > 1e7)
    throw bad("reads", "must be a whole number in [1, 1e7]", reads);
  if (!(anneal >= a.annealTimeUsMin && anneal <= a.annealTimeUsMax))
    throw bad(
      "annealUs",
      `must be within ${a.id}'s range [${a.annealTimeUsMin}, ${a.annealTimeUsMax}] µs`,
      anneal,
    );
  const cores = input.cores ?? 1;
  if (!Number.isInteger(cores) || cores < 1) throw bad("cores", "must be a whole number ≥ 1", cores);
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
    sizeRange: [10, 1e6],
    integerSizes: true,
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
      seconds: overheadS + reads * perReadS,
      qubits: vars,
      infeasibleReason: vars > a.qubits ? `needs ${vars} qubits; ${a.id} has ${a.qubits}` : null,
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
