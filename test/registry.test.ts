// The workload registry: every workload is reachable with the same field names from the CLI, a scenario file, the
// API and the dashboard's form, and out-of-range input is refused naming the field everywhere. A tiny workload
// registered here proves that adding one is one definition and one list entry.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { estimateRequestSchemaFor } from "../src/api/schemas.js";
import { validate } from "../src/api/validate.js";
import { cliOptions, createEstimateCommand } from "../src/cli/estimate.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { parseScenario, workloadSpecSchemaFor } from "../src/report/scenario.js";
import { composeVerdict } from "../src/verdict/compose.js";
import { describeFields, formSpec, kebab } from "../src/workloads/describe.js";
import { parseWorkloadInput } from "../src/workloads/input.js";
import { workloads } from "../src/workloads/registry.js";
import type { WorkloadDefinition } from "../src/workloads/workload.js";

const tinyInput = z.strictObject({
  sizeBits: z.number().int().min(1).max(10).default(4).describe("bits of the tiny problem"),
  speedupFactor: z.number().gt(0).max(100).default(2).describe("how much faster the quantum side is"),
});

/** Classical 2^n seconds; quantum 2^n / speedup seconds, one factor. */
const tiny: WorkloadDefinition<typeof tinyInput> = {
  kind: "tiny",
  title: "Tiny",
  description: "a tiny test workload",
  input: tinyInput,
  presets: {},
  headline: { field: "sizeBits", label: "bits", range: [1, 10], integer: true, log: false },
  sources: [],
  evaluate(input) {
    const c = 2 ** input.sizeBits;
    const q = c / input.speedupFactor;
    return composeVerdict({
      workload: { kind: "tiny", id: "tiny", name: "tiny", input },
      classical: {
        method: "count",
        device: "abacus",
        count: 1,
        seconds: c,
        feasible: true,
        costUsd: null,
        energyJ: null,
        formula: "2^n",
        sources: [],
        constraints: [],
      },
      strategies: [
        {
          name: "tiny-q",
          title: "tiny",
          device: "toy",
          seconds: q,
          feasible: true,
          physicalQubits: input.sizeBits,
          costUsd: null,
          bottlenecks: [
            {
              name: "algorithm",
              factorLog10: -Math.log10(input.speedupFactor),
              formula: "1/s",
              explanation: "",
              sources: [],
            },
          ],
          constraints: [],
          faultTolerance: null,
          settings: {},
          assumptions: [],
          lowerBound: false,
        },
      ],
      crossover: { sizeLabel: "bits", size: null, year: null, explanation: "n/a" },
      notes: [],
      assumptions: [],
      unverified: [],
      sources: [],
    });
  },
};

const defs = [...workloads, tiny as unknown as WorkloadDefinition];
const camel = (flag: string) =>
  flag.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const memberKeys = (schema: z.ZodDiscriminatedUnion, kind: string, drop: string[]) => {
  const m = (schema.options as z.ZodObject[]).find((o) => (o.shape.kind as z.ZodLiteral).value === kind)!;
  return Object.keys(m.shape)
    .filter((k) => !drop.includes(k))
    .sort();
};

describe("the registry", () => {
  it("lists every workload kind once", () => {
    expect(workloads.map((w) => w.kind)).toEqual([
      "llm-training",
      "shor",
      "grover",
      "chemistry",
      "hamiltonian-simulation",
      "qaoa-maxcut",
      "annealing-qubo",
      "hybrid",
    ]);
  });

  const scenario = workloadSpecSchemaFor(defs);
  const api = estimateRequestSchemaFor(defs);

  it.each(defs.map((d) => [d.kind, d] as const))(
    "%s: the same field names from the CLI, a scenario file, the API and the dashboard form",
    (kind, def) => {
      const fields = Object.keys(def.input.shape).sort();
      expect(
        cliOptions(def)
          .map((o) => camel(o.flags.split(" ")[0]))
          .sort(),
      ).toEqual(fields);
      expect(memberKeys(scenario, kind, ["kind", "label", "ranges"])).toEqual(fields);
      expect(memberKeys(api, kind, ["kind", "t0", "samples", "seed", "uncertainty", "ranges"])).toEqual(
        fields,
      );
      expect(
        formSpec(def)
          .fields.map((f) => f.name)
          .sort(),
      ).toEqual(fields);
      for (const f of describeFields(def)) {
        expect(f.flag).toBe(`--${kebab(f.name)}`);
        expect(f.description.length, `${kind}.${f.name} has a description`).toBeGreaterThan(5);
      }
      expect(def.input.shape).toHaveProperty(def.headline.field);
    },
  );

  it("the tiny workload is reachable from the generated CLI, the scenario schema, the API schema and the form", async () => {
    const io = memoryIo();
    const estimate = createEstimateCommand(io, defs);
    await estimate.parseAsync(["tiny", "--size-bits", "3", "--json"], { from: "user" });
    const v = JSON.parse(io.out);
    expect(v.workload.kind).toBe("tiny");
    expect(v.classical.seconds).toBe(8);
    expect(v.winner).toBe("quantum");
    expect(scenario.parse({ kind: "tiny", sizeBits: 3 })).toMatchObject({
      kind: "tiny",
      sizeBits: 3,
      speedupFactor: 2,
    });
    expect(api.parse({ kind: "tiny", sizeBits: 3, t0: 2026 })).toMatchObject({ kind: "tiny", sizeBits: 3 });
    expect(formSpec(tiny as unknown as WorkloadDefinition).fields.map((f) => f.input)).toEqual([
      "number",
      "number",
    ]);
    await expect(estimate.parseAsync(["tiny", "--size-bits", "11"], { from: "user" })).rejects.toMatchObject({
      details: { field: "--size-bits" },
    });
  });

  it.each(workloads.map((d) => [d.kind, d] as const))(
    "%s: an out-of-range headline size is refused naming the field, everywhere (CLI exit 2)",
    async (kind, def) => {
      const field = def.headline.field;
      const spec = describeFields(def).find((f) => f.name === field)!;
      const bad = (spec.max ?? 1e300) * 10;
      // The form and the library.
      expect(() => parseWorkloadInput(def, { [field]: bad })).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ field }) }),
      );
      // The API.
      expect(() => validate(estimateRequestSchemaFor(workloads), { kind, [field]: bad }, "body")).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ field }) }),
      );
      // A scenario file: file:line:col of the value.
      expect(() => parseScenario(`workloads:\n  - kind: ${kind}\n    ${field}: ${bad}\n`, "s.yaml")).toThrow(
        new RegExp(`^workloads\\[0\\]\\.${field}:`),
      );
      try {
        parseScenario(`workloads:\n  - kind: ${kind}\n    ${field}: ${bad}\n`, "s.yaml");
      } catch (e) {
        expect((e as { describe(): string }).describe()).toMatch(
          new RegExp(`^s\\.yaml:3:\\d+: workloads\\[0\\]\\.${field}`),
        );
      }
      // The CLI: exit 2, the flag named, no stack trace.
      const io = memoryIo();
      const code = await main(["estimate", kind, spec.flag, String(bad)], io);
      expect(code).toBe(2);
      expect(io.err).toMatch(new RegExp(`^${spec.flag}: `));
      expect(io.err).not.toMatch(/\n\s+at /);
    },
  );
});
