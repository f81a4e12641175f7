import { describe, expect, it } from "vitest";
import { CircuitBuilder } from "../circuit/builder.js";
import { gateMatrix } from "../circuit/gates.js";
import type { Circuit } from "../circuit/ir.js";
import { randomCircuit } from "../circuit/random.js";
import { chiSquare, chiSquareCritical, TOL } from "../circuit/testing.js";
import { createPrng } from "../stats/prng.js";
import { simulate } from "./simulate.js";

const r = Math.SQRT1_2;

function expectAmplitudes(actual: Array<[number, number]>, expected: Array<[number, number]>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    expect(Math.abs(actual[i][0] - expected[i][0]), `re ${i}`).toBeLessThan(TOL.exact);
    expect(Math.abs(actual[i][1] - expected[i][1]), `im ${i}`).toBeLessThan(TOL.exact);
  }
}

function expectProbabilities(
  actual: Record<string, number> | undefined,
  expected: Record<string, number>,
): void {
  expect(Object.keys(actual ?? {}).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, p] of Object.entries(expected)) expect(Math.abs(actual![k] - p), k).toBeLessThan(TOL.exact);
}

function ghz(n: number): Circuit {
  const b = new CircuitBuilder().qreg("q", n).creg("c", n).h(0);
  for (let q = 1; q < n; q++) b.cx(q - 1, q);
  return b.measureAll().build();
}

/** Qiskit's QFT (with the final swaps): QFT|x⟩ = Σ_y e^{2πi·xy/N}|y⟩/√N, qubit 0 least significant. */
function qft(n: number, input: number): Circuit {
  const b = new CircuitBuilder().qreg("q", n);
  for (let q = 0; q < n; q++) if ((input >> q) & 1) b.x(q);
  for (let j = n - 1; j >= 0; j--) {
    b.h(j);
    for (let k = j - 1; k >= 0; k--) b.cp(Math.PI / 2 ** (j - k), k, j);
  }
  for (let i = 0; i < Math.floor(n / 2); i++) b.swap(i, n - 1 - i);
  return b.build();
}

