// A hybrid pipeline: an iterative loop of stages, each on its own processor (a GPU cluster, CPU cores, a QPU),
// with a link between the quantum and the classical side. Per iteration every stage runs once and the link carries
// its round trips and bytes. Two schedules:
//   sequential (a variational loop waits for its measurements): wall time per iteration = Σ stages + link;
//   overlapped (a pipelined loop, e.g. closed-loop SQD: the QPU samples the next batch while the classical machine
//     diagonalizes the last): wall time per iteration = max(QPU stages, classical stages) + link.
// Plain numbers in, plain numbers out: presets and devices live in the workload layer.
//
// Shares are each stage's (and the link's) part of the busy time Σ stages + link, so they sum to 1 under either
// schedule; sequentially that busy time is the wall time.
//
// The Amdahl bound (Amdahl 1967): if the QPU stage cost nothing, the whole would run wall / wall(QPU = 0) times
// faster — total / (total − QPU time) sequentially; no improvement of the QPU alone can beat that.
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
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
  .parse(linksJson, PARSE_ONCE).links;

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

export type HybridSchedule = "sequential" | "overlapped";
export const HYBRID_SCHEDULES: [HybridSchedule, HybridSchedule] = ["sequential", "overlapped"];

export interface HybridInput {
  stages: HybridStageInput[];
  iterations: number;
  /** How the QPU and classical stages share an iteration (default sequential). */
  schedule?: HybridSchedule;
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
  schedule: HybridSchedule;
  /** Wall time of the whole run. */
  seconds: number;
  secondsPerIteration: number;
  /** Σ stages + link per iteration: the busy time the shares divide (= the wall time when sequential). */
  busySecondsPerIteration: number;
  /** The stages' wall time per iteration without the link: Σ stages sequentially, max(QPU, classical) overlapped. */
  stagesWallSecondsPerIteration: number;
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
  const schedule = input.schedule ?? "sequential";
  const linkPerIteration =
    l.roundTripsPerIteration * l.roundTripSeconds + l.bytesPerIteration / l.bytesPerSecond;
  const sum = (quantum: boolean): number =>
    input.stages.filter((s) => s.quantum === quantum).reduce((a, s) => a + s.secondsPerIteration, 0);
  const qpuPerIteration = sum(true);
  const classicalPerIteration = sum(false);
  const busy = qpuPerIteration + classicalPerIteration + linkPerIteration;
  // Wall time per iteration for given QPU and link times: the one place the schedule enters.
  const wall = (q: number, link: number): number =>
    (schedule === "overlapped" ? Math.max(q, classicalPerIteration) : q + classicalPerIteration) + link;
  const perIteration = wall(qpuPerIteration, linkPerIteration);
  const total = perIteration * n;
  const share = (x: number): number => (busy > 0 ? x / busy : 0);
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
  const bound = (without: number): number =>
    without > 0 ? perIteration / without : perIteration > 0 ? Number.POSITIVE_INFINITY : 1;
  const combine = schedule === "overlapped" ? "max(QPU stages, classical stages)" : "Σ stages";
  return {
    schedule,
    seconds: total,
    secondsPerIteration: perIteration,
    busySecondsPerIteration: busy,
    stagesWallSecondsPerIteration: wall(qpuPerIteration, 0),
    stages,
    link: {
      kind: l.kind,
      seconds: linkPerIteration * n,
      secondsPerIteration: linkPerIteration,
      share: share(linkPerIteration),
    },
    amdahlBound: bound(wall(0, linkPerIteration)),
    amdahlBoundWithLink: bound(wall(0, 0)),
    formula: `per iteration (${schedule}) = ${combine} + ${l.roundTripsPerIteration} round trips × ${l.roundTripSeconds} s + ${l.bytesPerIteration} B ÷ ${l.bytesPerSecond} B/s; total = ${n} iterations × per iteration; Amdahl bound = wall time ÷ wall time with the QPU stages free`,
  };
}
