// The conformance suite every kernel backend runs (STYLE habit 2), once per precision and thread count: each
// fast path against the generic dense kernel of the same backend and against a reference matrix-vector product
// on random states, for every library gate on several qubit placements. States are made by the kernel itself
// (`createState`), so a backend that keeps its state in its own memory is tested there.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GATES } from "../../src/circuit/gates.js";
import { embed } from "../../src/circuit/matrix.js";
import { TOL } from "../../src/circuit/testing.js";
import { applySweeps, scheduleBlocks, scheduleGathered, scheduleStrided } from "../../src/sim/blocking.js";
import { tsKernel } from "../../src/sim/kernels/apply-ts.js";
import type { Amplitudes, Kernel, KernelOp, Precision } from "../../src/sim/kernels/kernel.js";
import { matrixStructure, opMatrix, opQubits, swapQubitPairsTs } from "../../src/sim/kernels/ops.js";
import { lowerGate } from "../../src/sim/plan.js";
import { createPrng, type Prng } from "../../src/stats/prng.js";

/** Agreement with the float64 reference: exact arithmetic, or float32 rounding over a few operations. */
export const KERNEL_TOL: Record<Precision, number> = { double: TOL.exact, single: 1e-5 };

/** Load `init` into a fresh state of the kernel, run `f` on it, return the result as float64. */
function runOn(
  kernel: Kernel,
  n: number,
  precision: Precision,
  init: Float64Array,
  f: (s: Amplitudes) => void,
): Float64Array {
  const s = kernel.createState(n, precision);
  s.set(init);
  f(s);
  return Float64Array.from(s);
}

export function randomState(n: number, rng: Prng): Float64Array {
  const s = new Float64Array(2 << n);
  let norm = 0;
  for (let i = 0; i < s.length; i++) {
    s[i] = rng.nextDouble() * 2 - 1;
    norm += s[i] * s[i];
  }
  for (let i = 0; i < s.length; i++) s[i] /= Math.sqrt(norm);
  return s;
}

/** Dense reference: full 2^n × 2^n product, independent of every kernel. */
function referenceApply(
  state: Float64Array,
  n: number,
  matrix: Float64Array,
  qubits: readonly number[],
): Float64Array {
  const u = embed(matrix, qubits, n);
  const d = 1 << n;
  const out = new Float64Array(2 * d);
  for (let r = 0; r < d; r++) {
    let re = 0;
    let im = 0;
    for (let c = 0; c < d; c++) {
      const ur = u[2 * (r * d + c)];
      const ui = u[2 * (r * d + c) + 1];
      re += ur * state[2 * c] - ui * state[2 * c + 1];
      im += ur * state[2 * c + 1] + ui * state[2 * c];
    }
    out[2 * r] = re;
    out[2 * r + 1] = im;
  }
  return out;
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The largest |entry|: random non-unitary matrices grow or shrink the norm, so differences are relative to it. */
function largest(x: Float64Array): number {
  return x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/** Distinct random qubits out of n. */
function pickQubits(k: number, n: number, rng: Prng): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.nextDouble() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k);
}

/** b ⊗ a for 2×2 complex matrices (interleaved): a acts on matrix index bit 0, b on bit 1. */
export function kron2(b: Float64Array, a: Float64Array): Float64Array {
  const m = new Float64Array(32);
  for (let r = 0; r < 4; r++)
    for (let c = 0; c < 4; c++) {
      const x = 2 * (2 * (r >> 1) + (c >> 1));
      const y = 2 * (2 * (r & 1) + (c & 1));
      m[2 * (4 * r + c)] = b[x] * a[y] - b[x + 1] * a[y + 1];
      m[2 * (4 * r + c) + 1] = b[x] * a[y + 1] + b[x + 1] * a[y];
    }
  return m;
}

/**
 * A random 4×4 matrix with exact zeros of the given structure (ops.ts, matrixStructure): `monomial`, one
 * nonzero per row (a random permutation); `blocks`, rows and columns in two random pairs, each row pair reading
 * its column pair only. Entries random, not unitary.
 */
