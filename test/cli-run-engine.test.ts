// `qfit run` engine flags (issue 5): --kernel, --precision, --threads, --fusion / --no-fusion, --block-qubits.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { randomCircuit } from "../src/circuit/random.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { toQasm } from "../src/qasm/index.js";

const files = {
  "bell.qasm": readFileSync(new URL("../examples/bell.qasm", import.meta.url), "utf8"),
  "random12.qasm": toQasm(randomCircuit({ numQubits: 12, depth: 10, seed: 4 })),
};

async function run(args: string[]) {
  const io = memoryIo(files, "");
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

const base = ["run", "bell.qasm", "--json", "--seed", "3", "--probabilities"];

describe("qfit run engine options", () => {
  it("defaults to the WASM kernel, double precision, fusion, every core", async () => {
    const j = JSON.parse((await run(base)).out);
    expect(j.engine).toMatchObject({ kernel: "wasm", precision: "double" });
    expect(j.engine.threads).toBeGreaterThanOrEqual(1);
    expect(j.engine.fusion.maxQubits).toBeGreaterThan(0);
    expect(j.engine.passes).toBeLessThan(j.engine.fusion.gatesIn);
  });

  it("gives the same counts and probabilities with every kernel, precision, thread count and fusion", async () => {
    const ref = JSON.parse((await run(base)).out);
    for (const extra of [
      ["--kernel", "ts"],
      ["--no-fusion"],
      ["--fusion", "1"],
      ["--threads", "1"],
      ["--threads", "3", "--fusion", "4"],
      ["--precision", "single"],
    ]) {
      const j = JSON.parse((await run([...base, ...extra])).out);
      expect(j.counts, extra.join(" ")).toEqual(ref.counts);
      for (const [k, p] of Object.entries(ref.probabilities))
        expect(Math.abs(j.probabilities[k] - (p as number))).toBeLessThan(1e-6);
    }
    const off = JSON.parse((await run([...base, "--no-fusion"])).out);
    expect(off.engine.fusion).toEqual({ maxQubits: 0, gatesIn: 2, gatesOut: 2 });
    const single = JSON.parse((await run([...base, "--precision", "single"])).out);
    expect(single.engine.precision).toBe("single");
    expect(single.notes.join(" ")).toMatch(/single precision: the final norm² differs from 1 by/);
  });

  it("blocks in cache with --block-qubits: fewer passes, the same probabilities, 0 turns it off", async () => {
    const args = ["run", "random12.qasm", "--json", "--seed", "1", "--probabilities"];
    const off = JSON.parse((await run([...args, "--block-qubits", "0"])).out);
    const on = JSON.parse((await run([...args, "--block-qubits", "7"])).out);
    expect(off.engine.blockQubits).toBe(0);
    expect(on.engine.blockQubits).toBe(7);
    expect(on.engine.passes).toBeLessThan(off.engine.passes);
    for (const [k, p] of Object.entries(off.probabilities))
      expect(Math.abs(on.probabilities[k] - (p as number))).toBeLessThan(1e-12);
    const human = await run(["run", "random12.qasm", "--block-qubits", "7"]);
    expect(human.out).toContain("blocked in 2^7 amplitudes");
  });

  it.each([
    [["--block-qubits", "31"], "from 0 to 30"],
    [["--kernel", "gpu"], "ts or wasm"],
    [["--precision", "half"], "single or double"],
    [["--threads", "0"], "from 1 to 256"],
    [["--fusion", "9"], "from 1 to 4"],
  ])("refuses %j with exit 2", async (extra, expected) => {
    const r = await run([...base, ...extra]);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain(expected);
    expect(r.out + r.err).toContain("CLI.InvalidOption");
  });
});
