// Controlled versions of library gates, for OpenQASM 3's `ctrl @` modifier: C^k(G) written with library gates
// only, exactly (global phase included), so the circuit IR needs no new gate kinds.
//
// - A controlled gate the library has by name is used directly (ctrl @ x → cx, ctrl @ ctrl @ x → ccx, ...).
// - Otherwise a gate with controls of its own (cx, crz, cswap, ...) merges its controls with the new ones, and a
//   multi-qubit gate without controls (swap, rzz, rxx, rccx, rc3x) is written with cx and one-qubit gates.
// - A one-qubit matrix T is split as e^{iα}·U(θ,φ,λ); the phase becomes a controlled phase on the controls
//   (C^k(gphase α) = C^{k-1}(p(α)) on the last control), and C(U) is `cu3`.
// - C^k(T) for k ≥ 2 uses Barenco et al. 1995, Lemma 7.5 (no ancillas): with V² = T,
//   C^k(T) = C^{k-1}(V)[c1..ck-1; t] · CX^{k-1}[c1..ck-1; ck] · C(V†)[ck; t] · CX^{k-1}[c1..ck-1; ck] · C(V)[ck; t]
//   (rightmost first). It grows as 3^k, so the reader's operation budget bounds it.

import { EXACT_DECOMPOSITIONS } from "../circuit/decompositions.js";
import { GATES } from "../circuit/gates.js";
import { type Complex, dagger, get, type Matrix } from "../circuit/matrix.js";

/** Where expanded gates go: library gates, and global phase (which only the caller can track). */
export interface GateSink {
  gate(name: string, qubits: number[], params: number[]): void;
  phase(angle: number): void;
}

/** Controls past this many are refused before any work: the expansion grows as 3^k. */
export const MAX_CONTROLS = 32;

type Direct = readonly [name: string, params?: (p: readonly number[]) => number[]];

/** Library gates that are C^k of another library gate: DIRECT[g][k]. */
const DIRECT: Readonly<Record<string, Readonly<Record<number, Direct>>>> = {
  x: { 1: ["cx"], 2: ["ccx"], 3: ["c3x"], 4: ["c4x"] },
  cx: { 1: ["ccx"], 2: ["c3x"], 3: ["c4x"] },
  ccx: { 1: ["c3x"], 2: ["c4x"] },
  c3x: { 1: ["c4x"] },
  y: { 1: ["cy"] },
  z: { 1: ["cz"] },
  h: { 1: ["ch"] },
  swap: { 1: ["cswap"] },
  rx: { 1: ["crx"] },
  ry: { 1: ["cry"] },
  rz: { 1: ["crz"] },
  p: { 1: ["cp"] },
  u1: { 1: ["cu1"] },
  sx: { 1: ["csx"], 3: ["c3sqrtx"] },
  csx: { 2: ["c3sqrtx"] },
  u: { 1: ["cu3"] },
  u3: { 1: ["cu3"] },
  u2: { 1: ["cu3", (p) => [Math.PI / 2, p[0], p[1]]] },
};

/** C^k(G) for the library gate `name` on `qubits`, with `controls` (all on |1⟩) ahead of them. */
export function controlledGate(
  sink: GateSink,
  name: string,
  params: readonly number[],
  qubits: readonly number[],
  controls: readonly number[],
): void {
  const k = controls.length;
  if (k === 0) {
    sink.gate(name, [...qubits], [...params]);
    return;
  }
  if (name === "id" || name === "u0") return;
  const direct = DIRECT[name]?.[k];
  if (direct) {
    sink.gate(direct[0], [...controls, ...qubits], direct[1] ? direct[1](params) : [...params]);
    return;
  }
  const spec = GATES.get(name);
  if (!spec) throw new Error(`controlledGate: unknown library gate '${name}'`);
  if (spec.controls) {
    const own = spec.controls.count;
    const more = [...controls, ...qubits.slice(0, own)];
    const rest = qubits.slice(own);
    if (rest.length === 1) controlledMatrix(sink, spec.controls.target(params), rest[0], more);
    else controlledGate(sink, "swap", [], rest, more); // cswap: the only library target on two qubits
    return;
  }
  const parts = EXACT_DECOMPOSITIONS[name];
  if (parts) {
    for (const [n, idx, p] of parts(params))
      controlledGate(
        sink,
        n,
        p ?? [],
        idx.map((i) => qubits[i]),
        controls,
      );
    return;
  }
  controlledMatrix(sink, spec.matrix(params), qubits[0], controls);
}

