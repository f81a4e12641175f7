// A quantum-native workload definition from its model builder: the shared evaluate (verdict at the given size,
// crossover along the headline axis) so each workload module declares only its schema, presets, headline and
// model.
import type { z } from "zod";
import { resolveQecScheme } from "../estimate/ftqc/qec.js";
import { resolveQubit } from "../estimate/ftqc/qubit.js";
import type { FtSettings, NativeModel, QuantumCost } from "../estimate/native.js";
import { checkGrowth } from "../estimate/qubit-trend.js";
import type { Range } from "../stats/distribution.js";
import { nativeVerdict } from "../verdict/native.js";
import { growthFrom } from "./fields.js";
import { factorRange, rangeAbout, sampledOr, scaledQubit } from "./ranges.js";
import { crossoverSweep, SKIPPED_CROSSOVER } from "./sweep.js";
import type { WorkloadDefinition } from "./workload.js";

type NativeSpec<S extends z.ZodObject> = Omit<WorkloadDefinition<S>, "evaluate"> & {
  model(input: z.output<S>): NativeModel;
};

export function defineNative<S extends z.ZodObject>(spec: NativeSpec<S>): WorkloadDefinition<S> {
  const { model, ...rest } = spec;
  const def: WorkloadDefinition<S> = {
    ...rest,
    evaluate(input, context) {
      const i = { ...(input as object) } as Record<string, unknown> & {
        qubit?: FtSettings["qubit"];
        qec?: FtSettings["qec"];
        budget?: number;
        horizonYears?: number;
        startQubits?: number;
        startYear?: number;
        doublingYears?: number;
      };
      const t0 = context.t0 ?? new Date().getUTCFullYear();
      const sampled = context.sampled;
      if (sampled && typeof i.budget === "number") i.budget = sampledOr(sampled, "budget", i.budget);
      const crossover = context.skipCrossover
        ? SKIPPED_CROSSOVER(spec.headline.label)
        : crossoverSweep(def as unknown as WorkloadDefinition, i, { ...context, t0 }).crossover;
      return nativeVerdict(
        sampled ? sampledModel(model(input), sampled) : model(input),
        {
          qubit: scaledQubit(
            i.qubit,
            sampledOr(sampled, "qpuGateTimeFactor", 1),
            sampledOr(sampled, "qpuErrorRateFactor", 1),
            sampledOr(sampled, "qpuReadoutErrorFactor", 1),
          ),
          qec: i.qec,
          budget: i.budget,
        },
        { t0, horizonYears: i.horizonYears ?? 1, growth: checkGrowth(growthFrom(i)) },
        i,
        crossover,
      );
    },
    ranges(input) {
      const i = input as Record<string, unknown>;
      const m = model(input);
      const ft = m.quantum(m.size).kind === "fault-tolerant";
      const out: Record<string, Range> = {
        classicalThroughputFactor: factorRange("classicalThroughputFactor"),
        classicalPriceFactor: factorRange("classicalPriceFactor"),
        qpuGateTimeFactor: factorRange("qpuGateTimeFactor"),
        algorithmConstantFactor: factorRange("algorithmConstantFactor"),
      };
      if (ft) {
        out.qpuErrorRateFactor = belowThreshold(i, "qpuErrorRateFactor");
        out.qpuReadoutErrorFactor = belowThreshold(i, "qpuReadoutErrorFactor");
      }
      if (ft && typeof i.budget === "number") out.budget = rangeAbout("budget", i.budget, 0, 0.5);
      // A qubit doubling time the user gave replaces the fitted trend's range in the year model (a given value, no
      // spread), as it replaces the trend in the qubits-available constraint.
      if (typeof i.doublingYears === "number") {
        const d = i.doublingYears;
        out.qubitDoublingYears = {
          low: d,
          central: d,
          high: d,
          distribution: "fixed",
          basis: "given (doublingYears)",
        };
      }
      return out;
    },
  };
  return def;
}

/** Of a fault-tolerant estimate's error-rate factors (gate, readout), the highest kept: 95% of the QEC threshold
 *  over the qubit's rate it scales (above the threshold error correction fails, and the estimator refuses the
 *  qubit). A qubit near the threshold (a vendor's device, `qfit crossover --hardware`) gets its range's top clipped
 *  there, and the range's basis says so. */
const THRESHOLD_MARGIN = 0.95;

function belowThreshold(
  i: Record<string, unknown>,
  name: "qpuErrorRateFactor" | "qpuReadoutErrorFactor",
): Range {
  let cap = Number.POSITIVE_INFINITY;
  try {
    const qubit = resolveQubit(i.qubit as FtSettings["qubit"]);
    const threshold = resolveQecScheme(i.qec as FtSettings["qec"], qubit).scheme.errorCorrectionThreshold;
    const rate = name === "qpuErrorRateFactor" ? qubit.cliffordErrorRate : qubit.readoutErrorRate;
    cap = (THRESHOLD_MARGIN * threshold) / rate;
  } catch {
    // A qubit or scheme the estimator refuses: listing the ranges (a scenario's `ranges:` names) must not fail on
    // it; evaluating the workload reports it, with its field.
  }
  const r = rangeAbout(name, 1, 0, cap);
  return r.high < factorRange(name).high
    ? {
        ...r,
        basis: `${r.basis}; top clipped to ${THRESHOLD_MARGIN} × the QEC threshold for this qubit`,
      }
    : r;
}

/**
 * The model with sampled factors applied: the classical machine's sustained rate and price, the quantum side's
 * algorithm constants (logical operation counts, or algorithm steps of a directly timed run) and a direct run's
 * step time (a fault-tolerant run's gate times go through its qubit model instead).
 */
function sampledModel(m: NativeModel, sampled: Readonly<Record<string, number>>): NativeModel {
  const rate = sampledOr(sampled, "classicalThroughputFactor", 1);
  const price = sampledOr(sampled, "classicalPriceFactor", 1);
  const algo = sampledOr(sampled, "algorithmConstantFactor", 1);
  const step = sampledOr(sampled, "qpuGateTimeFactor", 1);
  const machine = {
    ...m.machine,
    opsPerSecondPerDevice: m.machine.opsPerSecondPerDevice * rate,
    priceUsdPerDeviceHour:
      m.machine.priceUsdPerDeviceHour === null ? null : m.machine.priceUsdPerDeviceHour * price,
  };
  const quantum = (n: number): QuantumCost => {
    const q = m.quantum(n);
    if (q.kind !== "fault-tolerant")
      return { ...q, stepSeconds: q.stepSeconds * step, algorithmSteps: q.algorithmSteps * algo };
    if (algo === 1) return q;
    const c = { ...q.counts } as Record<string, number>;
    // Operation counts scale; the qubit count and the rotation depth (a structural property) do not.
    for (const k of ["tCount", "rotationCount", "cczCount", "ccixCount", "measurementCount"])
      if (typeof c[k] === "number") c[k] = Math.round(c[k] * algo);
    return { ...q, counts: c as unknown as typeof q.counts };
  };
  return { ...m, machine, quantum };
}
