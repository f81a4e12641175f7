// Self-contained SVG plots for the HTML report: no DOM, no network, no fonts to load, so the same string renders in
// a browser opened from disk and in a test. Two shapes cover the report: lines/points on (log) axes, and
// horizontal waterfalls of bottleneck factors. Every mark carries a <title> so hovering shows its value; axes say their unit.
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
  /** Tick formatter for each axis (default: 10^k on log axes, plain numbers otherwise). */
  xTick?: (v: number) => string;
  yTick?: (v: number) => string;
}

export interface WaterfallPlotSpec {
  id: string;
  title: string;
  xLabel: string;
  /** Consecutive steps: each starts where the previous ended. */
  steps: Array<{ label: string; start: number; end: number; tooltip: string; highlight?: boolean }>;
  total: number;
}

// A colour-blind-safe categorical palette (Okabe & Ito 2008), then two of Tol's muted colours for long legends.
export const PALETTE = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#F0E442",
  "#000000",
];

const W = 720;
const H = 420;
const M = { top: 40, right: 210, bottom: 56, left: 96 };

export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const fmt = (v: number): string =>
  !Number.isFinite(v)
    ? beyondRange(v)
    : Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3)
      ? v.toExponential(1)
      : String(+v.toPrecision(3));
const logTick = (v: number): string => {
  const k = Math.round(Math.log10(v));
  return k >= 0 && k <= 4 ? String(10 ** k) : `1e${k}`;
};

interface Axis {
  lo: number;
  hi: number;
  log: boolean;
  ticks: number[];
}

/** Domain and ticks: whole decades on a log axis (thinned to ≤ 10 labels), ~6 round steps on a linear one. */
function axis(values: number[], log: boolean): Axis {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (finite.length === 0) return { lo: log ? 1 : 0, hi: log ? 10 : 1, log, ticks: log ? [1, 10] : [0, 1] };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (log) {
    let a = Math.floor(Math.log10(lo));
    let b = Math.ceil(Math.log10(hi));
    if (a === b) b += 1;
    const step = Math.max(1, Math.ceil((b - a) / 10));
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
  const raw = (hi - lo) / 6;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
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

function frame(id: string, title: string, body: string[], height = H): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeXml(id)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${escapeXml(id)}-title" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title>`,
    `<rect width="${W}" height="${height}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
    ...body,
    "</svg>",
  ].join("\n");
}

/** A line/point plot; points outside a log axis's domain (≤ 0, non-finite) are dropped, not drawn at the edge. */
export function linePlot(spec: LinePlotSpec): string {
  const okX = (v: number) => Number.isFinite(v) && (!spec.xLog || v > 0);
  const okY = (v: number) => Number.isFinite(v) && (!spec.yLog || v > 0);
  const series = spec.series.map((s) => ({ ...s, points: s.points.filter((p) => okX(p.x) && okY(p.y)) }));
  const markers = (spec.markers ?? []).filter((p) => okX(p.x) && okY(p.y));
  const hLines = (spec.hLines ?? []).filter((l) => okY(l.y));
  const vLines = (spec.vLines ?? []).filter((l) => okX(l.x));
  const xs = [
    ...series.flatMap((s) => s.points.map((p) => p.x)),
    ...markers.map((p) => p.x),
    ...vLines.map((l) => l.x),
  ];
  const ys = [
    ...series.flatMap((s) => s.points.map((p) => p.y)),
    ...markers.map((p) => p.y),
    ...hLines.map((l) => l.y),
  ];
  const ax = axis(xs, Boolean(spec.xLog));
  const ay = axis(ys, Boolean(spec.yLog));
  const x0 = M.left;
  const x1 = W - M.right;
  const y0 = H - M.bottom;
  const y1 = M.top;
  const sx = scale(ax, x0, x1);
  const sy = scale(ay, y0, y1);
  const xt = spec.xTick ?? (spec.xLog ? logTick : fmt);
  const yt = spec.yTick ?? (spec.yLog ? logTick : fmt);
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
  body.push(`<rect x="${x0}" y="${y1}" width="${x1 - x0}" height="${y0 - y1}" fill="none" stroke="#888"/>`);
  body.push(`<text x="${(x0 + x1) / 2}" y="${H - 14}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  body.push(
    `<text transform="translate(18 ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`,
  );

  // Reference lines close together would print their labels on top of each other: alternate above and below
  // the line, and step along the axis.
  hLines.forEach((l, i) => {
    const y = sy(l.y).toFixed(1);
    const tx = x0 + 4 + ((i * (x1 - x0)) / Math.max(2, hLines.length)) * 0.5;
    body.push(
      `<g class="hline"><title>${escapeXml(`${l.text}: ${fmt(l.y)}`)}</title><line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#555" stroke-dasharray="2 3"/><text x="${tx.toFixed(1)}" y="${y}" dy="${i % 2 ? "1.1em" : "-0.35em"}" fill="#555">${escapeXml(l.text)}</text></g>`,
    );
  });
  // Neighbouring vertical lines step their labels down the plot so they do not overprint.
  vLines.forEach((l, i) => {
    const x = sx(l.x).toFixed(1);
    body.push(
      `<g class="vline"><title>${escapeXml(`${l.text}: ${fmt(l.x)}`)}</title><line x1="${x}" x2="${x}" y1="${y0}" y2="${y1}" stroke="#555" stroke-dasharray="5 3"/><text x="${x}" y="${y1 + 12 + 14 * i}" dx="-4" text-anchor="end" fill="#555">${escapeXml(l.text)}</text></g>`,
    );
  });

  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = s.points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`);
    const g: string[] = [`<g class="series" data-name="${escapeXml(s.name)}">`];
    if (!s.pointsOnly && pts.length > 1) {
      g.push(
        `<polyline points="${pts.join(" ")}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      );
    }
    s.points.forEach((p, k) => {
      const [cx, cy] = pts[k].split(",");
      g.push(
        `<circle cx="${cx}" cy="${cy}" r="${s.pointsOnly ? 4 : 2.5}" fill="${color}"><title>${escapeXml(`${s.name}: ${p.label ?? `${fmt(p.x)}, ${fmt(p.y)}`}`)}</title></circle>`,
      );
    });
    g.push("</g>");
    body.push(g.join(""));
    // Legend on the right.
    const ly = M.top + 8 + i * 18;
    const name = s.name.length > 26 ? `${s.name.slice(0, 25)}…` : s.name;
    body.push(
      `<g class="legend"><title>${escapeXml(s.name)}</title><line x1="${x1 + 12}" x2="${x1 + 32}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="${s.pointsOnly ? 0 : 2}"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/><circle cx="${x1 + 22}" cy="${ly}" r="3" fill="${color}"/><text x="${x1 + 38}" y="${ly}" dy="0.32em">${escapeXml(name)}</text></g>`,
    );
  });

  markers.forEach((m, i) => {
    const cx = sx(m.x).toFixed(1);
    const cy = sy(m.y).toFixed(1);
    // Alternate labels above-right and below-left so neighbouring markers stay readable.
    const place = i % 2 ? 'dx="-9" dy="18" text-anchor="end"' : 'dx="9" dy="-8"';
    body.push(
      `<g class="marker"><title>${escapeXml(m.label ?? m.text)}</title><circle cx="${cx}" cy="${cy}" r="6" fill="none" stroke="#000" stroke-width="2"/><text x="${cx}" y="${cy}" ${place} font-weight="600">${escapeXml(m.text)}</text></g>`,
    );
  });
  return frame(spec.id, spec.title, body);
}

