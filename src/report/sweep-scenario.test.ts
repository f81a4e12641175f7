import { describe, expect, it } from "vitest";
import { isQfitError } from "../errors.js";
import type { ScenarioJobInput } from "../sweep/jobs.js";
import { mergeScenario } from "../sweep/merge.js";
import { checkScenarioRanges, runScenarioJob } from "./sweep-scenario.js";

const SCENARIO = `hardware: { gpu: h100, gpuCount: 16000, qpu: ibm-heron-r2 }
workloads:
  - kind: llm-training
    label: LLM
    preset: llama-3.1-8b
`;

const input = (samples: number, seed: number, index = 0, of = 1): ScenarioJobInput => ({
  kind: "scenario",
  scenario: { name: "s.yaml", hash: "h" },
  ranges: { "hardware.mfu": { low: 0.2, central: 0.4, high: 0.6, distribution: "uniform" } },
  samples,
  seed,
  chunk: { index, of },
  run: "r",
});

describe("scenario samples in a sweep", () => {
  it("draws each sample from the range: GPU time scales as 1/MFU between the ends", () => {
    const at = (mfu: number) =>
      runScenarioJob(
        {
          ...input(1, 1),
          ranges: { "hardware.mfu": { low: mfu, central: mfu, high: mfu, distribution: "fixed" } },
        },
        SCENARIO,
      ).workloads[0].gpuSeconds[0];
    const lo = at(0.6);
    const hi = at(0.2);
    expect(hi / lo).toBeCloseTo(3, 6);
    const out = runScenarioJob(input(50, 7), SCENARIO).workloads[0];
    expect(out.gpuSeconds).toHaveLength(50);
    for (const s of out.gpuSeconds) {
      expect(s).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
      expect(s).toBeLessThanOrEqual(hi * (1 + 1e-12));
    }
    // Seeded: the same job gives the same samples; another seed gives others.
    expect(runScenarioJob(input(50, 7), SCENARIO).workloads[0].gpuSeconds).toEqual(out.gpuSeconds);
    expect(runScenarioJob(input(50, 8), SCENARIO).workloads[0].gpuSeconds).not.toEqual(out.gpuSeconds);
  });

  it("merges chunks in chunk order into quantiles of all samples", () => {
    const a = { input: input(30, 1, 0, 2), output: runScenarioJob(input(30, 1, 0, 2), SCENARIO) };
    const b = { input: input(20, 2, 1, 2), output: runScenarioJob(input(20, 2, 1, 2), SCENARIO) };
    const [row] = mergeScenario([b, a]);
    expect(row.samples).toBe(50);
    expect(row.chunks).toBe(2);
    const all = [...a.output.workloads[0].gpuSeconds, ...b.output.workloads[0].gpuSeconds].sort(
      (x, y) => x - y,
    );
    expect(row.gpuSeconds.p05).toBeGreaterThanOrEqual(all[0]);
    expect(row.gpuSeconds.p95).toBeLessThanOrEqual(all[49]);
    expect(row.gpuSeconds.p05).toBeLessThan(row.gpuSeconds.p50);
    expect(row.qpuWinShare).toBe(0);
  });

  it("refuses a range whose ends make the scenario invalid, or a workload it does not have", () => {
    const message = (ranges: Parameters<typeof checkScenarioRanges>[2]) => {
      try {
        checkScenarioRanges(SCENARIO, "s.yaml", ranges);
      } catch (e) {
        if (isQfitError(e)) return e.message;
        throw e;
      }
      return "";
    };
    expect(
      message({ "hardware.mfu": { low: 0.5, central: 0.9, high: 1.5, distribution: "uniform" } }),
    ).toMatch(/hardware\.mfu = 1\.5 is not a valid value/);
    expect(
      message({ "workloads[3].params": { low: 1, central: 2, high: 3, distribution: "uniform" } }),
    ).toMatch(/the scenario has 1 workloads/);
  });
});
