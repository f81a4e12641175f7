// Every command's human output and help fit the terminal: no line wider than COLUMNS (40, 80, 200), and with
// --wide the report's table prints every cell whole.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { buildReport } from "../src/report/build.js";
import { DEFAULT_SCENARIO } from "../src/report/scenario.js";
import { tableRows } from "../src/report/table.js";
import { displayWidth } from "../src/report/terminal.js";

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");

async function run(args: string[], columns: number) {
  const io = memoryIo({ "qft4.qasm": example("qft4.qasm"), "teleport.qasm": example("teleport.qasm") });
  io.columns = columns;
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

const COMMANDS: string[][] = [
  ["--help"],
  ["estimate", "--help"],
  ["estimate", "ft", "--help"],
  ["report", "--help"],
  ["crossover", "--help"],
  ["report", "--no-html"],
  ["estimate", "llm-training"],
  ["estimate", "shor"],
  ["estimate", "qaoa-maxcut"],
  ["devices"],
  ["devices", "h100"],
  ["devices", "ibm-heron-r2", "--noise"],
  ["roadmap"],
  ["crossover", "shor"],
  ["draw", "qft4.qasm"],
  ["draw", "teleport.qasm"],
  ["transpile", "qft4.qasm", "--device", "ibm-heron-r2"],
  [
    "validate-noise",
    "--devices",
    "ibm-heron-r2",
    "--sizes",
    "4",
    "--circuits",
    "ghz",
    "--trajectories",
    "20",
  ],
  ["run", "qft4.qasm"],
];

describe("output fits the terminal", () => {
  for (const columns of [40, 80, 200]) {
    it(`at ${columns} columns`, async () => {
      for (const args of COMMANDS) {
        const r = await run(args, columns);
        expect(r.code, `${args.join(" ")}: ${r.err}`).toBe(0);
        expect(r.out.length, args.join(" ")).toBeGreaterThan(0);
        for (const line of r.out.split("\n"))
          expect(displayWidth(line), `qfit ${args.join(" ")}: ${line}`).toBeLessThanOrEqual(columns);
      }
    }, 120_000);
  }

  it("--wide prints every cell of the report's table whole, on its row", async () => {
    const r = await run(["report", "--no-html", "--wide"], 80);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    for (const row of tableRows(buildReport(DEFAULT_SCENARIO))) {
      const line = lines.find((l) => l.startsWith(`${row[0]} `));
      expect(line, row[0]).toBeDefined();
      for (const cell of row) expect(line).toContain(cell);
    }
    expect(Math.max(...lines.map(displayWidth))).toBeGreaterThan(80);
  }, 60_000);

  it("help wraps whole words and joins lines broken inside a sentence", async () => {
    const r = await run(["report", "--help"], 60);
    // The description's source breaks after "problems)"; the terminal decides where lines end instead.
    expect(r.out.replace(/\s+/g, " ")).toContain("quantum-native problems) on classical machines");
    expect(r.out).toContain("--wide");
  });
});
