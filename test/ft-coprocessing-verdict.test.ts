// Classical co-processing in the verdicts: every fault-tolerant strategy carries the real-time decoder load, sized
// from the same estimate the strategy was costed with (Sparse Blossom, Higgott & Gidney, Quantum 2025: < 1 µs per
// round of a distance-17 patch on one CPU core).
import { describe, expect, it } from "vitest";
import { classicalCoprocessing, decoders } from "../src/estimate/ftqc/decoding.js";
import { estimateFaultTolerant } from "../src/estimate/ftqc/estimate.js";
import type { LogicalCounts } from "../src/estimate/ftqc/types.js";
import { parseWorkloadInput } from "../src/workloads/input.js";
import { getWorkload, workloads } from "../src/workloads/registry.js";

const blossom = decoders.find((d) => d.id === "sparse-blossom-cpu-core")!;
const verdict = (kind: string, raw: Record<string, unknown> = {}) => {
  const def = getWorkload(kind);
  return def.evaluate(parseWorkloadInput(def, raw), { t0: 2026, skipCrossover: true });
};

describe("classical co-processing in fault-tolerant verdicts", () => {
  it("Shor-2048's decoder device count follows from its distance and cycle time", () => {
    const v = verdict("shor", { modulusBits: 2048 });
    const s = v.strategies.find((x) => x.faultTolerance !== null)!;
    const f = s.faultTolerance!;
    const cc = s.classicalCoprocessing!;
    // Re-run the estimate the record says reproduces the strategy, and size the decoder by hand.
    const est = estimateFaultTolerant(f.counts as unknown as LogicalCounts, {
      qubitParams: f.qubit as string,
      qecScheme: f.qec as string,
      errorBudget: f.budget,
    });
    expect(est.logicalQubit.codeDistance).toBe(f.codeDistance);
    const d = f.codeDistance;
    const round = (est.logicalQubit.logicalCycleTime * 1e-9) / d;
    const patches = f.physicalQubits / est.logicalQubit.physicalQubits;
    expect(cc.devices).toBe(
      Math.ceil((patches * blossom.secondsPerRoundPerPatch.central * (d / 17) ** 2) / round - 1e-9),
    );
    expect(cc.syndromeBitsPerSecond).toBeCloseTo(f.physicalQubits / 2 / round, -3);
    expect(cc.powerW).toBeCloseTo(cc.devices * blossom.powerWPerDevice.central, 6);
    expect(cc.decoder.id).toBe(blossom.id);
  });

  it("every workload's fault-tolerant strategy has it (native and LLM, every preset); direct (NISQ) strategies do not", () => {
    const seen = new Set<string>();
    for (const w of workloads) {
      const presets = Object.keys(w.presets);
      for (const preset of presets.length > 0 ? presets : [undefined]) {
        const v = verdict(w.kind, preset === undefined ? {} : { preset });
        for (const s of v.strategies) {
          const where = `${w.kind}/${preset}/${s.name}`;
          if (s.faultTolerance !== null) {
            seen.add(`${w.kind}/${s.name}`);
            const cc = s.classicalCoprocessing!;
            expect(cc.devices, where).toBeGreaterThanOrEqual(1);
            expect(cc.count, where).toBe(cc.devices);
            expect(cc.syndromeBitsPerSecond, where).toBeGreaterThan(0);
            expect(cc.powerW, where).toBeCloseTo(cc.devices * blossom.powerWPerDevice.central, 6);
          } else expect(s.classicalCoprocessing ?? null, where).toBeNull();
        }
      }
    }
    // Both LLM fault-tolerant strategies and the native ones are covered.
    expect([...seen]).toEqual(
      expect.arrayContaining(["llm-training/variational-ft", "llm-training/ft-arithmetic"]),
    );
    expect([...seen].filter((k) => !k.startsWith("llm-training/")).length).toBeGreaterThan(3);
  });

  it("LLM strategies: decoders for every copy running at once, energy over every run", () => {
    const v = verdict("llm-training", { preset: "llama-3.1-8b" });
    for (const name of ["variational-ft", "ft-arithmetic"]) {
      const s = v.strategies.find((x) => x.name === name)!;
      const f = s.faultTolerance!;
      const parallel = Number(s.settings.ftParallel);
      const runs = Number(s.settings.ftRuns);
      expect(parallel, name).toBeGreaterThanOrEqual(1);
      // The record reproduces one program; size its decoders by hand and scale by the strategy's use of it.
      const est = estimateFaultTolerant(
        f.counts as unknown as LogicalCounts,
        {
          qubitParams: f.qubit as string | Record<string, unknown>,
          qecScheme: f.qec as string,
          errorBudget: f.budget,
        } as Parameters<typeof estimateFaultTolerant>[1],
      );
      const one = classicalCoprocessing(est);
      const cc = s.classicalCoprocessing!;
      const d = f.codeDistance;
      const round = (est.logicalQubit.logicalCycleTime * 1e-9) / d;
      const patches = (parallel * f.physicalQubits) / est.logicalQubit.physicalQubits;
      expect(cc.devices, name).toBe(
        Math.max(
          1,
          Math.ceil((patches * blossom.secondsPerRoundPerPatch.central * (d / 17) ** 2) / round - 1e-9),
        ),
      );
      expect(cc.devices, name).toBeGreaterThanOrEqual(one.devices);
      expect(cc.syndromeBitsPerSecond / one.syndromeBitsPerSecond, name).toBeCloseTo(parallel, 6);
      // Energy: the decoders' power over the whole run (runs × one program's runtime).
      expect(cc.energyJ / (cc.powerW * f.runtimeNs * 1e-9 * runs), name).toBeCloseTo(1, 9);
    }
  });
});
