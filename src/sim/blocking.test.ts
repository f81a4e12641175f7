import { describe, expect, it } from "vitest";
import { randomState } from "../../test/helpers/kernel-conformance.js";
import { CircuitBuilder } from "../circuit/builder.js";
import { randomCircuit } from "../circuit/random.js";
import { TOL } from "../circuit/testing.js";
import { isQfitError } from "../errors.js";
import { createPrng } from "../stats/prng.js";
import {
  applySweeps,
  MIN_RUN_QUBITS,
  MIN_SWAP_QUBIT,
  positionsAfter,
  SCHEDULE_LOOKAHEAD,
  type Sweep,
  scheduleBlocks,
  scheduleHybrid,
  scheduleStrided,
} from "./blocking.js";
import type { KernelOp, Precision } from "./kernels/kernel.js";
import { fitsBlock, opQubits, relabel } from "./kernels/ops.js";
import { selectKernel } from "./kernels/select.js";
import { plan } from "./plan.js";
import { run, simulate } from "./simulate.js";

function unitaryOps(n: number, depth: number, seed: number): KernelOp[] {
  const p = plan(randomCircuit({ numQubits: n, depth, seed }), { shots: 1, seed: 0 });
  return p.steps.flatMap((s) => (s.kind === "unitary" ? [s.op] : []));
}

