// The merge: job records → the rows a user reads. Chunks of a split run become one row (counts added, noisy
// distributions averaged with their trajectories as weights, fidelity recomputed from the merged distribution),
// so a run split over ten workers reads like one run. Rows are ordered by their inputs, not by arrival.
import { hellingerFidelity } from "../run/on-device.js";
import { type Quantiles, quantiles } from "../stats/monte-carlo.js";
import type {
  CircuitJobInput,
  CircuitJobOutput,
  JobRecord,
  ScenarioJobInput,
  ScenarioJobOutput,
  TrainingJobInput,
  TrainingJobOutput,
} from "./jobs.js";

export interface CircuitRow {
  run: string;
  circuit: string;
  device: string;
  noise: boolean;
  repeat: number;
  seed: number;
  shots: number;
  trajectories: number;
  chunks: number;
  qubits: number;
  method: string;
  depth: number;
  twoQubitGates: number;
  swaps: number;
  durationNs: number;
  estimatedSuccessProbability: number;
  hellingerFidelity: number;
  successProbability: number | null;
  counts: Record<string, number>;
  deviceSeconds: number;
  usd: number | null;
}

export interface TrainingRow {
  id: string;
  task: string;
  model: string;
  qubits?: number;
  layers?: number;
  hidden?: number;
  device?: string;
  seed: number;
  repeat: number;
  finalLoss: number;
  accuracy: number;
  heldOutAccuracy: number;
  parameters: number;
  circuitExecutions: number;
  flops: number;
}

export interface ScenarioRow {
  run: string;
  scenario: string;
  workload: string;
  samples: number;
  chunks: number;
  qpuOverGpuLog10: Quantiles;
  gpuSeconds: Quantiles;
  qpuSeconds: Quantiles;
  /** Share of samples in which the quantum processor wins. */
  qpuWinShare: number;
}

export interface FailedRow {
  id: string;
  what: string;
  code: string;
  message: string;
}

export interface SweepSummary {
  jobs: number;
  circuits: CircuitRow[];
  training: TrainingRow[];
  scenarios: ScenarioRow[];
  failed: FailedRow[];
  /** Sum of the jobs' own wall-clock time (what one worker would have needed), ms. */
  workMs: number;
}

function addCounts(into: Map<string, number>, c: Record<string, number>): void {
  for (const [k, v] of Object.entries(c)) into.set(k, (into.get(k) ?? 0) + v);
}

