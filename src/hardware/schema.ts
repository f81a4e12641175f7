// zod schemas for the hardware catalog. Units are in the field names; every entry carries `source` and `asOf`,
// and `unverifiedFields` names the values the reference marks unverified or estimated (`unverified` is true
// exactly when that list is non-empty), so any output that uses one of them can say so.
import { z } from "zod";

const id = z.string().regex(/^[a-z0-9][a-z0-9.\-_]*$/, "ids are lower-case kebab-case");
/** A date or partial date the value applies to: 2024, 2024-07 or 2024-07-23. */
const asOf = z.string().regex(/^\d{4}(-\d{2}){0,2}$/, "asOf must be YYYY, YYYY-MM or YYYY-MM-DD");
const source = z.string().min(3);
const probability = z.number().gt(0).lt(1);
const positive = z.number().positive();

const provenance = {
  source,
  asOf,
  asOfNote: z.string().optional(),
  unverified: z.boolean(),
  unverifiedFields: z.array(z.string()),
  notes: z.string().nullable().optional(),
};

function unverifiedConsistent(e: { unverified: boolean; unverifiedFields: string[] }): boolean {
  return e.unverified === e.unverifiedFields.length > 0;
}
const unverifiedMessage = {
  message: "unverified must be true exactly when unverifiedFields is non-empty",
  path: ["unverified"],
};

export const gpuSchema = z
  .strictObject({
    id,
    aliases: z.array(id),
    kind: z.literal("gpu"),
    name: z.string(),
    vendor: z.string(),
    peakBf16Tflops: positive.max(1e5),
    peakFp8Tflops: positive.max(1e5).nullable(),
    /** The range of dense BF16 peaks the vendor's documents give (clock or board variants). */
    peakBf16TflopsRange: z.tuple([positive.max(1e5), positive.max(1e5)]),
    /** The vendor datasheet or whitepaper the peaks come from, and its date. */
    peakSource: source,
    peakAsOf: asOf,
    fp64VectorTflops: positive.max(1e4).nullable(),
    fp64TensorTflops: positive.max(1e4).nullable(),
    memoryGb: positive.max(1e4),
    memoryBandwidthGbPerS: positive.max(1e6),
    linkBandwidthGbPerS: positive.max(1e6),
    link: z.string(),
    tdpW: positive.max(1e4).nullable(),
    priceUsdPerGpuHourLow: positive.max(1e3),
    priceUsdPerGpuHourHigh: positive.max(1e3),
    priceSource: source,
    priceAsOf: asOf,
    ...provenance,
  })
  .refine(unverifiedConsistent, unverifiedMessage)
  .refine(
    (g) => g.peakBf16TflopsRange[0] <= g.peakBf16Tflops && g.peakBf16Tflops <= g.peakBf16TflopsRange[1],
    {
      message: "peakBf16Tflops outside peakBf16TflopsRange",
      path: ["peakBf16Tflops"],
    },
  )
  .refine((g) => g.priceUsdPerGpuHourLow <= g.priceUsdPerGpuHourHigh, {
    message: "price range low > high",
    path: ["priceUsdPerGpuHourLow"],
  });

export const qpuSchema = z
  .strictObject({
    id,
    aliases: z.array(id),
    kind: z.literal("qpu"),
    name: z.string(),
    vendor: z.string(),
    modality: z.enum(["superconducting", "trapped-ion", "neutral-atom"]),
    /** "analog" devices (Aquila, Fresnel) run Hamiltonians, not gate circuits. */
    model: z.enum(["gate", "analog"]),
    backend: z.string().optional(),
    qubits: z.number().int().positive().max(1e7),
    connectivity: z.string(),
    nativeGates: z.array(z.string()),
    oneQubitError: probability.nullable(),
    twoQubitError: probability.nullable(),
    readoutError: probability.nullable(),
    t1Us: positive.nullable(),
    t2Us: positive.nullable(),
    oneQubitGateNs: positive.nullable(),
    twoQubitGateNs: positive.nullable(),
    readoutNs: positive.nullable(),
    /** IBM's hardware-aware CLOPS (circuit layer operations per second). */
    clopsH: positive.nullable(),
    priceUsdPerQpuSecond: positive.nullable(),
    priceUsdPerShot: positive.nullable(),
    priceUsdPerTask: positive.nullable(),
    priceNote: z.string().nullable(),
    priceSource: z.string().nullable(),
    benchmarks: z.string().nullable(),
    ...provenance,
  })
  .refine(unverifiedConsistent, unverifiedMessage);

export const annealerSchema = z
  .strictObject({
    id,
    aliases: z.array(id),
    kind: z.literal("annealer"),
    name: z.string(),
    vendor: z.string(),
    qubits: z.number().int().positive(),
    topology: z.string(),
    couplersPerQubit: z.number().int().positive(),
    couplers: z.number().int().positive().nullable(),
    annealTimeUsDefault: positive,
    annealTimeUsMin: positive,
    annealTimeUsMax: positive,
    jobOverheadMsLow: positive,
    jobOverheadMsHigh: positive,
    programmingMsLow: positive,
    programmingMsHigh: positive,
    readoutUsPerSampleLow: positive,
    readoutUsPerSampleHigh: positive,
    ...provenance,
  })
  .refine(unverifiedConsistent, unverifiedMessage);

export const roadmapMilestoneSchema = z.strictObject({
  vendor: z.string(),
  year: z.number().int().min(2015).max(2050),
  label: z.string(),
  physicalQubits: positive.nullable(),
  logicalQubits: positive.nullable(),
  twoQubitGates: positive.nullable(),
  source,
  asOf,
  unverified: z.boolean(),
  notes: z.string().nullable(),
});

const mfuRunSchema = z.strictObject({
  run: z.string(),
  hardware: z.string(),
  gpus: z.number().int().positive().nullable(),
  mfu: probability,
  tflopsPerGpu: positive.nullable(),
  source,
  asOf,
});

export const mfuDataSchema = z.strictObject({
  $comment: z.string(),
  default: z.strictObject({
    mfu: probability,
    low: probability,
    high: probability,
    referenceGpus: z.number().int().positive(),
    source,
    asOf,
    notes: z.string(),
  }),
  scaling: z.strictObject({
    efficiencyPerDoubling: probability,
    fromGpus: z.number().int().positive(),
    toGpus: z.number().int().positive(),
    source,
    asOf,
  }),
  /** Share of wall time spent training (restarts and interruptions excluded). */
  goodput: z.strictObject({
    value: probability.or(z.literal(1)),
    low: probability.or(z.literal(1)),
    high: probability.or(z.literal(1)),
    source,
    asOf,
    notes: z.string(),
  }),
  runs: z.array(mfuRunSchema),
});

export const referenceMachineSchema = z.strictObject({
  id,
  name: z.string(),
  logicalQubits: positive,
  logicalGateUs: positive,
  ioGbitPerS: positive,
  fp16OpsPerS: positive,
  int32OpsPerS: positive,
  binaryOpsPerS: positive,
  source,
  asOf,
  notes: z.string(),
});

export type Gpu = z.infer<typeof gpuSchema>;
export type Qpu = z.infer<typeof qpuSchema>;
export type Annealer = z.infer<typeof annealerSchema>;
export type Device = Gpu | Qpu | Annealer;
export type DeviceKind = Device["kind"];
export type RoadmapMilestone = z.infer<typeof roadmapMilestoneSchema>;
export type MfuData = z.infer<typeof mfuDataSchema>;
export type ReferenceMachine = z.infer<typeof referenceMachineSchema>;
