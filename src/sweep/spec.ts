// A sweep file: what to run, as a list of blocks, each a grid (every field given as a list is an axis; the
// block runs the cartesian product). A "list" of points is several blocks. Two kinds of block:
//   circuit  — circuits (files, globs, generated benchmarks) × devices × noise on/off × shots × trajectories,
//              repeated with derived seeds, each run optionally split into chunks that run on different workers;
//   training — `qfit train` runs over task × model × size × seed;
//   scenario — Monte Carlo samples of a `qfit report` scenario with some inputs drawn from ranges, in chunks.
// Validation is zod's; positions come from the YAML (yaml-input.ts), so errors read file:line:col.
import { z } from "zod";
import { BENCHMARK_KINDS } from "../circuit/benchmarks.js";
import { ANSATZ_KINDS, MAX_LAYERS, MAX_TRAINING_QUBITS } from "../qml/ansatz.js";
import { OPTIMIZER_NAMES } from "../qml/optim.js";
import { MAX_EPOCHS, MAX_SHOTS_PER_EXECUTION, MAX_TRAIN_SIZE, MODELS, TASKS } from "../qml/train.js";
import { MAX_SEED } from "../sim/prng.js";
import { rangeSchema } from "../stats/distribution.js";
import { type ParsedYaml, parseYamlInput } from "../yaml-input.js";

/** A value or a list of values (an axis of the grid). */
function axis<T extends z.ZodType>(t: T) {
  return z.union([t, z.array(t).min(1).max(1000)]);
}
const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** The largest circuit a sweep job may simulate (a 2^30 statevector is 16 GiB; workers refuse beyond memory). */
export const MAX_SWEEP_QUBITS = 30;

const circuitSource = z.union([
  z.strictObject({ file: z.string().min(1) }),
  z.strictObject({ glob: z.string().min(1) }),
  z.strictObject({
    benchmark: z.enum(BENCHMARK_KINDS as [string, ...string[]]),
    qubits: axis(int(2, MAX_SWEEP_QUBITS)),
  }),
]);

const onOff = z.union([z.boolean(), z.enum(["on", "off"])]).transform((v) => v === true || v === "on");

const circuitBlock = z.strictObject({
  kind: z.literal("circuit"),
  circuits: z.array(circuitSource).min(1).max(1000),
  devices: axis(z.string().min(1)),
  noise: axis(onOff).default(true),
  shots: axis(int(1, 1e8)).default(1000),
  /** Trajectories per run (default min(shots, 2000), as `qfit run`). */
  trajectories: axis(int(1, 1e7)).optional(),
  method: axis(z.enum(["auto", "density", "trajectories"])).default("auto"),
  /** Independent repetitions, each with its own derived seed. */
  repeats: int(1, 10_000).default(1),
  /** Split each run's shots and trajectories into this many jobs (different workers), merged in the summary. */
  split: int(1, 10_000).default(1),
});

const trainingBlock = z.strictObject({
  kind: z.literal("training"),
  task: axis(z.enum(TASKS as [string, ...string[]])).default("moons"),
  model: axis(z.enum(MODELS as [string, ...string[]])).default("quantum"),
  qubits: axis(int(1, MAX_TRAINING_QUBITS)).optional(),
  layers: axis(int(1, MAX_LAYERS)).optional(),
  ansatz: axis(z.enum(ANSATZ_KINDS as [string, ...string[]])).optional(),
  hidden: axis(int(0, 4096)).optional(),
  epochs: axis(int(1, MAX_EPOCHS)).optional(),
  batchSize: axis(int(1, MAX_TRAIN_SIZE)).optional(),
  trainSize: axis(int(1, MAX_TRAIN_SIZE)).optional(),
  learningRate: axis(z.number().positive().max(100)).optional(),
  optimizer: axis(z.enum(OPTIMIZER_NAMES as [string, ...string[]])).optional(),
  shots: axis(int(1, MAX_SHOTS_PER_EXECUTION)).optional(),
  device: axis(z.string().min(1)).optional(),
  repeats: int(1, 10_000).default(1),
});

/** `hardware.mfu`, `workloads[0].params`: a numeric field of the scenario, drawn per Monte Carlo sample. */
const SCENARIO_PATH = /^(hardware\.[a-zA-Z]+|workloads\[\d{1,3}\]\.[a-zA-Z]+)$/;

const scenarioBlock = z.strictObject({
  kind: z.literal("scenario"),
  /** A `qfit report` scenario file, relative to the sweep file. */
  file: z.string().min(1),
  samples: int(1, 1_000_000),
  split: int(1, 10_000).default(1),
  ranges: z.record(z.string(), rangeSchema).superRefine((r, ctx) => {
    for (const k of Object.keys(r))
      if (!SCENARIO_PATH.test(k))
        ctx.addIssue({
          code: "custom",
          path: [k],
          message: `'${k}' is not a scenario field such as hardware.mfu or workloads[0].params`,
        });
  }),
});

export const sweepSchema = z.strictObject({
  name: z.string().min(1).max(200).default("qfit sweep"),
  /** The sweep seed: every job's seed is derived from it, its repetition and its chunk. */
  seed: int(0, MAX_SEED).default(1),
  runs: z
    .array(z.discriminatedUnion("kind", [circuitBlock, trainingBlock, scenarioBlock]))
    .min(1)
    .max(1000),
});

export type SweepSpec = z.infer<typeof sweepSchema>;
export type CircuitBlock = z.infer<typeof circuitBlock>;
export type TrainingBlock = z.infer<typeof trainingBlock>;
export type ScenarioBlock = z.infer<typeof scenarioBlock>;
export type CircuitSource = z.infer<typeof circuitSource>;

/** Sweep files larger than this are refused before parsing. */
export const MAX_SWEEP_FILE_BYTES = 1 << 20;

export function parseSweep(text: string, file = "sweep.yaml"): ParsedYaml<SweepSpec> {
  return parseYamlInput(sweepSchema, text, file, {
    code: "Sweep.Spec",
    maxBytes: MAX_SWEEP_FILE_BYTES,
    hint: "the sweep file format: docs/sweep.md (in the package and the repository)",
  });
}

/** An axis as a list. */
export function values<T>(v: T | T[] | undefined): (T | undefined)[] {
  if (v === undefined) return [undefined];
  return Array.isArray(v) ? v : [v];
}
