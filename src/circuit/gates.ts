// The gate library: every gate of OpenQASM 2.0's qelib1.inc as Qiskit ships it, with exact matrices.
// Matrices follow Qiskit's conventions (qiskit.circuit.library): argument 0 is the least significant bit of the
// matrix index, controls are the leading arguments, rz/crz/rzz are the e^{-iθZ/2} forms, u0 and id are identity.

import {
  type Complex,
  controlled,
  diagonal,
  expi,
  fromRows,
  identity,
  type Matrix,
  scale,
} from "./matrix.js";

export interface GateSpec {
  name: string;
  numQubits: number;
  /** Parameter names in OpenQASM order (angles in radians). */
  params: readonly string[];
  matrix(params: readonly number[]): Matrix;
  /** The matrix is diagonal for every parameter value: kernels may take the phase-only fast path. */
  diagonal: boolean;
  /**
   * For a controlled gate: the leading `count` arguments are controls and `target(params)` acts on the rest
   * when all controls are 1. Kernels use it to touch only the amplitudes where the controls are set.
   */
  controls?: { count: number; target(params: readonly number[]): Matrix };
  /** One line for `--help` and the docs. */
  summary: string;
}

const SQRT1_2 = Math.SQRT1_2;

/** Qiskit's U(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]. */
export function uMatrix(theta: number, phi: number, lambda: number): Matrix {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  const el = expi(lambda);
  const ep = expi(phi);
  const epl = expi(phi + lambda);
  return fromRows([
    [
      [c, 0],
      [-el[0] * s, -el[1] * s],
    ],
    [
      [ep[0] * s, ep[1] * s],
      [epl[0] * c, epl[1] * c],
    ],
  ]);
}

const phase = (lambda: number): Matrix => diagonal([[1, 0], expi(lambda)]);
const rzMatrix = (theta: number): Matrix => diagonal([expi(-theta / 2), expi(theta / 2)]);
const rxMatrix = (theta: number): Matrix => {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  return fromRows([
    [
      [c, 0],
      [0, -s],
    ],
    [
      [0, -s],
      [c, 0],
    ],
  ]);
};
const ryMatrix = (theta: number): Matrix => {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  return fromRows([
    [c, -s],
    [s, c],
  ]);
};

const X = fromRows([
  [0, 1],
  [1, 0],
]);
const Y = fromRows([
  [0, [0, -1]],
  [[0, 1], 0],
]);
const Z = diagonal([
  [1, 0],
  [-1, 0],
]);
const H = fromRows([
  [SQRT1_2, SQRT1_2],
  [SQRT1_2, -SQRT1_2],
]);
const SX = fromRows([
  [
    [0.5, 0.5],
    [0.5, -0.5],
  ],
  [
    [0.5, -0.5],
    [0.5, 0.5],
  ],
]);
const SXDG = fromRows([
  [
    [0.5, -0.5],
    [0.5, 0.5],
  ],
  [
    [0.5, 0.5],
    [0.5, -0.5],
  ],
]);
const SWAP = fromRows([
  [1, 0, 0, 0],
  [0, 0, 1, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 1],
]);

const I: Complex = [0, 1];
const MINUS_I: Complex = [0, -1];

// Qiskit's RCCXGate (Margolus): a Toffoli up to relative phases, rows/columns in little-endian order (a, b, c).
const RCCX = fromRows([
  [1, 0, 0, 0, 0, 0, 0, 0],
  [0, 1, 0, 0, 0, 0, 0, 0],
  [0, 0, 1, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, MINUS_I],
  [0, 0, 0, 0, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, -1, 0, 0],
  [0, 0, 0, 0, 0, 0, 1, 0],
  [0, 0, 0, I, 0, 0, 0, 0],
]);

// Qiskit's RC3XGate: a 3-controlled X up to relative phases (a, b, c controls, d target).
const RC3X = (() => {
  const m = identity(16);
  const set = (r: number, c: number, v: Complex): void => {
    m[2 * (r * 16 + c)] = v[0];
    m[2 * (r * 16 + c) + 1] = v[1];
  };
  set(3, 3, I);
  set(7, 7, [0, 0]);
  set(7, 15, [1, 0]);
  set(11, 11, MINUS_I);
  set(15, 15, [0, 0]);
  set(15, 7, [-1, 0]);
  return m;
})();

type Spec = Omit<GateSpec, "diagonal" | "params"> & { params?: readonly string[]; diagonal?: boolean };

function gate(spec: Spec): GateSpec {
  return { params: [], diagonal: false, ...spec };
}

