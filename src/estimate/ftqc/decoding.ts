// The classical co-processor that error correction needs: every syndrome-extraction round of every logical patch
// must be decoded as fast as it is produced, or the backlog grows without bound (the "backlog problem", Terhal,
// Rev. Mod. Phys. 87, 307 (2015)). From an estimate's physical qubits, code distance and cycle time: the syndrome rate, and how many
// decoder devices of a published throughput keep up with it, their power, energy and cost over the run.
//
// Approximations, stated in the output: half the physical qubits of a patch are measured each round (surface code:
// d² − 1 measure qubits next to d² data qubits; for the Floquet codes every round measures pair operators over all
// qubits, about the same count); a round lasts logicalCycleTime / d (both Azure QEC schemes' logical cycle is d
// rounds); decoding time per round scales with the detectors, (d / d_ref)², from the decoder's published reference.
import { z } from "zod";
import { PARSE_ONCE } from "../../data-parse.js";
import decodersJson from "../../hardware/data/decoders.json" with { type: "json" };
import { rangeSchema } from "../../stats/distribution.js";
import type { FtEstimate } from "./types.js";

const decoderSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  device: z.string(),
  referenceCodeDistance: z.number().int().positive(),
  referencePhysicalErrorRate: z.number().positive(),
  secondsPerRoundPerPatch: rangeSchema,
  scaling: z.string(),
  powerWPerDevice: rangeSchema,
  powerBasis: z.string(),
  priceUsdPerDeviceHour: rangeSchema,
  priceUnverified: z.boolean(),
  source: z.string(),
  asOf: z.string(),
  unverified: z.boolean(),
});

export type Decoder = z.infer<typeof decoderSchema>;

export const decoders: Decoder[] = z
  .strictObject({ $comment: z.string(), decoders: z.array(decoderSchema) })
  .parse(decodersJson, PARSE_ONCE).decoders;

export const DEFAULT_DECODER = "sparse-blossom-cpu-core";

export interface ClassicalCoprocessing {
  /** Syndrome bits produced per second across the machine. */
  syndromeBitsPerSecond: number;
  /** One syndrome-extraction round, in seconds. */
  roundSeconds: number;
  /** Logical patches being decoded (algorithm qubits and T factories). */
  patches: number;
  decoder: { id: string; name: string; device: string; source: string };
  /** Decoder devices needed to keep up in real time (never fewer than one). */
  devices: number;
  /** Alias of `devices`, the field name the JSON contract uses. */
  count: number;
  powerW: number;
  /** Over the estimate's runtime. */
  energyJ: number;
  costUsd: number;
  costUnverified: boolean;
  formula: string;
  assumptions: string[];
}

/** What the decoder load depends on, in plain numbers (an estimate's fields). */
export interface DecoderLoadInput {
  physicalQubits: number;
  /** Physical qubits of one logical patch. */
  physicalQubitsPerPatch: number;
  codeDistance: number;
  logicalCycleTimeNs: number;
  runtimeNs: number;
}

/** How a strategy uses its estimate: copies running at once, runs one after another (both default 1). */
export interface CoprocessingOptions {
  decoder?: string;
  /** Copies of the estimated program running side by side (e.g. parallel multipliers): each needs its decoders. */
  parallel?: number;
  /** Times the program runs one after another (e.g. one per shot or per training step): energy and cost add up. */
  runs?: number;
}

