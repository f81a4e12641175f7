// RSA-n factoring. Quantum: Shor's algorithm with Gidney 2025's logical counts (arXiv:2505.15917, the default:
// about 1,400 logical qubits and 6.5e9 Toffolis at 2048 bits) or Gidney & Ekerå 2019's (arXiv:1905.09749:
// 3n + 0.002·n·lg n logical qubits, 0.3·n³ + 0.0005·n³·lg n Toffolis), costed by the Azure-compatible estimator;
// Gidney 2025's own layout (yoked storage, cultivation: < 1 million qubits, < 1 week) is reported beside it.
// Classical: the general number field sieve, L_N[1/3, (64/9)^(1/3)] (Pomerance 1996) calibrated on the RSA-240
// record (795 bits, 900 core-years, CADO-NFS 2019) and checked against RSA-250 (829 bits, 2,700 core-years).
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import { gidney2025, gidney2025Cost } from "../estimate/baselines/shor-gidney2025.js";
import type { NativeModel } from "../estimate/native.js";
import { citationIds } from "../hardware/catalog.js";
import { SECONDS_PER_YEAR } from "../units/quantity.js";
import shorJson from "./data/shor.json" with { type: "json" };
import { faultTolerantFields } from "./fields.js";
import { parseInput } from "./input.js";
import { defineNative } from "./native.js";

const sourced = { source: z.string(), asOf: z.string(), unverified: z.boolean() };
/** A GNFS factoring record: modulus size and core-years on a reference CPU. */
const gnfsRecord = z.strictObject({
  name: z.string(),
  bits: z.number().int().positive(),
  coreYears: z.number().positive(),
  cpu: z.string(),
  ...sourced,
});
const data = z
  .strictObject({
    $comment: z.string(),
    gidneyEkera2019: z.strictObject({
      logicalQubits: z.strictObject({ perBit: z.number(), perBitLg: z.number(), formula: z.string() }),
      toffolis: z.strictObject({ perBitCubed: z.number(), perBitCubedLg: z.number(), formula: z.string() }),
      measurementDepth: z.strictObject({
        perBitSquared: z.number(),
        perBitSquaredLg: z.number(),
        formula: z.string(),
      }),
      reactionTimeUs: z.number().positive(),
      headline: z.strictObject({ bits: z.number(), physicalQubits: z.number(), hours: z.number() }),
      assumptions: z.string(),
      ...sourced,
    }),
    gnfs: z.strictObject({
      exponentConstant: z.string(),
      formula: z.string(),
      source: z.string(),
      anchor: gnfsRecord,
      /** A second record on the same reference CPU, to check the L_N extrapolation against. */
      check: gnfsRecord,
    }),
    classicalMachine: z.strictObject({
      id: z.string(),
      name: z.string(),
      count: z.number().int().positive(),
      countSource: z.string(),
      asOf: z.string(),
    }),
  })
  .parse(shorJson, PARSE_ONCE);

export const shorData = data;

const ge = data.gidneyEkera2019;

/** Gidney–Ekerå 2019 logical qubits for n-bit RSA: 3n + 0.002·n·lg n (6,189 at n = 2048). */
export const shorLogicalQubits = (n: number): number =>
  Math.round(ge.logicalQubits.perBit * n + ge.logicalQubits.perBitLg * n * Math.log2(n));

/** Gidney–Ekerå 2019 Toffolis: 0.3·n³ + 0.0005·n³·lg n (≈ 2.62e9 at n = 2048). */
export const shorToffolis = (n: number): number =>
  Math.round(ge.toffolis.perBitCubed * n ** 3 + ge.toffolis.perBitCubedLg * n ** 3 * Math.log2(n));

/** Gidney–Ekerå 2019 measurement depth: 500·n² + n²·lg n. */
export const shorMeasurementDepth = (n: number): number =>
  ge.measurementDepth.perBitSquared * n * n + ge.measurementDepth.perBitSquaredLg * n * n * Math.log2(n);

