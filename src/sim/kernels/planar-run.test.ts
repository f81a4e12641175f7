import { describe, expect, it } from "vitest";
import { randomCircuit } from "../../circuit/random.js";
import { applySweeps } from "../blocking.js";
import { plan } from "../plan.js";
import { planarRun, WasmKernel, wasmKernelBuild } from "./apply-wasm.js";
import { useNodeThreads } from "./threads-node.js";

// Planar runs (apply-wasm.ts, planarRun): inside a blocked run of complex64 lane kernels the chunk is kept in
// planar quads from the first op to the last. The kernels do the same multiply-adds in the same order either
// way (only the shuffles move), so the state must be the interleaved run's bit for bit.
useNodeThreads(0);

/** A blockRun table of `kinds` (low byte of word 0) and control masks, variant 8 (the dense 2-high kernel). */
function table(kinds: number[], ctrls: number[] = kinds.map(() => 0)): Uint32Array {
  const t = new Uint32Array(8 * kinds.length);
  kinds.forEach((k, i) => {
    t[8 * i] = k;
    t[8 * i + 3] = ctrls[i];
    t[8 * i + 4] = 8;
  });
  return t;
}
const variants = (t: Uint32Array) => Array.from({ length: t.length / 8 }, (_, i) => t[8 * i + 4]);

describe("planarRun", () => {
  it("makes the first op write planar, the middle ones read and write planar, the last read planar", () => {
    const t = table([6, 6 | (3 << 8), 6, 6]);
    expect(planarRun(t, 4)).toBe(true);
    expect(variants(t)).toEqual([8 + 128, 8 + 64 + 128, 8 + 64 + 128, 8 + 64]);
  });

  it("leaves a run interleaved when it cannot keep every amplitude planar", () => {
    for (const t of [
      table([6]), // one op: nothing to save
      table([6, 6, 6], [4, 0, 0]), // the first op has a control: it would not convert every amplitude
      table([6, 6, 6], [0, 0, 2]), // the last op has one
      table([6, 4, 6]), // a diagonal kernel reads interleaved pairs
      table([6, 7]), // a complex128 duo
    ]) {
      const before = variants(t);
      expect(planarRun(t, t.length / 8)).toBe(false);
      expect(variants(t)).toEqual(before);
    }
    // A control bit on an op in the middle is fine: the amplitudes it skips stay planar for the next op.
    expect(planarRun(table([6, 6, 6], [0, 8, 0]), 3)).toBe(true);
  });
});

describe("planar runs give the interleaved runs' state bit for bit", () => {
  const cases = [
    { name: "strided chunks", n: 12, block: 8, sub: undefined },
    { name: "strided chunks with sub-chunk runs", n: 14, block: 8, sub: 5 },
  ];
  for (const { name, n, block, sub } of cases)
    for (const threads of [1, 2])
      it(`${name}, ${threads} thread(s)`, () => {
        const c = randomCircuit({ numQubits: n, depth: 14, seed: 40 + n + block });
        const p = plan(c, { precision: "single", blockQubits: block, threads, kernel: "wasm" });
        const strided = p.sweeps!.filter((s) => s.kind === "strided" || s.kind === "blocked");
        expect(strided.length).toBeGreaterThan(0);
        const states = [false, true].map((planarRuns) => {
          const k = new WasmKernel(wasmKernelBuild(), { planarRuns, subBlockQubits: sub });
          k.setThreads(threads);
          const s = k.createState(n, "single");
          applySweeps(k, s, n, p.sweeps!, p.blockQubits);
          return Float32Array.from(s);
        });
        expect(states[1]).toEqual(states[0]);
        // And it is a real state: the run did not leave planar quads behind (norm 1, as op by op).
        const k = new WasmKernel(wasmKernelBuild());
        const s = k.createState(n, "single");
        for (const st of p.steps) if (st.kind === "unitary") k.apply(s, n, st.op);
        let worst = 0;
        for (let i = 0; i < s.length; i++) worst = Math.max(worst, Math.abs(s[i] - states[1][i]));
        expect(worst).toBeLessThan(1e-5);
      });
});
