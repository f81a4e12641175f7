// Evaluates a scenario into a report: one verdict per workload, a compact table, and the data behind each plot.
// Pure and deterministic: the same scenario gives the same JSON (the renderers in text.ts, markdown.ts and
// html.ts only format it).

import { estimateGpu, estimateGpuFromReportedHours } from "../estimate/gpu.js";
import type { LlmEstimateOptions } from "../estimate/llm-training.js";
import { estimateNative, type NativeModel, type NativeVerdict } from "../estimate/native.js";
import { roadmapSeries } from "../estimate/qubit-trend.js";
import { catalog } from "../hardware/catalog.js";
import { type Extrapolation, extrapolateTraining } from "../qml/extrapolate.js";
import { secondsToDays } from "../units/quantity.js";
import type { Verdict } from "../verdict/verdict.js";
import { annealingQuboModel } from "../workloads/annealing-qubo.js";
import { chemistryModel } from "../workloads/chemistry.js";
import { groverModel } from "../workloads/grover.js";
import { hamiltonianSimulationModel } from "../workloads/hamiltonian-simulation.js";
import {
  estimateLlmTrainingInput,
  type LlmTrainingVerdict,
  publishedRuns,
} from "../workloads/llm-training.js";
import { qaoaMaxcutModel } from "../workloads/qaoa-maxcut.js";
import { shorModel } from "../workloads/shor.js";
import type { HardwareSettings, Scenario, WorkloadSpec } from "./scenario.js";

export interface ReportRow {
  workload: string;
  winner: Verdict["winner"];
  speedupLog10: number;
  gpu: string;
  gpuSeconds: number;
  gpuCostUsd: number;
  gpuEnergyJ: number | null;
  qpu: string;
  qpuFeasible: boolean;
  qpuSeconds: number;
  qpuQubits: number;
  bindingBottleneck: string;
  /** "never", "already", or the crossover size and year, e.g. "648 modulus bits in 2049.8". */
  crossover: string;
}

export interface PlotPoint {
  x: number;
  y: number;
  label?: string;
}

/** Plain plot data (no functions): the HTML renderer turns each into SVG; JSON users get the numbers. */
export interface PlotData {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  xLog: boolean;
  yLog: boolean;
  series: Array<{ name: string; points: PlotPoint[]; pointsOnly?: boolean; dashed?: boolean }>;
  markers: Array<PlotPoint & { text: string }>;
  hLines: Array<{ y: number; text: string }>;
  vLines: Array<{ x: number; text: string }>;
  /** The y axis is a time in this unit: renderers label its ticks as durations ("3k years"). */
  yTime?: "days" | "seconds";
  caption: string;
}

export interface BottleneckChart {
  id: string;
  title: string;
  workload: string;
  bars: Array<{ name: string; factorLog10: number; explanation: string; binding: boolean }>;
}

export interface Report {
  title: string;
  /** Reference year of the quantum-native crossovers. */
  t0: number;
  rows: ReportRow[];
  verdicts: Verdict[];
  plots: PlotData[];
  bottleneckCharts: BottleneckChart[];
  /** Measured small-model training costs and their projection to Llama scale (null when not asked for). */
  training: {
    drivingScaling: string;
    assumptions: string[];
    projections: Extrapolation["projections"];
  } | null;
  unverified: string[];
}

type LlmSpec = Extract<WorkloadSpec, { kind: "llm-training" }>;
type NativeSpec = Exclude<WorkloadSpec, LlmSpec>;

function llmOptions(h: HardwareSettings, w: LlmSpec): LlmEstimateOptions {
  const o: LlmEstimateOptions = {};
  for (const k of ["gpu", "gpus", "mfu", "pue", "precision", "qpu", "epsilon", "encoding"] as const) {
    const v = w[k] ?? h[k];
    if (v !== undefined) (o as Record<string, unknown>)[k] = v;
  }
  return o;
}

/** A native spec's own fields: the model's input (the rest are the report's and the estimator's). */
function fields<T extends NativeSpec>(
  spec: T,
): Omit<T, "kind" | "label" | "qubit" | "budget" | "horizonYears"> {
  const { kind: _k, label: _l, qubit: _q, budget: _b, horizonYears: _h, ...input } = spec;
  return input;
}

function nativeModel(spec: NativeSpec): NativeModel {
  switch (spec.kind) {
    case "shor":
      return shorModel(fields(spec));
    case "grover":
      return groverModel(fields(spec));
    case "chemistry":
      return chemistryModel(fields(spec));
    case "hamiltonian-simulation":
      return hamiltonianSimulationModel(fields(spec));
    case "qaoa-maxcut":
      return qaoaMaxcutModel(fields(spec));
    case "annealing-qubo":
      return annealingQuboModel(fields(spec));
  }
}

