// Evaluates a scenario into a report: one verdict (schemaVersion 2) per workload, a compact table, the data behind
// each plot and a waterfall of each verdict's best strategy. Pure and deterministic: the same scenario gives the same
// JSON (text.ts, markdown.ts and html.ts only format it). Every workload goes through the registry: no switch.

import { userError } from "../errors.js";
import { roadmapSeries } from "../estimate/qubit-trend.js";
import { DEFAULT_SAMPLES } from "../estimate/uncertainty.js";
import { type Extrapolation, extrapolateTraining } from "../qml/extrapolate.js";
import type { Range } from "../stats/distribution.js";
import { formatDuration, formatNumber } from "../units/format.js";
import { bestStrategy, bindingFactor, verdictPhrase } from "../verdict/compose.js";
import type { VerdictV2, Winner } from "../verdict/contract.js";
import { curveBands } from "../workloads/curve-bands.js";
import { parseWorkloadInput } from "../workloads/input.js";
import type { PlotData, PlotPoint } from "../workloads/plot-data.js";
import { getWorkload } from "../workloads/registry.js";
import { type CrossoverSeries, evaluateVerdict } from "../workloads/sweep.js";
import { rangedInputNames, type UncertaintyRequest, uncertaintyRequestOf } from "../workloads/uncertainty.js";
import type { WorkloadDefinition } from "../workloads/workload.js";
import { ratioBand, yearBand } from "./bands.js";
import { headline } from "./headline.js";
import { type MitComparison, mitComparison } from "./mit-compare.js";
import { type RankingEntry, rankWorkloads } from "./ranking.js";
import { type HardwareSettings, type Scenario, type WorkloadSpec, withHardware } from "./scenario.js";

export type { PlotData, PlotPoint };

export interface ReportRow {
  workload: string;
  winner: Winner;
  speedupLog10: number;
  classical: string;
  classicalSeconds: number;
  classicalCostUsd: number | null;
  classicalEnergyJ: number | null;
  /** The best quantum strategy and its device. */
  strategy: string;
  quantum: string;
  quantumFeasible: boolean;
  quantumSeconds: number;
  quantumQubits: number;
  /** The best strategy's largest bottleneck factor. */
  largestFactor: string;
  /** Who wins and by how much, or which side cannot run (verdictPhrase: the summary sentence starts the same). */
  verdict: string;
  /** "never", "already", or the crossover size and projected year, e.g. "679 modulus bits, projected 2045". */
  crossover: string;
  /** p05–p95 of quantum / classical time, e.g. "10^15.2–10^25.1× (median 10^20.0)" (issue 13). */
  ratioBand: string;
  /** The projected year of advantage as a band, e.g. "2041–2058, median 2049 (projected)". */
  yearBand: string;
  /** The same year with vendor-roadmap qubit claims instead of the fitted trend (a separate scenario). */
  roadmapYearBand: string;
}

/** The best strategy's factors in order, with the running total: the data of a waterfall chart. */
export interface WaterfallChart {
  id: string;
  title: string;
  workload: string;
  strategy: string;
  steps: Array<{
    name: string;
    factorLog10: number;
    start: number;
    end: number;
    explanation: string;
    largest: boolean;
  }>;
  /** Σ factorLog10 = log10(strategy seconds / classical seconds). */
  totalLog10: number;
}

export interface Report {
  schemaVersion: 2;
  title: string;
  /** Reference year of the crossovers. */
  t0: number;
  /** One sentence per workload, in table order: who wins, by how much (a band), what blocks quantum, and when. */
  headlines: string[];
  rows: ReportRow[];
  verdicts: VerdictV2[];
  plots: PlotData[];
  waterfalls: WaterfallChart[];
  /** qfit's year next to the MIT framework's vendor years, for the workloads the framework covers. */
  mit: Array<MitComparison & { workload: string }>;
  /** Where quantum fits: the workloads by how early and how much a QPU helps, and which stage it should take. */
  ranking: RankingEntry[];
  /** Measured small-model training costs and their projection to Llama scale (null when not asked for). */
  training: {
    drivingScaling: string;
    assumptions: string[];
    projections: Extrapolation["projections"];
  } | null;
  unverified: string[];
}

interface Evaluated {
  def: WorkloadDefinition;
  input: Record<string, unknown>;
  verdict: VerdictV2;
  series: CrossoverSeries;
}

