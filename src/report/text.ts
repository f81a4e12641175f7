// The terminal rendering of a report: the verdict table, each workload's one-line summary, and what is unverified.
import pc from "picocolors";
import type { Report } from "./build.js";
import { RANKING_HEADER, rankingRows } from "./ranking.js";
import { TABLE_HEADER, tableRows } from "./table.js";

/** Widest a terminal cell may be; longer text is cut with "…" (the lines under the table say it in full). */
const MAX_CELL = 34;
const cut = (s: string) => (s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s);

/** Cells cut to MAX_CELL, columns padded to their widest cell: a line renderer and the column widths. */
function columns(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((s, i) => s.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return { widths, line };
}

export function renderText(report: Report, color: boolean): string {
  const c = pc.createColors(color);
  const rows = tableRows(report).map((r) => r.map(cut));
  const { widths, line } = columns(TABLE_HEADER, rows);
  const out = [
    c.bold(`${report.title} (t0 = ${report.t0})`),
    "",
    c.bold(line(TABLE_HEADER)),
    widths.map((w) => "─".repeat(w)).join("  "),
  ];
  report.rows.forEach((r, i) => {
    const text = line(rows[i]);
    out.push(r.winner === "classical" ? text : c.yellow(text));
  });
  out.push("");
  for (const v of report.verdicts) out.push(`• ${v.workload.name}: ${v.summary}`);
  const ranked = rankingRows(report.ranking).map((r) => r.map(cut));
  if (ranked.length) {
    const l = columns(RANKING_HEADER, ranked).line;
    out.push("", c.bold("Where quantum fits (earliest first, then by how much)"), c.bold(l(RANKING_HEADER)));
    out.push(...ranked.map(l));
  }
  if (report.training)
    out.push("", c.bold("Training, measured here and extrapolated:"), report.training.drivingScaling);
  if (report.unverified.length) {
    out.push(
      "",
      c.yellow("Unverified values used (flagged in the catalog):"),
      ...report.unverified.map((u) => c.yellow(`  - ${u}`)),
    );
  }
  return `${out.join("\n")}\n`;
}
