// Turns a zod failure into the project's user error, naming the field at fault, so the CLI, the HTTP API and the
// dashboard report bad input the same way.
import type { z } from "zod";
import { userError } from "../errors.js";

export function validate<T extends z.ZodType>(schema: T, data: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.map(String).join(".") || what;
  throw userError("API.InvalidRequest", `${field}: ${issue.message}`, { field });
}
