// The dashboard's Verdict form and the API's request schema are the same fields: both are generated from each
// workload's input schema in the registry, so a value the form accepts is a value POST /api/estimate accepts.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { estimateRequestSchema, uncertaintyRequestFields } from "../src/api/schemas.js";
import { formSpec } from "../src/workloads/describe.js";
import { workloads } from "../src/workloads/registry.js";

const apiFields = (kind: string): string[] => {
  const member = estimateRequestSchema.options.find(
    (o) => (o.shape.kind as z.ZodLiteral<string>).value === kind,
  );
  if (!member) throw new Error(`no API schema member for ${kind}`);
  const settings = new Set(["kind", "t0", ...Object.keys(uncertaintyRequestFields)]);
  return Object.keys(member.shape)
    .filter((k) => !settings.has(k))
    .sort();
};

describe("the dashboard's form is the API's request", () => {
  it("covers every registered workload", () => {
    expect(estimateRequestSchema.options.length).toBe(workloads.length);
  });
  for (const def of workloads) {
    it(`${def.kind}: the form's fields are the API body's input fields`, () => {
      const form = formSpec(def).fields.map((f) => f.name);
      expect(form.length).toBeGreaterThan(0);
      expect([...form].sort()).toEqual(apiFields(def.kind));
    });
  }
  it("a form's defaults validate as an API body", () => {
    for (const def of workloads) {
      const body: Record<string, unknown> = { kind: def.kind };
      for (const f of formSpec(def).fields)
        if (f.default !== undefined && f.type !== "object") body[f.name] = f.default;
      expect(() => estimateRequestSchema.parse(body), def.kind).not.toThrow();
    }
  });
});
