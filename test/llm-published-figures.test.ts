// Issue 3's published figures, reproduced by the code (each within 1%), with where each comes from.
import { describe, expect, it } from "vitest";
import { estimateGpu, estimateGpuFromReportedHours } from "../src/estimate/gpu.js";
import { estimateLlmTrainingInput, llmTraining, publishedRuns } from "../src/estimate/llm-workload.js";
import { secondsToDays, secondsToYears } from "../src/units/quantity.js";

const within = (actual: number, expected: number, rel = 0.01) =>
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel);

describe("Llama 3.1 figures (Llama 3 paper §1/§3.2; Llama 3.1 model card; the motivating essay)", () => {
  it("6·N·D for 405B parameters and 15.6T tokens is about 3.79e25 FLOPs", () => {
    const w = llmTraining({ preset: "llama-3.1-405b" });
    within(w.flops, 6 * 405e9 * 15.6e12);
    within(w.flops, 3.79e25);
    // and the paper's own figure is 3.8e25 (Llama 3 paper §1): within 1% too.
    within(w.flops, w.publishedFlops!);
  });

  it("says that '10^25 FLOPs' understates the paper's 3.8e25", () => {
    const w = llmTraining({ preset: "llama-3.1-405b" });
    const note = w.notes.find((n) => n.includes("understates"));
    expect(note).toBeDefined();
    expect(note).toMatch(/3\.8×/);
  });

  it("39.3M H100-hours (all three Llama 3.1 models, model card) = 4,486 years on one GPU, ≈102 days on 16,000", () => {
    const family = publishedRuns.find((r) => r.id === "llama-3.1-family")!;
    expect(family.gpuHours).toBe(39.3e6);
    const one = estimateGpuFromReportedHours({ gpuHours: family.gpuHours }, { gpu: "h100", gpus: 1 });
    within(secondsToYears(one.seconds), 4486);
    const cluster = estimateGpuFromReportedHours(
      { gpuHours: family.gpuHours },
      { gpu: "h100", gpus: 16_000 },
    );
    within(secondsToDays(cluster.seconds), 102);
  });

  it("30.84M H100-hours for the 405B alone ≈ 3,520 years on one GPU (model card)", () => {
    const v = estimateLlmTrainingInput(
      { preset: "llama-3.1-405b" },
      { gpu: "h100", gpus: 16_000, skipCrossover: true },
    );
    expect(v.reported).not.toBeNull();
    within(v.reported!.gpuHours, 30.84e6);
    within(secondsToYears(v.reported!.singleGpuSeconds), 3520);
    // The implied MFU of the published run (3.8e25 FLOPs over 30.84M H100-hours at 989 TFLOP/s) sits just below
    // the 38–43% the paper measured in steady state, as it should with restarts and evaluation counted.
    expect(v.reported!.impliedMfu!).toBeGreaterThan(0.3);
    expect(v.reported!.impliedMfu!).toBeLessThan(0.43);
  });

  // Changed with issue 12: the FLOP model now counts the attention term (Kaplan Table 1) and the goodput the Llama 3
  // paper reports (§3.3.4: > 90% effective training time), so the 405B's GPU-hours are reproduced within 5% at
  // the defaults (MFU 0.40 of the datasheet's 989 TFLOP/s, goodput 0.90, 16,000 H100), not only within 40%.
  it("the FLOP model reproduces the 405B's 30.84M H100-hours (Llama 3.1 model card) within 5% at defaults", () => {
    const v = estimateLlmTrainingInput({ preset: "llama-3.1-405b" }, { skipCrossover: true });
    expect(v.gpu.device).toBe("h100");
    expect(v.gpu.goodput).toBe(0.9);
    within(v.gpu.gpuHours, 30.84e6, 0.05);
  });

  // Issue 12 §6: the 8B and 70B too. Sources: the Llama 3.1 model card (meta-llama/llama-models
  // models/llama3_1/MODEL_CARD.md: 8B 1.46M, 70B 7.0M, 405B 30.84M H100-hours). Only the 405B is reproduced from a
  // measured MFU (Llama 3 paper Table 4); no MFU is published for the 8B and 70B, so their MFU is calibrated from
  // these very hours (llm-presets.json gpuEfficiency, basis "calibrated") and the output must say so.
  it.each([
    ["llama-3.1-8b", 1.46e6],
    ["llama-3.1-70b", 7.0e6],
    ["llama-3.1-405b", 30.84e6],
  ])("%s: GPU-hours within 5%% of the model card's %d at default settings", (preset, hours) => {
    const v = estimateLlmTrainingInput({ preset }, { skipCrossover: true });
    within(v.gpu.gpuHours, hours, 0.05);
  });

  it("the 405B's MFU is measured; the 8B's and 70B's are calibrated, flagged in unverified and in the notes", () => {
    const big = estimateLlmTrainingInput({ preset: "llama-3.1-405b" }, { skipCrossover: true });
    expect(big.unverified.join(" ")).not.toMatch(/calibrated/);
    for (const preset of ["llama-3.1-8b", "llama-3.1-70b"]) {
      const v = estimateLlmTrainingInput({ preset }, { skipCrossover: true });
      expect(v.unverified.join(" ")).toMatch(/MFU 0\.\d+ is calibrated to this run's published GPU-hours/);
      expect(v.notes.join(" ")).toMatch(/calibrated, not measured/);
      expect(v.gpuDetail.assumptions.join(" ")).toMatch(/calibrated for this run/);
    }
    // A user's own MFU replaces the calibration, and nothing is flagged.
    const given = estimateLlmTrainingInput({ preset: "llama-3.1-8b" }, { skipCrossover: true, mfu: 0.4 });
    expect(given.gpu.mfu).toBe(0.4);
    expect(given.unverified.join(" ")).not.toMatch(/calibrated/);
  });

  it("the calibrated MFU is the implied MFU of the published hours (FLOPs / (hours × 3,600 × peak × goodput))", () => {
    for (const [preset, hours] of [
      ["llama-3.1-8b", 1.46e6],
      ["llama-3.1-70b", 7.0e6],
    ] as const) {
      const v = estimateLlmTrainingInput({ preset }, { skipCrossover: true });
      const implied = v.flops / (hours * 3600 * 989e12 * 0.9);
      within(v.gpu.mfu, implied, 0.01);
      // …and below the 405B's measured 38–43% band (Llama 3 Table 4): the published hours are not explained by
      // FLOPs at the big run's utilisation — at 40% the FLOP model gives far fewer hours than the card.
      expect(v.gpu.mfu).toBeLessThan(0.38);
      const atMeasured = estimateLlmTrainingInput({ preset }, { skipCrossover: true, mfu: 0.4 });
      expect(atMeasured.gpu.gpuHours).toBeLessThan(0.8 * hours);
    }
  });

  it("states the default MFU and its source band (Llama 3 paper Table 4: 38–43%)", () => {
    const g = estimateGpu({ flops: 1e24 });
    expect(g.mfu).toBe(0.4);
    expect(g.mfuLow).toBe(0.38);
    expect(g.mfuHigh).toBe(0.43);
    expect(g.assumptions.join(" ")).toMatch(/MFU 0\.4 \(default/);
  });
});

describe("quantum side of LLM training", () => {
  it("every factor has a formula, an explanation and sources; the binding one is the largest", () => {
    const v = estimateLlmTrainingInput({ preset: "llama-3.1-405b" }, { skipCrossover: true });
    for (const s of v.strategies)
      for (const b of s.bottlenecks) {
        expect(b.formula.length).toBeGreaterThan(3);
        expect(b.explanation.length).toBeGreaterThan(10);
        expect(Number.isFinite(b.factorLog10)).toBe(true);
      }
    const best = v.strategies.find((s) => s.name === v.best)!;
    const largest = best.bottlenecks.reduce((a, b) => (b.factorLog10 > a.factorLog10 ? b : a));
    expect(v.qpu.bindingBottleneck).toBe(largest.name);
    expect(v.winner).toBe("gpu");
  });

  it("parameter shift: 2 circuits per parameter per step, 1/ε² shots each (not d/ε² for a d-way readout)", () => {
    const v = estimateLlmTrainingInput({ preset: "llama-3.1-8b" }, { skipCrossover: true, epsilon: 1e-2 });
    const nisq = v.strategies.find((s) => s.name === "variational-nisq")!;
    within(nisq.detail.shots as number, 2 * v.work.params * 1e4 * v.work.steps, 1e-12);
    const shots = nisq.bottlenecks.find((b) => b.name === "shots-per-estimate")!;
    expect(shots.factorLog10).toBeCloseTo(4, 9);
  });
});
