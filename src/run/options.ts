// The options of a run (`qfit run` flags, `POST /api/simulate` fields, the library's runQasm): one table of
// fields, one set of defaults. Off unless asked: exact probabilities and the statevector (both capped by the
// simulator's output limit, sim/plan.ts MAX_OUTPUT_ENTRIES); 1024 shots; double precision; with a device, its noise
// on and the method chosen automatically. The CLI turns flag text into these fields and the server caps some of
// them further (shots), but neither chooses a default of its own.
//
// The table is checked here by a few lines of plain code, not zod: `qfit run bell.qasm` must not pay zod's load
// time (issue 14 §4). The API's zod schema is built from the same table (options-schema.ts), and a property test
// holds the two to the same answers (test/run-options.test.ts).
import { userError } from "../errors.js";
import { DEFAULT_SHOTS, MAX_OUTPUT_ENTRIES, MAX_SHOTS } from "../sim/plan.js";

export type RunOptionField =
  | { kind: "integer"; min: number; max: number; default?: number }
  | { kind: "boolean"; default: boolean }
  | { kind: "enum"; values: readonly [string, ...string[]]; default: string }
  | { kind: "string"; minLength: number; maxLength: number };

export const RUN_DEFAULTS = {
  shots: DEFAULT_SHOTS,
  probabilities: false,
  statevector: false,
  precision: "double",
  noise: true,
  method: "auto",
} as const;

export const PRECISIONS = ["single", "double"] as const;
export const NOISY_METHODS = ["auto", "density", "trajectories"] as const;

/** The fields, each with its range and default; `shots` takes the caller's cap. */
export function runOptionTable(maxShots: number = MAX_SHOTS) {
  return {
    shots: { kind: "integer", min: 1, max: maxShots, default: RUN_DEFAULTS.shots },
    seed: { kind: "integer", min: 0, max: 2 ** 32 - 1 },
    probabilities: { kind: "boolean", default: RUN_DEFAULTS.probabilities },
    statevector: { kind: "boolean", default: RUN_DEFAULTS.statevector },
    top: { kind: "integer", min: 1, max: MAX_OUTPUT_ENTRIES },
    precision: { kind: "enum", values: PRECISIONS, default: RUN_DEFAULTS.precision },
    /** A catalog device name (the CLI also accepts a custom device file, resolved before the run). */
    device: { kind: "string", minLength: 1, maxLength: 100 },
    noise: { kind: "boolean", default: RUN_DEFAULTS.noise },
    method: { kind: "enum", values: NOISY_METHODS, default: RUN_DEFAULTS.method },
    trajectories: { kind: "integer", min: 1, max: 1e7 },
  } as const satisfies Record<string, RunOptionField>;
}

const TABLE: Record<string, RunOptionField> = runOptionTable();

/** The field names, for callers that rename a field at fault (`top` → `--top`). */
export const RUN_OPTION_NAMES: readonly string[] = Object.keys(TABLE);

/** Run options with every default filled in. */
export interface RunOptions {
  shots: number;
  seed?: number;
  probabilities: boolean;
  statevector: boolean;
  top?: number;
  precision: (typeof PRECISIONS)[number];
  device?: string;
  noise: boolean;
  method: (typeof NOISY_METHODS)[number];
  trajectories?: number;
}

/** What a caller may pass: any field left out takes its default. */
export type RunOptionsInput = { [K in keyof RunOptions]?: RunOptions[K] | undefined };

/** Why `value` does not fit `f`, or undefined when it does. */
function misfit(f: RunOptionField, value: unknown): string | undefined {
  switch (f.kind) {
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value))
        return `expected an integer, got ${describe(value)}`;
      if (value < f.min || value > f.max)
        return `expected an integer from ${f.min} to ${f.max}, got ${value}`;
      return undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : `expected true or false, got ${describe(value)}`;
    case "enum":
      return typeof value === "string" && f.values.includes(value)
        ? undefined
        : `expected one of ${f.values.join(", ")}, got ${describe(value)}`;
    case "string":
      if (typeof value !== "string") return `expected a string, got ${describe(value)}`;
      return value.length < f.minLength || value.length > f.maxLength
        ? `expected ${f.minLength} to ${f.maxLength} characters, got ${value.length}`
        : undefined;
  }
}

const describe = (v: unknown): string =>
  typeof v === "string" ? `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'` : v === null ? "null" : typeof v;

/**
 * The options with defaults filled in; a bad or unknown field is a user error naming it as the caller knows it
 * (`fieldName`: e.g. "shots" → "--shots" for the CLI).
 */
export function resolveRunOptions(
  input: RunOptionsInput,
  fieldName: (field: string) => string = (f) => f,
): RunOptions {
  const fail = (field: string, why: string) => {
    const name = fieldName(field);
    return userError("Run.InvalidOption", `${name}: ${why}`, { field: name });
  };
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw fail("options", "expected an object of run options");
  for (const key of Object.keys(input))
    if (!Object.hasOwn(TABLE, key))
      throw fail(key, `unknown run option (known: ${RUN_OPTION_NAMES.join(", ")})`);
  const out: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(TABLE)) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) {
      if ("default" in f && f.default !== undefined) out[key] = f.default;
      continue;
    }
    const why = misfit(f, value);
    if (why !== undefined) throw fail(key, why);
    out[key] = value;
  }
  return out as unknown as RunOptions;
}
