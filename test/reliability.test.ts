// Every reproduction in issue 15 as a regression test: each is refused as a user error (exit 2) naming the limit or
// the field, within the CPU budget, and the process ends cleanly (closed stdout, usage errors, internal errors).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { parseFormula } from "../src/estimate/ftqc/index.js";
import { parseScenario } from "../src/report/scenario.js";
import { BUDGET_CPU_MS } from "./fuzz/budget.js";

const BIN = fileURLToPath(new URL("../bin/qfit.js", import.meta.url));
const COUNTS = JSON.stringify({
  numQubits: 10,
  tCount: 100,
  rotationCount: 0,
  rotationDepth: 0,
  cczCount: 0,
});

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs the CLI in-process; returns the exit code, output and the CPU it took. */
async function cli(args: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const start = cpuMs();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err, cpu: cpuMs() - start };
}

function emptyNestedGates(): string {
  const lines = ["OPENQASM 2.0;", 'include "qelib1.inc";', "qreg q[1];", "gate e a { }"];
  lines.push(`gate g1 a { ${"e a; ".repeat(10)}}`);
  for (let k = 2; k <= 30; k++) lines.push(`gate g${k} a { ${`g${k - 1} a; `.repeat(10)}}`);
  lines.push("g30 q[0];");
  return `${lines.join("\n")}\n`;
}

describe("bounded work (issue 15 reproductions)", () => {
  it("empty nested gates (2.5 KB, 10^30 calls) are refused at once, naming the expansion-step limit", async () => {
    const r = await cli(["run", "e.qasm"], { "e.qasm": emptyNestedGates() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/e\.qasm:35:1: .*gate expansion steps than the limit of 20000000/);
    expect(r.cpu).toBeLessThan(BUDGET_CPU_MS);
  });

  it("qreg q[1048576]; barrier q; ×1000 is refused within the budget, naming the qubit-reference limit", async () => {
    const text = `OPENQASM 2.0;\nqreg q[1048576];\n${"barrier q;\n".repeat(1000)}`;
    const r = await cli(["run", "b.qasm"], { "b.qasm": text });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/b\.qasm:\d+:1: .*qubit references than the limit of 30000000/);
    expect(r.cpu).toBeLessThan(BUDGET_CPU_MS);
  });

  it("a gate name of 100,000 characters gets its error (and no suggestion) at once", async () => {
    const name = "a".repeat(100_000);
    const text = `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ngate ${name} a { x a; }\n${name}b q[0];\n`;
    const r = await cli(["run", "n.qasm"], { "n.qasm": text });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/n\.qasm:5:1: unknown gate/);
    expect(r.err).not.toMatch(/did you mean/);
    expect(r.cpu).toBeLessThan(BUDGET_CPU_MS);
  });

  it("QEC formulas nested 10,000 deep or 100,000 terms long are refused naming the limit", () => {
    const deep = `${"(".repeat(1000)}codeDistance${")".repeat(1000)}`;
    expect(() => parseFormula(deep, "qecScheme.logicalCycleTime")).toThrow(/nests more than 64 levels/);
    const long = Array(100_000).fill("1").join("+");
    expect(() => parseFormula(long, "qecScheme.logicalCycleTime")).toThrow(/the limit is 4096/);
    expect(() => parseFormula(Array(100).fill("1").join("+"), "f")).toThrow(/nests more than 64 levels/);
    expect(parseFormula(Array(60).fill("1").join("+"), "f").evaluate({})).toBe(60);
  });

  it("a scenario with more than 100 YAML aliases is a scenario error with its position", () => {
    const text = `title: &a x\nworkloads:\n${"  - {kind: shor, label: *a}\n".repeat(150)}`;
    expect(() => parseScenario(text, "s.yaml")).toThrow(/aliases expand past the limit of 100/);
    try {
      parseScenario(text, "s.yaml");
    } catch (e) {
      expect((e as { details: { position: unknown } }).details.position).toEqual({
        file: "s.yaml",
        line: 3,
        col: 25,
      });
    }
  });

  it("YAML nested 50,000 deep is refused before parsing, with its position", () => {
    const text = `title: ${"[".repeat(50_000)}${"]".repeat(50_000)}\nworkloads: []\n`;
    expect(() => parseScenario(text, "s.yaml")).toThrow(/nested more than 64 deep/);
  });
});

