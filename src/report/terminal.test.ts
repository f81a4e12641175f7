// The one table and paragraph renderer: nothing wider than the width, nothing lost, natural widths when they fit.
import { describe, expect, it } from "vitest";
import { counted, formatDuration } from "../units/format.js";
import { displayWidth, fitText, renderTable, terminalColumns, wrapWords } from "./terminal.js";

const HEADER = ["workload", "classical time", "quantum", "binding bottleneck", "verdict"];
const ROWS = [
  ["Llama 3.1 405B pre-training", "69 days", "ibm-heron-r2", "clock", "GPU ×10^24.6"],
  [
    "Factoring a 2048-bit RSA modulus",
    "5.7 billion years",
    "fault-tolerant machine (qubit_gate_ns_e3, surface_code)",
    "needs 2.52e7 physical qubits, 239 available in 2026",
    "neither",
  ],
  ["x", "", "—", "a-very-long-identifier-without-any-spaces-in-it-at-all", "QPU ×21"],
];
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("renderTable", () => {
  it("prints every cell whole, in natural-width columns, when the width allows (--wide)", () => {
    const lines = renderTable(HEADER, ROWS, { width: Number.POSITIVE_INFINITY });
    expect(lines.length).toBe(2 + ROWS.length);
    for (const [i, row] of ROWS.entries()) for (const cell of row) expect(lines[2 + i]).toContain(cell);
    // Columns line up: each header starts where its cells start.
    const starts = HEADER.map((h) => lines[0].indexOf(h));
    expect(lines[2].indexOf("69 days")).toBe(starts[1]);
  });

  for (const width of [200, 80, 40, 20]) {
    it(`fits ${width} columns without losing a word (or names the columns it leaves out)`, () => {
      const lines = renderTable(HEADER, ROWS, { width, priority: [9, 5, 1, 4, 8] });
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      const text = lines.join(" ").replace(/\s+/g, " ");
      const hidden = /not shown at this width: ([^;]+);/.exec(text)?.[1].split(", ") ?? [];
      for (const [i, h] of HEADER.entries()) {
        if (hidden.includes(h)) continue;
        // Words longer than a column are cut across lines: compare without the line breaks.
        // A word longer than its column is cut across lines: its first piece is there whole.
        for (const row of ROWS)
          for (const word of words(row[i]))
            expect(text).toContain(word.length > 16 ? word.slice(0, 8) : word);
      }
      if (width >= 200) expect(hidden).toEqual([]);
    });
  }

  it("drops the least important columns first and says so", () => {
    const lines = renderTable(HEADER, ROWS, { width: 60, priority: [9, 5, 1, 4, 8] });
    const text = lines.join("\n");
    expect(text).toContain("not shown at this width: quantum");
    expect(lines[0]).toContain("verdict");
  });

  it("right-aligns numeric columns when asked", () => {
    const lines = renderTable(
      ["n", "value"],
      [
        ["a", "1"],
        ["b", "1000"],
      ],
      {
        width: 80,
        align: ["left", "right"],
      },
    );
    expect(lines[2]).toBe("a      1");
    expect(lines[3]).toBe("b   1000");
  });

  it("styles lines without counting colour codes toward the width", () => {
    const lines = renderTable(HEADER, ROWS, { width: 80, styleRow: (l) => `\u001b[33m${l}\u001b[39m` });
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(lines.some((l) => l.startsWith("\u001b[33m"))).toBe(true);
  });
});

describe("fitText and wrapWords", () => {
  it("wraps at spaces and hangs continuation lines under the text of a bullet or a key/value line", () => {
    const text = [
      "• Factoring a 2048-bit RSA modulus: neither fits — 100,000× xeon-gold-6130-core: 5.7 billion years",
      "  time        1.1 days (needs 2.52e7 physical qubits, 239 available in 2026)",
    ].join("\n");
    const lines = fitText(text, 40).split("\n");
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines[1].startsWith("  ")).toBe(true); // under the bullet's text
    const kv = lines.findIndex((l) => l.startsWith("  time"));
    expect(lines[kv + 1].startsWith(" ".repeat(14))).toBe(true); // under the value
    expect(words(lines.join(" "))).toEqual(words(text));
  });

  it("leaves lines that fit exactly as they are, and everything at Infinity", () => {
    expect(fitText("  a  b", 10)).toBe("  a  b");
    const long = "x ".repeat(200);
    expect(fitText(long, Number.POSITIVE_INFINITY)).toBe(long);
  });

  it("cuts a word longer than the line", () => {
    expect(wrapWords("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });
});

describe("terminalColumns", () => {
  it("takes COLUMNS first, then the terminal's width, else 80", () => {
    expect(terminalColumns("100", 120)).toBe(100);
    expect(terminalColumns(undefined, 120)).toBe(120);
    expect(terminalColumns(undefined, undefined)).toBe(80);
    expect(terminalColumns("abc", undefined)).toBe(80);
    expect(terminalColumns("0", 50)).toBe(50);
  });
});

describe("singular and plural", () => {
  it("says 1 day and 1 year, 1.5 days and 2 years", () => {
    expect(counted("1", "day", "days")).toBe("1 day");
    expect(formatDuration(86_400)).toBe("1 day");
    expect(formatDuration(86_400 * 1.02)).toBe("1 day");
    expect(formatDuration(86_400 * 1.5)).toBe("1.5 days");
    expect(formatDuration(365.25 * 86_400)).toBe("1 year");
    expect(formatDuration(2 * 365.25 * 86_400)).toBe("2 years");
  });
});
