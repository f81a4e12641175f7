// Scenario jobs of a sweep: Monte Carlo samples of a `qfit report` scenario with some of its numeric fields drawn
// from ranges (stats/distribution.ts), each sample judged as `qfit report` judges it (evaluateWorkload). Lives in
// report/ because the scenario format and its evaluation do; the sweep's worker (cli/sweep-pool-worker.ts) passes
// it to sweep/execute.ts. Each sample draws one uniform per field in sorted-name order from the job's seed, so
// a run split into chunks merges to the same samples wherever the chunks ran.
import { userError } from "../errors.js";
import { createPrng } from "../sim/prng.js";
import { quantileOf, type Range } from "../stats/distribution.js";
import type { ScenarioJobInput, ScenarioJobOutput } from "../sweep/jobs.js";
import { evaluateWorkload } from "./build.js";
import { parseScenario, type Scenario, scenarioSchema } from "./scenario.js";

const PATH = /^(hardware)\.([a-zA-Z]+)$|^workloads\[(\d+)\]\.([a-zA-Z]+)$/;

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
  const workloads = s.workloads.map((w, k) => (k === i ? { ...w, [m[4]]: value } : w));
  return { ...s, workloads: workloads as Scenario["workloads"] };
}

/** Fields whose range has only integer ends take integer samples (bits, nodes, GPUs). */
function drawn(r: Range, u: number): number {
  const v = quantileOf(r, u);
  return Number.isInteger(r.low) && Number.isInteger(r.central) && Number.isInteger(r.high)
    ? Math.round(v)
    : v;
}

/** A scenario with every range at its low, central and high value must still be valid: checked before running. */
export function checkScenarioRanges(text: string, file: string, ranges: Record<string, Range>): void {
  const base = parseScenario(text, file);
  for (const [path, r] of Object.entries(ranges))
    for (const v of [r.low, r.central, r.high]) {
      const s = withValue(base, path, v);
      const ok = scenarioSchema.safeParse(s);
      if (!ok.success)
        throw userError(
          "Sweep.Scenario.BadRange",
          `${path} = ${v} is not a valid value: ${ok.error.issues[0].message}`,
          {
            field: path,
          },
        );
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
      const v = evaluateWorkload(w, sc.hardware, t0);
      const out = workloads[i];
      // Signed, unlike the verdict's winner margin: positive = the GPU cluster is faster (+∞: QPU infeasible).
      out.qpuOverGpuLog10.push(Math.log10(v.qpu.seconds / v.gpu.seconds));
      out.gpuSeconds.push(v.gpu.seconds);
      out.qpuSeconds.push(v.qpu.seconds);
      if (v.winner === "qpu") out.qpuWins++;
    });
  }
  return { kind: "scenario", workloads };
}
