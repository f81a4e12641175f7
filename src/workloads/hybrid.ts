// A hybrid GPU/CPU + QPU pipeline as a workload: an iterative loop of stages, each on a catalog device, with the
// link between the QPU and the classical side. The quantum side is the pipeline itself (estimate/hybrid.ts adds
// up the stages and the link); the classical side is the all-classical way of doing the same task: a preset's
// classical method for the whole task (Goemans–Williamson, DMRG, exact diagonalization, a classical layer) on the
// pipeline's strongest classical machine, or else the same pipeline with each QPU stage simulated exactly.
//
// The factors (one meaning each), with n iterations, C the classical stages' time, Q the QPU stages', L the link's
// per iteration and T_c the all-classical time:
//   T_hybrid / T_c = n(C + Q) / T_c  ×  (C + Q + L) / (C + Q)
//                    qpu-stage          link
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import {
  type CircuitShape,
  deviceTiming,
  repetitionDelay,
  shotCycleSeconds,
  successProbabilityLog10,
} from "../device/timing.js";
import { userError } from "../errors.js";
import { dmrgCost, dmrgData } from "../estimate/baselines/dmrg.js";
import { DEFAULT_GPU } from "../estimate/gpu.js";
import {
  estimateHybrid,
  HYBRID_SCHEDULES,
  type HybridResult,
  LINK_KINDS,
  linkClass,
} from "../estimate/hybrid.js";
import { citationIds, citations, findDevice, unverifiedNotes } from "../hardware/catalog.js";
import type { Gpu, Qpu } from "../hardware/schema.js";
import type { Range } from "../stats/distribution.js";
import { counted, formatDuration, formatNumber } from "../units/format.js";
import { SECONDS_PER_HOUR, yearsToSeconds } from "../units/quantity.js";
import { composeVerdict, constraint } from "../verdict/compose.js";
import type { BottleneckFactor, ClassicalSide, Strategy, VerdictV2 } from "../verdict/contract.js";
import hybridJson from "./data/hybrid.json" with { type: "json" };
import { horizonField } from "./fields.js";
import { qaoaMaxcutModel } from "./qaoa-maxcut.js";
import { factorRange, sampledOr } from "./ranges.js";
import { SKIPPED_CROSSOVER } from "./sweep.js";
import type { WorkloadDefinition } from "./workload.js";

const name = z.string().min(1).max(100);

/** One stage: classical (flops on GPUs or CPU nodes) or quantum (circuits × shots on a QPU). */
export const hybridStageSchema = z.strictObject({
  name,
  device: name.describe(
    "catalog device id (qfit devices), or a CPU node listed in workloads/data/hybrid.json",
  ),
  count: z.number().int().min(1).max(1e7).default(1),
  flops: z.number().min(0).max(1e30).optional().describe("classical work per iteration, FLOP"),
  precision: z.enum(["fp64", "bf16"]).default("fp64"),
  efficiency: z.number().gt(0).max(1).default(1).describe("fraction of peak the classical stage reaches"),
  qubits: z.number().int().min(1).max(1e6).optional(),
  depth: z.number().int().min(1).max(1e9).optional().describe("two-qubit gate layers"),
  durationNs: z
    .number()
    .positive()
    .max(1e15)
    .optional()
    .describe(
      "scheduled duration of the circuit's gates, ns, when a transpiler gave it (default: depth × t_2q)",
    ),
  circuits: z
    .number()
    .int()
    .min(0)
    .max(1e12)
    .default(1)
    .describe("circuits per iteration (0: a free QPU stage)"),
  shots: z.number().int().min(1).max(1e9).default(1000).describe("shots per circuit"),
  repetitionDelayUs: z
    .number()
    .min(0)
    .max(1e6)
    .optional()
    .describe("wait between shots, µs (default: the device's, device/data/execution.json)"),
  bytesIn: z.number().min(0).max(1e15).default(0).describe("bytes sent to the stage per iteration"),
  bytesOut: z.number().min(0).max(1e15).default(0).describe("bytes returned per iteration"),
  measuredSeconds: z
    .number()
    .min(0)
    .max(1e12)
    .optional()
    .describe("a published wall time of this stage per iteration, s: replaces the model's time"),
});

export type HybridStageSpec = z.output<typeof hybridStageSchema>;

const cpuSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  fp64Tflops: z.number().positive().nullable(),
  memoryGb: z.number().positive(),
  source: z.string(),
  asOf: z.string(),
  unverified: z.boolean(),
  note: z.string(),
});

