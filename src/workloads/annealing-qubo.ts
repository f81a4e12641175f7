// Sparse QUBO with n variables whose couplings fit the annealer's native graph (no minor embedding), compared as
// time-to-target at equal solution quality (Rønnow et al. 2014). Quantum: a D-Wave job — access overhead +
// programming + R reads × (anneal + readout), catalog midpoints, where R is the reads needed to reach the target
// once with the target confidence. Classical: the strongest classical heuristic (PT-ICM, simulated bifurcation,
// tuned simulated annealing) on a comparable node. The annealing benchmarks show no undisputed advantage over it
// (src/estimate/baselines/data/annealing-benchmarks.json), so by default the classical heuristic reaches the
// same target in the same time; `annealerAdvantageLog10` states a claimed constant factor instead.
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import { userError } from "../errors.js";
import {
  annealingBenchmarks,
  literatureVerdict,
  repetitionsToTarget,
} from "../estimate/baselines/time-to-target.js";
import type { NativeModel } from "../estimate/native.js";
import { citationIds, getAnnealer, unverifiedNotes } from "../hardware/catalog.js";
import { formatDuration } from "../units/format.js";
import annealJson from "./data/annealing-qubo.json" with { type: "json" };
import { horizonField } from "./fields.js";
import { parseInput } from "./input.js";
import { defineNative } from "./native.js";

const data = z
  .strictObject({
    $comment: z.string(),
    defaults: z.strictObject({
      reads: z.number().int().positive(),
      sweepsPerRead: z.number().int().positive(),
    }),
    defaultsSource: z.string(),
    sampleParity: z.strictObject({
      secondsPerUpdate: z.number().positive(),
      source: z.string(),
      unverified: z.boolean(),
    }),
    scaling: z.strictObject({
      form: z.string(),
      formSource: z.string(),
      formUnverified: z.boolean(),
      advantageExponentLog10PerSqrtVariableDefault: z.number(),
      advantageExponentSource: z.string(),
      asOf: z.string(),
      notes: z.string(),
    }),
  })
  .parse(annealJson, PARSE_ONCE);

export const ANNEALING_DEFAULT_VARIABLES = 1000;

const mid = (lo: number, hi: number) => (lo + hi) / 2;
const formatLog = (x: number) => String(Number(x.toFixed(3)));

export const annealingQuboInput = z.strictObject({
  variables: z
    .number()
    .int()
    .min(2)
    .max(1e7)
    .default(ANNEALING_DEFAULT_VARIABLES)
    .describe("QUBO variables, one qubit each (couplings within the annealer's native graph)"),
  reads: z
    .number()
    .int()
    .min(1)
    .max(1e7)
    .default(data.defaults.reads)
    .describe("anneals to reach the target, when no successProbability is given"),
  successProbability: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe("per-read probability of the target quality; sets reads = ⌈ln(1−confidence)/ln(1−p)⌉"),
  targetConfidence: z
    .number()
    .gt(0)
    .lt(1)
    .default(annealingBenchmarks.tts.targetConfidenceDefault)
    .describe("confidence of reaching the target at least once (the TTS convention)"),
  annealerAdvantageLog10: z
    .number()
    .min(-12)
    .max(12)
    .default(0)
    .describe(
      "claimed factor over the strongest classical heuristic at advantageAtVariables, log10 (0: none demonstrated)",
    ),
  scalingAdvantageLog10PerSqrtVariable: z
    .number()
    .min(-2)
    .max(2)
    .default(data.scaling.advantageExponentLog10PerSqrtVariableDefault)
    .describe(
      "claimed difference of time-to-target exponents, classical minus annealer, in log10 per √variable (0: none demonstrated)",
    ),
  advantageAtVariables: z
    .number()
    .int()
    .min(2)
    .max(1e7)
    .default(ANNEALING_DEFAULT_VARIABLES)
    .describe("the size at which annealerAdvantageLog10 is stated; the scaling difference grows from there"),
  annealUs: z
    .number()
    .gt(0)
    .max(1e6)
    .optional()
    .describe("anneal time in µs, within the device's range (default: the device's default)"),
  annealer: z
    .string()
    .min(1)
    .max(100)
    .default("dwave-advantage")
    .describe("annealer (qfit devices --kind annealer)"),
  cpuCores: z
    .number()
    .int()
    .min(1)
    .max(1e8)
    .default(1)
    .describe("CPU cores of the sample-parity simulated-annealing reference in the notes"),
  ...horizonField,
});

export type AnnealingInput = z.output<typeof annealingQuboInput>;

