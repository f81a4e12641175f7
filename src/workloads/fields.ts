// Input fields several workloads share, defined once so that their names, bounds and help read the same
// everywhere: the fault-tolerant machine (qubit model, QEC scheme, error budget), the feasibility horizon and the
// qubit-growth projection that decides the year.
import { z } from "zod";
import { DEFAULT_GPU_COUNT } from "../estimate/gpu.js";
import { defaultGrowth, type Growth } from "../estimate/qubit-trend.js";

/** A name or a full Azure-style object (the CLI reads the object from a JSON file). */
const presetOrObject = z.union([z.string().min(1).max(100), z.record(z.string(), z.unknown())]);

/** How many GPUs the classical side runs on: one bound for every workload (DEFAULT_GPU_COUNT = 16,000, the popular claim's cluster). */
export const gpuCountField = (what: string, fallback: number = DEFAULT_GPU_COUNT) =>
  z.number().int().min(1).max(1e8).default(fallback).describe(what);

export const horizonField = {
  horizonYears: z
    .number()
    .gt(0)
    .max(1e6)
    .default(1)
    .describe("a run longer than this many years is infeasible, on either side"),
};

export const growthFields = {
  startQubits: z
    .number()
    .min(1)
    .max(1e12)
    .optional()
    .describe("qubit growth: physical qubits available in startYear (default: the fitted history trend)"),
  startYear: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe("qubit growth: the year of startQubits (default: the fitted history trend)"),
  doublingYears: z
    .number()
    .gt(0)
    .max(100)
    .optional()
    .describe("qubit growth: years per doubling of the qubit count (default: the fitted history trend)"),
};

export const faultTolerantFields = {
  qubit: presetOrObject
    .default("qubit_gate_ns_e3")
    .describe("fault-tolerant qubit model: an Azure QRE preset name, or a qubitParams object (JSON file)"),
  qec: presetOrObject
    .default("surface_code")
    .describe("QEC scheme: surface_code, floquet_code, or a qecScheme object (JSON file)"),
  budget: z.number().gt(0).lt(1).default(1e-3).describe("total error budget of the fault-tolerant run"),
  ...horizonField,
  ...growthFields,
};

/** The qubit growth from the growth fields: the history trend, with any field the user gave replacing its part. */
export function growthFrom(i: { startQubits?: number; startYear?: number; doublingYears?: number }): Growth {
  const base = defaultGrowth();
  if (i.startQubits === undefined && i.startYear === undefined && i.doublingYears === undefined) return base;
  const g = {
    startQubits: i.startQubits ?? base.startQubits,
    startYear: i.startYear ?? base.startYear,
    doublingYears: i.doublingYears ?? base.doublingYears,
  };
  return {
    ...g,
    label: `${g.startQubits.toLocaleString("en-US")} qubits in ${g.startYear}, doubling every ${g.doublingYears} years (given)`,
    source: "",
  };
}