/** A published run's measured wall-time split, which the preset's model is checked against (test/hybrid-published.test.ts). */
const publishedSchema = z.strictObject({
  source: z.string(),
  /** Where in the source the figures stand (table, section, form field). */
  section: z.string(),
  /** When the run was reported. */
  date: z.string(),
  qpuSeconds: z.number().positive(),
  classicalSeconds: z.number().positive(),
  /** The run's reported wall time (quantum and classical together). */
  wallSeconds: z.number().positive(),
  schedule: z.enum(HYBRID_SCHEDULES),
  note: z.string(),
  unverified: z.boolean(),
});

export type PublishedSplit = z.output<typeof publishedSchema>;

const presetSchema = z.strictObject({
  description: z.string(),
  iterations: z.number().int().positive(),
  schedule: z.enum(HYBRID_SCHEDULES).default("sequential"),
  link: z.enum(LINK_KINDS as [string, ...string[]]),
  roundTripsPerIteration: z.number().int().min(0),
  stages: z.array(hybridStageSchema.partial({ count: true }).loose()),
  /** The all-classical way of doing the whole task (all iterations), run on the pipeline's classical machine. */
  classicalAlternative: z
    .strictObject({
      method: z.string(),
      flops: z.number().positive().optional(),
      nodes: z.number().int().positive().optional(),
      orbitals: z.number().int().positive().optional(),
      /** A published wall time of the whole task on `device` × `count` (replaces a FLOP model). */
      seconds: z.number().positive().optional(),
      device: z.string().optional(),
      count: z.number().int().positive().optional(),
      basis: z.string(),
    })
    .optional(),
  published: publishedSchema.optional(),
  sources: z.array(z.string()),
  unverified: z.array(z.string()),
});

const data = z
  .strictObject({
    $comment: z.string(),
    cpus: z.array(cpuSchema),
    presets: z.record(z.string(), presetSchema),
  })
  .parse(hybridJson, PARSE_ONCE);

export const HYBRID_PRESETS = Object.keys(data.presets) as [string, ...string[]];

/** A preset's published wall-time split, if it reproduces one. */
export function publishedSplit(preset: string): PublishedSplit | null {
  return data.presets[preset]?.published ?? null;
}

export const hybridInput = z.strictObject({
  preset: z.enum(HYBRID_PRESETS).default("vqe-gpu").describe("a pipeline with sourced sizes"),
  stages: z
    .array(hybridStageSchema)
    .min(1)
    .max(16)
    .optional()
    .describe("replace the preset's stages (JSON file on the CLI)"),
  link: z
    .enum(LINK_KINDS as [string, ...string[]])
    .optional()
    .describe("link class between QPU and classical side"),
  schedule: z
    .enum(HYBRID_SCHEDULES)
    .optional()
    .describe(
      "sequential (each iteration waits for the QPU) or overlapped (QPU and classical stages pipelined)",
    ),
  iterations: z
    .number()
    .int()
    .min(1)
    .max(1e9)
    .optional()
    .describe("iterations of the loop (default: the preset's)"),
  roundTrips: z
    .number()
    .int()
    .min(0)
    .max(1e9)
    .optional()
    .describe("QPU ↔ classical round trips per iteration"),
  qpu: name.optional().describe("put every QPU stage on this quantum processor"),
  qubits: z.number().int().min(1).max(1000).optional().describe("qubits of every QPU stage's circuit"),
  shots: z.number().int().min(1).max(1e9).optional().describe("shots per circuit of every QPU stage"),
  ...horizonField,
});

export type HybridWorkloadInput = z.output<typeof hybridInput>;

/** Bytes per state-vector amplitude (complex128) and FLOP per amplitude of a two-qubit gate (4 complex MACs). */
const SV_BYTES_PER_AMPLITUDE = 16;
const SV_FLOP_PER_AMPLITUDE_2Q = 32;

type Placed =
  | { kind: "gpu"; device: Gpu }
  | { kind: "cpu"; device: z.output<typeof cpuSchema> }
  | { kind: "qpu"; device: Qpu };

function place(id: string, field: string): Placed {
  const cpu = data.cpus.find((c) => c.id === id);
  if (cpu) return { kind: "cpu", device: cpu };
  const d = findDevice(id);
  if (d?.kind === "gpu") return { kind: "gpu", device: d };
  if (d?.kind === "qpu") return { kind: "qpu", device: d };
  throw userErrorField(
    field,
    `unknown device "${id}" for a hybrid stage (a GPU or QPU id, or ${data.cpus.map((c) => c.id).join(", ")})`,
  );
}

