// Self-contained SVG plots for the HTML report: no DOM, no network, no fonts to load, so the same string renders in
// a browser opened from disk and in a test. Three shapes cover the report: lines/points on (log) axes, horizontal
// waterfalls of bottleneck factors, and tornado charts of one-input sensitivities. Every mark carries a <title> so
// hovering shows its value; axes say their unit.
//
// Nothing is ever cut: there is no DOM to measure text in, so widths are estimated per glyph class on the wide
// side (DejaVu Sans, the widest common system-ui face), and titles, legends, axis labels and in-plot labels wrap to
// the width they have. The layout takes the figure's width, so a report can carry a narrow variant for phones
// (the browser tests check every text box against the viewBox at 390, 800 and 1300 px).
import { beyondRange } from "../units/format.js";

export interface Point {
  x: number;
  y: number;
  /** Tooltip text; defaults to "x, y". */
  label?: string;
}

export interface Series {
  name: string;
  points: Point[];
  /** Draw markers only (no connecting line). */
  pointsOnly?: boolean;
  dashed?: boolean;
}

export interface Marker extends Point {
  /** Text written next to the marker on the plot. */
  text: string;
}

export interface LinePlotSpec {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  yLog?: boolean;
  series: Series[];
  markers?: Marker[];
  /** Horizontal reference lines, e.g. the qubits a workload needs. */
  hLines?: Array<{ y: number; text: string }>;
  /** Vertical reference lines, e.g. a crossover size n*. */
  vLines?: Array<{ x: number; text: string }>;
  /** Shaded vertical bands, e.g. the p05–p95 range of the crossover size. */
  xBands?: Array<{ from: number; to: number; text: string }>;
  /** Vertical error bars in a series' colour, e.g. the p05–p95 of this instance's time. */
  errorBars?: Array<{ x: number; lo: number; hi: number; series: string; text: string }>;
  /** Shaded bands along series in the series' colour, e.g. each side's p05–p95 at every size; gaps where an end is
   *  missing. */
  seriesBands?: Array<{ series: string; points: Array<{ x: number; lo: number; hi: number }>; text: string }>;
  /** Tick formatter for each axis (default: 10ⁿ on log axes, plain numbers otherwise). */
  xTick?: (v: number) => string;
  yTick?: (v: number) => string;
  /** Width of the figure in px (viewBox units); 720 by default, 360 for the narrow variant. */
  width?: number;
}

export interface WaterfallPlotSpec {
  id: string;
  title: string;
  xLabel: string;
  /** Consecutive steps: each starts where the previous ended. */
  steps: Array<{ label: string; start: number; end: number; tooltip: string; highlight?: boolean }>;
  total: number;
  width?: number;
}

export interface TornadoPlotSpec {
  id: string;
  title: string;
  xLabel: string;
  /** The headline with every input central: the bars grow from here. */
  center: number;
  /** Largest swing first; null = the model cannot run at that end (drawn to the edge, said in words). */
  bars: Array<{ label: string; atLow: number | null; atHigh: number | null; tooltip: string }>;
  lowLabel: string;
  highLabel: string;
  /** Drawn as a dashed line at 0 when the bars cross it (a signed axis: the verdict changes sides there). */
  zeroLabel?: string;
  width?: number;
}

/**
 * A colour-blind-safe categorical palette: Okabe & Ito (2008) without its yellow (too pale on white), then five of
 * Paul Tol's muted colours, so up to 12 series get 12 distinct colours; series also differ by marker shape.
 */
export const PALETTE = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
  "#332288",
  "#882255",
  "#999933",
  "#44AA99",
  "#AA4499",
];
const SHAPES = ["circle", "square", "triangle", "diamond"] as const;

export const WIDE = 720;
export const NARROW = 360;
const FONT = 12;
const TITLE_FONT = 14;
const PAD = 8;
const LINE = 15;

export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** Estimated advance width of `s` at `size` px, erring wide (DejaVu Sans metrics, bold included via `bold`). */
export function textWidth(s: string, size = FONT, bold = false): number {
  let em = 0;
  for (const ch of s) {
    if (ch === " ") em += 0.33;
    else if ("iljI.,:;'|!()[]{}".includes(ch)) em += 0.36;
    else if ("mwMW@%".includes(ch)) em += 0.95;
    else if (/[A-Z]/.test(ch)) em += 0.76;
    else if (/[0-9a-z]/.test(ch)) em += 0.64;
    else em += 0.85;
  }
  return em * size * (bold ? 1.12 : 1.04);
}

