// The HTML rendering of a report: one self-contained file (inline CSS and SVG, no script, no network), so it opens
// from disk anywhere and can be mailed as is. It reads top-down as a decision maker would: one sentence per
// workload, the table (scrolling in its own box), qfit's years next to the MIT framework's, then the plots — each
// drawn twice, wide and narrow, CSS showing the one that fits the screen — then the details. Each plot has a link
// that downloads it as an .svg file.

import { formatOrders } from "../units/format.js";
import {
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  SECONDS_PER_MINUTE,
  SECONDS_PER_YEAR,
} from "../units/quantity.js";
import { bestStrategy, describeCoprocessing } from "../verdict/compose.js";
import type { VerdictV2 } from "../verdict/contract.js";
import { movingBars, tornadoValue, yearBand } from "./bands.js";
import type { PlotData, Report } from "./build.js";
import { RANKING_HEADER, rankingRows } from "./ranking.js";
import {
  escapeXml as esc,
  type LinePlotSpec,
  linePlot,
  NARROW,
  pow10,
  tornadoPlot,
  WIDE,
  waterfallPlot,
} from "./svg.js";
import { TABLE_HEADER, tableRows } from "./table.js";

/** The stylesheet of every qfit HTML page (reports and sweeps). */
export const CSS = `
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#111;background:#fff}
@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}a{color:#8cf}th{background:#2a2a2a!important}td,th{border-color:#444!important}tr.not-classical td{background:#2b2620!important}table.verdicts td:first-child{background:#161616}}
.scroll{overflow-x:auto;max-width:100%;margin:1em 0}.scroll table{margin:0}
table.verdicts{min-width:1150px}table.verdicts td:first-child,table.verdicts th:first-child{position:sticky;left:0;z-index:1;min-width:11em;max-width:16em;background:#fff;box-shadow:1px 0 0 #ccc}
table.verdicts th:first-child{background:#f2f2f2}table.verdicts tr.not-classical td:first-child{background:#fff6e5}
table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2}tr.not-classical td{background:#fff6e5}.legend-note{font-size:13px;color:#555;margin:.25em 0 1em}
.legend-note .swatch{display:inline-block;width:1em;height:1em;background:#fff6e5;border:1px solid #ccc;vertical-align:-.15em}
figure{margin:2em 0;max-width:100%}figcaption{font-size:13px;color:#555;max-width:720px}
.chart svg{display:block;max-width:100%;height:auto;border-radius:4px}.chart .narrow{display:none}
@media (max-width:600px){.chart .wide{display:none}.chart .narrow{display:block}body{padding:0 .5em}}
.headline li{margin:.4em 0}.why{font-size:14px;max-width:900px}
.unverified{color:#b36b00}details{margin:.5em 0}code{font-size:13px;overflow-wrap:anywhere}
h1,h2,h3,p,li,figcaption{overflow-wrap:break-word}`;

export function downloadLink(id: string, svg: string): string {
  return `<a download="${esc(id)}.svg" href="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}">download SVG</a>`;
}

/**
 * Numbers in captions as people read them: "0.9965653676303539" → "0.997", "3.949e+25" → "3.95×10²⁵", and no
 * "NaN". Captions come from every workload's plots; this is the last line of defence, not the first.
 */
export function tidyNumbers(text: string): string {
  return (
    text
      .replace(/\bNaN\b/g, "not computed")
      // An exponent of millions needs no decimal: "10^83482710.4" → "10^83,482,710".
      .replace(/10\^(-?\d{5,})\.\d+/g, (_, k: string) => `10^${Number(k).toLocaleString("en-US")}`)
      .replace(/(?<![:/\w.])(\d+(?:\.\d+)?)e([+-]?\d+)\b/g, (_, m: string, k: string) => {
        const mant = +(+m).toPrecision(3);
        if (Number(k) === 0) return String(mant);
        const p = pow10(Number(k));
        return mant === 1 ? p : `${mant}×${p}`;
      })
      .replace(/(?<![:/\w.])\d+\.\d{4,}\b/g, (x) => String(+(+x).toPrecision(3)))
  );
}

/** Escaped text with "10^14.7" set as 10<sup>14.7</sup>, as people read powers of ten. */
const withPowers = (text: string): string =>
  esc(tidyNumbers(text)).replace(/10\^(-?\d+(?:\.\d+)?)/g, "10<sup>$1</sup>");