export function structuredMatrix(rng: Prng, kind: "monomial" | "blocks"): Float64Array {
  const m = new Float64Array(32);
  const order = () => pickQubits(4, 4, rng);
  const rows = order();
  const cols = order();
  const set = (r: number, c: number) => {
    m[2 * (4 * r + c)] = rng.nextDouble() - 0.5;
    m[2 * (4 * r + c) + 1] = rng.nextDouble() - 0.5;
  };
  for (let k = 0; k < 4; k++)
    if (kind === "monomial") set(rows[k], cols[k]);
    else for (const t of [0, 1]) set(rows[k], cols[2 * (k >> 1) + t]);
  return m;
}

/** A random op of any kind (dense on 1–4 qubits, controlled, diagonal, structured 2-qubit) on qubits below `below`. */
function randomKernelOp(rng: Prng, below: number): KernelOp {
  const randomMatrix = (k: number) => Float64Array.from({ length: 2 * 4 ** k }, () => rng.nextDouble() - 0.5);
  const kind = rng.nextUint32() % 6;
  const k = Math.min(below, 1 + (rng.nextUint32() % 4));
  const qs = pickQubits(k, below, rng);
  if (kind === 5 && k >= 2)
    return {
      kind: "dense2",
      qubits: [qs[0], qs[1]],
      matrix: structuredMatrix(rng, rng.nextUint32() % 2 ? "monomial" : "blocks"),
    };
  if (kind === 0) return { kind: "dense1", qubit: qs[0], matrix: randomMatrix(1) };
  if (kind === 1 && k >= 2) return { kind: "dense2", qubits: [qs[0], qs[1]], matrix: randomMatrix(2) };
  if (kind === 2 && k >= 2) {
    const t = k >= 3 ? 2 : 1;
    return { kind: "controlled", controls: qs.slice(t), targets: qs.slice(0, t), matrix: randomMatrix(t) };
  }
  if (kind === 3) {
    const diag = Float64Array.from({ length: 2 << k }, () => rng.nextDouble() - 0.5);
    if (rng.nextUint32() % 2) [diag[0], diag[1]] = [1, 0];
    return { kind: "diagonal", qubits: qs, diag };
  }
  return { kind: "dense", qubits: qs, matrix: randomMatrix(k) };
}