/** C^k(e^{iα}) on the controls: a phase on the |1…1⟩ subspace. With no controls, a global phase. */
export function controlledPhase(sink: GateSink, angle: number, controls: readonly number[]): void {
  const k = controls.length;
  if (angle === 0) return;
  if (k === 0) sink.phase(angle);
  else if (k === 1) sink.gate("p", [controls[0]], [angle]);
  else if (k === 2) sink.gate("cp", [...controls], [angle]);
  else controlledGate(sink, "p", [angle], [controls[k - 1]], controls.slice(0, k - 1));
}

/** C^k(T) for a one-qubit unitary T (2×2, row-major interleaved). */
export function controlledMatrix(
  sink: GateSink,
  t: Matrix,
  target: number,
  controls: readonly number[],
): void {
  const k = controls.length;
  const z = zyz(t);
  if (k <= 1) {
    controlledPhase(sink, z.alpha, controls);
    if (k === 0) sink.gate("u", [target], [z.theta, z.phi, z.lambda]);
    else sink.gate("cu3", [controls[0], target], [z.theta, z.phi, z.lambda]);
    return;
  }
  const v = sqrt2(t);
  const last = controls[k - 1];
  const rest = controls.slice(0, k - 1);
  controlledMatrix(sink, v, target, [last]);
  controlledGate(sink, "x", [], [last], rest);
  controlledMatrix(sink, dagger(v), target, [last]);
  controlledGate(sink, "x", [], [last], rest);
  controlledMatrix(sink, v, target, rest);
}

/** T = e^{iα}·U(θ,φ,λ) with Qiskit's U = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]. */
export function zyz(t: Matrix): { alpha: number; theta: number; phi: number; lambda: number } {
  const a = get(t, 0, 0);
  const b = get(t, 0, 1);
  const c = get(t, 1, 0);
  const d = get(t, 1, 1);
  const abs = (z: Complex): number => Math.hypot(z[0], z[1]);
  const arg = (z: Complex): number => Math.atan2(z[1], z[0]);
  const theta = 2 * Math.atan2(abs(c), abs(a));
  const eps = 1e-14;
  if (abs(a) > eps) {
    const alpha = arg(a);
    if (abs(c) > eps) return { alpha, theta, phi: arg(c) - alpha, lambda: arg([-b[0], -b[1]]) - alpha };
    return { alpha, theta, phi: 0, lambda: arg(d) - alpha };
  }
  // θ = π: only e^{i(α+φ)} and e^{i(α+λ)} are fixed; choose λ = 0.
  const alpha = arg([-b[0], -b[1]]);
  return { alpha, theta, phi: arg(c) - alpha, lambda: 0 };
}

/** A square root V (V² = T) of a 2×2 unitary: V = (T + s·I)/τ with s = √det T, τ = √(tr T + 2s). */
export function sqrt2(t: Matrix): Matrix {
  const a = get(t, 0, 0);
  const b = get(t, 0, 1);
  const c = get(t, 1, 0);
  const d = get(t, 1, 1);
  const det = csub(cmul(a, d), cmul(b, c));
  let s = csqrt(det);
  let tau = csqrt(cadd(cadd(a, d), [2 * s[0], 2 * s[1]]));
  if (Math.hypot(tau[0], tau[1]) < 1e-6) {
    s = [-s[0], -s[1]];
    tau = csqrt(cadd(cadd(a, d), [2 * s[0], 2 * s[1]]));
  }
  const out = new Float64Array(8);
  const entries = [cadd(a, s), b, c, cadd(d, s)];
  entries.forEach((e, i) => {
    const q = cdiv(e, tau);
    out[2 * i] = q[0];
    out[2 * i + 1] = q[1];
  });
  return out;
}

const cadd = (x: Complex, y: Complex): Complex => [x[0] + y[0], x[1] + y[1]];
const csub = (x: Complex, y: Complex): Complex => [x[0] - y[0], x[1] - y[1]];
const cmul = (x: Complex, y: Complex): Complex => [x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0]];
const cdiv = (x: Complex, y: Complex): Complex => {
  const n = y[0] * y[0] + y[1] * y[1];
  return [(x[0] * y[0] + x[1] * y[1]) / n, (x[1] * y[0] - x[0] * y[1]) / n];
};
const csqrt = (z: Complex): Complex => {
  const r = Math.sqrt(Math.hypot(z[0], z[1]));
  const h = Math.atan2(z[1], z[0]) / 2;
  return [r * Math.cos(h), r * Math.sin(h)];
};
