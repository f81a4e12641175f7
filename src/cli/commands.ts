// The one place that knows which commands exist. Each command lives in its own file and is loaded only when it is
// the one being run, or its help is asked for: `qfit run bell.qasm` does not pay for the workload registry, the
// report renderer, the sweep queue or the server (issue 14 §4: start-up dominated by Node's own). What the
// top-level `qfit --help` lists comes from this table, so it needs no command module at all; a test checks that
// each entry's term and summary agree with its command (test/cli-commands.test.ts).
import type { Command } from "@commander-js/extra-typings";
import type { Io } from "./io.js";

/** Adds one real command (with its options and action) to the program. */
export type Register = (program: Command, io: Io) => void;

export interface CommandEntry {
  name: string;
  /** What the top-level help shows for it: name, `[options]` and arguments, as commander prints them. */
  term: string;
  /** The one-line summary the top-level help shows (the start of the command's own description). */
  summary: string;
  load(): Promise<Register>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "run",
    term: "run [options] <file>",
    summary: "simulate an OpenQASM 2.0 or 3 circuit exactly and print the measurement counts",
    load: async () => (await import("./run.js")).addRunCommand,
  },
  {
    name: "devices",
    term: "devices [options] [name]",
    summary:
      "list the hardware catalog (GPUs, quantum processors, annealers), or show one device with its sources",
    load: async () => {
      const { devicesCommand } = await import("./devices.js");
      return (program, io) => program.addCommand(devicesCommand(io));
    },
  },
  {
    name: "draw",
    term: "draw [options] <file>",
    summary: "draw an OpenQASM 2.0 circuit as text (Qiskit's text-drawer style) or as SVG",
    load: async () => {
      const { drawCommand } = await import("./draw.js");
      return (program, io) => program.addCommand(drawCommand(io));
    },
  },
  {
    name: "estimate",
    term: "estimate",
    summary: "estimate a workload on classical hardware and on quantum processors, with a verdict",
    load: async () => {
      const [{ createEstimateCommand }, { addEstimateFtCommand }] = await Promise.all([
        import("./estimate.js"),
        import("./estimate-ft.js"),
      ]);
      // One subcommand per registered workload, plus `estimate ft` (the fault-tolerant estimator on its own).
      return (program, io) => {
        const estimate = createEstimateCommand(io);
        addEstimateFtCommand(estimate, io);
        program.addCommand(estimate);
      };
    },
  },
  {
    name: "report",
    term: "report [options] [scenario]",
    summary:
      "judge a set of workloads (default: LLM training at three sizes and six quantum-native problems) " +
      "on classical machines vs quantum processors; prints a verdict table and writes qfit-report.html",
    load: async () => {
      // The report's workers load their modules while this thread loads its own (thread-pool.ts).
      (await import("./report-early.js")).prestartReportWorkers();
      const { reportCommand } = await import("./report.js");
      return (program, io) => program.addCommand(reportCommand(io));
    },
  },
  {
    name: "crossover",
    term: "crossover [options] <workload>",
    summary: "problem size and year of quantum advantage",
    load: async () => {
      const { crossoverCommand } = await import("./crossover.js");
      return (program, io) => program.addCommand(crossoverCommand(io));
    },
  },
  {
    name: "roadmap",
    term: "roadmap [options]",
    summary: "qubit-count history, trend fits, projections and vendor roadmaps",
    load: async () => {
      const { roadmapCommand } = await import("./roadmap.js");
      return (program, io) => program.addCommand(roadmapCommand(io));
    },
  },
  {
    name: "serve",
    term: "serve [options]",
    summary: "start the local dashboard and JSON API (http://127.0.0.1:PORT/, printed on the first line)",
    load: async () => {
      const { serveCommand } = await import("./serve.js");
      return (program, io) => program.addCommand(serveCommand(io));
    },
  },
  {
    name: "train",
    term: "train [options]",
    summary:
      "train a tiny model on the CPU (MLP, backprop) or as a variational quantum circuit on the simulator " +
      "(parameter shift), and count what it cost",
    load: async () => (await import("./train.js")).addTrainCommand,
  },
  {
    name: "transpile",
    term: "transpile [options] <file>",
    summary: "compile an OpenQASM 2.0 or 3 circuit to a quantum processor's native gates and connectivity",
    load: async () => {
      const { transpileCommand } = await import("./transpile.js");
      return (program, io) => program.addCommand(transpileCommand(io));
    },
  },
  {
    name: "validate-noise",
    term: "validate-noise [options]",
    summary:
      "check the estimator's success-probability model against noisy simulation (GHZ, QFT, adder, random circuits)",
    load: async () => {
      const { validateNoiseCommand } = await import("./validate-noise.js");
      return (program, io) => program.addCommand(validateNoiseCommand(io));
    },
  },
  {
    name: "sweep",
    term: "sweep [options] <spec>",
    summary:
      "run a sweep file (circuits × devices × noise × shots × seeds, or training runs) on local workers or a Redis queue",
    load: async () => {
      const { sweepCommand } = await import("./sweep.js");
      return (program, io) => program.addCommand(sweepCommand(io));
    },
  },
  {
    name: "worker",
    term: "worker [options]",
    summary: "take sweep jobs off a BullMQ queue and run them (any number of machines, one Redis)",
    load: async () => {
      const { workerCommand } = await import("./sweep.js");
      return (program, io) => program.addCommand(workerCommand(io));
    },
  },
];

/**
 * The command a command line runs, or whose help it asks for (`qfit help run`): the first word that is not an
 * option (the program's own options, --wide, --debug, --help, --version, take no value). Undefined for `qfit`,
 * `qfit --help` and `qfit --version`, which need no command module.
 */
export function commandNamed(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
