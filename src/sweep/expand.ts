// Expansion: a validated sweep file → the list of jobs (each with its content-addressed id) and the payloads
// they refer to by hash. Pure: the edge resolves files and globs to texts first (`circuits`). Jobs are counted
// before anything is hashed, so a sweep that would make too many is refused before it uses memory.
import type { BenchmarkKind } from "../circuit/benchmarks.js";
import { gateModelDevices } from "../device/device-model.js";
import { type SourcePosition, userError } from "../errors.js";
import { contentId, sha256Hex } from "./hash.js";
import {
  type CircuitJobInput,
  type CircuitRef,
  deriveSeed,
  type JobInput,
  type ScenarioJobInput,
  type SweepJob,
  share,
  type TrainingJobInput,
} from "./jobs.js";
import type { CircuitBlock, ScenarioBlock, SweepSpec, TrainingBlock } from "./spec.js";
import { values } from "./spec.js";

/** Hard ceiling on one sweep, whatever --yes says: the job list itself must fit in memory. */
export const MAX_SWEEP_JOBS = 1_000_000;

export interface ResolvedCircuitFile {
  name: string;
  text: string;
}

export interface ExpandOptions {
  version: string;
  /**
   * The files of `runs[block].circuits[source]` (a file, or a glob's matches), or of a scenario block's `file`
   * (source 0), read by the edge.
   */
  files(block: number, source: number): ResolvedCircuitFile[];
  /** Position of a field of the sweep file, for errors. */
  at?(path: readonly PropertyKey[]): SourcePosition;
}

export interface Expansion {
  jobs: SweepJob[];
  /** QASM texts by SHA-256. */
  payloads: Map<string, string>;
}

function product<T extends Record<string, unknown[]>>(axes: T): Array<{ [K in keyof T]: T[K][number] }> {
  let out: Array<Record<string, unknown>> = [{}];
  for (const [k, vs] of Object.entries(axes)) out = out.flatMap((o) => vs.map((v) => ({ ...o, [k]: v })));
  return out as Array<{ [K in keyof T]: T[K][number] }>;
}

function axisLength(v: unknown): number {
  return Array.isArray(v) ? v.length : 1;
}

/** Jobs a block makes, computed without building them. */
export function countBlockJobs(block: SweepSpec["runs"][number], circuitsPerBlock: number): number {
  if (block.kind === "scenario") return block.split;
  if (block.kind === "training") {
    const { kind: _k, repeats, ...axes } = block;
    return Object.values(axes).reduce((n: number, v) => n * axisLength(v), repeats);
  }
  return (
    circuitsPerBlock *
    axisLength(block.devices) *
    axisLength(block.noise) *
    axisLength(block.shots) *
    axisLength(block.trajectories) *
    axisLength(block.method) *
    block.repeats *
    block.split
  );
}

function circuitRefs(block: CircuitBlock, index: number, options: ExpandOptions) {
  const refs: Array<{ ref: CircuitRef; text?: string }> = [];
  block.circuits.forEach((src, j) => {
    if ("benchmark" in src) {
      for (const n of values(src.qubits) as number[]) {
        const kind = src.benchmark as BenchmarkKind;
        if (kind === "adder" && (n < 4 || n % 2 !== 0))
          throw userError("Sweep.Spec.Invalid", `the adder needs an even number of qubits ≥ 4, got ${n}`, {
            position: options.at?.(["runs", index, "circuits", j, "qubits"]),
            field: `runs[${index}].circuits[${j}].qubits`,
          });
        refs.push({ ref: { name: `${kind}-${n}`, benchmark: { kind, qubits: n } } });
      }
      return;
    }
    const files = options.files(index, j);
    if (files.length === 0)
      throw userError("Sweep.Spec.NoCircuits", `${"glob" in src ? src.glob : src.file} matches no file`, {
        position: options.at?.(["runs", index, "circuits", j]),
        field: `runs[${index}].circuits[${j}]`,
      });
    for (const f of files) refs.push({ ref: { name: f.name }, text: f.text });
  });
  return refs;
}

