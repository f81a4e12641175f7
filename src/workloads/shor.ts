// RSA-n factoring. Quantum: Shor's algorithm with Gidney & Ekerå's abstract-circuit costs (arXiv:1905.09749):
// 3n + 0.002·n·lg n logical qubits and 0.3·n³ + 0.0005·n³·lg n Toffolis, costed by the Azure-compatible
// estimator. Classical: the general number field sieve, L_N[1/3, (64/9)^(1/3)] (Pomerance 1996) calibrated on
// the RSA-240 record (795 bits, 900 core-years, CADO-NFS 2019).
import { z } from "zod";
import type { NativeModel } from "../estimate/native.js";
import { citationIds } from "../hardware/catalog.js";
import { SECONDS_PER_YEAR } from "../units/quantity.js";
import shorJson from "./data/shor.json" with { type: "json" };
import { faultTolerantFields } from "./fields.js";
import { parseInput } from "./input.js";
import { defineNative } from "./native.js";

const sourced = { source: z.string(), asOf: z.string(), unverified: z.boolean() };
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
    gidney2025: z.strictObject({
      bits: z.number(),
      physicalQubits: z.number(),
      toffolis: z.number(),
      headlineDaysUnder: z.number(),
      ...sourced,
    }),
    gnfs: z.strictObject({
      exponentConstant: z.string(),
      formula: z.string(),
      source: z.string(),
      anchor: z.strictObject({
        name: z.string(),
        bits: z.number().int().positive(),
        coreYears: z.number().positive(),
        cpu: z.string(),
        ...sourced,
      }),
    }),
    classicalMachine: z.strictObject({
      id: z.string(),
      name: z.string(),
      count: z.number().int().positive(),
      countSource: z.string(),
      asOf: z.string(),
    }),
  })
  .parse(shorJson);

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

export const SHOR_DEFAULT_BITS = 2048;

export const shorInput = z.strictObject({
  modulusBits: z
    .number()
    .int()
    .min(8)
    .max(16384)
    .default(SHOR_DEFAULT_BITS)
    .describe("bits of the RSA modulus to factor"),
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
  const a = data.gnfs.anchor;
  const m = data.classicalMachine;
  const reactionHours = (shorMeasurementDepth(n) * ge.reactionTimeUs * 1e-6) / 3600;
  return {
    kind: "shor",
    id: `shor-${n}`,
    name: `Factoring a ${n}-bit RSA modulus`,
    sizeLabel: "modulus bits",
    size: n,
    method: "GNFS",
    strategy: { name: "shor-ft", title: "Shor (Gidney–Ekerå 2019), fault-tolerant" },
    machine: {
      id: m.id,
      name: m.name,
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
    quantum: (bits) => ({
      kind: "fault-tolerant",
      counts: { numQubits: shorLogicalQubits(bits), cczCount: shorToffolis(bits) },
      formula: `Gidney–Ekerå 2019: ${shorLogicalQubits(bits).toLocaleString("en-US")} logical qubits (${ge.logicalQubits.formula}), ${shorToffolis(bits).toExponential(3)} Toffolis as CCZ (${ge.toffolis.formula})`,
    }),
    assumptions: [
      `GNFS work scales as ${data.gnfs.formula}; only ratios to the ${a.name} record are used, which cancels the constant factor but not the o(1)`,
      `classical machine: ${cores.toLocaleString("en-US")} × ${a.cpu}, perfect parallel scaling of sieving and linear algebra (optimistic for the classical side)`,
      "Gidney–Ekerå's Toffolis enter the estimator as CCZ gates; their reaction-limited measurement depth is not part of its depth model (see notes)",
    ],
    notes: [
      `Gidney–Ekerå 2019's own layout for 2048 bits: ${ge.headline.physicalQubits.toLocaleString("en-US")} physical qubits, ${ge.headline.hours} hours (${ge.assumptions})`,
      `measurement depth ${shorMeasurementDepth(n).toExponential(3)} (${ge.measurementDepth.formula}) × ${ge.reactionTimeUs} µs reaction time = ${reactionHours.toFixed(1)} h, a reaction-limited lower bound (derived arithmetic)`,
      `Gidney 2025 (2048 bits): < 1 million physical qubits (tally ${data.gidney2025.physicalQubits.toLocaleString("en-US")}), ≈ ${data.gidney2025.toffolis.toExponential(2)} Toffolis, < ${data.gidney2025.headlineDaysUnder} days`,
    ],
    unverified: [`Gidney 2025 figures (${data.gidney2025.source})`],
    sources: [ge.source, data.gnfs.source, a.source, m.countSource, data.gidney2025.source, "[F1]"],
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
  sources: citationIds(
    data.gidneyEkera2019.source,
    data.gnfs.source,
    data.gnfs.anchor.source,
    data.gidney2025.source,
  ),
  model: shorModel,
});
