// Turns a zod failure into the project's user error, naming the field at fault, so the CLI, the HTTP API and the
// dashboard report bad input the same way.
import type { z } from "zod";
import { userError } from "../errors.js";

/** `rename` maps a schema's field names to the caller's (e.g. the scenario's `kind` is the API's `workload`). */
export function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  what: string,
  rename: Record<string, string> = {},
): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.map((k) => rename[String(k)] ?? String(k)).join(".") || what;
  throw userError("API.InvalidRequest", `${field}: ${issue.message}`, { field });
}