export async function expandSweep(spec: SweepSpec, options: ExpandOptions): Promise<Expansion> {
  const devices = new Set(gateModelDevices());
  const resolved = spec.runs.map((b, i) => (b.kind === "circuit" ? circuitRefs(b, i, options) : []));
  const total = spec.runs.reduce((n, b, i) => n + countBlockJobs(b, resolved[i].length), 0);
  if (total > MAX_SWEEP_JOBS)
    throw userError(
      "Sweep.TooManyJobs",
      `the sweep expands to ${total} jobs; the limit is ${MAX_SWEEP_JOBS}`,
      {
        field: "runs",
        hint: "split it into several sweep files",
      },
    );
  const payloads = new Map<string, string>();
  const inputs: JobInput[] = [];
  for (const [i, block] of spec.runs.entries()) {
    if (block.kind === "training") {
      inputs.push(...trainingInputs(block, spec.seed));
      continue;
    }
    if (block.kind === "scenario") {
      const [file] = options.files(i, 0);
      const hash = await sha256Hex(file.text);
      payloads.set(hash, file.text);
      inputs.push(...(await scenarioInputs(block, i, { name: file.name, hash }, spec.seed, options)));
      continue;
    }
    for (const [k, d] of (values(block.devices) as string[]).entries())
      if (!devices.has(d))
        throw userError("Sweep.Spec.UnknownDevice", `unknown gate-model quantum processor "${d}"`, {
          position: options.at?.(["runs", i, "devices", ...(Array.isArray(block.devices) ? [k] : [])]),
          field: `runs[${i}].devices`,
          hint: `gate-model QPUs: ${[...devices].join(", ")}`,
        });
    const circuits: CircuitRef[] = [];
    for (const { ref, text } of resolved[i]) {
      if (text !== undefined) {
        const hash = await sha256Hex(text);
        payloads.set(hash, text);
        ref.hash = hash;
      }
      circuits.push(ref);
    }
    inputs.push(...(await circuitInputs(block, i, circuits, spec.seed, options)));
  }
  const jobs: SweepJob[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const id = await contentId({ input, version: options.version });
    // The same work listed twice (e.g. a file matched by two globs) is one job.
    if (seen.has(id)) continue;
    seen.add(id);
    jobs.push({ id, input });
  }
  return { jobs, payloads };
}

async function circuitInputs(
  block: CircuitBlock,
  index: number,
  circuits: CircuitRef[],
  sweepSeed: number,
  options: ExpandOptions,
): Promise<CircuitJobInput[]> {
  const out: CircuitJobInput[] = [];
  const points = product({
    circuit: circuits,
    device: values(block.devices) as string[],
    noise: values(block.noise) as boolean[],
    shots: values(block.shots) as number[],
    trajectories: values(block.trajectories),
    method: values(block.method) as CircuitJobInput["method"][],
  });
  for (const p of points) {
    const trajectories = p.trajectories ?? Math.min(p.shots, 2000);
    if (block.split > Math.min(p.shots, trajectories))
      throw userError(
        "Sweep.Spec.Invalid",
        `split ${block.split} is more than the ${Math.min(p.shots, trajectories)} shots or trajectories to split`,
        { position: options.at?.(["runs", index, "split"]), field: `runs[${index}].split` },
      );
    for (let repeat = 0; repeat < block.repeats; repeat++) {
      const run = await contentId({ ...p, trajectories, repeat, sweepSeed });
      for (let c = 0; c < block.split; c++)
        out.push({
          kind: "circuit",
          circuit: p.circuit,
          device: p.device,
          noise: p.noise,
          method: p.method,
          shots: share(p.shots, block.split, c),
          trajectories: share(trajectories, block.split, c),
          seed: deriveSeed(sweepSeed, repeat, c),
          repeat,
          chunk: { index: c, of: block.split },
          run,
        });
    }
  }
  return out;
}

async function scenarioInputs(
  block: ScenarioBlock,
  index: number,
  scenario: { name: string; hash: string },
  sweepSeed: number,
  options: ExpandOptions,
): Promise<ScenarioJobInput[]> {
  if (block.split > block.samples)
    throw userError("Sweep.Spec.Invalid", `split ${block.split} is more than the ${block.samples} samples`, {
      position: options.at?.(["runs", index, "split"]),
      field: `runs[${index}].split`,
    });
  const run = await contentId({ scenario, ranges: block.ranges, samples: block.samples, sweepSeed });
  return Array.from({ length: block.split }, (_, c) => ({
    kind: "scenario" as const,
    scenario,
    ranges: block.ranges,
    samples: share(block.samples, block.split, c),
    seed: deriveSeed(sweepSeed, 0, c),
    chunk: { index: c, of: block.split },
    run,
  }));
}

function trainingInputs(block: TrainingBlock, sweepSeed: number): TrainingJobInput[] {
  const { kind: _k, repeats, ...axes } = block;
  const lists = Object.fromEntries(Object.entries(axes).map(([k, v]) => [k, values(v)])) as Record<
    string,
    unknown[]
  >;
  const out: TrainingJobInput[] = [];
  for (const point of product(lists)) {
    const p = { ...point } as Omit<TrainingJobInput, "kind" | "seed" | "repeat">;
    // Fields of the other model are dropped, so a grid over both models makes one classical run, not one per
    // qubit count (equal inputs, equal id: the duplicates fold in expandSweep).
    if (p.model === "classical") for (const k of QUANTUM_ONLY) delete p[k];
    else delete p.hidden;
    for (let repeat = 0; repeat < repeats; repeat++)
      out.push({
        ...p,
        kind: "training",
        seed: deriveSeed(sweepSeed, repeat, 0),
        repeat,
      });
  }
  return out;
}

const QUANTUM_ONLY = ["qubits", "layers", "ansatz", "shots", "device"] as const;