/** Sizes the real-time decoder for a fault-tolerant estimate, as the strategy runs it. */
export function classicalCoprocessing(
  est: FtEstimate,
  opts: CoprocessingOptions = {},
): ClassicalCoprocessing {
  const parallel = opts.parallel ?? 1;
  const runs = opts.runs ?? 1;
  const c = decoderLoad(
    {
      physicalQubits: est.physicalCounts.physicalQubits * parallel,
      physicalQubitsPerPatch: est.logicalQubit.physicalQubits,
      codeDistance: est.logicalQubit.codeDistance,
      logicalCycleTimeNs: est.logicalQubit.logicalCycleTime,
      runtimeNs: est.physicalCounts.runtime * runs,
    },
    opts.decoder,
  );
  if (parallel === 1 && runs === 1) return c;
  return {
    ...c,
    assumptions: [
      ...c.assumptions,
      `the estimate is one program: ${parallel.toLocaleString("en-US")} cop${parallel === 1 ? "y runs" : "ies run"} at once (decoders and syndrome rate × ${parallel.toLocaleString("en-US")}) and ${runs.toExponential(3)} runs follow one another (energy and cost over all of them)`,
    ],
  };
}

/** The fields a verdict's strategy carries (verdict/contract.ts): the load, the devices, their power, energy, cost. */
export type ClassicalCoprocessingRecord = Pick<
  ClassicalCoprocessing,
  "syndromeBitsPerSecond" | "decoder" | "devices" | "count" | "powerW" | "energyJ" | "costUsd" | "formula"
>;

/** The record every fault-tolerant strategy (native or LLM) carries, from the one sizing above. */
export function coprocessingRecord(
  est: FtEstimate,
  opts: CoprocessingOptions = {},
): ClassicalCoprocessingRecord {
  const c = classicalCoprocessing(est, opts);
  return {
    syndromeBitsPerSecond: c.syndromeBitsPerSecond,
    decoder: c.decoder,
    devices: c.devices,
    count: c.count,
    powerW: c.powerW,
    energyJ: c.energyJ,
    costUsd: c.costUsd,
    formula: c.formula,
  };
}

export function decoderLoad(input: DecoderLoadInput, decoderId = DEFAULT_DECODER): ClassicalCoprocessing {
  const dec = decoders.find((d) => d.id === decoderId);
  if (dec === undefined) throw new RangeError(`unknown decoder ${decoderId}`);
  const d = input.codeDistance;
  const roundSeconds = (input.logicalCycleTimeNs * 1e-9) / d;
  const physical = input.physicalQubits;
  const patches = physical / input.physicalQubitsPerPatch;
  const syndromeBitsPerSecond = physical / 2 / roundSeconds;
  const perRound = dec.secondsPerRoundPerPatch.central * (d / dec.referenceCodeDistance) ** 2;
  // The 1e-9 guard keeps rounding noise (1000.0000000001) from buying a device nobody needs.
  const devices = Math.max(1, Math.ceil((patches * perRound) / roundSeconds - 1e-9));
  const powerW = devices * dec.powerWPerDevice.central;
  const runtimeSeconds = input.runtimeNs * 1e-9;
  return {
    syndromeBitsPerSecond,
    roundSeconds,
    patches,
    decoder: { id: dec.id, name: dec.name, device: dec.device, source: dec.source },
    devices,
    count: devices,
    powerW,
    energyJ: powerW * runtimeSeconds,
    costUsd: (devices * dec.priceUsdPerDeviceHour.central * runtimeSeconds) / 3600,
    costUnverified: dec.priceUnverified,
    formula: `devices = ⌈patches × t_round,ref × (d/${dec.referenceCodeDistance})² / t_round⌉ = ⌈${patches.toFixed(1)} × ${dec.secondsPerRoundPerPatch.central * 1e6} µs × (${d}/${dec.referenceCodeDistance})² / ${(roundSeconds * 1e6).toPrecision(3)} µs⌉ = ${devices}; syndrome bits/s = physical qubits / 2 / t_round`,
    assumptions: [
      `the decoder's published throughput (${dec.name}, ${dec.source}) was measured at distance ${dec.referenceCodeDistance} and physical error rate ${dec.referencePhysicalErrorRate}; ${dec.scaling}`,
      "half of each patch's physical qubits are measured every round; a round is the logical cycle time divided by the code distance",
      "decoding is parallel across patches (one patch never needs more than the device count computed here); lattice-surgery merges and window overlaps add work not counted",
    ],
  };
}