/** Greedy word wrap to `max` px, breaking at spaces and after hyphens; a word longer than a line is split. */
export function wrap(text: string, max: number, size = FONT, bold = false): string[] {
  const lines: string[] = [];
  let cur = "";
  const fits = (t: string) => textWidth(t, size, bold) <= max;
  // Tokens carry their glue: a space before a new word, nothing after a hyphen.
  const tokens: Array<{ t: string; glue: string }> = [];
  for (const word of text.split(/\s+/).filter(Boolean))
    for (const [i, t] of word.split(/(?<=-)(?=.)/).entries()) tokens.push({ t, glue: i === 0 ? " " : "" });
  for (const { t, glue } of tokens) {
    const next = cur ? `${cur}${glue}${t}` : t;
    if (fits(next)) {
      cur = next;
      continue;
    }
    if (cur) lines.push(cur);
    let w = t;
    while (!fits(w) && w.length > 1) {
      let k = w.length - 1;
      while (k > 1 && !fits(w.slice(0, k))) k--;
      lines.push(w.slice(0, k));
      w = w.slice(k);
    }
    cur = w;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [""];
}

/** A <text> of several lines (tspans), first baseline at y. */
function textLines(
  x: number,
  y: number,
  lines: string[],
  attrs = "",
  lineHeight = LINE,
  anchor: "start" | "middle" | "end" = "start",
): string {
  const spans = lines
    .map((l, i) => `<tspan x="${x.toFixed(1)}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(l)}</tspan>`)
    .join("");
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}"${attrs ? ` ${attrs}` : ""}>${spans}</text>`;
}

const SUP: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};
/** 10ⁿ with superscript digits, readable as a tick label. */
export const pow10 = (k: number): string => `10${[...String(k)].map((c) => SUP[c] ?? c).join("")}`;

/** A tick or value label: "0.01", "250", "12,000", then powers of ten ("10⁶", "3×10¹²"); never "3e12". */
export function tickNumber(v: number): string {
  if (!Number.isFinite(v)) return beyondRange(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) {
    const r = +v.toPrecision(3);
    return a >= 1000 ? grouped(String(r)) : String(r);
  }
  const k = Math.floor(Math.log10(a) + 1e-9);
  const m = +(v / 10 ** k).toPrecision(2);
  return m === 1 ? pow10(k) : m === -1 ? `−${pow10(k)}` : `${m}×${pow10(k)}`;
}

const fmt = tickNumber;

/** Tick labels for one axis: powers of ten on a log axis, and on a linear one as many decimals as its step has
 *  (0.05 steps read 14.75, 14.80, never "14.8, 14.8"). */
function tickFormat(a: Axis): (v: number) => string {
  if (a.log || a.ticks.length < 2) return fmt;
  const step = Math.abs(a.ticks[1] - a.ticks[0]);
  const plain = a.ticks.every((t) => t === 0 || (Math.abs(t) >= 1e-3 && Math.abs(t) < 1e5));
  if (!plain || step === 0) return fmt;
  let d = 0;
  while (d < 6 && Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) > 1e-6) d++;
  return (v) => grouped(v.toFixed(d)).replace(/^-/, "−");
}

/** "12345.50" → "12,345.50" (no Intl: number formatting runs for every tick of every chart). */
const grouped = (s: string): string => s.replace(/^(-?\d+)/, (m) => m.replace(/\B(?=(\d{3})+(?!\d))/g, ","));

interface Axis {
  lo: number;
  hi: number;
  log: boolean;
  ticks: number[];
}

