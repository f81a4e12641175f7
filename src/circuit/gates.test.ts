import { describe, expect, it } from "vitest";
import { GATES, gateMatrix, inverseGate } from "./gates.js";
import {
  controlled,
  distanceUpToPhase,
  fromRows,
  identity,
  type Matrix,
  matmul,
  maxDistance,
  unitarityError,
} from "./matrix.js";
import { type GateCall, sequenceUnitary, TOL } from "./testing.js";

const PI = Math.PI;
const r = Math.SQRT1_2;
const rand = [0.37, -1.21, 2.05, 0.66];

/** The library matrix of a gate on qubits 0..k-1 with the given params. */
const lib = (name: string, params: readonly number[] = []): Matrix => gateMatrix(name, params);
const paramsFor = (name: string): number[] => GATES.get(name)!.params.map((_, i) => rand[i]);

describe("gate library", () => {
  it("has every qelib1 gate", () => {
    const qelib1 =
      "u3 u2 u1 cx id u0 u p x y z h s sdg t tdg rx ry rz sx sxdg cz cy swap ch ccx cswap crx cry crz cu1 cp cu3 csx cu rxx rzz rccx rc3x c3x c3sqrtx c4x";
    for (const name of qelib1.split(" ")) expect(GATES.has(name), name).toBe(true);
  });

  it.each([...GATES.keys()])("%s is unitary, of the declared size and diagonal when flagged", (name) => {
    const spec = GATES.get(name)!;
    for (const params of [paramsFor(name), spec.params.map(() => 2.9)]) {
      const m = spec.matrix(params);
      expect(m.length).toBe(2 * 4 ** spec.numQubits);
      expect(unitarityError(m)).toBeLessThan(TOL.exact);
      if (spec.diagonal) {
        const d = 1 << spec.numQubits;
        for (let i = 0; i < d; i++)
          for (let j = 0; j < d; j++)
            if (i !== j) expect(Math.hypot(m[2 * (i * d + j)], m[2 * (i * d + j) + 1])).toBe(0);
      }
      if (spec.controls) {
        const full = controlled(spec.controls.target(params), spec.controls.count);
        expect(maxDistance(full, m)).toBeLessThan(TOL.exact);
      }
    }
  });

  it("basic gates equal their textbook matrices exactly", () => {
    const i: [number, number] = [0, 1];
    const mi: [number, number] = [0, -1];
    const w: [number, number] = [r, r];
    const cases: Array<[string, Matrix]> = [
      [
        "x",
        fromRows([
          [0, 1],
          [1, 0],
        ]),
      ],
      [
        "y",
        fromRows([
          [0, mi],
          [i, 0],
        ]),
      ],
      [
        "z",
        fromRows([
          [1, 0],
          [0, -1],
        ]),
      ],
      [
        "h",
        fromRows([
          [r, r],
          [r, -r],
        ]),
      ],
      [
        "s",
        fromRows([
          [1, 0],
          [0, i],
        ]),
      ],
      [
        "t",
        fromRows([
          [1, 0],
          [0, w],
        ]),
      ],
      // control = argument 0 = index bit 0: |q1 q0⟩ = |01⟩ (index 1) ↔ |11⟩ (index 3)
      [
        "cx",
        fromRows([
          [1, 0, 0, 0],
          [0, 0, 0, 1],
          [0, 0, 1, 0],
          [0, 1, 0, 0],
        ]),
      ],
      [
        "cz",
        fromRows([
          [1, 0, 0, 0],
          [0, 1, 0, 0],
          [0, 0, 1, 0],
          [0, 0, 0, -1],
        ]),
      ],
      [
        "swap",
        fromRows([
          [1, 0, 0, 0],
          [0, 0, 1, 0],
          [0, 1, 0, 0],
          [0, 0, 0, 1],
        ]),
      ],
    ];
    for (const [name, m] of cases) expect(maxDistance(lib(name), m), name).toBeLessThan(TOL.exact);
  });

  it("satisfies HH = I, CX·CX = I, S·S = Z, T^8 = I", () => {
    expect(maxDistance(matmul(lib("h"), lib("h")), identity(2))).toBeLessThan(TOL.exact);
    expect(maxDistance(matmul(lib("cx"), lib("cx")), identity(4))).toBeLessThan(TOL.exact);
    expect(maxDistance(matmul(lib("s"), lib("s")), lib("z"))).toBeLessThan(TOL.exact);
    let t8 = identity(2);
    for (let k = 0; k < 8; k++) t8 = matmul(lib("t"), t8);
    expect(maxDistance(t8, identity(2))).toBeLessThan(TOL.exact);
    // and T^4 = Z, not I: the check above can fail
    let t4 = identity(2);
    for (let k = 0; k < 4; k++) t4 = matmul(lib("t"), t4);
    expect(maxDistance(t4, lib("z"))).toBeLessThan(TOL.exact);
  });

  it("inverseGate gives the inverse of every gate", () => {
    for (const [name, spec] of GATES) {
      const params = paramsFor(name);
      const n = spec.numQubits;
      const qubits = Array.from({ length: n }, (_, k) => k);
      const inv = sequenceUnitary(
        n,
        inverseGate(name, params).map((g) => [g.name, qubits, g.params] as GateCall),
      );
      expect(maxDistance(matmul(inv, lib(name, params)), identity(1 << n)), name).toBeLessThan(TOL.exact);
    }
  });
});