/** ln L_N[1/3, (64/9)^(1/3)] for an n-bit N (Pomerance 1996; the o(1) term dropped). */
export function gnfsLogL(bits: number): number {
  const lnN = bits * Math.LN2;
  return Math.cbrt(64 / 9) * Math.cbrt(lnN) * Math.log(lnN) ** (2 / 3);
}

/** GNFS core-seconds for an n-bit modulus, scaled from the RSA-240 record by L_N. */
export function gnfsCoreSeconds(bits: number): number {
  const a = data.gnfs.anchor;
  return a.coreYears * SECONDS_PER_YEAR * Math.exp(gnfsLogL(bits) - gnfsLogL(a.bits));
}

/** Where the quantum side's logical counts come from. */
export const SHOR_COST_SOURCES = ["gidney-2025", "gidney-ekera-2019"] as const;
export type ShorCostSource = (typeof SHOR_COST_SOURCES)[number];
export const SHOR_DEFAULT_COST_SOURCE: ShorCostSource = "gidney-2025";

export const SHOR_DEFAULT_BITS = 2048;

export const shorInput = z.strictObject({
  modulusBits: z
    .number()
    .int()
    .min(8)
    .max(16384)
    .default(SHOR_DEFAULT_BITS)
    .describe("bits of the RSA modulus to factor"),
  costSource: z
    .enum(SHOR_COST_SOURCES)
    .default(SHOR_DEFAULT_COST_SOURCE)
    .describe("where the quantum side's logical counts come from: gidney-2025 or gidney-ekera-2019"),
  cpuCores: z
    .number()
    .int()
    .min(1)
    .max(1e9)
    .default(data.classicalMachine.count)
    .describe("classical CPU cores running GNFS (default 1e5, the MIT calculator's p = 5)"),
  ...faultTolerantFields,
});

export type ShorInput = z.output<typeof shorInput>;

