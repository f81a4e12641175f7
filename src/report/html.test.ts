// The HTML report's content: headline sentences that follow the verdict JSON, qfit's years beside the MIT
// framework's with a computed reason, charts whose series have distinct colours and whose waterfalls and tornados
// match the verdict, one unit per time axis, and captions without raw internals.
import { beforeAll, describe, expect, it } from "vitest";
import { qeaCrossover } from "../estimate/crossover.js";
import { formatNumber, formatQubits } from "../units/format.js";
import { bestStrategy } from "../verdict/compose.js";
import { buildReport, type Report } from "./build.js";
import { factorBand, headline } from "./headline.js";
import { plotSpec, renderHtml, tidyNumbers, timeUnit } from "./html.js";
import { DEFAULT_SCENARIO } from "./scenario.js";
import { linePlot, PALETTE, textWidth, tickNumber, waterfallPlot, wrap } from "./svg.js";

let report: Report;
let html: string;

beforeAll(() => {
  report = buildReport({ ...DEFAULT_SCENARIO, t0: 2026 });
  html = renderHtml(report);
}, 120_000);

/** The page's visible text: tags dropped, download links (data: URIs) and sources left out. */
const visibleText = (h: string) =>
  h
    .replace(/<a download[^>]*>[^<]*<\/a>/g, "")
    .replace(/<h4>Sources<\/h4><ul>.*?<\/ul>/gs, "")
    .replace(/<title[^>]*>.*?<\/title>/gs, "")
    .replace(/<style>.*?<\/style>/gs, "")
    .replace(/<[^>]+>/g, " ");

describe("headline", () => {
  it("opens the report: one sentence per workload, before the table", () => {
    expect(report.headlines).toHaveLength(report.verdicts.length);
    const answer = html.indexOf("<h2>The answer</h2>");
    expect(answer).toBeGreaterThan(0);
    expect(answer).toBeLessThan(html.indexOf("<table"));
  });

  it("states the winner and the p05–p95 band from the verdict's uncertainty", () => {
    report.verdicts.forEach((v, i) => {
      const h = report.headlines[i];
      expect(h.startsWith(`${report.rows[i].workload}: `)).toBe(true);
      const q = v.uncertainty!.quantiles.speedupLog10;
      if (v.winner === "classical" && Math.abs(v.speedupLog10) >= 3 && q.p05 !== null && q.p95 !== null) {
        expect(h).toContain("classical hardware");
        if (q.p05.toFixed(1) !== q.p95.toFixed(1)) {
          expect(h).toContain(`10^${q.p05.toFixed(1)}`);
          expect(h).toContain(`10^${q.p95.toFixed(1)}`);
        }
      }
    });
  });

  it("for RSA-2048 says no machine today, the qubits a quantum machine needs and the projected year", () => {
    const i = report.verdicts.findIndex((v) => v.workload.kind === "shor");
    const v = report.verdicts[i];
    const b = bestStrategy(v);
    const year = b.constraints.find((c) => c.name === "physical-qubits")!.yearSatisfied!;
    expect(v.winner).toBe("neither");
    expect(report.headlines[i]).toContain("no machine can do it today");
    expect(report.headlines[i]).toContain(formatQubits(b.physicalQubits));
    expect(report.headlines[i]).toContain(`around ${Math.round(year)}`);
  });

  it("follows the problem size: RSA-1024 reads differently from RSA-2048", () => {
    const at = (bits: number) =>
      buildReport({ title: "t", t0: 2026, hardware: {}, workloads: [{ kind: "shor", modulusBits: bits }] });
    const [a, b] = [at(1024), at(2048)];
    expect(a.headlines[0]).not.toBe(b.headlines[0]);
    const qa = bestStrategy(a.verdicts[0]).physicalQubits;
    expect(a.headlines[0]).toContain(formatQubits(qa));
  });

  it("factor bands: orders of magnitude for large gaps, plain factors for small ones", () => {
    expect(factorBand({ p05: 14.7, p50: 14.9, p95: 15.04, neverShare: 0 }, 14.9)).toBe(
      "about 10^14.7–10^15.0× (p05–p95)",
    );
    expect(factorBand({ p05: 0.01, p50: 0.1, p95: 0.41, neverShare: 0 }, 0)).toBe("about 1–2.6× (p05–p95)");
    expect(factorBand(undefined, 9.69)).toBe("about 10^9.7×");
  });

  it("is a plain function of the verdict", () => {
    expect(headline(report.verdicts[3], "X")).toBe(headline(report.verdicts[3], "X"));
  });
});

