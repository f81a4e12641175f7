// Unstructured search over N = 2^n candidates. Quantum: Grover's algorithm, ⌊π/4·√N⌋ iterations (Grover 1996)
// of an oracle (default Babbush et al. 2021's 100-Toffoli lower bound) plus a diffusion step of n − 2
// Toffolis (temporary logical-ANDs, Gidney 2018). Classical: brute force, N/2 oracle evaluations expected, on
// GPUs at Hoefler et al.'s A100 binary-operation rate, one binary operation per oracle Toffoli.
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import { hoeflerRates, ioBoundSeconds } from "../estimate/crossover.js";
import type { NativeModel } from "../estimate/native.js";
import { citationIds, getGpu, unverifiedNotes } from "../hardware/catalog.js";
import { formatDuration } from "../units/format.js";
import groverJson from "./data/grover.json" with { type: "json" };
import { faultTolerantFields, gpuCountField } from "./fields.js";
import { parseInput } from "./input.js";
import { defineNative } from "./native.js";

const data = z
  .strictObject({
    $comment: z.string(),
    oracle: z.strictObject({
      toffolis: z.number().positive(),
      toffolisSource: z.string(),
      workspaceQubitsPerBit: z.number().nonnegative(),
      workspaceSource: z.string(),
      asOf: z.string(),
      unverified: z.boolean(),
    }),
    diffusion: z.strictObject({ formula: z.string(), source: z.string() }),
    iterations: z.strictObject({ formula: z.string(), source: z.string() }),
    classical: z.strictObject({
      device: z.string(),
      rateSource: z.string(),
      opsPerOracleEvaluation: z.string(),
      expectedEvaluations: z.string(),
      asOf: z.string(),
      unverified: z.boolean(),
    }),
  })
  .parse(groverJson, PARSE_ONCE);

export const groverData = data;

/** ⌊π/4·√(2^n)⌋ Grover iterations for one marked item among 2^n. */
export const groverIterations = (n: number): number => Math.floor((Math.PI / 4) * 2 ** (n / 2));

export const GROVER_DEFAULT_BITS = 40;
/** Above this the Toffoli count passes the estimator's 1e30 limit. */
export const GROVER_MAX_BITS = 160;

export const groverInput = z.strictObject({
  searchBits: z
    .number()
    .int()
    .min(4)
    .max(GROVER_MAX_BITS)
    .default(GROVER_DEFAULT_BITS)
    .describe("bits of the search space: 2^searchBits candidates"),
  oracleToffolis: z
    .number()
    .int()
    .min(1)
    .max(1e15)
    .default(data.oracle.toffolis)
    .describe("Toffolis per oracle call (default 100, Babbush et al.'s lower bound)"),
  gpuCount: gpuCountField("A100 GPUs running the classical brute force"),
  ...faultTolerantFields,
});

export type GroverInput = z.output<typeof groverInput>;

/** The model for an input (missing fields take their defaults; out-of-range fields are a user error). */
export function groverModel(raw: z.input<typeof groverInput> = {}): NativeModel {
  const input = parseInput(groverInput, raw, "grover");
  const n = input.searchBits;
  const oracle = input.oracleToffolis;
  const gpus = input.gpuCount;
  const gpu = getGpu(data.classical.device);
  const perIteration = (bits: number) => oracle + Math.max(bits - 2, 0);
  return {
    kind: "grover",
    id: `grover-${n}`,
    name: `Unstructured search over 2^${n} candidates`,
    sizeLabel: "search bits",
    size: n,
    method: "brute force",
    strategy: { name: "grover-ft", title: "Grover search, fault-tolerant" },
    machine: {
      id: gpu.id,
      name: gpu.name,
      kind: "gpu",
      count: gpus,
      opsPerSecondPerDevice: hoeflerRates.machines.a100.binaryOpsPerS,
      opsUnit: "binary op",
      rateSource: data.classical.rateSource,
      memoryBytesPerDevice: null,
      priceUsdPerDeviceHour: (gpu.priceUsdPerGpuHourLow + gpu.priceUsdPerGpuHourHigh) / 2,
      powerW: gpu.tdpW,
      unverified: unverifiedNotes(gpu, ["tdpW", "priceUsdPerGpuHourLow", "priceUsdPerGpuHourHigh"]),
    },
    classical: (bits) => ({
      ops: 2 ** (bits - 1) * oracle,
      formula: `${data.classical.expectedEvaluations} evaluations × ${oracle} binary ops (${data.classical.opsPerOracleEvaluation})`,
    }),
    quantum: (bits) => {
      const iters = groverIterations(bits);
      return {
        kind: "fault-tolerant",
        counts: {
          numQubits: Math.ceil(bits * (1 + data.oracle.workspaceQubitsPerBit)),
          cczCount: iters * perIteration(bits),
        },
        formula: `${iters.toExponential(3)} iterations (${data.iterations.formula}) × (${oracle} oracle + ${Math.max(bits - 2, 0)} diffusion Toffolis)`,
      };
    },
    assumptions: [
      `oracle: ${oracle} Toffolis per call${oracle === data.oracle.toffolis ? ` (${data.oracle.toffolisSource})` : " (given)"}; ${data.oracle.workspaceSource}`,
      `diffusion: ${data.diffusion.formula}`,
      "iterations run one after another: splitting the search over k quantum machines only gains √k",
      `classical: ${data.classical.rateSource} — a tensor-core peak, optimistic for the classical side; perfect scaling over ${gpus.toLocaleString("en-US")} GPUs`,
    ],
    notes: [
      `the oracle is computed, not read: if the 2^${n} entries were data, loading even one bit each at ${hoeflerRates.machines.futureQc.ioGbitPerS} Gbit/s (Hoefler et al.'s I/O bound) would take ${formatDuration(ioBoundSeconds(2 ** n))}`,
    ],
    unverified: [],
    sources: [
      data.oracle.toffolisSource,
      data.diffusion.source,
      data.iterations.source,
      gpu.source,
      gpu.priceSource,
      "[F1]",
    ],
  };
}

export const grover = defineNative({
  kind: "grover",
  title: "Unstructured search (Grover)",
  description: "unstructured search over 2^searchBits candidates: Grover's algorithm vs brute force on GPUs",
  input: groverInput,
  presets: {},
  headline: {
    field: "searchBits",
    label: "search bits",
    range: [8, GROVER_MAX_BITS],
    integer: true,
    log: true,
  },
  sources: citationIds(data.oracle.toffolisSource, data.diffusion.source, data.iterations.source),
  model: groverModel,
});
