// The SVG drawing of a circuit layout: the same wires, layers and columns as the text drawing (one character
// cell is CELL_PX wide, one text row ROW_PX high), drawn with shapes instead of box-drawing characters. Used by
// `qfit draw --svg` and the dashboard's Circuit lab. Self-contained: no stylesheet, no script.
import type { Glyph, Layout } from "./layout.js";
import { cells, checkDiagramSize } from "./layout.js";

const CELL_PX = 9;
const ROW_PX = 18;
const FONT = 'font-family="ui-monospace, Menlo, Consolas, monospace"';
const INK = "#1d1d1f";
const GATE_FILL = "#dbe7fb";
const GATE_STROKE = "#2f5d9e";
const MEASURE_FILL = "#ececec";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const mid = (w: number) => 2 * w + 1;
const above = (w: number) => 2 * w;
const below = (w: number) => 2 * w + 2;

export interface SvgDrawOptions {
  /** Accessible title, e.g. the file name. */
  title?: string;
}

export function drawSvg(layout: Layout, options: SvgDrawOptions = {}): string {
  checkDiagramSize(layout);
  const labels = layout.wires.map((w) => (w.classical ? `${w.label}: ${w.size}/` : `${w.label}:`));
  const labelPx = (Math.max(0, ...labels.map(cells)) + 1) * CELL_PX;
  const innerCells = layout.layers.reduce((s, l) => s + l.width + 2, 0) || 3;
  const width = Math.ceil(labelPx + (innerCells + 1) * CELL_PX);
  const height = (2 * layout.wires.length + 1) * ROW_PX;
  const y = (row: number) => row * ROW_PX + ROW_PX / 2;
  const out: string[] = [];
  const title = options.title ?? "circuit diagram";
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  );
  // Wires: a single line per qubit, a double line per classical register.
  layout.wires.forEach((w, i) => {
    const yy = y(mid(i));
    out.push(
      `<text x="${labelPx - CELL_PX / 2}" y="${yy}" text-anchor="end" dominant-baseline="central" font-size="13" ${FONT} fill="${INK}">${esc(labels[i])}</text>`,
    );
    if (w.classical) {
      out.push(
        `<line x1="${labelPx}" x2="${width}" y1="${yy - 1.5}" y2="${yy - 1.5}" stroke="${INK}"/>`,
        `<line x1="${labelPx}" x2="${width}" y1="${yy + 1.5}" y2="${yy + 1.5}" stroke="${INK}"/>`,
      );
    } else out.push(`<line x1="${labelPx}" x2="${width}" y1="${yy}" y2="${yy}" stroke="${INK}"/>`);
  });
  let x0 = labelPx;
  for (const layer of layout.layers) {
    const cx = x0 + (1 + (layer.width - 1) / 2 + 0.5) * CELL_PX;
    const boxLeft = x0 + CELL_PX + 1;
    const boxRight = x0 + (layer.width + 1) * CELL_PX - 1;
    for (const e of layer.elements) {
      if (e.barrier) {
        const [a, b] = e.barrier;
        const top = y(above(a)) - ROW_PX / 2;
        const h = y(below(b)) + ROW_PX / 2 - top;
        out.push(
          `<rect x="${cx - CELL_PX / 2}" y="${top}" width="${CELL_PX}" height="${h}" fill="#bbb" fill-opacity="0.5"/>`,
          `<line x1="${cx}" x2="${cx}" y1="${top}" y2="${top + h}" stroke="#666" stroke-dasharray="4 3"/>`,
        );
      }
      if (e.link) {
        const [a, b] = e.link;
        out.push(
          `<line x1="${cx}" x2="${cx}" y1="${y(mid(a))}" y2="${y(mid(b))}" stroke="${GATE_STROKE}" stroke-width="2"/>`,
        );
      }
      if (e.classicalLink) {
        const [a, b] = e.classicalLink;
        for (const dx of [-1.5, 1.5])
          out.push(
            `<line x1="${cx + dx}" x2="${cx + dx}" y1="${y(mid(a))}" y2="${y(mid(b))}" stroke="${INK}"/>`,
          );
      }
      for (const g of e.glyphs) out.push(glyphSvg(g, cx, boxLeft, boxRight, y));
    }
    x0 += (layer.width + 2) * CELL_PX;
  }
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

function glyphSvg(g: Glyph, cx: number, left: number, right: number, y: (row: number) => number): string {
  const text = (x: number, yy: number, s: string, size = 13, anchor = "middle") =>
    `<text x="${x}" y="${yy}" text-anchor="${anchor}" dominant-baseline="central" font-size="${size}" ${FONT} fill="${INK}">${esc(s)}</text>`;
  const r = ROW_PX * 0.75; // half the height of a one-wire box
  switch (g.kind) {
    case "control":
      return `<circle cx="${cx}" cy="${y(mid(g.wire))}" r="5" fill="${GATE_STROKE}"/>`;
    case "target": {
      const yy = y(mid(g.wire));
      return `<g stroke="${GATE_STROKE}" stroke-width="2" fill="#fff"><circle cx="${cx}" cy="${yy}" r="9"/><line x1="${cx - 9}" x2="${cx + 9}" y1="${yy}" y2="${yy}"/><line x1="${cx}" x2="${cx}" y1="${yy - 9}" y2="${yy + 9}"/></g>`;
    }
    case "swap": {
      const yy = y(mid(g.wire));
      return `<g stroke="${GATE_STROKE}" stroke-width="2"><line x1="${cx - 6}" x2="${cx + 6}" y1="${yy - 6}" y2="${yy + 6}"/><line x1="${cx - 6}" x2="${cx + 6}" y1="${yy + 6}" y2="${yy - 6}"/></g>`;
    }
    case "barrier":
      return "";
    case "reset": {
      const yy = y(mid(g.wire));
      return `<rect x="${cx - 1.5 * CELL_PX}" y="${yy - r}" width="${3 * CELL_PX}" height="${2 * r}" fill="#fff" stroke="${INK}"/>${text(cx, yy, "|0⟩", 11)}`;
    }
    case "measure": {
      const yy = y(mid(g.wire));
      return `<rect x="${cx - 1.5 * CELL_PX}" y="${yy - r}" width="${3 * CELL_PX}" height="${2 * r}" fill="${MEASURE_FILL}" stroke="${INK}"/>${text(cx, yy, "M")}`;
    }
    case "bit":
    case "condition": {
      const yy = y(mid(g.wire));
      const mark =
        g.kind === "bit"
          ? `<path d="M${cx - 5},${yy - 5} L${cx + 5},${yy - 5} L${cx},${yy + 3} Z" fill="${INK}"/>`
          : `<circle cx="${cx}" cy="${yy}" r="5" fill="${INK}"/>`;
      return `${mark}${text(cx, y(below(g.wire)), g.text, 11)}`;
    }
    case "box": {
      const top = y(above(g.top));
      const bottom = y(below(g.bottom));
      const argW = g.args.length ? String(g.args.length - 1).length : 0;
      const labelWire = g.args[0]?.wire ?? g.top;
      const parts = [
        `<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" rx="2" fill="${GATE_FILL}" stroke="${GATE_STROKE}"/>`,
        text(
          (left + right + argW * CELL_PX) / 2,
          g.args.length > 1 ? (top + bottom) / 2 : y(mid(labelWire)),
          g.label,
        ),
        ...g.args.map((a) => text(left + 3, y(mid(a.wire)), String(a.index), 10, "start")),
      ];
      return parts.join("");
    }
  }
}
