// The terminal rendering of a report: the verdict table, each workload's one-line summary, and what is unverified,
// fitted to the terminal's width (src/report/terminal.ts); Infinity prints every column at full width (--wide).
import pc from "picocolors";
import type { Report } from "./build.js";
import { RANKING_HEADER, rankingRows } from "./ranking.js";
import { TABLE_HEADER, tableRows } from "./table.js";
import { fitText, renderTable } from "./terminal.js";

export function renderText(report: Report, color: boolean, width = Number.POSITIVE_INFINITY): string {
  const c = pc.createColors(color);
  // In the terminal's narrow columns "3.4e12 years" says enough; the summaries below keep the age-of-the-universe
  // comparison.
  const rows = Number.isFinite(width)
    ? tableRows(report).map((r) => r.map((cell) => cell.replace(/ \([^()]*the age of the universe\)/g, "")))
    : tableRows(report);
  const table = renderTable(TABLE_HEADER, rows, {
    width,
    // What a narrow terminal keeps longest: the verdict and its bands (the range is the point of the report),
    // then the year and the reasons, before point times, costs and device names.
    priority: [10, 3, 6, 2, 1, 4, 6, 4, 5, 9, 9, 7, 8],
    styleHeader: c.bold,
    // Rows where classical hardware does not win stand out (the verdict column says which side and by how much).
    styleRow: (line, i) => (report.rows[i].winner === "classical" ? line : c.yellow(line)),
  });
  const out = [c.bold(`${report.title} (t0 = ${report.t0})`), "", ...table, ""];
  if (color && report.rows.some((r) => r.winner !== "classical"))
    out.push(c.yellow("(yellow rows: classical hardware does not win)"), "");
  for (const v of report.verdicts) out.push(`• ${v.workload.name}: ${v.summary}`);
  const ranked = rankingRows(report.ranking);
  if (ranked.length)
    out.push(
      "",
      c.bold("Where quantum fits (earliest first, then by how much)"),
      ...renderTable(RANKING_HEADER, ranked, { width, styleHeader: c.bold }),
    );
  if (report.training)
    out.push("", c.bold("Training, measured here and extrapolated:"), report.training.drivingScaling);
  if (report.unverified.length) {
    out.push(
      "",
      c.yellow("Unverified values used (flagged in the catalog):"),
      ...report.unverified.map((u) => c.yellow(`  - ${u}`)),
    );
  }
  return `${fitText(out.join("\n"), width)}\n`;
}