/**
 * A horizontal waterfall: each bar starts where the previous one ended (the running total of log10 factors), so
 * the last bar ends at the total, drawn as its own bar from zero. Positive steps slow the quantum side (orange),
 * negative ones speed it up (green); the largest factor is labelled.
 */
export function waterfallPlot(spec: WaterfallPlotSpec): string {
  const rowH = 26;
  const rows = spec.steps.length + 1;
  const height = M.top + rows * rowH + M.bottom;
  const left = 170;
  const x0 = left;
  const x1 = W - 120;
  // Non-finite ends (a factor past what a double holds) run to the plot's edge, labelled "beyond range".
  const ax = axis(
    [0, spec.total, ...spec.steps.flatMap((s) => [s.start, s.end])].filter(Number.isFinite),
    false,
  );
  const sxFinite = scale(ax, x0, x1);
  const sx = (v: number): number => (Number.isFinite(v) ? sxFinite(v) : v > 0 ? x1 : x0);
  const y0 = M.top;
  const yEnd = M.top + rows * rowH;
  const body: string[] = [];
  for (const t of ax.ticks) {
    const x = sx(t).toFixed(1);
    body.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${yEnd}" stroke="#e5e5e5"/>`);
    body.push(`<text x="${x}" y="${yEnd + 16}" text-anchor="middle" fill="#333">${escapeXml(fmt(t))}</text>`);
  }
  body.push(
    `<text x="${(x0 + x1) / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`,
  );
  const bar = (
    i: number,
    from: number,
    to: number,
    label: string,
    tooltip: string,
    color: string,
    note: string,
  ) => {
    const y = y0 + i * rowH + 4;
    const xa = Math.min(sx(from), sx(to));
    const w = Math.max(1, Math.abs(sx(to) - sx(from)));
    const value = to - from;
    return `<g class="step"><title>${escapeXml(tooltip)}</title><text x="${left - 8}" y="${y + (rowH - 8) / 2}" dy="0.32em" text-anchor="end">${escapeXml(label)}</text><rect x="${xa.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${color}"/><text x="${(Math.max(sx(from), sx(to)) + 4).toFixed(1)}" y="${y + (rowH - 8) / 2}" dy="0.32em" fill="#333">${Number.isFinite(value) ? `${value >= 0 ? "+" : "−"}${escapeXml(Math.abs(value).toFixed(1))}` : beyondRange(value)}${note}</text></g>`;
  };
  spec.steps.forEach((s, i) => {
    body.push(
      bar(
        i,
        s.start,
        s.end,
        s.label,
        s.tooltip,
        s.end >= s.start ? PALETTE[1] : PALETTE[2],
        s.highlight ? " (largest)" : "",
      ),
    );
    if (i > 0) {
      const x = sx(s.start).toFixed(1);
      body.push(
        `<line x1="${x}" x2="${x}" y1="${y0 + i * rowH - 4}" y2="${y0 + i * rowH + 4}" stroke="#555"/>`,
      );
    }
  });
  body.push(
    bar(spec.steps.length, 0, spec.total, "total", `total: ${spec.total.toFixed(2)}`, PALETTE[0], ""),
  );
  const zero = sx(0);
  body.push(`<line x1="${zero.toFixed(1)}" x2="${zero.toFixed(1)}" y1="${y0}" y2="${yEnd}" stroke="#333"/>`);
  return frame(spec.id, spec.title, body, height);
}