function userErrorField(field: string, message: string): Error {
  return userError("Workload.InvalidInput", message, { field, hint: "see `qfit devices`" });
}

function gpuFlops(g: Gpu, precision: "fp64" | "bf16"): number {
  const t =
    precision === "bf16" ? g.peakBf16Tflops : (g.fp64TensorTflops ?? g.fp64VectorTflops ?? g.peakBf16Tflops);
  return t * 1e12;
}

export interface StageOut {
  name: string;
  device: string;
  count: number;
  quantum: boolean;
  secondsPerIteration: number;
  powerW: number | null;
  usdPerSecond: number | null;
  /** QPU stages: the circuit, and what simulating it exactly would take. */
  circuit: CircuitShape | null;
  simulationFlops: number;
  simulationBytes: number;
  espLog10: number | null;
  /** Classical stages: aggregate rate (FLOP/s at the stage's precision and efficiency), memory, name and source. */
  classicalRate: number;
  memoryBytes: number;
  deviceName: string;
  source: string;
  formula: string;
}

type Alternative = z.output<typeof presetSchema>["classicalAlternative"];

/** The whole task done classically (a preset's alternative), coupled to the qubits when the user changes them. */
function alternative(
  a: Alternative,
  qubits: number | undefined,
): {
  method: string;
  flops: number;
  memoryBytes: number;
  formula: string;
  basis: string;
  measured?: { seconds: number; gpu: Gpu; count: number };
} | null {
  if (a === undefined) return null;
  if (a.seconds !== undefined) {
    const gpu = findDevice(a.device ?? DEFAULT_GPU) as Gpu;
    const count = a.count ?? 1;
    return {
      method: a.method,
      flops: 0,
      memoryBytes: 0,
      formula: `published wall time ${a.seconds} s on ${count} × ${gpu.id}`,
      basis: a.basis,
      measured: { seconds: a.seconds, gpu, count },
    };
  }
  if (a.method === "dmrg") {
    const k = qubits === undefined ? (a.orbitals ?? 1) : Math.max(1, Math.round(qubits / 2));
    const d = dmrgCost(k, dmrgData.bondDimension.femocoPublished, dmrgData.costModel.sweepsDefault);
    return {
      method: `DMRG on ${k} orbitals`,
      flops: d.flops,
      memoryBytes: d.memoryBytes,
      formula: d.formula,
      basis: a.basis,
    };
  }
  if (a.method === "goemans-williamson") {
    const n = qubits ?? a.nodes ?? 4;
    const nodes = n % 2 === 0 ? n : n + 1;
    const c = qaoaMaxcutModel({ nodes }).classical(nodes);
    return {
      method: `Goemans–Williamson SDP on ${nodes} nodes`,
      flops: c.ops,
      memoryBytes: 0,
      formula: c.formula,
      basis: a.basis,
    };
  }
  const flops = a.flops ?? 0;
  return {
    method: a.method,
    flops,
    memoryBytes: 0,
    formula: `${flops.toExponential(2)} FLOP`,
    basis: a.basis,
  };
}

/** Sampled multipliers of a pipeline's uncertain numbers (issue 13 ranges), 1 for the point estimate. */
interface HybridScale {
  /** A modelled QPU stage's shot cycle: gates, readout and the wait between shots (qpuGateTimeFactor). */
  shotTime: number;
  /** Shots per circuit of a modelled QPU stage (shotsPerEstimateFactor). */
  shots: number;
  /** The QPU's price per second (quantumPriceFactor). */
  qpuPrice: number;
  /** The sustained rate of every FLOP-modelled classical stage and of the all-classical machine
   *  (classicalThroughputFactor). */
  classicalRate: number;
}

function hybridScale(sampled: Readonly<Record<string, number>> | undefined): HybridScale {
  return {
    shotTime: sampledOr(sampled, "qpuGateTimeFactor", 1),
    shots: sampledOr(sampled, "shotsPerEstimateFactor", 1),
    qpuPrice: sampledOr(sampled, "quantumPriceFactor", 1),
    classicalRate: sampledOr(sampled, "classicalThroughputFactor", 1),
  };
}

/** The link's round trip: the link class's own sourced range (hardware/data/links.json), sampled as one input. */
const LINK_ROUND_TRIP = "linkRoundTripSeconds";

