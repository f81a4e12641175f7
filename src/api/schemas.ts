// Request bodies of the HTTP API, as zod schemas. The same field names and limits as the CLI flags and the
// scenario file (report/scenario.ts), so a body that works here works as flags there.
import { z } from "zod";
import { runOptionFields } from "../run/options.js";

const positive = z.number().positive().finite();

export const estimateRequestSchema = z.strictObject({
  workload: z.literal("llm-training"),
  preset: z.string().min(1).max(100).optional(),
  params: positive.max(1e16).optional(),
  tokens: positive.max(1e18).optional(),
  attention: z.boolean().optional(),
  gpu: z.string().min(1).max(100).optional(),
  gpus: z.number().int().min(1).max(1e8).optional(),
  mfu: z.number().gt(0).max(1).optional(),
  pue: z.number().min(1).lt(10).optional(),
  precision: z.enum(["bf16", "fp8"]).optional(),
  qpu: z.string().min(1).max(100).optional(),
  epsilon: z.number().gt(0).lt(1).optional(),
  encoding: z.enum(["amplitude", "basis"]).optional(),
});

/** The reference year of a quantum-native estimate (default: the current year). */
export const t0Schema = z.number().int().min(2000).max(2100).optional();

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

export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
export type SimulateRequest = z.infer<typeof simulateRequestSchema>;