/** Domain and ticks: whole decades on a log axis (thinned to ≤ maxTicks labels), round steps on a linear one. */
function axis(values: number[], log: boolean, maxTicks = 10): Axis {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (finite.length === 0) return { lo: log ? 1 : 0, hi: log ? 10 : 1, log, ticks: log ? [1, 10] : [0, 1] };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (log) {
    let a = Math.floor(Math.log10(lo));
    let b = Math.ceil(Math.log10(hi));
    if (a === b) b += 1;
    const step = Math.max(1, Math.ceil((b - a) / Math.max(1, maxTicks - 1)));
    a = Math.floor(a / step) * step;
    b = Math.ceil(b / step) * step;
    const ticks: number[] = [];
    for (let k = a; k <= b; k += step) ticks.push(10 ** k);
    return { lo: 10 ** a, hi: 10 ** b, log, ticks };
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const raw = (hi - lo) / Math.max(1, maxTicks - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(+v.toPrecision(12));
  return { lo, hi, log, ticks };
}

function scale(a: Axis, r0: number, r1: number): (v: number) => number {
  if (a.log) {
    const l0 = Math.log10(a.lo);
    const l1 = Math.log10(a.hi);
    return (v) => r0 + ((Math.log10(v) - l0) / (l1 - l0)) * (r1 - r0);
  }
  return (v) => r0 + ((v - a.lo) / (a.hi - a.lo)) * (r1 - r0);
}

/** The axis's ticks, as many as fit side by side in `span` px with their labels. */
function fitTicks(values: number[], log: boolean, span: number, label?: (v: number) => string): Axis {
  for (let n = 10; n >= 2; n--) {
    const a = axis(values, log, n);
    const l = label ?? tickFormat(a);
    const widest = Math.max(...a.ticks.map((t) => textWidth(l(t))));
    if (a.ticks.length < 2 || (widest + 12) * (a.ticks.length - 1) <= span) return a;
  }
  return axis(values, log, 2);
}

function frame(
  id: string,
  title: string,
  titleLines: string[],
  width: number,
  height: number,
  body: string[],
) {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeXml(id)}" viewBox="0 0 ${width} ${height.toFixed(0)}" width="${width}" height="${height.toFixed(0)}" role="img" aria-labelledby="${escapeXml(id)}-title" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height.toFixed(0)}" fill="white"/>`,
    textLines(
      width / 2,
      PAD + TITLE_FONT,
      titleLines,
      `class="title" font-size="${TITLE_FONT}" font-weight="600"`,
      18,
      "middle",
    ),
    ...body,
    "</svg>",
  ].join("\n");
}

function shape(
  kind: (typeof SHAPES)[number],
  cx: number,
  cy: number,
  r: number,
  color: string,
  inner = "",
): string {
  const c = `${cx.toFixed(1)}`;
  const d = `${cy.toFixed(1)}`;
  if (kind === "circle") return `<circle cx="${c}" cy="${d}" r="${r}" fill="${color}">${inner}</circle>`;
  if (kind === "square")
    return `<rect x="${(cx - r).toFixed(1)}" y="${(cy - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" fill="${color}">${inner}</rect>`;
  const pts =
    kind === "triangle"
      ? [
          [cx, cy - r * 1.2],
          [cx + r * 1.1, cy + r * 0.8],
          [cx - r * 1.1, cy + r * 0.8],
        ]
      : [
          [cx, cy - r * 1.3],
          [cx + r * 1.1, cy],
          [cx, cy + r * 1.3],
          [cx - r * 1.1, cy],
        ];
  return `<polygon points="${pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(" ")}" fill="${color}">${inner}</polygon>`;
}

interface LegendItem {
  name: string;
  /** Draws the swatch centred at (x, y). */
  swatch: (x: number, y: number) => string;
}

/** A legend that flows in rows under the plot, each name wrapped to the width it has: never truncated. */
function legend(
  items: LegendItem[],
  x0: number,
  y0: number,
  width: number,
): { svg: string[]; height: number } {
  const sw = 30;
  const gap = 14;
  const svg: string[] = [];
  let x = x0;
  let y = y0;
  let rowH = 0;
  for (const it of items) {
    const lines = wrap(it.name, width - sw, FONT);
    const w = sw + Math.max(...lines.map((l) => textWidth(l)));
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += rowH + 4;
      rowH = 0;
    }
    const h = lines.length * LINE;
    svg.push(
      `<g class="legend"><title>${escapeXml(it.name)}</title>${it.swatch(x + 12, y + 7)}${textLines(x + sw, y + 11, lines)}</g>`,
    );
    x += w + gap;
    rowH = Math.max(rowH, h);
  }
  return { svg, height: items.length ? y - y0 + rowH : 0 };
}

/** A line/point plot; points outside a log axis's domain (≤ 0, non-finite) are dropped, not drawn at the edge. */
export function linePlot(spec: LinePlotSpec): string {
  const W = spec.width ?? WIDE;
  const narrow = W < 500;
  const okX = (v: number) => Number.isFinite(v) && (!spec.xLog || v > 0);
  const okY = (v: number) => Number.isFinite(v) && (!spec.yLog || v > 0);
  const series = spec.series.map((s) => ({ ...s, points: s.points.filter((p) => okX(p.x) && okY(p.y)) }));
  const markers = (spec.markers ?? []).filter((p) => okX(p.x) && okY(p.y));
  const hLines = (spec.hLines ?? []).filter((l) => okY(l.y));
  const vLines = (spec.vLines ?? []).filter((l) => okX(l.x));
  const xBands = (spec.xBands ?? []).filter((b) => okX(b.from) && okX(b.to));
  const errorBars = (spec.errorBars ?? []).filter((b) => okX(b.x) && okY(b.lo) && okY(b.hi));
  // Each band as runs of consecutive drawable points: a point without a low end (a side that cannot run there in
  // most samples) ends a run, so the band has a gap there instead of a bridge; a high end of +∞ (over 5% of samples
  // cannot run) is drawn to the top edge: the band is open upward.
  const seriesBands = (spec.seriesBands ?? [])
    .map((b) => {
      const runs: Array<typeof b.points> = [];
      let run: typeof b.points = [];
      for (const p of b.points) {
        if (okX(p.x) && okY(p.lo) && (okY(p.hi) || p.hi === Number.POSITIVE_INFINITY)) run.push(p);
        else if (run.length) {
          runs.push(run);
          run = [];
        }
      }
      if (run.length) runs.push(run);
      return { ...b, runs };
    })
    .filter((b) => b.runs.length > 0);
  const xs = [
    ...series.flatMap((s) => s.points.map((p) => p.x)),
    ...markers.map((p) => p.x),
    ...vLines.map((l) => l.x),
    ...xBands.flatMap((b) => [b.from, b.to]),
  ];
  const ys = [
    ...series.flatMap((s) => s.points.map((p) => p.y)),
    ...markers.map((p) => p.y),
    ...hLines.map((l) => l.y),
    ...errorBars.flatMap((b) => [b.lo, b.hi]),
    ...seriesBands
      .flatMap((b) => b.runs.flatMap((r) => r.flatMap((p) => [p.lo, p.hi])))
      .filter(Number.isFinite),
  ];

  const titleLines = wrap(spec.title, W - 2 * PAD, TITLE_FONT, true);
  const top = PAD + titleLines.length * 18 + 10;
  const plotH = narrow ? 230 : 300;
  const ay = axis(ys, Boolean(spec.yLog), narrow ? 6 : 9);
  const yt = spec.yTick ?? tickFormat(ay);
  const yTickW = Math.max(...ay.ticks.map((t) => textWidth(yt(t))));
  const yLabelLines = wrap(spec.yLabel, plotH, FONT);
  const x0 = PAD + yLabelLines.length * LINE + 6 + yTickW + 6;
  const xProbe = axis(xs, Boolean(spec.xLog), 10);
  const probeLabel = spec.xTick ?? tickFormat(xProbe);
  const lastTickW = textWidth(probeLabel(xProbe.ticks[xProbe.ticks.length - 1]));
  const x1 = W - Math.max(PAD + 6, lastTickW / 2 + PAD);
  const ax = fitTicks(xs, Boolean(spec.xLog), x1 - x0, spec.xTick);
  const xt = spec.xTick ?? tickFormat(ax);
  const y1 = top;
  const y0 = top + plotH;
  const sx = scale(ax, x0, x1);
  const sy = scale(ay, y0, y1);
  const plotW = x1 - x0;
  const body: string[] = [];

  // Grid and ticks.
  for (const t of ax.ticks) {
    const x = sx(t).toFixed(1);
    body.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y1}" stroke="#e5e5e5"/>`);
    body.push(`<text x="${x}" y="${y0 + 16}" text-anchor="middle" fill="#333">${escapeXml(xt(t))}</text>`);
  }
  for (const t of ay.ticks) {
    const y = sy(t).toFixed(1);
    body.push(`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    body.push(
      `<text x="${x0 - 6}" y="${y}" dy="0.32em" text-anchor="end" fill="#333">${escapeXml(yt(t))}</text>`,
    );
  }
  body.push(
    `<rect x="${x0}" y="${y1}" width="${plotW.toFixed(1)}" height="${y0 - y1}" fill="none" stroke="#888"/>`,
  );
  const xLabelLines = wrap(spec.xLabel, plotW, FONT);
  body.push(textLines((x0 + x1) / 2, y0 + 36, xLabelLines, 'class="xlabel"', LINE, "middle"));
  // The y label, rotated; its lines stack leftwards from the tick labels.
  yLabelLines.forEach((l, i) => {
    const x = PAD + 11 + i * LINE;
    body.push(
      `<text class="ylabel" transform="translate(${x} ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(l)}</text>`,
    );
  });

  // Shaded bands first, so lines draw over them.
  for (const b of xBands) {
    const xa = Math.min(sx(b.from), sx(b.to));
    const w = Math.max(2, Math.abs(sx(b.to) - sx(b.from)));
    body.push(
      `<g class="band"><title>${escapeXml(b.text)}</title><rect x="${xa.toFixed(1)}" y="${y1}" width="${w.toFixed(1)}" height="${y0 - y1}" fill="#999" fill-opacity="0.18"/></g>`,
    );
  }

  // Bands along series, in the series' colour, under every line: each run one closed path (high ends left to right,
  // low ends back).
  for (const b of seriesBands) {
    const i = spec.series.findIndex((s) => s.name === b.series);
    const color = i < 0 ? "#999" : PALETTE[i % PALETTE.length];
    const paths = b.runs.map((r) => {
      const hi = r.map(
        (p) => `${sx(p.x).toFixed(1)},${(p.hi === Number.POSITIVE_INFINITY ? y1 : sy(p.hi)).toFixed(1)}`,
      );
      const lo = r.map((p) => `${sx(p.x).toFixed(1)},${sy(p.lo).toFixed(1)}`).reverse();
      // A lone point is drawn as a short bar, so it stays visible.
      const d = r.length === 1 ? `M${hi[0]}L${lo[0]}` : `M${hi.join("L")}L${lo.join("L")}Z`;
      return `<path d="${d}" fill="${color}" fill-opacity="0.18" stroke="${color}" stroke-opacity="0.35" stroke-width="${r.length === 1 ? 4 : 0.5}"/>`;
    });
    body.push(
      `<g class="series-band" data-series="${escapeXml(b.series)}"><title>${escapeXml(`${b.series}: ${b.text}`)}</title>${paths.join("")}</g>`,
    );
  }

  /** An in-plot label kept inside the plot box: flipped to the other side, then wrapped, never cut. */
  const inPlot = (x: number, y: number, text: string, prefer: "start" | "end", attrs = "") => {
    const max = plotW - 8;
    const lines = wrap(text, max, FONT, attrs.includes("font-weight"));
    const w = Math.max(...lines.map((l) => textWidth(l, FONT, attrs.includes("font-weight"))));
    let anchor: "start" | "end" = prefer;
    let tx = prefer === "start" ? x + 6 : x - 6;
    if (anchor === "start" && tx + w > x1 - 2) {
      anchor = "end";
      tx = x - 6;
    }
    if (anchor === "end" && tx - w < x0 + 2) {
      anchor = "start";
      tx = Math.max(x + 6, x0 + 4);
      if (tx + w > x1 - 2) tx = x0 + 4;
    }
    const h = lines.length * LINE;
    const ty = Math.min(Math.max(y, y1 + 12), y0 - h + 8);
    return textLines(tx, ty, lines, attrs, LINE, anchor);
  };

  // Reference lines close together would print their labels on top of each other: alternate above and below.
  hLines.forEach((l, i) => {
    const y = sy(l.y);
    body.push(
      `<g class="hline"><title>${escapeXml(`${l.text}: ${fmt(l.y)}`)}</title><line x1="${x0}" x2="${x1}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#555" stroke-dasharray="2 3"/>${inPlot(x0 + ((i * plotW) / Math.max(2, hLines.length)) * 0.3, i % 2 ? y + 14 : y - 4, l.text, "start", 'fill="#444"')}</g>`,
    );
  });
  // Neighbouring vertical lines step their labels down the plot so they do not overprint.
  vLines.forEach((l, i) => {
    const x = sx(l.x);
    body.push(
      `<g class="vline"><title>${escapeXml(`${l.text}: ${fmt(l.x)}`)}</title><line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y0}" y2="${y1}" stroke="#555" stroke-dasharray="5 3"/>${inPlot(x + 2, y1 + 14 + 16 * i, l.text, "end", 'fill="#444"')}</g>`,
    );
  });

  const colorOf = new Map<string, string>();
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    colorOf.set(s.name, color);
    const kind = SHAPES[i % SHAPES.length];
    const pts = s.points.map((p) => [sx(p.x), sy(p.y)] as const);
    const g: string[] = [`<g class="series" data-name="${escapeXml(s.name)}" data-color="${color}">`];
    if (!s.pointsOnly && pts.length > 1) {
      g.push(
        `<polyline points="${pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(" ")}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      );
    }
    s.points.forEach((p, k) => {
      const [cx, cy] = pts[k];
      const tip = `<title>${escapeXml(`${s.name}: ${p.label ?? `${fmt(p.x)}, ${fmt(p.y)}`}`)}</title>`;
      g.push(shape(kind, cx, cy, s.pointsOnly ? 4 : 2.5, color, tip));
    });
    g.push("</g>");
    body.push(g.join(""));
  });

  for (const b of errorBars) {
    const x = sx(b.x).toFixed(1);
    const color = colorOf.get(b.series) ?? "#333";
    const ya = sy(b.lo).toFixed(1);
    const yb = sy(b.hi).toFixed(1);
    body.push(
      `<g class="errorbar"><title>${escapeXml(b.text)}</title><line x1="${x}" x2="${x}" y1="${ya}" y2="${yb}" stroke="${color}" stroke-width="2"/><line x1="${+x - 5}" x2="${+x + 5}" y1="${ya}" y2="${ya}" stroke="${color}" stroke-width="2"/><line x1="${+x - 5}" x2="${+x + 5}" y1="${yb}" y2="${yb}" stroke="${color}" stroke-width="2"/></g>`,
    );
  }

  markers.forEach((m, i) => {
    const cx = sx(m.x);
    const cy = sy(m.y);
    // Alternate labels above-right and below-left so neighbouring markers stay readable.
    const label = inPlot(cx, i % 2 ? cy + 20 : cy - 8, m.text, i % 2 ? "end" : "start", 'font-weight="600"');
    body.push(
      `<g class="marker"><title>${escapeXml(m.label ?? m.text)}</title><circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="6" fill="none" stroke="#000" stroke-width="2"/>${label}</g>`,
    );
  });

  // The legend: each series (colour, shape, dash), then what the bands and bars mean.
  const items: LegendItem[] = series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    return {
      name: s.name,
      swatch: (x, y) =>
        `${s.pointsOnly ? "" : `<line x1="${x - 11}" x2="${x + 11}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`}${shape(SHAPES[i % SHAPES.length], x, y, 3.5, color)}`,
    };
  });
  if (xBands.length)
    items.push({
      name: `shaded: ${xBands[0].text}`,
      swatch: (x, y) =>
        `<rect x="${x - 10}" y="${y - 6}" width="20" height="12" fill="#999" fill-opacity="0.3"/>`,
    });
  if (seriesBands.length) {
    const colors = seriesBands.map((b) => {
      const i = spec.series.findIndex((s) => s.name === b.series);
      return i < 0 ? "#999" : PALETTE[i % PALETTE.length];
    });
    const h = 12 / colors.length;
    items.push({
      name: `shaded along each curve: ${seriesBands[0].text}`,
      swatch: (x, y) =>
        colors
          .map(
            (c, k) =>
              `<rect x="${x - 10}" y="${(y - 6 + k * h).toFixed(1)}" width="20" height="${h.toFixed(1)}" fill="${c}" fill-opacity="0.3"/>`,
          )
          .join(""),
    });
  }
  if (errorBars.length)
    items.push({
      name: "bars: this instance's p05–p95",
      swatch: (x, y) =>
        `<line x1="${x}" x2="${x}" y1="${y - 7}" y2="${y + 7}" stroke="#333" stroke-width="2"/>`,
    });
  const legendTop = y0 + 36 + (xLabelLines.length - 1) * LINE + 16;
  const lg = legend(items, PAD, legendTop, W - 2 * PAD);
  body.push(...lg.svg);
  return frame(spec.id, spec.title, titleLines, W, legendTop + lg.height + PAD, body);
}

/** Horizontal bars on a shared x axis, with a label column on the left: the frame of waterfalls and tornados. */
function barFrame(
  W: number,
  labels: string[],
  values: number[],
  xLabel: string,
  title: string,
  minRowH = 26,
  /** A row that carries one more line under its label (the waterfall's "(binding)"). */
  tallRow = -1,
): {
  titleLines: string[];
  rowTop: (i: number) => number;
  rowH: number;
  labelLines: string[][];
  x0: number;
  x1: number;
  sx: (v: number) => number;
  body: string[];
  bottom: number;
} {
  const narrow = W < 500;
  const titleLines = wrap(title, W - 2 * PAD, TITLE_FONT, true);
  const top = PAD + titleLines.length * 18 + 10;
  const labelCol = Math.min(
    Math.max(...labels.map((l) => textWidth(l, FONT, true))) + 10,
    narrow ? 120 : 200,
  );
  const labelLines = labels.map((l) => wrap(l, labelCol - 10, FONT, true));
  const rowH = Math.max(
    minRowH,
    ...labelLines.map((ls, i) => (ls.length + (i === tallRow ? 1 : 0)) * LINE + 8),
  );
  const x0 = PAD + labelCol;
  const probe = axis(values.filter(Number.isFinite), false, 10);
  const edgeTickW = Math.max(
    ...[probe.ticks[0], probe.ticks[probe.ticks.length - 1]].map((t) => textWidth(fmt(t))),
  );
  const x1 = W - PAD - Math.max(6, edgeTickW / 2);
  const ax = fitTicks(values.filter(Number.isFinite), false, x1 - x0);
  const xt = tickFormat(ax);
  const sxFinite = scale(ax, x0, x1);
  // Non-finite ends (a factor past what a double holds) run to the plot's edge, labelled "beyond range".
  const sx = (v: number): number => (Number.isFinite(v) ? sxFinite(v) : v > 0 ? x1 : x0);
  const yEnd = top + labels.length * rowH;
  const body: string[] = [];
  for (const t of ax.ticks) {
    const x = sx(t).toFixed(1);
    body.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${yEnd}" stroke="#e5e5e5"/>`);
    body.push(`<text x="${x}" y="${yEnd + 16}" text-anchor="middle" fill="#333">${escapeXml(xt(t))}</text>`);
  }
  const xLabelLines = wrap(xLabel, x1 - PAD, FONT);
  body.push(textLines((PAD + x1) / 2, yEnd + 36, xLabelLines, 'class="xlabel"', LINE, "middle"));
  return {
    titleLines,
    rowTop: (i) => top + i * rowH,
    rowH,
    labelLines,
    x0,
    x1,
    sx,
    body,
    bottom: yEnd + 36 + (xLabelLines.length - 1) * LINE + 14,
  };
}

