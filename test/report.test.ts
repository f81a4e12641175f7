// `qfit report`, the main job: the default scenario set, the HTML file with its SVG plots, JSON and Markdown
// outputs, user scenario files (with file:line:col in errors), and `qfit estimate llm-training` bad input.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { buildReport } from "../src/report/build.js";
import { renderHtml } from "../src/report/html.js";
import { DEFAULT_SCENARIO, parseScenario } from "../src/report/scenario.js";
import { roundDeep } from "../src/units/quantity.js";

const BIN = fileURLToPath(new URL("../bin/qfit.js", import.meta.url));

async function run(args: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err, files: io.files };
}

describe("qfit report", () => {
  it("evaluates the built-in scenario: LLM training at three sizes, GPU wins each", async () => {
    const r = await run(["report"]);
    expect(r.code).toBe(0);
    for (const name of ["Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B", "RSA modulus", "FeMoco", "QUBO"])
      expect(r.out).toContain(name);
    // The verdict is against the quantum side's best strategy (FT arithmetic, ~10^15×), an order of magnitude.
    expect(r.out).toMatch(/classical \(GPU\); quantum side infeasible/);
    expect(r.out).toContain("wrote qfit-report.html");
    expect(r.out).toContain("Unverified values used");
  });

  it("writes one self-contained HTML file with the three plots as SVG", async () => {
    const r = await run(["report"]);
    const html = r.files["qfit-report.html"];
    expect(html).toMatch(/^<!doctype html>/);
    // No network: no external script, stylesheet, image or font.
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
    for (const id of ["gpu-scaling", "qubits", "waterfall-0", "waterfall-2"])
      expect(html).toContain(`id="${id}"`);
    // Time vs GPUs: one line per GPU type in the catalog, the popular claim's two points marked.
    const scaling = html.slice(html.indexOf('id="gpu-scaling"'));
    for (const gpu of ["a100", "h100", "h200", "b200", "gb200", "mi300x", "tpu-v5p"])
      expect(scaling).toContain(`data-name="${gpu}"`);
    expect(scaling).toContain("claimed: 1 GPU");
    expect(scaling).toContain("claimed: 16,000 GPUs");
    expect(html).toContain('download="gpu-scaling.svg"');
    expect(html).toContain("(binding)");
  });

  it("the popular claim's points sit where the published GPU-hours put them: 4,486 years and ≈102 days", () => {
    const report = buildReport(DEFAULT_SCENARIO);
    const plot = report.plots.find((p) => p.id === "gpu-scaling")!;
    const [one, many] = plot.markers;
    expect(one.x).toBe(1);
    expect(one.y / 365).toBeCloseTo(4486, -1);
    expect(many.x).toBe(16_000);
    expect(Math.abs(many.y / 102 - 1)).toBeLessThan(0.01);
    // Each GPU line never rises as GPUs are added.
    for (const s of plot.series) {
      for (let i = 1; i < s.points.length; i++)
        expect(s.points[i].y).toBeLessThanOrEqual(s.points[i - 1].y * (1 + 1e-12));
    }
  });

  it("--json matches the snapshot (numbers rounded to 4 significant digits; t0 pinned)", async () => {
    const r = await run(["report", "--json", "--t0", "2026"]);
    expect(r.code).toBe(0);
    expect(r.files["qfit-report.html"]).toBeUndefined();
    const j = JSON.parse(r.out);
    expect(j.t0).toBe(2026);
    const compact = roundDeep(
      {
        schemaVersion: j.schemaVersion,
        title: j.title,
        rows: j.rows,
        waterfalls: j.waterfalls,
        unverified: j.unverified,
      },
      4,
    );
    await expect(JSON.stringify(compact, null, 2)).toMatchFileSnapshot("./__snapshots__/report-default.json");
  });

  it("each waterfall steps through the best strategy's factors and ends at log10(quantum / classical)", () => {
    const report = buildReport({ ...DEFAULT_SCENARIO, t0: 2026, extrapolation: false });
    expect(report.schemaVersion).toBe(2);
    expect(report.waterfalls).toHaveLength(report.verdicts.length);
    report.waterfalls.forEach((w, i) => {
      const v = report.verdicts[i];
      expect(w.strategy).toBe(v.best);
      expect(w.steps[0].start).toBe(0);
      for (let k = 1; k < w.steps.length; k++) expect(w.steps[k].start).toBe(w.steps[k - 1].end);
      expect(Math.abs(w.totalLog10 - v.qpuOverGpuLog10)).toBeLessThan(0.01);
      expect(w.steps.filter((s) => s.largest)).toHaveLength(1);
    });
    const html = renderHtml(report);
    const svg = html.slice(html.indexOf('id="waterfall-3"'));
    expect(svg).toContain(">total<");
    expect(svg).toContain(">error-correction<");
  });

  it("states which scaling drives the training gap, from models trained here", () => {
    const report = buildReport({ ...DEFAULT_SCENARIO, t0: 2026 });
    expect(report.training?.drivingScaling).toMatch(/^Parameter shift's 2·P·S scaling drives the gap/);
    const plot = report.plots.find((p) => p.id === "training-extrapolation")!;
    const measured = plot.series.filter((s) => s.pointsOnly);
    expect(measured.map((s) => s.points.length)).toEqual([4, 4]);
    expect(report.training?.projections.map((p) => p.preset)).toEqual([
      "llama-3.1-8b",
      "llama-3.1-70b",
      "llama-3.1-405b",
    ]);
  });

  it("--markdown prints the table and each workload's bottlenecks and sources", async () => {
    const r = await run(["report", "--markdown"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# qfit report/);
    expect(r.out).toMatch(/679 modulus bits, projected 20\d\d \|/);
    expect(r.out).toContain("| workload | classical |");
    expect(r.out).toContain("**clock** (largest)");
    expect(r.out).toContain("[llama3-paper]");
  });

  it("runs a user's scenario file with per-workload overrides", async () => {
    const yaml = [
      "title: B200 vs Helios",
      "hardware:",
      "  gpu: b200",
      "  gpuCount: 4096",
      "  qpu: quantinuum-helios",
      "workloads:",
      "  - kind: llm-training",
      "    preset: gpt-3-175b",
      "  - kind: llm-training",
      "    label: a 100M model",
      "    params: 1.0e8",
      "    tokens: 2.0e9",
      "    gpuCount: 8",
      "",
    ].join("\n");
    const r = await run(["report", "s.yaml", "--json"], { "s.yaml": yaml });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.title).toBe("B200 vs Helios");
    expect(j.schemaVersion).toBe(2);
    expect(j.rows.map((x: { classical: string }) => x.classical)).toEqual([
      "4,096× NVIDIA B200 (HGX, 1,000 W)",
      "8× NVIDIA B200 (HGX, 1,000 W)",
    ]);
    expect(j.rows[1].workload).toBe("a 100M model");
    // The row names the best strategy's device (FT arithmetic on the favourable preset); Helios runs the NISQ one.
    expect(j.rows.every((x: { quantum: string }) => /qubit_gate_ns_e4/.test(x.quantum))).toBe(true);
  });

  const bad: Array<[string, string, RegExp]> = [
    ["a YAML syntax error", "workloads:\n  - kind: llm-training\n   preset: x: y\n", /^s\.yaml:3:\d+: YAML/],
    [
      "an unknown workload kind",
      "workloads:\n  - kind: teleportation\n",
      /^s\.yaml:2:11: workloads\[0\]\.kind/,
    ],
    [
      "a negative parameter count",
      "workloads:\n  - kind: llm-training\n    params: -5\n    tokens: 1e9\n",
      /^s\.yaml:3:13: workloads\[0\]\.params/,
    ],
    [
      "a misspelt field",
      "workloads:\n  - kind: llm-training\n    preset: llama-3.1-8b\n    gpuz: 8\n",
      /^s\.yaml:2:\d+: workloads\[0\]/,
    ],
    [
      "a wrong type in the hardware defaults",
      "hardware:\n  gpuCount: many\nworkloads:\n  - kind: llm-training\n",
      /^s\.yaml:\d+:\d+: workloads\[0\]\.gpuCount/,
    ],
    [
      "a hardware default no workload has",
      "hardware:\n  gpus: 8\nworkloads:\n  - kind: llm-training\n",
      /^s\.yaml:2:\d+: hardware\.gpus: no workload has this field/,
    ],
    ["no workloads", "title: empty\n", /^s\.yaml:1:1: workloads/],
  ];
  for (const [what, yaml, re] of bad) {
    it(`a scenario with ${what} → exit 2, file:line:col, nothing written`, async () => {
      const r = await run(["report", "s.yaml"], { "s.yaml": yaml });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.files["qfit-report.html"]).toBeUndefined();
    });
  }

  it("an unknown preset in a scenario names the field", async () => {
    const r = await run(["report", "s.yaml"], {
      "s.yaml": "workloads:\n  - kind: llm-training\n    preset: llama-9\n",
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/s\.yaml:3:13: workloads\[0\]\.preset: Invalid option: .*llama-3\.1-405b/);
  });

  it("the example scenario docs/report.md shows (examples/scenario.yaml) parses and runs", () => {
    const yaml = readFileSync(new URL("../examples/scenario.yaml", import.meta.url), "utf8");
    const report = buildReport(parseScenario(yaml, "examples/scenario.yaml"));
    expect(report.t0).toBe(2026);
    expect(report.rows.map((r) => r.workload)).toHaveLength(8);
    expect(report.rows[0].quantum).toMatch(/qubit_gate_ns_e4/);
    expect(report.training).toBeNull();
    // Every workload gets its crossover sweep, LLM training included.
    expect(report.plots.filter((p) => p.id.startsWith("crossover-"))).toHaveLength(8);
  });

  it("parseScenario fills defaults", () => {
    const s = parseScenario("workloads:\n  - kind: llm-training\n    preset: llama-3.1-8b\n");
    expect(s.title).toBe("qfit report");
    expect(s.hardware).toEqual({});
  });

  it("as a real process: writes qfit-report.html in the working directory and exits 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "qfit-report-"));
    const p = spawnSync(process.execPath, [BIN, "report"], { cwd: dir, encoding: "utf8" });
    expect(p.status).toBe(0);
    expect(readdirSync(dir)).toEqual(["qfit-report.html"]);
    expect(readFileSync(join(dir, "qfit-report.html"), "utf8")).toContain("<svg");
  });
});

describe("qfit estimate llm-training: bad input", () => {
  const cases: Array<[string[], RegExp]> = [
    [["--preset", "llama-9"], /--preset: Invalid option/],
    [["--params", "-5", "--tokens", "1e12"], /--params: expected a positive number/],
    [["--params", "NaN", "--tokens", "1e12"], /--params: expected a positive number/],
    [["--params", "1e9"], /tokens: give --preset, or both --params and --tokens/],
    [["--gpu-count", "0"], /--gpu-count: expected a positive whole number/],
    [["--mfu", "1.5"], /--mfu: Too big: expected number to be <=1/],
    [["--gpu", "h900"], /unknown gpu/i],
    [["--qpu", "ibm-eagle-9"], /unknown qpu/i],
  ];
  for (const [args, re] of cases) {
    it(`${args.join(" ")} → exit 2 naming the field`, async () => {
      const r = await run(["estimate", "llm-training", ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
    });
  }

  it("--json prints the verdict object (schemaVersion 2) with the documented fields", async () => {
    const r = await run(["estimate", "llm-training", "--preset", "llama-3.1-405b", "--json"]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v.schemaVersion).toBe(2);
    expect(v.winner).toBe("classical");
    for (const k of ["method", "device", "count", "seconds", "feasible", "costUsd", "energyJ", "constraints"])
      expect(v.classical).toHaveProperty(k);
    const best = v.strategies.find((s: { name: string }) => s.name === v.best);
    for (const k of ["name", "device", "feasible", "seconds", "physicalQubits", "bottlenecks", "constraints"])
      expect(best).toHaveProperty(k);
    expect(v.bestReason.length).toBeGreaterThan(10);
    expect(v.assumptions.length).toBeGreaterThan(3);
    expect(v.sources.length).toBeGreaterThan(3);
  });
});

describe("scenario ranges (issue 13)", () => {
  it("ranges: in a scenario reach every workload that has the input; a workload's own win; the basis is kept", () => {
    const s = parseScenario(
      [
        "t0: 2026",
        "samples: 300",
        "seed: 9",
        "ranges:",
        "  classicalThroughputFactor: { low: 0.9, central: 1, high: 1.1, distribution: uniform }",
        "workloads:",
        "  - kind: qaoa-maxcut",
        "  - kind: grover",
        "    ranges:",
        "      classicalThroughputFactor: { low: 1, central: 1, high: 1, distribution: fixed, basis: pinned }",
      ].join("\n"),
      "s.yaml",
    );
    const r = buildReport(s);
    const [qaoa, grover] = r.verdicts;
    expect(qaoa.uncertainty!.samples).toBe(300);
    expect(qaoa.uncertainty!.seed).toBe(9);
    expect(qaoa.uncertainty!.ranges.classicalThroughputFactor).toMatchObject({ low: 0.9, high: 1.1 });
    expect(qaoa.uncertainty!.ranges.classicalThroughputFactor.basis).toMatch(/scenario/);
    expect(grover.uncertainty!.ranges.classicalThroughputFactor).toMatchObject({
      low: 1,
      high: 1,
      basis: "pinned",
    });
    // A pinned input leaves the tornado.
    expect(grover.sensitivity!.map((b) => b.input)).not.toContain("classicalThroughputFactor");
    // uncertainty: false gives the point estimate, as --no-uncertainty does.
    const p = buildReport({ ...s, uncertainty: false });
    expect(p.verdicts[0].uncertainty!.method).toBe("point");
    expect(p.verdicts[0].uncertainty!.quantiles.speedupLog10.p05).toBe(p.verdicts[0].speedupLog10);
  });

  const bad: Array<[string, string, RegExp]> = [
    [
      "a range no workload has",
      "ranges:\n  warpFactor: { low: 1, central: 2, high: 3 }\nworkloads:\n  - kind: shor\n",
      /^s\.yaml:2:3: ranges\.warpFactor: no workload of this scenario has a ranged input "warpFactor"/,
    ],
    [
      "a workload range the workload cannot range",
      "workloads:\n  - kind: qaoa-maxcut\n  - kind: shor\n    ranges:\n      mfu: { low: 0.3, central: 0.4, high: 0.5 }\n",
      /^s\.yaml:5:7: workloads\[1\]\.ranges\.mfu: shor has no ranged input "mfu"/,
    ],
    [
      "low > central",
      "ranges:\n  errorFloor: { low: 1e-3, central: 1e-4, high: 1e-2 }\nworkloads:\n  - kind: shor\n",
      /^s\.yaml:2:\d+: ranges\.errorFloor: needs low ≤ central ≤ high/,
    ],
    [
      "an unknown distribution",
      "ranges:\n  errorFloor: { low: 1e-5, central: 1e-4, high: 1e-3, distribution: normal }\nworkloads:\n  - kind: shor\n",
      /^s\.yaml:2:\d+: ranges\.errorFloor\.distribution/,
    ],
    ["too many samples", "samples: 2000000\nworkloads:\n  - kind: shor\n", /^s\.yaml:1:10: samples/],
  ];
  for (const [what, yaml, re] of bad) {
    it(`a scenario with ${what} → exit 2, file:line:col`, async () => {
      const r = await run(["report", "s.yaml", "--no-html"], { "s.yaml": yaml });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
    });
  }

  it("qfit report takes --samples, --seed, --no-uncertainty and --range, and refuses a range no workload has", async () => {
    const yaml = "t0: 2026\nworkloads:\n  - kind: qaoa-maxcut\n";
    const r = await run(
      [
        "report",
        "s.yaml",
        "--json",
        "--samples",
        "250",
        "--seed",
        "4",
        "--range",
        "errorFloor=1e-5:1e-4:1e-4:log-uniform",
      ],
      { "s.yaml": yaml },
    );
    expect(r.code).toBe(0);
    const u = JSON.parse(r.out).verdicts[0].uncertainty;
    expect([u.samples, u.seed]).toEqual([250, 4]);
    expect(u.ranges.errorFloor.basis).toMatch(/--range/);
    const point = await run(["report", "s.yaml", "--json", "--no-uncertainty"], { "s.yaml": yaml });
    expect(JSON.parse(point.out).verdicts[0].uncertainty.method).toBe("point");
    const unknown = await run(["report", "s.yaml", "--json", "--range", "mfu=0.3:0.4:0.5"], {
      "s.yaml": yaml,
    });
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out).error).toMatchObject({
      code: "Uncertainty.UnknownInput",
      message: expect.stringMatching(/"mfu"/),
    });
  });
});