describe("known circuits", () => {
  it("Bell state", () => {
    const bell = new CircuitBuilder().qreg("q", 2).creg("c", 2).h(0).cx(0, 1).measureAll().build();
    const res = simulate(bell, { seed: 1, probabilities: true, statevector: true });
    expectAmplitudes(res.statevector!, [
      [r, 0],
      [0, 0],
      [0, 0],
      [r, 0],
    ]);
    expectProbabilities(res.probabilities, { "00": 0.5, "11": 0.5 });
    expect(Object.keys(res.counts).sort()).toEqual(["00", "11"]);
    expect(res.counts["00"] + res.counts["11"]).toBe(1024);
    expect(res).toMatchObject({ qubits: 2, clbits: 2, shots: 1024, seed: 1 });
  });

  it.each([2, 3, 5, 8, 12])("GHZ(%i)", (n) => {
    const res = simulate(ghz(n), { seed: 3, probabilities: true, statevector: true });
    const expected: Array<[number, number]> = Array.from({ length: 2 ** n }, () => [0, 0]);
    expected[0] = [r, 0];
    expected[2 ** n - 1] = [r, 0];
    expectAmplitudes(res.statevector!, expected);
    expectProbabilities(res.probabilities, { ["0".repeat(n)]: 0.5, ["1".repeat(n)]: 0.5 });
  });

  it.each([
    [3, 0],
    [3, 5],
    [4, 11],
    [5, 19],
  ])("QFT(%i) on |%i⟩ is the discrete Fourier transform", (n, x) => {
    const res = simulate(qft(n, x), { seed: 1, statevector: true });
    const N = 2 ** n;
    const expected: Array<[number, number]> = Array.from({ length: N }, (_, y) => {
      const angle = (2 * Math.PI * x * y) / N;
      return [Math.cos(angle) / Math.sqrt(N), Math.sin(angle) / Math.sqrt(N)];
    });
    expectAmplitudes(res.statevector!, expected);
  });

  it("3-qubit Grover: one iteration gives 25/32, two give 121/128", () => {
    // With sin θ = 1/√8, k iterations leave amplitude sin((2k+1)θ) on the marked state:
    // sin²3θ = (3 − 4/8)²/8 = 0.78125, sin²5θ = (16/64 − 20/8 + 5)²/8 = 0.9453125.
    const marked = 0b101;
    const grover = (iterations: number): Circuit => {
      const b = new CircuitBuilder().qreg("q", 3).creg("c", 3).h(0).h(1).h(2);
      const ccz = () => b.h(2).ccx(0, 1, 2).h(2);
      for (let k = 0; k < iterations; k++) {
        for (let q = 0; q < 3; q++) if (!((marked >> q) & 1)) b.x(q);
        ccz();
        for (let q = 0; q < 3; q++) if (!((marked >> q) & 1)) b.x(q);
        for (let q = 0; q < 3; q++) b.h(q).x(q);
        ccz();
        for (let q = 0; q < 3; q++) b.x(q).h(q);
      }
      return b.measureAll().build();
    };
    const theta = Math.asin(1 / Math.sqrt(8));
    expect(Math.abs(Math.sin(3 * theta) - 0.8838834764831843)).toBeLessThan(TOL.exact);
    const one = simulate(grover(1), { seed: 1, probabilities: true });
    expect(Math.abs(one.probabilities!["101"] - 0.78125)).toBeLessThan(TOL.exact);
    const two = simulate(grover(2), { seed: 1, probabilities: true });
    expect(Math.abs(two.probabilities!["101"] - 0.9453125)).toBeLessThan(TOL.exact);
    expect(Math.abs(two.probabilities!["101"] - Math.sin(5 * theta) ** 2)).toBeLessThan(TOL.exact);
  });

  it("teleportation with mid-circuit measurement and conditions delivers random input states", () => {
    const rng = createPrng(99);
    for (let trial = 0; trial < 8; trial++) {
      const [th, ph, la] = [0, 1, 2].map(() => rng.nextDouble() * 2 * Math.PI);
      const base = () =>
        new CircuitBuilder()
          .qreg("q", 3)
          .creg("m0", 1)
          .creg("m1", 1)
          .creg("out", 1)
          .gate("u3", [0], [th, ph, la])
          .h(1)
          .cx(1, 2)
          .cx(0, 1)
          .h(0)
          .measure(0, 0)
          .measure(1, 1)
          .gate("x", [2], [], { register: "m1", value: 1 })
          .gate("z", [2], [], { register: "m0", value: 1 });
      // Undo the input on the receiver: the teleported qubit then always reads 0.
      const undone = base().gate("u3", [2], [-th, -la, -ph]).measure(2, 2).build();
      const res = simulate(undone, { seed: trial, probabilities: true });
      expectProbabilities(res.probabilities, { "0 0 0": 0.25, "0 0 1": 0.25, "0 1 0": 0.25, "0 1 1": 0.25 });
      // And the branch state carries exactly the input amplitudes on qubit 2 (up to a global phase).
      const sv = simulate(base().build(), { seed: trial, statevector: true }).statevector!;
      const u = gateMatrix("u3", [th, ph, la]);
      const nonzero = sv.map((a, i) => [i, a] as const).filter(([, a]) => Math.hypot(a[0], a[1]) > 1e-9);
      const low = nonzero[0][0] & 0b11;
      const a0 = sv[low];
      const a1 = sv[low | 0b100];
      // a1·u00 − a0·u10 = 0 ⇔ (a0, a1) ∝ (u00, u10)
      const cross = [
        a1[0] * u[0] - a1[1] * u[1] - (a0[0] * u[4] - a0[1] * u[5]),
        a1[0] * u[1] + a1[1] * u[0] - (a0[0] * u[5] + a0[1] * u[4]),
      ];
      expect(Math.hypot(cross[0], cross[1])).toBeLessThan(TOL.exact);
      expect(Math.abs(a0[0] ** 2 + a0[1] ** 2 + a1[0] ** 2 + a1[1] ** 2 - 1)).toBeLessThan(TOL.exact);
    }
  });

  it("reset returns a qubit to |0⟩ without writing a clbit", () => {
    const flipped = new CircuitBuilder().qreg("q", 1).creg("c", 1).x(0).reset(0).measure(0, 0).build();
    expectProbabilities(simulate(flipped, { seed: 1, probabilities: true }).probabilities, { "0": 1 });
    // Resetting half of a Bell pair leaves the other half mixed: 50/50, and q0 always 0.
    const bell = new CircuitBuilder().qreg("q", 2).creg("c", 2).h(0).cx(0, 1).reset(0).measureAll().build();
    expectProbabilities(simulate(bell, { seed: 1, probabilities: true }).probabilities, {
      "00": 0.5,
      "10": 0.5,
    });
    // a superposition reset keeps no trace of the amplitude
    const sup = new CircuitBuilder().qreg("q", 1).creg("c", 1).ry(1.0, 0).reset(0).h(0).measure(0, 0).build();
    expectProbabilities(simulate(sup, { seed: 1, probabilities: true }).probabilities, {
      "0": 0.5,
      "1": 0.5,
    });
  });

  it("conditions compare the register's integer value, bit 0 least significant", () => {
    const make = (value: number) =>
      new CircuitBuilder()
        .qreg("q", 3)
        .creg("c", 2)
        .creg("r", 1)
        .x(1)
        .measure(0, 0)
        .measure(1, 1)
        .gate("x", [2], [], { register: "c", value })
        .measure(2, 2)
        .build();
    // c = 0b10 = 2
    expectProbabilities(simulate(make(2), { seed: 1, probabilities: true }).probabilities, { "1 10": 1 });
    expectProbabilities(simulate(make(1), { seed: 1, probabilities: true }).probabilities, { "0 10": 1 });
    // Before any measurement the register reads 0, and the sample-once path still honours the condition.
    const pre = new CircuitBuilder()
      .qreg("q", 1)
      .creg("c", 1)
      .gate("x", [0], [], { register: "c", value: 0 });
    expectProbabilities(simulate(pre.measure(0, 0).build(), { seed: 1, probabilities: true }).probabilities, {
      "1": 1,
    });
  });
});

