// A workload's input fields as plain data, read from its zod schema (through zod's JSON Schema export): name,
// CLI flag, description, default, bounds, choices. The CLI's options and help and the dashboard's form are
// generated from this, so they cannot drift from the schema that validates the input.
import { z } from "zod";
import type { WorkloadDefinition } from "./workload.js";

export type FieldType = "number" | "integer" | "string" | "enum" | "boolean" | "object" | "string-or-object";

export interface FieldSpec {
  name: string;
  /** `--kebab-case` form of the name. */
  flag: string;
  type: FieldType;
  description: string;
  default: unknown;
  required: boolean;
  /** Bounds; `exclusive` marks open ends. */
  min: number | null;
  max: number | null;
  exclusiveMin: boolean;
  exclusiveMax: boolean;
  multipleOf: number | null;
  choices: string[] | null;
}

export const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

type Json = Record<string, unknown>;

function typeOf(p: Json): FieldType {
  if (Array.isArray(p.enum)) return "enum";
  if (Array.isArray(p.anyOf)) {
    const types = (p.anyOf as Json[]).map((x) => x.type);
    if (types.includes("string") && types.includes("object")) return "string-or-object";
  }
  if (p.type === "integer") return "integer";
  if (p.type === "number") return "number";
  if (p.type === "boolean") return "boolean";
  if (p.type === "object" || p.type === "array") return "object";
  return "string";
}

const num = (x: unknown): number | null => (typeof x === "number" ? x : null);

export function describeFields(def: Pick<WorkloadDefinition, "input">): FieldSpec[] {
  const schema = z.toJSONSchema(def.input, { io: "input", unrepresentable: "any" }) as Json;
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, p]) => {
    const min = num(p.minimum) ?? num(p.exclusiveMinimum);
    const max = num(p.maximum) ?? num(p.exclusiveMaximum);
    return {
      name,
      flag: `--${kebab(name)}`,
      type: typeOf(p),
      description: typeof p.description === "string" ? p.description : "",
      default: p.default,
      required: required.has(name) && p.default === undefined,
      min,
      max,
      exclusiveMin: p.exclusiveMinimum !== undefined,
      exclusiveMax: p.exclusiveMaximum !== undefined,
      multipleOf: num(p.multipleOf),
      choices: Array.isArray(p.enum) ? (p.enum as string[]) : null,
    };
  });
}

/** "[8, 16384]", "(0, 1)", "≥ 1": the range in interval notation, for help text and form hints. */
export function rangeText(f: FieldSpec): string {
  if (f.min === null && f.max === null) return "";
  if (f.max === null) return `${f.exclusiveMin ? ">" : "≥"} ${f.min}`;
  if (f.min === null) return `${f.exclusiveMax ? "<" : "≤"} ${f.max}`;
  return `${f.exclusiveMin ? "(" : "["}${f.min}, ${f.max}${f.exclusiveMax ? ")" : "]"}`;
}

/** A form for a workload, as plain data (the dashboard renders it; tests read it). */
export interface FormSpec {
  kind: string;
  title: string;
  description: string;
  fields: Array<
    FieldSpec & { label: string; input: "number" | "text" | "select" | "checkbox" | "file-or-text" }
  >;
}

export function formSpec(def: WorkloadDefinition): FormSpec {
  return {
    kind: def.kind,
    title: def.title,
    description: def.description,
    fields: describeFields(def).map((f) => ({
      ...f,
      label: f.name,
      input:
        f.type === "enum"
          ? "select"
          : f.type === "boolean"
            ? "checkbox"
            : f.type === "number" || f.type === "integer"
              ? "number"
              : f.type === "string"
                ? "text"
                : "file-or-text",
    })),
  };
}
