import { describe, expect, it } from "vitest";
import { kernelConformanceSuite } from "../../../test/helpers/kernel-conformance.js";
import { randomCircuit } from "../../circuit/random.js";
import { TOL } from "../../circuit/testing.js";
import { simulate } from "../simulate.js";
import { WasmKernel, wasmKernelBuild } from "./apply-wasm.js";
import { wasmKernel } from "./select.js";
import { chunking, useNodeThreads } from "./threads-node.js";

// Threshold 0: even the small test states are split over the workers.
useNodeThreads(0);
const wasm = wasmKernel()!;

it("has WebAssembly SIMD and shared memory in Node", () => {
  expect(wasm).not.toBeNull();
});

describe("chunking", () => {
  it("covers every group exactly once, on boundaries aligned as asked", () => {
    for (const [groups, threads, align] of [
      [1, 2, 1],
      [7, 3, 1],
      [64, 3, 2],
      [2, 4, 2],
      [4, 4, 4],
      [2 ** 20, 2, 2],
      [2 ** 20, 3, 4],
      [2 ** 29, 2, 1],
    ] as const) {
      const { size, count } = chunking(groups, threads, align);
      expect(size % align).toBe(0);
      expect((count - 1) * size).toBeLessThan(groups);
      expect(count * size).toBeGreaterThanOrEqual(groups);
      expect(count).toBeLessThanOrEqual(threads * 8);
    }
  });
});

for (const threads of [2, 3])
  for (const precision of ["double", "single"] as const)
    kernelConformanceSuite("wasm", () => wasm, precision, 7, threads);

it("runs the relaxed-SIMD build of the kernels once useNodeThreads has turned relaxed SIMD on", () => {
  expect(wasmKernelBuild()).toBe("relaxed-simd");
});

// Both builds, explicitly: the plain SIMD one is what engines without relaxed SIMD run.
for (const build of ["simd", "relaxed-simd"] as const)
  for (const threads of [1, 2])
    for (const precision of ["double", "single"] as const)
      kernelConformanceSuite(`wasm ${build} build`, () => new WasmKernel(build), precision, 7, threads);

// States kept outside the arena (as above 4 GiB), every gate run gathered: single ops on chunks of 4 qubits, so
// the gathers copy many short runs.
for (const threads of [1, 2])
  for (const precision of ["double", "single"] as const)
    kernelConformanceSuite(
      "wasm gathered",
      () => new WasmKernel(wasmKernelBuild(), { arenaStateBytes: 0, gatherQubits: 4 }),
      precision,
      7,
      threads,
    );

// Blocked runs with their second level on sub-chunks of 3 qubits (the default is an L2's worth), so the small
// states of the suite run it.
for (const threads of [1, 2])
  for (const precision of ["double", "single"] as const)
    kernelConformanceSuite(
      "wasm sub-blocked",
      () => new WasmKernel(wasmKernelBuild(), { subBlockQubits: 3 }),
      precision,
      7,
      threads,
    );

describe("threaded simulation", () => {
  it("gives the same state on 1, 2 and 4 threads", () => {
    const c = randomCircuit({ numQubits: 12, depth: 8, seed: 11 });
    const states = [1, 2, 4].map(
      (threads) => simulate(c, { shots: 1, seed: 0, statevector: true, threads }).statevector!,
    );
    for (const s of states.slice(1))
      for (let i = 0; i < s.length; i++) {
        expect(Math.abs(s[i][0] - states[0][i][0])).toBeLessThan(TOL.exact);
        expect(Math.abs(s[i][1] - states[0][i][1])).toBeLessThan(TOL.exact);
      }
  });
});

describe("state set-up and norm in WASM", () => {
  // 17 qubits: above the sizes where createState zeroes and normSquared reads in WASM (apply-wasm.ts).
  const n = 17;
  for (const threads of [1, 2])
    for (const precision of ["double", "single"] as const)
      it(`creates |0…0⟩ over a used arena and reads its norm² (${precision}, ${threads} thread(s))`, () => {
        const k = new WasmKernel();
        k.setThreads(threads);
        const dirty = k.createState(n, precision);
        for (let i = 0; i < dirty.length; i++) dirty[i] = ((i * 7919) % 13) / 13 - 0.5;
        let expected = 0;
        for (let i = 0; i < dirty.length; i++) expected += dirty[i] * dirty[i];
        expect(k.normSquared(dirty, n)).toBeCloseTo(expected, 6);
        const fresh = k.createState(n, precision);
        expect(fresh[0]).toBe(1);
        let nonzero = 0;
        for (let i = 1; i < fresh.length; i++) if (fresh[i] !== 0) nonzero++;
        expect(nonzero).toBe(0);
        expect(k.normSquared(fresh, n)).toBe(1);
      });
});
