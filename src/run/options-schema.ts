// The run options (options.ts) as zod fields, for the HTTP API's request schema and the library's export: built
// from the one table of fields, so the API and `qfit run` accept the same values with the same defaults.
import { z } from "zod";
import { type RunOptionField, type RunOptions, runOptionTable } from "./options.js";

function zodField(f: RunOptionField) {
  switch (f.kind) {
    case "integer": {
      const s = z.number().int().min(f.min).max(f.max);
      return f.default === undefined ? s.optional() : s.default(f.default);
    }
    case "boolean":
      return z.boolean().default(f.default);
    case "enum":
      return z.enum(f.values).default(f.default);
    case "string":
      return z.string().min(f.minLength).max(f.maxLength).optional();
  }
}

type Table = ReturnType<typeof runOptionTable>;
/** Each field's zod type: optional where the table has no default, defaulted otherwise. */
type ZodFields = {
  [K in keyof Table]: Table[K] extends { default: unknown }
    ? z.ZodDefault<z.ZodType<RunOptions[K]>>
    : z.ZodOptional<z.ZodType<NonNullable<RunOptions[K]>>>;
};

/** The fields as zod types; `shots` takes the caller's cap. */
export function runOptionFields(maxShots?: number): ZodFields {
  const table = runOptionTable(maxShots);
  return Object.fromEntries(
    Object.entries(table).map(([k, f]) => [k, zodField(f as RunOptionField)]),
  ) as unknown as ZodFields;
}

export const runOptionsSchema = z.strictObject(runOptionFields());
