import { describe, expect, it } from "vitest";
import type { Circuit } from "../circuit/ir.js";
import { type CouplingMap, squareLattice } from "../device/coupling.js";
import { candidateRegions, initialLayout, layoutCost } from "./layout.js";
import { route } from "./route.js";

const line = (n: number): CouplingMap => ({
  numQubits: n,
  topology: "square-lattice",
  edges: squareLattice(1, n),
  description: "line",
});

function circuit(n: number, pairs: Array<[number, number]>, measure = false): Circuit {
  const c: Circuit = {
    numQubits: n,
    numClbits: measure ? n : 0,
    qregs: [{ name: "q", size: n, offset: 0 }],
    cregs: measure ? [{ name: "c", size: n, offset: 0 }] : [],
    ops: pairs.map(([a, b]) => ({ kind: "gate" as const, name: "cx", qubits: [a, b], params: [] })),
  };
  if (measure) for (let q = 0; q < n; q++) c.ops.push({ kind: "measure", qubit: q, clbit: q });
  return c;
}

describe("layout and SABRE routing", () => {
  it("a chain of interactions is placed on a path of the device with no SWAP", () => {
    const c = circuit(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    const ranked = candidateRegions(line(9), 5)
      .map((region) => ({ region, layout: initialLayout(c, region) }))
      .map((x) => ({ ...x, cost: layoutCost(c, x.region, x.layout) }))
      .sort((a, b) => a.cost - b.cost);
    expect(ranked[0].cost).toBe(0);
    expect(route(c, ranked[0].region, ranked[0].layout).swaps).toBe(0);
  });

  it("a CNOT between the ends of a 5-qubit line needs 3 SWAPs, and every routed gate is on an edge", () => {
    const region = candidateRegions(line(5), 5)[0];
    const r = route(circuit(5, [[0, 4]], true), region, [0, 1, 2, 3, 4]);
    expect(r.swaps).toBe(3);
    for (const op of r.ops) if (op.kind === "gate") expect(Math.abs(op.qubits[0] - op.qubits[1])).toBe(1);
    // Measurements come last and read each logical qubit where it ended.
    const measures = r.ops.filter((o) => o.kind === "measure");
    expect(measures).toHaveLength(5);
    expect(r.ops.slice(-5).every((o) => o.kind === "measure")).toBe(true);
    for (const m of measures) if (m.kind === "measure") expect(m.qubit).toBe(r.finalLayout[m.clbit]);
  });
});