/** A controlled gate built from its target matrix. */
function ctrl(
  name: string,
  count: number,
  target: (p: readonly number[]) => Matrix,
  summary: string,
  params: readonly string[] = [],
  isDiagonal = false,
): GateSpec {
  return {
    name,
    numQubits: count + Math.log2(Math.round(Math.sqrt(target(params.map(() => 0)).length / 2))),
    params,
    matrix: (p) => controlled(target(p), count),
    diagonal: isDiagonal,
    controls: { count, target },
    summary,
  };
}

const constant = (m: Matrix) => () => m;

const LIBRARY: GateSpec[] = [
  gate({
    name: "u3",
    numQubits: 1,
    params: ["theta", "phi", "lambda"],
    matrix: (p) => uMatrix(p[0], p[1], p[2]),
    summary: "generic single-qubit rotation U(θ,φ,λ)",
  }),
  gate({
    name: "u2",
    numQubits: 1,
    params: ["phi", "lambda"],
    matrix: (p) => uMatrix(Math.PI / 2, p[0], p[1]),
    summary: "U(π/2,φ,λ)",
  }),
  gate({
    name: "u1",
    numQubits: 1,
    params: ["lambda"],
    matrix: (p) => phase(p[0]),
    diagonal: true,
    summary: "phase gate diag(1, e^{iλ})",
  }),
  gate({
    name: "u",
    numQubits: 1,
    params: ["theta", "phi", "lambda"],
    matrix: (p) => uMatrix(p[0], p[1], p[2]),
    summary: "U(θ,φ,λ), same as u3 (also the builtin U)",
  }),
  gate({
    name: "p",
    numQubits: 1,
    params: ["lambda"],
    matrix: (p) => phase(p[0]),
    diagonal: true,
    summary: "phase gate diag(1, e^{iλ}), same as u1",
  }),
  gate({ name: "id", numQubits: 1, matrix: constant(identity(2)), diagonal: true, summary: "identity" }),
  gate({
    name: "u0",
    numQubits: 1,
    params: ["gamma"],
    matrix: () => identity(2),
    diagonal: true,
    summary: "identity (an idle of γ single-qubit gate lengths)",
  }),
  gate({ name: "x", numQubits: 1, matrix: constant(X), summary: "Pauli X (bit flip)" }),
  gate({ name: "y", numQubits: 1, matrix: constant(Y), summary: "Pauli Y" }),
  gate({ name: "z", numQubits: 1, matrix: constant(Z), diagonal: true, summary: "Pauli Z (phase flip)" }),
  gate({ name: "h", numQubits: 1, matrix: constant(H), summary: "Hadamard" }),
  gate({
    name: "s",
    numQubits: 1,
    matrix: constant(phase(Math.PI / 2)),
    diagonal: true,
    summary: "√Z = diag(1, i)",
  }),
  gate({
    name: "sdg",
    numQubits: 1,
    matrix: constant(phase(-Math.PI / 2)),
    diagonal: true,
    summary: "S† = diag(1, −i)",
  }),
  gate({
    name: "t",
    numQubits: 1,
    matrix: constant(phase(Math.PI / 4)),
    diagonal: true,
    summary: "√S = diag(1, e^{iπ/4})",
  }),
  gate({
    name: "tdg",
    numQubits: 1,
    matrix: constant(phase(-Math.PI / 4)),
    diagonal: true,
    summary: "T† = diag(1, e^{−iπ/4})",
  }),
  gate({ name: "rx", numQubits: 1, params: ["theta"], matrix: (p) => rxMatrix(p[0]), summary: "e^{−iθX/2}" }),
  gate({ name: "ry", numQubits: 1, params: ["theta"], matrix: (p) => ryMatrix(p[0]), summary: "e^{−iθY/2}" }),
  gate({
    name: "rz",
    numQubits: 1,
    params: ["phi"],
    matrix: (p) => rzMatrix(p[0]),
    diagonal: true,
    summary: "e^{−iφZ/2}",
  }),
  gate({ name: "sx", numQubits: 1, matrix: constant(SX), summary: "√X" }),
  gate({ name: "sxdg", numQubits: 1, matrix: constant(SXDG), summary: "√X†" }),
  ctrl("cx", 1, constant(X), "controlled X (CNOT), control first"),
  ctrl("cz", 1, constant(Z), "controlled Z", [], true),
  ctrl("cy", 1, constant(Y), "controlled Y"),
  gate({ name: "swap", numQubits: 2, matrix: constant(SWAP), summary: "swap two qubits" }),
  ctrl("ch", 1, constant(H), "controlled Hadamard"),
  ctrl("ccx", 2, constant(X), "Toffoli: X on the third qubit when the first two are 1"),
  ctrl("cswap", 1, constant(SWAP), "Fredkin: swap the last two qubits when the first is 1"),
  ctrl("crx", 1, (p) => rxMatrix(p[0]), "controlled RX", ["lambda"]),
  ctrl("cry", 1, (p) => ryMatrix(p[0]), "controlled RY", ["lambda"]),
  ctrl("crz", 1, (p) => rzMatrix(p[0]), "controlled RZ", ["lambda"], true),
  ctrl("cu1", 1, (p) => phase(p[0]), "controlled phase diag(1,1,1,e^{iλ})", ["lambda"], true),
  ctrl("cp", 1, (p) => phase(p[0]), "controlled phase, same as cu1", ["lambda"], true),
  ctrl("cu3", 1, (p) => uMatrix(p[0], p[1], p[2]), "controlled U(θ,φ,λ)", ["theta", "phi", "lambda"]),
  ctrl("csx", 1, constant(SX), "controlled √X"),
  ctrl("cu", 1, (p) => scale(uMatrix(p[0], p[1], p[2]), expi(p[3])), "controlled e^{iγ}·U(θ,φ,λ)", [
    "theta",
    "phi",
    "lambda",
    "gamma",
  ]),
  gate({
    name: "rxx",
    numQubits: 2,
    params: ["theta"],
    matrix: (p) => {
      const c = Math.cos(p[0] / 2);
      const s = Math.sin(p[0] / 2);
      const mis: Complex = [0, -s];
      return fromRows([
        [c, 0, 0, mis],
        [0, c, mis, 0],
        [0, mis, c, 0],
        [mis, 0, 0, c],
      ]);
    },
    summary: "e^{−iθ X⊗X/2}",
  }),
  gate({
    name: "rzz",
    numQubits: 2,
    params: ["theta"],
    matrix: (p) => {
      const a = expi(-p[0] / 2);
      const b = expi(p[0] / 2);
      return diagonal([a, b, b, a]);
    },
    diagonal: true,
    summary: "e^{−iθ Z⊗Z/2}",
  }),
  gate({ name: "rccx", numQubits: 3, matrix: constant(RCCX), summary: "relative-phase Toffoli (Margolus)" }),
  gate({ name: "rc3x", numQubits: 4, matrix: constant(RC3X), summary: "relative-phase 3-controlled X" }),
  ctrl("c3x", 3, constant(X), "3-controlled X"),
  ctrl("c3sqrtx", 3, constant(SX), "3-controlled √X"),
  ctrl("c4x", 4, constant(X), "4-controlled X"),
];

