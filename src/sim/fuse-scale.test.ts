// Issue 15 (b): fusion and planning of circuits with hundreds of thousands of gates. Before, `fuse` spread
// arrays as call arguments and a run of ~700,000 gates ended in "Maximum call stack size exceeded"; and
// `plan()` fused before it checked qubits and memory. These must finish (the work is linear in the gates) and
// give the same state as the unfused run.
import { describe, expect, it } from "vitest";
import type { Circuit, Operation } from "../circuit/ir.js";
import { parseQasm } from "../qasm/index.js";
import { createPrng } from "../stats/prng.js";
import { plan } from "./plan.js";
import { simulate } from "./simulate.js";

const GATES = 700_000;

function circuitOf(numQubits: number, ops: Operation[]): Circuit {
  return { numQubits, numClbits: 0, qregs: [{ name: "q", size: numQubits, offset: 0 }], cregs: [], ops };
}

describe("fusion at scale (bounded work, no deep stacks)", () => {
  it(`fuses ${GATES} gates on one qubit into one step`, () => {
    const ops: Operation[] = [];
    for (let i = 0; i < GATES; i++)
      ops.push({ kind: "gate", name: i % 2 ? "t" : "h", qubits: [0], params: [] });
    const p = plan(circuitOf(1, ops), { shots: 1, seed: 1 });
    expect(p.fusion.gatesIn).toBe(GATES);
    expect(p.fusion.gatesOut).toBe(1);
    const step = p.steps[0];
    // the name stays short whatever the run's length
    expect(step.kind === "unitary" && step.name.length).toBeLessThan(100);
  });

  it(`plans and runs ${GATES} random gates on 4 qubits: fused into fewer passes, the state stays normalised`, () => {
    const rng = createPrng(15);
    const ops: Operation[] = [];
    for (let i = 0; i < GATES; i++) {
      const a = rng.nextUint32() % 4;
      if (rng.nextUint32() % 3 === 0)
        ops.push({ kind: "gate", name: "cx", qubits: [a, (a + 1 + (rng.nextUint32() % 3)) % 4], params: [] });
      else ops.push({ kind: "gate", name: "ry", qubits: [a], params: [rng.nextDouble() * 6] });
    }
    const r = simulate(circuitOf(4, ops), { shots: 1, seed: 1, statevector: true, kernel: "ts" });
    expect(r.engine!.fusion.gatesIn).toBe(GATES);
    expect(r.engine!.fusion.gatesOut).toBeLessThan(GATES / 2);
    const norm = r.statevector!.reduce((s, [re, im]) => s + re * re + im * im, 0);
    expect(Math.abs(norm - 1)).toBeLessThan(1e-9);
  });

  it("a 1.6 KB file whose gate body doubles 19 times (2^19 gates) plans without a stack overflow", () => {
    const lines = ["OPENQASM 2.0;", 'include "qelib1.inc";', "gate g0 a { h a; }"];
    for (let k = 1; k <= 19; k++) lines.push(`gate g${k} a { g${k - 1} a; g${k - 1} a; }`);
    lines.push("qreg q[2];", "g19 q[0];", "cx q[0], q[1];");
    const c = parseQasm(lines.join("\n"));
    expect(c.ops.length).toBe(2 ** 19 + 1);
    const p = plan(c, { shots: 1, seed: 1 });
    expect(p.fusion.gatesOut).toBe(1);
    // h applied 2^19 times is the identity: the cx then sees |00⟩
    expect(simulate(c, { shots: 100, seed: 1 }).counts).toEqual({ "00": 100 });
  });

  it("refuses an oversized circuit of many gates before fusing it", () => {
    const ops: Operation[] = [];
    for (let i = 0; i < GATES; i++) ops.push({ kind: "gate", name: "h", qubits: [i % 31], params: [] });
    expect(() => plan(circuitOf(31, ops), { shots: 1, maxMemoryBytes: 2 ** 30 })).toThrow(
      expect.objectContaining({ code: "Sim.TooManyQubits" }),
    );
  });
});
