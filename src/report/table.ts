// The verdict table shared by the terminal and Markdown renderers: one row per workload, cells already formatted.
import { formatDuration, formatEnergy, formatQubits, formatUsd } from "../units/format.js";
import type { Report, ReportRow } from "./build.js";

export const TABLE_HEADER = [
  "workload",
  "classical",
  "classical time",
  "cost",
  "energy",
  "best quantum strategy",
  "quantum time",
  "qubits",
  "largest factor",
  "verdict",
  "quantum / classical (p05–p95)",
  "crossover",
  "year of advantage (projected)",
];

export function verdictCell(r: ReportRow): string {
  return r.verdict;
}

export function tableRows(report: Report): string[][] {
  return report.rows.map((r) => [
    r.workload,
    r.classical,
    formatDuration(r.classicalSeconds),
    r.classicalCostUsd === null || !Number.isFinite(r.classicalCostUsd) ? "—" : formatUsd(r.classicalCostUsd),
    r.classicalEnergyJ === null || !Number.isFinite(r.classicalEnergyJ)
      ? "—"
      : formatEnergy(r.classicalEnergyJ),
    `${r.strategy} (${r.quantum})`,
    `${Number.isFinite(r.quantumSeconds) ? formatDuration(r.quantumSeconds) : "no plan"}${r.quantumFeasible ? "" : " (infeasible)"}`,
    Number.isFinite(r.quantumQubits) ? formatQubits(r.quantumQubits) : "—",
    r.largestFactor,
    verdictCell(r),
    r.ratioBand,
    r.crossover,
    r.yearBand,
  ]);
}
