import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CircuitBuilder } from "../circuit/builder.js";
import { randomCircuit } from "../circuit/random.js";
import { TOL } from "../circuit/testing.js";
import { fuse } from "./fuse.js";
import { opQubits } from "./kernels/ops.js";
import { MAX_FUSION_QUBITS, plan } from "./plan.js";
import { simulate } from "./simulate.js";

const FC = { seed: 20261201, numRuns: 80 };

function maxDiff(a: Array<[number, number]>, b: Array<[number, number]>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.hypot(a[i][0] - b[i][0], a[i][1] - b[i][1]));
  return m;
}

describe("gate fusion", () => {
  it("fused ≡ unfused to 1e-12 on random circuits, for every fusion width", () => {
    fc.assert(
      fc.property(
        fc.record({
          numQubits: fc.integer({ min: 1, max: 7 }),
          depth: fc.integer({ min: 1, max: 10 }),
          seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
          k: fc.integer({ min: 1, max: MAX_FUSION_QUBITS }),
        }),
        ({ numQubits, depth, seed, k }) => {
          const c = randomCircuit({ numQubits, depth, seed });
          const opts = { shots: 1, seed: 0, statevector: true, kernel: "ts" } as const;
          const unfused = simulate(c, { ...opts, fusion: false }).statevector!;
          const fused = simulate(c, { ...opts, fusion: k }).statevector!;
          expect(maxDiff(fused, unfused)).toBeLessThan(TOL.exact);
        },
      ),
      FC,
    );
  });

  it("emits no unitary wider than k (unless a single gate is wider) and fewer passes than gates", () => {
    const c = randomCircuit({ numQubits: 8, depth: 12, seed: 3, gates: ["h", "rx", "rz", "t", "cx", "cz"] });
    for (let k = 1; k <= MAX_FUSION_QUBITS; k++) {
      const p = plan(c, { fusion: k });
      for (const s of p.steps)
        if (s.kind === "unitary" && s.name.startsWith("fused("))
          expect(opQubits(s.op).length).toBeLessThanOrEqual(k);
      expect(p.fusion).toMatchObject({ maxQubits: k, gatesIn: c.ops.length });
      expect(p.passes).toBe(p.fusion.gatesOut);
      if (k >= 2) expect(p.passes).toBeLessThan(c.ops.length / 2);
    }
    const off = plan(c, { fusion: false });
    expect(off.fusion).toEqual({ maxQubits: 0, gatesIn: c.ops.length, gatesOut: c.ops.length });
  });

  it("keeps a lone gate's fast path and a run of diagonal gates diagonal", () => {
    const c = new CircuitBuilder().qreg("q", 3).h(0).cz(1, 2).t(1).rz(0.3, 2).build();
    const p = plan(c, { fusion: 2 });
    expect(p.steps.map((s) => (s.kind === "unitary" ? s.op.kind : s.kind))).toEqual(["dense1", "diagonal"]);
    const lone = plan(new CircuitBuilder().qreg("q", 3).cx(0, 2).build(), { fusion: 3 });
    expect(lone.steps[0]).toMatchObject({ name: "cx", op: { kind: "controlled" } });
  });

  it("never fuses across a measurement, a reset or a conditioned gate", () => {
    const c = new CircuitBuilder()
      .qreg("q", 2)
      .creg("c", 2)
      .h(0)
      .h(0)
      .measure(0, 0)
      .x(0)
      .x(0)
      .reset(1)
      .h(1)
      .gate("x", [1], [], { register: "c", value: 1 })
      .h(1)
      .h(1)
      .measure(0, 0)
      .measure(1, 1)
      .build();
    const kinds = plan(c, { fusion: 2 }).steps.map((s) =>
      s.kind === "unitary" ? `${s.name}${s.condition ? "?" : ""}` : s.kind,
    );
    expect(kinds).toEqual(["fused(h,h)", "measure", "fused(x,x)", "reset", "h", "x?", "fused(h,h)"]);
  });

  it("lets a gate wider than k through after flushing the groups on its qubits", () => {
    const c = new CircuitBuilder().qreg("q", 4).h(0).h(3).ccx(0, 1, 2).h(0).build();
    const names = plan(c, { fusion: 2 }).steps.map((s) => (s.kind === "unitary" ? s.name : s.kind));
    // h(3) is on no qubit of the ccx and may still be open when the ccx goes out
    expect(names.indexOf("h")).toBeLessThan(names.indexOf("ccx"));
    expect(names.filter((n) => n === "ccx")).toHaveLength(1);
  });

  it("rejects a bad fusion width", () => {
    expect(() => fuse([], 0)).toThrow();
    expect(() => plan(new CircuitBuilder().qreg("q", 1).build(), { fusion: 9 })).toThrow(/fusion/);
  });
});