/** Monte Carlo samples per verdict in the report: the same default as `qfit estimate` (10,000). The lean path makes
 *  them cheap (a few microseconds each; `npm run bench:uncertainty`), so the report keeps the issue's default. */
export const REPORT_SAMPLES = DEFAULT_SAMPLES;

/** A scenario's workload spec → the raw input of its workload (hardware defaults in; kind, label, ranges out). */
function specInput(spec: WorkloadSpec, hardware: HardwareSettings): Record<string, unknown> {
  const { kind: _k, label: _l, ranges: _r, ...raw } = withHardware(spec, hardware);
  return raw;
}

/** One workload of a scenario (or of an API request) → its definition, validated input, verdict and sweep. */
export function evaluateSpec(
  spec: WorkloadSpec,
  hardware: HardwareSettings,
  t0: number,
  uncertainty: UncertaintyRequest = { samples: REPORT_SAMPLES },
): Evaluated {
  const def = getWorkload(spec.kind);
  const input = parseWorkloadInput(def, specInput(spec, hardware));
  // The estimate's own function: crossover (size and year), uncertainty and tornado, the sweep run once.
  const { verdict, sweep } = evaluateVerdict(def, input, { t0 }, uncertainty);
  const series = sweep.series;
  // The p05–p95 along both curves of the crossover plot (absent with uncertainty off).
  const bands = curveBands(def, input, { t0 }, sweep, uncertainty);
  return { def, input, verdict, series: bands ? { ...series, bands } : series };
}

/** The verdict of one workload spec, with its crossover. */
export function evaluateWorkload(spec: WorkloadSpec, hardware: HardwareSettings, t0: number): VerdictV2 {
  return evaluateSpec(spec, hardware, t0).verdict;
}

/** "679 modulus bits, projected 2045", "already (from 35 sites)", "never": whole years, labelled projections. */
function crossoverText(s: CrossoverSeries): string {
  if (s.status === "never" || s.year === null) return "never";
  const size = s.nStar === null ? null : `${+s.nStar.toPrecision(3)} ${s.sizeLabel}`;
  if (s.status === "already") return size === null ? "already" : `already (from ${size})`;
  return `${size ?? "no size ahead today"}, projected ${Math.round(s.year)}`;
}

function row(e: Evaluated, label: string | undefined): ReportRow {
  const v = e.verdict;
  const b = bestStrategy(v);
  return {
    workload: label ?? v.workload.name,
    winner: v.winner,
    speedupLog10: v.speedupLog10,
    classical: `${v.classical.count.toLocaleString("en-US")}× ${v.classical.device}`,
    classicalSeconds: v.classical.seconds,
    classicalCostUsd: v.classical.costUsd,
    classicalEnergyJ: v.classical.energyJ,
    strategy: b.name,
    quantum: b.device,
    quantumFeasible: b.feasible,
    quantumSeconds: b.seconds,
    quantumQubits: b.physicalQubits,
    largestFactor: bindingFactor(b.bottlenecks)?.name ?? "—",
    verdict: verdictPhrase(v.winner, v.speedupLog10, v.classical, b.feasible),
    crossover: crossoverText(e.series),
    ratioBand: v.uncertainty ? ratioBand(v.uncertainty.quantiles.qpuOverGpuLog10, true) : "n/a",
    yearBand: v.uncertainty ? yearBand(v.uncertainty.quantiles.crossoverYear, true) : "n/a",
    roadmapYearBand: v.uncertainty ? yearBand(v.uncertainty.quantiles.crossoverYearRoadmap, true) : "n/a",
  };
}

export function waterfall(v: VerdictV2, id: string, label: string): WaterfallChart {
  const b = bestStrategy(v);
  const top = bindingFactor(b.bottlenecks);
  let total = 0;
  const steps = b.bottlenecks.map((f) => {
    const start = total;
    total += f.factorLog10;
    return {
      name: f.name,
      factorLog10: f.factorLog10,
      start,
      end: total,
      explanation: f.explanation,
      largest: f === top,
    };
  });
  return {
    id,
    title: `${label}: ${b.name}, factor by factor (log10 of quantum time / classical time)`,
    workload: label,
    strategy: b.name,
    steps,
    totalLog10: total,
  };
}

/** Time vs problem size for one workload, log-log, both sides, n* marked, with the p05–p95 of n* shaded and this
 *  instance's p05–p95 times as bars (issue 13). */
