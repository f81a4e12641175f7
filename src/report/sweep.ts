// A sweep's summary for people: a terminal table and a self-contained HTML page with the plots a sweep is run
// for — the estimator's success probability (ESP) against the simulated fidelity, per device, and the success
// probability against the compiled depth — plus the training runs. Input is sweep/merge.ts's summary.
import type { CircuitRow, ScenarioRow, SweepSummary, TrainingRow } from "../sweep/merge.js";
import { counted, formatDuration } from "../units/format.js";
import { CSS, figure } from "./html.js";
import { escapeXml as esc, linePlot, type Series } from "./svg.js";

const f4 = (x: number | null) => (x === null ? "—" : x.toFixed(4));

export const CIRCUIT_HEADER = [
  "device",
  "circuit",
  "qubits",
  "noise",
  "shots",
  "traj",
  "depth",
  "2q",
  "ESP",
  "F_hell",
  "P_success",
  "chunks",
];

export function circuitCells(r: CircuitRow): string[] {
  return [
    r.device,
    r.circuit,
    String(r.qubits),
    r.noise ? "on" : "off",
    String(r.shots),
    r.method === "trajectories" ? String(r.trajectories) : r.method,
    String(r.depth),
    String(r.twoQubitGates),
    f4(r.estimatedSuccessProbability),
    f4(r.hellingerFidelity),
    f4(r.successProbability),
    String(r.chunks),
  ];
}

export const TRAINING_HEADER = [
  "task",
  "model",
  "size",
  "seed",
  "final loss",
  "train acc",
  "held-out acc",
  "params",
];

function size(r: TrainingRow): string {
  return r.model === "quantum"
    ? `${r.qubits ?? "default"}q × ${r.layers ?? "default"}L${r.device ? ` on ${r.device}` : ""}`
    : `${r.hidden ?? "default"} hidden`;
}

export function trainingCells(r: TrainingRow): string[] {
  return [
    r.task,
    r.model,
    size(r),
    String(r.seed),
    r.finalLoss.toFixed(4),
    `${(100 * r.accuracy).toFixed(1)}%`,
    `${(100 * r.heldOutAccuracy).toFixed(1)}%`,
    String(r.parameters),
  ];
}

export const SCENARIO_HEADER = [
  "scenario",
  "workload",
  "samples",
  "log10(QPU time / GPU time) p05 / p50 / p95",
  "QPU wins",
];

export function scenarioCells(r: ScenarioRow): string[] {
  const q = r.qpuOverGpuLog10;
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "never");
  return [
    r.scenario,
    r.workload,
    String(r.samples),
    `${f(q.p05)} / ${f(q.p50)} / ${f(q.p95)}`,
    `${(100 * r.qpuWinShare).toFixed(1)}%`,
  ];
}

function textTable(header: string[], rows: string[][]): string[] {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(w[i]))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function renderSweepText(name: string, s: SweepSummary): string {
  const out = [`${name}: ${s.jobs} jobs, ${formatDuration(s.workMs / 1000)} of work`];
  if (s.circuits.length > 0) out.push("", ...textTable(CIRCUIT_HEADER, s.circuits.map(circuitCells)));
  if (s.training.length > 0) out.push("", ...textTable(TRAINING_HEADER, s.training.map(trainingCells)));
  if (s.scenarios.length > 0) out.push("", ...textTable(SCENARIO_HEADER, s.scenarios.map(scenarioCells)));
  if (s.failed.length > 0) {
    out.push("", `${counted(String(s.failed.length), "job", "jobs")} failed:`);
    for (const f of s.failed) out.push(`  ${f.what}: ${f.message}`);
  }
  return `${out.join("\n")}\n`;
}

function byKey<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/** ESP (x) against the simulated Hellinger fidelity (y), one series per device, with the y = x diagonal. */
export function espVsFidelityPlot(rows: readonly CircuitRow[]): string | null {
  const noisy = rows.filter((r) => r.noise);
  if (noisy.length === 0) return null;
  const series: Series[] = [...byKey(noisy, (r) => r.device)].map(([device, rs]) => ({
    name: device,
    pointsOnly: true,
    points: rs.map((r) => ({
      x: r.estimatedSuccessProbability,
      y: r.hellingerFidelity,
      label: `${r.circuit} on ${device}: ESP ${f4(r.estimatedSuccessProbability)}, F ${f4(r.hellingerFidelity)}`,
    })),
  }));
  series.push({
    name: "ESP = F",
    dashed: true,
    points: [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ],
  });
  return linePlot({
    id: "sweep-esp-vs-fidelity",
    title: "Estimated success probability vs simulated fidelity",
    xLabel: "ESP (estimator's model)",
    yLabel: "Hellinger fidelity (noisy simulation)",
    series,
  });
}

