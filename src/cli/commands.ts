// The one place that knows which commands exist: each command lives in its own file and registers itself here.
import type { Command } from "@commander-js/extra-typings";
import { devicesCommand } from "./devices.js";
import { createEstimateCommand } from "./estimate.js";
import type { Io } from "./io.js";
import { reportCommand } from "./report.js";
import { addRunCommand } from "./run.js";
import { transpileCommand } from "./transpile.js";
import { validateNoiseCommand } from "./validate-noise.js";

export function registerCommands(program: Command, io: Io): void {
  addRunCommand(program, io);
  program.addCommand(devicesCommand(io));
  // Other workloads (e.g. `estimate ft`) add their subcommands to this command.
  const estimate = createEstimateCommand(io);
  program.addCommand(estimate);
  program.addCommand(reportCommand(io));
  program.addCommand(transpileCommand(io));
  program.addCommand(validateNoiseCommand(io));
}
