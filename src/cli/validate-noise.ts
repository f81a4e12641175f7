// `qfit validate-noise`: the estimator's success-probability model against noisy simulation of GHZ, QFT, adder
// and random circuits on several devices, side by side, with the regime where they agree.
import { Command } from "@commander-js/extra-typings";
import pc from "picocolors";
import { BENCHMARK_KINDS, type BenchmarkKind } from "../circuit/benchmarks.js";
import { userError } from "../errors.js";
import { type Align, renderTable } from "../report/terminal.js";
import { type ValidationRow, validateNoise } from "../run/validate-noise.js";
import { fitted, type Io } from "./io.js";
import { parseIntegerOption } from "./options.js";

const DEFAULT_DEVICES = "ibm-heron-r2,google-willow,quantinuum-helios";

function list(option: string, text: string): string[] {
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0)
    throw userError("CLI.InvalidOption", `expected a comma-separated list, got '${text}'`, { field: option });
  return items;
}

const HEADER = ["device", "circ", "n", "2q", "swaps", "ESP", "F_hell", "P_ideal", "ESP−F", "agree", "method"];
const ALIGN = HEADER.map((_, i) => (i >= 2 && i <= 8 ? "right" : "left") as Align);
/** Natural width of each column (the widest device id is 18 cells), so rows can be printed as they come. */
const WIDTHS = [18, 6, 3, 5, 5, 7, 7, 7, 6, 5, 20];
/** Kept longest on a narrow terminal: the device, the circuit, the two numbers compared and whether they agree. */
const PRIORITY = [10, 9, 8, 2, 1, 7, 7, 3, 4, 6, 0];

function cells(r: ValidationRow): string[] {
  const f = (x: number | null) => (x === null ? "—" : x.toFixed(4));
  return [
    r.device,
    r.circuit,
    String(r.qubits),
    String(r.twoQubitGates),
    String(r.swaps),
    f(r.estimatedSuccessProbability),
    f(r.hellingerFidelity),
    f(r.idealOutputProbability),
    (r.difference >= 0 ? "+" : "") + r.difference.toFixed(3),
    r.agree ? "yes" : "no",
    r.method,
  ];
}

/** One row in the fixed columns used while rows stream in (when the terminal is wide enough for them). */
function line(values: string[]): string {
  return values
    .map((v, i) => (ALIGN[i] === "right" ? v.padStart(WIDTHS[i]) : v.padEnd(WIDTHS[i])))
    .join("  ")
    .trimEnd();
}

export function validateNoiseCommand(io: Io) {
  return new Command("validate-noise")
    .description(
      "check the estimator's success-probability model against noisy simulation (GHZ, QFT, adder, random circuits)",
    )
    .option("--devices <list>", "comma-separated quantum processors", DEFAULT_DEVICES)
    .option("--sizes <list>", "comma-separated qubit counts (4..14)", "4,6,8,10,12")
    .option(
      "--circuits <list>",
      `comma-separated from ${BENCHMARK_KINDS.join(", ")}`,
      BENCHMARK_KINDS.join(","),
    )
    .option(
      "--trajectories <n>",
      "trajectories (and shots) per run; the density matrix is used while 2^n ≤ this",
      "100",
    )
    .option("--seed <s>", "PRNG seed", "1")
    .option("--json", "print the rows and the summary as JSON")
    .action((opts) => {
      const sizes = list("--sizes", opts.sizes).map((s) => parseIntegerOption("--sizes", s, 2, 14));
      const circuits = list("--circuits", opts.circuits) as BenchmarkKind[];
      for (const c of circuits)
        if (!BENCHMARK_KINDS.includes(c))
          throw userError("CLI.InvalidOption", `unknown circuit '${c}'`, {
            field: "--circuits",
            hint: `choose from ${BENCHMARK_KINDS.join(", ")}`,
          });
      const trajectories = parseIntegerOption("--trajectories", opts.trajectories, 1, 1e6);
      const seed = parseIntegerOption("--seed", opts.seed, 0, 2 ** 32 - 1);
      const c = pc.createColors(io.color);
      // Rows print as they come when the terminal holds the fixed columns; otherwise they are collected and
      // printed as one table fitted to the terminal at the end.
      const streaming = WIDTHS.reduce((a, b) => a + b + 2, -2) <= io.columns;
      const rows: string[][] = [];
      if (!opts.json && streaming) io.stdout(`${c.bold(line(HEADER))}\n`);
      const summary = validateNoise({
        devices: list("--devices", opts.devices),
        sizes,
        circuits,
        trajectories,
        seed,
        shots: trajectories,
        onRow: (r) => {
          if (opts.json) return;
          if (streaming) io.stdout(`${line(cells(r))}\n`);
          else rows.push(cells(r));
        },
      });
      if (!opts.json && !streaming) {
        const table = renderTable(HEADER, rows, { width: io.columns, align: ALIGN, priority: PRIORITY });
        io.stdout(`${table.join("\n")}\n`);
      }
      if (opts.json) io.stdout(`${JSON.stringify(summary)}\n`);
      else io.stdout(fitted(io, `\n${c.bold("conclusion:")} ${summary.conclusion}\n`));
    });
}