export function kernelConformanceSuite(
  name: string,
  make: () => Kernel,
  precision: Precision = "double",
  n = 6,
  threads = 1,
): void {
  describe(`kernel conformance: ${name}, ${precision}, ${n} qubits, ${threads} thread(s)`, () => {
    const kernel = make();
    beforeAll(() => {
      if (threads > 1) expect(kernel.setThreads?.(threads)).toBe(threads);
    });
    afterAll(() => kernel.setThreads?.(1));
    const tol = KERNEL_TOL[precision];
    const on = (init: Float64Array, f: (s: Amplitudes) => void) => runOn(kernel, n, precision, init, f);

    it.each([...GATES.keys()])("%s: fast path = generic dense kernel = reference", (gate) => {
      const spec = GATES.get(gate)!;
      const rng = createPrng(1000 + gate.length * 31 + gate.charCodeAt(0));
      for (let trial = 0; trial < 6; trial++) {
        const qubits = pickQubits(spec.numQubits, n, rng);
        if (trial === 0) qubits.sort((x, y) => x - y);
        if (trial === 1) qubits.sort((x, y) => y - x);
        const params = spec.params.map(() => rng.nextDouble() * 4 * Math.PI - 2 * Math.PI);
        const matrix = spec.matrix(params);
        const state = randomState(n, rng);
        const expected = referenceApply(state, n, matrix, qubits);
        const generic = on(state, (s) => kernel.applyDense(s, n, { kind: "dense", qubits, matrix }));
        expect(maxDiff(generic, expected)).toBeLessThan(tol);
        const op = lowerGate(gate, qubits, params);
        const fast = on(state, (s) => {
          if (op) kernel.apply(s, n, op);
        });
        expect(maxDiff(fast, generic)).toBeLessThan(tol);
      }
    });

    it("every specialised kernel matches the generic one on random matrices", () => {
      const rng = createPrng(77);
      const randomMatrix = (k: number) =>
        Float64Array.from({ length: 2 * 4 ** k }, () => rng.nextDouble() - 0.5);
      for (let trial = 0; trial < 20; trial++) {
        const state = randomState(n, rng);
        const check = (qubits: number[], matrix: Float64Array, applyFast: (s: Amplitudes) => void) => {
          const a = on(state, (s) => kernel.applyDense(s, n, { kind: "dense", qubits, matrix }));
          const b = on(state, applyFast);
          expect(maxDiff(a, b)).toBeLessThan(tol);
        };
        const [q0, q1, q2, q3, q4] = pickQubits(5, n, rng);
        for (const k of [3, 4]) {
          const qs = pickQubits(k, n, rng);
          const m = randomMatrix(k);
          const a = on(state, (s) => kernel.applyDense(s, n, { kind: "dense", qubits: qs, matrix: m }));
          expect(maxDiff(a, referenceApply(state, n, m, qs))).toBeLessThan(tol * 10);
        }
        const m1 = randomMatrix(1);
        check([q0], m1, (s) => kernel.applyDense1(s, n, { kind: "dense1", qubit: q0, matrix: m1 }));
        const m2 = randomMatrix(2);
        check([q0, q1], m2, (s) =>
          kernel.applyDense2(s, n, { kind: "dense2", qubits: [q0, q1], matrix: m2 }),
        );
        // controlled: identity on the control-off block, the target matrix on the all-ones block
        for (const [controls, targets] of [
          [[q0], [q1]],
          [[q0, q1, q2], [q3]],
          [[q0], [q1, q2]],
          [
            [q0, q1],
            [q2, q3],
          ],
          [
            [q4, q0, q1],
            [q2, q3],
          ],
        ] as const) {
          const t = randomMatrix(targets.length);
          const k = controls.length + targets.length;
          const full = new Float64Array(2 * 4 ** k);
          const d = 1 << k;
          const dt = 1 << targets.length;
          const all = (1 << controls.length) - 1;
          for (let i = 0; i < d; i++) if ((i & all) !== all) full[2 * (i * d + i)] = 1;
          for (let r = 0; r < dt; r++)
            for (let c = 0; c < dt; c++) {
              const R = (r << controls.length) | all;
              const C = (c << controls.length) | all;
              full[2 * (R * d + C)] = t[2 * (r * dt + c)];
              full[2 * (R * d + C) + 1] = t[2 * (r * dt + c) + 1];
            }
          check([...controls, ...targets], full, (s) =>
            kernel.applyControlled(s, n, { kind: "controlled", controls, targets, matrix: t }),
          );
        }
        for (const qubits of [[q0], [q1, q0], [q2, q0, q3]]) {
          const k = qubits.length;
          const diag = Float64Array.from({ length: 2 << k }, () => rng.nextDouble() - 0.5);
          if (trial % 2 === 0) [diag[0], diag[1]] = [1, 0];
          const d = 1 << k;
          const full = new Float64Array(2 * d * d);
          for (let i = 0; i < d; i++) {
            full[2 * (i * d + i)] = diag[2 * i];
            full[2 * (i * d + i) + 1] = diag[2 * i + 1];
          }
          check(qubits, full, (s) => kernel.applyDiagonal(s, n, { kind: "diagonal", qubits, diag }));
        }
      }
    });

    it("structured matrices (monomial, two blocks) and diagonals on any qubits: the structured kernels = the dense TypeScript kernel = reference", () => {
      const rng = createPrng(83);
      let structured = 0;
      for (let trial = 0; trial < 24; trial++) {
        const state = randomState(n, rng);
        const check = (op: KernelOp) => {
          const got = on(state, (s) => kernel.apply(s, n, op));
          const qubits = opQubits(op);
          const dense = runOn(tsKernel, n, precision, state, (s) =>
            tsKernel.applyDense(s, n, { kind: "dense", qubits, matrix: opMatrix(op) }),
          );
          expect(maxDiff(got, dense) / largest(dense)).toBeLessThan(tol);
          const want = referenceApply(state, n, opMatrix(op), qubits);
          expect(maxDiff(got, want) / largest(want)).toBeLessThan(tol * 10);
        };
        // Qubits 0 and 1 (the lane bits) among the targets in some trials: those take the dense lane kernels.
        const qs =
          trial % 4 === 0
            ? [0, 1, ...pickQubits(n, n, rng).filter((q) => q > 1)].slice(0, 4)
            : pickQubits(4, n, rng);
        for (const kind of ["monomial", "blocks"] as const) {
          const matrix = structuredMatrix(rng, kind);
          expect(matrixStructure(matrix)?.kind).toBe(kind);
          structured++;
          check({ kind: "dense2", qubits: [qs[0], qs[1]], matrix });
          check({ kind: "dense2", qubits: [qs[2], qs[1]], matrix });
          check({ kind: "controlled", controls: [qs[3]], targets: [qs[1], qs[2]], matrix });
          if (kind === "monomial") {
            const real = Float64Array.from(matrix, (x, i) => (i % 2 ? 0 : x));
            check({ kind: "dense2", qubits: [qs[2], qs[3]], matrix: real, real: true });
          }
        }
        for (const k of [1, 2, 3, 4]) {
          const diag = Float64Array.from({ length: 2 << k }, () => rng.nextDouble() - 0.5);
          check({ kind: "diagonal", qubits: qs.slice(0, k), diag });
        }
      }
      expect(structured).toBe(48);
    });

    it("2-qubit products of a 1-qubit gate and a diagonal or permutation, on qubits 0 and 1 too: = the dense TypeScript kernel = reference", () => {
      // The sparse lane kernels (apply-wasm.ts, sparseLaneMatrix) take these when one target is a lane bit.
      const rng = createPrng(89);
      // A random 2×2 matrix with exact zeros off the diagonal (diag2) or on it (perm2).
      const random2 = (zeros: readonly number[] = []) =>
        Float64Array.from({ length: 8 }, (_, i) => (zeros.includes(i >> 1) ? 0 : rng.nextDouble() - 0.5));
      const diag2 = () => random2([1, 2]);
      const perm2 = () => random2([0, 3]);
      for (let trial = 0; trial < 8; trial++) {
        const state = randomState(n, rng);
        const lane = trial % 2;
        const high = 2 + (rng.nextUint32() % (n - 2));
        for (const [a, b] of [
          [random2(), diag2()],
          [random2(), perm2()],
          [diag2(), random2()],
          [perm2(), random2()],
        ]) {
          // a on qubits[0], b on qubits[1] (matrix index bit j = qubits[j]).
          const matrix = kron2(b, a);
          for (const qubits of [
            [lane, high],
            [high, lane],
          ]) {
            const op: KernelOp = { kind: "dense2", qubits: [qubits[0], qubits[1]], matrix };
            const got = on(state, (s) => kernel.apply(s, n, op));
            const dense = runOn(tsKernel, n, precision, state, (s) =>
              tsKernel.applyDense(s, n, { kind: "dense", qubits, matrix }),
            );
            expect(maxDiff(got, dense) / largest(dense)).toBeLessThan(tol);
            const want = referenceApply(state, n, matrix, qubits);
            expect(maxDiff(got, want) / largest(want)).toBeLessThan(tol * 10);
          }
        }
      }
    });

    it("the real-matrix kernels match the complex ones on real matrices, on every op shape", () => {
      const rng = createPrng(79);
      const realMatrix = (k: number) =>
        Float64Array.from({ length: 2 * 4 ** k }, (_, i) => (i % 2 ? 0 : rng.nextDouble() - 0.5));
      for (let trial = 0; trial < 24; trial++) {
        const state = randomState(n, rng);
        const check = (op: KernelOp) => {
          const complex = on(state, (s) => kernel.apply(s, n, { ...op, real: false } as KernelOp));
          const real = on(state, (s) => kernel.apply(s, n, op));
          expect(maxDiff(real, complex)).toBeLessThan(tol);
          const want = referenceApply(state, n, opMatrix(op), opQubits(op));
          expect(maxDiff(real, want) / largest(want)).toBeLessThan(tol * 10);
        };
        // Qubit 0 and 1 among the targets in some trials (the lane kernels' in-vector pairs), controls too.
        const qs =
          trial % 3 === 0
            ? [0, 1, ...pickQubits(n, n, rng).filter((q) => q > 1)].slice(0, 5)
            : pickQubits(5, n, rng);
        check({ kind: "dense1", qubit: qs[0], matrix: realMatrix(1), real: true });
        check({ kind: "dense2", qubits: [qs[0], qs[1]], matrix: realMatrix(2), real: true });
        check({ kind: "dense2", qubits: [qs[1], qs[2]], matrix: realMatrix(2), real: true });
        for (const k of [3, 4])
          check({ kind: "dense", qubits: qs.slice(0, k), matrix: realMatrix(k), real: true });
        check({ kind: "controlled", controls: [qs[0]], targets: [qs[1]], matrix: realMatrix(1), real: true });
        check({
          kind: "controlled",
          controls: [qs[2]],
          targets: [qs[0], qs[1]],
          matrix: realMatrix(2),
          real: true,
        });
        check({
          kind: "controlled",
          controls: [qs[0], qs[1]],
          targets: [qs[2]],
          matrix: realMatrix(1),
          real: true,
        });
      }
    });

    it("cache blocking: a blocked run gives the state of the same ops one by one (exactly in complex128)", () => {
      const rng = createPrng(91);
      for (const b of [1, 2, 4, n - 1]) {
        // Runs below b, broken by ops on any of the n qubits (which sweep the whole state).
        const ops: KernelOp[] = [];
        for (let i = 0; i < 40; i++) ops.push(randomKernelOp(rng, i % 9 === 8 ? n : b));
        const state = randomState(n, rng);
        // No remapping (the lowest swappable qubit is b); gates on disjoint qubits may move ahead, so compare
        // with the same ops one by one in the scheduled order.
        const sweeps = scheduleBlocks(ops, n, b, b);
        expect(sweeps.some((s) => s.kind === "blocked")).toBe(true);
        expect(sweeps.some((s) => s.kind === "swap")).toBe(false);
        const scheduled = sweeps.flatMap((s) =>
          s.kind === "blocked" ? s.ops : s.kind === "op" ? [s.op] : [],
        );
        const oneByOne = on(state, (s) => {
          for (const op of scheduled) kernel.apply(s, n, op);
        });
        const blocked = on(state, (s) => applySweeps(kernel, s, n, sweeps, b));
        // Each group sees the same arithmetic as unblocked, except where a chunk is too small for the kernel the
        // whole state uses (complex64 quads need qubits 0 and 1 in the chunk): then only the rounding differs.
        if (precision === "double") expect(maxDiff(blocked, oneByOne)).toBe(0);
        else expect(maxDiff(blocked, oneByOne) / largest(oneByOne)).toBeLessThan(tol);
        let want = state;
        for (const op of ops) want = referenceApply(want, n, opMatrix(op), opQubits(op));
        expect(maxDiff(blocked, want) / largest(want)).toBeLessThan(tol * 10);
      }
    });

    it("gathered passes give the state of the same ops one by one", () => {
      const rng = createPrng(95);
      for (const b of [2, 6, n - 1, n]) {
        const ops = Array.from({ length: 40 }, () => randomKernelOp(rng, n));
        const sweeps = scheduleGathered(ops, n, b);
        expect(sweeps.every((s) => s.kind === "gathered")).toBe(true);
        const state = randomState(n, rng);
        const oneByOne = on(state, (s) => {
          for (const op of ops) kernel.apply(s, n, op);
        });
        const gathered = on(state, (s) => applySweeps(kernel, s, n, sweeps, b));
        // Commuting ops may run in another order: equal up to rounding.
        expect(maxDiff(gathered, oneByOne) / largest(oneByOne)).toBeLessThan(tol * 10);
      }
    });

    it("strided passes (chunks not contiguous, in place where the kernel walks them) give the state of the same ops one by one", () => {
      const rng = createPrng(97);
      let strided = 0;
      for (const b of [4, 5, n - 1])
        for (const minRun of [2, 3]) {
          // Ops on at most 2 qubits (fused gates' width), on any of the n qubits.
          const ops = Array.from({ length: 60 }, () => randomKernelOp(rng, n)).filter(
            (op) => opQubits(op).length <= 2,
          );
          const sweeps = scheduleStrided(ops, n, b, minRun);
          expect(sweeps.every((s) => s.kind === "strided")).toBe(true);
          strided += sweeps.filter((s) => s.kind === "strided" && s.qubits.some((q, i) => q !== i)).length;
          const scheduled = sweeps.flatMap((s) => (s.kind === "strided" ? s.ops : []));
          const state = randomState(n, rng);
          const oneByOne = on(state, (s) => {
            for (const op of scheduled) kernel.apply(s, n, op);
          });
          const got = on(state, (s) => applySweeps(kernel, s, n, sweeps, b));
          // Each group sees the arithmetic of the same op on the whole state, except where a (sub-)chunk is too
          // small for the kernel the whole state uses (complex64 quads): then only the rounding differs.
          if (precision === "double") expect(maxDiff(got, oneByOne)).toBe(0);
          else expect(maxDiff(got, oneByOne) / largest(oneByOne)).toBeLessThan(tol);
          let want = state;
          for (const op of ops) want = referenceApply(want, n, opMatrix(op), opQubits(op));
          expect(maxDiff(got, want) / largest(want)).toBeLessThan(tol * 10);
        }
      expect(strided).toBeGreaterThan(0);
    });

    it("swaps qubit pairs: amplitude i moves to i with the bits of each pair exchanged", () => {
      const state = randomState(n, createPrng(17));
      const init = on(state, () => {});
      for (const pairs of [
        [[0, n - 1]],
        [[1, n - 2]],
        [
          [0, n - 1],
          [1, n - 2],
          [2, n - 3],
        ],
        [[2, 3]],
      ] as Array<Array<[number, number]>>) {
        const got = on(state, (s) => (kernel.swapQubitPairs?.bind(kernel) ?? swapQubitPairsTs)(s, n, pairs));
        for (let i = 0; i < 1 << n; i++) {
          let j = i;
          for (const [a, c] of pairs) {
            const [ba, bc] = [(i >> a) & 1, (i >> c) & 1];
            j = (j & ~((1 << a) | (1 << c))) | (bc << a) | (ba << c);
          }
          expect(got[2 * j]).toBe(init[2 * i]);
          expect(got[2 * j + 1]).toBe(init[2 * i + 1]);
        }
      }
    });

    it("cache blocking with qubit remapping gives exactly the state of the same ops one by one", () => {
      const rng = createPrng(93);
      let swaps = 0;
      for (const b of [2, 4, 5]) {
        const ops = Array.from({ length: 40 }, () => randomKernelOp(rng, n));
        const sweeps = scheduleBlocks(ops, n, b, 1);
        swaps += sweeps.filter((s) => s.kind === "swap").length;
        const state = randomState(n, rng);
        const oneByOne = on(state, (s) => {
          for (const op of ops) kernel.apply(s, n, op);
        });
        const scheduled = on(state, (s) => applySweeps(kernel, s, n, sweeps, b));
        // Commuting ops may run in another order: equal up to rounding.
        expect(maxDiff(scheduled, oneByOne) / largest(oneByOne)).toBeLessThan(tol * 10);
      }
      expect(swaps).toBeGreaterThan(0);
    });

    it("sums |amplitude|² over the whole state and, where the kernel has them, over blocks", () => {
      const init = randomState(n, createPrng(8));
      let norm = 0;
      const blocks: number[] = [];
      const want = on(init, () => {});
      for (let i = 0; i < want.length; i += 8)
        blocks.push(want.slice(i, i + 8).reduce((a, x) => a + x * x, 0));
      for (const x of want) norm += x * x;
      on(init, (s) => {
        expect(Math.abs(kernel.normSquared(s, n) - norm)).toBeLessThan(tol);
        const got = kernel.blockNorms?.(s, n, 4);
        if (got) expect(maxDiff(got, Float64Array.from(blocks))).toBeLessThan(tol);
      });
    });

    it("measures and collapses", () => {
      const rng = createPrng(5);
      const state = Float64Array.from(on(randomState(n, rng), () => {}));
      for (let q = 0; q < n; q++) {
        let p1 = 0;
        for (let i = 0; i < 1 << n; i++) if ((i >> q) & 1) p1 += state[2 * i] ** 2 + state[2 * i + 1] ** 2;
        const p1k = on(state, (s) => {
          s[0] = kernel.probabilityOne(s, n, q);
        })[0];
        expect(Math.abs(p1k - p1)).toBeLessThan(tol);
        for (const outcome of [0, 1] as const) {
          const p = outcome ? p1 : 1 - p1;
          for (const reset of [false, true]) {
            let norm = 0;
            const s = on(state, (x) => {
              kernel.collapse(x, n, q, outcome, 1 / Math.sqrt(p), reset);
              norm = kernel.normSquared(x, n);
            });
            expect(Math.abs(norm - 1)).toBeLessThan(tol);
            const bitAfter = reset ? 0 : outcome;
            for (let i = 0; i < 1 << n; i++) {
              const bit = (i >> q) & 1;
              const src = reset ? i | (outcome << q) : i;
              const want = bit === bitAfter ? state[2 * src] / Math.sqrt(p) : 0;
              expect(Math.abs(s[2 * i] - want)).toBeLessThan(tol);
            }
          }
        }
      }
    });
  });
}