/** A chart drawn at the wide and the narrow width; CSS shows the one that fits. */
export function chart(id: string, draw: (width: number, id: string) => string, caption: string): string {
  const wide = draw(WIDE, id);
  const narrow = draw(NARROW, `${id}-narrow`);
  return `<figure class="chart"><div class="wide">${wide}</div><div class="narrow">${narrow}</div><figcaption>${esc(tidyNumbers(caption))} ${downloadLink(id, wide)}</figcaption></figure>`;
}

/** One figure from a ready SVG string (the sweep page's plots). */
export function figure(id: string, svg: string, caption: string): string {
  return `<figure class="chart">${svg}<figcaption>${esc(tidyNumbers(caption))} ${downloadLink(id, svg)}</figcaption></figure>`;
}

const TIME_UNITS: Array<[string, number]> = [
  ["ns", 1e-9],
  ["µs", 1e-6],
  ["ms", 1e-3],
  ["seconds", 1],
  ["minutes", SECONDS_PER_MINUTE],
  ["hours", SECONDS_PER_HOUR],
  ["days", SECONDS_PER_DAY],
  ["years", SECONDS_PER_YEAR],
];

/**
 * One unit for a time axis, chosen from the data: the largest unit not above the geometric middle of the values
 * (so most ticks read as ordinary numbers), never a mix such as "3e12 years / 1 days".
 */
export function timeUnit(seconds: number[]): [string, number] {
  const v = seconds.filter((s) => Number.isFinite(s) && s > 0);
  if (v.length === 0) return ["seconds", 1];
  const mid = Math.sqrt(Math.min(...v) * Math.max(...v));
  let unit = TIME_UNITS[0];
  for (const u of TIME_UNITS) if (u[1] <= mid) unit = u;
  return unit;
}

/** A report plot as a line-plot spec: time axes converted to one unit chosen from the data, years as plain years. */
export function plotSpec(p: PlotData): LinePlotSpec {
  const spec: LinePlotSpec = {
    ...p,
    title: tidyNumbers(p.title),
    series: p.series.map((s) => ({ ...s, name: tidyNumbers(s.name) })),
    seriesBands: p.seriesBands?.map((b) => ({ ...b, series: tidyNumbers(b.series) })),
    xTick: p.xLabel === "year" ? (v) => String(Math.round(v)) : undefined,
  };
  if (!p.yTime) return spec;
  const toS = p.yTime === "days" ? SECONDS_PER_DAY : 1;
  const ys = [
    ...p.series.flatMap((s) => s.points.map((q) => q.y)),
    ...p.markers.map((m) => m.y),
    ...p.hLines.map((l) => l.y),
  ].map((y) => y * toS);
  const [unit, per] = timeUnit(ys);
  const k = toS / per;
  const base = p.yLabel.replace(/\s*\((days|seconds)\)\s*$/, "");
  return {
    ...spec,
    yLabel: `${base} (${unit})`,
    series: spec.series.map((s) => ({ ...s, points: s.points.map((q) => ({ ...q, y: q.y * k })) })),
    markers: p.markers.map((m) => ({ ...m, y: m.y * k })),
    hLines: p.hLines.map((l) => ({ ...l, y: l.y * k })),
    errorBars: p.errorBars?.map((b) => ({ ...b, lo: b.lo * k, hi: b.hi * k })),
    seriesBands: spec.seriesBands?.map((b) => ({
      ...b,
      points: b.points.map((q) => ({ ...q, lo: q.lo * k, hi: q.hi * k })),
    })),
  };
}

/** "qpuErrorRateFactor" → "QPU error rate factor": inputs named as a reader would say them. */
export function inputName(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\bqpu\b/g, "QPU")
    .replace(/\bmfu\b/g, "MFU")
    .replace(/\bgpu\b/g, "GPU");
}

