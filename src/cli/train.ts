// `qfit train`: train a tiny model classically or as a variational quantum circuit on the simulator (exact, with
// shots, or with a catalog device's noise), then print loss and accuracy curves and the cost ledger.
import { type Command, Option } from "@commander-js/extra-typings";
import { SingleBar } from "cli-progress";
import pc from "picocolors";
import { ANSATZ_KINDS, type AnsatzKind, MAX_LAYERS, MAX_TRAINING_QUBITS } from "../qml/ansatz.js";
import { OPTIMIZER_NAMES, type OptimizerName } from "../qml/optim.js";
import {
  DEFAULTS,
  MAX_EPOCHS,
  MAX_SHOTS_PER_EXECUTION,
  MAX_TRAIN_SIZE,
  MODELS,
  type ModelKind,
  TASKS,
  type TaskName,
  type TrainResult,
  train,
} from "../qml/train.js";
import { formatDuration, formatSci, formatUsd } from "../units/format.js";
import { fitted, type Io } from "./io.js";
import { parseIntegerOption, parseQuantity } from "./options.js";

export function addTrainCommand(program: Command, io: Io): void {
  program
    .command("train")
    .description(
      "train a tiny model on the CPU (MLP, backprop) or as a variational quantum circuit on the simulator (parameter shift), and count what it cost",
    )
    .option("--task <name>", `task: ${TASKS.join(" | ")}`, "moons")
    .option("--model <kind>", `model: ${MODELS.join(" | ")}`, "quantum")
    .option("--qubits <n>", "quantum: qubits", String(DEFAULTS.qubits))
    .option("--layers <n>", "quantum: ansatz layers", String(DEFAULTS.layers))
    .addOption(
      new Option("--ansatz <kind>", "quantum: ansatz").choices(ANSATZ_KINDS).default(DEFAULTS.ansatz),
    )
    .option("--shots <n>", "quantum: shots per circuit execution (default: exact expectation values)")
    .option(
      "--device <name>",
      "quantum: a gate-model QPU from `qfit devices --kind qpu` (noise, time, price)",
    )
    .option("--epochs <n>", "passes over the training set", String(DEFAULTS.epochs))
    .option("--seed <s>", "seed for data, initial weights, order and shots", "1")
    .option("--batch-size <n>", "examples per optimiser step", String(DEFAULTS.batchSize))
    .option("--learning-rate <lr>", "step size (default 0.05 classical, 0.1 quantum)")
    .addOption(new Option("--optimizer <name>", "optimiser").choices(OPTIMIZER_NAMES).default("adam"))
    .option("--hidden <n>", "classical: hidden units (0 = softmax regression)", String(DEFAULTS.hidden))
    .option("--train-size <n>", "training examples (moons: generated, default 200; chars: first N bigrams)")
    .option("--json", "print the result as JSON")
    .action((opts) => {
      const int = (flag: string, text: string, min: number, max: number) =>
        parseIntegerOption(flag, text, min, max);
      const model = opts.model as ModelKind;
      const quantum = model === "quantum";
      const progress = { bar: null as SingleBar | null };
      let result: TrainResult;
      try {
        result = train({
          task: opts.task as TaskName,
          model,
          qubits: quantum ? int("--qubits", opts.qubits, 1, MAX_TRAINING_QUBITS) : undefined,
          layers: quantum ? int("--layers", opts.layers, 1, MAX_LAYERS) : undefined,
          ansatz: opts.ansatz as AnsatzKind,
          shots:
            opts.shots === undefined ? undefined : int("--shots", opts.shots, 1, MAX_SHOTS_PER_EXECUTION),
          device: opts.device,
          epochs: int("--epochs", opts.epochs, 1, MAX_EPOCHS),
          seed: int("--seed", opts.seed, 0, 2 ** 32 - 1),
          batchSize: int("--batch-size", opts.batchSize, 1, MAX_TRAIN_SIZE),
          learningRate:
            opts.learningRate === undefined ? undefined : parseQuantity("--learning-rate", opts.learningRate),
          optimizer: opts.optimizer as OptimizerName,
          hidden: model === "classical" ? int("--hidden", opts.hidden, 0, 4096) : undefined,
          trainSize:
            opts.trainSize === undefined ? undefined : int("--train-size", opts.trainSize, 1, MAX_TRAIN_SIZE),
          onProgress: (done, total) => {
            if (!io.isTty || !process.stderr.isTTY) return;
            if (!progress.bar) {
              progress.bar = new SingleBar({
                stream: process.stderr,
                format: "training [{bar}] {percentage}% | step {value}/{total} | {duration_formatted}",
                hideCursor: true,
                clearOnComplete: true,
              });
              progress.bar.start(total, 0);
            }
            progress.bar.update(done);
            if (done === total) progress.bar.stop();
          },
        });
      } finally {
        // Restores the cursor even when training stops with an error.
        progress.bar?.stop();
      }
      if (opts.json) io.stdout(`${JSON.stringify(result)}\n`);
      else io.stdout(fitted(io, renderTrain(result, io.color)));
    });
}