export type AnyVerdict = LlmTrainingVerdict | NativeVerdict;

/** One workload of a scenario (or of an API request) → its verdict; `hardware` holds the LLM defaults. */
export function evaluateWorkload(spec: WorkloadSpec, hardware: HardwareSettings, t0: number): AnyVerdict {
  if (spec.kind === "llm-training") {
    return estimateLlmTrainingInput(
      {
        preset: spec.preset,
        params: spec.params,
        tokens: spec.tokens,
        ...(spec.attention === undefined ? {} : { attention: spec.attention }),
      },
      llmOptions(hardware, spec),
    );
  }
  return estimateNative(nativeModel(spec), {
    t0,
    ...(spec.qubit === undefined ? {} : { qubit: spec.qubit }),
    ...(spec.budget === undefined ? {} : { budget: spec.budget }),
    ...(spec.horizonYears === undefined ? {} : { horizonYears: spec.horizonYears }),
  });
}

export const isNative = (v: AnyVerdict): v is NativeVerdict => "crossoverSeries" in v;

function crossoverText(v: AnyVerdict): string {
  if (!isNative(v))
    return v.crossover.size === null ? "never" : `from ${v.crossover.size.toExponential(1)} parameters`;
  const c = v.crossoverSeries;
  if (c.status === "never" || c.nStar === null) return "never";
  const size = `${+c.nStar.toPrecision(3)} ${c.sizeLabel}`;
  return c.status === "already" ? `already (from ${size})` : `${size} in ${c.year!.toFixed(1)}`;
}

function row(v: AnyVerdict, label: string | undefined): ReportRow {
  return {
    workload: label ?? v.workload.name,
    winner: v.winner,
    speedupLog10: v.speedupLog10,
    gpu: `${v.gpu.count.toLocaleString("en-US")}× ${v.gpu.device}`,
    gpuSeconds: v.gpu.seconds,
    gpuCostUsd: v.gpu.costUsd,
    gpuEnergyJ: v.gpu.energyJ,
    qpu: v.qpu.device,
    qpuFeasible: v.qpu.feasible,
    qpuSeconds: v.qpu.seconds,
    qpuQubits: v.qpu.qubits,
    bindingBottleneck: v.qpu.bindingBottleneck,
    crossover: crossoverText(v),
  };
}

/** GPU counts on the scaling plot: powers of two from 1 to 2^20 (about a million GPUs). */
export const GPU_COUNTS = Array.from({ length: 21 }, (_, k) => 2 ** k);

/**
 * Time to train vs number of GPUs for one LLM workload, one line per GPU type in the catalog, with the essay's
 * published points (39.3M H100-hours for the three Llama 3.1 models: 1 GPU and 16,000 GPUs) and the 405B run's own
 * 30.84M hours marked. Lines flatten where the workload's parallelism saturates (more GPUs idle).
 */
export function gpuScalingPlot(v: LlmTrainingVerdict): PlotData {
  const w = v.workload;
  const series = catalog.gpus.map((g) => ({
    name: g.id,
    points: GPU_COUNTS.map((n) => {
      const e = estimateGpu(
        { flops: w.flops, maxUsefulGpus: w.maxUsefulGpus },
        { gpu: g.id, gpus: n, mfu: v.gpu.mfu },
      );
      return {
        x: n,
        y: secondsToDays(e.seconds),
        label: `${n} × ${g.id}: ${secondsToDays(e.seconds).toPrecision(3)} days`,
      };
    }),
  }));
  const markers: PlotData["markers"] = [];
  const family = publishedRuns.find((r) => r.id === "llama-3.1-family");
  if (family) {
    for (const n of [1, 16_000]) {
      const e = estimateGpuFromReportedHours({ gpuHours: family.gpuHours }, { gpu: family.gpu, gpus: n });
      markers.push({
        x: n,
        y: secondsToDays(e.seconds),
        text: `essay: ${n === 1 ? "1 GPU" : "16,000 GPUs"}`,
        label: `${family.name}: ${family.gpuHours.toExponential(3)} ${family.gpu} GPU-hours on ${n} GPU(s) = ${secondsToDays(e.seconds).toPrecision(4)} days (${family.source})`,
      });
    }
  }
  if (v.reported) {
    markers.push({
      x: v.reported.count,
      y: secondsToDays(v.reported.seconds),
      text: "published run",
      label: `${w.name}: ${v.reported.gpuHours.toExponential(4)} GPU-hours on ${v.reported.count} ${v.reported.device} = ${secondsToDays(v.reported.seconds).toPrecision(4)} days`,
    });
  }
  return {
    id: "gpu-scaling",
    title: `${w.name}: time to train vs number of GPUs`,
    xLabel: "number of GPUs",
    yLabel: "time to train (days)",
    yTime: "days",
    xLog: true,
    yLog: true,
    series,
    markers,
    hLines: [],
    vLines: w.maxUsefulGpus === null ? [] : [{ x: w.maxUsefulGpus, text: "parallelism limit" }],
    caption: `FLOPs = ${w.flops.toExponential(3)} (${w.flopsFormula}); MFU ${v.gpu.mfu}, dense ${v.gpuDetail.precision.toUpperCase()} peak per GPU from the catalog, ${catalog.mfu.scaling.efficiencyPerDoubling.toFixed(4)} efficiency per doubling beyond ${catalog.mfu.default.referenceGpus} GPUs. Circles: published GPU-hours spread over 1 and 16,000 GPUs.`,
  };
}

