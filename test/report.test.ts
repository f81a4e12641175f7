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
    // Issue 12: the verdict is against the quantum side's best strategy (FT arithmetic, ~10^15×), printed as an
    // order of magnitude.
    expect(r.out).toMatch(/GPU ~10\^1\d(\.\d)?×/);
    expect(r.out).toContain("wrote qfit-report.html");
    expect(r.out).toContain("Unverified values used");
  });

  it("writes one self-contained HTML file with the three plots as SVG", async () => {
    const r = await run(["report"]);
    const html = r.files["qfit-report.html"];
    expect(html).toMatch(/^<!doctype html>/);
    // No network: no external script, stylesheet, image or font.
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
    for (const id of ["gpu-scaling", "qubits", "bottlenecks-0", "bottlenecks-2"])
      expect(html).toContain(`id="${id}"`);
    // Time vs GPUs: one line per GPU type in the catalog, the essay's two points marked.
    const scaling = html.slice(html.indexOf('id="gpu-scaling"'));
    for (const gpu of ["a100", "h100", "h200", "b200", "gb200", "mi300x", "tpu-v5p"])
      expect(scaling).toContain(`data-name="${gpu}"`);
    expect(scaling).toContain("essay: 1 GPU");
    expect(scaling).toContain("essay: 16,000 GPUs");
    expect(html).toContain('download="gpu-scaling.svg"');
    expect(html).toContain("(binding)");
  });

  it("the essay's points sit where the published GPU-hours put them: 4,486 years and ≈102 days", () => {
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
      { title: j.title, rows: j.rows, bottleneckCharts: j.bottleneckCharts, unverified: j.unverified },
      4,
    );
    await expect(JSON.stringify(compact, null, 2)).toMatchFileSnapshot("./__snapshots__/report-default.json");
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
    expect(r.out).toContain("679 modulus bits in 20");
    expect(r.out).toContain("| workload | classical |");
    expect(r.out).toContain("**clock** (binding)");
    expect(r.out).toContain("[llama3-paper]");
  });

  it("runs a user's scenario file with per-workload overrides", async () => {
    const yaml = [
      "title: B200 vs Helios",
      "hardware:",
      "  gpu: b200",
      "  gpus: 4096",
      "  qpu: quantinuum-helios",
      "workloads:",
      "  - kind: llm-training",
      "    preset: gpt-3-175b",
      "  - kind: llm-training",
      "    label: a 100M model",
      "    params: 1.0e8",
      "    tokens: 2.0e9",
      "    gpus: 8",
      "",
    ].join("\n");
    const r = await run(["report", "s.yaml", "--json"], { "s.yaml": yaml });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.title).toBe("B200 vs Helios");
    expect(j.rows.map((x: { gpu: string }) => x.gpu)).toEqual(["4,096× b200", "8× b200"]);
    expect(j.rows[1].workload).toBe("a 100M model");
    // The row names the best quantum strategy's device (issue 12); Helios runs the NISQ strategy.
    expect(j.rows.every((x: { qpu: string }) => /\((ft-arithmetic|variational-\w+)\)$/.test(x.qpu))).toBe(
      true,
    );
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
      "a wrong type",
      "hardware:\n  gpus: many\nworkloads:\n  - kind: llm-training\n",
      /^s\.yaml:2:9: hardware\.gpus/,
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
    expect(r.err).toMatch(/preset: unknown preset "llama-9"/);
    expect(r.err).toMatch(/hint: known presets: .*llama-3\.1-405b/);
  });

  it("the README's example scenario parses and runs", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const report = buildReport(parseScenario(yaml!, "README.md"));
    expect(report.t0).toBe(2026);
    expect(report.rows.map((r) => r.workload)).toHaveLength(8);
    expect(report.rows[0].qpu).toMatch(/\(ft-arithmetic\)$/);
    expect(report.training).toBeNull();
    expect(report.plots.filter((p) => p.id.startsWith("crossover-"))).toHaveLength(6);
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
    [["--preset", "llama-9"], /preset: unknown preset "llama-9"/],
    [["--params", "-5", "--tokens", "1e12"], /params: expected a positive number/],
    [["--params", "NaN", "--tokens", "1e12"], /params: expected a positive number/],
    [["--params", "1e9"], /tokens: give --preset, or both --params and --tokens/],
    [["--gpus", "0"], /gpus: expected a positive whole number/],
    [["--mfu", "1.5"], /mfu: must be a fraction in \(0, 1\]/],
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

  it("--json prints the verdict object with the documented fields", async () => {
    const r = await run(["estimate", "llm-training", "--preset", "llama-3.1-405b", "--json"]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v.winner).toBe("gpu");
    for (const k of [
      "device",
      "count",
      "flops",
      "seconds",
      "singleGpuSeconds",
      "gpuHours",
      "energyJ",
      "costUsd",
    ])
      expect(v.gpu).toHaveProperty(k);
    for (const k of ["device", "feasible", "seconds", "qubits", "bindingBottleneck"])
      expect(v.qpu).toHaveProperty(k);
    // Issue 12: every quantum strategy with its factors; the bottlenecks are the best strategy's.
    expect(v.strategies.map((s: { name: string }) => s.name)).toContain(v.best);
    expect(typeof v.bestReason).toBe("string");
    expect(v.classical.seconds).toBe(v.gpu.seconds);
    expect(v.bottlenecks.length).toBe(
      v.strategies.find((s: { name: string }) => s.name === v.best).bottlenecks.length,
    );
    expect(v.assumptions.length).toBeGreaterThan(3);
    expect(v.sources.length).toBeGreaterThan(3);
  });
});
