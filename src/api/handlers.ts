// The HTTP API's answers as pure functions of validated input: the server (Node) and the dashboard (browser)
// call the same code, so a number on the page is the number the CLI prints.

import type { UncertaintySettings } from "../estimate/uncertainty.js";
import { catalog } from "../hardware/catalog.js";
import type { VerdictV2 } from "../verdict/contract.js";
import { curveBands } from "../workloads/curve-bands.js";
import { getWorkload } from "../workloads/registry.js";
import { type CrossoverSeries, crossoverSweep } from "../workloads/sweep.js";
import {
  evaluateWithUncertainty,
  type UncertaintyRequest,
  uncertaintyRequestOf,
} from "../workloads/uncertainty.js";
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
 *  uncertainty and sensitivity. */
export function estimate(body: unknown): VerdictV2 {
  const { def, input, t0, uncertainty } = request(body);
  if (uncertainty.point) return def.evaluate(input as never, { t0 });
  return evaluateWithUncertainty(def, input, { t0 }, uncertainty);
}

/** POST /api/crossover: time vs the workload's headline size on both sides, n* and the year, with the p05–p95 band
 *  along each curve (`qfit crossover KIND --json`'s `physical`); `uncertainty: false` omits the bands. */
export function crossover(body: unknown): CrossoverSeries {
  const { def, input, t0, uncertainty } = request(body);
  const { series, verdicts } = crossoverSweep(def, input, { t0 });
  const bands = curveBands(def, input, { t0 }, series, verdicts, uncertainty);
  return bands ? { ...series, bands } : series;
}