/** A value written next to its bar: past its outer end if it fits, else inside the bar, else at its inner end.
 *  `outward` is the side the bar grows towards (right for a step up, left for a step down). */
function barValue(
  xa: number,
  xb: number,
  y: number,
  text: string,
  x0: number,
  x1: number,
  bold: boolean,
  outward: "right" | "left" = "right",
  insideColor = "#fff",
) {
  const w = textWidth(text, FONT, bold);
  const weight = bold ? ' font-weight="700"' : "";
  const at = (x: number, anchor: string, fill = "") =>
    `<text x="${x.toFixed(1)}" y="${y}" dy="0.32em"${anchor === "start" ? "" : ` text-anchor="${anchor}"`}${fill}${weight}>${escapeXml(text)}</text>`;
  const right = xb + 4 + w <= x1 + 4;
  const left = xa - 4 - w >= x0;
  if (outward === "right" && right) return at(xb + 4, "start");
  if (outward === "left" && left) return at(xa - 4, "end");
  if (xb - xa >= w + 8) return at((xa + xb) / 2, "middle", ` fill="${insideColor}"`);
  if (right) return at(xb + 4, "start");
  if (left) return at(xa - 4, "end");
  return at((xa + xb) / 2, "middle");
}

const signed = (v: number) =>
  Number.isFinite(v) ? `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)}` : beyondRange(v);