/** Qubits each workload needs against what catalog devices have today and what vendor roadmaps promise. */
export function qubitsPlot(verdicts: LlmTrainingVerdict[], labels: string[]): PlotData {
  const today = catalog.qpus.map((q) => ({
    x: Number(q.asOf.slice(0, 4)),
    y: q.qubits,
    label: `${q.name}: ${q.qubits} qubits (${q.asOf}, ${q.source})`,
  }));
  const vendors = [...new Set(catalog.roadmap.map((m) => m.vendor))];
  const roadmapSeries = vendors
    .map((vendor) => ({
      name: `${vendor} roadmap`,
      dashed: true,
      points: catalog.roadmap
        .filter((m) => m.vendor === vendor && m.physicalQubits !== null)
        .sort((a, b) => a.year - b.year)
        .map((m) => ({ x: m.year, y: m.physicalQubits!, label: `${m.year}: ${m.label} (${m.source})` })),
    }))
    .filter((s) => s.points.length > 0);
  // The headline (last) workload only: the table lists the others, and lines a few percent apart are unreadable.
  const headline = verdicts[verdicts.length - 1];
  const label = labels[labels.length - 1];
  const hLines = [
    {
      y: headline.qpu.qubits,
      text: `${label}: ${headline.qpu.qubits.toLocaleString("en-US")} qubits per circuit`,
    },
    {
      y: headline.work.params * headline.work.bitsPerValue,
      text: `${label}: weights held as qubits`,
    },
  ];
  return {
    id: "qubits",
    title: "Qubits needed vs qubits available",
    xLabel: "year",
    yLabel: "physical qubits",
    xLog: false,
    yLog: true,
    series: [{ name: "devices today (catalog)", points: today, pointsOnly: true }, ...roadmapSeries],
    markers: [],
    hLines,
    vLines: [],
    caption:
      "Points: devices in the catalog at the date of their figures. Dashed: vendor roadmaps (claims, not achievements). Horizontal lines: physical qubits the last workload's training circuit needs with error correction, and the qubits that would hold its weights coherently.",
  };
}

/** Time vs problem size for one quantum-native workload, log-log, both sides, n* marked. */
export function crossoverPlot(v: NativeVerdict, index: number): PlotData {
  const c = v.crossoverSeries;
  const line = (name: string, ys: number[]) => ({
    name,
    points: c.sizes.map((n, i) => ({
      x: n,
      y: ys[i],
      label: `n = ${+n.toPrecision(4)}: ${ys[i].toPrecision(3)} s`,
    })),
  });
  return {
    id: `crossover-${index}`,
    title: `${v.workload.name}: time vs problem size`,
    xLabel: c.sizeLabel,
    yLabel: "time (seconds)",
    yTime: "seconds",
    xLog: true,
    yLog: true,
    series: [
      line(`classical (${v.gpu.device})`, c.classicalSeconds),
      line(`quantum (${v.qpu.device})`, c.quantumSeconds),
    ],
    markers: [
      {
        x: v.size,
        y: v.gpu.seconds,
        text: "this instance",
        label: `${v.workload.name}: classical ${v.gpu.seconds.toPrecision(3)} s`,
      },
    ],
    hLines: [],
    vLines: c.nStar === null ? [] : [{ x: c.nStar, text: `n* = ${+c.nStar.toPrecision(3)}` }],
    caption: `${c.reason} (t0 = ${v.t0}). Quantum points are missing where no fault-tolerant layout exists.`,
  };
}