// Textbook decompositions, mostly as qelib1.inc and Qiskit define the gates. Arguments a, b, c, d, e = 0..4.
const [a, b, c, d, e] = [0, 1, 2, 3, 4];
const l = rand[0];
const [th, ph, la, ga] = rand;
const grayCode3 = (angle: number, target: number): GateCall[] => [
  ["h", [target]],
  ["cu1", [a, target], [angle]],
  ["cx", [a, b]],
  ["cu1", [b, target], [-angle]],
  ["cx", [a, b]],
  ["cu1", [b, target], [angle]],
  ["cx", [b, c]],
  ["cu1", [c, target], [-angle]],
  ["cx", [a, c]],
  ["cu1", [c, target], [angle]],
  ["cx", [b, c]],
  ["cu1", [c, target], [-angle]],
  ["cx", [a, c]],
  ["cu1", [c, target], [angle]],
  ["h", [target]],
];

const DECOMPOSITIONS: Array<{ gate: string; params?: number[]; n: number; calls: GateCall[] }> = [
  { gate: "u2", params: [ph, la], n: 1, calls: [["u3", [a], [PI / 2, ph, la]]] },
  { gate: "u1", params: [la], n: 1, calls: [["u3", [a], [0, 0, la]]] },
  { gate: "p", params: [la], n: 1, calls: [["u1", [a], [la]]] },
  { gate: "u", params: [th, ph, la], n: 1, calls: [["u3", [a], [th, ph, la]]] },
  { gate: "id", n: 1, calls: [] },
  { gate: "u0", params: [ga], n: 1, calls: [] },
  { gate: "x", n: 1, calls: [["u3", [a], [PI, 0, PI]]] },
  { gate: "y", n: 1, calls: [["u3", [a], [PI, PI / 2, PI / 2]]] },
  { gate: "z", n: 1, calls: [["u1", [a], [PI]]] },
  { gate: "h", n: 1, calls: [["u2", [a], [0, PI]]] },
  { gate: "sdg", n: 1, calls: [["u1", [a], [-PI / 2]]] },
  { gate: "tdg", n: 1, calls: [["u1", [a], [-PI / 4]]] },
  { gate: "rx", params: [th], n: 1, calls: [["u3", [a], [th, -PI / 2, PI / 2]]] },
  { gate: "ry", params: [th], n: 1, calls: [["u3", [a], [th, 0, 0]]] },
  { gate: "rz", params: [ph], n: 1, calls: [["u1", [a], [ph]]] },
  {
    gate: "sx",
    n: 1,
    calls: [
      ["sdg", [a]],
      ["h", [a]],
      ["sdg", [a]],
    ],
  },
  {
    gate: "sxdg",
    n: 1,
    calls: [
      ["s", [a]],
      ["h", [a]],
      ["s", [a]],
    ],
  },
  {
    gate: "cz",
    n: 2,
    calls: [
      ["h", [b]],
      ["cx", [a, b]],
      ["h", [b]],
    ],
  },
  {
    gate: "cy",
    n: 2,
    calls: [
      ["sdg", [b]],
      ["cx", [a, b]],
      ["s", [b]],
    ],
  },
  {
    gate: "swap",
    n: 2,
    calls: [
      ["cx", [a, b]],
      ["cx", [b, a]],
      ["cx", [a, b]],
    ],
  },
  {
    gate: "ch",
    n: 2,
    calls: [
      ["h", [b]],
      ["sdg", [b]],
      ["cx", [a, b]],
      ["h", [b]],
      ["t", [b]],
      ["cx", [a, b]],
      ["t", [b]],
      ["h", [b]],
      ["s", [b]],
      ["x", [b]],
      ["s", [a]],
    ],
  },
  {
    gate: "ccx",
    n: 3,
    calls: [
      ["h", [c]],
      ["cx", [b, c]],
      ["tdg", [c]],
      ["cx", [a, c]],
      ["t", [c]],
      ["cx", [b, c]],
      ["tdg", [c]],
      ["cx", [a, c]],
      ["t", [b]],
      ["t", [c]],
      ["h", [c]],
      ["cx", [a, b]],
      ["t", [a]],
      ["tdg", [b]],
      ["cx", [a, b]],
    ],
  },
  {
    gate: "cswap",
    n: 3,
    calls: [
      ["cx", [c, b]],
      ["ccx", [a, b, c]],
      ["cx", [c, b]],
    ],
  },
  {
    gate: "crx",
    params: [l],
    n: 2,
    calls: [
      ["u1", [b], [PI / 2]],
      ["cx", [a, b]],
      ["u3", [b], [-l / 2, 0, 0]],
      ["cx", [a, b]],
      ["u3", [b], [l / 2, -PI / 2, 0]],
    ],
  },
  {
    gate: "cry",
    params: [l],
    n: 2,
    calls: [
      ["ry", [b], [l / 2]],
      ["cx", [a, b]],
      ["ry", [b], [-l / 2]],
      ["cx", [a, b]],
    ],
  },
  {
    gate: "crz",
    params: [l],
    n: 2,
    calls: [
      ["rz", [b], [l / 2]],
      ["cx", [a, b]],
      ["rz", [b], [-l / 2]],
      ["cx", [a, b]],
    ],
  },
  {
    gate: "cu1",
    params: [l],
    n: 2,
    calls: [
      ["u1", [a], [l / 2]],
      ["cx", [a, b]],
      ["u1", [b], [-l / 2]],
      ["cx", [a, b]],
      ["u1", [b], [l / 2]],
    ],
  },
  {
    gate: "cp",
    params: [l],
    n: 2,
    calls: [
      ["p", [a], [l / 2]],
      ["cx", [a, b]],
      ["p", [b], [-l / 2]],
      ["cx", [a, b]],
      ["p", [b], [l / 2]],
    ],
  },
  {
    gate: "cu3",
    params: [th, ph, la],
    n: 2,
    calls: [
      ["u1", [a], [(la + ph) / 2]],
      ["u1", [b], [(la - ph) / 2]],
      ["cx", [a, b]],
      ["u3", [b], [-th / 2, 0, -(ph + la) / 2]],
      ["cx", [a, b]],
      ["u3", [b], [th / 2, ph, 0]],
    ],
  },
  {
    gate: "csx",
    n: 2,
    calls: [
      ["h", [b]],
      ["cu1", [a, b], [PI / 2]],
      ["h", [b]],
    ],
  },
  {
    gate: "cu",
    params: [th, ph, la, ga],
    n: 2,
    calls: [
      ["p", [a], [ga]],
      ["p", [a], [(la + ph) / 2]],
      ["p", [b], [(la - ph) / 2]],
      ["cx", [a, b]],
      ["u", [b], [-th / 2, 0, -(ph + la) / 2]],
      ["cx", [a, b]],
      ["u", [b], [th / 2, ph, 0]],
    ],
  },
  {
    gate: "rxx",
    params: [th],
    n: 2,
    calls: [
      ["h", [a]],
      ["h", [b]],
      ["cx", [a, b]],
      ["rz", [b], [th]],
      ["cx", [a, b]],
      ["h", [a]],
      ["h", [b]],
    ],
  },
  {
    gate: "rzz",
    params: [th],
    n: 2,
    calls: [
      ["cx", [a, b]],
      ["u1", [b], [th]],
      ["cx", [a, b]],
    ],
  },
  {
    // Margolus: Toffoli up to relative phases, as Qiskit's RCCXGate defines it.
    gate: "rccx",
    n: 3,
    calls: [
      ["h", [c]],
      ["t", [c]],
      ["cx", [b, c]],
      ["tdg", [c]],
      ["cx", [a, c]],
      ["t", [c]],
      ["cx", [b, c]],
      ["tdg", [c]],
      ["h", [c]],
    ],
  },
  {
    gate: "rc3x",
    n: 4,
    calls: [
      ["h", [d]],
      ["t", [d]],
      ["cx", [c, d]],
      ["tdg", [d]],
      ["h", [d]],
      ["cx", [a, d]],
      ["t", [d]],
      ["cx", [b, d]],
      ["tdg", [d]],
      ["cx", [a, d]],
      ["t", [d]],
      ["cx", [b, d]],
      ["tdg", [d]],
      ["h", [d]],
      ["t", [d]],
      ["cx", [c, d]],
      ["tdg", [d]],
      ["h", [d]],
    ],
  },
  // Barenco et al. 1995: a Gray-code sequence of controlled phases ±θ gives a phase 4θ on |abc⟩ = |111⟩.
  { gate: "c3x", n: 4, calls: grayCode3(PI / 4, d) },
  { gate: "c3sqrtx", n: 4, calls: grayCode3(PI / 8, d) },
  {
    // Barenco et al. 1995, Lemma 7.5 with V = √X: C⁴X = C-V(d,e) · C³X · C-V†(d,e) · C³X · C³-V.
    gate: "c4x",
    n: 5,
    calls: [
      ["csx", [d, e]],
      ["c3x", [a, b, c, d]],
      ["h", [e]],
      ["cu1", [d, e], [-PI / 2]],
      ["h", [e]],
      ["c3x", [a, b, c, d]],
      ["c3sqrtx", [a, b, c, e]],
    ],
  },
];

