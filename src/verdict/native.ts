// A quantum-native workload's verdict (schemaVersion 2): the classical side, the quantum strategy with its
// bottleneck factors and constraints, and, for a fault-tolerant strategy, the record that reproduces its estimate
// with `qfit estimate ft`.
//
// The factors, against one baseline, the classical time T_c = C / (k·r) (C operations, k devices at r op/s each):
//   fault-tolerant:  T_q = τ·D            (τ the logical cycle, D the logical depth in cycles)
//     = (τ/d · r) × k × d × (D / D_alg) × (D_alg / C) × T_c
//       clock         classical-parallelism   error-correction   T-state-supply   algorithm
//   directly timed:  T_q = t_step · S · Π o_i   (S algorithm steps, o_i overheads such as shots and noise)
//     = (t_step · r) × k × Π o_i × (S / C) × T_c
// Each factor has one meaning; capacities (qubits available, success probability, the horizon) are constraints.

import { coprocessingRecord } from "../estimate/ftqc/decoding.js";
import {
  type ClassicalSideNumbers,
  classicalSide,
  DEFAULT_BUDGET,
  DEFAULT_QEC,
  DEFAULT_QUBIT,
  type FtRun,
  type FtSettings,
  type NativeModel,
  type QuantumRun,
  quantumSide,
} from "../estimate/native.js";
import { type Growth, projectQubits, yearReaching } from "../estimate/qubit-trend.js";
import { citations } from "../hardware/catalog.js";
import { formatDuration, formatSci } from "../units/format.js";
import { SECONDS_PER_HOUR, yearsToSeconds } from "../units/quantity.js";
import { availableText, composeVerdict, constraint, formatAmount } from "./compose.js";
import type {
  BottleneckFactor,
  ClassicalSide,
  Constraint,
  CrossoverV2,
  FaultToleranceRecord,
  Strategy,
  VerdictV2,
} from "./contract.js";

export interface NativeContext {
  t0: number;
  horizonYears: number;
  growth: Growth;
}

const qubitsText = (q: number): string => (q < 1e5 ? Math.round(q).toLocaleString("en-US") : formatSci(q, 3));

const factor = (
  name: string,
  value: number,
  formula: string,
  explanation: string,
  sources: string[] = [],
): BottleneckFactor => ({ name, factorLog10: Math.log10(value), formula, explanation, sources });

function horizonConstraint(seconds: number, ctx: NativeContext): Constraint {
  return constraint(
    "horizon",
    seconds,
    yearsToSeconds(ctx.horizonYears),
    "s",
    `a run longer than ${ctx.horizonYears} year${ctx.horizonYears === 1 ? "" : "s"} counts as infeasible`,
  );
}

export function classicalV2(model: NativeModel, c: ClassicalSideNumbers, ctx: NativeContext): ClassicalSide {
  const m = c.machine;
  const constraints: Constraint[] = [];
  if (c.memoryBytes > 0)
    constraints.push(
      constraint(
        "classical-memory",
        c.memoryBytes,
        c.memoryCapacityBytes,
        "bytes",
        `${m.count.toLocaleString("en-US")} × ${m.name}`,
      ),
    );
  constraints.push(horizonConstraint(c.seconds, ctx));
  const deviceHours = (c.seconds * m.count) / SECONDS_PER_HOUR;
  return {
    method: model.method,
    device: m.name,
    count: m.count,
    seconds: c.seconds,
    feasible: constraints.every((x) => x.satisfied),
    costUsd: m.priceUsdPerDeviceHour === null ? null : m.priceUsdPerDeviceHour * deviceHours,
    energyJ: m.powerW === null ? null : m.powerW * m.count * c.seconds,
    formula: c.formula,
    sources: citations(m.rateSource).map((s) => s.id),
    constraints,
  };
}

/** Clock and classical parallelism: the two factors every strategy shares against the classical machine. */
function machineFactors(c: ClassicalSideNumbers, stepSeconds: number, stepLabel: string): BottleneckFactor[] {
  const m = c.machine;
  const opSeconds = 1 / m.opsPerSecondPerDevice;
  return [
    factor(
      "clock",
      stepSeconds / opSeconds,
      `${formatDuration(stepSeconds)} per ${stepLabel} / ${formatDuration(opSeconds)} per ${m.opsUnit} on one ${m.name}`,
      `one quantum ${stepLabel} takes ${formatSci(stepSeconds / opSeconds, 2)}× as long as one classical ${m.opsUnit} on one device`,
      citations(m.rateSource).map((s) => s.id),
    ),
    factor(
      "classical-parallelism",
      m.count,
      `${m.count.toLocaleString("en-US")} classical devices`,
      `the classical side splits the work over ${m.count.toLocaleString("en-US")} devices; the quantum side runs it on one machine`,
    ),
  ];
}