/** The library by name. */
export const GATES: ReadonlyMap<string, GateSpec> = new Map(LIBRARY.map((g) => [g.name, g]));

export function gateSpec(name: string): GateSpec | undefined {
  return GATES.get(name);
}

/** The exact unitary of a library gate; throws on an unknown name (callers validate names first). */
export function gateMatrix(name: string, params: readonly number[]): Matrix {
  const spec = GATES.get(name);
  if (!spec) throw new Error(`unknown gate '${name}'`);
  return spec.matrix(params);
}

/**
 * The inverse of a library gate as a sequence of library gates (applied in order), for building inverse
 * circuits. Most gates invert to one gate; (C-√X)† = (C-√X)³ and (C³-√X)† = (C³-√X)⁷ since √X⁸ = I, and
 * RC3X⁴ = I, because qelib1 has no names for their inverses.
 */
export function inverseGate(
  name: string,
  params: readonly number[],
): Array<{ name: string; params: number[] }> {
  const one = (n: string, p: number[] = []) => [{ name: n, params: p }];
  const repeat = (n: string, times: number) => Array.from({ length: times }, () => ({ name: n, params: [] }));
  switch (name) {
    case "s":
      return one("sdg");
    case "sdg":
      return one("s");
    case "t":
      return one("tdg");
    case "tdg":
      return one("t");
    case "sx":
      return one("sxdg");
    case "sxdg":
      return one("sx");
    case "u3":
    case "u":
    case "cu3":
      // U(θ,φ,λ)† = U(−θ,−λ,−φ) exactly
      return one(name, [-params[0], -params[2], -params[1]]);
    case "u2":
      return one("u3", [-Math.PI / 2, -params[1], -params[0]]);
    case "cu":
      return one(name, [-params[0], -params[2], -params[1], -params[3]]);
    case "csx":
      return repeat("csx", 3);
    case "c3sqrtx":
      return repeat("c3sqrtx", 7);
    case "rc3x":
      return repeat("rc3x", 3);
    default:
      // Self-inverse gates (x y z h cx cz cy swap ch ccx cswap rccx c3x c4x id u0) and rotations whose inverse
      // is the negated angle (rx ry rz p u1 crx cry crz cu1 cp rxx rzz).
      return one(
        name,
        params.map((p) => -p),
      );
  }
}