describe("outcome keys", () => {
  it("follow Qiskit: creg a[2]; creg b[1]; x on the qubit measured into a[0] → '0 01'", () => {
    const c = new CircuitBuilder()
      .qreg("q", 3)
      .creg("a", 2)
      .creg("b", 1)
      .x(0)
      .measure(0, 0)
      .measure(1, 1)
      .measure(2, 2)
      .build();
    expect(simulate(c, { shots: 10, seed: 1 }).counts).toEqual({ "0 01": 10 });
  });

  it("use full qubit bitstrings (qubit 0 rightmost) when nothing is measured, with a note", () => {
    const c = new CircuitBuilder().qreg("a", 2).qreg("b", 2).creg("c", 1).x(0).x(3).build();
    const res = simulate(c, { shots: 5, seed: 1, probabilities: true });
    expect(res.counts).toEqual({ "1001": 5 });
    expectProbabilities(res.probabilities, { "1001": 1 });
    expect(res.notes?.join(" ")).toMatch(/no measurement/);
  });

  it("top keeps only the K most likely outcomes", () => {
    const c = new CircuitBuilder().qreg("q", 2).creg("c", 2).ry(0.6, 0).ry(1.2, 1).measureAll().build();
    const res = simulate(c, { shots: 4000, seed: 2, probabilities: true, top: 2 });
    const all = simulate(c, { shots: 4000, seed: 2, probabilities: true });
    const top2 = Object.entries(all.probabilities!)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 2)
      .map(([k]) => k)
      .sort();
    expect(Object.keys(res.probabilities!).sort()).toEqual(top2);
    expect(Object.keys(res.counts)).toHaveLength(2);
    expect(Object.keys(all.counts)).toHaveLength(4);
  });
});

describe("sampling", () => {
  const circuit = (() => {
    const c = randomCircuit({ numQubits: 5, depth: 6, seed: 11, gates: ["h", "rx", "ry", "t", "cx", "cz"] });
    const b = new CircuitBuilder().qreg("q", 5).creg("c", 5);
    const built = b.build();
    return { ...built, ops: [...c.ops, ...b.measureAll().build().ops] };
  })();

  it("counts follow the exact probabilities (chi-square, fixed seed)", () => {
    const shots = 50_000;
    const res = simulate(circuit, { shots, seed: 2024, probabilities: true });
    const { statistic, df } = chiSquare(res.counts, res.probabilities!, shots);
    expect(df).toBeGreaterThan(5);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
    // the same test rejects counts from a different distribution
    const skewed = { ...res.counts };
    const top = Object.keys(skewed).sort((x, y) => skewed[y] - skewed[x])[0];
    skewed[top] += Math.round(0.05 * shots);
    expect(chiSquare(skewed, res.probabilities!, shots).statistic).toBeGreaterThan(chiSquareCritical(df));
  });

  it("same seed → same counts; different seeds → different counts", () => {
    const a = simulate(circuit, { shots: 2000, seed: 5 }).counts;
    expect(simulate(circuit, { shots: 2000, seed: 5 }).counts).toEqual(a);
    expect(simulate(circuit, { shots: 2000, seed: 6 }).counts).not.toEqual(a);
  });

  it("reports the seed it drew when none was given", () => {
    const res = simulate(circuit, { shots: 100 });
    expect(Number.isInteger(res.seed)).toBe(true);
    expect(simulate(circuit, { shots: 100, seed: res.seed }).counts).toEqual(res.counts);
  });

  it("counts add up to the shots for every mode", () => {
    const mid = new CircuitBuilder()
      .qreg("q", 2)
      .creg("c", 2)
      .h(0)
      .measure(0, 0)
      .cx(0, 1)
      .measure(1, 1)
      .build();
    for (const c of [circuit, mid])
      for (const maxBranches of [1, 4096]) {
        const res = simulate(c, { shots: 777, seed: 1, maxBranches });
        expect(Object.values(res.counts).reduce((s, x) => s + x, 0)).toBe(777);
      }
  });
});