describe("composite gates equal their decompositions up to one global phase", () => {
  it.each(DECOMPOSITIONS.map((x) => [x.gate, x] as const))("%s", (_name, x) => {
    const expected = sequenceUnitary(x.n, x.calls);
    expect(distanceUpToPhase(lib(x.gate, x.params ?? []), expected)).toBeLessThan(TOL.exact);
  });

  it("covers every library gate but the primitives", () => {
    const covered = new Set(DECOMPOSITIONS.map((x) => x.gate));
    const primitives = ["u3", "cx", "s", "t"];
    for (const name of GATES.keys())
      if (!primitives.includes(name)) expect(covered.has(name), name).toBe(true);
  });

  it("detects a wrong relative phase in a controlled gate", () => {
    // crz(λ) and cu1(λ) differ by a phase on the control's |1⟩ subspace only: not a global phase.
    expect(distanceUpToPhase(lib("crz", [l]), lib("cu1", [l]))).toBeGreaterThan(TOL.different);
    // rccx differs from ccx by relative phases.
    expect(distanceUpToPhase(lib("rccx"), lib("ccx"))).toBeGreaterThan(TOL.different);
    // and the decomposition of ch with the final s on the control removed is caught
    const ch = DECOMPOSITIONS.find((x) => x.gate === "ch")!;
    expect(distanceUpToPhase(lib("ch"), sequenceUnitary(2, ch.calls.slice(0, -1)))).toBeGreaterThan(
      TOL.different,
    );
  });
});