describe("user input never an internal error", () => {
  for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
    it(`qfit estimate ft --qubit ${name} → exit 2 naming the field`, async () => {
      const r = await cli(["estimate", "ft", "--qubit", name, "--counts", "c.json"], { "c.json": COUNTS });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/qubitParams\.\w+: /);
      expect(r.err).not.toMatch(/internal error|DataCloneError/);
    });
  }

  it("a scenario with qubit: constructor → exit 2", async () => {
    const r = await cli(["report", "s.yaml", "--json"], {
      "s.yaml": "workloads:\n  - {kind: shor, qubit: constructor}\n",
    });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({
      code: "Estimate.FT.UnknownPreset",
      message: 'unknown qubit preset "constructor"',
    });
  });

  it("report text and plots say 'beyond range', never Infinity or NaN (oracleToffolis: 1e15)", async () => {
    const s = "workloads:\n  - {kind: grover, oracleToffolis: 1e15}\n";
    const r = await cli(["report", "s.yaml", "--html", "r.html"], { "s.yaml": s });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/beyond range/);
    expect(r.out).not.toMatch(/Infinity|NaN/);
  });

  it("--html DIR fails with exit 2 and leaves no temporary file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "qfit-html-"));
    const target = join(dir, "out");
    spawnSync("mkdir", [target]);
    const r = spawnSync(process.execPath, [BIN, "report", "--html", target], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write/);
    expect(readdirSync(dir)).toEqual(["out"]);
  });
});

describe("clean ends", () => {
  it("a closed stdout (qfit run … | head -1) ends quietly with exit 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "qfit-pipe-"));
    writeFileSync(join(dir, "h16.qasm"), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[16];\nh q;\n');
    // 65,536 probabilities (about 2 MB of JSON) into a reader that stops after one line.
    const r = spawnSync(
      "bash",
      [
        "-o",
        "pipefail",
        "-c",
        `"${process.execPath}" "${BIN}" run h16.qasm --json --probabilities | head -1 >/dev/null`,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Error|internal/);
    expect(r.status).toBe(0);
  });

  it("a missing required option exits 2 (commander's usage errors in every subcommand)", () => {
    for (const args of [
      ["estimate", "ft"],
      ["transpile", "examples/bell.qasm"],
      ["run"],
      ["run", "--bogus"],
    ]) {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
        encoding: "utf8",
      });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/error: /);
    }
  });

  it("an internal error is one line and how to report it; the stack only with --debug", async () => {
    const { reportError } = await import("../src/cli/main.js");
    const io = memoryIo();
    expect(reportError(new TypeError("boom\nsecond line"), io, false)).toBe(1);
    expect(io.err.trim().split("\n")).toHaveLength(2);
    expect(io.err).toMatch(
      /^qfit: internal error: TypeError: boom …\nthis is a bug in qfit; please report it/,
    );
    const dbg = memoryIo();
    reportError(new TypeError("boom"), dbg, false, true);
    expect(dbg.err).toMatch(/at /);
  });

  it("Ctrl-C in the middle of a long report build stops it (exit 130) and leaves nothing behind", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qfit-int-"));
    // 100 workloads (the scenario limit): a build of many CPU-seconds, so the signal lands inside it. When to send
    // it is read from the child's own CPU time (Linux /proc), not the clock, so a loaded machine changes nothing:
    // start-up and reading the scenario take a fraction of the second waited for.
    const kinds = ["llm-training", "shor", "grover", "chemistry", "hamiltonian-simulation"];
    const yaml = `title: long\nworkloads:\n${Array.from({ length: 100 }, (_, i) => `  - kind: ${kinds[i % kinds.length]}\n`).join("")}`;
    writeFileSync(join(dir, "long.yaml"), yaml);
    const { spawn } = await import("node:child_process");
    const p = spawn(
      process.execPath,
      [BIN, "report", join(dir, "long.yaml"), "--html", join(dir, "r.html")],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((r) => p.once("exit", (c) => r(c)));
    const cpuSeconds = () => {
      try {
        const f = readFileSync(`/proc/${p.pid}/stat`, "utf8").split(") ")[1].split(" ");
        return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks of 1/100 s
      } catch {
        return Number.NaN; // no /proc: fall back to the wall clock below
      }
    };
    const started = Date.now();
    while (p.exitCode === null) {
      const cpu = cpuSeconds();
      if (Number.isNaN(cpu) ? Date.now() - started > 3000 : cpu >= 1.5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(p.exitCode, "the build ended before the signal: the scenario is too small for this machine").toBe(
      null,
    );
    p.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(out).toBe(""); // no table printed: the build did not run to its end
    expect(readdirSync(dir)).toEqual(["long.yaml"]); // no report, no temporary file
  }, 300_000);
});
