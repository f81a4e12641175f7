// A workload kind, defined once. Everything that names a workload derives from its definition: the CLI's
// `qfit estimate <kind>` options and help, the scenario-file schema, the API request schema, the dashboard's form
// and the crossover sweep. Adding a workload is one module in this folder and one line in ./registry.ts.
//
// Field names carry their unit (`params`, `tokens`, `modulusBits`, `gpuCount`, `epsilon`); each field of `input`
// has a `.describe()` text (shown as CLI help and dashboard label), a default, and `.min()/.max()` bounds, so that
// out-of-range input is refused with the field named, identically from every entry point.
import type { z } from "zod";
import type { QubitParamsInput } from "../estimate/ftqc/types.js";
import type { Range } from "../stats/distribution.js";
import type { VerdictV2 } from "../verdict/contract.js";
import type { PlotData } from "./plot-data.js";

/** Shared evaluation settings that are not part of a workload's own input (hardware choices, reference year). */
export interface EvaluationContext {
  /** Reference year for "available today" and crossover years (default: the current year). */
  t0?: number;
  /** Skip the crossover search (used inside sweeps, where it would recurse). */
  skipCrossover?: boolean;
  /** Sampled values of the ranged inputs (see `ranges`), by name; a name not given takes its central value, so an
   *  evaluation without `sampled` is the point estimate. */
  sampled?: Readonly<Record<string, number>>;
}

export interface WorkloadDefinition<S extends z.ZodObject = z.ZodObject> {
  /** Stable id used on the command line, in scenario files (`kind:`) and in the API. */
  kind: string;
  title: string;
  /** One sentence for help text and the dashboard. */
  description: string;
  /** The input schema: every field described, defaulted and bounded. */
  input: S;
  /**
   * Named presets: `preset: <name>` in a scenario file, `--preset <name>` on the CLI. A workload with presets has a
   * `preset` field in `input` and resolves it itself (a preset carries more than input values, e.g. published
   * logical counts or a model's shape); `input` here lists the values it implies, for help text and forms.
   */
  presets: Record<string, { description: string; input: Partial<z.input<S>>; sources: string[] }>;
  /** The problem-size axis the crossover searches: a numeric field of `input`. */
  headline: {
    field: string;
    label: string;
    range: [number, number];
    integer: boolean;
    log: boolean;
    /** Sizes must be multiples of this (e.g. 2: a 3-regular graph has an even number of nodes). */
    step?: number;
    /** Grid points of the sweep before bisection (default 16). */
    points?: number;
    /** Other fields that move with the size (e.g. tokens = 20·params, electrons at the same filling). */
    couple?: (size: number, input: z.output<S>) => Partial<z.output<S>>;
  };
  /** Citation ids used by this workload (all resolve in the one citation registry). */
  sources: string[];
  /** The verdict for a validated input. Pure: no I/O. */
  evaluate(input: z.output<S>, context: EvaluationContext): VerdictV2;
  /**
   * The uncertain inputs of this verdict, each a range about the value `evaluate` uses (central = today's value,
   * so the point estimate is unchanged). `evaluate` reads sampled values from `context.sampled`. The time trends
   * (qubit growth, error-rate improvement, classical price-performance) are added by the uncertainty layer.
   */
  ranges?(input: z.output<S>, context: EvaluationContext): Record<string, Range>;
  /** The fault-tolerant qubit model whose error rates qpuErrorRateFactor and qpuReadoutErrorFactor scale and the
   *  error-rate trend improves from (default: the Azure qubit model in the input's `qubit` field). For a workload
   *  whose fault-tolerant qubit is named otherwise. */
  faultTolerantQubit?(input: z.output<S>): string | QubitParamsInput | undefined;
  /** Extra report figures for this workload (beyond the crossover and the waterfall every workload gets). */
  plots?(input: z.output<S>, context: EvaluationContext): PlotData[];
  /** The report also trains small models here and projects their measured cost (qml/extrapolate.ts). */
  measuredTraining?: boolean;
}
