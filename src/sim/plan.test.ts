import { describe, expect, it } from "vitest";
import { CircuitBuilder } from "../circuit/builder.js";
import type { Circuit } from "../circuit/ir.js";
import { isQfitError, type QfitError } from "../errors.js";
import { wasmKernel } from "./kernels/select.js";
import { findTerminalMeasurements, formatBytes, lowerGate, MAX_SHOTS, plan } from "./plan.js";
import { SAMPLE_BLOCK } from "./sampling.js";
import { simulate } from "./simulate.js";

function caught(f: () => unknown): QfitError {
  try {
    f();
  } catch (e) {
    if (isQfitError(e)) return e;
    throw e;
  }
  throw new Error("expected a QfitError");
}

const wide = (n: number): Circuit =>
  new CircuitBuilder().qreg("q", n).creg("c", 1).h(0).measure(0, 0).build();

describe("memory guard", () => {
  it("refuses a 40-qubit circuit with Sim.TooManyQubits, naming the bytes, before allocating", () => {
    const e = caught(() => simulate(wide(40)));
    expect(e.code).toBe("Sim.TooManyQubits");
    expect(e.userError).toBe(true);
    expect(e.message).toMatch(/40-qubit/);
    expect(e.message).toMatch(/16 TiB/);
    expect(e.hint).toMatch(/a 40-qubit statevector needs 16 TiB; the limit is 4 GiB/);
  });

  it("names the limit and where it came from in the hint", () => {
    const e = caught(() =>
      plan(wide(34), { maxMemoryBytes: 23 * 1024 ** 3, memoryLimitLabel: "free system memory" }),
    );
    expect(e.hint).toBe(
      "a 34-qubit statevector needs 256 GiB; the limit is 23 GiB (free system memory); use --max-memory to change it",
    );
  });

  it("counts sampling and output buffers, not only the statevector", () => {
    const p = plan(wide(10), { shots: 1000, probabilities: true, statevector: true });
    expect(p.memory.statevectorBytes).toBe(16 * 1024);
    expect(p.memory.samplingBytes).toBe(8 * 1000 + 8 * (1024 / SAMPLE_BLOCK));
    expect(p.memory.totalBytes).toBeGreaterThan(p.memory.statevectorBytes + p.memory.samplingBytes);
    // just above the statevector alone is not enough once sampling is counted
    const e = caught(() => plan(wide(10), { shots: 100_000, maxMemoryBytes: 16 * 1024 + 1024 }));
    expect(e.code).toBe("Sim.TooManyQubits");
  });

  it("refuses beyond what the typed-array kernels can index, even with memory to spare", () => {
    const e = caught(() => plan(wide(31), { maxMemoryBytes: 2 ** 50 }));
    expect(e.code).toBe("Sim.TooManyQubits");
    expect(e.message).toMatch(/30-qubit/);
  });

  it("plans a fitting circuit", () => {
    const p = plan(wide(20), { maxMemoryBytes: 64 * 1024 ** 2 });
    expect(p.memory.statevectorBytes).toBe(16 * 2 ** 20);
    expect(p.kernel).toBe(wasmKernel() ? "wasm" : "ts");
  });

  it("formats bytes", () => {
    expect(formatBytes(256 * 1024 ** 3)).toBe("256 GiB");
    expect(formatBytes(16 * 1024 ** 4)).toBe("16 TiB");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(100)).toBe("100 bytes");
  });
});

describe("option validation", () => {
  const c = wide(2);
  it.each([0, -1, 1.5, MAX_SHOTS + 1, Number.NaN])("rejects shots = %s", (shots) => {
    expect(caught(() => plan(c, { shots })).code).toBe("Sim.InvalidShots");
  });
  it("accepts 1 and 1e9 shots", () => {
    expect(plan(c, { shots: 1 }).shots).toBe(1);
    expect(plan(c, { shots: MAX_SHOTS }).shots).toBe(MAX_SHOTS);
  });
  it.each([-1, 2 ** 32, 0.5])("rejects seed = %s", (seed) => {
    expect(caught(() => plan(c, { seed })).code).toBe("Sim.InvalidSeed");
  });
  it("rejects a bad top and a bad circuit", () => {
    expect(caught(() => plan(c, { top: 0 })).code).toBe("Sim.InvalidTop");
    const bad: Circuit = { ...c, ops: [{ kind: "gate", name: "nope", qubits: [0], params: [] }] };
    expect(caught(() => plan(bad)).code).toBe("Circuit.UnknownGate");
    const out: Circuit = { ...c, ops: [{ kind: "gate", name: "cx", qubits: [0, 2], params: [] }] };
    expect(caught(() => plan(out)).code).toBe("Circuit.QubitOutOfRange");
    const dup: Circuit = { ...c, ops: [{ kind: "gate", name: "cx", qubits: [1, 1], params: [] }] };
    expect(caught(() => plan(dup)).code).toBe("Circuit.DuplicateQubit");
  });
});

