// Every command's human output and help fit the terminal: no line wider than COLUMNS (40, 80, 200), and with
// --wide the report's table prints every cell whole.
import { readFileSync } from "node:fs";
import type { Command } from "@commander-js/extra-typings";
import { describe, expect, it } from "vitest";
import { COMMANDS as CLI_COMMANDS } from "../src/cli/commands.js";
import { commandsOf } from "../src/cli/help.js";
import { memoryIo } from "../src/cli/io.js";
import { buildProgram, main } from "../src/cli/main.js";
import { buildReport } from "../src/report/build.js";
import { DEFAULT_SCENARIO } from "../src/report/scenario.js";
import { tableRows } from "../src/report/table.js";
import { displayWidth } from "../src/report/terminal.js";
import { HYBRID_PRESETS } from "../src/workloads/hybrid.js";
import { workloads } from "../src/workloads/registry.js";

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");

async function run(args: string[], columns: number) {
  const io = memoryIo({
    "qft4.qasm": example("qft4.qasm"),
    "teleport.qasm": example("teleport.qasm"),
    "adder4.qasm": example("adder4.qasm"),
    "ghz5.qasm": example("ghz5.qasm"),
    "counts.json": example("ft-counts.json"),
    "scenario.yaml": example("scenario.yaml"),
  });
  io.columns = columns;
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** `qfit … --help` for every command and subcommand the program has (found by walking it, so none is missed). */
// Commands load lazily (only the one named on the command line), so the program is built once per command.
async function helpOfEveryCommand(): Promise<string[][]> {
  const path = (c: Command): string[] => (c.parent ? [...path(c.parent as Command), c.name()] : []);
  const seen = new Map<string, string[]>([["", ["--help"]]]);
  for (const entry of CLI_COMMANDS) {
    const program = await buildProgram(memoryIo(), [entry.name]);
    for (const c of commandsOf(program)) {
      const p = path(c);
      if (p[0] === entry.name) seen.set(p.join(" "), [...p, "--help"]);
    }
  }
  return [...seen.values()];
}

const COMMANDS: string[][] = [
  ...(await helpOfEveryCommand()),
  ["report", "--no-html"],
  // (--markdown and --json are documents for other programs, never fitted to a terminal.)
  ["report", "scenario.yaml", "--no-html"],
  ...workloads.map((w) => ["estimate", w.kind, "--samples", "200"]),
  ...HYBRID_PRESETS.map((p) => ["estimate", "hybrid", "--preset", p, "--no-uncertainty"]),
  ["estimate", "ft", "--counts", "counts.json"],
  ["estimate", "ft", "--counts", "counts.json", "--frontier"],
  ["crossover", "grover"],
  ["crossover", "tsp", "--hardware", "ionq"],
  ["crossover", "hamiltonian-simulation"],
  ["crossover", "babbush"],
  ["crossover", "hoefler"],
  ["roadmap", "--vendor", "ibm"],
  ["devices", "--kind", "qpu"],
  ["run", "ghz5.qasm", "--device", "ibm-heron-r2", "--shots", "200", "--seed", "1"],
  ["run", "teleport.qasm", "--probabilities", "--seed", "1"],
  ["draw", "adder4.qasm"],
  ["train", "--model", "classical", "--epochs", "1"],
  ["train", "--model", "quantum", "--qubits", "2", "--layers", "1", "--epochs", "1", "--train-size", "10"],
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
  it("the list covers every command's help", () => {
    const helps = COMMANDS.filter((a) => a.at(-1) === "--help").map((a) => a.join(" "));
    for (const name of ["run", "report", "estimate", "estimate shor", "sweep", "serve", "worker", "train"])
      expect(helps).toContain(`${name} --help`);
  });

  for (const columns of [40, 80, 200]) {
    it(`at ${columns} columns`, async () => {
      for (const args of COMMANDS) {
        const r = await run(args, columns);
        expect(r.code, `${args.join(" ")}: ${r.err}`).toBe(0);
        expect(r.out.length, args.join(" ")).toBeGreaterThan(0);
        for (const line of r.out.split("\n"))
          expect(displayWidth(line), `qfit ${args.join(" ")}: ${line}`).toBeLessThanOrEqual(columns);
      }
    }, 600_000);
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

  it("at 80 columns the report keeps the bands: less important columns are left out first", async () => {
    const r = await run(["report", "--no-html", "--samples", "200"], 80);
    expect(r.code).toBe(0);
    // The last line names the columns left out: the point values (energy, cost, device names) are among them…
    const left = /\(not shown at this width: ([^)]*)\)/.exec(r.out)?.[1].replace(/\s+/g, " ");
    expect(left).toMatch(/\benergy\b/);
    expect(left).toMatch(/\bcost\b/);
    // …the range is the point of the report: the time-ratio band and the year band stay, with their values.
    expect(left).not.toMatch(/p05–p95|year of advantage|verdict/);
    expect(r.out).toMatch(/10\^-?\d+\.\d–10\^-?\d+\.\d×/);
    expect(r.out).toMatch(/20\d\d–(20\d\d|never),/);
  }, 60_000);

  it("help wraps whole words and joins lines broken inside a sentence", async () => {
    const r = await run(["report", "--help"], 60);
    // The description's source breaks after "problems)"; the terminal decides where lines end instead.
    expect(r.out.replace(/\s+/g, " ")).toContain("quantum-native problems) on classical machines");
    expect(r.out).toContain("--wide");
  });
});
