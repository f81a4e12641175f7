// The options of a run (`qfit run` flags, `POST /api/simulate` fields, the library's runQasm): one schema, one
// set of defaults. Off unless asked: exact probabilities and the statevector (both capped by the simulator's
// output limit, sim/plan.ts MAX_OUTPUT_ENTRIES); 1024 shots; double precision; with a device, its noise on and
// the method chosen automatically. The CLI turns flag text into these fields and the server caps some of them
// further (shots), but neither chooses a default of its own.
import { z } from "zod";
import { userError } from "../errors.js";
import { DEFAULT_SHOTS, MAX_OUTPUT_ENTRIES, MAX_SHOTS } from "../sim/plan.js";

export const RUN_DEFAULTS = {
  shots: DEFAULT_SHOTS,
  probabilities: false,
  statevector: false,
  precision: "double",
  noise: true,
  method: "auto",
} as const;

/** The fields, each with its default; `shots` takes the caller's cap. */
export function runOptionFields(maxShots: number = MAX_SHOTS) {
  return {
    shots: z.number().int().min(1).max(maxShots).default(RUN_DEFAULTS.shots),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    probabilities: z.boolean().default(RUN_DEFAULTS.probabilities),
    statevector: z.boolean().default(RUN_DEFAULTS.statevector),
    top: z.number().int().min(1).max(MAX_OUTPUT_ENTRIES).optional(),
    precision: z.enum(["single", "double"]).default(RUN_DEFAULTS.precision),
    /** A catalog device name (the CLI also accepts a custom device file, resolved before the run). */
    device: z.string().min(1).max(100).optional(),
    noise: z.boolean().default(RUN_DEFAULTS.noise),
    method: z.enum(["auto", "density", "trajectories"]).default(RUN_DEFAULTS.method),
    trajectories: z.number().int().min(1).max(1e7).optional(),
  };
}

export const runOptionsSchema = z.strictObject(runOptionFields());
/** Run options with every default filled in. */
export type RunOptions = z.infer<typeof runOptionsSchema>;
/** What a caller may pass: any field left out takes its default. */
export type RunOptionsInput = z.input<typeof runOptionsSchema>;

/**
 * The options with defaults filled in; a bad field is a user error naming it as the caller knows it
 * (`fieldName`: e.g. "shots" → "--shots" for the CLI).
 */
export function resolveRunOptions(
  input: RunOptionsInput,
  fieldName: (field: string) => string = (f) => f,
): RunOptions {
  const r = runOptionsSchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = fieldName(String(issue.path[0] ?? "options"));
  throw userError("Run.InvalidOption", `${field}: ${issue.message}`, { field });
}
