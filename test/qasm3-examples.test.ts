// examples/qasm3/: OpenQASM 3 in the shapes Qiskit's qasm3.dumps and Amazon Braket write, read by the same entry
// point as OpenQASM 2 (the version comes from the header), simulated exactly, against analytic answers or an
// equivalent circuit written independently.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, parseQasmWithWarnings } from "../src/qasm/index.js";
import { simulate } from "../src/sim/index.js";

const dir = new URL("../examples/qasm3/", import.meta.url);
const text = (name: string) => readFileSync(new URL(name, dir), "utf8");

function read(name: string) {
  return parseQasmWithWarnings(text(name), { filename: `examples/qasm3/${name}` });
}

function probabilities(name: string): Record<string, number> {
  return simulate(read(name).circuit, { shots: 1, seed: 1, probabilities: true }).probabilities!;
}

function expectDistribution(actual: Record<string, number>, expected: Record<string, number>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, p] of Object.entries(expected)) expect(actual[k]).toBeCloseTo(p, 12);
}

/** The marginal probability that the first (most significant) register of the key reads `value`. */
function firstRegister(p: Record<string, number>, value: string): number {
  return Object.entries(p)
    .filter(([k]) => k.split(" ")[0] === value)
    .reduce((s, [, v]) => s + v, 0);
}

describe("examples/qasm3", () => {
  it("holds a dozen programs, every one read as OpenQASM 3 without errors", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".qasm"));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const r = read(f);
      expect(r.version, f).toBe(3);
      expect(r.circuit.ops.length, f).toBeGreaterThan(0);
    }
  });

  it("qiskit_bell_measure_all: measure_all's `bit[2] meas` and barrier", () => {
    expectDistribution(probabilities("qiskit_bell_measure_all.qasm"), { "00": 0.5, "11": 0.5 });
  });

  it("qiskit_ghz_registers: `c = measure q;` with a second, idle register", () => {
    const r = read("qiskit_ghz_registers.qasm");
    expect(r.circuit.qregs.map((q) => [q.name, q.size, q.offset])).toEqual([
      ["anc", 1, 0],
      ["q", 3, 1],
    ]);
    expectDistribution(probabilities("qiskit_ghz_registers.qasm"), { "000": 0.5, "111": 0.5 });
  });

  it("qiskit_custom_gates: mangled rzx_… definitions; Qiskit's rzz definition becomes the library rzz", () => {
    const ops = read("qiskit_custom_gates.qasm").circuit.ops;
    expect(ops.filter((o) => o.kind === "gate" && o.name === "rzz")).toHaveLength(1);
    // ECR|00⟩ = (|01⟩ − i|11⟩)/√2 in Qiskit's order (qubit 0 rightmost); rzz only adds phases.
    expectDistribution(probabilities("qiskit_custom_gates.qasm"), { "01": 0.5, "11": 0.5 });
  });

  it("qiskit_transpiled_physical: $n qubits read as the same circuit with a declared register", () => {
    const physical = read("qiskit_transpiled_physical.qasm").circuit;
    const declared = parseQasmWithWarnings(
      text("qiskit_transpiled_physical.qasm")
        .replace("bit[3] c;", "bit[3] c;\nqubit[3] q;")
        .replace(/\$(\d)/g, "q[$1]"),
    ).circuit;
    expect(physical.ops).toEqual(declared.ops);
    expect(physical.numQubits).toBe(3);
  });

  it("qiskit_teleport_if_else: if on a bit, if (reg == 1) with else; the qubit arrives with P(1) = 3/4", () => {
    const p = probabilities("qiskit_teleport_if_else.qasm");
    expect(firstRegister(p, "1")).toBeCloseTo(0.75, 12);
    const conditioned = read("qiskit_teleport_if_else.qasm").circuit.ops.filter(
      (o) => o.kind === "gate" && o.condition,
    );
    expect(conditioned.map((o) => o.kind === "gate" && [o.name, o.condition])).toEqual([
      ["x", { register: "m1", value: 1 }],
      ["z", { register: "m0", value: 1 }],
      ["id", { register: "m0", value: 0 }],
    ]);
  });

  it("qiskit_qft_gate: inv @ of a user gate undoes it", () => {
    expectDistribution(probabilities("qiskit_qft_gate.qasm"), { "001": 1 });
  });

  it("qiskit_modifiers_mcx: ctrl(3) @ x, negctrl @, ctrl @ negctrl @ h", () => {
    expectDistribution(probabilities("qiskit_modifiers_mcx.qasm"), { "01110": 0.5, "01111": 0.5 });
  });

  it("qiskit_grover_inv_pow: one Grover iteration on 2 qubits finds |11⟩", () => {
    expectDistribution(probabilities("qiskit_grover_inv_pow.qasm"), { "11": 1 });
  });

  it("braket_bell: Braket's built-in names without an include, with warnings (errors under --strict)", () => {
    const r = read("braket_bell.qasm");
    expect(r.warnings.map((w) => w.code)).toEqual(["QASM.Lenient.MissingInclude", "QASM.Lenient.BraketGate"]);
    expectDistribution(probabilities("braket_bell.qasm"), { "00": 0.5, "11": 0.5 });
    expect(() => parseQasmWithWarnings(text("braket_bell.qasm"), { strict: true })).toThrow(/stdgates.inc/);
  });

  it("braket_verbatim_box: #pragma ignored, box without a duration read through", () => {
    expectDistribution(probabilities("braket_verbatim_box.qasm"), { "01": 1 });
  });

  it("braket_native_gates: the Braket names give the circuit written with qelib1 names", () => {
    const qasm2 = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg b[3];
h q[0];
p(0.3) q[0];
cp(0.2) q[0],q[1];
rxx(0.4) q[1],q[2];
rzz(0.5) q[0],q[2];
sdg q[1];
tdg q[2];
sx q[0];
sxdg q[0];
ccx q[0],q[1],q[2];
measure q -> b;
`;
    const want = parse(qasm2).circuit!;
    expect(read("braket_native_gates.qasm").circuit.ops).toEqual(want.ops);
  });

  it("openqasm3_language: const, let, slices, index sets, ++, negative indices, U, gphase, math functions", () => {
    const r = read("openqasm3_language.qasm");
    expect(r.globalPhase).toBeCloseTo(Math.PI / 4, 14);
    expectDistribution(probabilities("openqasm3_language.qasm"), {
      "00001": 0.25,
      "01101": 0.25,
      "10001": 0.25,
      "11101": 0.25,
    });
  });

  it("openqasm3_legacy_syntax: qreg/creg, measure ->, CX, phase, cphase, u3", () => {
    expectDistribution(probabilities("openqasm3_legacy_syntax.qasm"), { "110": 1 });
  });
});