export function crossoverPlot(e: Evaluated, index: number): PlotData {
  const c = e.series;
  const v = e.verdict;
  const classicalName = `classical (${v.classical.device})`;
  const quantumName = `quantum (${bestStrategy(v).name})`;
  const line = (name: string, ys: number[]) => ({
    name,
    points: c.sizes.map((n, i) => ({
      x: n,
      y: ys[i],
      label: `n = ${formatNumber(n, 3)}: ${formatDuration(ys[i])}`,
    })),
  });
  const size = e.input[e.def.headline.field];
  const u = v.uncertainty && v.uncertainty.method !== "point" ? v.uncertainty.quantiles : null;
  const xBands: NonNullable<PlotData["xBands"]> = [];
  if (u && u.crossoverSize.p05 !== null) {
    const hi = u.crossoverSize.p95 ?? c.sizes[c.sizes.length - 1];
    xBands.push({
      from: u.crossoverSize.p05,
      to: hi,
      text: `crossover size p05–p95: ${formatNumber(u.crossoverSize.p05, 3)}–${u.crossoverSize.p95 === null ? "never" : formatNumber(u.crossoverSize.p95, 3)} ${c.sizeLabel}`,
    });
  }
  const errorBars: NonNullable<PlotData["errorBars"]> = [];
  if (u && typeof size === "number") {
    const bar = (name: string, q: (typeof u)["classicalSeconds"], side: string) => {
      if (q.p05 !== null && q.p95 !== null && q.p05 !== q.p95)
        errorBars.push({
          x: size,
          lo: q.p05,
          hi: q.p95,
          series: name,
          text: `${side} time of this instance, p05–p95: ${formatDuration(q.p05)}–${formatDuration(q.p95)}`,
        });
    };
    bar(classicalName, u.classicalSeconds, "classical");
    bar(quantumName, u.quantumSeconds, "quantum");
  }
  // Each curve's p05–p95 at every size. Where over 5% of samples cannot run the band has no upper end (p95 null):
  // hi = +∞, drawn open to the top of the plot; where over 95% cannot run there is no band at all (a gap).
  const seriesBands: NonNullable<PlotData["seriesBands"]> = [];
  const cb = c.bands;
  if (cb) {
    const along = (name: string, qs: typeof cb.classicalSeconds) => ({
      series: name,
      points: c.sizes.map((n, i) => ({
        x: n,
        lo: qs[i].p05 ?? Number.NaN,
        hi: qs[i].p95 ?? (qs[i].p05 === null ? Number.NaN : Number.POSITIVE_INFINITY),
      })),
      text: `p05–p95 of its time at each size (${cb.samples.toLocaleString("en-US")} seeded samples)`,
    });
    // A side whose inputs are all points has no band to draw (it would be its curve).
    for (const b of [along(classicalName, cb.classicalSeconds), along(quantumName, cb.quantumSeconds)])
      if (b.points.some((p) => p.hi > p.lo)) seriesBands.push(b);
  }
  const curveText =
    cb && seriesBands.length
      ? ` Shaded along each curve: its p05–p95 at every size (${cb.samples.toLocaleString("en-US")} seeded samples, the same at every size; open to the top where over 5% of samples cannot run).`
      : "";
  const bandText = xBands.length ? ` Shaded: ${xBands[0].text}.` : "";
  const barText = errorBars.length ? " Bars at this instance: the p05–p95 of each side's time." : "";
  return {
    id: `crossover-${index}`,
    title: `${v.workload.name}: time vs problem size`,
    xLabel: c.sizeLabel,
    yLabel: "time (seconds)",
    yTime: "seconds",
    xLog: true,
    yLog: true,
    series: [line(classicalName, c.classicalSeconds), line(quantumName, c.quantumSeconds)],
    markers:
      typeof size === "number"
        ? [
            {
              x: size,
              y: v.classical.seconds,
              text: "this instance",
              label: `${v.workload.name}: classical ${formatDuration(v.classical.seconds)}`,
            },
          ]
        : [],
    hLines: [],
    vLines: c.nStar === null ? [] : [{ x: c.nStar, text: `n* = ${formatNumber(c.nStar, 3)}` }],
    xBands,
    errorBars,
    seriesBands,
    caption: `Time on each side as the problem grows (both axes logarithmic). ${cap(c.reason)}.${curveText}${bandText}${barText} Quantum points are missing where the strategy has no plan (no fault-tolerant layout).`,
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Largest gate-model processors by year, the fitted doubling trend, vendor roadmaps and the 2-year doubling rule. */
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
        name: p.label.replace(/^seed rule from /, "doubling every 2 years from "),
        dashed: true,
        points: p.points.map((q) => ({ x: q.year, y: q.qubits })),
      })),
      ...r.vendorLines.map((l) => ({
        name: `${l.vendor} roadmap`,
        points: l.points.map((q) => ({ x: q.year, y: q.qubits })),
      })),
    ],
    markers: [],
    hLines: [{ y: 10_000, text: "10,000 qubits (the rule of thumb's 2034 limit)" }],
    vLines: [],
    caption: `Dashed: the fitted trend of the largest devices, qubits doubling every ${r.fit.doublingYears.toFixed(1)} years (least squares on log2 qubits, r² ${r.fit.r2.toFixed(2)}, ${r.fit.fromYear}–${r.fit.toYear}), and the rule of thumb "doubling every 2 years from 2024" from different starting points: ${r.seedClaim.map((c) => `${c.claim.replace(/, doubling.*$/, "")} → ${c.projectedQubits.toLocaleString("en-US")} in ${c.year} (${c.holds ? "under" : "over"} 10,000)`).join("; ")}. Solid: vendor roadmaps, claims rather than achievements, held flat after their last milestone.`,
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

