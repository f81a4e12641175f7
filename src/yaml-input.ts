// Reading a YAML (or JSON) input file against a zod schema, keeping YAML positions so every error names
// file:line:col of the offending field rather than only its path. Sweep files (sweep/spec.ts) use all of it;
// scenario files (report/scenario.ts) add their own nesting guard and two-stage schema and share the position
// walk and the alias limit.
import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { type SourcePosition, userError } from "./errors.js";

export interface YamlInputOptions {
  /** Error-code prefix, e.g. `Sweep.Spec` → `Sweep.Spec.Syntax`, `Sweep.Spec.Invalid`, `Sweep.Spec.TooLarge`. */
  code: string;
  maxBytes: number;
  hint?: string;
}

type Ranged = { range?: [number, number, number] } | null;

/** The YAML node at `path` as far as it exists, as a source position (the field's key where there is one). */
export function positionOf(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  file: string,
  path: readonly PropertyKey[],
  /** Stop at the last key rather than its value (for an unknown key). */
  atKey = false,
): SourcePosition {
  let node: unknown = doc.contents;
  let offset = (node as Ranged)?.range?.[0] ?? 0;
  for (const [i, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      const keyRange = (pair.key as Ranged)?.range;
      if (keyRange) offset = keyRange[0];
      if (atKey && i === path.length - 1) break;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      const r = (node as Ranged)?.range;
      if (r) offset = r[0];
    } else break;
    const r = (node as Ranged)?.range;
    if (r && !(isMap(node) || isSeq(node))) offset = r[0];
  }
  const p = lineCounter.linePos(offset);
  return { file, line: p.line, col: p.col };
}

/** Alias expansions allowed when building the data (yaml's guard against "billion laughs"). */
export const MAX_YAML_ALIASES = 100;

/**
 * The document as plain data; aliases expanding past MAX_YAML_ALIASES (yaml throws a ReferenceError) are the
 * input's fault: a user error `${code}.TooManyAliases` at the first alias.
 */
export function yamlData(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  file: string,
  code: string,
): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    let firstAlias = 0;
    visit(doc, {
      Alias(_, node) {
        if (isAlias(node) && node.range) firstAlias = node.range[0];
        return visit.BREAK;
      },
    });
    const p = lineCounter.linePos(firstAlias);
    throw userError(
      `${code}.TooManyAliases`,
      `YAML aliases expand past the limit of ${MAX_YAML_ALIASES} (${(e as Error).message})`,
      {
        position: { file, line: p.line, col: p.col },
        hint: "write the repeated values out, or use fewer anchors and aliases",
      },
    );
  }
}

/** `a.b[2].c` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`))
    .join("")
    .replace(/^\./, "");
}

export interface ParsedYaml<T> {
  value: T;
  /** The position of a field of the input (for errors found after validation, e.g. a missing file). */
  at(path: readonly PropertyKey[], atKey?: boolean): SourcePosition;
}

/** Parses and validates; throws a user error with the position of the first problem. */
export function parseYamlInput<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  options: YamlInputOptions,
): ParsedYaml<z.infer<S>> {
  if (text.length > options.maxBytes)
    throw userError(
      `${options.code}.TooLarge`,
      `${file} is ${text.length} bytes; the limit is ${options.maxBytes}`,
      {
        field: file,
      },
    );
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (path: readonly PropertyKey[], atKey = false) => positionOf(doc, lineCounter, file, path, atKey);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = lineCounter.linePos(e.pos[0]);
    throw userError(`${options.code}.Syntax`, `YAML: ${e.message.split("\n")[0]}`, {
      position: { file, line: p.line, col: p.col },
    });
  }
  const data = yamlData(doc, lineCounter, file, options.code);
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data, at };
  const issue = r.error.issues[0];
  const field = fieldPath(issue.path);
  // An unknown key is reported at the key itself, not at the start of its object.
  const unknownKey = issue.code === "unrecognized_keys";
  throw userError(`${options.code}.Invalid`, `${field || "file"}: ${issue.message}`, {
    position: unknownKey ? at([...issue.path, issue.keys[0]], true) : at(issue.path),
    field,
    ...(options.hint ? { hint: options.hint } : {}),
  });
}
