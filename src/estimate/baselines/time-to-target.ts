// Time-to-target (time-to-solution at a stated target quality), the metric annealer benchmarks use: the
// repetitions a heuristic needs to hit the target once with confidence p (Rønnow et al. 2014), and what the
// literature says about annealers against the strongest classical heuristic at equal quality. Pure; the
// benchmark findings live in ./data/annealing-benchmarks.json.
import { z } from "zod";
import { PARSE_ONCE } from "../../data-parse.js";
import benchJson from "./data/annealing-benchmarks.json" with { type: "json" };

const record = z.strictObject({
  id: z.string(),
  device: z.string(),
  instances: z.string(),
  strongestClassical: z.string(),
  finding: z.string(),
  scalingAdvantageOverStrongestClassical: z.boolean(),
  constantFactorLog10: z.number().nullable(),
  constantFactorAgainst: z.string().nullable(),
  disputedBy: z.string().nullable(),
  source: z.string(),
  unverified: z.boolean(),
});
export type AnnealingBenchmark = z.infer<typeof record>;

export const annealingBenchmarks = z
  .strictObject({
    $comment: z.string(),
    asOf: z.string(),
    tts: z.strictObject({
      definition: z.string(),
      targetConfidenceDefault: z.number().gt(0).lt(1),
      source: z.string(),
      unverified: z.boolean(),
    }),
    records: z.array(record).min(1),
  })
  .parse(benchJson, PARSE_ONCE);

/** Runs needed to reach the target at least once with probability `confidence`: ⌈ln(1−p)/ln(1−s)⌉ (≥ 1). */
export function repetitionsToTarget(successProbability: number, confidence: number): number {
  if (!(successProbability > 0 && successProbability <= 1))
    throw new RangeError("success probability in (0, 1]");
  if (!(confidence > 0 && confidence < 1)) throw new RangeError("confidence in (0, 1)");
  if (successProbability >= confidence) return 1;
  return Math.max(1, Math.ceil(Math.log(1 - confidence) / Math.log(1 - successProbability)));
}

/** TTS = run time × repetitions to target (Rønnow et al. 2014). */
export function timeToTarget(runSeconds: number, successProbability: number, confidence: number): number {
  return runSeconds * repetitionsToTarget(successProbability, confidence);
}

export interface LiteratureVerdict {
  /** An undisputed report of better scaling than the strongest classical heuristic tested. */
  demonstrated: boolean;
  /** The reports of a scaling advantage and, for each, who disputes it. */
  claims: Array<{ id: string; disputedBy: string | null }>;
  summary: string;
}

/** Does any benchmark show an undisputed scaling advantage over the strongest classical heuristic? */
export function literatureVerdict(records: AnnealingBenchmark[]): LiteratureVerdict {
  const claims = records
    .filter((r) => r.scalingAdvantageOverStrongestClassical)
    .map((r) => ({ id: r.id, disputedBy: r.disputedBy }));
  const demonstrated = claims.some((c) => c.disputedBy === null);
  const summary = demonstrated
    ? `a scaling advantage over the strongest classical heuristic is reported and undisputed (${claims
        .filter((c) => c.disputedBy === null)
        .map((c) => c.id)
        .join(", ")})`
    : `no demonstrated advantage over the strongest classical heuristic at equal solution quality (${records.length} benchmarks${
        claims.length > 0
          ? `; claimed in ${claims.map((c) => `${c.id}, disputed by ${c.disputedBy}`).join("; ")}`
          : ""
      })`;
  return { demonstrated, claims, summary };
}
