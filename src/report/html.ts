// The HTML rendering of a report: one self-contained file (inline CSS and SVG, no script, no network), so it opens
// from disk anywhere and can be mailed as is. Each plot has a link that downloads it as an .svg file.
import { formatDuration, formatOrders } from "../units/format.js";
import { describeCoprocessing } from "../verdict/compose.js";
import type { PlotData, Report } from "./build.js";
import { RANKING_HEADER, rankingRows } from "./ranking.js";
import { escapeXml as esc, linePlot, waterfallPlot } from "./svg.js";
import { TABLE_HEADER, tableRows } from "./table.js";

/** The stylesheet of every qfit HTML page (reports and sweeps). */
export const CSS = `
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#111;background:#fff}
@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}a{color:#8cf}th{background:#2a2a2a!important}td,th{border-color:#444!important}}
table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2}tr.qpu td{font-weight:600}figure{margin:2em 0}figcaption{font-size:13px;color:#777;max-width:720px}
svg{max-width:100%;height:auto;border-radius:4px}.unverified{color:#b36b00}details{margin:.5em 0}code{font-size:13px}`;

export function downloadLink(id: string, svg: string): string {
  return `<a download="${esc(id)}.svg" href="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}">download SVG</a>`;
}

/** Short tick labels for a time axis in days: "1e-15 s", "10 days", "27 years", "2.7k years", "1e14 years". */
function dayTick(d: number): string {
  const years = d / 365;
  const seconds = d * 86_400;
  if (seconds < 1e-9) return `${seconds.toExponential(0).replace("e+", "e")} s`;
  if (years < 1) return formatDuration(seconds, 2);
  if (years < 1e3) return `${+years.toPrecision(2)} years`;
  if (years < 1e6) return `${+(years / 1e3).toPrecision(2)}k years`;
  return `${years.toExponential(0).replace("e+", "e")} years`;
}

function plotSvg(p: PlotData): string {
  const yTick =
    p.yTime === "days" ? dayTick : p.yTime === "seconds" ? (sec: number) => dayTick(sec / 86_400) : undefined;
  return linePlot({ ...p, yTick, xTick: p.xLabel === "year" ? (v) => String(Math.round(v)) : undefined });
}

export function figure(id: string, svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${esc(caption)} ${downloadLink(id, svg)}</figcaption></figure>`;
}

export function renderHtml(report: Report): string {
  const body: string[] = [
    `<h1>${esc(report.title)}</h1>`,
    `<p>Reference year t0 = ${report.t0}: the year qubit availability and years of advantage are counted from.</p>`,
  ];
  body.push("<table><thead><tr>", ...TABLE_HEADER.map((h) => `<th>${esc(h)}</th>`), "</tr></thead><tbody>");
  tableRows(report).forEach((cells, i) => {
    const cls = report.rows[i].winner === "classical" ? "" : ' class="qpu"';
    body.push(`<tr${cls}>${cells.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`);
  });
  body.push("</tbody></table>");
  for (const v of report.verdicts)
    body.push(`<p><strong>${esc(v.workload.name)}:</strong> ${esc(v.summary)}</p>`);

  body.push("<h2>Plots</h2>");
  for (const p of report.plots) body.push(figure(p.id, plotSvg(p), p.caption));
  for (const c of report.waterfalls) {
    const svg = waterfallPlot({
      id: c.id,
      title: c.title,
      xLabel: "log10 of quantum time / classical time (running total)",
      steps: c.steps.map((s) => ({
        label: s.name,
        start: s.start,
        end: s.end,
        tooltip: `${s.name}: ${formatOrders(s.factorLog10)} — ${s.explanation}`,
        highlight: s.largest,
      })),
      total: c.totalLog10,
    });
    body.push(
      figure(
        c.id,
        svg,
        `The best quantum strategy (${c.strategy}), factor by factor: each bar multiplies the quantum time by 10^(its length) against the classical time; the last bar is their sum, log10(quantum time / classical time). Hover a bar for its explanation.`,
      ),
    );
  }

  if (report.ranking.length) {
    body.push(
      "<h2>Where quantum fits</h2>",
      `<table><tr>${RANKING_HEADER.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`,
      ...rankingRows(report.ranking).map((r) => `<tr>${r.map((x) => `<td>${esc(x)}</td>`).join("")}</tr>`),
      "</table>",
    );
  }
  body.push("<h2>Details</h2>");
  report.verdicts.forEach((v, i) => {
    body.push(
      `<details${i === report.verdicts.length - 1 ? " open" : ""}><summary>${esc(report.rows[i].workload)}</summary>`,
    );
    const best = v.strategies.find((s) => s.name === v.best)!;
    body.push(`<p><strong>Best quantum strategy:</strong> ${esc(v.bestReason)}</p>`);
    body.push("<table><tr><th>factor</th><th>log10</th><th>formula</th><th>why</th></tr>");
    for (const b of best.bottlenecks) {
      body.push(
        `<tr><td>${esc(b.name)}</td><td>${esc(b.factorLog10.toFixed(2))}</td><td>${esc(b.formula)}</td><td>${esc(b.explanation)}</td></tr>`,
      );
    }
    body.push(
      "</table>",
      "<table><tr><th>constraint</th><th>needed</th><th>available</th><th>met</th><th>basis</th></tr>",
    );
    for (const k of best.constraints) {
      body.push(
        `<tr><td>${esc(k.name)}</td><td>${esc(`${k.needed.toPrecision(3)} ${k.unit}`)}</td><td>${esc(k.available.toPrecision(3))}</td><td>${k.satisfied ? "yes" : `no${k.yearSatisfied === null ? "" : ` (${k.yearSatisfied.toFixed(1)})`}`}</td><td>${esc(k.basis)}</td></tr>`,
      );
    }
    body.push("</table>");
    for (const s of v.strategies)
      if (s.classicalCoprocessing)
        body.push(
          `<p><strong>${esc(s.name)} — classical co-processing:</strong> ${esc(describeCoprocessing(s.classicalCoprocessing))}</p>`,
        );
    body.push(`<p><strong>Crossover:</strong> ${esc(v.crossover.explanation)}</p>`);
    const list = (title: string, items: string[]) =>
      items.length ? `<h4>${esc(title)}</h4><ul>${items.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` : "";
    body.push(list("Notes", v.notes), list("Assumptions", v.assumptions));
    body.push(
      list(
        "Sources",
        v.sources.map((s) => `[${s.id}] ${s.citation}`),
      ),
      "</details>",
    );
  });
  if (report.unverified.length) {
    body.push(
      '<h2 class="unverified">Unverified values used</h2><ul class="unverified">',
      ...report.unverified.map((u) => `<li>${esc(u)}</li>`),
      "</ul>",
    );
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(report.title)}</title><style>${CSS}</style></head><body>\n${body.join("\n")}\n<footer><p>Made by qfit. Every outside number comes from the catalog with its source and date; run <code>qfit devices NAME</code> to see one.</p></footer></body></html>\n`;
}