/** Largest gate-model processors by year, the fitted doubling trend, vendor roadmaps and the seed's claim. */
export function roadmapPlot(): PlotData {
  const r = roadmapSeries();
  return {
    id: "roadmap",
    title: "Qubits by year: history, trend and vendor roadmaps",
    xLabel: "year",
    yLabel: "physical qubits",
    xLog: false,
    yLog: true,
    series: [
      {
        name: "largest gate-model device",
        pointsOnly: true,
        points: r.largestComputing.map((p) => ({
          x: p.year,
          y: p.qubits,
          label: `${p.year}: ${p.device}, ${p.qubits} qubits`,
        })),
      },
      ...r.projections.map((p) => ({
        name: p.label,
        dashed: true,
        points: p.points.map((q) => ({ x: q.year, y: q.qubits })),
      })),
      ...r.vendorLines.map((l) => ({
        name: `${l.vendor} roadmap`,
        points: l.points.map((q) => ({ x: q.year, y: q.qubits })),
      })),
    ],
    markers: [],
    hLines: [{ y: 10_000, text: "the seed's 10,000 qubits by 2034" }],
    vLines: [],
    caption: `Trend: ${r.fit.formula}, doubling every ${r.fit.doublingYears.toFixed(2)} years (r² ${r.fit.r2.toFixed(2)}, ${r.fit.fromYear}–${r.fit.toYear}). ${r.seedClaim.map((c) => `${c.claim}: ${c.projectedQubits.toLocaleString("en-US")} in ${c.year} (${c.holds ? "holds" : "fails"})`).join("; ")}. Roadmaps are vendor claims, held flat after the last one.`,
  };
}

/** Training examples per measured run in the report: enough for exact counts, few enough to keep it quick. */
const REPORT_EXTRAPOLATION_EXAMPLES = 5;

/** Measured cost per training token vs parameters, small models trained here, and the fitted lines to Llama scale. */
export function trainingPlot(x: Extrapolation): PlotData {
  const measured = (model: "classical" | "quantum") => ({
    name:
      model === "classical"
        ? "measured: classical MLP (backprop)"
        : "measured: quantum circuit (parameter shift)",
    pointsOnly: true,
    points: x.measured
      .filter((m) => m.model === model)
      .map((m) => {
        const y = model === "classical" ? m.perToken.gpuSeconds : m.perToken.deviceSeconds;
        return {
          x: m.parameters,
          y,
          label: `${m.label}: ${m.parameters} parameters, ${y.toPrecision(3)} s per token`,
        };
      }),
  });
  return {
    id: "training-extrapolation",
    title: "Training cost per token vs model size: measured here, extrapolated to Llama 3.1",
    xLabel: "parameters P",
    yLabel: "time per training token (seconds)",
    yTime: "seconds",
    xLog: true,
    yLog: true,
    series: [
      ...x.lines.map((l) => ({
        name: l.label,
        dashed: true,
        points: l.points.map((p) => ({ x: p.parameters, y: p.secondsPerToken })),
      })),
      measured("classical"),
      measured("quantum"),
    ],
    markers: [],
    hLines: [],
    vLines: x.projections.map((p) => ({ x: p.parameters, text: p.name.replace(/ pre-training$/, "") })),
    caption: x.drivingScaling,
  };
}

export function buildReport(scenario: Scenario): Report {
  const t0 = scenario.t0 ?? new Date().getFullYear();
  const verdicts = scenario.workloads.map((w) => evaluateWorkload(w, scenario.hardware, t0));
  const labels = verdicts.map((v, i) => scenario.workloads[i].label ?? v.workload.name);
  const llm = verdicts.flatMap((v, i) => (isNative(v) ? [] : [{ v, label: labels[i] }]));
  const native = verdicts.filter(isNative);
  const bottleneckCharts = verdicts.map((v, i) => ({
    id: `bottlenecks-${i}`,
    title: `${labels[i]}: what each quantum bottleneck costs alone`,
    workload: labels[i],
    bars: v.bottlenecks.map((b) => ({
      name: b.name,
      factorLog10: b.factorLog10,
      explanation: b.explanation,
      binding: b.name === v.qpu.bindingBottleneck,
    })),
  }));
  const plots: PlotData[] = [];
  if (llm.length > 0) {
    plots.push(
      gpuScalingPlot(llm[llm.length - 1].v),
      qubitsPlot(
        llm.map((x) => x.v),
        llm.map((x) => x.label),
      ),
    );
  }
  const extrapolation =
    (scenario.extrapolation ?? llm.length > 0)
      ? extrapolateTraining({ examples: REPORT_EXTRAPOLATION_EXAMPLES })
      : null;
  if (extrapolation) plots.push(trainingPlot(extrapolation));
  plots.push(...native.map((v, i) => crossoverPlot(v, i)));
  if (native.length > 0) plots.push(roadmapPlot());
  return {
    title: scenario.title,
    t0,
    rows: verdicts.map((v, i) => row(v, scenario.workloads[i].label)),
    verdicts,
    plots,
    bottleneckCharts,
    training: extrapolation && {
      drivingScaling: extrapolation.drivingScaling,
      assumptions: extrapolation.assumptions,
      projections: extrapolation.projections,
    },
    unverified: [...new Set(verdicts.flatMap((v) => v.unverified))],
  };
}