describe("branching", () => {
  // Mid-circuit measurements feeding conditions, a reset, and a terminal measurement.
  const midCircuit = new CircuitBuilder()
    .qreg("q", 3)
    .creg("a", 2)
    .creg("b", 2)
    .ry(1.1, 0)
    .h(1)
    .cx(1, 2)
    .measure(0, 0)
    .gate("ry", [1], [0.7], { register: "a", value: 1 })
    .measure(1, 1)
    .reset(0)
    .rx(0.9, 0)
    .gate("h", [2], [], { register: "a", value: 3 })
    .cx(2, 0)
    .measure(0, 2)
    .measure(2, 3)
    .build();

  it("the exact tree distribution sums to 1 and matches its samples", () => {
    const shots = 40_000;
    const res = simulate(midCircuit, { shots, seed: 8, probabilities: true });
    const total = Object.values(res.probabilities!).reduce((s, p) => s + p, 0);
    expect(Math.abs(total - 1)).toBeLessThan(TOL.exact);
    const { statistic, df } = chiSquare(res.counts, res.probabilities!, shots);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
    expect(res.notes?.join(" ")).toMatch(/exact outcome distribution/);
  });

  it("per-shot simulation agrees with the tree (chi-square)", () => {
    const shots = 20_000;
    const exact = simulate(midCircuit, { shots, seed: 8, probabilities: true }).probabilities!;
    const perShot = simulate(midCircuit, { shots, seed: 9, maxBranches: 1 });
    expect(perShot.notes?.join(" ")).toMatch(/each shot was simulated/);
    const { statistic, df } = chiSquare(perShot.counts, exact, shots);
    expect(df).toBeGreaterThan(3);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });

  it("falls back to per-shot when the tree outgrows the branch bound", () => {
    const b = new CircuitBuilder().qreg("q", 6).creg("c", 6);
    for (let q = 0; q < 6; q++) b.h(q).measure(q, q).x(q);
    const c = b.build();
    const tree = simulate(c, { shots: 100, seed: 1, maxBranches: 64 });
    expect(tree.notes?.join(" ")).toMatch(/64 measurement branch/);
    const fallback = simulate(c, { shots: 100, seed: 1, maxBranches: 63 });
    expect(fallback.notes?.join(" ")).toMatch(/each shot was simulated/);
  });

  it("counts branch memory against the memory limit", () => {
    const b = new CircuitBuilder().qreg("q", 10).creg("c", 10);
    for (let q = 0; q < 10; q++) b.h(q).measure(q, q).x(q);
    const c = b.build();
    // 16 KiB per branch: a 100 KiB limit holds a few branches only, so the run goes per-shot.
    const res = simulate(c, { shots: 50, seed: 1, maxMemoryBytes: 100 * 1024 });
    expect(res.notes?.join(" ")).toMatch(/each shot was simulated/);
  });

  it("the statevector of a branching circuit is one branch's, and says so", () => {
    const c = new CircuitBuilder().qreg("q", 2).creg("c", 1).ry(0.5, 0).measure(0, 0).cx(0, 1).build();
    const res = simulate(c, { seed: 1, statevector: true });
    expectAmplitudes(res.statevector!, [
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(res.notes?.join(" ")).toMatch(/most likely branch/);
  });

  it("the statevector is taken before terminal measurements", () => {
    const c = new CircuitBuilder().qreg("q", 1).creg("c", 1).ry(0.5, 0).measure(0, 0).build();
    const sv = simulate(c, { seed: 1, statevector: true }).statevector!;
    expectAmplitudes(sv, [
      [Math.cos(0.25), 0],
      [Math.sin(0.25), 0],
    ]);
  });
});