/** Success probability (noisy probability of the ideal outcomes) against compiled depth, one series per device. */
export function successVsDepthPlot(rows: readonly CircuitRow[]): string | null {
  const pts = rows.filter((r) => r.noise && r.successProbability !== null);
  if (pts.length === 0) return null;
  const series: Series[] = [...byKey(pts, (r) => r.device)].map(([device, rs]) => ({
    name: device,
    pointsOnly: true,
    points: rs.map((r) => ({
      x: r.depth,
      y: r.successProbability as number,
      label: `${r.circuit} on ${device}: depth ${r.depth}, P ${f4(r.successProbability)}`,
    })),
  }));
  return linePlot({
    id: "sweep-success-vs-depth",
    title: "Success probability vs compiled depth",
    xLabel: "depth after transpiling to the device",
    yLabel: "P(ideal outcome), noisy",
    series,
  });
}

/** Held-out accuracy against trainable parameters, one series per task/model. */
export function trainingPlot(rows: readonly TrainingRow[]): string | null {
  if (rows.length === 0) return null;
  const series: Series[] = [...byKey(rows, (r) => `${r.task} ${r.model}`)].map(([name, rs]) => ({
    name,
    pointsOnly: true,
    points: rs.map((r) => ({
      x: r.parameters,
      y: r.heldOutAccuracy,
      label: `${name} ${size(r)} seed ${r.seed}`,
    })),
  }));
  return linePlot({
    id: "sweep-training",
    title: "Held-out accuracy vs parameters",
    xLabel: "trainable parameters",
    yLabel: "held-out accuracy",
    series,
  });
}

function htmlTable(header: string[], rows: string[][]): string {
  return `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

export function renderSweepHtml(name: string, s: SweepSummary): string {
  const body = [
    `<h1>${esc(name)}</h1>`,
    `<p>${s.jobs} jobs, ${esc(formatDuration(s.workMs / 1000))} of work. Split runs are merged: counts added, noisy distributions averaged over their trajectories.</p>`,
  ];
  const plots: Array<[string, string | null, string]> = [
    [
      "sweep-esp-vs-fidelity",
      espVsFidelityPlot(s.circuits),
      "Each point is one noisy run. On the diagonal the estimator's success probability equals the simulated fidelity; below it the model is optimistic, above it pessimistic.",
    ],
    [
      "sweep-success-vs-depth",
      successVsDepthPlot(s.circuits),
      "Probability of reading an ideal outcome (circuits with at most two) against the depth after transpiling.",
    ],
    ["sweep-training", trainingPlot(s.training), "Each point is one training run."],
  ];
  for (const [id, svg, caption] of plots) if (svg) body.push(figure(id, svg, caption));
  if (s.circuits.length > 0)
    body.push("<h2>Circuit runs</h2>", htmlTable(CIRCUIT_HEADER, s.circuits.map(circuitCells)));
  if (s.training.length > 0)
    body.push("<h2>Training runs</h2>", htmlTable(TRAINING_HEADER, s.training.map(trainingCells)));
  if (s.scenarios.length > 0)
    body.push(
      "<h2>Scenario samples</h2>",
      "<p>log10 of the quantum processor's time over the GPU cluster's: positive means the GPU cluster is faster by that many orders of magnitude; “never” means the QPU side is infeasible.</p>",
      htmlTable(SCENARIO_HEADER, s.scenarios.map(scenarioCells)),
    );
  if (s.failed.length > 0)
    body.push(
      "<h2>Failed jobs</h2>",
      htmlTable(
        ["job", "code", "message"],
        s.failed.map((f) => [f.what, f.code, f.message]),
      ),
    );
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(name)}</title><style>${CSS}</style></head><body>\n${body.join("\n")}\n</body></html>\n`;
}
