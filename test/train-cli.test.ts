// `qfit train` through the CLI entry point: the JSON contract, the text view and exit codes for bad input.
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

async function run(args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe("qfit train", () => {
  it("prints the JSON contract, with device fields when a device is named", async () => {
    const r = await run([
      "train",
      "--task",
      "moons",
      "--model",
      "quantum",
      "--qubits",
      "2",
      "--layers",
      "1",
      "--epochs",
      "2",
      "--train-size",
      "20",
      "--shots",
      "100",
      "--device",
      "ibm-fez",
      "--seed",
      "4",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.task).toBe("moons");
    expect(j.model).toBe("quantum");
    expect(j.seed).toBe(4);
    expect(j.losses).toHaveLength(2);
    expect(j.heldOutLosses).toHaveLength(2);
    expect(j.accuracy).toBeGreaterThanOrEqual(0);
    expect(j.heldOutAccuracy).toBeLessThanOrEqual(1);
    for (const k of [
      "parameters",
      "steps",
      "circuitExecutions",
      "shots",
      "wallSeconds",
      "flops",
      "deviceSeconds",
      "deviceUsd",
    ])
      expect(typeof j.ledger[k]).toBe("number");
    expect(j.ledger.shots).toBe(100 * j.ledger.circuitExecutions);
    expect(j.ledger.device).toBe("ibm-fez");
    expect(j.unverified.join(" ")).toMatch(/repetition delay/);
  });

  it("prints curves and the ledger for the classical model", async () => {
    const r = await run(["train", "--model", "classical", "--epochs", "3"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/held-out loss/);
    expect(r.out).toMatch(/classical FLOPs/);
    expect(r.out).not.toMatch(/circuit executions/);
  });

  it("has --help", async () => {
    const r = await run(["train", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--task <name>/);
    expect(r.out).toMatch(/--device <name>/);
  });

  it.each([
    [["train", "--qubits", "0"], /--qubits/],
    [["train", "--shots", "-5"], /--shots/],
    [["train", "--device", "no-such-qpu"], /unknown qpu/],
    [["train", "--task", "poetry"], /unknown task/],
    [["train", "--model", "neural"], /unknown model/],
    [["train", "--model", "classical", "--device", "ibm-fez"], /quantum model only/],
    [["train", "--epochs", "1e9"], /--epochs/],
  ])("exits 2 for %j", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });
});