function ftRecord(q: FtRun, s: FtSettings): FaultToleranceRecord | null {
  const e = q.estimate;
  if (e === null) return null;
  return {
    counts: { ...q.counts } as Record<string, number>,
    qubit: (s.qubit ?? DEFAULT_QUBIT) as FaultToleranceRecord["qubit"],
    qec: (s.qec ?? DEFAULT_QEC) as FaultToleranceRecord["qec"],
    budget: s.budget ?? DEFAULT_BUDGET,
    physicalQubits: e.physicalCounts.physicalQubits,
    runtimeNs: e.physicalCounts.runtime,
    codeDistance: e.logicalQubit.codeDistance,
    tFactories: e.physicalCounts.breakdown.numTfactories,
  };
}

/**
 * The job floors, when they bind: a classical job that cannot finish faster than its launch (a factor below 1, in
 * the quantum side's favour) and a quantum run that cannot finish faster than one shot or logical cycle.
 */
function floorFactors(c: ClassicalSideNumbers, q: QuantumRun): BottleneckFactor[] {
  const out: BottleneckFactor[] = [];
  if (c.floor.atFloor)
    out.push(
      factor(
        "classical-job-floor",
        c.floor.workSeconds / c.floor.seconds,
        `${formatDuration(c.floor.workSeconds)} of work / ${formatDuration(c.floor.seconds)} ${c.floor.floor.label} floor`,
        `the classical work takes ${formatDuration(c.floor.workSeconds)}, but no job on a ${c.machine.kind.toUpperCase()} finishes faster than one ${c.floor.floor.label} (${formatDuration(c.floor.seconds)}${c.floor.floor.unverified ? ", an order of magnitude" : ""})`,
        citations(c.floor.floor.source).map((s) => s.id),
      ),
    );
  if (q.floor?.atFloor)
    out.push(
      factor(
        "quantum-job-floor",
        q.floor.seconds / q.floor.workSeconds,
        `${formatDuration(q.floor.seconds)} ${q.floor.floor.label} / ${formatDuration(q.floor.workSeconds)} of work`,
        `the quantum run cannot finish faster than ${q.floor.floor.label} (${formatDuration(q.floor.seconds)})`,
        citations(q.floor.floor.source).map((s) => s.id),
      ),
    );
  return out;
}

function ftFactors(c: ClassicalSideNumbers, q: FtRun): BottleneckFactor[] {
  const e = q.estimate;
  if (e === null) return [];
  const d = e.logicalQubit.codeDistance;
  const tauS = e.logicalQubit.logicalCycleTime * 1e-9;
  const b = e.physicalCounts.breakdown;
  return [
    ...machineFactors(c, tauS / d, "error-correction round"),
    factor(
      "error-correction",
      d,
      `code distance d = ${d} rounds per logical cycle (${formatDuration(tauS)})`,
      `each logical operation waits for ${d} rounds of syndrome extraction`,
    ),
    factor(
      "t-state-supply",
      b.logicalDepth / b.algorithmicLogicalDepth,
      `logical depth ${formatSci(b.logicalDepth, 3)} / algorithmic depth ${formatSci(b.algorithmicLogicalDepth, 3)} cycles (${b.numTfactories} T factories)`,
      b.logicalDepth > b.algorithmicLogicalDepth
        ? "the algorithm is stretched so that the T factories keep up"
        : "the T factories keep up with the algorithm: no stretch",
    ),
    factor(
      "algorithm",
      b.algorithmicLogicalDepth / c.ops,
      `${formatSci(b.algorithmicLogicalDepth, 3)} logical cycles / ${formatSci(c.ops, 3)} classical ${c.machine.opsUnit}`,
      "sequential logical steps the quantum algorithm needs per classical operation: below 1 is the algorithmic advantage",
    ),
    ...floorFactors(c, q),
  ];
}

function directFactors(c: ClassicalSideNumbers, q: Exclude<QuantumRun, FtRun>): BottleneckFactor[] {
  if (q.statedRatio) {
    // T_c is the quantum time-to-target × a stated ratio: the factors are that ratio's parts. A sampled device
    // timing moves T_q alone; what it moves is a factor of its own, so the factors still add up.
    const r = q.statedRatio;
    const parts = r.parts.map((p) => ({
      name: p.name,
      factorLog10: p.log10,
      formula: p.formula,
      explanation: p.explanation,
      sources: r.sources,
    }));
    const residual =
      Math.log10(q.floor.workSeconds / c.floor.workSeconds) - parts.reduce((x, p) => x + p.factorLog10, 0);
    if (Math.abs(residual) > 1e-9)
      parts.push({
        name: "device-timing",
        factorLog10: residual,
        formula: "sampled annealer timing / the timing the stated ratio was taken at",
        explanation: "the annealer's own timing differs from the catalog value the comparison was stated at",
        sources: [],
      });
    return [...parts, ...floorFactors(c, q)];
  }
  return [
    ...machineFactors(c, q.stepSeconds, q.stepLabel),
    ...q.overheads.map((o) => factor(o.name, o.factor, o.formula, o.explanation)),
    factor(
      "algorithm",
      q.algorithmSteps / c.ops,
      `${formatSci(q.algorithmSteps, 3)} ${q.algorithmLabel} / ${formatSci(c.ops, 3)} classical ${c.machine.opsUnit}`,
      "quantum steps the algorithm needs per classical operation",
    ),
    ...floorFactors(c, q),
  ];
}