/** qfit's crossover facts the MIT comparison quotes: n*, the physical qubits there, the smallest gap. */
function qfitCrossover(e: Evaluated, t0: number) {
  const c = e.series;
  const gaps = c.sizes
    .map((_, i) => Math.log10(c.quantumSeconds[i] / c.classicalSeconds[i]))
    .filter(Number.isFinite);
  let physicalQubitsAtNStar: number | null = null;
  if (c.nStar !== null) {
    const h = e.def.headline;
    const at = { ...e.input, [h.field]: c.nStar, ...(h.couple ? h.couple(c.nStar, e.input as never) : {}) };
    physicalQubitsAtNStar = bestStrategy(
      e.def.evaluate(at as never, { t0, skipCrossover: true }),
    ).physicalQubits;
  }
  return { nStar: c.nStar, physicalQubitsAtNStar, smallestGapLog10: gaps.length ? Math.min(...gaps) : null };
}

export function buildReport(scenario: Scenario): Report {
  const steps = reportSteps(scenario);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Gives way to the event loop once (pending messages, signals), then resumes. */
export const yieldToEventLoop = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

/**
 * buildReport, giving way to the event loop (`between`) after each workload and after the measured training runs,
 * so a Ctrl-C during a long build is handled at once (within one workload) instead of after the whole build.
 */
export async function buildReportInterruptibly(
  scenario: Scenario,
  between: () => Promise<void> = yieldToEventLoop,
): Promise<Report> {
  const steps = reportSteps(scenario);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await between();
  }
}

/** One workload's evaluation as plain data: what a worker thread sends back (the definition is looked up again). */
export type EvaluatedData = Omit<Evaluated, "def">;

/** What a report evaluates, as plain data (structured-cloneable, so worker threads can share the tasks): task i < jobs.length
 *  is workload i; task jobs.length, when `training`, is the measured-training extrapolation. */
export interface ReportPlan {
  t0: number;
  jobs: Array<{ spec: WorkloadSpec; request: UncertaintyRequest }>;
  hardware: HardwareSettings;
  training: boolean;
}

export type ReportTaskResult = EvaluatedData | Extrapolation;

/** A scenario → its plan: t0, the uncertainty settings and each workload's range overrides. The scenario's ranges
 *  apply to every workload that has the named input; a name none has is refused (a user error, before any work). */