describe("qfit vs the MIT framework", () => {
  it("lists the framework's own years for each workload it covers, next to qfit's", () => {
    const kinds = report.mit.map(
      (m) => report.verdicts[report.rows.findIndex((r) => r.workload === m.workload)].workload.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(["shor", "grover", "chemistry"]));
    for (const m of report.mit) {
      for (const y of m.mit) {
        const r = qeaCrossover({ problem: m.problem, hardware: y.hardware, t0: 2026 });
        expect(y.year).toBe(r.year);
      }
    }
  });

  it("says why the years differ, from both models' numbers", () => {
    const shor = report.mit.find((m) => m.problem === "factoring")!;
    const v = report.verdicts.find((x) => x.workload.kind === "shor")!;
    const ibm = shor.mit.find((y) => y.hardware === "ibm")!;
    expect(Math.abs((ibm.year ?? 0) - (v.crossover.year ?? 0))).toBeGreaterThan(1);
    expect(shor.why).toMatch(/^Why the years differ: /);
    expect(shor.why).toContain(`n* ≈ ${formatNumber(ibm.nStar!, 2)}`);
    expect(shor.why).toContain(`${formatNumber(v.crossover.size!, 3)} modulus bits`);
    // Both lines sit in the page, next to the table of years.
    const at = html.indexOf(`<h3>${report.mit[0].workload}</h3>`);
    expect(at).toBeGreaterThan(0);
    expect(html.slice(at, at + 4000)).toContain('<p class="why">');
  });
});

