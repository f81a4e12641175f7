// `qfit validate-noise`: the estimator's success-probability model against noisy simulation of GHZ, QFT, adder
// and random circuits on several devices, side by side, with the regime where they agree.
import { Command } from "@commander-js/extra-typings";
import pc from "picocolors";
import { BENCHMARK_KINDS, type BenchmarkKind } from "../circuit/benchmarks.js";
import { userError } from "../errors.js";
import { type ValidationRow, validateNoise } from "../run/validate-noise.js";
import type { Io } from "./io.js";
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

function row(r: ValidationRow): string {
  const f = (x: number | null) => (x === null ? "—".padStart(7) : x.toFixed(4).padStart(7));
  return [
    r.device.padEnd(18),
    r.circuit.padEnd(6),
    String(r.qubits).padStart(3),
    String(r.twoQubitGates).padStart(5),
    String(r.swaps).padStart(5),
    f(r.estimatedSuccessProbability),
    f(r.hellingerFidelity),
    f(r.idealOutputProbability),
    (r.difference >= 0 ? "+" : "") + r.difference.toFixed(3),
    r.agree ? "yes" : "no",
    r.method,
  ].join("  ");
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
      const header = `${"device".padEnd(18)}  ${"circ".padEnd(6)}  ${"n".padStart(3)}  ${"2q".padStart(5)}  ${"swaps".padStart(5)}  ${"ESP".padStart(7)}  ${"F_hell".padStart(7)}  ${"P_ideal".padStart(7)}  ${"ESP−F".padStart(6)}  agree  method`;
      if (!opts.json) io.stdout(`${c.bold(header)}\n`);
      const summary = validateNoise({
        devices: list("--devices", opts.devices),
        sizes,
        circuits,
        trajectories,
        seed,
        shots: trajectories,
        onRow: (r) => {
          if (!opts.json) io.stdout(`${row(r)}\n`);
        },
      });
      if (opts.json) io.stdout(`${JSON.stringify(summary)}\n`);
      else io.stdout(`\n${c.bold("conclusion:")} ${summary.conclusion}\n`);
    });
}
