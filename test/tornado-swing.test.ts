// The tornado's swing (issue 13 item 4): how far one input moves the verdict is max − min of the SIGNED
// log10(quantum seconds / classical seconds) over the input's low, central and high values, not the difference of
// the folded speedupLog10 at the two ends, which hides a verdict that changes sides inside the range.
import { describe, expect, it } from "vitest";
import { sensitivityLines } from "../src/report/bands.js";
import { tornadoPlot } from "../src/report/svg.js";
import { getWorkload } from "../src/workloads/registry.js";
import { verdictUncertainty } from "../src/workloads/uncertainty.js";

const T0 = 2026;

describe("tornado swing on the signed ratio", () => {
  it("an input that flips the verdict's sign swings by the full signed distance (direct recomputation)", () => {
    // Shor at its crossover size: the quantum and classical times are within a factor 2, so the classical side's
    // throughput (0.5–2×) moves the ratio from one side of 0 to the other.
    const def = getWorkload("shor");
    const at0 = def.evaluate(def.input.parse({}) as never, { t0: T0 });
    const n = at0.crossover.size;
    expect(n).not.toBeNull();
    const input = def.input.parse({ modulusBits: n }) as Record<string, unknown>;
    const verdict = def.evaluate(input as never, { t0: T0, skipCrossover: true });
    const { sensitivity } = verdictUncertainty(def, input, { t0: T0 }, verdict, {
      samples: 20,
      headlineOnly: true,
    });
    const ranges = def.ranges!(input as never, { t0: T0 });
    const central = Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, r.central]));
    const direct = (k: string, x: number) =>
      def.evaluate(input as never, { t0: T0, skipCrossover: true, sampled: { ...central, [k]: x } });
    const k = "classicalThroughputFactor";
    const r = ranges[k];
    const ys = [r.low, r.central, r.high].map((x) => direct(k, x).qpuOverGpuLog10);
    // The sign flips inside the range…
    expect(Math.min(...ys)).toBeLessThan(0);
    expect(Math.max(...ys)).toBeGreaterThan(0);
    const bar = sensitivity.find((b) => b.input === k)!;
    expect(bar.qpuOverGpuLog10AtLow).toBeCloseTo(ys[0], 12);
    expect(bar.qpuOverGpuLog10AtHigh).toBeCloseTo(ys[2], 12);
    expect(bar.swingLog10).toBeCloseTo(Math.max(...ys) - Math.min(...ys), 12);
    // …where the folded headline's ends differ by less: the old swing understated it.
    const folded = Math.abs(direct(k, r.high).speedupLog10 - direct(k, r.low).speedupLog10);
    expect(bar.swingLog10!).toBeGreaterThan(folded + 0.1);
    // Sorted by that swing, unbounded (null) first.
    const s = (b: (typeof sensitivity)[number]) => b.swingLog10 ?? Number.POSITIVE_INFINITY;
    for (let i = 1; i < sensitivity.length; i++)
      expect(s(sensitivity[i - 1])).toBeGreaterThanOrEqual(s(sensitivity[i]));
    // The terminal shows the signed ends and the swing.
    const text = sensitivityLines({ ...verdict, sensitivity }, 20).join("\n");
    expect(text).toContain(`${k}`);
    expect(text).toContain(`swing ${bar.swingLog10!.toFixed(2)}`);
    expect(text).toContain(ys[0].toFixed(2));
  });

  it("the report's tornado marks 0 with a dashed line where its bars cross it, and only there", () => {
    const plot = (atLow: number, atHigh: number) =>
      tornadoPlot({
        id: "t",
        title: "t",
        xLabel: "log10 of quantum time ÷ classical time",
        center: 0.2,
        lowLabel: "low",
        highLabel: "high",
        zeroLabel: "0: equal times",
        bars: [{ label: "x", atLow, atHigh, tooltip: "x" }],
      });
    expect(plot(-0.3, 0.5)).toContain('class="tornado-zero"');
    expect(plot(0.1, 0.5)).not.toContain('class="tornado-zero"');
  });
});
