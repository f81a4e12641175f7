// The text drawing of a circuit layout, in the style of Qiskit's text drawer: wires labelled q_0…, boxed gates,
// controls ■ and targets ⊕ joined by vertical lines, swaps ×, measurements with a double line to the classical
// wire, barriers ░, resets |0>, and folding at a given width with « and » marking where a line goes on.
//
// Each wire has a row of its own, and one shared row between two wires holds the bottom border of the box above
// and the top border of the box below (so the borders merge, ├ and ┤, as in Qiskit).
import type { Element, Glyph, Layer, Layout } from "./layout.js";
import { cells, checkDiagramSize } from "./layout.js";

export interface TextDrawOptions {
  /** Fold into pages no wider than this many columns (Infinity: one page). */
  width?: number;
}

/** Two border characters drawn on the same cell: how they merge (├ where a └ meets a ┌, and so on). */
const MERGE: Record<string, string> = {
  "└┌": "├",
  "┌└": "├",
  "┘┐": "┤",
  "┐┘": "┤",
  "┬┴": "┼",
  "┴┬": "┼",
  "┬─": "┬",
  "─┬": "┬",
  "┴─": "┴",
  "─┴": "┴",
  "╥─": "╥",
  "─╥": "╥",
};

class Grid {
  readonly rows: string[][];
  constructor(
    rowCount: number,
    readonly width: number,
    fill: (row: number) => string,
  ) {
    this.rows = Array.from({ length: rowCount }, (_, r) => new Array<string>(width).fill(fill(r)));
  }
  get(r: number, c: number): string {
    return this.rows[r][c];
  }
  set(r: number, c: number, ch: string): void {
    this.rows[r][c] = ch;
  }
  /** Writes a border character, merging with one already there. */
  border(r: number, c: number, ch: string): void {
    const old = this.rows[r][c];
    this.rows[r][c] = old === " " || old === ch ? ch : (MERGE[old + ch] ?? ch);
  }
  text(r: number, c: number, s: string): void {
    for (const [i, ch] of [...s].entries()) if (c + i >= 0 && c + i < this.width) this.set(r, c + i, ch);
  }
}

const mid = (w: number) => 2 * w + 1;
const above = (w: number) => 2 * w;
const below = (w: number) => 2 * w + 2;

function center(s: string, width: number): string {
  const pad = width - cells(s);
  const left = Math.floor(pad / 2);
  return " ".repeat(left) + s + " ".repeat(pad - left);
}

/** One layer as rows of characters: the inner width plus one wire cell each side. */
function drawLayer(layout: Layout, layer: Layer): string[] {
  const n = layout.wires.length;
  const width = layer.width + 2;
  const c = 1 + (layer.width - 1) / 2; // the centre column, where vertical lines run
  const g = new Grid(2 * n + 1, width, (r) => {
    if (r % 2 === 0) return " ";
    return layout.wires[(r - 1) / 2].classical ? "═" : "─";
  });
  for (const e of layer.elements) drawElement(g, e, c, layer.width);
  return g.rows.map((r) => r.join(""));
}

function drawElement(g: Grid, e: Element, c: number, inner: number): void {
  if (e.link) {
    const [a, b] = e.link;
    for (let r = mid(a) + 1; r < mid(b); r++) {
      const ch = g.get(r, c);
      g.set(r, c, ch === "─" ? "┼" : ch === "═" ? "╪" : "│");
    }
  }
  if (e.classicalLink) {
    const [a, b] = e.classicalLink;
    for (let r = mid(a) + 1; r < mid(b); r++) {
      const ch = g.get(r, c);
      g.set(r, c, ch === "─" ? "╫" : ch === "═" ? "╬" : "║");
    }
  }
  if (e.barrier) {
    const [a, b] = e.barrier;
    for (let r = above(a); r <= below(b); r++) if (r % 2 === 0) g.set(r, c, "░");
  }
  for (const glyph of e.glyphs) drawGlyph(g, glyph, c, inner);
}

/** The one-cell marks, as Qiskit's text drawer has them (⊕ for a target as in its other drawers). */
const MARK = { control: "■", target: "⊕", swap: "×", barrier: "░" } as const;

