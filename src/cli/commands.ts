// The one place that knows which commands exist: each command lives in its own file and registers itself here.
import type { Command } from "@commander-js/extra-typings";
import { crossoverCommand } from "./crossover.js";
import { devicesCommand } from "./devices.js";
import { drawCommand } from "./draw.js";
import { createEstimateCommand } from "./estimate.js";
import { addEstimateFtCommand } from "./estimate-ft.js";
import type { Io } from "./io.js";
import { reportCommand } from "./report.js";
import { roadmapCommand } from "./roadmap.js";
import { addRunCommand } from "./run.js";
import { serveCommand } from "./serve.js";
import { sweepCommand, workerCommand } from "./sweep.js";
import { addTrainCommand } from "./train.js";
import { transpileCommand } from "./transpile.js";
import { validateNoiseCommand } from "./validate-noise.js";

export function registerCommands(program: Command, io: Io): void {
  addRunCommand(program, io);
  program.addCommand(devicesCommand(io));
  program.addCommand(drawCommand(io));
  // One subcommand per registered workload, plus `estimate ft` (the fault-tolerant estimator on its own).
  const estimate = createEstimateCommand(io);
  addEstimateFtCommand(estimate, io);
  program.addCommand(estimate);
  program.addCommand(reportCommand(io));
  program.addCommand(crossoverCommand(io));
  program.addCommand(roadmapCommand(io));
  program.addCommand(serveCommand(io));
  addTrainCommand(program, io);
  program.addCommand(transpileCommand(io));
  program.addCommand(validateNoiseCommand(io));
  program.addCommand(sweepCommand(io));
  program.addCommand(workerCommand(io));
}