function sortedObject(m: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** One row from the chunks of one run (all with the same run key). */
export function mergeChunks(chunks: Array<{ input: CircuitJobInput; output: CircuitJobOutput }>): CircuitRow {
  const sorted = [...chunks].sort((a, b) => a.input.chunk.index - b.input.chunk.index);
  const first = sorted[0];
  const counts = new Map<string, number>();
  const probs = new Map<string, number>();
  let shots = 0;
  let trajectories = 0;
  let deviceSeconds = 0;
  let usd: number | null = 0;
  let complete = true;
  let fidelity = 0;
  let success = 0;
  for (const { input, output } of sorted) {
    addCounts(counts, output.counts);
    shots += input.shots;
    trajectories += input.trajectories;
    deviceSeconds += output.deviceSeconds;
    usd = usd === null || output.usd === null ? null : usd + output.usd;
    if (!output.probabilities) complete = false;
    else
      for (const [k, v] of Object.entries(output.probabilities))
        probs.set(k, (probs.get(k) ?? 0) + v * input.trajectories);
    fidelity += output.hellingerFidelity * input.trajectories;
    success += (output.successProbability ?? 0) * input.trajectories;
  }
  let hellinger = fidelity / trajectories;
  let successProbability = first.output.successProbability === null ? null : success / trajectories;
  if (complete && sorted.length > 1 && first.output.idealProbabilities) {
    const merged = Object.fromEntries([...probs.entries()].map(([k, v]) => [k, v / trajectories]));
    const ideal = first.output.idealProbabilities;
    hellinger = hellingerFidelity(ideal, merged);
    if (successProbability !== null) {
      const keys = Object.entries(ideal).filter(([, p]) => p > 1e-9);
      successProbability = keys.reduce((s, [k]) => s + (merged[k] ?? 0), 0);
    }
  }
  const t = first.output.transpiled;
  return {
    run: first.input.run,
    circuit: first.input.circuit.name,
    device: first.input.device,
    noise: first.input.noise,
    repeat: first.input.repeat,
    seed: first.input.seed,
    shots,
    trajectories,
    chunks: sorted.length,
    qubits: first.output.qubits,
    method: first.output.method,
    depth: t.depth,
    twoQubitGates: t.twoQubitGates,
    swaps: t.swaps,
    durationNs: t.durationNs,
    estimatedSuccessProbability: first.output.estimatedSuccessProbability,
    hellingerFidelity: hellinger,
    successProbability,
    counts: sortedObject(counts),
    deviceSeconds,
    usd,
  };
}

/** Rows of one scenario run: its chunks' samples concatenated in chunk order, then quantiles per workload. */
export function mergeScenario(
  chunks: Array<{ input: ScenarioJobInput; output: ScenarioJobOutput }>,
): ScenarioRow[] {
  const sorted = [...chunks].sort((a, b) => a.input.chunk.index - b.input.chunk.index);
  const first = sorted[0];
  return first.output.workloads.map((w, i) => {
    const all = (f: (x: ScenarioJobOutput["workloads"][number]) => number[]) =>
      // JSON writes +∞ ("never") as null; read it back as +∞.
      sorted.flatMap((c) => f(c.output.workloads[i]).map((v) => v ?? Number.POSITIVE_INFINITY));
    const samples = sorted.reduce((n, c) => n + c.input.samples, 0);
    return {
      run: first.input.run,
      scenario: first.input.scenario.name,
      workload: w.label,
      samples,
      chunks: sorted.length,
      qpuOverGpuLog10: quantiles(all((x) => x.qpuOverGpuLog10)),
      gpuSeconds: quantiles(all((x) => x.gpuSeconds)),
      qpuSeconds: quantiles(all((x) => x.qpuSeconds)),
      qpuWinShare: sorted.reduce((n, c) => n + c.output.workloads[i].qpuWins, 0) / samples,
    };
  });
}

function describe(r: JobRecord): string {
  const i = r.input;
  if (i.kind === "scenario") return `${i.scenario.name} samples (chunk ${i.chunk.index + 1}/${i.chunk.of})`;
  return i.kind === "circuit"
    ? `${i.circuit.name} on ${i.device}${i.chunk.of > 1 ? ` (chunk ${i.chunk.index + 1}/${i.chunk.of})` : ""}`
    : `training ${i.task}/${i.model} seed ${i.seed}`;
}

export function summarise(records: readonly JobRecord[]): SweepSummary {
  const runs = new Map<string, Array<{ input: CircuitJobInput; output: CircuitJobOutput }>>();
  const training: TrainingRow[] = [];
  const scenarioRuns = new Map<string, Array<{ input: ScenarioJobInput; output: ScenarioJobOutput }>>();
  const failed: FailedRow[] = [];
  let workMs = 0;
  for (const r of records) {
    workMs += r.timing.ms;
    if (r.output.kind === "error") {
      failed.push({ id: r.id, what: describe(r), code: r.output.code, message: r.output.message });
      continue;
    }
    if (r.input.kind === "scenario") {
      const list = scenarioRuns.get(r.input.run) ?? [];
      list.push({ input: r.input, output: r.output as ScenarioJobOutput });
      scenarioRuns.set(r.input.run, list);
    } else if (r.input.kind === "circuit") {
      const list = runs.get(r.input.run) ?? [];
      list.push({ input: r.input, output: r.output as CircuitJobOutput });
      runs.set(r.input.run, list);
    } else {
      const i = r.input as TrainingJobInput;
      const o = r.output as TrainingJobOutput;
      training.push({
        id: r.id,
        task: i.task,
        model: i.model,
        qubits: i.qubits,
        layers: i.layers,
        hidden: i.hidden,
        device: i.device,
        seed: i.seed,
        repeat: i.repeat,
        finalLoss: o.losses[o.losses.length - 1],
        accuracy: o.accuracy,
        heldOutAccuracy: o.heldOutAccuracy,
        parameters: o.parameters,
        circuitExecutions: o.circuitExecutions,
        flops: o.flops,
      });
    }
  }
  const circuits = [...runs.values()].map(mergeChunks);
  circuits.sort(
    (a, b) =>
      cmp(a.device, b.device) ||
      cmp(a.circuit, b.circuit) ||
      a.qubits - b.qubits ||
      Number(b.noise) - Number(a.noise) ||
      a.shots - b.shots ||
      a.trajectories - b.trajectories ||
      a.repeat - b.repeat ||
      cmp(a.run, b.run),
  );
  training.sort(
    (a, b) =>
      cmp(a.task, b.task) ||
      cmp(a.model, b.model) ||
      (a.qubits ?? 0) - (b.qubits ?? 0) ||
      (a.layers ?? 0) - (b.layers ?? 0) ||
      a.repeat - b.repeat ||
      cmp(a.id, b.id),
  );
  failed.sort((a, b) => cmp(a.id, b.id));
  const scenarios = [...scenarioRuns.values()]
    .map(mergeScenario)
    .sort((a, b) => cmp(a[0].scenario, b[0].scenario) || cmp(a[0].run, b[0].run))
    .flat();
  return { jobs: records.length, circuits, training, scenarios, failed, workMs };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