describe("scheduleBlocks", () => {
  const layoutAfter = (sweeps: Sweep[], n: number) => Array.from(positionsAfter(sweeps, n));

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

describe("scheduleHybrid", () => {
  // 12 qubits with positions 9–11 far: small enough for the reference kernels, every rule exercised.
  const n = 12;
  const b = 7;
  const far = 9;
  const options = { minRunQubits: 3, minSwapQubit: 3 };
  const identity = Array.from({ length: n }, (_, q) => q);

  /** Replays `sweeps` from the identity: the ops they apply, back on logical qubits, in order. */
  const logicalOps = (sweeps: Sweep[]) => {
    const logical = [...identity];
    const applied: KernelOp[] = [];
    for (const s of sweeps) {
      if (s.kind === "swap" || s.kind === "relabel")
        for (const [p, r] of s.pairs) [logical[p], logical[r]] = [logical[r], logical[p]];
      if (s.kind === "strided") applied.push(...s.ops.map((op) => relabel(op, (p) => logical[p])));
    }
    return applied;
  };

  it("keeps every chunk below the far positions, swaps a far position only with a movable near one, applies every op once in order per qubit, returns to the identity, and sweeps less than remapping", () => {
    for (const seed of [1, 2, 3])
      for (const zeroState of [false, true]) {
        const ops = unitaryOps(n, 20, seed);
        const sweeps = scheduleHybrid(ops, n, b, far, { ...options, zeroState });
        const widest = Math.max(...ops.map((op) => opQubits(op).length));
        const low = Math.min(options.minRunQubits, b - widest);
        const lastPass = sweeps.findLastIndex((s) => s.kind === "strided");
        sweeps.forEach((s, k) => {
          expect(["strided", "swap", "relabel"]).toContain(s.kind);
          if (s.kind === "relabel") expect(zeroState && k === 0).toBe(true);
          if (s.kind === "swap" || s.kind === "relabel")
            for (const [p, r] of s.pairs) {
              expect(p).toBeGreaterThanOrEqual(Math.max(options.minSwapQubit, low));
              if (k < lastPass) {
                // In the run (not the restoring sweeps at the end): a near position with a far one.
                expect(p).toBeLessThan(far);
                expect(r).toBeGreaterThanOrEqual(far);
              }
            }
          if (s.kind === "strided") {
            expect(s.qubits.length).toBe(b);
            expect(Math.max(...s.qubits)).toBeLessThan(far);
            for (let q = 0; q < low; q++) expect(s.qubits).toContain(q);
            for (const op of s.ops) for (const q of opQubits(op)) expect(s.qubits).toContain(q);
          }
        });
        const applied = logicalOps(sweeps);
        expect(applied.length).toBe(ops.length);
        for (let q = 0; q < n; q++)
          expect(applied.filter((op) => opQubits(op).includes(q))).toEqual(
            ops.filter((op) => opQubits(op).includes(q)),
          );
        expect(sweeps.some((s) => s.kind === "swap")).toBe(true);
        expect(Array.from(positionsAfter(sweeps, n))).toEqual(identity);
        const passes = sweeps.filter((s) => s.kind !== "relabel").length;
        expect(passes).toBeLessThan(scheduleBlocks(ops, n, b, options.minSwapQubit).length);
      }
  });

  it("gives the state of the ops one by one on every kernel and precision: from any state in the identity, or from |0…0⟩ in a chosen layout, ending restored or read through the final positions", () => {
    const rng = createPrng(41);
    for (const kernelName of ["ts", "wasm"] as const)
      for (const [precision, tol] of [
        ["double", 1e-12],
        ["single", 1e-5],
      ] as Array<[Precision, number]>) {
        const kernel = selectKernel(kernelName);
        const ops = unitaryOps(n, 16, 7);
        const start = (init: Float64Array | null) => {
          const s = kernel.createState(n, precision);
          if (init) s.set(init);
          return s;
        };
        const oneByOne = (init: Float64Array | null) => {
          const s = start(init);
          for (const op of ops) kernel.apply(s, n, op);
          return Float64Array.from(s);
        };
        const scheduled = (init: Float64Array | null, zeroState: boolean, restore: boolean) => {
          const sweeps = scheduleHybrid(ops, n, b, far, { ...options, zeroState, restore });
          const s = start(init);
          applySweeps(kernel, s, n, sweeps, b);
          const got = Float64Array.from(s);
          kernel.release?.(s);
          return { got, positions: positionsAfter(sweeps, n) };
        };
        /** Amplitude of basis state j (qubit order) in a state whose qubit q lies at bit positions[q]. */
        const at = (state: Float64Array, positions: Int32Array, j: number, part: number) => {
          let i = 0;
          for (let q = 0; q < n; q++) if ((j >> q) & 1) i |= 1 << positions[q];
          return state[2 * i + part];
        };
        const random = randomState(n, rng);
        for (const [init, zeroState, restore] of [
          [random, false, true],
          [null, true, true],
          [null, true, false],
        ] as const) {
          const want = oneByOne(init);
          const { got, positions } = scheduled(init, zeroState, restore);
          if (!restore) expect(Array.from(positions)).not.toEqual(identity);
          let worst = 0;
          for (let j = 0; j < 2 ** n; j++)
            for (const part of [0, 1])
              worst = Math.max(worst, Math.abs(at(got, positions, j, part) - want[2 * j + part]));
          expect(worst).toBeLessThan(tol);
        }
      }
  });

  it("is scheduleStrided when no position is far", () => {
    const ops = unitaryOps(n, 12, 3);
    expect(scheduleHybrid(ops, n, b, n, options)).toEqual(scheduleStrided(ops, n, b, options.minRunQubits));
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

  it("reads samples, probabilities, top-K and the statevector through the final positions when the sweeps leave the qubits permuted", () => {
    // The plan's own schedule with positions 9–11 far (a 12-qubit state has none at FAR_STRIDE_BYTES).
    const permuted = (p: ReturnType<typeof plan>) => {
      const ops = p.steps.flatMap((st) => (st.kind === "unitary" ? [st.op] : []));
      const sweeps = scheduleHybrid(ops, p.numQubits, 7, 9, {
        minRunQubits: 3,
        minSwapQubit: 3,
        zeroState: true,
        restore: false,
      });
      const positions = Array.from(positionsAfter(sweeps, p.numQubits));
      expect(positions).not.toEqual(Array.from({ length: p.numQubits }, (_, q) => q));
      return run({ ...p, sweeps, positions });
    };
    // A deterministic outcome: every qubit 1 but qubit 5 (a CX chain through the far positions).
    const chain = new CircuitBuilder().qreg("q", 12).x(0);
    for (let q = 0; q + 1 < 12; q++) chain.cx(q, q + 1);
    const fixed = chain.x(5).build();
    for (const kernel of ["ts", "wasm"] as const) {
      const o = { shots: 50, seed: 3, kernel, blockQubits: 7 } as const;
      expect(permuted(plan(fixed, o)).counts).toEqual({ "111111011111": 50 });
      // A random circuit, every qubit sampled and a few measured into clbits in another order.
      const c = randomCircuit({ numQubits: 12, depth: 12, seed: 8 });
      const measured = { ...c, numClbits: 3, cregs: [{ name: "c", size: 3, offset: 0 }] };
      measured.ops = [
        ...c.ops,
        ...[11, 4, 9].map((qubit, clbit) => ({ kind: "measure" as const, qubit, clbit })),
      ];
      const sv = { ...o, statevector: true };
      const want = simulate(c, sv).statevector!;
      const got = permuted(plan(c, sv)).statevector!;
      for (let j = 0; j < want.length; j++)
        for (const part of [0, 1]) expect(Math.abs(got[j][part] - want[j][part])).toBeLessThan(1e-12);
      for (const circuit of [c, measured])
        for (const extra of [{ probabilities: true }, { probabilities: true, top: 5 }]) {
          const want = simulate(circuit, { ...o, ...extra }).probabilities!;
          const got = permuted(plan(circuit, { ...o, ...extra })).probabilities!;
          expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
          for (const [key, pr] of Object.entries(want)) expect(Math.abs(got[key] - pr)).toBeLessThan(1e-12);
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
