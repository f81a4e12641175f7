// Classical co-processing in the verdicts: every fault-tolerant strategy carries the real-time decoder load, sized
// from the same estimate the strategy was costed with (Sparse Blossom, Higgott & Gidney, Quantum 2025: < 1 µs per
// round of a distance-17 patch on one CPU core).
import { describe, expect, it } from "vitest";
import { decoders } from "../src/estimate/ftqc/decoding.js";
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

  it("every native workload's fault-tolerant strategy has it; direct (NISQ) strategies do not", () => {
    let ft = 0;
    for (const w of workloads) {
      if (w.kind === "llm-training") continue; // its strategies are built by the LLM adapter (no FT record yet)
      const v = verdict(w.kind);
      for (const s of v.strategies) {
        if (s.faultTolerance !== null) {
          ft++;
          expect(s.classicalCoprocessing?.devices, `${w.kind}/${s.name}`).toBeGreaterThanOrEqual(1);
        } else expect(s.classicalCoprocessing ?? null).toBeNull();
      }
    }
    expect(ft).toBeGreaterThan(0);
  });
});