function drawGlyph(g: Grid, glyph: Glyph, c: number, inner: number): void {
  switch (glyph.kind) {
    case "control":
    case "target":
    case "swap":
    case "barrier":
      g.set(mid(glyph.wire), c, MARK[glyph.kind]);
      return;
    case "reset":
      g.text(mid(glyph.wire), c - 1, "|0>");
      return;
    case "measure": {
      const w = glyph.wire;
      g.border(above(w), c - 1, "┌");
      g.border(above(w), c, g.get(above(w), c) === "│" ? "┴" : "─");
      g.border(above(w), c + 1, "┐");
      g.text(mid(w), c - 1, "┤M├");
      g.border(below(w), c - 1, "└");
      g.set(below(w), c, "╥");
      g.border(below(w), c + 1, "┘");
      return;
    }
    case "bit":
    case "condition": {
      g.set(mid(glyph.wire), c, glyph.kind === "bit" ? "╩" : "■");
      const start = c - Math.floor((cells(glyph.text) - 1) / 2);
      g.text(below(glyph.wire), start, glyph.text);
      return;
    }
    case "box": {
      const left = 1;
      const right = inner;
      const top = above(glyph.top);
      const bottom = below(glyph.bottom);
      for (let col = left; col <= right; col++) {
        const edgeTop = col === left ? "┌" : col === right ? "┐" : "─";
        const edgeBottom = col === left ? "└" : col === right ? "┘" : "─";
        const t = g.get(top, col);
        g.border(top, col, t === "│" ? "┴" : t === "║" ? "╨" : edgeTop);
        const b = g.get(bottom, col);
        g.border(bottom, col, b === "│" ? "┬" : b === "║" ? "╥" : edgeBottom);
      }
      const argW = glyph.args.length ? String(glyph.args.length - 1).length : 0;
      const index = new Map(glyph.args.map((a) => [a.wire, a.index]));
      for (let r = top + 1; r < bottom; r++) {
        const w = (r - 1) / 2;
        const isWire = r % 2 === 1;
        const arg = isWire ? index.get(w) : undefined;
        const onWire = isWire && (glyph.args.length === 0 || arg !== undefined);
        const first = isWire && w === (glyph.args[0]?.wire ?? glyph.top);
        const head = arg === undefined ? " ".repeat(argW) : String(arg).padEnd(argW);
        const body = first ? center(glyph.label, inner - 2 - argW) : " ".repeat(inner - 2 - argW);
        g.text(r, left, `${onWire ? "┤" : "│"}${head}${body}${onWire ? "├" : "│"}`);
      }
      return;
    }
  }
}

/** Wire labels, right-aligned as Qiskit prints them: "q_0: ", "c: 2/". */
function labelColumn(layout: Layout): string[] {
  const texts = layout.wires.map((w) => (w.classical ? `${w.label}: ${w.size}/` : `${w.label}: `));
  const width = Math.max(0, ...texts.map(cells));
  const rows: string[] = [];
  layout.wires.forEach((_, i) => {
    rows.push(" ".repeat(width));
    rows.push(texts[i].padStart(width));
  });
  rows.push(" ".repeat(width));
  return rows;
}

/**
 * Draws a layout as text. With a finite width the layers are folded into pages, each no wider than the width
 * (a single layer wider than the width gets a page of its own); a page that goes on ends its wires with » and
 * the next page starts them with «.
 */
export function drawText(layout: Layout, options: TextDrawOptions = {}): string {
  checkDiagramSize(layout);
  const limit = options.width ?? Number.POSITIVE_INFINITY;
  const labels = labelColumn(layout);
  const labelW = cells(labels[0] ?? "");
  const drawn = layout.layers.map((l) => drawLayer(layout, l));
  if (drawn.length === 0) {
    const empty = layout.wires.flatMap((w) => ["   ", w.classical ? "═══" : "───"]).concat("   ");
    drawn.push(empty);
  }
  // Split into pages: « (1 cell) on continuation pages, » (1 cell) on pages that go on.
  const pages: string[][][] = [];
  let page: string[][] = [];
  let used = labelW;
  for (const rows of drawn) {
    const w = cells(rows[0]);
    const extra = (pages.length > 0 ? 1 : 0) + 1;
    if (page.length > 0 && used + w + extra > limit) {
      pages.push(page);
      page = [];
      used = labelW;
    }
    page.push(rows);
    used += w;
  }
  pages.push(page);
  const out = pages.map((p, pi) => {
    const more = pi < pages.length - 1;
    const lines = labels.map((label, r) => {
      const isWire = r % 2 === 1;
      const start = pi > 0 ? (isWire ? "«" : " ") : "";
      const end = more ? (isWire ? "»" : " ") : "";
      return `${start}${label}${p.map((rows) => rows[r]).join("")}${end}`.trimEnd();
    });
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    return lines.join("\n");
  });
  // Pages are separated by one blank line (a page's own blank border rows do not add more).
  return `${out.join("\n\n").replace(/\n{3,}/g, "\n\n")}\n`;
}
