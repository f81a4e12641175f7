// Unstructured search over N = 2^n candidates. Quantum: Grover's algorithm, ⌊π/4·√N⌋ iterations (Grover 1996)
// of an oracle (default Babbush et al. 2021's 100-Toffoli lower bound) plus a diffusion step of n − 2
// Toffolis (temporary logical-ANDs, Gidney 2018). Classical: brute force, N/2 oracle evaluations expected, on
// GPUs at Hoefler et al.'s A100 binary-operation rate, one binary operation per oracle Toffoli.
import { z } from "zod";
import { userError } from "../errors.js";
import { hoeflerRates, ioBoundSeconds } from "../estimate/crossover.js";
import { DEFAULT_GPU_COUNT } from "../estimate/gpu.js";
import type { NativeModel } from "../estimate/native.js";
import { getGpu, unverifiedNotes } from "../hardware/catalog.js";
import { formatDuration } from "../units/format.js";
import groverJson from "./data/grover.json" with { type: "json" };

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
  .parse(groverJson);

export const groverData = data;

/** ⌊π/4·√(2^n)⌋ Grover iterations for one marked item among 2^n. */
export const groverIterations = (n: number): number => Math.floor((Math.PI / 4) * 2 ** (n / 2));

export interface GroverInput {
  bits?: number;
  /** Toffolis per oracle call (default 100, Babbush et al.'s lower bound). */
  oracleToffolis?: number;
  gpus?: number;
}

export const GROVER_DEFAULT_BITS = 40;
/** Above this the Toffoli count passes the estimator's 1e30 limit. */
export const GROVER_MAX_BITS = 160;

export function groverModel(input: GroverInput = {}): NativeModel {
  const n = input.bits ?? GROVER_DEFAULT_BITS;
  if (!Number.isInteger(n) || n < 4 || n > GROVER_MAX_BITS)
    throw userError(
      "Workload.Grover.InvalidBits",
      `--bits must be a whole number in [4, ${GROVER_MAX_BITS}], got ${n}`,
      {
        field: "bits",
        hint: "the search space is 2^bits candidates",
      },
    );
  const oracle = input.oracleToffolis ?? data.oracle.toffolis;
  if (!Number.isInteger(oracle) || oracle < 1 || oracle > 1e15)
    throw userError(
      "Workload.Grover.InvalidOracle",
      `oracle Toffolis must be a whole number in [1, 1e15], got ${oracle}`,
      {
        field: "oracleToffolis",
      },
    );
  const gpus = input.gpus ?? DEFAULT_GPU_COUNT;
  if (!Number.isInteger(gpus) || gpus < 1)
    throw userError("Workload.Grover.InvalidGpus", `gpus must be a whole number ≥ 1, got ${gpus}`, {
      field: "gpus",
    });
  const gpu = getGpu(data.classical.device);
  const perIteration = (bits: number) => oracle + Math.max(bits - 2, 0);
  return {
    kind: "grover",
    id: `grover-${n}`,
    name: `Unstructured search over 2^${n} candidates`,
    sizeLabel: "search bits",
    size: n,
    sizeRange: [8, GROVER_MAX_BITS],
    integerSizes: true,
    machine: {
      id: gpu.id,
      name: gpu.name,
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
      `oracle: ${oracle} Toffolis per call${input.oracleToffolis === undefined ? ` (${data.oracle.toffolisSource})` : " (given)"}; ${data.oracle.workspaceSource}`,
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
