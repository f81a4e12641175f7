// The layer rules of `npm run lint` (.dependency-cruiser.cjs) catch what they are for: a deliberately added
// back-edge (a kernel importing the planner) and a cycle fail the check, and the same files without them pass.
// Run on a scratch copy of a few modules, so src/ itself is never touched.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEPCRUISE = join(ROOT, "node_modules", ".bin", "depcruise");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Lint a scratch src/ made of `files` (path → source) with the project's rules. */
function lint(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "qfit-layers-"));
  dirs.push(dir);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext" } }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const r = spawnSync(DEPCRUISE, ["src", "--config", CONFIG, "--output-type", "err"], {
    cwd: dir,
    encoding: "utf8",
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

const CLEAN = {
  "src/sim/kernels/kernel.ts": "export type Op = { qubit: number };\n",
  "src/sim/plan.ts":
    'import type { Op } from "./kernels/kernel.js";\nexport const plan = (o: Op) => o.qubit;\n',
  "src/run/run.ts": 'import { plan } from "../sim/plan.js";\nexport const run = () => plan({ qubit: 0 });\n',
};

describe("layer rules (dependency-cruiser, npm run lint)", () => {
  it("pass on modules whose imports point down", () => {
    const r = lint(CLEAN);
    expect(r.output).toContain("no dependency violations");
    expect(r.status).toBe(0);
  });

  it("fail on a deliberate back-edge: a kernel importing the planner", () => {
    const r = lint({
      ...CLEAN,
      "src/sim/kernels/kernel.ts":
        'import { plan } from "../plan.js";\nexport type Op = { qubit: number };\nexport const p = plan;\n',
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("kernels-below-sim");
    expect(r.output).toContain("no-circular");
  });

  it("fail on a lower layer importing orchestration (sim → run)", () => {
    const r = lint({
      ...CLEAN,
      "src/sim/plan.ts":
        'import type { Op } from "./kernels/kernel.js";\nimport { run } from "../run/run.js";\nexport const plan = (o: Op) => o.qubit + (run ? 0 : 1);\n',
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("sim-below-device");
  });

  it("fail on a device's noise types importing the simulator (device → sim), pass with channel math from circuit/", () => {
    const channels = "export type KrausChannel = { kraus: number[] };\n";
    const noiseModel = (from: string) =>
      `import type { KrausChannel } from "${from}";\nexport type GateNoise = { channel: KrausChannel };\n`;
    const bad = lint({
      ...CLEAN,
      "src/sim/channels.ts": channels,
      "src/device/noise-model.ts": noiseModel("../sim/channels.js"),
    });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain("device-not-sim");
    const good = lint({
      ...CLEAN,
      "src/circuit/channels.ts": channels,
      "src/device/noise-model.ts": noiseModel("../circuit/channels.js"),
    });
    expect(good.output).toContain("no dependency violations");
  });
});

describe("test code stays out of the package", () => {
  it("the build emits no test file and no test helper (src/**/*.test.ts, src/**/*testing.ts) into dist/", async () => {
    const { readdirSync } = await import("node:fs");
    const emitted = readdirSync(join(ROOT, "dist"), { recursive: true }).map(String);
    expect(emitted.length).toBeGreaterThan(0);
    expect(emitted.filter((f) => /(\.test|testing)\.(js|d\.ts)$/.test(f))).toEqual([]);
  });
});