function tornadoFigure(v: VerdictV2, label: string, index: number, top = 8): string | null {
  const moving = movingBars(v);
  if (moving.length === 0) return null;
  const bars = moving.slice(0, top);
  const still = (v.sensitivity ?? []).length - moving.length;
  const first = bars[0];
  const end = (x: number | null) => tornadoValue(x, 1);
  const caption = `Each bar moves one input alone from its low to its high value, the others at their central values, and shows log10 of quantum time ÷ classical time at both ends (below 0 the quantum side is faster); largest swing first, the swing being how far the ratio moves over the input's low, central and high values. The largest: ${inputName(first.input)} (${+first.low.toPrecision(2)} to ${+first.high.toPrecision(2)}) moves it from ${end(first.qpuOverGpuLog10AtLow)} to ${end(first.qpuOverGpuLog10AtHigh)}.${still ? ` ${still} other input${still === 1 ? "" : "s"} do not move it.` : ""}${moving.length > top ? ` ${moving.length - top} smaller swings not drawn.` : ""}`;
  return chart(
    `tornado-${index}`,
    (width, id) =>
      tornadoPlot({
        id,
        width,
        title: `${label}: what moves the verdict`,
        xLabel: "log10 of quantum time ÷ classical time (below 0: quantum faster)",
        center: v.qpuOverGpuLog10,
        lowLabel: "input at its low value",
        highLabel: "input at its high value",
        zeroLabel: "0: quantum and classical times equal (the verdict changes sides)",
        bars: bars.map((b) => ({
          label: inputName(b.input),
          atLow: b.qpuOverGpuLog10AtLow,
          atHigh: b.qpuOverGpuLog10AtHigh,
          tooltip: `${inputName(b.input)}: ${+b.low.toPrecision(3)} … ${+b.high.toPrecision(3)}${b.basis ? ` — ${b.basis}` : ""}`,
        })),
      }),
    caption,
  );
}

function mitSection(report: Report): string[] {
  if (report.mit.length === 0) return [];
  const out = [
    "<h2>Year of advantage: qfit vs the MIT framework</h2>",
    `<p>The MIT quantum-economic-advantage framework (its calculator's vendor presets, t0 = ${report.t0}) gives its own years. Where they differ from qfit's, the line under each table says why.</p>`,
  ];
  for (const m of report.mit) {
    const i = report.rows.findIndex((r) => r.workload === m.workload);
    const qfitYear =
      i >= 0 ? report.rows[i].yearBand : m.qfitYear === null ? "never" : String(Math.round(m.qfitYear));
    out.push(
      `<h3>${esc(m.workload)}</h3>`,
      '<div class="scroll"><table><thead><tr><th>model</th><th>year of advantage</th></tr></thead><tbody>',
      `<tr><td>qfit (this report)</td><td>${esc(qfitYear)}</td></tr>`,
      ...m.mit.map(
        (y) =>
          `<tr><td>MIT framework, ${esc(y.name)}</td><td>${y.year === null ? "never" : y.status === "already" ? `already (${y.year})` : Math.round(y.year)}</td></tr>`,
      ),
      "</tbody></table></div>",
      `<p class="why">${withPowers(m.why)}</p>`,
    );
  }
  return out;
}

