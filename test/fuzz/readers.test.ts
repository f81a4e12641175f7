// Fuzzing the other readers of user input (issue 15): scenario files (YAML), logical-count files with qubit and
// QEC settings (`qfit estimate ft`), and the JSON API's estimate endpoint. fast-check grammars with fixed seeds,
// aimed at what broke before: prototype names (`constructor`, `__proto__`), YAML aliases and nesting, formulas
// nested deep or thousands of terms long, non-finite and huge numbers. Every input: a result or a user error with
// a code and a position or field, never an internal error, within the CPU budget.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import * as api from "../../src/api/handlers.js";
import { estimateFaultTolerant } from "../../src/estimate/ftqc/index.js";
import { parseScenario } from "../../src/report/scenario.js";
import { workloads } from "../../src/workloads/registry.js";
import { newFigures, record, within } from "./budget.js";

const figures = { scenario: newFigures(), counts: newFigures(), api: newFigures() };
afterAll(() => {
  record("scenario reader", figures.scenario);
  record("count files", figures.counts);
  record("API /api/estimate", figures.api);
});

const TIMEOUT = 600_000; // wall clock on a shared machine; the CPU budget per input is the real guard

const KINDS = workloads.map((w) => w.kind);
const NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "h100",
  "llama-3.1-8b",
  "femoco-reiher",
  "qubit_gate_ns_e3",
  "qubit_maj_ns_e6",
  "surface_code",
  "floquet_code",
  "",
  "x".repeat(300),
];
const FIELDS = [
  "label",
  "preset",
  "params",
  "tokens",
  "gpu",
  "gpus",
  "mfu",
  "qpu",
  "qubit",
  "budget",
  "bits",
  "oracleToffolis",
  "spinOrbitals",
  "electrons",
  "sites",
  "time",
  "precision",
  "nodes",
  "layers",
  "variables",
  "reads",
  "annealer",
  "cores",
  "horizonYears",
  "epsilon",
  "encoding",
  "attention",
  "constructor",
  "__proto__",
];

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.integer({ min: -5, max: 5000 }),
  fc.constantFrom(0, 1, 2, 4, 40, 2048, 1e6, 1e12, 1e15, 1e300, -1, 0.5, 1e-300, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
);

const workload = fc
  .tuple(
    fc.oneof(fc.constantFrom(...KINDS), fc.constantFrom(...NAMES)),
    fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 5 }),
  )
  .map(([kind, rest]) => ({ kind, ...rest }));

const scenario = fc.record(
  {
    title: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...NAMES)),
    t0: fc.oneof(fc.integer({ min: 1990, max: 2110 }), value),
    hardware: fc.dictionary(
      fc.constantFrom("gpu", "gpus", "mfu", "pue", "qpu", "precision", "constructor"),
      value,
      { maxKeys: 4 },
    ),
    workloads: fc.array(workload, { maxLength: 6 }),
  },
  { requiredKeys: [] },
);

/** YAML text built to strain the parser: aliases that multiply, deep nesting, odd bytes. */
const hostileYaml = fc.oneof(
  fc
    .integer({ min: 1, max: 400 })
    .map((n) => `title: &a t\nworkloads:\n${"  - {kind: shor, label: *a}\n".repeat(n)}`),
  fc.integer({ min: 2, max: 9 }).map((k) => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < k; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    return `${lines.join("\n")}\nworkloads: []\n`;
  }),
  fc.integer({ min: 10, max: 5_000 }).map((n) => `title: ${"[".repeat(n)}${"]".repeat(n)}\nworkloads: []\n`),
  fc
    .integer({ min: 10, max: 5_000 })
    .map(
      (n) => `workloads:\n${Array.from({ length: n }, (_, i) => `${" ".repeat(2 * i)}- a:`).join("\n")}\n`,
    ),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "workloads: [{kind: grover, oracleToffolis: 1e15}]",
    "workloads: [{kind: shor, qubit: constructor}]",
    "%YAML 1.2\n---\n!!binary x",
    "workloads: !!set {a, b}",
    "? [a]\n: b\n",
  ),
);

