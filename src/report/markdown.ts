// The Markdown rendering of a report: the verdict table, per-workload bottlenecks, assumptions and sources.
import { formatDuration, formatOrders } from "../units/format.js";
import { bestStrategy, bindingFactor, describeCoprocessing, factorSum } from "../verdict/compose.js";
import type { Report } from "./build.js";
import { RANKING_HEADER, rankingRows } from "./ranking.js";
import { TABLE_HEADER, tableRows } from "./table.js";

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function renderMarkdown(report: Report): string {
  const out = [
    `# ${report.title}`,
    "",
    `Reference year t0 = ${report.t0}: the year qubit availability and years of advantage are counted from.`,
    "",
    `| ${TABLE_HEADER.join(" | ")} |`,
    `|${TABLE_HEADER.map(() => "---").join("|")}|`,
  ];
  for (const r of tableRows(report)) out.push(`| ${r.map(cell).join(" | ")} |`);
  if (report.ranking.length) {
    out.push(
      "",
      "## Where quantum fits",
      "",
      `| ${RANKING_HEADER.join(" | ")} |`,
      `|${RANKING_HEADER.map(() => "---").join("|")}|`,
    );
    for (const r of rankingRows(report.ranking)) out.push(`| ${r.map(cell).join(" | ")} |`);
  }
  report.verdicts.forEach((v, i) => {
    out.push("", `## ${report.rows[i].workload}`, "", `**Verdict:** ${v.summary}`, "");
    const best = bestStrategy(v);
    const top = bindingFactor(best.bottlenecks);
    out.push(`**Best quantum strategy:** ${v.bestReason}`, "");
    out.push("| factor | log10 | × | why |", "|---|---|---|---|");
    for (const b of best.bottlenecks) {
      const name = b === top ? `**${b.name}** (largest)` : b.name;
      out.push(
        `| ${name} | ${b.factorLog10.toFixed(2)} | ${formatOrders(b.factorLog10)} | ${cell(b.explanation)} |`,
      );
    }
    out.push(`| = quantum / classical | ${factorSum(best.bottlenecks).toFixed(2)} | | |`);
    out.push("", "| constraint | needed | available | met |", "|---|---|---|---|");
    for (const k of best.constraints)
      out.push(
        `| ${k.name} | ${k.needed.toPrecision(3)} ${k.unit} | ${k.available.toPrecision(3)} | ${k.satisfied ? "yes" : "no"} |`,
      );
    for (const s of v.strategies)
      if (s.classicalCoprocessing)
        out.push(
          "",
          `**${s.name} — classical co-processing:** ${describeCoprocessing(s.classicalCoprocessing)}`,
        );
    out.push("", `**Crossover:** ${v.crossover.explanation}`);
    if (v.notes.length) out.push("", "Notes:", ...v.notes.map((n) => `- ${n}`));
    out.push("", "Assumptions:", ...v.assumptions.map((a) => `- ${a}`));
    out.push("", "Sources:", ...v.sources.map((s) => `- [${s.id}] ${s.citation}`));
  });
  if (report.training) {
    out.push("", "## Training, measured here and extrapolated", "", report.training.drivingScaling, "");
    out.push("| model | parameters | GPU time (fit) | QPU time (fit, lower bound) |", "|---|---|---|---|");
    for (const p of report.training.projections) {
      out.push(
        `| ${p.name} | ${p.parameters.toExponential(2)} | ${formatDuration(p.gpu.secondsFromFit)} | ${formatDuration(p.qpu.secondsFromFit)} |`,
      );
    }
    out.push("", ...report.training.assumptions.map((a) => `- ${a}`));
  }
  if (report.unverified.length) {
    out.push("", "## Unverified values used", "", ...report.unverified.map((u) => `- ${u}`));
  }
  return `${out.join("\n")}\n`;
}
