import { describe, expect, it } from "vitest";
import { randomCircuit } from "../circuit/random.js";
import { TOL } from "../circuit/testing.js";
import { isQfitError } from "../errors.js";
import { fitsBlock, groupForBlocks } from "./blocking.js";
import { opQubits } from "./fuse.js";
import type { KernelOp } from "./kernels/kernel.js";
import { plan } from "./plan.js";
import { simulate } from "./simulate.js";

function unitaryOps(n: number, depth: number, seed: number): KernelOp[] {
  const p = plan(randomCircuit({ numQubits: n, depth, seed }), { shots: 1, seed: 0 });
  return p.steps.flatMap((s) => (s.kind === "unitary" ? [s.op] : []));
}

/** Sweeps over the state: one per run of consecutive fitting ops, one per other op. */
function sweeps(ops: readonly KernelOp[], b: number, n: number): number {
  let count = 0;
  ops.forEach((op, i) => {
    if (!fitsBlock(op, b, n) || i === 0 || !fitsBlock(ops[i - 1], b, n)) count++;
  });
  return count;
}

describe("groupForBlocks", () => {
  it("permutes the ops, keeps the order of every two sharing a qubit, and cuts the sweeps", () => {
    for (const seed of [1, 2, 3]) {
      const n = 12;
      const b = 7;
      const ops = unitaryOps(n, 20, seed);
      const grouped = groupForBlocks(ops, b, n);
      expect(new Set(grouped)).toEqual(new Set(ops));
      expect(grouped.length).toBe(ops.length);
      const at = new Map(grouped.map((op, i) => [op, i]));
      for (let i = 0; i < ops.length; i++)
        for (let j = i + 1; j < ops.length; j++) {
          const shared = opQubits(ops[i]).some((q) => opQubits(ops[j]).includes(q));
          if (shared) expect(at.get(ops[i])!).toBeLessThan(at.get(ops[j])!);
        }
      expect(sweeps(grouped, b, n)).toBeLessThan(sweeps(ops, b, n));
    }
  });
});

describe("cache-blocked simulation", () => {
  it("gives the unblocked state to 1e-12 on every kernel, for chunk widths below, at and above the qubit count", () => {
    const c = randomCircuit({ numQubits: 9, depth: 12, seed: 5 });
    for (const kernel of ["ts", "wasm"] as const) {
      const opts = { shots: 1, seed: 0, statevector: true, kernel } as const;
      const want = simulate(c, opts).statevector!;
      for (const blockQubits of [1, 3, 5, 8, 9, 12]) {
        const got = simulate(c, { ...opts, blockQubits }).statevector!;
        for (let i = 0; i < want.length; i++) {
          expect(Math.abs(got[i][0] - want[i][0])).toBeLessThan(TOL.exact);
          expect(Math.abs(got[i][1] - want[i][1])).toBeLessThan(TOL.exact);
        }
      }
    }
  });

  it("rejects a chunk width that is not an integer from 0 to 30", () => {
    const c = randomCircuit({ numQubits: 3, depth: 2, seed: 1 });
    for (const blockQubits of [-1, 2.5, 31, Number.NaN]) {
      let code = "";
      try {
        plan(c, { blockQubits });
      } catch (e) {
        if (isQfitError(e)) code = e.code;
      }
      expect(code).toBe("Sim.InvalidBlockQubits");
    }
  });
});
