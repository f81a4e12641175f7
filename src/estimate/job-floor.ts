// Job floors: no job finishes faster than it takes to start one unit of work on its machine — a GPU kernel launch,
// a CPU thread being scheduled, one quantum shot (or one logical cycle of a fault-tolerant machine). Every time a
// verdict compares goes through `applyJobFloor`, so a 2^40 brute force on 16,000 GPUs reads 10 µs, not 688 ns, and
// the floor's effect is a factor of its own (the bottleneck factors still add up to the gap).
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import floorsJson from "./data/job-floors.json" with { type: "json" };

const floorEntry = z.strictObject({
  seconds: z.number().positive(),
  low: z.number().positive(),
  high: z.number().positive(),
  source: z.string().min(3),
  asOf: z.string(),
  unverified: z.boolean(),
  notes: z.string(),
});

const floors = z
  .strictObject({
    $comment: z.string(),
    gpu: floorEntry,
    cpu: floorEntry,
    qpu: z.strictObject({
      rule: z.string(),
      source: z.string().min(3),
      asOf: z.string(),
      unverified: z.boolean(),
      notes: z.string(),
    }),
  })
  .parse(floorsJson, PARSE_ONCE);

export type ClassicalKind = "gpu" | "cpu";

/** A floor for one job: the shortest time it can take, and why. */
export interface JobFloor {
  seconds: number;
  /** What sets it, e.g. "GPU kernel launch". */
  label: string;
  source: string;
  unverified: boolean;
}

export interface Floored {
  seconds: number;
  /** The time before the floor (the work itself). */
  workSeconds: number;
  atFloor: boolean;
  floor: JobFloor;
}

/** The floor of a classical job on a GPU or CPU machine (./data/job-floors.json). */
export function classicalJobFloor(kind: ClassicalKind): JobFloor {
  const f = floors[kind];
  return {
    seconds: f.seconds,
    label: kind === "gpu" ? "GPU kernel launch" : "CPU thread dispatch",
    source: f.source,
    unverified: f.unverified,
  };
}

/** The floor of a quantum job: one shot of it (directly timed) or one logical cycle (fault-tolerant). */
export function quantumJobFloor(seconds: number, label: string): JobFloor {
  return { seconds, label, source: floors.qpu.source, unverified: floors.qpu.unverified };
}

/** The one place a floor applies: max(floor, work). A non-finite work time (never finishes) stays as it is. */
export function applyJobFloor(workSeconds: number, floor: JobFloor): Floored {
  const atFloor = Number.isFinite(workSeconds) && workSeconds < floor.seconds;
  return { seconds: atFloor ? floor.seconds : workSeconds, workSeconds, atFloor, floor };
}
