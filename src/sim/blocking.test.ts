import { describe, expect, it } from "vitest";
import { randomCircuit } from "../circuit/random.js";
import { TOL } from "../circuit/testing.js";
import { isQfitError } from "../errors.js";
import {
  MIN_RUN_QUBITS,
  MIN_SWAP_QUBIT,
  SCHEDULE_LOOKAHEAD,
  scheduleBlocks,
  scheduleStrided,
} from "./blocking.js";
import type { KernelOp } from "./kernels/kernel.js";
import { fitsBlock, opQubits } from "./kernels/ops.js";
import { plan } from "./plan.js";
import { simulate } from "./simulate.js";

function unitaryOps(n: number, depth: number, seed: number): KernelOp[] {
  const p = plan(randomCircuit({ numQubits: n, depth, seed }), { shots: 1, seed: 0 });
  return p.steps.flatMap((s) => (s.kind === "unitary" ? [s.op] : []));
}

describe("scheduleBlocks", () => {
  /** The physical → logical layout after the swaps of `sweeps`, starting from the identity. */
  const layoutAfter = (sweeps: ReturnType<typeof scheduleBlocks>, n: number) => {
    const logical = Array.from({ length: n }, (_, p) => p);
    for (const s of sweeps)
      if (s.kind === "swap")
        for (const [p, r] of s.pairs) [logical[p], logical[r]] = [logical[r], logical[p]];
    return logical;
  };

  it("covers every op once, keeps blocked ops in the chunk, swaps movable positions only, restores the layout, and cuts the sweeps", () => {
    for (const seed of [1, 2, 3]) {
      const n = 14;
      const b = 9;
      const w = 5;
      const ops = unitaryOps(n, 20, seed);
      const sweeps = scheduleBlocks(ops, n, b, w);
      const counted = sweeps.reduce(
        (k, s) => k + (s.kind === "blocked" ? s.ops.length : s.kind === "op" ? 1 : 0),
        0,
      );
      expect(counted).toBe(ops.length);
      for (const s of sweeps) {
        if (s.kind === "blocked") for (const op of s.ops) expect(fitsBlock(op, b, n)).toBe(true);
        if (s.kind === "swap") {
          const moved = s.pairs.flat();
          expect(new Set(moved).size).toBe(moved.length);
          for (const p of moved) {
            expect(p).toBeGreaterThanOrEqual(w);
            expect(p).toBeLessThan(n);
          }
        }
      }
      expect(sweeps.some((s) => s.kind === "swap")).toBe(true);
      expect(layoutAfter(sweeps, n)).toEqual(Array.from({ length: n }, (_, p) => p));
      const withoutRemapping = scheduleBlocks(ops, n, b, b);
      expect(withoutRemapping.some((s) => s.kind === "swap")).toBe(false);
      expect(sweeps.length).toBeLessThan(withoutRemapping.length);
      expect(withoutRemapping.length).toBeLessThan(ops.length);
    }
  });

  it("brings any two movable qubits into the chunk together, and keeps every op once", () => {
    // n = 12, b = 8, positions 5–7 movable: ops on 5 and 8, and on a fixed qubit and one of 9–11, alternate.
    const m = new Float64Array(32);
    const ops: KernelOp[] = [];
    for (let i = 0; i < 3 * SCHEDULE_LOOKAHEAD; i++)
      ops.push({ kind: "dense2", qubits: i % 2 ? [5, 8] : [i % 5, 9 + (i % 3)], matrix: m });
    const sweeps = scheduleBlocks(ops, 12, 8, 5);
    // (Pairing position 5 with 8 for good, as slot remapping does, would leave half of them on their own.)
    const lone = sweeps.flatMap((s) => (s.kind === "op" ? [s.op] : []));
    expect(lone.length).toBeLessThan(ops.length / 100);
    const counted = sweeps.reduce(
      (k, s) => k + (s.kind === "blocked" ? s.ops.length : s.kind === "op" ? 1 : 0),
      0,
    );
    expect(counted).toBe(ops.length);
    expect(layoutAfter(sweeps, 12)).toEqual(Array.from({ length: 12 }, (_, p) => p));
  });

  it("moves no position below MIN_SWAP_QUBIT by default", () => {
    const n = 22;
    const ops = unitaryOps(n, 12, 4);
    const sweeps = scheduleBlocks(ops, n, 16);
    expect(sweeps.some((s) => s.kind === "swap")).toBe(true);
    for (const s of sweeps)
      if (s.kind === "swap") for (const p of s.pairs.flat()) expect(p).toBeGreaterThanOrEqual(MIN_SWAP_QUBIT);
  });

  it("puts every op on its own when the chunk holds the whole state or nothing", () => {
    const ops = unitaryOps(6, 4, 1);
    for (const b of [0, 6, 8]) expect(scheduleBlocks(ops, 6, b).every((s) => s.kind === "op")).toBe(true);
  });
});

describe("scheduleStrided", () => {
  it("covers every op once in order per qubit, keeps each pass's ops in its b qubits with the lowest ones, remaps nothing, and needs fewer sweeps than remapping", () => {
    for (const seed of [1, 2, 3]) {
      const n = 14;
      const b = 9;
      const minRun = 5;
      const ops = unitaryOps(n, 20, seed);
      const sweeps = scheduleStrided(ops, n, b, minRun);
      // The lowest qubits every chunk holds: minRun, or fewer so the widest op fits beside them.
      const low = Math.min(minRun, b - Math.max(...ops.map((op) => opQubits(op).length)));
      expect(low).toBeGreaterThanOrEqual(2);
      const order: KernelOp[] = [];
      for (const s of sweeps) {
        expect(s.kind).toBe("strided");
        if (s.kind !== "strided") continue;
        expect(s.qubits.length).toBe(b);
        expect(s.qubits).toEqual([...s.qubits].sort((x, y) => x - y));
        for (let q = 0; q < low; q++) expect(s.qubits).toContain(q);
        for (const op of s.ops) for (const q of opQubits(op)) expect(s.qubits).toContain(q);
        order.push(...s.ops);
      }
      // Every op once; ops sharing a qubit keep their order (only commuting ops move).
      expect(new Set(order).size).toBe(ops.length);
      expect(order.length).toBe(ops.length);
      for (let q = 0; q < n; q++)
        expect(order.filter((op) => opQubits(op).includes(q))).toEqual(
          ops.filter((op) => opQubits(op).includes(q)),
        );
      expect(sweeps.some((s) => s.kind === "strided" && s.qubits.some((q, i) => q !== i))).toBe(true);
      expect(sweeps.length).toBeLessThan(scheduleBlocks(ops, n, b, minRun).length);
    }
  });

  it("holds the lowest MIN_RUN_QUBITS qubits in every chunk by default", () => {
    const sweeps = scheduleStrided(unitaryOps(22, 12, 4), 22, 16);
    for (const s of sweeps)
      if (s.kind === "strided") for (let q = 0; q < MIN_RUN_QUBITS; q++) expect(s.qubits).toContain(q);
  });

  it("puts every op on its own when the chunk holds the whole state or has no room for the lane bits beside the widest op", () => {
    const ops = unitaryOps(6, 4, 1);
    for (const b of [0, 3, 6, 8]) expect(scheduleStrided(ops, 6, b).every((s) => s.kind === "op")).toBe(true);
  });
});

describe("cache-blocked simulation", () => {
  it("gives the unblocked state on every kernel and precision (remapping qubits or strided chunks), for chunk widths below, at and above the qubit count", () => {
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
