// The bundles (src/cli/bundle.ts, scripts/bundle-cli.mjs) are the same program as the compiled modules they are
// built from: for each command line below, bin/qfit.js (which starts `run`, help and version from the start
// bundle, `report` from the report bundle) and the compiled modules of dist/cli/ print the same output and exit
// with the same code. Only the measured times differ between two runs, and are blanked.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Bundle, bundleFor, bundleIsCurrent } from "../src/cli/bundle.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BELL = "examples/bell.qasm";
const BAD = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nfoo q[0];\n';
/** 18 qubits (4 MiB in complex128): large enough for the thread pool, so worker_threads loads from the bundle. */
const WIDE = [
  'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[18];\ncreg c[18];',
  ...Array.from({ length: 18 }, (_, i) => `h q[${i}];`),
  ...Array.from({ length: 17 }, (_, i) => `cx q[${i}], q[${i + 1}];`),
  "measure q -> c;",
].join("\n");

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function ran(args: string[], input?: string): Ran {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", input, timeout: 60_000 });
  // Times measured in this run: the text output's "simulated in X ms" and the JSON timing fields.
  const blank = (s: string) =>
    s.replace(/in\s+[\d.]+\s+(ms|s)/g, "in … $1").replace(/("[A-Za-z]*Ms"\s*:\s*)[\d.e+-]+/g, "$1…");
  return { status: r.status, stdout: blank(r.stdout), stderr: blank(r.stderr) };
}

const bundled = (argv: string[], input?: string) => ran(["bin/qfit.js", ...argv], input);
const compiled = (argv: string[], input?: string) => ran(["test/helpers/start-compiled.mjs", ...argv], input);

/** A scenario of two workloads, small enough to run in a test on 2 threads from the report bundle. */
const SCENARIO = [
  "title: two workloads",
  "hardware: { gpu: h100, gpuCount: 1000, qpu: ibm-heron-r2 }",
  "samples: 300",
  "workloads:",
  "  - { kind: grover }",
  "  - { kind: hybrid, preset: qaoa }",
].join("\n");

const CASES: Array<{
  name: string;
  argv: string[];
  input?: string;
  status: number;
  bundle?: Bundle["name"];
}> = [
  { name: "counts as text", argv: ["run", BELL, "--seed", "7"], status: 0 },
  {
    name: "JSON with probabilities",
    argv: ["run", BELL, "--seed", "7", "--json", "--probabilities"],
    status: 0,
  },
  {
    name: "statevector, single precision",
    argv: ["run", BELL, "--seed", "7", "--statevector", "--precision", "single"],
    status: 0,
  },
  {
    name: "on a device (transpiled, noisy)",
    argv: ["run", BELL, "--device", "ibm-heron-r2", "--seed", "7", "--shots", "200"],
    status: 0,
  },
  {
    name: "18 qubits on 2 threads (worker threads)",
    argv: ["run", "-", "--seed", "7", "--shots", "20", "--threads", "2", "--json"],
    input: WIDE,
    status: 0,
  },
  { name: "an unknown device", argv: ["run", BELL, "--device", "ibm-heron"], status: 2 },
  { name: "a missing file", argv: ["run", "no-such.qasm"], status: 2 },
  { name: "a missing file, JSON", argv: ["run", "no-such.qasm", "--json"], status: 2 },
  { name: "a parse error on standard input", argv: ["run", "-"], input: BAD, status: 2 },
  { name: "a bad option value", argv: ["run", BELL, "--shots", "zero"], status: 2 },
  { name: "an unknown option", argv: ["run", BELL, "--frobnicate"], status: 2 },
  { name: "run's help", argv: ["run", "--help"], status: 0 },
  { name: "the program's help", argv: ["--help"], status: 0 },
  { name: "the version", argv: ["--version"], status: 0 },
  { name: "a misspelt command", argv: ["rn", BELL], status: 2 },
  {
    name: "report: a scenario on 2 threads (a worker thread from the bundle), JSON",
    argv: ["report", "-", "--threads", "2", "--json"],
    input: SCENARIO,
    status: 0,
    bundle: "report",
  },
  {
    name: "report: the built-in set, point estimates, text",
    argv: ["report", "--no-html", "--no-uncertainty"],
    status: 0,
    bundle: "report",
  },
  {
    name: "report: a scenario error (file:line:col)",
    argv: ["report", "-", "--no-html"],
    input: "workloads:\n  - { kind: nosuch }\n",
    status: 2,
    bundle: "report",
  },
  { name: "report: a bad option value", argv: ["report", "--threads", "0"], status: 2, bundle: "report" },
  { name: "report's help", argv: ["report", "--help"], status: 0, bundle: "report" },
];

describe("bin/qfit.js from the bundle answers as the compiled modules do", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    expect(bundleFor(c.argv)?.name, "the bundle this command line starts from").toBe(c.bundle ?? "start");
    const fromBundle = bundled(c.argv, c.input);
    expect(fromBundle.status, fromBundle.stderr).toBe(c.status);
    expect(fromBundle.stderr).not.toMatch(/\n\s+at /);
    expect(fromBundle).toEqual(compiled(c.argv, c.input));
  });
});

describe("which command lines start from a bundle", () => {
  it("run, help, version and unknown commands from the start bundle, report from its own, the others from none", () => {
    const from = (argv: string[]) => bundleFor(argv)?.name;
    expect(from(["--wide", "run", "x.qasm"])).toBe("start");
    expect(from([])).toBe("start");
    expect(from(["help", "run"])).toBe("start");
    expect(from(["report", "--json"])).toBe("report");
    expect(from(["help", "report"])).toBe("report");
    expect(from(["devices"])).toBeUndefined();
    expect(from(["serve", "--port", "0"])).toBeUndefined();
  });
});

describe("a bundle older than the compiled modules is not used", () => {
  it("is current when built at the same time or after them, not before, and never when missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "qfit-bundle-"));
    try {
      const bundle = join(dir, "qfit.cjs");
      const compiled = join(dir, "start.js");
      expect(bundleIsCurrent(bundle, compiled)).toBe(false);
      writeFileSync(bundle, "");
      writeFileSync(compiled, "");
      const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
      at(compiled, 1000);
      at(bundle, 1000);
      expect(bundleIsCurrent(bundle, compiled)).toBe(true);
      at(bundle, 1001);
      expect(bundleIsCurrent(bundle, compiled)).toBe(true);
      at(compiled, 1002);
      expect(bundleIsCurrent(bundle, compiled)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
