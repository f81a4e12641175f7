// The verdict table shared by the terminal and Markdown renderers: one row per workload, cells already formatted.
import { formatDuration, formatEnergy, formatOrders, formatQubits, formatUsd } from "../units/format.js";
import type { Report, ReportRow } from "./build.js";

export const TABLE_HEADER = [
  "workload",
  "classical",
  "classical time",
  "cost",
  "energy",
  "quantum",
  "quantum time",
  "qubits",
  "binding bottleneck",
  "verdict",
  "crossover",
];

export function verdictCell(r: ReportRow): string {
  if (r.winner === "gpu") return `GPU ${formatOrders(r.speedupLog10)}`;
  if (r.winner === "qpu") return `QPU ${formatOrders(r.speedupLog10)}`;
  return "neither";
}

export function tableRows(report: Report): string[][] {
  return report.rows.map((r) => [
    r.workload,
    r.gpu,
    formatDuration(r.gpuSeconds),
    Number.isFinite(r.gpuCostUsd) ? formatUsd(r.gpuCostUsd) : "—",
    r.gpuEnergyJ === null || !Number.isFinite(r.gpuEnergyJ) ? "—" : formatEnergy(r.gpuEnergyJ),
    r.qpu,
    `${formatDuration(r.qpuSeconds)}${r.qpuFeasible ? "" : " (infeasible)"}`,
    formatQubits(r.qpuQubits),
    r.bindingBottleneck,
    verdictCell(r),
    r.crossover,
  ]);
}
