// Determinism across thread counts (issue 15): the same seed gives the same counts whatever the number of threads,
// in single precision as in double. Why it holds: threads split each gate's amplitude groups into contiguous chunks
// and every amplitude is computed by the same operations in the same order whichever thread computes it; the plan
// (fusion, blocking) does not depend on the thread count; and the sampler sums fixed blocks of 32 amplitudes in
// index order. So the final state is bit-identical, and so are the samples drawn from it.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

const DIR = new URL("./fixtures/qasmbench/", import.meta.url);
/** The fixtures of up to 18 qubits (states up to 4 MiB), so three thread counts in two precisions stay quick. */
const SMALL = /_n([3-9]|1[0-8])\.qasm$/;
const files = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => SMALL.test(f))
    .map((f) => [f, readFileSync(new URL(f, DIR), "utf8")]),
);

async function counts(file: string, precision: string, threads: number): Promise<unknown> {
  const io = memoryIo(files);
  const args = ["run", file, "--json", "--seed", "11", "--shots", "4096", "--precision", precision];
  const code = await main([...args, "--threads", String(threads)], io);
  expect(code, io.err).toBe(0);
  return JSON.parse(io.out).counts;
}

describe("counts do not depend on the thread count", () => {
  for (const precision of ["single", "double"]) {
    it(`${precision} precision: ${Object.keys(files).length} QASMBench circuits, 1, 2 and 3 threads`, async () => {
      for (const file of Object.keys(files)) {
        const one = await counts(file, precision, 1);
        expect(await counts(file, precision, 2), `${file} 2 threads`).toEqual(one);
        expect(await counts(file, precision, 3), `${file} 3 threads`).toEqual(one);
      }
    });
  }
});
