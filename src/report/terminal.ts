// Fitting text to a terminal: the one table renderer and the one paragraph wrapper every command uses, so no
// line is wider than the terminal (`COLUMNS`, else the terminal's width, else 80) unless `--wide` asks for
// everything on one line. Pure: the width comes in as a number (Infinity for --wide).
//
// Widths are counted in code points with ANSI colour codes left out: every character qfit prints (box drawing,
// ×, µ, π, …) is one cell wide.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ESC of ANSI colour codes is the point
const ANSI = /\u001b\[[0-9;]*m/g;

/** Cells a string takes on a terminal. */
export function displayWidth(s: string): number {
  return [...s.replace(ANSI, "")].length;
}

/** Cuts a word longer than `width` into pieces of `width` cells (a long URL or number still fits). */
function chop(word: string, width: number): string[] {
  if (displayWidth(word) <= width) return [word];
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(""));
  return out;
}

/**
 * Wraps text at spaces into lines of at most `width` cells; words longer than a line are cut. Existing line
 * breaks are kept. Never returns an empty array.
 */
export function wrapWords(text: string, width: number): string[] {
  if (!Number.isFinite(width)) return text.split("\n");
  const w = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/ +/).filter((x) => x !== "")) {
      for (const piece of chop(word, w)) {
        if (line === "") line = piece;
        else if (displayWidth(line) + 1 + displayWidth(piece) <= w) line += ` ${piece}`;
        else {
          out.push(line);
          line = piece;
        }
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * Where a wrapped line's continuation starts: under the text after a bullet ("• ", "- ", "✗ "), under the value
 * of a "key   value" line (two or more spaces after the key), else two cells in from the line's own indent.
 */
function hangingIndent(line: string, width: number): number {
  const plain = line.replace(ANSI, "");
  const lead = plain.length - plain.trimStart().length;
  const bullet = /^(\s*(?:[•\-*✗✓◀]|\d+\.)\s+)/u.exec(plain);
  if (bullet) return displayWidth(bullet[1]);
  const keyed = /^(\s*\S.*?\S? {2,})\S/u.exec(plain);
  if (keyed && displayWidth(keyed[1]) <= width / 2) return displayWidth(keyed[1]);
  return Math.min(lead + 2, Math.floor(width / 2));
}

/**
 * Fits every line of a text to `width` cells: a longer line is wrapped at spaces, its continuation lines
 * indented under where its text starts (see hangingIndent). Lines that fit are left exactly as they are.
 */
export function fitText(text: string, width: number): string {
  if (!Number.isFinite(width)) return text;
  const lines = text.split("\n").flatMap((line) => {
    if (displayWidth(line) <= width) return [line];
    const indent = hangingIndent(line, width);
    const lead = line.length - line.trimStart().length;
    // One greedy pass: the first line keeps its own indent, the rest sit under `indent`. A word longer than the
    // narrower of the two widths is cut once, and its pieces are never joined back with a space.
    const firstWidth = Math.max(1, width - lead);
    const restWidth = Math.max(1, width - indent);
    // Each word keeps the spaces after it, so a column gap inside a line ("name   value") survives wrapping.
    const words = (line.slice(lead).match(/\S+ */g) ?? []).flatMap((token) => {
      const word = token.trimEnd();
      const pieces = chop(word, Math.min(firstWidth, restWidth));
      pieces[pieces.length - 1] += token.slice(word.length);
      return pieces;
    });
    const out: string[] = [];
    let current = "";
    for (const word of words) {
      const room = out.length === 0 ? firstWidth : restWidth;
      if (current === "" || displayWidth(current + word.trimEnd()) <= room) current += word;
      else {
        out.push(current.trimEnd());
        current = word;
      }
    }
    out.push(current.trimEnd());
    return out.map((l, i) => (i === 0 ? line.slice(0, lead) + l : " ".repeat(indent) + l));
  });
  return lines.join("\n");
}

export type Align = "left" | "right";

export interface TableOptions {
  /** The width to fit (Infinity: every column at its natural width, as --wide prints). */
  width: number;
  /** Per column; default left. */
  align?: Align[];
  /** Spaces between columns (default 2). */
  gap?: number;
  /** Spaces before every line (default 0). */
  indent?: number;
  /** Styling applied to whole lines after layout (colour codes do not count toward the width). */
  styleHeader?: (line: string) => string;
  styleRow?: (line: string, row: number) => string;
  /** Draw a rule of ─ under the header (default true). */
  rule?: boolean;
  /**
   * Per column, how much it matters (higher stays longer; default 0). When the columns do not fit even wrapped,
   * the least important are left out, lowest first, and a last line names them; the first column always stays.
   */
  priority?: number[];
}

/** A column is never narrowed below its longest word, up to this many cells (longer words are cut). */
const LONGEST_WORD = 24;

/**
 * Column widths that fit `avail`: natural widths when they fit; else every column starts at its longest word
 * (so wrapping breaks at spaces, not inside words) and the room left goes to the columns nearest their natural
 * width first, so that as few columns as possible wrap. Null when the longest words alone do not fit.
 */
function fitWidths(
  natural: number[],
  longestWord: number[],
  avail: number,
  priority: number[],
): number[] | null {
  if (natural.reduce((a, b) => a + b, 0) <= avail) return [...natural];
  const widths = natural.map((n, i) => Math.min(n, Math.max(4, Math.min(longestWord[i], LONGEST_WORD))));
  let room = avail - widths.reduce((a, b) => a + b, 0);
  if (room < 0) return null;
  // The most important columns get their natural width first (the verdict before costs), then those closest to
  // it (fewest columns wrap); the first column (the row's name) wraps rather than crowd the rest out.
  const order = widths
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number(a === 0) - Number(b === 0) ||
        priority[b] - priority[a] ||
        natural[a] - widths[a] - (natural[b] - widths[b]),
    );
  for (const i of order) {
    const grow = Math.min(room, natural[i] - widths[i]);
    widths[i] += grow;
    room -= grow;
  }
  return widths;
}

const longestWordOf = (s: string) => Math.max(0, ...s.split(/[ \n]+/).map(displayWidth));

/**
 * A table of plain-text cells, fitted to `options.width`: columns at their natural widths when they fit,
 * otherwise wrapped in narrower columns, otherwise without the least important columns (a last line names them),
 * otherwise (a terminal too narrow for two columns) one block per row with a "header: value" line per cell. No
 * line is ever wider than the width. Returns the lines.
 */
export function renderTable(header: string[], rows: string[][], options: TableOptions): string[] {
  const gap = options.gap ?? 2;
  const indent = " ".repeat(options.indent ?? 0);
  const styleHeader = options.styleHeader ?? ((s: string) => s);
  const styleRow = options.styleRow ?? ((s: string) => s);
  const natural = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const longest = header.map((h, i) =>
    Math.max(longestWordOf(h), ...rows.map((r) => longestWordOf(r[i] ?? ""))),
  );
  const fits = (cols: number[]) =>
    fitWidths(
      cols.map((i) => natural[i]),
      cols.map((i) => longest[i]),
      options.width - indent.length - gap * (cols.length - 1),
      cols.map((i) => options.priority?.[i] ?? 0),
    );
  let kept = header.map((_, i) => i);
  let widths = Number.isFinite(options.width) ? fits(kept) : natural;
  // Leave out the least important columns until the rest fit (ties: the rightmost goes first).
  const order = kept
    .slice(1)
    .sort((a, b) => (options.priority?.[a] ?? 0) - (options.priority?.[b] ?? 0) || b - a);
  while (widths === null && kept.length > 2) {
    const drop = order.shift();
    kept = kept.filter((i) => i !== drop);
    widths = fits(kept);
  }
  if (widths === null) return stacked(header, rows, options.width, indent, styleHeader, styleRow);
  const w = widths;
  const block = (cells: string[]): string[] => {
    const wrapped = kept.map((col, k) => wrapWords(cells[col] ?? "", w[k]));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, line) =>
      (
        indent +
        wrapped
          .map((lines, k) => {
            const s = lines[line] ?? "";
            const pad = " ".repeat(w[k] - displayWidth(s));
            return options.align?.[kept[k]] === "right" ? pad + s : s + pad;
          })
          .join(" ".repeat(gap))
      ).trimEnd(),
    );
  };
  const out = block(header).map(styleHeader);
  if (options.rule ?? true) out.push(indent + w.map((x) => "─".repeat(x)).join(" ".repeat(gap)));
  rows.forEach((r, i) => {
    for (const line of block(r)) out.push(styleRow(line, i));
  });
  const hidden = header.filter((_, i) => !kept.includes(i));
  if (hidden.length) {
    const note = `${indent}(not shown at this width: ${hidden.join(", ")}; --wide shows every column)`;
    out.push(...fitText(note, options.width).split("\n"));
  }
  return out;
}

/** The narrow-terminal form of a table: each row as a block, the first cell as its title, "header: value" lines. */
function stacked(
  header: string[],
  rows: string[][],
  width: number,
  indent: string,
  styleHeader: (s: string) => string,
  styleRow: (s: string, row: number) => string,
): string[] {
  const out: string[] = [];
  rows.forEach((r, i) => {
    if (i > 0) out.push("");
    out.push(...wrapWords(r[0] ?? "", width - indent.length).map((l) => styleHeader(indent + l)));
    for (let k = 1; k < header.length; k++) {
      const line = `${indent}  ${header[k]}: ${r[k] ?? ""}`;
      for (const l of fitText(line, width).split("\n")) out.push(styleRow(l, i));
    }
  });
  return out;
}

/** The width to fit: COLUMNS when it is a positive whole number, else the terminal's width, else 80 (a pipe). */
export function terminalColumns(columnsEnv: string | undefined, ttyColumns: number | undefined): number {
  const env = Number(columnsEnv);
  if (columnsEnv !== undefined && Number.isInteger(env) && env > 0) return env;
  if (ttyColumns !== undefined && ttyColumns > 0) return ttyColumns;
  return 80;
}