describe("scenario reader", () => {
  it(
    "8,000 scenarios (YAML, JSON, hostile): a scenario or a positioned user error",
    () => {
      const check = (text: string) =>
        within(
          figures.scenario,
          "scenario",
          text,
          () => parseScenario(text, "s.yaml"),
          (e) => {
            expect(e.code).toMatch(/^Report\.Scenario\./);
            expect(e.details.position ?? e.details.field).toBeDefined();
          },
        );
      fc.assert(
        fc.property(
          fc.oneof(
            scenario.map((s) => stringify(s)),
            scenario.map((s) => JSON.stringify(s)),
            hostileYaml,
          ),
          (text) => {
            check(text);
          },
        ),
        { seed: 201, numRuns: 8_000 },
      );
    },
    TIMEOUT,
  );
});

// ---- logical-count files with qubit and QEC settings -----------------------------------------------------------

const formula = fc.oneof(
  fc.constantFrom(
    "2*codeDistance^2",
    "(4*twoQubitGateTime + 2*oneQubitMeasurementTime) * codeDistance",
    "constructor",
    "toString(1)",
    "codeDistance/0",
    "ln(0)",
    "1e308*1e308",
    "",
  ),
  fc.integer({ min: 10, max: 50_000 }).map((n) => `${"(".repeat(n)}codeDistance${")".repeat(n)}`),
  fc.integer({ min: 10, max: 50_000 }).map((n) => Array(n).fill("codeDistance").join("+")),
  fc.integer({ min: 10, max: 5_000 }).map((n) => `${"-".repeat(n)}1`),
  fc.string({ maxLength: 60 }),
);

/** Mostly plausible counts (so estimates run), sometimes anything. */
const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1e12, 1e15, 1e20, 2 ** 53) },
  { weight: 1, arbitrary: value },
);

const counts = fc.record(
  {
    numQubits: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 10_000 }) },
      { weight: 1, arbitrary: value },
    ),
    tCount: count,
    rotationCount: count,
    rotationDepth: count,
    cczCount: count,
    ccixCount: count,
    measurementCount: count,
  },
  { requiredKeys: ["numQubits"] },
);

const qubit = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.record(
    {
      name: fc.constantFrom(...NAMES),
      instructionSet: fc.constantFrom("GateBased", "Majorana", "constructor"),
      oneQubitGateTime: fc.oneof(value, fc.constantFrom("50 ns", "1 constructor", "1e400 s")),
      oneQubitGateErrorRate: value,
      tGateErrorRate: value,
    },
    { requiredKeys: [] },
  ),
);

const qec = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.record(
    {
      name: fc.constantFrom(...NAMES),
      logicalCycleTime: formula,
      physicalQubitsPerLogicalQubit: formula,
      maxCodeDistance: value,
      errorCorrectionThreshold: value,
      crossingPrefactor: value,
    },
    { requiredKeys: [] },
  ),
);

describe("count files (estimate ft)", () => {
  it(
    "10,000 count files with qubit and QEC settings: an estimate or a user error naming the field",
    () => {
      fc.assert(
        fc.property(counts, fc.option(qubit), fc.option(qec), fc.option(value), (c, q, s, budget) => {
          const options = {
            ...(q !== null ? { qubitParams: q } : {}),
            ...(s !== null ? { qecScheme: s } : {}),
            ...(budget !== null ? { errorBudget: budget } : {}),
          };
          within(figures.counts, "counts", JSON.stringify({ c, options }), () =>
            // biome-ignore lint/suspicious/noExplicitAny: the fuzzer sends whatever JSON a file may hold
            estimateFaultTolerant(c as any, options as any),
          );
        }),
        { seed: 301, numRuns: 10_000 },
      );
    },
    TIMEOUT,
  );
});

describe("JSON API: /api/estimate", () => {
  it(
    "3,000 request bodies: a verdict or a user error (HTTP 4xx), never an internal error",
    () => {
      const body = fc.oneof(
        workload,
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(fc.constantFrom(...FIELDS, "kind", "t0"), value, { maxKeys: 6 }),
      );
      fc.assert(
        fc.property(body, (b) => {
          within(figures.api, "api", JSON.stringify(b) ?? "undefined", () => api.estimate(b));
        }),
        { seed: 401, numRuns: 3_000 },
      );
    },
    TIMEOUT,
  );
});