/** The model for an input (missing fields take their defaults; out-of-range fields are a user error). */
export function shorModel(raw: z.input<typeof shorInput> = {}): NativeModel {
  const input = parseInput(shorInput, raw, "shor");
  const n = input.modulusBits;
  const cores = input.cpuCores;
  const costSource = input.costSource;
  const g25 = costSource === "gidney-2025";
  const a = data.gnfs.anchor;
  const m = data.classicalMachine;
  const paper = gidney2025Cost(n);
  const reactionHours = (shorMeasurementDepth(n) * ge.reactionTimeUs * 1e-6) / 3600;
  return {
    kind: "shor",
    id: `shor-${n}`,
    name: `Factoring a ${n}-bit RSA modulus`,
    sizeLabel: "modulus bits",
    size: n,
    method: "GNFS",
    strategy: {
      name: "shor-ft",
      title: `Shor (${g25 ? "Gidney 2025" : "Gidney–Ekerå 2019"} counts), fault-tolerant`,
    },
    machine: {
      id: m.id,
      name: m.name,
      kind: "cpu",
      count: cores,
      opsPerSecondPerDevice: 1,
      opsUnit: "core-s",
      rateSource: `${a.source}; ${m.countSource}`,
      memoryBytesPerDevice: null,
      priceUsdPerDeviceHour: null,
      powerW: null,
      unverified: [],
    },
    classical: (bits) => ({
      ops: gnfsCoreSeconds(bits),
      formula: `GNFS core-seconds = ${a.coreYears} core-years (${a.name}, ${a.bits} bits) × L(${bits} bits)/L(${a.bits} bits), ${data.gnfs.formula}`,
    }),
    quantum: (bits) => {
      if (g25) {
        const c = gidney2025Cost(bits);
        return {
          kind: "fault-tolerant",
          counts: { numQubits: c.logicalQubits, cczCount: c.toffolis },
          formula: `Gidney 2025: ${c.logicalQubits.toLocaleString("en-US")} logical qubits, ${c.toffolis.toExponential(3)} Toffolis as CCZ${c.extrapolated ? ` (scaled from the published 2048-bit counts: qubits ∝ n, Toffolis ∝ n³·(1 + lg n/600))` : " (published 2048-bit counts)"}`,
        };
      }
      return {
        kind: "fault-tolerant",
        counts: { numQubits: shorLogicalQubits(bits), cczCount: shorToffolis(bits) },
        formula: `Gidney–Ekerå 2019: ${shorLogicalQubits(bits).toLocaleString("en-US")} logical qubits (${ge.logicalQubits.formula}), ${shorToffolis(bits).toExponential(3)} Toffolis as CCZ (${ge.toffolis.formula})`,
      };
    },
    assumptions: [
      `GNFS work scales as ${data.gnfs.formula}; only ratios to the ${a.name} record are used, which cancels the constant factor but not the o(1)`,
      `classical machine: ${cores.toLocaleString("en-US")} × ${a.cpu}, perfect parallel scaling of sieving and linear algebra (optimistic for the classical side)`,
      `${g25 ? "Gidney 2025" : "Gidney–Ekerå"}'s Toffolis enter the estimator as CCZ gates; the estimator's generic layout (15-to-1 distillation, no yoked storage, no cultivation) needs more physical qubits than the paper's own (see notes)`,
      `quantum counts: ${g25 ? "Gidney 2025 (default)" : "Gidney–Ekerå 2019 (costSource)"}`,
    ],
    notes: [
      paper.extrapolated
        ? `Gidney 2025's own layout (yoked storage, magic-state cultivation) scaled to ${n} bits: about ${paper.physicalQubits.toLocaleString("en-US")} physical qubits, under ${paper.runtimeDaysUnder.toPrecision(3)} days (published for 2048 bits: < ${gidney2025.headline.physicalQubitsUnder.toLocaleString("en-US")} qubits, < ${gidney2025.headline.runtimeDaysUnder} days)`
        : `Gidney 2025's own layout (yoked storage, magic-state cultivation): ${paper.physicalQubits.toLocaleString("en-US")} physical qubits (< ${gidney2025.headline.physicalQubitsUnder.toLocaleString("en-US")}), under ${gidney2025.headline.runtimeDaysUnder} days, at ${gidney2025.assumptions.gateErrorRate * 100}% gate error, ${gidney2025.assumptions.surfaceCodeCycleUs} µs cycle, ${gidney2025.assumptions.reactionTimeUs} µs reaction time`,
      `Gidney–Ekerå 2019's own layout for 2048 bits: ${ge.headline.physicalQubits.toLocaleString("en-US")} physical qubits, ${ge.headline.hours} hours (${ge.assumptions})`,
      `Gidney–Ekerå 2019 measurement depth ${shorMeasurementDepth(n).toExponential(3)} (${ge.measurementDepth.formula}) × ${ge.reactionTimeUs} µs reaction time = ${reactionHours.toFixed(1)} h, a reaction-limited lower bound (derived arithmetic)`,
      `GNFS check: the L_N scaling from ${a.name} predicts ${(gnfsCoreSeconds(data.gnfs.check.bits) / SECONDS_PER_YEAR).toFixed(0)} core-years for ${data.gnfs.check.name} (${data.gnfs.check.bits} bits); the record took ${data.gnfs.check.coreYears} ${data.gnfs.check.source}`,
    ],
    unverified: [
      ...(g25 && gidney2025.toffolis.unverified
        ? [`Gidney 2025 Toffoli count and layout tally (${gidney2025.toffolis.source})`]
        : []),
      ...(g25 && paper.extrapolated ? [`Gidney 2025 counts at ${n} bits are scaled from 2048 bits`] : []),
    ],
    sources: [
      ge.source,
      gidney2025.source,
      data.gnfs.source,
      a.source,
      data.gnfs.check.source,
      m.countSource,
      "[F1]",
    ],
  };
}

export const shor = defineNative({
  kind: "shor",
  title: "Factoring (Shor)",
  description:
    "factoring an RSA modulus: Shor's algorithm on a fault-tolerant machine vs the number field sieve on CPU cores",
  input: shorInput,
  presets: {},
  // GNFS records start near 330 bits (RSA-100); below a few hundred bits the L_N extrapolation means little.
  headline: { field: "modulusBits", label: "modulus bits", range: [256, 8192], integer: true, log: true },
  sources: citationIds(ge.source, gidney2025.source, data.gnfs.source, data.gnfs.anchor.source),
  model: shorModel,
});
