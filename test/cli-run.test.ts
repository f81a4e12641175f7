// `qfit run` through the CLI entry point, in-process (memory Io) and as a real process for exit codes and stderr.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");
const BIN = fileURLToPath(new URL("../bin/qfit.js", import.meta.url));

async function run(args: string[], files: Record<string, string> = {}, stdin = "") {
  const io = memoryIo(files, stdin);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe("qfit run", () => {
  const files = { "bell.qasm": example("bell.qasm"), "teleport.qasm": example("teleport.qasm") };

  it("prints the JSON contract", async () => {
    const r = await run(
      ["run", "bell.qasm", "--json", "--seed", "7", "--shots", "1000", "--probabilities"],
      files,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.qubits).toBe(2);
    expect(j.clbits).toBe(2);
    expect(j.shots).toBe(1000);
    expect(j.seed).toBe(7);
    expect(Object.keys(j.counts).sort()).toEqual(["00", "11"]);
    expect(j.counts["00"] + j.counts["11"]).toBe(1000);
    expect(j.probabilities["00"]).toBeCloseTo(0.5, 12);
    expect(j.probabilities["11"]).toBeCloseTo(0.5, 12);
    expect(j.statevector).toBeUndefined();
    expect(typeof j.timing.parseMs).toBe("number");
    expect(typeof j.timing.simulateMs).toBe("number");
  });

  it("gives the same counts for the same seed and reports a chosen seed when none is given", async () => {
    const a = await run(["run", "teleport.qasm", "--json", "--seed", "123"], files);
    const b = await run(["run", "teleport.qasm", "--json", "--seed", "123"], files);
    expect(JSON.parse(a.out).counts).toEqual(JSON.parse(b.out).counts);
    const c = JSON.parse((await run(["run", "teleport.qasm", "--json"], files)).out);
    expect(Number.isInteger(c.seed)).toBe(true);
    const again = JSON.parse(
      (await run(["run", "teleport.qasm", "--json", "--seed", String(c.seed)], files)).out,
    );
    expect(again.counts).toEqual(c.counts);
  });

  it("prints the statevector in index order, qubit 0 least significant", async () => {
    const text = 'OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; x q[0];';
    const r = await run(["run", "-", "--json", "--statevector", "--probabilities"], {}, text);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.statevector).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
    // no measurement: keys are qubit bitstrings, qubit 0 rightmost
    expect(j.probabilities).toEqual({ "01": 1 });
    expect(j.counts).toEqual({ "01": 1024 });
  });

  it("--top keeps the most likely outcomes only", async () => {
    const text =
      'OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; creg c[2]; ry(0.5) q[0]; ry(2.0) q[1]; measure q -> c;';
    const r = await run(["run", "-", "--json", "--probabilities", "--top", "1", "--seed", "5"], {}, text);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.probabilities)).toEqual(["10"]);
    expect(Object.keys(j.counts)).toEqual(["10"]);
  });

  it("--top in text: a sampled outcome outside the kept probabilities shows — (not a false 0)", async () => {
    // Eight equally likely outcomes: the K kept probabilities (ties broken by key) and the K most counted
    // outcomes need not be the same set.
    const text = 'OPENQASM 2.0; include "qelib1.inc"; qreg q[3]; creg c[3]; h q; measure q -> c;';
    const r = await run(["run", "-", "--probabilities", "--top", "3", "--seed", "7"], {}, text);
    expect(r.code).toBe(0);
    const rows = r.out.split("\n").filter((l) => /^[01]{3}\s/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\s(0\.125000|—)\s/);
    expect(r.out).not.toMatch(/\s0\.000000\s/);
  });

  it("draws a histogram sorted by count", async () => {
    const r = await run(["run", "bell.qasm", "--seed", "1"], files);
    expect(r.code).toBe(0);
    const rows = r.out.split("\n").filter((l) => /^(00|11)\s/.test(l));
    expect(rows).toHaveLength(2);
    const counts = rows.map((l) => Number(l.split(/\s+/)[1]));
    expect(counts[0]).toBeGreaterThanOrEqual(counts[1]);
    expect(r.out).toContain("█");
  });

  it.each([
    [["run", "missing.qasm"], "missing.qasm"],
    [["run", "bell.qasm", "--shots", "0"], "--shots"],
    [["run", "bell.qasm", "--shots", "abc"], "--shots"],
    [["run", "bell.qasm", "--seed", "-1"], "--seed"],
    [["run", "bell.qasm", "--max-memory", "lots"], "--max-memory"],
    [["run", "bell.qasm", "--top", "0"], "--top"],
  ])("rejects bad input %j with exit code 2 naming %s", async (args, named) => {
    const r = await run(args as string[], files);
    expect(r.code).toBe(2);
    expect(r.err).toContain(named);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("reports a parse error at file:line:col", async () => {
    const bad = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0]\ncx q[0], q[1];\n';
    const r = await run(["run", "bad.qasm"], { "bad.qasm": bad });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^bad\.qasm:4:7: /);
    expect(r.err).toContain("';'");
  });

  it("refuses a 40-qubit circuit with Sim.TooManyQubits before allocating", async () => {
    const text = 'OPENQASM 2.0; include "qelib1.inc"; qreg q[40]; h q[0];';
    const r = await run(["run", "-", "--json"], {}, text);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.error.code).toBe("Sim.TooManyQubits");
    expect(j.error.hint).toBeTruthy();
  });

  it("limits --statevector output to 20 qubits", async () => {
    const text = 'OPENQASM 2.0; include "qelib1.inc"; qreg q[21]; h q[0];';
    const r = await run(["run", "-", "--statevector"], {}, text);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--statevector");
  });

  it("warns on lenient input and rejects it with --strict", async () => {
    const text = 'include "qelib1.inc";\nqreg q[1];\nx q[0];\n';
    const lenient = await run(["run", "x.qasm", "--json"], { "x.qasm": text });
    expect(lenient.code).toBe(0);
    expect(lenient.err).toMatch(/x\.qasm:\d+:\d+: warning: /);
    const strict = await run(["run", "x.qasm", "--strict"], { "x.qasm": text });
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/^x\.qasm:1:1: /);
  });
});

describe("the qfit process", () => {
  it("exits 2 with file:line:col and no stack trace on a parse error", () => {
    const bad = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nfoo q[0];\n';
    const p = spawnSync(process.execPath, [BIN, "run", "-"], { input: bad, encoding: "utf8" });
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/^<stdin>:4:1: /);
    expect(p.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 0 and prints help", () => {
    const p = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(p.status).toBe(0);
    expect(p.stdout).toContain("run");
  });

  it("exits 2 on an unknown command", () => {
    const p = spawnSync(process.execPath, [BIN, "frobnicate"], { encoding: "utf8" });
    expect(p.status).toBe(2);
  });
});