export function planReport(scenario: Scenario): ReportPlan {
  const t0 = scenario.t0 ?? new Date().getFullYear();
  const settings = uncertaintyRequestOf({
    samples: scenario.samples ?? REPORT_SAMPLES,
    seed: scenario.seed,
    uncertainty: scenario.uncertainty,
  });
  const shared = Object.entries(scenario.ranges ?? {});
  const namesOf = scenario.workloads.map((w) =>
    shared.length === 0
      ? []
      : rangedInputNames(
          getWorkload(w.kind),
          parseWorkloadInput(getWorkload(w.kind), specInput(w, scenario.hardware)),
          { t0 },
        ),
  );
  for (const [k] of shared)
    if (!namesOf.some((n) => n.includes(k)))
      throw userError("Uncertainty.UnknownInput", `no workload of this report has a ranged input "${k}"`, {
        field: `ranges.${k}`,
        hint: `ranged inputs: ${[...new Set(namesOf.flat())].sort().join(", ")}`,
      });
  const jobs = scenario.workloads.map((spec, i) => {
    const mine = shared.filter(([k]) => namesOf[i].includes(k));
    const overrides: Record<string, Range> = {};
    for (const [k, r] of [...mine, ...Object.entries(spec.ranges ?? {})])
      overrides[k] =
        r.basis === undefined ? { ...r, basis: "given in the scenario (ranges:) or by --range" } : r;
    return { spec, request: { ...settings, overrides } };
  });
  const training =
    scenario.extrapolation ?? scenario.workloads.some((w) => getWorkload(w.kind).measuredTraining);
  return { t0, jobs, hardware: scenario.hardware, training };
}

/** The number of tasks of a plan (its workloads, and the training extrapolation when asked for). */
export const taskCount = (plan: ReportPlan): number => plan.jobs.length + (plan.training ? 1 : 0);

/** Task i of a plan: pure, so any thread may run any task and the report is the same. */
export function runReportTask(plan: ReportPlan, i: number): ReportTaskResult {
  if (i === plan.jobs.length) return extrapolateTraining({ examples: REPORT_EXTRAPOLATION_EXAMPLES });
  const { spec, request } = plan.jobs[i];
  const { def: _def, ...data } = evaluateSpec(spec, plan.hardware, plan.t0, request);
  return data;
}

/** The report from its plan and every task's result (in task order). */
export function assembleReport(scenario: Scenario, plan: ReportPlan, results: ReportTaskResult[]): Report {
  const t0 = plan.t0;
  const evaluated: Evaluated[] = plan.jobs.map((j, i) => ({
    def: getWorkload(j.spec.kind),
    ...(results[i] as EvaluatedData),
  }));
  const extrapolation = plan.training ? (results[plan.jobs.length] as Extrapolation) : null;
  const verdicts = evaluated.map((e) => e.verdict);
  const labels = verdicts.map((v, i) => scenario.workloads[i].label ?? v.workload.name);
  const plots: PlotData[] = [];
  // A workload's own figures come from its last instance in the scenario (the headline one).
  const lastOfKind = new Map(evaluated.map((e) => [e.def.kind, e]));
  for (const e of lastOfKind.values()) if (e.def.plots) plots.push(...e.def.plots(e.input as never, { t0 }));
  if (extrapolation) plots.push(trainingPlot(extrapolation));
  const swept = evaluated.filter((e) => e.series.sizes.length > 1);
  plots.push(...swept.map((e, i) => crossoverPlot(e, i)));
  if (evaluated.some((e) => bestStrategy(e.verdict).constraints.some((c) => c.yearSatisfied !== null)))
    plots.push(roadmapPlot());
  const mit: Report["mit"] = [];
  evaluated.forEach((e, i) => {
    const m = mitComparison(e.verdict, t0, qfitCrossover(e, t0));
    if (m) mit.push({ ...m, workload: labels[i] });
  });
  return {
    schemaVersion: 2,
    title: scenario.title,
    t0,
    headlines: verdicts.map((v, i) => headline(v, labels[i])),
    rows: evaluated.map((e, i) => row(e, scenario.workloads[i].label)),
    verdicts,
    plots,
    waterfalls: verdicts.map((v, i) => waterfall(v, `waterfall-${i}`, labels[i])),
    ranking: rankWorkloads(verdicts, labels, t0),
    mit,
    training: extrapolation && {
      drivingScaling: extrapolation.drivingScaling,
      assumptions: extrapolation.assumptions,
      projections: extrapolation.projections,
    },
    unverified: [...new Set(verdicts.flatMap((v) => v.unverified))],
  };
}

/** The report's build on this thread, one yield after each task (a workload's evaluation, the training runs). */
function* reportSteps(scenario: Scenario): Generator<void, Report> {
  const plan = planReport(scenario);
  const results: ReportTaskResult[] = [];
  for (let i = 0; i < taskCount(plan); i++) {
    results.push(runReportTask(plan, i));
    yield;
  }
  return assembleReport(scenario, plan, results);
}
