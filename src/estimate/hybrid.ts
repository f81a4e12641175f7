// A hybrid pipeline: an iterative loop of stages, each on its own processor (a GPU cluster, CPU cores, a QPU),
// with a link between the quantum and the classical side. Per iteration every stage runs once and the link carries
// its round trips and bytes; stages run one after the other (a variational loop waits for its measurements), so
// the wall time is the sum. Plain numbers in, plain numbers out: presets and devices live in the workload layer.
//
// The Amdahl bound (Amdahl 1967): if the QPU stage cost nothing, the whole would run total / (total − QPU time)
// times faster; no improvement of the QPU alone can beat that.
import { z } from "zod";
import linksJson from "../hardware/data/links.json" with { type: "json" };
import { rangeSchema } from "../stats/distribution.js";

const linkSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  roundTripSeconds: rangeSchema,
  bandwidthBytesPerSecond: rangeSchema,
  basis: z.string(),
  source: z.string(),
  asOf: z.string(),
  unverified: z.boolean(),
});

export type LinkClass = z.infer<typeof linkSchema>;

export const linkClasses: LinkClass[] = z
  .strictObject({ $comment: z.string(), links: z.array(linkSchema) })
  .parse(linksJson).links;

export const LINK_KINDS = linkClasses.map((l) => l.id);

export function linkClass(id: string): LinkClass {
  const l = linkClasses.find((x) => x.id === id);
  if (l === undefined) throw new RangeError(`unknown link class ${id}`);
  return l;
}

export interface HybridStageInput {
  name: string;
  /** The device it runs on, for the output (e.g. "16× h100", "ibm-heron-r2"). */
  device: string;
  quantum: boolean;
  /** Seconds one iteration of this stage takes on its device(s). */
  secondsPerIteration: number;
  /** Power drawn while it runs, W (null: not modelled). */
  powerW: number | null;
  /** Price while it runs, USD per second of this stage (null: no sourced price). */
  usdPerSecond: number | null;
}

export interface HybridInput {
  stages: HybridStageInput[];
  iterations: number;
  link: {
    kind: string;
    roundTripSeconds: number;
    bytesPerSecond: number;
    /** Exchanges between the QPU and the classical side per iteration (each pays one round trip). */
    roundTripsPerIteration: number;
    /** Bytes moved per iteration, both ways together. */
    bytesPerIteration: number;
  };
}

export interface HybridStageResult {
  name: string;
  device: string;
  quantum: boolean;
  seconds: number;
  secondsPerIteration: number;
  share: number;
  energyJ: number | null;
  costUsd: number | null;
}

export interface HybridResult {
  seconds: number;
  secondsPerIteration: number;
  stages: HybridStageResult[];
  link: { kind: string; seconds: number; secondsPerIteration: number; share: number };
  /** How many times faster the whole would be if every QPU stage took no time (≥ 1; Infinity if only QPU time). */
  amdahlBound: number;
  /** The same, if the link were free as well. */
  amdahlBoundWithLink: number;
  formula: string;
}

export function estimateHybrid(input: HybridInput): HybridResult {
  const n = input.iterations;
  const l = input.link;
  const linkPerIteration =
    l.roundTripsPerIteration * l.roundTripSeconds + l.bytesPerIteration / l.bytesPerSecond;
  const stagePerIteration = input.stages.reduce((a, s) => a + s.secondsPerIteration, 0);
  const perIteration = stagePerIteration + linkPerIteration;
  const total = perIteration * n;
  const share = (x: number): number => (perIteration > 0 ? x / perIteration : 0);
  const stages = input.stages.map((s) => {
    const seconds = s.secondsPerIteration * n;
    return {
      name: s.name,
      device: s.device,
      quantum: s.quantum,
      seconds,
      secondsPerIteration: s.secondsPerIteration,
      share: share(s.secondsPerIteration),
      energyJ: s.powerW === null ? null : s.powerW * seconds,
      costUsd: s.usdPerSecond === null ? null : s.usdPerSecond * seconds,
    };
  });
  const qpuPerIteration = input.stages
    .filter((s) => s.quantum)
    .reduce((a, s) => a + s.secondsPerIteration, 0);
  const bound = (removed: number): number =>
    perIteration - removed > 0 ? perIteration / (perIteration - removed) : Number.POSITIVE_INFINITY;
  return {
    seconds: total,
    secondsPerIteration: perIteration,
    stages,
    link: {
      kind: l.kind,
      seconds: linkPerIteration * n,
      secondsPerIteration: linkPerIteration,
      share: share(linkPerIteration),
    },
    amdahlBound: bound(qpuPerIteration),
    amdahlBoundWithLink: bound(qpuPerIteration + linkPerIteration),
    formula: `per iteration = Σ stages + ${l.roundTripsPerIteration} round trips × ${l.roundTripSeconds} s + ${l.bytesPerIteration} B ÷ ${l.bytesPerSecond} B/s; total = ${n} iterations × per iteration; Amdahl bound = total ÷ (total − QPU time)`,
  };
}