/**
 * A horizontal waterfall: each bar starts where the previous one ended (the running total of log10 factors), so
 * the last bar ends at the total, drawn as its own bar from zero. Positive steps slow the quantum side
 * (vermillion), negative ones speed it up (green); the binding factor (the largest) is outlined and labelled.
 */
export function waterfallPlot(spec: WaterfallPlotSpec): string {
  const W = spec.width ?? WIDE;
  const labels = [...spec.steps.map((s) => s.label), "total"];
  const f = barFrame(
    W,
    labels,
    [0, spec.total, ...spec.steps.flatMap((s) => [s.start, s.end])],
    spec.xLabel,
    spec.title,
    26,
    spec.steps.findIndex((s) => s.highlight),
  );
  const body = f.body;
  const bar = (i: number, from: number, to: number, tooltip: string, color: string, binding: boolean) => {
    const y = f.rowTop(i) + 4;
    const h = f.rowH - 8;
    const xa = Math.min(f.sx(from), f.sx(to));
    const xb = Math.max(f.sx(from), f.sx(to));
    const mid = y + h / 2;
    const lines = binding ? [...f.labelLines[i], "(binding)"] : f.labelLines[i];
    const label = textLines(
      f.x0 - 8,
      mid - ((lines.length - 1) * LINE) / 2,
      lines,
      `dy="0.32em"${binding ? ' font-weight="700"' : ""}`,
      LINE,
      "end",
    );
    const value = signed(to - from);
    return `<g class="step${binding ? " binding" : ""}"><title>${escapeXml(tooltip)}</title>${label}<rect x="${xa.toFixed(1)}" y="${y}" width="${Math.max(1, xb - xa).toFixed(1)}" height="${h}" fill="${color}"${binding ? ' stroke="#000" stroke-width="2.5"' : ""}/>${barValue(xa, xb, mid, value, f.x0, f.x1, binding, to >= from ? "right" : "left")}</g>`;
  };
  spec.steps.forEach((s, i) => {
    body.push(
      bar(i, s.start, s.end, s.tooltip, s.end >= s.start ? PALETTE[1] : PALETTE[2], Boolean(s.highlight)),
    );
    if (i > 0) {
      const x = f.sx(s.start).toFixed(1);
      body.push(`<line x1="${x}" x2="${x}" y1="${f.rowTop(i) - 4}" y2="${f.rowTop(i) + 4}" stroke="#555"/>`);
    }
  });
  body.push(bar(spec.steps.length, 0, spec.total, `total: ${spec.total.toFixed(2)}`, PALETTE[0], false));
  const zero = f.sx(0).toFixed(1);
  body.push(
    `<line x1="${zero}" x2="${zero}" y1="${f.rowTop(0)}" y2="${f.rowTop(labels.length)}" stroke="#333"/>`,
  );
  const lg = legend(
    [
      {
        name: "slows the quantum side",
        swatch: (x, y) => `<rect x="${x - 10}" y="${y - 6}" width="20" height="12" fill="${PALETTE[1]}"/>`,
      },
      {
        name: "speeds it up",
        swatch: (x, y) => `<rect x="${x - 10}" y="${y - 6}" width="20" height="12" fill="${PALETTE[2]}"/>`,
      },
      {
        name: "total",
        swatch: (x, y) => `<rect x="${x - 10}" y="${y - 6}" width="20" height="12" fill="${PALETTE[0]}"/>`,
      },
      {
        name: "outlined: binding (largest) factor",
        swatch: (x, y) =>
          `<rect x="${x - 10}" y="${y - 6}" width="20" height="12" fill="#fff" stroke="#000" stroke-width="2.5"/>`,
      },
    ],
    PAD,
    f.bottom,
    W - 2 * PAD,
  );
  body.push(...lg.svg);
  return frame(spec.id, spec.title, f.titleLines, W, f.bottom + lg.height + PAD, body);
}

