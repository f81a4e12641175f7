// `qfit run --device`, `qfit transpile` and `qfit devices NAME --noise` through the CLI entry point.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { parseQasm } from "../src/qasm/index.js";

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");
const files = {
  "ghz5.qasm": example("ghz5.qasm"),
  "qft4.qasm": example("qft4.qasm"),
  "adder4.qasm": example("adder4.qasm"),
};

async function run(args: string[], extra: Record<string, string> = {}) {
  const io = memoryIo({ ...files, ...extra });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err, files: io.files };
}

describe("qfit run --device", () => {
  it("prints the noisy-run JSON contract", async () => {
    const r = await run([
      "run",
      "ghz5.qasm",
      "--device",
      "ibm-heron-r2",
      "--json",
      "--seed",
      "4",
      "--shots",
      "500",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.device).toBe("ibm-heron-r2");
    for (const k of ["depth", "twoQubitGates", "swaps", "durationNs"])
      expect(typeof j.transpiled[k]).toBe("number");
    expect(j.ideal.probabilities["00000"]).toBeCloseTo(0.5, 12);
    const total = Object.values(j.noisy.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(500);
    expect(j.counts).toEqual(j.noisy.counts);
    expect(j.hellingerFidelity).toBeGreaterThan(0.8);
    expect(j.hellingerFidelity).toBeLessThan(1);
    expect(j.estimatedSuccessProbability).toBeGreaterThan(0.8);
    expect(j.deviceTime.seconds).toBeGreaterThan(500 * 250e-6);
    expect(j.deviceTime.usd).toBeCloseTo(j.deviceTime.seconds * 1.6, 12);
  });

  it("prints ideal vs noisy side by side", async () => {
    const r = await run([
      "run",
      "ghz5.qasm",
      "--device",
      "willow",
      "--seed",
      "1",
      "--method",
      "trajectories",
      "--shots",
      "300",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Hellinger fidelity/);
    expect(r.out).toMatch(/estimated success probability/);
    expect(r.out).toMatch(/trajectories/);
  });

  it("exits 2 for an unknown device, a circuit wider than the device, and an analog machine", async () => {
    const unknown = await run(["run", "ghz5.qasm", "--device", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown quantum processor "nope"/);
    const wide = `OPENQASM 2.0; include "qelib1.inc"; qreg q[30]; h q[0]; cx q[0], q[29];`;
    const tooWide = await run(["run", "wide.qasm", "--device", "ionq-aria"], { "wide.qasm": wide });
    expect(tooWide.code).toBe(2);
    expect(tooWide.err).toMatch(/uses 30 qubits but ionq-aria has 25/);
    expect((await run(["run", "ghz5.qasm", "--device", "aquila"])).code).toBe(2);
  });
});

describe("qfit transpile", () => {
  it("writes OpenQASM in device numbering that parses back, with only native gates on coupled pairs", async () => {
    const r = await run(["transpile", "qft4.qasm", "--device", "ibm-torino", "-o", "out.qasm", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.transpiled.swaps).toBeGreaterThanOrEqual(0);
    expect(j.transpiled.durationNs).toBeGreaterThan(0);
    const c = parseQasm(r.files["out.qasm"]);
    expect(c.numQubits).toBe(133);
    for (const op of c.ops) if (op.kind === "gate") expect(["rz", "sx", "x", "cz"]).toContain(op.name);
  });

  it("prints a summary and refuses unknown devices", async () => {
    const r = await run(["transpile", "adder4.qasm", "--device", "helios"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/two-qubit gates/);
    expect(r.out).toMatch(/0 SWAPs/);
    expect((await run(["transpile", "adder4.qasm", "--device", "h100"])).code).toBe(2);
  });
});

describe("qfit devices NAME --noise", () => {
  it("prints the noise model and its JSON", async () => {
    const t = await run(["devices", "ibm-heron-r2", "--noise"]);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/heavy-hex/);
    expect(t.out).toMatch(/thermalRelaxation/);
    const j = JSON.parse((await run(["devices", "helios", "--noise", "--json"])).out);
    expect(j.coupling.topology).toBe("all-to-all");
    expect(j.basis.twoQubit).toBe("rzz");
    expect((await run(["devices", "--noise"])).code).toBe(2);
  });
});

describe("custom devices", () => {
  const base = {
    name: "toy",
    qubits: 8,
    topology: "square-lattice",
    nativeGates: "ibm",
    oneQubitError: 0.001,
    twoQubitError: 0.01,
    readoutError: 0.02,
    t1Us: 100,
    t2Us: 80,
    oneQubitGateNs: 30,
    twoQubitGateNs: 100,
    readoutNs: 1000,
    repetitionDelayUs: 100,
    priceUsdPerQpuSecond: 1,
  };
  it("runs a circuit on a device described in JSON", async () => {
    const r = await run(["run", "ghz5.qasm", "--device", "toy.json", "--json", "--seed", "2"], {
      "toy.json": JSON.stringify(base),
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.device).toBe("toy");
    expect(j.hellingerFidelity).toBeLessThan(1);
  });
  it("exits 2 when T2 > 2·T1, on a bad field and on invalid JSON", async () => {
    const bad = await run(["run", "ghz5.qasm", "--device", "bad.json"], {
      "bad.json": JSON.stringify({ ...base, t2Us: 250 }),
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/exceeds 2·T1/);
    const field = await run(["run", "ghz5.qasm", "--device", "f.json"], {
      "f.json": JSON.stringify({ ...base, twoQubitError: 2 }),
    });
    expect(field.code).toBe(2);
    expect(field.err).toMatch(/twoQubitError/);
    expect((await run(["run", "ghz5.qasm", "--device", "x.json"], { "x.json": "{" })).code).toBe(2);
  });
});

describe("qfit validate-noise", () => {
  it("prints the rows and a conclusion, and JSON with the regime", async () => {
    const r = await run(["validate-noise", "--devices", "helios", "--sizes", "4", "--circuits", "ghz,qft"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/quantinuum-helios\s+ghz\s+4/);
    expect(r.out).toMatch(/conclusion:/);
    const j = JSON.parse(
      (await run(["validate-noise", "--devices", "helios", "--sizes", "4", "--circuits", "adder", "--json"]))
        .out,
    );
    expect(j.rows).toHaveLength(1);
    expect(typeof j.rows[0].estimatedSuccessProbability).toBe("number");
    expect(typeof j.conclusion).toBe("string");
    expect((await run(["validate-noise", "--circuits", "nope"])).code).toBe(2);
    expect((await run(["validate-noise", "--devices", "h100", "--sizes", "4"])).code).toBe(2);
  });
});
