// `npm run bench:train`: wall-clock of the default `qfit train` runs on the two-moons task (both models), the
// issue's "under a minute on this machine" figure. A benchmark, never a test: the machine is shared and noisy.
// QFIT_BENCH_RUNS=3 takes the median of three runs.
import { train } from "../src/qml/train.js";
import { median } from "./timing.js";

const runs = Math.max(1, Number(process.env.QFIT_BENCH_RUNS ?? "1"));

console.log("qfit train --task moons (defaults: 200 train / 100 held-out, 10 epochs, batch 10, Adam)");
console.log("model       wall s (median)  held-out acc  final loss  circuit executions  per execution");
for (const model of ["classical", "quantum"] as const) {
  const walls: number[] = [];
  let last = train({ task: "moons", model });
  walls.push(last.ledger.wallSeconds);
  for (let i = 1; i < runs; i++) {
    last = train({ task: "moons", model });
    walls.push(last.ledger.wallSeconds);
  }
  const wall = median(walls);
  const perExec =
    last.ledger.circuitExecutions > 0
      ? `${((wall / last.ledger.circuitExecutions) * 1e6).toFixed(1)} µs`
      : "–";
  console.log(
    `${model.padEnd(10)}  ${wall.toFixed(2).padStart(15)}  ${(100 * last.heldOutAccuracy).toFixed(1).padStart(11)}%  ${last.losses.at(-1)!.toFixed(4).padStart(10)}  ${String(last.ledger.circuitExecutions).padStart(18)}  ${perExec.padStart(13)}`,
  );
}
