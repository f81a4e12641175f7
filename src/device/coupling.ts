// Coupling maps: which physical qubit pairs a device's two-qubit gate can act on, as undirected edges, plus the
// distance table routing needs. Generators reproduce the published layouts:
// - IBM Heron heavy-hex: rows of qubits joined by "bridge" qubits on alternating columns, as in the
//   coupling_map of [Q1] qiskit-ibm-runtime conf_kingston.json (Heron r2, 156 qubits, 176 couplers) and
//   conf_torino.json (Heron r1, 133 qubits).
// - Square lattices (IBM Nighthawk 10×12 = 218 couplers [Q3]; Rigetti Ankaa-3; Google Willow approximated).
// - All-to-all for trapped ions (and atom-transport devices).

export interface CouplingMap {
  numQubits: number;
  topology: "heavy-hex" | "square-lattice" | "all-to-all";
  /** Undirected edges [a, b] with a < b; every pair for all-to-all devices. */
  edges: Array<[number, number]>;
  /** One line: how the map was obtained. */
  description: string;
}

function edge(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

/**
 * IBM heavy-hex: `rows` rows of `rowLength` qubits; after row k a bridge row of qubits on columns `even`
 * (k even) or `odd` (k odd), each joined to the qubit above and, if there is a next row, below. Row k starts at
 * k·(rowLength + bridges) so the numbering matches IBM's.
 */
export function heavyHex(spec: {
  rowLength: number;
  rows: number;
  even: readonly number[];
  odd: readonly number[];
  /** A last bridge row after the final row (Heron r1 has one). */
  trailingBridges: boolean;
}): Array<[number, number]> {
  const bridges = spec.even.length;
  const stride = spec.rowLength + bridges;
  const edges: Array<[number, number]> = [];
  const bridgeRows = spec.trailingBridges ? spec.rows : spec.rows - 1;
  for (let k = 0; k < spec.rows; k++) {
    const start = k * stride;
    for (let c = 0; c + 1 < spec.rowLength; c++) edges.push(edge(start + c, start + c + 1));
    if (k >= bridgeRows) continue;
    const cols = k % 2 === 0 ? spec.even : spec.odd;
    cols.forEach((col, j) => {
      const b = start + spec.rowLength + j;
      edges.push(edge(start + col, b));
      if (k + 1 < spec.rows) edges.push(edge(b, start + stride + col));
    });
  }
  return edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Heron r2/r3 (156 qubits): 8 rows of 16, bridges on columns 3,7,11,15 then 1,5,9,13 ([Q1] conf_kingston). */
export const HERON_R2_EDGES = heavyHex({
  rowLength: 16,
  rows: 8,
  even: [3, 7, 11, 15],
  odd: [1, 5, 9, 13],
  trailingBridges: false,
});

/** Heron r1 (133 qubits): 7 rows of 15, bridges on columns 0,4,8,12 then 2,6,10,14 ([Q1] conf_torino). */
export const HERON_R1_EDGES = heavyHex({
  rowLength: 15,
  rows: 7,
  even: [0, 4, 8, 12],
  odd: [2, 6, 10, 14],
  trailingBridges: true,
});

/** A rows × cols square lattice numbered row-major, keeping the first `count` qubits. */
export function squareLattice(rows: number, cols: number, count = rows * cols): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  for (let q = 0; q < count; q++) {
    const c = q % cols;
    if (c + 1 < cols && q + 1 < count) edges.push([q, q + 1]);
    if (q + cols < count) edges.push([q, q + cols]);
  }
  return edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

export function allToAll(n: number): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) edges.push([a, b]);
  return edges;
}

/** Neighbour lists. */
export function adjacency(map: CouplingMap): number[][] {
  const adj: number[][] = Array.from({ length: map.numQubits }, () => []);
  for (const [a, b] of map.edges) {
    adj[a].push(b);
    adj[b].push(a);
  }
  return adj;
}

/** All-pairs shortest path lengths by BFS from every node (Int32Array n×n, −1 when unreachable). */
export function distances(adj: readonly number[][]): Int32Array {
  const n = adj.length;
  const dist = new Int32Array(n * n).fill(-1);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    dist[s * n + s] = 0;
    while (head < tail) {
      const u = queue[head++];
      for (const v of adj[u]) {
        if (dist[s * n + v] >= 0) continue;
        dist[s * n + v] = dist[s * n + u] + 1;
        queue[tail++] = v;
      }
    }
  }
  return dist;
}

/** Mean number of couplers per qubit. */
export function meanDegree(map: CouplingMap): number {
  return (2 * map.edges.length) / map.numQubits;
}
