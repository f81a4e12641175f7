// Request bodies of the HTTP API, as zod schemas. The same field names and limits as the CLI flags and the
// scenario file (all three come from the workload registry), so a body that works here works as flags there.
import { z } from "zod";
import { uncertaintySettingsFields } from "../estimate/uncertainty.js";
import { runOptionFields } from "../run/options-schema.js";
import { workloads } from "../workloads/registry.js";
import type { WorkloadDefinition } from "../workloads/workload.js";

/** The reference year of an estimate (default: the current year). */
export const t0Schema = z.number().int().min(2000).max(2100).optional();

/** Monte Carlo samples one API request may ask for (the CLI allows 1,000,000; a shared local server keeps
 *  requests short: a few microseconds a sample on the lean path, after its 20–45 exact grid evaluations). */
export const MAX_API_SAMPLES = 20_000;

/** The uncertainty settings of an estimate request: the CLI's --samples, --seed, --no-uncertainty, --range, with the
 *  same defaults (on, 10,000 samples, the same seed) from the one schema; only the sample budget is the server's
 *  (the server answers estimates in its worker pool, so the bands never stall other requests). */
export const uncertaintyRequestFields = uncertaintySettingsFields(MAX_API_SAMPLES);

/**
 * POST /api/estimate and /api/crossover: `{kind, t0?, ...the workload's input fields}`, discriminated on `kind`,
 * generated from the registry (the same field names as the scenario file and, in kebab case, the CLI).
 */
export function estimateRequestSchemaFor(defs: readonly WorkloadDefinition[]) {
  const members = defs.map((d) =>
    d.input.extend({ kind: z.literal(d.kind), t0: t0Schema, ...uncertaintyRequestFields }),
  );
  return z.discriminatedUnion("kind", members as unknown as [z.ZodObject, ...z.ZodObject[]]);
}

export const estimateRequestSchema = estimateRequestSchemaFor(workloads);

/** Shots a single API request may ask for (the CLI allows 1e9; a shared local server keeps requests short). */
export const MAX_API_SHOTS = 1_000_000;

/** The run options of `qfit run` (run/options.ts: same fields, same defaults), shots capped for the server. */
export const simulateRequestSchema = z.strictObject({
  qasm: z
    .string()
    .min(1)
    .max(1 << 20),
  ...runOptionFields(MAX_API_SHOTS),
});

export type EstimateRequest = { kind: string; t0?: number } & Record<string, unknown>;
export type SimulateRequest = z.infer<typeof simulateRequestSchema>;