/** The stages of an input, each placed and timed per iteration. */
export function hybridStages(
  input: HybridWorkloadInput,
  scale: HybridScale = hybridScale(undefined),
): {
  stages: StageOut[];
  unverified: string[];
  sources: string[];
} {
  const preset = data.presets[input.preset];
  const specs: HybridStageSpec[] = input.stages ?? preset.stages.map((s) => hybridStageSchema.parse(s));
  const unverified: string[] = [];
  const sources: string[] = [];
  const stages = specs.map((s, i) => {
    const field = input.stages ? `stages.${i}.device` : "preset";
    const p = place(s.device, field);
    if (p.kind === "qpu") {
      const q = input.qpu ? place(input.qpu, "qpu") : p;
      if (q.kind !== "qpu") throw userErrorField("qpu", `"${input.qpu}" is not a quantum processor`);
      const qpu = q.device;
      const qubits = input.qubits ?? s.qubits ?? 1;
      const depth = s.depth ?? 1;
      const shots = (input.shots ?? s.shots) * scale.shots;
      const timing = deviceTiming(qpu);
      // A layer of two-qubit gates pairs up the qubits: ⌊n/2⌋ gates per layer, one single-qubit layer between.
      const circuit: CircuitShape = {
        qubits,
        oneQubitGates: qubits * (depth + 1),
        twoQubitGates: Math.floor(qubits / 2) * depth,
        depth,
        ...(s.durationNs === undefined ? {} : { durationNs: s.durationNs }),
      };
      const rep = repetitionDelay(qpu.id);
      const delayUs = s.repetitionDelayUs ?? rep.us;
      const shot = shotCycleSeconds(circuit, timing, delayUs) * scale.shotTime;
      const seconds = s.measuredSeconds ?? s.circuits * shots * shot;
      unverified.push(...timing.filledFrom, ...unverifiedNotes(qpu, ["twoQubitGateNs", "readoutNs"]));
      if (s.repetitionDelayUs === undefined && rep.us === 0 && s.measuredSeconds === undefined)
        unverified.push(rep.note);
      sources.push(qpu.source);
      const amps = 2 ** qubits;
      return {
        name: s.name,
        device: qpu.id,
        count: 1,
        quantum: true,
        secondsPerIteration: seconds,
        powerW: null,
        usdPerSecond: qpu.priceUsdPerQpuSecond === null ? null : qpu.priceUsdPerQpuSecond * scale.qpuPrice,
        circuit,
        simulationFlops:
          s.circuits * amps * (SV_FLOP_PER_AMPLITUDE_2Q * circuit.twoQubitGates + 16 * circuit.oneQubitGates),
        simulationBytes: amps * SV_BYTES_PER_AMPLITUDE,
        espLog10: successProbabilityLog10(circuit, timing),
        classicalRate: 0,
        memoryBytes: 0,
        deviceName: qpu.name,
        source: qpu.source,
        formula:
          s.measuredSeconds !== undefined
            ? `published wall time ${s.measuredSeconds} s per iteration`
            : `${s.circuits} circuits × ${shots} shots × (${s.durationNs === undefined ? `${depth} layers × ${timing.twoQubitGateNs} ns` : `${s.durationNs} ns scheduled`} + ${timing.readoutNs} ns readout + ${delayUs} µs repetition delay${s.repetitionDelayUs === undefined ? "" : " (the run's own)"})`,
      } satisfies StageOut;
    }
    // A classical stage: a GPU (rate at the stage's precision, price and power from the catalog) or a CPU node.
    const flops = s.flops ?? 0;
    const m =
      p.kind === "gpu"
        ? {
            id: p.device.id,
            name: p.device.name,
            source: p.device.source,
            peak: gpuFlops(p.device, s.precision),
            peakLabel: `${s.precision} peak`,
            memoryGb: p.device.memoryGb,
            powerW: p.device.tdpW,
            usdPerHour: (p.device.priceUsdPerGpuHourLow + p.device.priceUsdPerGpuHourHigh) / 2,
            notes: unverifiedNotes(p.device, ["peakBf16Tflops", "fp64TensorTflops", "tdpW"]),
          }
        : {
            id: p.device.id,
            name: p.device.name,
            source: p.device.source,
            peak: p.device.fp64Tflops === null ? 0 : p.device.fp64Tflops * 1e12,
            peakLabel: "FP64 peak",
            memoryGb: p.device.memoryGb,
            powerW: null,
            usdPerHour: null,
            notes: p.device.unverified ? [`${p.device.id}: ${p.device.note}`] : [],
          };
    unverified.push(...m.notes);
    sources.push(m.source);
    const rate = m.peak * s.count * s.efficiency * scale.classicalRate;
    return {
      name: s.name,
      device: m.id,
      count: s.count,
      quantum: false,
      secondsPerIteration: s.measuredSeconds ?? (rate > 0 ? flops / rate : 0),
      classicalRate: rate,
      memoryBytes: m.memoryGb * 1e9 * s.count,
      deviceName: m.name,
      source: m.source,
      powerW: m.powerW === null ? null : m.powerW * s.count,
      usdPerSecond: m.usdPerHour === null ? null : (m.usdPerHour / SECONDS_PER_HOUR) * s.count,
      circuit: null,
      simulationFlops: 0,
      simulationBytes: 0,
      espLog10: null,
      formula:
        s.measuredSeconds !== undefined
          ? `published wall time ${s.measuredSeconds} s per iteration on ${s.count} × ${m.id}`
          : `${flops.toExponential(2)} FLOP / (${s.count} × ${m.id} ${m.peakLabel} × ${s.efficiency})`,
    } satisfies StageOut;
  });
  return { stages, unverified, sources };
}

