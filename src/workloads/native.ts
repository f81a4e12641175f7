// A quantum-native workload definition from its model builder: the shared evaluate (verdict at the given size,
// crossover along the headline axis) so each workload module declares only its schema, presets, headline and
// model.
import type { z } from "zod";
import type { FtSettings, NativeModel } from "../estimate/native.js";
import { checkGrowth } from "../estimate/qubit-trend.js";
import { nativeVerdict } from "../verdict/native.js";
import { growthFrom } from "./fields.js";
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
      const i = input as Record<string, unknown> & {
        qubit?: FtSettings["qubit"];
        qec?: FtSettings["qec"];
        budget?: number;
        horizonYears?: number;
        startQubits?: number;
        startYear?: number;
        doublingYears?: number;
      };
      const t0 = context.t0 ?? new Date().getUTCFullYear();
      const crossover = context.skipCrossover
        ? SKIPPED_CROSSOVER(spec.headline.label)
        : crossoverSweep(def as unknown as WorkloadDefinition, i, { ...context, t0 }).crossover;
      return nativeVerdict(
        model(input),
        { qubit: i.qubit, qec: i.qec, budget: i.budget },
        { t0, horizonYears: i.horizonYears ?? 1, growth: checkGrowth(growthFrom(i)) },
        i,
        crossover,
      );
    },
  };
  return def;
}