describe("charts", () => {
  it("every line plot gives each series its own colour", () => {
    for (const p of report.plots) {
      const svg = linePlot(plotSpec(p));
      const colours = [...svg.matchAll(/<g class="series" data-name="[^"]*" data-color="([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(colours).toHaveLength(p.series.length);
      if (p.series.length <= PALETTE.length) expect(new Set(colours).size).toBe(colours.length);
    }
  });

  it("h100 and gb200 differ in colour on the GPU-scaling chart", () => {
    const p = report.plots.find((x) => x.id === "gpu-scaling")!;
    const svg = linePlot(plotSpec(p));
    const colour = (n: string) => svg.match(new RegExp(`data-name="${n}" data-color="([^"]+)"`))![1];
    expect(colour("h100")).not.toBe(colour("gb200"));
  });

  it("time axes carry one unit, chosen from the data", () => {
    for (const p of report.plots.filter((x) => x.yTime)) {
      const spec = plotSpec(p);
      expect(spec.yLabel).toMatch(/\((ns|µs|ms|seconds|minutes|hours|days|years)\)$/);
      const svg = linePlot(spec);
      const ticks = [...svg.matchAll(/text-anchor="end" fill="#333">([^<]+)</g)].map((m) => m[1]);
      for (const t of ticks) expect(t).not.toMatch(/[a-z]/i);
    }
    expect(timeUnit([86_400 * 10, 86_400 * 365 * 4486])[0]).toBe("years");
    expect(timeUnit([1e-3, 10])[0]).toBe("ms");
  });

  it("tick labels are numbers people read: no 3e12", () => {
    for (const v of [3e12, 1e-7, 0.0042, 12_000, 250, 1e5, -3e9]) expect(tickNumber(v)).not.toMatch(/e/);
    expect(tickNumber(1e6)).toBe("10⁶");
    expect(tickNumber(12_000)).toBe("12,000");
  });

  it("waterfalls end at the verdict and outline the factor the table names", () => {
    report.waterfalls.forEach((w, i) => {
      const sum = w.steps.reduce((s, x) => s + x.factorLog10, 0);
      expect(sum).toBeCloseTo(report.verdicts[i].qpuOverGpuLog10, 6);
      const binding = w.steps.filter((s) => s.largest);
      expect(binding.map((s) => s.name)).toEqual([report.rows[i].largestFactor]);
      const svg = waterfallPlot({
        id: w.id,
        title: w.title,
        xLabel: "x",
        total: w.totalLog10,
        steps: w.steps.map((s) => ({
          label: s.name,
          start: s.start,
          end: s.end,
          tooltip: "",
          highlight: s.largest,
        })),
      });
      expect(svg.match(/class="step binding"/g)).toHaveLength(1);
    });
  });

  it("each verdict whose inputs move it gets a tornado, largest swing first", () => {
    report.verdicts.forEach((v, i) => {
      // A bar moves when its swing (max − min of the signed quantum ÷ classical ratio) is not 0.
      const moving = (v.sensitivity ?? []).filter((b) => b.swingLog10 !== 0);
      expect(html.includes(`id="tornado-${i}"`)).toBe(moving.length > 0);
      if (moving.length > 0) expect(html).toContain("log10 of quantum time ÷ classical time");
    });
  });

  it("crossover plots shade the crossover size's p05–p95 where the verdict has one", () => {
    const i = report.verdicts.findIndex((v) => v.workload.kind === "shor");
    const plot = report.plots.find(
      (p) => p.title.startsWith(report.verdicts[i].workload.name) && p.id.startsWith("crossover"),
    )!;
    const q = report.verdicts[i].uncertainty!.quantiles.crossoverSize;
    expect(plot.xBands![0].from).toBe(q.p05);
    expect(plot.errorBars!.length).toBeGreaterThan(0);
  });

  it("wraps text to the width it has instead of cutting it", () => {
    const long = "parameter shift on ibm-heron-r2 (2·P + 1 executions × 1000 shots per token)";
    const lines = wrap(long, 150);
    expect(lines.join(" ").replace(/- /g, "-")).toBe(long);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(150);
    const svg = linePlot({
      id: "t",
      title: long,
      xLabel: "x",
      yLabel: "y",
      width: 360,
      series: [
        {
          name: long,
          points: [
            { x: 1, y: 1 },
            { x: 2, y: 3 },
          ],
        },
      ],
    });
    expect(svg).not.toContain("…");
  });
});

describe("captions and text", () => {
  it("no raw internals: no NaN, no 16-digit decimals, no e-notation, no 'X: X' repetition", () => {
    const text = visibleText(html);
    expect(text).not.toMatch(/\bNaN\b/);
    // A raw double prints 16 or 17 significant digits; people read 2 to 4.
    const long = [...text.matchAll(/(?<![:/\w.])\d+\.\d+\b/g)]
      .map((m) => m[0])
      .filter((n) => n.replace(".", "").replace(/^0+/, "").length > 6);
    expect(long).toEqual([]);
    const captions = [...html.matchAll(/<figcaption>(.*?) <a download/g)].map((m) => m[1]);
    expect(captions.length).toBeGreaterThan(10);
    for (const c of captions) {
      expect(c).not.toMatch(/(?<![\w.])\d(\.\d+)?e[+-]?\d/);
      expect(c).not.toMatch(/([\w,]{3,}(?: [\w,]+)*): \1\b/);
    }
  });

  it("tidyNumbers rounds and rewrites without touching citations", () => {
    expect(tidyNumbers("doubling every 0.9965653676303539 years")).toBe("doubling every 0.997 years");
    expect(tidyNumbers("FLOPs = 3.949e+25")).toBe("FLOPs = 3.95×10²⁵");
    expect(tidyNumbers("8.20e0·P FLOPs")).toBe("8.2·P FLOPs");
    expect(tidyNumbers("arXiv:2310.15505")).toBe("arXiv:2310.15505");
    expect(tidyNumbers("costUsd is NaN")).toBe("costUsd is not computed");
    expect(tidyNumbers("~10^83482710.4× slower")).toBe("~10^83,482,710× slower");
  });

  it("shaded rows are explained", () => {
    if (report.rows.some((r) => r.winner !== "classical")) {
      expect(html).toContain('class="not-classical"');
      expect(html).toContain("Shaded rows:");
    }
    expect(html).not.toMatch(/font-weight:\s*(600|bold)/);
  });
});
