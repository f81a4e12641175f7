import { describe, expect, it } from "vitest";
import { adjacency, allToAll, distances, HERON_R1_EDGES, HERON_R2_EDGES, squareLattice } from "./coupling.js";

const has = (edges: Array<[number, number]>, a: number, b: number) =>
  edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

describe("coupling maps", () => {
  it("Heron r2 heavy-hex: 156 qubits, 176 couplers, IBM's numbering ([Q1] conf_kingston.json)", () => {
    expect(HERON_R2_EDGES.length).toBe(176);
    const qubits = new Set(HERON_R2_EDGES.flat());
    expect(qubits.size).toBe(156);
    // Edges copied from the published coupling_map.
    for (const [a, b] of [
      [3, 16],
      [16, 23],
      [19, 35],
      [21, 36],
      [36, 41],
      [139, 155],
      [154, 155],
      [131, 138],
      [138, 151],
    ])
      expect(has(HERON_R2_EDGES, a, b)).toBe(true);
    expect(has(HERON_R2_EDGES, 15, 16)).toBe(false);
    // Heavy-hex degrees are 1..3.
    const deg = new Map<number, number>();
    for (const [a, b] of HERON_R2_EDGES) {
      deg.set(a, (deg.get(a) ?? 0) + 1);
      deg.set(b, (deg.get(b) ?? 0) + 1);
    }
    expect(Math.max(...deg.values())).toBe(3);
  });

  it("Heron r1 heavy-hex: 133 qubits with the published edges ([Q1] conf_torino.json)", () => {
    expect(new Set(HERON_R1_EDGES.flat()).size).toBe(133);
    for (const [a, b] of [
      [0, 15],
      [15, 19],
      [21, 34],
      [34, 40],
      [114, 129],
      [126, 132],
      [127, 128],
    ])
      expect(has(HERON_R1_EDGES, a, b)).toBe(true);
    expect(has(HERON_R1_EDGES, 14, 15)).toBe(false);
    expect(HERON_R1_EDGES.length).toBe(150);
  });

  it("a 10×12 square lattice has Nighthawk's 218 couplers ([Q3])", () => {
    expect(squareLattice(10, 12).length).toBe(218);
    expect(allToAll(5).length).toBe(10);
  });

  it("distances are shortest paths", () => {
    const edges = squareLattice(3, 3);
    const adj = adjacency({ numQubits: 9, topology: "square-lattice", edges, description: "" });
    const d = distances(adj);
    expect(d[0 * 9 + 8]).toBe(4);
    expect(d[4 * 9 + 1]).toBe(1);
  });
});