const SPARK = "▁▂▃▄▅▆▇█";

/** The human view: header, per-epoch losses with a bar, accuracies, the cost ledger, assumptions. */
export function renderTrain(r: TrainResult, color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  const l = r.ledger;
  out.push(c.bold(`qfit train: ${r.task}, ${r.model} model, seed ${r.seed}`));
  out.push(`  model    ${r.modelDescription}`);
  out.push(
    `  data     ${r.dataset.source}; ${r.dataset.train} training / ${r.dataset.heldOut} held-out examples`,
  );
  out.push(
    `  training ${r.config.epochs} epoch${r.config.epochs === 1 ? "" : "s"}, batch ${r.config.batchSize}, ${r.config.optimizer} lr ${r.config.learningRate}${r.config.shots !== undefined ? `, ${r.config.shots} shots` : r.model === "quantum" ? ", exact expectation values" : ""}`,
  );
  if (r.circuit)
    out.push(
      `  circuit  ${r.circuit.qubits} qubits, ${r.circuit.oneQubitGates} 1q + ${r.circuit.twoQubitGates} 2q gates, depth ${r.circuit.depth}${r.circuit.fidelity < 1 ? `, estimated fidelity F = ${r.circuit.fidelity.toFixed(4)}` : ""}`,
    );
  out.push("", c.bold("epoch   train loss   held-out loss"));
  const max = Math.max(...r.losses, ...r.heldOutLosses);
  const min = Math.min(...r.losses, ...r.heldOutLosses);
  const spark = (v: number) => SPARK[Math.round(((v - min) / (max - min || 1)) * (SPARK.length - 1))];
  r.losses.forEach((loss, i) => {
    out.push(
      `${String(i + 1).padStart(5)}   ${loss.toFixed(4).padStart(10)}   ${r.heldOutLosses[i].toFixed(4).padStart(13)}   ${c.cyan(spark(loss))}${c.dim(spark(r.heldOutLosses[i]))}`,
    );
  });
  out.push(
    "",
    `accuracy: train ${(100 * r.accuracy).toFixed(1)}%, held-out ${(100 * r.heldOutAccuracy).toFixed(1)}%`,
  );
  out.push("", c.bold("cost ledger"));
  out.push(`  parameters           ${l.parameters}`);
  out.push(`  optimiser steps      ${l.steps} (${l.examples} examples)`);
  if (r.model === "quantum") {
    out.push(
      `  circuit executions   ${l.circuitExecutions.toLocaleString("en-US")} (${l.gradientExecutions.toLocaleString("en-US")} for gradients: 2·P = ${l.gradientExecutionsPerExample} per example)`,
    );
    out.push(`  shots                ${l.shots === 0 ? "none (exact)" : l.shots.toLocaleString("en-US")}`);
  }
  out.push(
    `  classical FLOPs      ${formatSci(l.flops, 3)}${r.model === "quantum" ? " (optimiser and chain rule)" : " (forward + backprop + optimiser)"}`,
  );
  out.push(`  wall clock here      ${formatDuration(l.wallSeconds)}`);
  if (l.device !== undefined) {
    out.push(
      `  on ${l.device.padEnd(17)} ${formatDuration(l.deviceSeconds!)} of QPU time, ${l.deviceUsd == null ? "price unknown" : formatUsd(l.deviceUsd)}`,
    );
  }
  if (r.assumptions.length > 0) {
    out.push("", c.bold("assumptions"));
    for (const a of r.assumptions) out.push(c.dim(`  - ${a}`));
  }
  for (const u of r.unverified) out.push(c.yellow(`  ! ${u}`));
  return `${out.join("\n")}\n`;
}