/** The model for an input (missing fields take their defaults; out-of-range fields are a user error). */
export function annealingQuboModel(raw: z.input<typeof annealingQuboInput> = {}): NativeModel {
  const input = parseInput(annealingQuboInput, raw, "annealing-qubo");
  const a = getAnnealer(input.annealer);
  const n = input.variables;
  const anneal = input.annealUs ?? a.annealTimeUsDefault;
  const bad = (field: string, what: string, v: unknown) =>
    userError("Workload.Annealing.InvalidInput", `${field} ${what}, got ${v}`, { field });
  const confidence = input.targetConfidence;
  const p = input.successProbability;
  const reads = p !== undefined ? repetitionsToTarget(p, confidence) : input.reads;
  if (!Number.isInteger(reads) || reads < 1 || reads > 1e7)
    throw bad("successProbability", "needs more than 1e7 reads to reach the target", p);
  if (!(anneal >= a.annealTimeUsMin && anneal <= a.annealTimeUsMax))
    throw bad(
      "annealUs",
      `must be within ${a.id}'s range [${a.annealTimeUsMin}, ${a.annealTimeUsMax}] µs`,
      anneal,
    );
  const scalingDiff = input.scalingAdvantageLog10PerSqrtVariable;
  const n0 = input.advantageAtVariables;
  // The stated ratio classical / annealer time to target at size m: a constant, plus a scaling difference in √m.
  const statedLog10 = (m: number) =>
    input.annealerAdvantageLog10 + scalingDiff * (Math.sqrt(m) - Math.sqrt(n0));
  const advantage = statedLog10(n);
  const claimed = input.annealerAdvantageLog10 !== 0 || scalingDiff !== 0;
  const cores = input.cpuCores;
  const overheadS =
    (mid(a.jobOverheadMsLow, a.jobOverheadMsHigh) + mid(a.programmingMsLow, a.programmingMsHigh)) * 1e-3;
  const perReadS = (anneal + mid(a.readoutUsPerSampleLow, a.readoutUsPerSampleHigh)) * 1e-6;
  const qpuSeconds = overheadS + reads * perReadS;
  const lit = literatureVerdict(annealingBenchmarks.records);
  const sweeps = data.defaults.sweepsPerRead;
  const parity = data.sampleParity;
  const saParitySeconds = (reads * sweeps * n * parity.secondsPerUpdate) / cores;
  const readsText =
    p !== undefined
      ? `${reads} reads = ⌈ln(1 − ${confidence}) / ln(1 − ${p})⌉ to reach the target with ${confidence * 100}% confidence`
      : `${reads} reads (${data.defaultsSource})`;
  return {
    kind: "annealing-qubo",
    id: `qubo-${n}`,
    name: `Sparse QUBO with ${n} variables`,
    sizeLabel: "variables",
    size: n,
    method: "strongest classical heuristic, time to target",
    strategy: { name: "annealer", title: `Quantum annealing on ${a.name}, time to target` },
    machine: {
      id: "classical-heuristic-node",
      name: "strongest classical heuristic (PT-ICM, simulated bifurcation, tuned SA) on a comparable node",
      kind: "cpu",
      count: 1,
      opsPerSecondPerDevice: 1,
      opsUnit: "second to target",
      rateSource: annealingBenchmarks.records.map((r) => r.source).join(" "),
      memoryBytesPerDevice: null,
      priceUsdPerDeviceHour: null,
      powerW: null,
      unverified: [],
    },
    classical: () => ({
      ops: qpuSeconds * 10 ** advantage,
      formula: `time to the same target quality = the annealer's time-to-target × 10^${formatLog(advantage)} (${
        claimed
          ? `stated: 10^${input.annealerAdvantageLog10} at ${n0} variables${scalingDiff === 0 ? "" : ` × 10^(${scalingDiff}·(√${n} − √${n0})) for a claimed scaling difference`}`
          : "no demonstrated advantage at equal quality or in scaling, so parity"
      })`,
    }),
    quantum: (vars) => ({
      kind: "annealer",
      device: a.name,
      stepSeconds: perReadS,
      stepLabel: "anneal and read",
      algorithmSteps: reads,
      algorithmLabel: "reads to target",
      overheads: [
        {
          name: "access-overhead",
          factor: qpuSeconds / (reads * perReadS),
          formula: `(${(overheadS * 1e3).toFixed(1)} ms job overhead + programming + ${reads} reads) / ${reads} reads`,
          explanation: "the job's fixed access and programming time, spread over its reads",
        },
      ],
      qubits: vars,
      limits: [{ name: "qubits", needed: vars, available: a.qubits, unit: "qubits", basis: a.name }],
      statedRatio: {
        parts: [
          {
            name: "stated-advantage",
            log10: -input.annealerAdvantageLog10,
            formula:
              input.annealerAdvantageLog10 === 0
                ? `10^0 at ${n0} variables: parity at equal quality`
                : `10^−${input.annealerAdvantageLog10} at ${n0} variables (stated ratio of times to target, classical / annealer)`,
            explanation:
              input.annealerAdvantageLog10 === 0
                ? "the strongest classical heuristic reaches the same target in the same time: no benchmark shows an undisputed constant advantage"
                : "a stated constant factor between the classical heuristic's and the annealer's time to the same target (a claim given as input)",
          },
          {
            name: "stated-scaling",
            log10: -scalingDiff * (Math.sqrt(n) - Math.sqrt(n0)),
            formula: `10^−(${scalingDiff}·(√${n} − √${n0})): the exponent difference, classical − annealer, per √variable`,
            explanation:
              scalingDiff === 0
                ? "no demonstrated difference in how the two times to target grow with size"
                : "a claimed difference in how the two times to target grow with size (a claim given as input)",
          },
        ],
        sources: [...annealingBenchmarks.records.map((r) => r.source), data.scaling.formSource]
          .flatMap((t) => t.match(/\[[^\]]+\]/g) ?? [])
          .map((t) => t.slice(1, -1)),
      },
      formula: `time-to-target: ${(overheadS * 1e3).toFixed(1)} ms job overhead + programming, + ${readsText} × (${anneal} µs anneal + readout)`,
    }),
    assumptions: [
      `the QUBO's couplings fit ${a.topology} natively (≤ ${a.couplersPerQubit} per variable), so one qubit per variable; dense problems need minor embedding and far more qubits`,
      `time-to-target at equal solution quality (${annealingBenchmarks.tts.definition} ${annealingBenchmarks.tts.source})`,
      `classical baseline: the strongest classical heuristic on a comparable node; ${lit.summary}`,
      `scaling with size: ${data.scaling.form} ${data.scaling.formSource}; the classical − annealer exponent difference is ${scalingDiff === 0 ? "0 by default" : `${scalingDiff} log10 per √variable (given: a claim)`} (${data.scaling.advantageExponentSource}). ${data.scaling.notes}`,
    ],
    notes: [
      `${lit.demonstrated ? "" : "no demonstrated advantage: "}${lit.summary} [as of ${annealingBenchmarks.asOf}]`,
      ...annealingBenchmarks.records.map((r) => `${r.source} ${r.device}, ${r.instances}: ${r.finding}`),
      `for contrast only (sample-count parity, not equal quality, one step time from a dense benchmark): simulated annealing with the same ${reads} reads × ${sweeps} sweeps × ${n} updates at ${parity.secondsPerUpdate * 1e9} ns on ${cores} core${cores === 1 ? "" : "s"} takes ${formatDuration(saParitySeconds)} ${parity.source} — the kind of comparison behind claims of annealer speedups over one CPU core`,
    ],
    unverified: [
      ...unverifiedNotes(a, [
        "programmingMsLow",
        "programmingMsHigh",
        "readoutUsPerSampleLow",
        "readoutUsPerSampleHigh",
      ]),
      ...(data.scaling.formUnverified
        ? [`time-to-target scaling form exp(b·√n) ${data.scaling.formSource}: not checked against the paper`]
        : []),
      ...(claimed
        ? [
            `stated annealer advantage 10^${formatLog(advantage)} at ${n} variables is a claim given as input, not a demonstrated result`,
          ]
        : []),
      ...(p === undefined && reads === data.defaults.reads
        ? [
            "reads to target: the default 1,000 reads is a qfit assumption, not a measured success probability",
          ]
        : []),
    ],
    sources: [
      a.source,
      annealingBenchmarks.tts.source,
      ...annealingBenchmarks.records.map((r) => r.source),
      parity.source,
    ],
  };
}

export const annealingQubo = defineNative({
  kind: "annealing-qubo",
  title: "Annealing QUBO",
  description:
    "sparse QUBO: a D-Wave annealer vs the strongest classical heuristic, time-to-target at equal quality",
  input: annealingQuboInput,
  presets: {},
  headline: { field: "variables", label: "variables", range: [10, 1e6], integer: true, log: true },
  sources: citationIds(annealingBenchmarks.tts.source, ...annealingBenchmarks.records.map((r) => r.source)),
  model: annealingQuboModel,
});
