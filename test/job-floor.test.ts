// Job floors (issue 12 §7: "a GPU job never takes 688 ns"): every classical time and every quantum run time of a
// verdict goes through src/estimate/job-floor.ts; a binding floor is a bottleneck factor of its own, so the
// factors still add up. Floors: src/estimate/data/job-floors.json (GPU: CUDA Programming Guide §4.2 launch
// overhead; CPU: Li, Ding & Shen, ExpCS 2007 context-switch cost; QPU: one shot or one logical cycle).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import floors from "../src/estimate/data/job-floors.json" with { type: "json" };
import { estimateGpu, gpuLatencyFloorSeconds } from "../src/estimate/gpu.js";
import { applyJobFloor, classicalJobFloor, quantumJobFloor } from "../src/estimate/job-floor.js";
import { type DirectQuantumCost, directRun, quantumSide } from "../src/estimate/native.js";
import { grover, groverModel } from "../src/workloads/grover.js";
import { qaoaMaxcut } from "../src/workloads/qaoa-maxcut.js";
import type { WorkloadDefinition } from "../src/workloads/workload.js";

const verdict = (def: WorkloadDefinition, raw: Record<string, unknown>) =>
  def.evaluate(def.input.parse(raw), { skipCrossover: true });
const sum = (v: ReturnType<typeof verdict>) =>
  v.strategies.find((s) => s.name === v.best)!.bottlenecks.reduce((a, b) => a + b.factorLog10, 0);

describe("job floors", () => {
  it("the floors come from the data file, each with a source and flagged when an order of magnitude", () => {
    expect(classicalJobFloor("gpu").seconds).toBe(floors.gpu.seconds);
    expect(classicalJobFloor("cpu").seconds).toBe(floors.cpu.seconds);
    expect(gpuLatencyFloorSeconds()).toBe(floors.gpu.seconds);
    for (const f of [floors.gpu, floors.cpu]) {
      expect(f.source).toMatch(/\[[\w.-]+\]/);
      expect(f.unverified).toBe(true);
      expect(f.low).toBeLessThanOrEqual(f.seconds);
      expect(f.high).toBeGreaterThanOrEqual(f.seconds);
    }
  });

  it("max(floor, work): never below either, the work itself when it is longer (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1e12, noNaN: true }),
        fc.double({ min: 1e-9, max: 1, noNaN: true }),
        (work, floor) => {
          const f = applyJobFloor(work, quantumJobFloor(floor, "one shot"));
          expect(f.seconds).toBeGreaterThanOrEqual(work);
          expect(f.seconds).toBeGreaterThanOrEqual(floor);
          expect(f.atFloor).toBe(work < floor);
          if (work >= floor) expect(f.seconds).toBe(work);
        },
      ),
    );
    expect(applyJobFloor(Number.POSITIVE_INFINITY, classicalJobFloor("cpu")).seconds).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it("Grover at 40 bits: the brute force's 688 ns of GPU work reads as the 10 µs launch floor, said so", () => {
    const v = verdict(grover, { searchBits: 40 });
    expect(v.classical.seconds).toBe(floors.gpu.seconds);
    expect(v.classical.formula).toMatch(/max\(10 µs GPU kernel launch floor/);
    const f = v.strategies[0].bottlenecks.find((b) => b.name === "classical-job-floor")!;
    // 2^39 × 100 binary ops / (16,000 × 4.99e15 op/s) = 6.88e-7 s of work.
    expect(f.factorLog10).toBeCloseTo(Math.log10(6.88e-7 / 1e-5), 2);
    expect(v.unverified.join(" ")).toMatch(/GPU kernel launch floor \(10 µs\) is an order of magnitude/);
    expect(Math.abs(sum(v) - v.qpuOverGpuLog10)).toBeLessThan(0.01);
  });

  it("above the floor nothing changes: no floor factor, the time is the work", () => {
    const v = verdict(grover, { searchBits: 60 });
    expect(v.classical.seconds).toBeGreaterThan(floors.gpu.seconds);
    expect(v.strategies[0].bottlenecks.some((b) => b.name.endsWith("job-floor"))).toBe(false);
    expect(Math.abs(sum(v) - v.qpuOverGpuLog10)).toBeLessThan(0.01);
  });

  it("every size of every floored workload: the factors still add up to the gap", () => {
    for (const bits of [8, 16, 24, 32, 40, 48])
      for (const v of [verdict(grover, { searchBits: bits })]) {
        expect(v.classical.seconds).toBeGreaterThanOrEqual(floors.gpu.seconds);
        expect(Math.abs(sum(v) - v.qpuOverGpuLog10), `grover ${bits}`).toBeLessThan(0.01);
      }
    for (const nodes of [4, 10, 100]) {
      const v = verdict(qaoaMaxcut, { nodes });
      expect(v.classical.seconds).toBeGreaterThanOrEqual(floors.gpu.seconds);
      expect(Math.abs(sum(v) - v.qpuOverGpuLog10), `qaoa ${nodes}`).toBeLessThan(0.01);
    }
  });

  it("a fault-tolerant run never takes less than one logical cycle", () => {
    for (const bits of [4, 8, 20]) {
      const q = quantumSide(groverModel({ searchBits: bits }), bits);
      if (q.kind !== "fault-tolerant" || q.estimate === null) throw new Error("expected a layout");
      const cycle = q.estimate.logicalQubit.logicalCycleTime * 1e-9;
      expect(q.floor!.floor.seconds).toBe(cycle);
      expect(q.floor!.floor.label).toBe("one logical cycle");
      expect(q.seconds).toBeGreaterThanOrEqual(cycle);
    }
  });

  it("a directly timed run shorter than one shot is floored at the shot, with its own factor", () => {
    const q: DirectQuantumCost = {
      kind: "nisq",
      device: "test device",
      stepSeconds: 1e-7,
      stepLabel: "two-qubit gate layer",
      shotSeconds: 5e-6,
      algorithmSteps: 3,
      algorithmLabel: "layers",
      overheads: [],
      qubits: 2,
      limits: [],
      formula: "test",
    };
    const run = directRun(q);
    expect(run.seconds).toBe(5e-6);
    expect(run.floor.atFloor).toBe(true);
    expect(run.floor.workSeconds).toBeCloseTo(3e-7, 15);
    expect(directRun({ ...q, algorithmSteps: 1e3 }).seconds).toBeCloseTo(1e-4, 12);
  });

  it("the LLM's GPU model uses the same floor", () => {
    const g = estimateGpu({ flops: 1 }, { gpus: 1 });
    expect(g.seconds).toBe(floors.gpu.seconds);
    expect(g.atLatencyFloor).toBe(true);
  });
});
