// OpenQASM 3 everywhere a circuit goes in, with no flag: `qfit run`, `qfit transpile` (and its --qasm3 output),
// and the API's simulate function (which the server, its workers and the Circuit lab share).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type SimulateQasmResult, simulateQasm } from "../src/api/simulate-qasm.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { detectVersion, parseQasm } from "../src/qasm/index.js";

const read = (path: string) => readFileSync(new URL(`../examples/${path}`, import.meta.url), "utf8");

async function run(args: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err, io };
}

describe("OpenQASM 3 in the CLI and the API", () => {
  it("qfit run reads OpenQASM 3 and 2.0 alike", async () => {
    const files = {
      "bell3.qasm": read("qasm3/qiskit_bell_measure_all.qasm"),
      "bell2.qasm": read("bell.qasm"),
    };
    const three = await run(["run", "bell3.qasm", "--json", "--seed", "7", "--probabilities"], files);
    const two = await run(["run", "bell2.qasm", "--json", "--seed", "7", "--probabilities"], files);
    expect(three.code).toBe(0);
    expect(JSON.parse(three.out).probabilities).toEqual(JSON.parse(two.out).probabilities);
  });

  it("qfit run refuses what is outside the subset: exit 2, file:line:col, the construct, no stack trace", async () => {
    const files = {
      "loop.qasm": 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit q;\nbit c;\nwhile (c) { x q; }\n',
    };
    const r = await run(["run", "loop.qasm"], files);
    expect(r.code).toBe(2);
    expect(r.err).toContain("loop.qasm:5:1");
    expect(r.err).toContain("'while'");
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("qfit transpile reads OpenQASM 3 and writes it with --qasm3: the same compiled circuit as the 2.0 output", async () => {
    const files = { "ghz.qasm": read("qasm3/qiskit_ghz_registers.qasm") };
    const r3 = await run(
      ["transpile", "ghz.qasm", "--device", "ibm-heron-r2", "-o", "out3.qasm", "--qasm3"],
      files,
    );
    expect(r3.code).toBe(0);
    const r2 = await run(["transpile", "ghz.qasm", "--device", "ibm-heron-r2", "-o", "out2.qasm"], files);
    expect(r2.code).toBe(0);
    const out3 = r3.io.files["out3.qasm"];
    const out2 = r2.io.files["out2.qasm"];
    expect(detectVersion(out3)).toBe(3);
    expect(out3).toMatch(/\$\d+/);
    expect(detectVersion(out2)).toBe(2);
    // The device numbering is kept: $n in OpenQASM 3 is qubit n of the 2.0 output's device-wide register.
    const c3 = parseQasm(out3);
    const c2 = parseQasm(out2);
    expect(c3.ops).toEqual(c2.ops);
    expect(c3.numQubits).toBeLessThanOrEqual(c2.numQubits);
  });

  it("the API's simulate function takes OpenQASM 3 text", () => {
    const r = simulateQasm(read("qasm3/braket_bell.qasm"), {
      maxQubits: 20,
      seed: 1,
      probabilities: true,
    }) as SimulateQasmResult;
    expect(r.probabilities).toEqual({ "00": expect.closeTo(0.5, 12), "11": expect.closeTo(0.5, 12) });
    expect(r.warnings.length).toBe(2);
  });
});
