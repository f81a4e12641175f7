// GPU cluster cost model. time = FLOPs / (GPUs × peak × MFU × scaling efficiency × goodput), never below the
// latency floor of launching a GPU job; energy = TDP × PUE × GPU-time; cost = price × GPU-hours. Goodput is the
// share of wall time spent training (Llama 3 paper §3.3.4: > 90% for the 405B run); 1 unless the caller gives it. MFU defaults to 0.40, inside the 38–43% measured for Llama 3 405B on 8,192–16,384
// H100 (Llama 3 paper Table 4, [M1]). A second mode takes published GPU-hours instead of a FLOP count.

import { userError } from "../errors.js";
import { catalog, citations, getGpu, unverifiedNotes } from "../hardware/catalog.js";
import type { Gpu } from "../hardware/schema.js";
import { SECONDS_PER_HOUR, tflopsToFlopsPerSecond } from "../units/quantity.js";
import { applyJobFloor, classicalJobFloor } from "./job-floor.js";

/** Classical work as the GPU model sees it: FLOPs, bytes that must be resident, and how far it parallelises. */
export interface ClassicalWork {
  flops: number;
  /** Bytes of state that must fit in the cluster's accelerator memory (0 if unknown). */
  residentBytes?: number;
  /** Beyond this many GPUs adding more does not help (null: no limit known). */
  maxUsefulGpus?: number | null;
}

export interface GpuOptions {
  gpu?: string;
  gpus?: number;
  mfu?: number;
  /** Power usage effectiveness of the facility; default 1.0 = GPU board power only. */
  pue?: number;
  precision?: "bf16" | "fp8";
  /** Share of wall time spent on useful work (restarts, interruptions excluded); default 1. */
  goodput?: number;
  /** Where a given `mfu` comes from (e.g. a preset's measured or calibrated value) and its own band. */
  mfuBasis?: { text: string; low: number; high: number };
}

export interface GpuEstimate {
  mode: "flops-model" | "reported-gpu-hours";
  device: string;
  deviceName: string;
  count: number;
  /** GPUs doing useful work (count capped at the workload's parallelism limit). */
  usefulCount: number;
  saturated: boolean;
  precision: "bf16" | "fp8";
  peakTflops: number;
  mfu: number;
  mfuLow: number;
  mfuHigh: number;
  scalingEfficiency: number;
  goodput: number;
  /** True when the latency floor, not the FLOPs, sets the time. */
  atLatencyFloor: boolean;
  flops: number;
  seconds: number;
  /** Time at the high and low ends of the MFU band: [fastest, slowest]. */
  secondsRange: [number, number];
  /** Hypothetical time on one GPU at the same MFU (ignores whether the state fits in its memory). */
  singleGpuSeconds: number;
  gpuHours: number;
  energyJ: number | null;
  pue: number;
  costUsd: number;
  costUsdLow: number;
  costUsdHigh: number;
  memory: { residentBytes: number; minGpus: number; fits: boolean };
  formula: string;
  assumptions: string[];
  unverified: string[];
  sources: Array<{ id: string; citation: string }>;
}

export const DEFAULT_GPU = "h100";

/** No GPU job takes less than this: launching it costs of order µs ([cuda-graphs]; an order of magnitude). */
export function gpuLatencyFloorSeconds(): number {
  return classicalJobFloor("gpu").seconds;
}
/** The popular claim's cluster size ("about 102 days on 16,000 GPUs"). */
export const DEFAULT_GPU_COUNT = 16_000;

function check(field: string, value: number, ok: boolean, what: string): void {
  if (!Number.isFinite(value) || !ok)
    throw userError("Estimate.Gpu.InvalidParameter", `${what}, got ${value}`, { field });
}

/**
 * Scaling efficiency relative to the cluster size at which the MFU was measured: 41/43 per doubling beyond it
 * (Llama 3 Table 4: 43% on 8,192 → 41% on 16,384 GPUs, derived arithmetic), 1 at or below it.
 */
export function scalingEfficiency(gpus: number): number {
  const { efficiencyPerDoubling } = catalog.mfu.scaling;
  const ref = catalog.mfu.default.referenceGpus;
  return gpus <= ref ? 1 : efficiencyPerDoubling ** Math.log2(gpus / ref);
}

