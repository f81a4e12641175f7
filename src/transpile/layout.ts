// Initial layout (analysis pass): candidate connected regions of the coupling map with as many physical qubits
// as the circuit has logical ones (compact BFS balls and path-like DFS walks from every start qubit), and a
// placement of the most interacting logical qubits next to their partners. transpile.ts ranks the candidates by
// the distance their placement leaves between interacting qubits, routes the best few and keeps the fewest SWAPs. Routing then stays inside the region, so the compiled circuit is as wide as the original and can be
// simulated; SABRE's forward–backward passes (route.ts) refine the placement.

import type { Circuit } from "../circuit/ir.js";
import { adjacency, type CouplingMap, distances } from "../device/coupling.js";
import { userError } from "../errors.js";

export interface Region {
  /** Physical qubits of the region, ascending; compact index i is physical[i]. */
  physical: number[];
  /** Neighbour lists in compact indices. */
  adj: number[][];
  /** Compact-index distances inside the region (n×n). */
  dist: Int32Array;
}

/** Candidate regions routed in full (the ones whose initial layout puts interacting qubits closest). */
export const REGION_CANDIDATES = 8;

/**
 * Connected groups of n physical qubits to try: for every start qubit a breadth-first ball (compact) and a
 * depth-first walk (path-like, which suits chains of interactions), keeping the most compact distinct ones.
 */
export function candidateRegions(map: CouplingMap, n: number): Region[] {
  if (n > map.numQubits)
    throw userError(
      "Transpile.CircuitTooWide",
      `the circuit uses ${n} qubits but the device has ${map.numQubits}`,
      { field: "circuit", hint: "choose a larger device or a smaller circuit" },
    );
  if (map.topology === "all-to-all")
    return [
      makeRegion(
        map,
        Array.from({ length: n }, (_, i) => i),
      ),
    ];
  const adj = adjacency(map);
  const N = map.numQubits;
  const seen = new Set<string>();
  const pick = (grow: (s: number) => number[]): number[][] => {
    const found: number[][] = [];
    for (let s = 0; s < N; s++) {
      const set = grow(s);
      if (set.length < n) continue;
      const key = [...set].sort((a, b) => a - b).join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(set);
    }
    return found;
  };
  const bfs = (s: number): number[] => {
    const seen = new Uint8Array(N);
    const order = [s];
    seen[s] = 1;
    for (let h = 0; h < order.length && order.length < n; h++)
      for (const v of adj[order[h]]) {
        if (seen[v] || order.length >= n) continue;
        seen[v] = 1;
        order.push(v);
      }
    return order;
  };
  const dfs = (s: number): number[] => {
    const seen = new Uint8Array(N);
    const order: number[] = [];
    const stack = [s];
    while (stack.length > 0 && order.length < n) {
      const u = stack.pop()!;
      if (seen[u]) continue;
      seen[u] = 1;
      order.push(u);
      for (const v of [...adj[u]].reverse()) if (!seen[v]) stack.push(v);
    }
    return order;
  };
  const regions = [...pick(bfs), ...pick(dfs)].map((set) => makeRegion(map, set));
  if (regions.length === 0)
    throw userError("Transpile.CircuitTooWide", `no connected group of ${n} qubits on this device`, {
      field: "circuit",
    });
  return regions;
}

function makeRegion(map: CouplingMap, set: number[]): Region {
  const physical = [...set].sort((a, b) => a - b);
  const index = new Map(physical.map((p, i) => [p, i]));
  const adjR: number[][] = physical.map(() => []);
  for (const [a, b] of map.edges) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined) continue;
    adjR[ia].push(ib);
    adjR[ib].push(ia);
  }
  return { physical, adj: adjR, dist: distances(adjR) };
}

/** Σ over two-qubit gates of the distance between their qubits under `layout`: 0 means no SWAP is needed. */
export function layoutCost(circuit: Circuit, region: Region, layout: readonly number[]): number {
  const n = region.physical.length;
  let cost = 0;
  for (const op of circuit.ops)
    if (op.kind === "gate" && op.qubits.length === 2)
      cost += region.dist[layout[op.qubits[0]] * n + layout[op.qubits[1]]] - 1;
  return cost;
}

/** Initial placement: logical → compact index, by interaction weight onto region degree (greedy BFS). */
export function initialLayout(circuit: Circuit, region: Region): number[] {
  const n = circuit.numQubits;
  const weight: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const op of circuit.ops)
    if (op.kind === "gate" && op.qubits.length === 2) {
      const [a, b] = op.qubits;
      weight[a].set(b, (weight[a].get(b) ?? 0) + 1);
      weight[b].set(a, (weight[b].get(a) ?? 0) + 1);
    }
  const layout = new Array<number>(n).fill(-1);
  const used = new Uint8Array(n);
  const total = (q: number) => [...weight[q].values()].reduce((x, y) => x + y, 0);
  const logicalOrder = Array.from({ length: n }, (_, i) => i).sort((x, y) => total(y) - total(x) || x - y);
  for (const l of logicalOrder) {
    let bestP = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let p = 0; p < n; p++) {
      if (used[p]) continue;
      // Distance to already placed partners, weighted; ties go to better-connected physical qubits.
      let score = 0;
      for (const [m, w] of weight[l]) if (layout[m] >= 0) score += w * region.dist[p * n + layout[m]];
      score -= 1e-3 * region.adj[p].length;
      if (score < bestScore) {
        bestScore = score;
        bestP = p;
      }
    }
    layout[l] = bestP;
    used[bestP] = 1;
  }
  return layout;
}
