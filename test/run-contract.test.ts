// One run JSON contract (issue 14, item 5; issue 15, item 5): `qfit run --json` prints what the library's run
// function returns, and the HTTP API's request (validated by its schema, defaults filled in) goes through the
// same function, so the two answers agree field by field — ideal runs and `--device` runs — apart from the
// measured times. Both run in this process, so they use the same thread count.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulateRequestSchema } from "../src/api/schemas.js";
import { simulateQasm } from "../src/api/simulate-qasm.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { RUN_DEFAULTS } from "../src/run/options.js";

const BELL = readFileSync(new URL("../examples/bell.qasm", import.meta.url), "utf8");

async function cli(args: string[]): Promise<Record<string, unknown>> {
  const io = memoryIo({ "bell.qasm": BELL });
  const code = await main(["run", "bell.qasm", "--json", ...args], io);
  expect(code, io.err).toBe(0);
  return JSON.parse(io.out);
}

/** The API as the server worker calls it: the request body through the API's schema, then the run. */
function api(body: Record<string, unknown>): Record<string, unknown> {
  const { qasm, ...options } = simulateRequestSchema.parse({ qasm: BELL, ...body });
  // JSON round trip: the server sends it as JSON text.
  return JSON.parse(JSON.stringify(simulateQasm(qasm, { ...options, filename: "bell.qasm", maxQubits: 24 })));
}

/** Every leaf as path → value, times replaced by their type (they are measured, not computed). */
function leaves(x: unknown, path = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (x !== null && typeof x === "object")
    for (const [k, v] of Object.entries(x)) leaves(v, `${path}/${k}`, out);
  else out.set(path, path.startsWith("/timing/") ? typeof x : x);
  return out;
}

function expectSameFields(a: Record<string, unknown>, b: Record<string, unknown>): void {
  const la = leaves(a);
  const lb = leaves(b);
  expect([...la.keys()].sort()).toEqual([...lb.keys()].sort());
  for (const [k, v] of la) expect(lb.get(k), k).toEqual(v);
}

describe("one run contract: CLI and API agree field by field", () => {
  it("with the defaults: no probability table unless asked, the same shots", async () => {
    const a = await cli(["--seed", "7"]);
    const b = api({ seed: 7 });
    expectSameFields(a, b);
    expect(a.probabilities).toBeUndefined();
    expect(a.shots).toBe(RUN_DEFAULTS.shots);
    expect(Object.keys(a.timing as object).sort()).toEqual(["parseMs", "simulateMs"]);
    expect(a.warnings).toEqual([]);
  });

  it("with probabilities, top and single precision", async () => {
    const a = await cli([
      "--seed",
      "3",
      "--shots",
      "200",
      "--probabilities",
      "--top",
      "1",
      "--precision",
      "single",
    ]);
    const b = api({ seed: 3, shots: 200, probabilities: true, top: 1, precision: "single" });
    expectSameFields(a, b);
    expect(Object.keys(a.probabilities as object)).toEqual(["00"]);
  });

  it("with --device: the noisy run, with timing and warnings on both sides", async () => {
    const a = await cli(["--seed", "11", "--shots", "300", "--device", "ibm-heron-r2"]);
    const b = api({ seed: 11, shots: 300, device: "ibm-heron-r2" });
    expectSameFields(a, b);
    expect(a.device).toBeDefined();
    expect(a.counts).toEqual((a.noisy as { counts: unknown }).counts);
    expect(typeof (a.timing as { simulateMs: unknown }).simulateMs).toBe("number");
    expect(a.warnings).toEqual([]);
  });
});