function resolve(options: GpuOptions): {
  gpu: Gpu;
  count: number;
  mfu: number;
  pue: number;
  precision: "bf16" | "fp8";
  peak: number;
  goodput: number;
} {
  const gpu = getGpu(options.gpu ?? DEFAULT_GPU);
  const count = options.gpus ?? DEFAULT_GPU_COUNT;
  check("gpus", count, Number.isInteger(count) && count >= 1, "must be a whole number of GPUs ≥ 1");
  const mfu = options.mfu ?? catalog.mfu.default.mfu;
  check("mfu", mfu, mfu > 0 && mfu <= 1, "must be a fraction in (0, 1]");
  const pue = options.pue ?? 1;
  check("pue", pue, pue >= 1 && pue < 10, "must be ≥ 1 (1 = GPU board power only)");
  const goodput = options.goodput ?? 1;
  check("goodput", goodput, goodput > 0 && goodput <= 1, "must be a fraction in (0, 1]");
  const precision = options.precision ?? "bf16";
  const peak = precision === "fp8" ? gpu.peakFp8Tflops : gpu.peakBf16Tflops;
  if (peak === null) {
    throw userError("Estimate.Gpu.NoFp8", `${gpu.id} has no FP8 tensor rate`, {
      field: "precision",
      hint: "use --precision bf16",
    });
  }
  return { gpu, count, mfu, pue, precision, peak, goodput };
}

function energyAndCost(gpu: Gpu, pue: number, gpuSeconds: number) {
  const gpuHours = gpuSeconds / SECONDS_PER_HOUR;
  const energyJ = gpu.tdpW === null ? null : gpu.tdpW * pue * gpuSeconds;
  const costUsdLow = gpuHours * gpu.priceUsdPerGpuHourLow;
  const costUsdHigh = gpuHours * gpu.priceUsdPerGpuHourHigh;
  return { gpuHours, energyJ, costUsdLow, costUsdHigh, costUsd: (costUsdLow + costUsdHigh) / 2 };
}

function commonAssumptions(gpu: Gpu, pue: number): string[] {
  return [
    `energy = TDP ${gpu.tdpW ?? "(unknown)"} W × PUE ${pue} × GPU-seconds: an upper bound on board power${pue === 1 ? "; facility overhead not included (set --pue)" : ""}`,
    `cost = GPU-hours × $${gpu.priceUsdPerGpuHourLow}–${gpu.priceUsdPerGpuHourHigh} per GPU-hour (${gpu.priceSource}); costUsd is the midpoint`,
  ];
}

/** Time, energy and cost of `work` on a GPU cluster from its FLOP count. */
export function estimateGpu(work: ClassicalWork, options: GpuOptions = {}): GpuEstimate {
  check("flops", work.flops, work.flops > 0, "must be a positive FLOP count");
  const { gpu, count, mfu, pue, precision, peak, goodput } = resolve(options);
  const catalogBand = catalog.mfu.default;
  const band = options.mfuBasis
    ? { ...catalogBand, mfu, low: options.mfuBasis.low, high: options.mfuBasis.high }
    : catalogBand;
  const jobFloor = classicalJobFloor("gpu");
  const floor = jobFloor.seconds;
  const peakFlopsPerS = tflopsToFlopsPerSecond(peak);
  const limit = work.maxUsefulGpus ?? Number.POSITIVE_INFINITY;
  const usefulCount = Math.min(count, limit);
  const eff = scalingEfficiency(usefulCount);
  const rate = (m: number) => usefulCount * peakFlopsPerS * m * eff * goodput;
  const computeSeconds = work.flops / rate(mfu);
  const { seconds, atFloor: atLatencyFloor } = applyJobFloor(computeSeconds, jobFloor);
  const floored = (s: number) => applyJobFloor(s, jobFloor).seconds;
  // The band scales with the chosen MFU so a user's --mfu moves the whole range.
  const secondsRange: [number, number] = [
    floored(work.flops / rate(Math.min(1, (mfu * band.high) / band.mfu))),
    floored(work.flops / rate((mfu * band.low) / band.mfu)),
  ];
  const singleGpuSeconds = floored(work.flops / (peakFlopsPerS * mfu * goodput));
  const residentBytes = work.residentBytes ?? 0;
  const minGpus = Math.max(1, Math.ceil(residentBytes / (gpu.memoryGb * 1e9)));
  const ec = energyAndCost(gpu, pue, seconds * count);

  const assumptions = [
    `MFU ${mfu}${options.mfuBasis ? ` (${options.mfuBasis.text})` : options.mfu === undefined ? ` (default; ${band.source}: ${band.low}–${band.high})` : " (given)"}; range shown for the ${band.low}–${band.high} band`,
    `scaling efficiency ${eff.toFixed(3)}: ×${catalog.mfu.scaling.efficiencyPerDoubling.toFixed(4)} per doubling beyond ${band.referenceGpus} GPUs (${catalog.mfu.scaling.source})`,
    `${precision.toUpperCase()} dense peak ${peak} TFLOP/s per ${gpu.id} (${gpu.peakSource}, ${gpu.peakAsOf}; range ${gpu.peakBf16TflopsRange.join("–")} BF16)`,
    ...(goodput < 1
      ? [
          `goodput ${goodput}: share of wall time spent training (${catalog.mfu.goodput.source}); the rest is restarts and interruptions`,
        ]
      : []),
    ...(atLatencyFloor
      ? [
          `the FLOPs take ${computeSeconds.toExponential(1)} s, below the ${floor * 1e6} µs floor of launching a GPU job (${jobFloor.source}; unverified order of magnitude): the floor is used`,
        ]
      : []),
    ...commonAssumptions(gpu, pue),
    "single-GPU time is hypothetical: same MFU, and ignores whether the training state fits in one GPU's memory",
  ];
  if (usefulCount < count) {
    assumptions.push(
      `saturated: only ${usefulCount} of ${count} GPUs can work at once; the rest are billed but idle`,
    );
  }
  return {
    mode: "flops-model",
    device: gpu.id,
    deviceName: gpu.name,
    count,
    usefulCount,
    saturated: usefulCount < count,
    precision,
    peakTflops: peak,
    mfu,
    mfuLow: band.low,
    mfuHigh: band.high,
    scalingEfficiency: eff,
    goodput,
    atLatencyFloor,
    flops: work.flops,
    seconds,
    secondsRange,
    singleGpuSeconds,
    ...ec,
    pue,
    memory: { residentBytes, minGpus, fits: count >= minGpus },
    formula:
      "seconds = max(latency floor, FLOPs / (GPUs × peak FLOP/s × MFU × scaling efficiency × goodput))",
    assumptions,
    unverified: [
      ...unverifiedNotes(gpu, [
        precision === "fp8" ? "peakFp8Tflops" : "peakBf16Tflops",
        "tdpW",
        "priceUsdPerGpuHourLow",
        "priceUsdPerGpuHourHigh",
      ]),
      ...(atLatencyFloor ? [`GPU latency floor ${floor} s is an order of magnitude (unverified)`] : []),
    ],
    sources: citations(
      gpu.peakSource,
      gpu.priceSource,
      band.source,
      ...(goodput < 1 ? [catalog.mfu.goodput.source] : []),
      ...(atLatencyFloor ? [jobFloor.source] : []),
    ),
  };
}

