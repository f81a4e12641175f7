// Validating a workload's input, the same way from every entry point: the schema's own bounds, and an error that
// names the field as the caller spells it (`--modulus-bits` on the CLI, `workloads[3].modulusBits` in a scenario
// file, `modulusBits` in an API body).
import type { z } from "zod";
import { userError } from "../errors.js";
import type { WorkloadDefinition } from "./workload.js";

/** The field at fault (as the caller names it) and zod's message, e.g. "Too small: expected number to be >=8". */
export function describeIssue(
  issue: z.core.$ZodIssue,
  name: (path: string) => string,
): { field: string; message: string } {
  const path = issue.path.map(String).join(".");
  return { field: name(path), message: issue.message };
}

/** Parses `raw` with `schema`; a user error naming the first field at fault otherwise. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  kind: string,
  name: (path: string) => string = (p) => p,
): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const { field, message } = describeIssue(r.error.issues[0], name);
  throw userError("Workload.InvalidInput", message, {
    field,
    hint: `see \`qfit estimate ${kind} --help\` for each field's range`,
  });
}

export function parseWorkloadInput(
  def: WorkloadDefinition,
  raw: unknown,
  name: (path: string) => string = (p) => p,
): Record<string, unknown> {
  return parseInput(def.input, raw, def.kind, name) as Record<string, unknown>;
}
