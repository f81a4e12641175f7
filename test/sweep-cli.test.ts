// `qfit sweep` on the local pool, through the published entry point: results sorted by id and reproducible,
// Ctrl-C keeps what finished and --resume completes it to the same results as an uninterrupted run, split runs
// merge, and bad input is refused with file:line:col and exit 2 before anything is written.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hellingerFidelity } from "../src/run/on-device.js";

const BIN = new URL("../bin/qfit.js", import.meta.url).pathname;
const qfit = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 240_000 });

function lines(file: string) {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}
const withoutTiming = (rs: Array<Record<string, unknown>>) => rs.map(({ timing: _t, ...r }) => r);

const SPEC = `name: cli test
seed: 3
runs:
  - kind: circuit
    circuits:
      - benchmark: ghz
        qubits: [3, 5, 7]
      - glob: "*.qasm"
    devices: [ibm-heron-r2, google-willow]
    noise: [on, off]
    shots: 500
    trajectories: 300
    method: trajectories
    split: 3
  - kind: training
    model: [classical, quantum]
    qubits: 2
    layers: 1
    epochs: 2
    trainSize: 40
    repeats: 2
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "qfit-sweep-cli-"));
  writeFileSync(join(dir, "sweep.yaml"), SPEC);
  for (const f of ["bell.qasm", "ghz5.qasm"])
    writeFileSync(join(dir, f), readFileSync(new URL(`../examples/${f}`, import.meta.url), "utf8"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("qfit sweep (local pool)", () => {
  it("writes one record per job, sorted by id, the same in two runs apart from timing", () => {
    const a = qfit(["sweep", "sweep.yaml", "--out", "a.jsonl", "--workers", "2", "--json"], dir);
    expect(a.status, a.stderr).toBe(0);
    const b = qfit(["sweep", "sweep.yaml", "--out", "b.jsonl", "--workers", "1"], dir);
    expect(b.status, b.stderr).toBe(0);
    const ra = lines(join(dir, "a.jsonl"));
    // 5 circuits × 2 devices × noise on/off × 3 chunks + 1 classical + 2 quantum repeats... (classical also 2).
    expect(ra).toHaveLength(5 * 2 * 2 * 3 + 2 + 2);
    const ids = ra.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
    expect(withoutTiming(lines(join(dir, "b.jsonl")))).toEqual(withoutTiming(ra));
    for (const r of ra) expect(r.qfitVersion).toBe("0.1.0");

    // The summary merges the three chunks of each run: shots add up, counts add up.
    const summary = JSON.parse(a.stdout);
    expect(summary.circuits).toHaveLength(5 * 2 * 2);
    for (const row of summary.circuits) {
      expect(row.chunks).toBe(3);
      expect(row.shots).toBe(500);
      expect(row.trajectories).toBe(300);
      expect(Object.values(row.counts as Record<string, number>).reduce((s, c) => s + c, 0)).toBe(500);
    }
    // Merged fidelity is the Hellinger fidelity of the trajectory-weighted mean distribution.
    const run = summary.circuits.find(
      (r: { circuit: string; noise: boolean }) => r.circuit === "ghz-5" && r.noise,
    );
    const chunks = ra.filter((r) => r.input.run === run.run);
    expect(chunks).toHaveLength(3);
    const mean: Record<string, number> = {};
    for (const c of chunks)
      for (const [k, p] of Object.entries(c.output.probabilities as Record<string, number>))
        mean[k] = (mean[k] ?? 0) + (p * c.input.trajectories) / 300;
    expect(run.hellingerFidelity).toBeCloseTo(
      hellingerFidelity(chunks[0].output.idealProbabilities, mean),
      12,
    );
    // Chunks ran with different derived seeds, so their counts differ.
    expect(new Set(chunks.map((c) => c.input.seed)).size).toBe(3);
    expect(summary.training).toHaveLength(4);
    const html = readFileSync(join(dir, "a.html"), "utf8");
    expect(html).toContain('id="sweep-esp-vs-fidelity"');
    expect(html).toContain('id="sweep-success-vs-depth"');
    expect(html).toContain('id="sweep-training"');
  }, 300_000);

  it("Ctrl-C keeps what finished; --resume runs only the rest and ends with the uninterrupted results", async () => {
    const p = spawn(
      process.execPath,
      [BIN, "sweep", "sweep.yaml", "--out", "c.jsonl", "--workers", "1", "--checkpoint", "200"],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let err = "";
    p.stderr.on("data", (d) => {
      err += d;
    });
    // Interrupt once the first checkpoint has saved a finished job (the machine's load sets when that is).
    const file = join(dir, "c.jsonl");
    await new Promise<void>((resolve) => {
      const check = () =>
        existsSync(file) && readFileSync(file, "utf8").length > 0 ? resolve() : setTimeout(check, 50);
      check();
    });
    p.kill("SIGINT");
    const code = await new Promise((r) => p.once("exit", (c) => r(c)));
    expect(code, err).toBe(130);
    const m = /interrupted: (\d+) of (\d+) jobs done/.exec(err);
    expect(m, err).not.toBeNull();
    const partial = lines(join(dir, "c.jsonl"));
    expect(partial.length).toBe(Number(m?.[1]));
    expect(partial.length).toBeLessThan(Number(m?.[2]));

    const r = qfit(["sweep", "sweep.yaml", "--out", "c.jsonl", "--workers", "2", "--resume"], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`(${partial.length} already done)`);
    const full = lines(join(dir, "c.jsonl"));
    const reference = lines(join(dir, "a.jsonl"));
    expect(withoutTiming(full)).toEqual(withoutTiming(reference));
    // The records that finished before Ctrl-C were kept, not rerun (their timing is unchanged).
    for (const old of partial) expect(full.find((x) => x.id === old.id)?.timing).toEqual(old.timing);
  }, 300_000);

  it("refuses a sweep over --max-jobs without --yes, exit 2, nothing written", () => {
    const r = qfit(["sweep", "sweep.yaml", "--out", "big.jsonl", "--max-jobs", "10"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expands to 64 jobs, more than --max-jobs 10/);
    expect(r.stderr).toMatch(/hint: add --yes/);
    expect(existsSync(join(dir, "big.jsonl"))).toBe(false);
    expect(existsSync(join(dir, "big.html"))).toBe(false);
  });

  it("names file:line:col for a bad field, an unknown device and a glob that matches nothing", () => {
    const bad = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      const r = qfit(["sweep", name, "--out", "x.jsonl"], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, "x.jsonl"))).toBe(false);
      return r.stderr;
    };
    expect(bad("s1.yaml", SPEC.replace("shots: 500", "shots: -5"))).toMatch(
      /^s1\.yaml:11:12: runs\[0\]\.shots: /,
    );
    expect(bad("s2.yaml", SPEC.replace("google-willow]", "google-wilow]"))).toMatch(
      /^s2\.yaml:9:29: unknown gate-model quantum processor "google-wilow"/,
    );
    expect(bad("s3.yaml", SPEC.replace('"*.qasm"', '"nothing/*.qasm"'))).toMatch(
      /^s3\.yaml:8:9: nothing\/\*\.qasm matches no file/,
    );
    writeFileSync(join(dir, "scenario.yaml"), "workloads:\n  - kind: grover\n    searchBits: 40\n");
    const scenario = (range: string) =>
      `runs:\n  - kind: scenario\n    file: scenario.yaml\n    samples: 10\n    ranges:\n      ${range}\n`;
    expect(
      bad(
        "s5.yaml",
        scenario("workloads[0].searchBits: { low: -3, central: 40, high: 50, distribution: uniform }"),
      ),
    ).toMatch(/^s5\.yaml:6:7: workloads\[0\]\.searchBits = -3 is not a valid value/);
    expect(
      bad(
        "s6.yaml",
        scenario("workloads[2].searchBits: { low: 30, central: 40, high: 50, distribution: uniform }"),
      ),
    ).toMatch(/^s6\.yaml:6:7: the scenario has 1 workloads; 'workloads\[2\]\.searchBits' names #2/);
    expect(bad("s7.yaml", scenario("gpus: { low: 1, central: 2, high: 3 }"))).toMatch(
      /^s7\.yaml:6:7: runs\[0\]\.ranges\.gpus: 'gpus' is not a scenario field such as hardware\.mfu/,
    );
    expect(bad("s4.yaml", SPEC.replace("split: 3", "split: 3\n    colour: blue"))).toMatch(
      /^s4\.yaml:15:5: runs\[0\]: Unrecognized key: "colour"/,
    );
  });
});