export interface ReportedRun {
  gpuHours: number;
  /** The FLOPs of the run, if known: gives the implied average MFU. */
  flops?: number;
}

/** A published run: seconds on `gpus` GPUs = GPU-hours × 3,600 / GPUs; the implied MFU if FLOPs are known. */
export function estimateGpuFromReportedHours(
  run: ReportedRun,
  options: GpuOptions = {},
): GpuEstimate & { impliedMfu: number | null } {
  check("gpuHours", run.gpuHours, run.gpuHours > 0, "must be a positive number of GPU-hours");
  const { gpu, count, pue, precision, peak, goodput } = resolve(options);
  const gpuSeconds = run.gpuHours * SECONDS_PER_HOUR;
  const flops = run.flops ?? Number.NaN;
  const impliedMfu = run.flops ? run.flops / (gpuSeconds * tflopsToFlopsPerSecond(peak)) : null;
  const ec = energyAndCost(gpu, pue, gpuSeconds);
  return {
    mode: "reported-gpu-hours",
    device: gpu.id,
    deviceName: gpu.name,
    count,
    usefulCount: count,
    saturated: false,
    precision,
    peakTflops: peak,
    mfu: impliedMfu ?? Number.NaN,
    mfuLow: impliedMfu ?? Number.NaN,
    mfuHigh: impliedMfu ?? Number.NaN,
    scalingEfficiency: 1,
    goodput,
    atLatencyFloor: false,
    flops,
    seconds: gpuSeconds / count,
    secondsRange: [gpuSeconds / count, gpuSeconds / count],
    singleGpuSeconds: gpuSeconds,
    ...ec,
    pue,
    memory: { residentBytes: 0, minGpus: 1, fits: true },
    formula: "seconds = reported GPU-hours × 3,600 / GPUs (perfect scaling of the billed hours)",
    assumptions: [
      `${run.gpuHours} reported ${gpu.id} GPU-hours spread evenly over ${count} GPUs`,
      ...(impliedMfu !== null
        ? [`implied average MFU over all billed hours: ${(impliedMfu * 100).toFixed(1)}%`]
        : []),
      ...commonAssumptions(gpu, pue),
    ],
    unverified: unverifiedNotes(gpu, ["peakBf16Tflops", "tdpW"]),
    sources: citations(gpu.peakSource, gpu.priceSource),
    impliedMfu,
  };
}
