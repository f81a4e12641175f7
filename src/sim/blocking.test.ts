import { describe, expect, it } from "vitest";
import { randomCircuit } from "../circuit/random.js";
import { TOL } from "../circuit/testing.js";
import { isQfitError } from "../errors.js";
import { MIN_SWAP_QUBIT, SCHEDULE_LOOKAHEAD, scheduleBlocks } from "./blocking.js";
import type { KernelOp } from "./kernels/kernel.js";
import { fitsBlock } from "./kernels/ops.js";
import { plan } from "./plan.js";
import { simulate } from "./simulate.js";

function unitaryOps(n: number, depth: number, seed: number): KernelOp[] {
  const p = plan(randomCircuit({ numQubits: n, depth, seed }), { shots: 1, seed: 0 });
  return p.steps.flatMap((s) => (s.kind === "unitary" ? [s.op] : []));
}

describe("scheduleBlocks", () => {
  it("covers every op once, keeps blocked ops in the chunk, swaps slot pairs only, and cuts the sweeps", () => {
    for (const seed of [1, 2, 3]) {
      const n = 14;
      const b = 9;
      const ops = unitaryOps(n, 20, seed);
      const sweeps = scheduleBlocks(ops, n, b);
      const counted = sweeps.reduce(
        (k, s) => k + (s.kind === "blocked" ? s.ops.length : s.kind === "op" ? 1 : 0),
        0,
      );
      expect(counted).toBe(ops.length);
      const h = Math.min(n - b, b - MIN_SWAP_QUBIT);
      const slot = new Map<number, number>();
      for (const s of sweeps) {
        if (s.kind === "blocked") for (const op of s.ops) expect(fitsBlock(op, b, n)).toBe(true);
        if (s.kind === "swap")
          for (const [lo, hi] of s.pairs) {
            expect(hi - lo).toBe(h);
            expect(lo).toBeGreaterThanOrEqual(b - h);
            expect(lo).toBeLessThan(b);
            slot.set(lo, (slot.get(lo) ?? 0) + 1);
          }
      }
      // the layout ends as it started: every slot swapped an even number of times
      for (const times of slot.values()) expect(times % 2).toBe(0);
      const withoutRemapping = scheduleBlocks(ops, n, b, b);
      expect(withoutRemapping.some((s) => s.kind === "swap")).toBe(false);
      expect(sweeps.length).toBeLessThan(withoutRemapping.length);
      expect(withoutRemapping.length).toBeLessThan(ops.length);
    }
  });

  it("applies an op on both qubits of a slot on its own, and keeps every op once", () => {
    // n = 12, b = 8: h = 3, w = 5, slots (5, 8), (6, 9), (7, 10); qubit 11 never enters the chunk
    const m = new Float64Array(32);
    const ops: KernelOp[] = [];
    for (let i = 0; i < 3 * SCHEDULE_LOOKAHEAD; i++)
      ops.push({ kind: "dense2", qubits: i % 2 ? [5, 8] : [i % 5, 9 + (i % 3)], matrix: m });
    const sweeps = scheduleBlocks(ops, 12, 8);
    const lone = sweeps.flatMap((s) => (s.kind === "op" ? [s.op] : []));
    expect(lone.filter((op) => op.kind === "dense2" && [5, 8].includes(op.qubits[0])).length).toBe(
      ops.length / 2,
    );
    const counted = sweeps.reduce(
      (k, s) => k + (s.kind === "blocked" ? s.ops.length : s.kind === "op" ? 1 : 0),
      0,
    );
    expect(counted).toBe(ops.length);
  });

  it("puts every op on its own when the chunk holds the whole state or nothing", () => {
    const ops = unitaryOps(6, 4, 1);
    for (const b of [0, 6, 8]) expect(scheduleBlocks(ops, 6, b).every((s) => s.kind === "op")).toBe(true);
  });
});

describe("cache-blocked simulation", () => {
  it("gives the unblocked state on every kernel and precision (remapping qubits), for chunk widths below, at and above the qubit count", () => {
    const c = randomCircuit({ numQubits: 12, depth: 12, seed: 5 });
    for (const kernel of ["ts", "wasm"] as const)
      for (const [precision, tol] of [
        ["double", TOL.exact],
        ["single", 1e-5],
      ] as const) {
        const opts = { shots: 1, seed: 0, statevector: true, kernel, precision } as const;
        const want = simulate(c, opts).statevector!;
        for (const blockQubits of [1, 3, 6, 8, 10, 12, 14]) {
          const got = simulate(c, { ...opts, blockQubits }).statevector!;
          for (let i = 0; i < want.length; i++) {
            expect(Math.abs(got[i][0] - want[i][0])).toBeLessThan(tol);
            expect(Math.abs(got[i][1] - want[i][1])).toBeLessThan(tol);
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
