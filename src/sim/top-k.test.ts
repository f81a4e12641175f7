// `top` (top-k.ts) against the full probability list: the K largest of the list, ties to the smaller outcome
// index, on random circuits whose Clifford-heavy gates make many exact ties; and the refusals of outputs too
// large to print, which come before any simulation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Circuit, Operation } from "../circuit/ir.js";
import { createPrng } from "../stats/prng.js";
import { MIN_REPORTED_PROBABILITY, simulate } from "./simulate.js";
import { topKOfDistribution } from "./top-k.js";

const FC = { seed: 20261202, numRuns: 80 };
const GATES = ["h", "x", "t", "ry", "cx", "cz"] as const;

/** A random circuit; measurement: none, every qubit in a random order, or a random subset. */
function circuit(n: number, gates: number, seed: number, measure: "none" | "permuted" | "subset"): Circuit {
  const rng = createPrng(seed);
  const pick = (k: number) => rng.nextUint32() % k;
  const ops: Operation[] = [];
  for (let i = 0; i < gates; i++) {
    const name = GATES[pick(n >= 2 ? GATES.length : 4)];
    const a = pick(n);
    if (name === "cx" || name === "cz") {
      const b = (a + 1 + pick(n - 1)) % n;
      ops.push({ kind: "gate", name, qubits: [a, b], params: [] });
    } else ops.push({ kind: "gate", name, qubits: [a], params: name === "ry" ? [rng.nextDouble() * 6] : [] });
  }
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = pick(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const measured = measure === "none" ? [] : measure === "permuted" ? order : order.slice(0, 1 + pick(n));
  measured.forEach((q, j) => {
    ops.push({ kind: "measure", qubit: q, clbit: j });
  });
  return {
    numQubits: n,
    numClbits: measured.length,
    qregs: [{ name: "q", size: n, offset: 0 }],
    cregs: measured.length > 0 ? [{ name: "c", size: measured.length, offset: 0 }] : [],
    ops,
  };
}

/** The documented order over the full list: probability descending, then outcome index (the key in binary). */
function expectedTop(full: Record<string, number>, k: number): Array<[string, number]> {
  return Object.entries(full)
    .sort((a, b) => b[1] - a[1] || Number.parseInt(a[0], 2) - Number.parseInt(b[0], 2))
    .slice(0, k);
}

describe("--top K", () => {
  it("equals the K largest of the full probability list, ties to the smaller outcome (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom("none", "permuted", "subset"),
        fc.integer({ min: 1, max: 140 }),
        fc.constantFrom("single", "double"),
        (n, gates, seed, measure, k, precision) => {
          const c = circuit(n, gates, seed, measure as "none" | "permuted" | "subset");
          const o = { shots: 16, seed: 1, probabilities: true, precision } as const;
          const full = simulate(c, o).probabilities!;
          const top = simulate(c, { ...o, top: k }).probabilities!;
          const want = expectedTop(full, k);
          // the same entries, with exactly the same probabilities
          expect(Object.entries(top).sort()).toEqual([...want].sort());
          expect(Object.keys(top).length).toBe(Math.min(k, Object.keys(full).length));
        },
      ),
      FC,
    );
  });

  it("keeps the smaller outcome among exact ties (uniform superposition)", () => {
    const n = 6;
    const ops: Operation[] = Array.from({ length: n }, (_, q) => ({
      kind: "gate" as const,
      name: "h",
      qubits: [q],
      params: [],
    }));
    const c: Circuit = {
      numQubits: n,
      numClbits: 0,
      qregs: [{ name: "q", size: n, offset: 0 }],
      cregs: [],
      ops,
    };
    const top = simulate(c, { shots: 1, seed: 1, probabilities: true, top: 3 }).probabilities!;
    expect(Object.keys(top)).toEqual(["000000", "000001", "000010"]);
  });

  it("selection over a distribution matches sorting it (ties, cut-off, k beyond the length)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 1e-13, 0.1, 0.2, 0.25, 0.5), { minLength: 0, maxLength: 64 }),
        fc.integer({ min: 0, max: 80 }),
        (values, k) => {
          const got = topKOfDistribution(Float64Array.from(values), k, MIN_REPORTED_PROBABILITY);
          const want = values
            .map((p, g) => ({ p, g }))
            .filter((e) => e.p >= MIN_REPORTED_PROBABILITY)
            .sort((a, b) => b.p - a.p || a.g - b.g)
            .slice(0, k);
          expect(got.indices).toEqual(want.map((e) => e.g));
          expect(got.probabilities).toEqual(want.map((e) => e.p));
        },
      ),
      FC,
    );
  });
});

describe("outputs too large to print", () => {
  const wide = (n: number): Circuit => ({
    numQubits: n,
    numClbits: 0,
    qregs: [{ name: "q", size: n, offset: 0 }],
    cregs: [],
    ops: [{ kind: "gate", name: "h", qubits: [0], params: [] }],
  });

  it("refuses all probabilities and the statevector above the limit, hinting at --top", () => {
    const refuse = (o: object) => {
      try {
        simulate(wide(12), { shots: 1, maxOutputEntries: 1024, ...o });
      } catch (e) {
        return e as { code: string; hint?: string };
      }
      throw new Error("not refused");
    };
    expect(refuse({ probabilities: true })).toMatchObject({ code: "Sim.OutputTooLarge" });
    expect(refuse({ probabilities: true }).hint).toMatch(/--top K/);
    expect(refuse({ statevector: true })).toMatchObject({ code: "Sim.OutputTooLarge" });
    expect(refuse({ probabilities: true, top: 2048 })).toMatchObject({ code: "Sim.OutputTooLarge" });
    // at the limit, and with top, it runs
    expect(
      Object.keys(
        simulate(wide(10), { shots: 1, probabilities: true, maxOutputEntries: 1024 }).probabilities!,
      ),
    ).toHaveLength(2);
    const top = simulate(wide(12), { shots: 1, probabilities: true, top: 5, maxOutputEntries: 1024 });
    expect(Object.keys(top.probabilities!)).toEqual(["000000000000", "000000000001"]);
    for (const p of Object.values(top.probabilities!)) expect(p).toBeCloseTo(0.5, 12);
  });

  it("refuses before simulating: a 30-qubit table is refused without allocating 8 GiB", () => {
    expect(() => simulate(wide(30), { shots: 1, probabilities: true, precision: "single" })).toThrow(
      /probabilities of 30 measured bits/,
    );
  });
});
