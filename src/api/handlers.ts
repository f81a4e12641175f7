// The HTTP API's answers as pure functions of validated input: the server (Node) and the dashboard (browser)
// call the same code, so a number on the page is the number the CLI prints.

import type { UncertaintySettings } from "../estimate/uncertainty.js";
import { catalog } from "../hardware/catalog.js";
import type { VerdictV2 } from "../verdict/contract.js";
import { curveBands } from "../workloads/curve-bands.js";
import { getWorkload } from "../workloads/registry.js";
import { type CrossoverSeries, evaluateVerdict, evaluateWithUncertainty } from "../workloads/sweep.js";
import { type UncertaintyRequest, uncertaintyRequestOf } from "../workloads/uncertainty.js";
import type { WorkloadDefinition } from "../workloads/workload.js";
import { estimateRequestSchema } from "./schemas.js";
import { validate } from "./validate.js";

export type { CrossoverSeries };

export function devices() {
  return { gpus: catalog.gpus, qpus: catalog.qpus, annealers: catalog.annealers, sources: catalog.sources };
}

export function roadmap() {
  return { milestones: catalog.roadmap };
}

/** A request body → its workload, validated input, reference year and uncertainty settings. */
function request(body: unknown): {
  def: WorkloadDefinition;
  input: Record<string, unknown>;
  t0: number;
  uncertainty: UncertaintyRequest;
} {
  const { kind, t0, samples, seed, uncertainty, ranges, ...input } = validate(
    estimateRequestSchema,
    body,
    "body",
  ) as Record<string, unknown> & {
    kind: string;
    t0?: number;
  } & UncertaintySettings;
  return {
    def: getWorkload(kind),
    input,
    t0: t0 ?? new Date().getFullYear(),
    // The one schema's settings and defaults, the CLI's: bands on unless `uncertainty: false` (schemas.ts).
    uncertainty: uncertaintyRequestOf({ samples, seed, uncertainty, ranges }),
  };
}

/** POST /api/estimate: the same verdict as `qfit estimate <kind> --json` (schemaVersion 2), with its
 *  uncertainty and sensitivity: one function for both, so `uncertainty: false` gives what `--no-uncertainty` gives
 *  (a point uncertainty, p05 = p50 = p95, and the tornado). */
export function estimate(body: unknown): VerdictV2 {
  const { def, input, t0, uncertainty } = request(body);
  return evaluateWithUncertainty(def, input, { t0 }, uncertainty);
}

/** The answer of POST /api/crossover: `qfit crossover KIND --json`'s `physical`, with its `uncertainty` and
 *  `sensitivity` (the verdict's, as on every verdict). */
export type CrossoverAnswer = CrossoverSeries & Required<Pick<VerdictV2, "uncertainty" | "sensitivity">>;

/** POST /api/crossover: time vs the workload's headline size on both sides, n* and the year, with the p05–p95 band
 *  along each curve; the uncertainty and tornado of the verdict (the estimate's function); `uncertainty: false`
 *  omits the curve bands and gives the point uncertainty, as `--no-uncertainty` does. */
export function crossover(body: unknown): CrossoverAnswer {
  const { def, input, t0, uncertainty } = request(body);
  const { verdict, sweep } = evaluateVerdict(def, input, { t0 }, uncertainty);
  const bands = curveBands(def, input, { t0 }, sweep, uncertainty);
  return {
    ...sweep.series,
    ...(bands ? { bands } : {}),
    uncertainty: verdict.uncertainty!,
    sensitivity: verdict.sensitivity!,
  };
}
