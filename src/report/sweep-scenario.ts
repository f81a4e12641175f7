// Scenario jobs of a sweep: Monte Carlo samples of a `qfit report` scenario with some of its numeric fields drawn
// from ranges (stats/distribution.ts), each sample judged through the workload registry as `qfit report` judges
// it (without the crossover search). Lives in report/ because the scenario format does; the sweep's worker (cli/sweep-pool-worker.ts) passes
// it to sweep/execute.ts. Each sample draws one uniform per field in sorted-name order from the job's seed, so
// a run split into chunks merges to the same samples wherever the chunks ran.
import { isQfitError, userError } from "../errors.js";
import { createPrng } from "../sim/prng.js";
import { quantileOf, type Range } from "../stats/distribution.js";
import type { ScenarioJobInput, ScenarioJobOutput } from "../sweep/jobs.js";
import { bestStrategy } from "../verdict/compose.js";
import type { VerdictV2 } from "../verdict/contract.js";
import { parseWorkloadInput } from "../workloads/input.js";
import { getWorkload } from "../workloads/registry.js";
import { parseScenario, type Scenario, type WorkloadSpec, withHardware } from "./scenario.js";

const PATH = /^(hardware)\.([a-zA-Z]+)$|^workloads\[(\d+)\]\.([a-zA-Z]+)$/;

/** A workload's verdict as `qfit report` judges it, without the crossover search (not needed per sample). */
function verdictOf(spec: WorkloadSpec, hardware: Scenario["hardware"], t0: number): VerdictV2 {
  const def = getWorkload(spec.kind);
  const { kind: _k, label: _l, ...raw } = withHardware(spec, hardware);
  return def.evaluate(parseWorkloadInput(def, raw) as never, { t0, skipCrossover: true });
}

/** The scenario with `path` set to `value` (a copy). */
function withValue(s: Scenario, path: string, value: number): Scenario {
  const m = PATH.exec(path);
  if (!m) throw userError("Sweep.Scenario.BadPath", `'${path}' is not a scenario field`, { field: path });
  if (m[1]) return { ...s, hardware: { ...s.hardware, [m[2]]: value } };
  const i = Number(m[3]);
  if (i >= s.workloads.length)
    throw userError(
      "Sweep.Scenario.BadPath",
      `the scenario has ${s.workloads.length} workloads; '${path}' names #${i}`,
      {
        field: path,
      },
    );
  return { ...s, workloads: s.workloads.map((w, k) => (k === i ? { ...w, [m[4]]: value } : w)) };
}

/** Fields whose range has only integer ends take integer samples (bits, nodes, GPUs). */
function drawn(r: Range, u: number): number {
  const v = quantileOf(r, u);
  return Number.isInteger(r.low) && Number.isInteger(r.central) && Number.isInteger(r.high)
    ? Math.round(v)
    : v;
}

/**
 * A scenario with every range at its low, central and high value must still be valid (and evaluate): checked
 * before running, so a bad range stops the sweep before any job does.
 */
export function checkScenarioRanges(text: string, file: string, ranges: Record<string, Range>): void {
  const base = parseScenario(text, file);
  const t0 = base.t0 ?? new Date().getFullYear();
  for (const [path, r] of Object.entries(ranges))
    for (const v of [r.low, r.central, r.high]) {
      const s = withValue(base, path, v);
      try {
        for (const w of s.workloads) verdictOf(w, s.hardware, t0);
      } catch (e) {
        if (!isQfitError(e) || !e.userError) throw e;
        throw userError("Sweep.Scenario.BadRange", `${path} = ${v} is not a valid value: ${e.describe()}`, {
          field: path,
        });
      }
    }
}

export function runScenarioJob(input: ScenarioJobInput, text: string): ScenarioJobOutput {
  const base = parseScenario(text, input.scenario.name);
  const t0 = base.t0 ?? new Date().getFullYear();
  const names = Object.keys(input.ranges).sort();
  const rng = createPrng(input.seed);
  const workloads = base.workloads.map((w, i) => ({
    label: w.label ?? `${w.kind} #${i}`,
    qpuOverGpuLog10: [] as number[],
    gpuSeconds: [] as number[],
    qpuSeconds: [] as number[],
    qpuWins: 0,
  }));
  for (let s = 0; s < input.samples; s++) {
    let sc = base;
    for (const k of names) sc = withValue(sc, k, drawn(input.ranges[k], rng.nextDouble()));
    sc.workloads.forEach((w, i) => {
      const v = verdictOf(w, sc.hardware, t0);
      const out = workloads[i];
      // Signed, unlike the verdict's winner margin: positive = the classical side is faster.
      out.qpuOverGpuLog10.push(v.qpuOverGpuLog10);
      out.gpuSeconds.push(v.classical.seconds);
      out.qpuSeconds.push(bestStrategy(v).seconds);
      if (v.winner === "quantum") out.qpuWins++;
    });
  }
  return { kind: "scenario", workloads };
}