/**
 * A tornado: one row per input, the headline with that input at its low end and at its high end (the others
 * central), as two bars growing from the central value; largest swing first. An end where the model cannot run
 * runs to the edge and says so.
 */
export function tornadoPlot(spec: TornadoPlotSpec): string {
  const W = spec.width ?? WIDE;
  const finite = spec.bars.flatMap((b) => [b.atLow, b.atHigh]).filter((v): v is number => v !== null);
  const f = barFrame(
    W,
    spec.bars.map((b) => b.label),
    [spec.center, ...finite],
    spec.xLabel,
    spec.title,
    40,
  );
  const body = f.body;
  const cx = f.sx(spec.center);
  const LOW = PALETTE[0];
  const HIGH = PALETTE[4];
  spec.bars.forEach((b, i) => {
    const y = f.rowTop(i) + 4;
    const h = (f.rowH - 8) / 2;
    const label = textLines(
      f.x0 - 8,
      f.rowTop(i) + f.rowH / 2 - ((f.labelLines[i].length - 1) * LINE) / 2,
      f.labelLines[i],
      'dy="0.32em"',
      LINE,
      "end",
    );
    const half = (v: number | null, yy: number, color: string, which: string) => {
      const end = v === null ? f.x1 : f.sx(v);
      const xa = Math.min(cx, end);
      const xb = Math.max(cx, end);
      const text = v === null ? "cannot run" : (+v.toFixed(2)).toString();
      return `<rect x="${xa.toFixed(1)}" y="${yy.toFixed(1)}" width="${Math.max(1, xb - xa).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"${v === null ? ' fill-opacity="0.5"' : ""}><title>${escapeXml(`${which}: ${text}`)}</title></rect>${barValue(xa, xb, yy + h / 2, text, f.x0, f.x1, false, end >= cx ? "right" : "left", color === HIGH ? "#000" : "#fff")}`;
    };
    body.push(
      `<g class="tornado-bar"><title>${escapeXml(b.tooltip)}</title>${label}${half(b.atLow, y, LOW, spec.lowLabel)}${half(b.atHigh, y + h, HIGH, spec.highLabel)}</g>`,
    );
  });
  body.push(
    `<line x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="${f.rowTop(0)}" y2="${f.rowTop(spec.bars.length)}" stroke="#333"/>`,
  );
  // Where the bars cross 0 the verdict changes sides: a dashed line marks it.
  const all = [spec.center, ...finite];
  if (spec.zeroLabel && Math.min(...all) < 0 && Math.max(...all) > 0) {
    const z = f.sx(0).toFixed(1);
    body.push(
      `<line class="tornado-zero" x1="${z}" x2="${z}" y1="${f.rowTop(0)}" y2="${f.rowTop(spec.bars.length)}" stroke="#333" stroke-dasharray="3 3"><title>${escapeXml(spec.zeroLabel)}</title></line>`,
    );
  }
  const lg = legend(
    [
      {
        name: spec.lowLabel,
        swatch: (x, y) => `<rect x="${x - 10}" y="${y - 6}" width="20" height="12" fill="${LOW}"/>`,
      },
      {
        name: spec.highLabel,
        swatch: (x, y) => `<rect x="${x - 10}" y="${y - 6}" width="20" height="12" fill="${HIGH}"/>`,
      },
      {
        name: `black line: every input central (${spec.center.toFixed(2)})`,
        swatch: (x, y) =>
          `<line x1="${x}" x2="${x}" y1="${y - 7}" y2="${y + 7}" stroke="#333" stroke-width="2"/>`,
      },
    ],
    PAD,
    f.bottom,
    W - 2 * PAD,
  );
  body.push(...lg.svg);
  return frame(spec.id, spec.title, f.titleLines, W, f.bottom + lg.height + PAD, body);
}
