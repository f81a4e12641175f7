// `qfit estimate ft` run in-process against an in-memory Io.
import { Command } from "@commander-js/extra-typings";
import { describe, expect, it } from "vitest";
import { addEstimateFtCommand } from "../src/cli/estimate-ft.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { isQfitError } from "../src/errors.js";

const counts = JSON.stringify({ numQubits: 100, tCount: 1_000_000, measurementCount: 100_000 });

async function run(args: string[], files: Record<string, string> = { "counts.json": counts }) {
  const io = memoryIo(files);
  const estimate = new Command("estimate").exitOverride().configureOutput({
    writeOut: (s) => io.stdout(s),
    writeErr: (s) => io.stderr(s),
  });
  addEstimateFtCommand(estimate, io);
  await estimate.parseAsync(["ft", ...args], { from: "user" });
  return io;
}

async function runError(args: string[], files?: Record<string, string>) {
  try {
    await run(args, files);
  } catch (e) {
    if (isQfitError(e)) return e;
    throw e;
  }
  throw new Error("expected a QfitError");
}

describe("qfit estimate ft", () => {
  it("reports the classical co-processing that real-time decoding needs, in JSON and text", async () => {
    const out = JSON.parse((await run(["--counts", "counts.json", "--json"])).out);
    const c = out.classicalCoprocessing;
    // d = 21 on qubit_gate_ns_e3: a round is the logical cycle time over d; half the qubits are measured per round.
    const round = (out.logicalQubit.logicalCycleTime * 1e-9) / 21;
    expect(c.roundSeconds).toBeCloseTo(round, 15);
    expect(c.syndromeBitsPerSecond).toBeCloseTo(454_860 / 2 / round, -3);
    expect(c.decoder.id).toBe("sparse-blossom-cpu-core");
    expect(c.count).toBe(c.devices);
    expect(c.powerW).toBeCloseTo(c.devices * 3.75, 6);
    const text = (await run(["--counts", "counts.json"])).out;
    expect(text).toMatch(new RegExp(`real-time decoding\\s+${c.devices.toLocaleString("en-US")} × cpu-core`));
  });

  it("--json prints the estimate with Azure's key names", async () => {
    const io = await run(["--counts", "counts.json", "--json"]);
    const out = JSON.parse(io.out);
    expect(out.physicalCounts.physicalQubits).toBe(454_860);
    expect(out.physicalCounts.runtime).toBe(9_240_000_000);
    expect(out.logicalQubit.codeDistance).toBe(21);
    expect(out.physicalCounts.breakdown.numTfactories).toBe(14);
    expect(out.tfactory.numRounds).toBe(2);
    expect(typeof out.formulas.codeDistance).toBe("string");
  });

  it("prints a compact table by default", async () => {
    const io = await run(["--counts", "counts.json"]);
    expect(io.out).toMatch(/physical qubits\s+454,860/);
    expect(io.out).toMatch(/runtime\s+9\.24 s/);
    expect(io.out).toMatch(/code distance\s+21/);
    expect(io.out).toMatch(/T factories\s+14 × 18,000 qubits/);
    expect(io.out).toMatch(/logical error rate\s+3\.00e-13/);
  });

  it("--qubit and --qec take presets; --budget a number", async () => {
    const io = await run([
      "--counts",
      "counts.json",
      "--qubit",
      "qubit_maj_ns_e6",
      "--qec",
      "floquet_code",
      "--json",
    ]);
    expect(JSON.parse(io.out).physicalCounts.physicalQubits).toBe(67_320);
    const io2 = await run(["--counts", "counts.json", "--budget", "0.01", "--json"]);
    expect(JSON.parse(io2.out).errorBudget.logical).toBeCloseTo(0.005, 12);
  });

  it("--qubit and --qec read JSON files through Io", async () => {
    const files = {
      "counts.json": counts,
      "q.json": JSON.stringify({ name: "qubit_gate_ns_e4" }),
      "code.json": JSON.stringify({ name: "surface_code", crossingPrefactor: 0.03 }),
    };
    const io = await run(
      ["--counts", "counts.json", "--qubit", "q.json", "--qec", "code.json", "--json"],
      files,
    );
    expect(JSON.parse(io.out).jobParams.qubitParams.name).toBe("qubit_gate_ns_e4");
  });

  it("--frontier prints the Pareto set", async () => {
    const io = await run(["--counts", "counts.json", "--frontier", "--json"]);
    const front = JSON.parse(io.out) as { physicalCounts: { physicalQubits: number; runtime: number } }[];
    expect(front.length).toBeGreaterThan(1);
    expect(front[front.length - 1].physicalCounts.physicalQubits).toBe(454_860);
    const table = await run(["--counts", "counts.json", "--frontier"]);
    // One table row per frontier point (the title above may wrap to the terminal's width).
    expect(table.out.split("\n").filter((l) => /^\s+\d[\d,.e+]*\s{2}/.test(l)).length).toBe(front.length);
  });

  it("bad input raises user errors with the code and field", async () => {
    const neg = await runError(["--counts", "c.json"], {
      "c.json": JSON.stringify({ numQubits: 10, tCount: -5 }),
    });
    expect(neg.code).toBe("Estimate.FT.InvalidCounts");
    expect(neg.details.field).toBe("tCount");
    const preset = await runError(["--counts", "counts.json", "--qubit", "qubit_fast"]);
    expect(preset.code).toBe("Estimate.FT.UnknownPreset");
    const budget = await runError(["--counts", "counts.json", "--budget", "2"]);
    expect(budget.code).toBe("Estimate.FT.InvalidErrorBudget");
    expect(budget.details.field).toBe("--budget");
    const missing = await runError(["--counts", "nope.json"]);
    expect(missing.code).toBe("IO.ReadFailed");
  });

  it("a JSON syntax error reports file:line:col", async () => {
    const e = await runError(["--counts", "c.json"], { "c.json": '{\n  "numQubits": 10,\n  "tCount": ,\n}' });
    expect(e.code).toBe("Estimate.FT.InvalidJson");
    expect(e.details.position?.file).toBe("c.json");
    expect(e.details.position?.line).toBe(3);
    expect(e.details.position?.col).toBeGreaterThan(1);
  });
});

describe("qfit estimate ft through the real CLI entry (registered in commands.ts)", () => {
  const files = { "counts.json": counts, "neg.json": JSON.stringify({ numQubits: 10, tCount: -5 }) };
  const cli = async (args: string[]) => {
    const io = memoryIo(files);
    const code = await main(args, io);
    return { code, out: io.out, err: io.err };
  };

  it("reproduces the 100-qubit worked example from `qfit estimate ft`", async () => {
    const r = await cli(["estimate", "ft", "--counts", "counts.json", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.physicalCounts.physicalQubits).toBe(454_860);
    expect(j.logicalQubit.codeDistance).toBe(21);
  });

  it.each([
    [["--counts", "neg.json"], /tCount/],
    [["--counts", "counts.json", "--qubit", "qubit_gate_ns_e9"], /unknown qubit preset/],
    [["--counts", "counts.json", "--qec", "floquet_code"], /floquet_code/],
    [
      ["--counts", "counts.json", "--qubit", "qubit_maj_ns_e4", "--qec", "surface_code", "--budget", "2"],
      /budget/,
    ],
  ])("exits 2 on bad input %j", async (args, message) => {
    const r = await cli(["estimate", "ft", ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