export interface HybridVerdict extends VerdictV2 {
  stages: Array<{
    name: string;
    device: string;
    quantum: boolean;
    seconds: number;
    share: number;
    secondsPerIteration: number;
    costUsd: number | null;
    energyJ: number | null;
  }>;
  link: { kind: string; seconds: number; share: number; secondsPerIteration: number };
  amdahlBound: number;
  amdahlBoundWithLink: number;
  schedule: HybridResult["schedule"];
  perIteration: { seconds: number; costUsd: number | null; energyJ: number | null };
  /** The published run this preset reproduces, next to the model's split (null for other presets and custom stages). */
  published: (PublishedSplit & { modelQpuSeconds: number; modelClassicalSeconds: number }) | null;
}

const sumOrNull = (xs: Array<number | null>): number | null =>
  xs.some((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x as number), 0);

export function evaluateHybrid(
  input: HybridWorkloadInput,
  t0: number,
  sampled?: Readonly<Record<string, number>>,
): HybridVerdict {
  const preset = data.presets[input.preset];
  const scale = hybridScale(sampled);
  const { stages, unverified, sources } = hybridStages(input, scale);
  const iterations = input.iterations ?? preset.iterations;
  const lk = linkClass(input.link ?? preset.link);
  const bytes = (input.stages ?? preset.stages).reduce(
    (a, s) => a + ((s as HybridStageSpec).bytesIn ?? 0) + ((s as HybridStageSpec).bytesOut ?? 0),
    0,
  );
  const roundTrips = input.roundTrips ?? preset.roundTripsPerIteration;
  const h: HybridResult = estimateHybrid({
    stages: stages.map((s) => ({
      name: s.name,
      device: s.count > 1 ? `${s.count}× ${s.device}` : s.device,
      quantum: s.quantum,
      secondsPerIteration: s.secondsPerIteration,
      powerW: s.powerW,
      usdPerSecond: s.usdPerSecond,
    })),
    iterations,
    schedule: input.schedule ?? preset.schedule,
    link: {
      kind: lk.id,
      roundTripSeconds: sampledOr(sampled, LINK_ROUND_TRIP, lk.roundTripSeconds.central),
      bytesPerSecond: lk.bandwidthBytesPerSecond.central,
      roundTripsPerIteration: roundTrips,
      bytesPerIteration: bytes,
    },
  });

  // The all-classical way. With a preset's classical alternative: that method for the whole task on the pipeline's
  // strongest classical stage's machine, at that stage's rate. Otherwise: the same pipeline with each QPU stage simulated exactly.
  const classicalStages = stages.filter((s) => !s.quantum);
  const quantumStages = stages.filter((s) => s.quantum);
  const machine = classicalStages.reduce<StageOut | null>(
    (m, s) => (m === null || s.classicalRate > m.classicalRate ? s : m),
    null,
  );
  const alt = input.stages === undefined ? alternative(preset.classicalAlternative, input.qubits) : null;
  // A published all-classical run names its own machine; otherwise the pipeline's strongest classical stage's.
  const mg = alt?.measured;
  const fallback = mg?.gpu ?? (findDevice(DEFAULT_GPU) as Gpu);
  const own = mg ? null : machine;
  const gpuUsd =
    ((fallback.priceUsdPerGpuHourLow + fallback.priceUsdPerGpuHourHigh) / 2 / SECONDS_PER_HOUR) *
    (mg?.count ?? 1);
  const rate = own?.classicalRate || gpuFlops(fallback, "fp64") * scale.classicalRate;
  const machineMemory = own?.memoryBytes ?? fallback.memoryGb * 1e9 * (mg?.count ?? 1);
  const machineName = own ? own.deviceName : fallback.name;
  const machineCount = own?.count ?? mg?.count ?? 1;
  const machineUsd = own ? own.usdPerSecond : gpuUsd;
  const machinePower = own ? own.powerW : fallback.tdpW === null ? null : fallback.tdpW * (mg?.count ?? 1);
  const cPer = classicalStages.reduce((a, s) => a + s.secondsPerIteration, 0);
  const qPer = quantumStages.reduce((a, s) => a + s.secondsPerIteration, 0);
  const lPer = h.link.secondsPerIteration;
  // The stages' wall time per iteration without the link: C + Q sequentially, max(C, Q) overlapped.
  const wPer = h.stagesWallSecondsPerIteration;
  const combined =
    h.schedule === "overlapped"
      ? `max(classical stages ${formatDuration(cPer)}, QPU ${formatDuration(qPer)})`
      : `(classical stages ${formatDuration(cPer)} + QPU ${formatDuration(qPer)})`;
  const simFlops = quantumStages.reduce((a, s) => a + s.simulationFlops, 0);
  const sPer = simFlops / rate;
  const measured = alt?.measured;
  const classicalSeconds = measured ? measured.seconds : alt ? alt.flops / rate : (cPer + sPer) * iterations;
  const neededBytes = alt ? alt.memoryBytes : Math.max(0, ...quantumStages.map((s) => s.simulationBytes));
  const method = alt ? alt.method : "the same pipeline with each QPU stage simulated exactly (state vector)";
  const horizon = yearsToSeconds(input.horizonYears);
  const classicalConstraints = [
    constraint("classical-memory", neededBytes, machineMemory, "bytes", `${machineCount} × ${machineName}`),
    constraint(
      "horizon",
      classicalSeconds,
      horizon,
      "s",
      `a run longer than ${counted(String(input.horizonYears), "year", "years")} counts as infeasible`,
    ),
  ];
  // Cost and energy: the classical stages' own while they run, the machine's for the replacement work.
  const extraSeconds = alt ? classicalSeconds : sPer * iterations;
  const stagesUsd = alt ? 0 : sumOrNull(classicalStages.map((s) => s.usdPerSecond));
  const stagesPower = alt ? 0 : sumOrNull(classicalStages.map((s) => s.powerW));
  const classical: ClassicalSide = {
    method,
    device: machineName,
    count: machineCount,
    seconds: classicalSeconds,
    feasible: classicalConstraints.every((c) => c.satisfied),
    costUsd:
      stagesUsd === null || machineUsd === null
        ? null
        : stagesUsd * cPer * iterations + machineUsd * extraSeconds,
    energyJ:
      stagesPower === null || machinePower === null
        ? null
        : stagesPower * cPer * iterations + machinePower * extraSeconds,
    formula: alt
      ? `${alt.formula} / (${machineCount.toLocaleString("en-US")} × ${machineName} at the stage's rate)`
      : `${iterations} iterations × (classical stages ${formatDuration(cPer)} + state-vector simulation ${simFlops.toExponential(2)} FLOP / (${machineCount.toLocaleString("en-US")} × ${machineName} at the stage's rate) = ${formatDuration(sPer)})`,
    sources: citationIds(own?.source ?? fallback.source),
    constraints: classicalConstraints,
  };

  const factor = (n: string, value: number, formula: string, explanation: string): BottleneckFactor => ({
    name: n,
    factorLog10: Math.log10(value),
    formula,
    explanation,
    sources: [],
  });
  const bottlenecks: BottleneckFactor[] = [
    factor(
      "qpu-stage",
      (wPer * iterations) / classicalSeconds,
      `${iterations} × ${combined} / all-classical ${formatDuration(classicalSeconds)}`,
      alt
        ? `the pipeline's compute (QPU stage included) against ${alt.method}`
        : "the QPU stage against simulating it exactly, with the classical stages shared by both",
    ),
    factor(
      "link",
      (wPer + lPer) / wPer,
      `+ ${lk.id} link ${formatDuration(lPer)} per iteration (${counted(String(roundTrips), "round trip", "round trips")} × ${formatDuration(lk.roundTripSeconds.central)} + ${bytes.toExponential(2)} B ÷ ${lk.bandwidthBytesPerSecond.central.toExponential(2)} B/s)`,
      "the round trips and bytes between QPU and classical side, which the all-classical way does not pay",
    ),
  ];
  const constraints = [
    ...quantumStages.map((s) =>
      constraint(
        "qubits",
        s.circuit?.qubits ?? 0,
        (findDevice(s.device) as Qpu).qubits,
        "qubits",
        `${s.name} on ${s.device}`,
      ),
    ),
    constraint(
      "horizon",
      h.seconds,
      horizon,
      "s",
      `a run longer than ${counted(String(input.horizonYears), "year", "years")} counts as infeasible`,
    ),
  ];
  const stageCost = sumOrNull(h.stages.map((s) => s.costUsd));
  const strategy: Strategy = {
    name: "hybrid-pipeline",
    title: `hybrid pipeline (${stages.map((s) => s.name).join(" → ")})`,
    device: `${stages.map((s) => (s.count > 1 ? `${s.count}× ${s.device}` : s.device)).join(" + ")} over ${lk.id}`,
    seconds: h.seconds,
    feasible: constraints.every((c) => c.satisfied),
    physicalQubits: Math.max(0, ...quantumStages.map((s) => s.circuit?.qubits ?? 0)),
    costUsd: stageCost,
    bottlenecks,
    constraints,
    faultTolerance: null,
    settings: { link: lk.id, iterations, roundTripsPerIteration: roundTrips, schedule: h.schedule },
    assumptions: [
      `pipeline: ${h.formula}`,
      ...stages.map((s) => `${s.name} (${s.quantum ? "QPU" : "classical"}): ${s.formula}`),
      h.schedule === "overlapped"
        ? "QPU and classical stages overlap (pipelined: the QPU samples the next batch while the classical side processes the last); wall time per iteration = the longer side + link"
        : "stages run one after another each iteration (a variational loop waits for its measurements); no overlap",
    ],
    lowerBound: false,
  };
  const notes = [
    `Amdahl bound: a free QPU stage would make the pipeline at most ${fmtBound(h.amdahlBound)}× faster; a free QPU stage and link ${fmtBound(h.amdahlBoundWithLink)}×`,
    ...quantumStages
      .filter((s) => s.espLog10 !== null && s.espLog10 < -1)
      .map(
        (s) =>
          `${s.name}: estimated success probability of one shot 10^${(s.espLog10 as number).toFixed(1)} on ${s.device} — results need error mitigation or recovery (SQD's configuration recovery), not counted in time`,
      ),
  ];
  // An unused link (no round trips, no bytes) contributes nothing, so its unverified figures do not matter.
  const linkUsed = lPer > 0;
  if (lk.unverified && linkUsed)
    notes.push(`the ${lk.id} link's latency and bandwidth are flagged unverified (${lk.source})`);
  // A preset that reproduces a published run says how the model's split compares (only for the preset as published).
  const asPublished =
    input.stages === undefined &&
    input.qpu === undefined &&
    input.qubits === undefined &&
    input.shots === undefined &&
    input.iterations === undefined &&
    input.schedule === undefined;
  const pub =
    preset.published && asPublished
      ? { ...preset.published, modelQpuSeconds: qPer * iterations, modelClassicalSeconds: cPer * iterations }
      : null;
  if (pub)
    notes.push(
      `published run (${pub.source}, ${pub.section}, ${pub.date}): QPU ${formatDuration(pub.qpuSeconds)}, classical ${formatDuration(pub.classicalSeconds)}, wall ${formatDuration(pub.wallSeconds)} (${pub.schedule}); this model: QPU ${formatDuration(pub.modelQpuSeconds)}, classical ${formatDuration(pub.modelClassicalSeconds)}, wall ${formatDuration(h.seconds)}${pub.unverified ? " — the published figures are flagged unverified" : ""}`,
    );
  const verdict = composeVerdict({
    workload: {
      kind: "hybrid",
      id: `hybrid-${input.preset}`,
      name: `Hybrid pipeline: ${preset.description}`,
      input: input as unknown as Record<string, unknown>,
    },
    classical,
    strategies: [strategy],
    crossover: SKIPPED_CROSSOVER("qubits"),
    notes,
    assumptions: [
      `all-classical way: ${method}${alt ? ` (${alt.basis})` : ""}; state-vector cost ${SV_FLOP_PER_AMPLITUDE_2Q} FLOP per amplitude per two-qubit gate, ${SV_BYTES_PER_AMPLITUDE} B per amplitude`,
      `t0 = ${t0}`,
    ],
    unverified: [
      ...new Set([
        ...preset.unverified,
        ...unverified,
        ...(lk.unverified && linkUsed ? [`${lk.id} link: ${lk.basis}`] : []),
      ]),
    ],
    sources: citations(...preset.sources, ...sources, lk.source, own?.source ?? fallback.source),
  });
  return {
    ...verdict,
    stages: h.stages.map((s) => ({
      name: s.name,
      device: s.device,
      quantum: s.quantum,
      seconds: s.seconds,
      share: s.share,
      secondsPerIteration: s.secondsPerIteration,
      costUsd: s.costUsd,
      energyJ: s.energyJ,
    })),
    link: h.link,
    amdahlBound: h.amdahlBound,
    amdahlBoundWithLink: h.amdahlBoundWithLink,
    schedule: h.schedule,
    published: pub,
    perIteration: {
      seconds: h.secondsPerIteration,
      costUsd: stageCost === null ? null : stageCost / iterations,
      energyJ:
        sumOrNull(h.stages.map((s) => s.energyJ)) === null
          ? null
          : (sumOrNull(h.stages.map((s) => s.energyJ)) as number) / iterations,
    },
  };
}