export function renderHtml(report: Report): string {
  const body: string[] = [`<h1>${esc(report.title)}</h1>`];
  body.push(
    '<section class="headline"><h2>The answer</h2><ul>',
    ...report.headlines.map((h) => `<li>${withPowers(h)}</li>`),
    "</ul>",
    `<p class="legend-note">Bands are p05–p95 over the uncertain inputs (seeded Monte Carlo); years are projections from trends, not announced devices. Reference year t0 = ${report.t0}.</p></section>`,
  );

  body.push("<h2>All verdicts</h2>");
  body.push(
    '<div class="scroll" role="region" aria-label="verdict table" tabindex="0"><table class="verdicts"><thead><tr>',
  );
  body.push(...TABLE_HEADER.map((h) => `<th>${esc(h)}</th>`), "</tr></thead><tbody>");
  tableRows(report).forEach((cells, i) => {
    const cls = report.rows[i].winner === "classical" ? "" : ' class="not-classical"';
    body.push(`<tr${cls}>${cells.map((c) => `<td>${withPowers(c)}</td>`).join("")}</tr>`);
  });
  body.push("</tbody></table></div>");
  if (report.rows.some((r) => r.winner !== "classical"))
    body.push(
      '<p class="legend-note"><span class="swatch"></span> Shaded rows: the classical side does not win — quantum is ahead, or neither side can do the job today.</p>',
    );

  body.push(...mitSection(report));

  body.push("<h2>Plots</h2>");
  for (const p of report.plots)
    body.push(chart(p.id, (width, id) => linePlot({ ...plotSpec(p), id, width }), p.caption));

  body.push(
    "<h2>Why: the best quantum strategy, factor by factor</h2>",
    "<p>Each chart multiplies the quantum side's time by one factor at a time against the classical side's; the factors add up, in log10, to the verdict. The outlined bar is the binding factor, the one the table names.</p>",
  );
  for (const c of report.waterfalls) {
    const binding = c.steps.find((s) => s.largest);
    body.push(
      chart(
        c.id,
        (width, id) =>
          waterfallPlot({
            id,
            width,
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
          }),
        `The best quantum strategy (${c.strategy}), factor by factor: each bar multiplies the quantum time by 10 to the power of its length against the classical time; the last bar is their sum, ${c.totalLog10.toFixed(1)} (quantum ${formatOrders(c.totalLog10)} the classical time).${binding ? ` Binding: ${binding.name} (${binding.factorLog10 >= 0 ? "+" : ""}${binding.factorLog10.toFixed(1)}), ${binding.explanation}.` : ""} Hover a bar for its explanation.`,
      ),
    );
  }

  const tornados = report.verdicts
    .map((v, i) => tornadoFigure(v, report.rows[i].workload, i))
    .filter((x): x is string => x !== null);
  if (tornados.length) body.push("<h2>What moves each verdict: sensitivity</h2>", ...tornados);

  if (report.ranking.length) {
    body.push(
      "<h2>Where quantum fits</h2>",
      `<div class="scroll"><table><tr>${RANKING_HEADER.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`,
      ...rankingRows(report.ranking).map((r) => `<tr>${r.map((x) => `<td>${esc(x)}</td>`).join("")}</tr>`),
      "</table></div>",
    );
  }
  body.push("<h2>Details</h2>");
  report.verdicts.forEach((v, i) => {
    body.push(
      `<details${i === report.verdicts.length - 1 ? " open" : ""}><summary>${esc(report.rows[i].workload)}</summary>`,
    );
    const best = bestStrategy(v);
    body.push(`<p><strong>Best quantum strategy:</strong> ${esc(tidyNumbers(v.bestReason))}</p>`);
    body.push(
      '<div class="scroll"><table><tr><th>factor</th><th>log10</th><th>formula</th><th>why</th></tr>',
    );
    for (const b of best.bottlenecks) {
      body.push(
        `<tr><td>${esc(b.name)}</td><td>${esc(b.factorLog10.toFixed(2))}</td><td>${esc(b.formula)}</td><td>${esc(b.explanation)}</td></tr>`,
      );
    }
    body.push(
      "</table></div>",
      '<div class="scroll"><table><tr><th>constraint</th><th>needed</th><th>available</th><th>met</th><th>basis</th></tr>',
    );
    for (const k of best.constraints) {
      body.push(
        `<tr><td>${esc(k.name)}</td><td>${esc(tidyNumbers(`${k.needed.toPrecision(3)} ${k.unit}`))}</td><td>${esc(tidyNumbers(k.available.toPrecision(3)))}</td><td>${k.satisfied ? "yes" : `no${k.yearSatisfied === null ? "" : ` (projected ${Math.round(k.yearSatisfied)})`}`}</td><td>${esc(k.basis)}</td></tr>`,
      );
    }
    body.push("</table></div>");
    for (const s of v.strategies)
      if (s.classicalCoprocessing)
        body.push(
          `<p><strong>${esc(s.name)} — classical co-processing:</strong> ${esc(tidyNumbers(describeCoprocessing(s.classicalCoprocessing)))}</p>`,
        );
    const band =
      v.uncertainty && v.uncertainty.method !== "point"
        ? ` Year band: ${yearBand(v.uncertainty.quantiles.crossoverYear)}.`
        : "";
    body.push(`<p><strong>Crossover:</strong> ${esc(tidyNumbers(v.crossover.explanation))}.${esc(band)}</p>`);
    const list = (title: string, items: string[]) =>
      items.length
        ? `<h4>${esc(title)}</h4><ul>${items.map((x) => `<li>${esc(tidyNumbers(x))}</li>`).join("")}</ul>`
        : "";
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