export function nativeStrategy(
  model: NativeModel,
  c: ClassicalSideNumbers,
  q: QuantumRun,
  settings: FtSettings,
  ctx: NativeContext,
): Strategy {
  const constraints: Constraint[] = [];
  let bottlenecks: BottleneckFactor[];
  let faultTolerance: FaultToleranceRecord | null = null;
  let coprocessing: Strategy["classicalCoprocessing"] = null;
  if (q.kind === "fault-tolerant") {
    if (q.estimate === null) {
      constraints.push(constraint("fault-tolerant-layout", 1, 0, "layout", q.noLayoutReason ?? "no layout"));
      bottlenecks = [];
    } else {
      const available = projectQubits(ctx.growth, ctx.t0);
      const needed = q.physicalQubits;
      constraints.push(
        constraint(
          "physical-qubits",
          needed,
          available,
          "qubits",
          `${ctx.growth.label}, projected for ${ctx.t0}`,
          needed <= available ? ctx.t0 : yearReaching(ctx.growth, needed),
          true,
        ),
      );
      bottlenecks = ftFactors(c, q);
      faultTolerance = ftRecord(q, settings);
      coprocessing = coprocessingRecord(q.estimate);
    }
  } else {
    for (const l of q.limits) constraints.push(constraint(l.name, l.needed, l.available, l.unit, l.basis));
    bottlenecks = directFactors(c, q);
  }
  constraints.push(horizonConstraint(q.seconds, ctx));
  const settingsOut: Strategy["settings"] =
    q.kind === "fault-tolerant"
      ? {
          qubit: typeof settings.qubit === "object" ? "custom" : (settings.qubit ?? DEFAULT_QUBIT),
          qec: typeof settings.qec === "object" ? "custom" : (settings.qec ?? DEFAULT_QEC),
          budget: settings.budget ?? DEFAULT_BUDGET,
        }
      : {};
  return {
    name: model.strategy.name,
    title: model.strategy.title,
    device: q.device,
    seconds: q.seconds,
    feasible: constraints.every((x) => x.satisfied),
    physicalQubits: q.kind === "fault-tolerant" ? q.physicalQubits : q.qubits,
    costUsd: null,
    bottlenecks,
    constraints,
    faultTolerance,
    classicalCoprocessing: coprocessing,
    settings: settingsOut,
    assumptions: [`quantum: ${q.formula}`],
    lowerBound: false,
  };
}

/** The verdict at the model's own size, with a crossover the caller fills (workloads/sweep.ts). */
export function nativeVerdict(
  model: NativeModel,
  settings: FtSettings,
  ctx: NativeContext,
  input: Record<string, unknown>,
  crossover: CrossoverV2,
): VerdictV2 {
  const n = model.size;
  const cNum = classicalSide(model, n);
  const q = quantumSide(model, n, settings);
  const classical = classicalV2(model, cNum, ctx);
  const strategy = nativeStrategy(model, cNum, q, settings, ctx);
  const notes = [...model.notes];
  const unmet = (cs: Constraint[]) =>
    cs
      .filter((x) => !x.satisfied)
      .map(
        (x) =>
          `${x.name} (needs ${formatSci(x.needed, 3)} ${x.unit}, ${availableText(x, formatAmount(x.available, x.unit))})`,
      );
  if (!classical.feasible)
    notes.push(`classical side infeasible: ${unmet(classical.constraints).join("; ")}`);
  if (!strategy.feasible)
    notes.push(`quantum side infeasible in ${ctx.t0}: ${unmet(strategy.constraints).join("; ")}`);
  const qc = strategy.constraints.find((x) => x.name === "physical-qubits");
  if (qc && !qc.satisfied && qc.yearSatisfied !== null)
    notes.push(
      `${ctx.growth.label} is projected to reach ${qubitsText(qc.needed)} physical qubits in ${Math.round(qc.yearSatisfied)} (qubit count alone; the year of advantage is the crossover's)`,
    );
  const m = cNum.machine;
  if (m.priceUsdPerDeviceHour === null)
    notes.push("classical cost in USD not modelled (no sourced price for this machine): costUsd is null");
  const assumptions = [
    ...model.assumptions,
    `classical: ${cNum.formula}`,
    ...strategy.assumptions,
    `qubits available in year t: ${ctx.growth.label}; assumes those qubits reach the modelled error rate`,
    `t0 = ${ctx.t0}`,
  ];
  return composeVerdict({
    workload: { kind: model.kind, id: model.id, name: model.name, input },
    classical,
    strategies: [strategy],
    crossover,
    notes,
    assumptions,
    unverified: [
      ...model.unverified,
      ...m.unverified,
      ...[cNum.floor, q.floor]
        .filter((f) => f?.atFloor && f.floor.unverified)
        .map(
          (f) => `the ${f!.floor.label} floor (${formatDuration(f!.floor.seconds)}) is an order of magnitude`,
        ),
    ],
    sources: citations(...model.sources, m.rateSource, ctx.growth.source),
  });
}