/**
 * The ranged inputs of a pipeline, each only where it can move the verdict: a modelled QPU stage's shot time (and its
 * shots, unless they are a published run's own), the QPU's price where it has one, the classical throughput where
 * a classical time is a FLOP model, and the link's round trip (its sourced range) where the loop pays round trips.
 */
function hybridRanges(input: HybridWorkloadInput): Record<string, Range> {
  const preset = data.presets[input.preset];
  const specs: HybridStageSpec[] = input.stages ?? preset.stages.map((s) => hybridStageSchema.parse(s));
  const { stages } = hybridStages(input);
  const modelledQpu = stages.some((s, i) => s.quantum && specs[i].measuredSeconds === undefined);
  const asPublished =
    preset.published !== undefined && input.stages === undefined && input.shots === undefined;
  const alt = input.stages === undefined ? preset.classicalAlternative : undefined;
  const flopClassical =
    stages.some((s, i) => !s.quantum && specs[i].measuredSeconds === undefined && s.classicalRate > 0) ||
    alt === undefined ||
    alt.seconds === undefined;
  const out: Record<string, Range> = {};
  if (modelledQpu) out.qpuGateTimeFactor = factorRange("qpuGateTimeFactor");
  if (modelledQpu && !asPublished) out.shotsPerEstimateFactor = factorRange("shotsPerEstimateFactor");
  if (stages.some((s) => s.quantum && s.usdPerSecond !== null))
    out.quantumPriceFactor = factorRange("quantumPriceFactor");
  if (flopClassical) out.classicalThroughputFactor = factorRange("classicalThroughputFactor");
  const lk = linkClass(input.link ?? preset.link);
  if (
    (input.roundTrips ?? preset.roundTripsPerIteration) > 0 &&
    lk.roundTripSeconds.low < lk.roundTripSeconds.high
  )
    out[LINK_ROUND_TRIP] = { ...lk.roundTripSeconds, basis: `${lk.id} link: ${lk.basis}` };
  return out;
}

const fmtBound = (b: number): string => (Number.isFinite(b) ? formatNumber(b, 3) : "∞");

export const hybrid: WorkloadDefinition<typeof hybridInput> = {
  kind: "hybrid",
  title: "Hybrid QPU + GPU pipeline",
  description:
    "an iterative pipeline of stages on GPUs, CPU nodes and a QPU with the link between them, against the all-classical way",
  input: hybridInput,
  presets: Object.fromEntries(
    Object.entries(data.presets).map(([k, p]) => [
      k,
      { description: p.description, input: { preset: k }, sources: p.sources },
    ]),
  ),
  headline: { field: "qubits", label: "qubits", range: [4, 100], integer: true, log: false },
  sources: citationIds(...Object.values(data.presets).flatMap((p) => p.sources)),
  evaluate(input, context) {
    return evaluateHybrid(input, context.t0 ?? new Date().getUTCFullYear(), context.sampled);
  },
  ranges(input) {
    return hybridRanges(input);
  },
};