describe("execution mode", () => {
  const base = () => new CircuitBuilder().qreg("q", 2).creg("c", 2);
  it("is sample-once when every measurement is terminal", () => {
    // a gate on another qubit after the measurement does not stop it being terminal
    const q = plan(base().h(0).measure(0, 0).h(1).measure(1, 1).build());
    expect(q.mode).toBe("sample-once");
    expect(q.terminal).toEqual([
      { qubit: 0, clbit: 0 },
      { qubit: 1, clbit: 1 },
    ]);
  });

  it("is branching when a later gate touches the measured qubit", () => {
    expect(plan(base().h(0).measure(0, 0).cx(0, 1).build()).mode).toBe("branching");
  });

  it("is branching for a later condition on the measured register, a reset, or a re-measurement", () => {
    expect(plan(base().measure(0, 0).gate("x", [1], [], { register: "c", value: 1 }).build()).mode).toBe(
      "branching",
    );
    expect(plan(base().h(0).reset(0).measure(0, 0).build()).mode).toBe("branching");
    expect(findTerminalMeasurements(base().measure(0, 0).measure(0, 1).build())).toEqual([false, true]);
    // a later measurement overwriting the clbit from another qubit
    expect(findTerminalMeasurements(base().measure(0, 0).measure(1, 0).build())).toEqual([false, true]);
  });

  it("lowers gates to the kernel that handles them best", () => {
    expect(lowerGate("h", [0], [])?.kind).toBe("dense1");
    expect(lowerGate("rz", [0], [0.3])?.kind).toBe("diagonal");
    expect(lowerGate("rzz", [0, 1], [0.3])?.kind).toBe("diagonal");
    expect(lowerGate("cx", [0, 1], [])).toMatchObject({ kind: "controlled", controls: [0], targets: [1] });
    expect(lowerGate("cswap", [2, 0, 1], [])).toMatchObject({
      kind: "controlled",
      controls: [2],
      targets: [0, 1],
    });
    expect(lowerGate("c4x", [0, 1, 2, 3, 4], [])).toMatchObject({
      kind: "controlled",
      controls: [0, 1, 2, 3],
    });
    expect(lowerGate("swap", [0, 1], [])?.kind).toBe("dense2");
    expect(lowerGate("rccx", [0, 1, 2], [])?.kind).toBe("dense");
    expect(lowerGate("id", [0], [])).toBeNull();
    expect(lowerGate("u0", [0], [1])).toBeNull();
  });
});

describe("memory guard per precision", () => {
  it("needs 8 bytes per amplitude in single precision, 16 in double", () => {
    const big = { maxMemoryBytes: 2 ** 40 };
    expect(plan(wide(30), { ...big, precision: "single" }).memory.statevectorBytes).toBe(8 * 2 ** 30);
    expect(plan(wide(30), { ...big, precision: "double" }).memory.statevectorBytes).toBe(16 * 2 ** 30);
  });

  it("fits 30 qubits in single precision within 12 GiB, and refuses them in double", () => {
    const limit = { maxMemoryBytes: 12 * 1024 ** 3, memoryLimitLabel: "free system memory" };
    const p = plan(wide(30), { ...limit, precision: "single" });
    expect(p.memory.totalBytes).toBeLessThan(12 * 1024 ** 3);
    expect(p.memory.totalBytes).toBeGreaterThan(8 * 1024 ** 3);
    const e = caught(() => plan(wide(30), { ...limit, precision: "double" }));
    expect(e.code).toBe("Sim.TooManyQubits");
    expect(e.hint).toMatch(/needs 16 GiB; the limit is 12 GiB/);
  });

  it("runs a state larger than the 4 GiB WASM arena on the WASM kernel in gathered passes, one in it in strided passes", () => {
    const big = { maxMemoryBytes: 2 ** 40 };
    const kinds = (p: ReturnType<typeof plan>) => new Set(p.sweeps!.map((s) => s.kind));
    // In the arena: strided chunks below the far positions (members FAR_STRIDE_BYTES apart: qubit 25 and up in
    // complex64, 24 in complex128), qubits parked there swapped in when a gate needs them.
    for (const [n, precision, far] of [
      [28, "single", 25],
      [27, "double", 24],
    ] as const) {
      const b = new CircuitBuilder().qreg("q", n);
      for (let q = 0; q < n; q++) b.h(q);
      for (let q = 0; q + 1 < n; q++) b.cx(q, q + 1);
      const arena = plan(b.build(), { ...big, precision });
      expect(arena.kernel).toBe(wasmKernel() ? "wasm" : "ts");
      if (!wasmKernel()) continue;
      expect(kinds(arena)).toEqual(new Set(["strided", "swap"]));
      for (const s of arena.sweeps!)
        if (s.kind === "strided") expect(Math.max(...s.qubits)).toBeLessThan(far);
    }
    expect([...kinds(plan(wide(24), { ...big, precision: "single" }))]).toEqual([
      wasmKernel() ? "strided" : "op",
    ]);
    for (const [n, precision] of [
      [30, "single"],
      [29, "single"],
      [28, "double"],
    ] as const) {
      const p = plan(wide(n), { ...big, precision });
      expect(p.kernel).toBe(wasmKernel() ? "wasm" : "ts");
      if (wasmKernel()) expect([...kinds(p)]).toEqual(["gathered"]);
    }
    expect(kinds(plan(wide(27), { ...big, precision: "double" })).has("gathered")).toBe(false);
  });

  it("rejects an unknown precision, fusion width or thread count", () => {
    expect(caught(() => plan(wide(2), { precision: "half" as "single" })).code).toBe("Sim.InvalidPrecision");
    expect(caught(() => plan(wide(2), { fusion: 5 })).code).toBe("Sim.InvalidFusion");
    expect(caught(() => plan(wide(2), { threads: 0 })).code).toBe("Sim.InvalidThreads");
  });
});
