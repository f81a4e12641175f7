// Single-qubit synthesis: any 2×2 unitary as Qiskit's U(θ, φ, λ) up to global phase (ZYZ Euler angles), and
// U(θ, φ, λ) in IBM's rz/sx basis: U = e^{iγ}·RZ(φ+π)·SX·RZ(θ+π)·SX·RZ(λ), with the one-SX form for θ = π/2
// and a lone RZ for θ = 0 (Qiskit's OneQubitEulerDecomposer, basis "ZSX").

import type { GateOp } from "../circuit/ir.js";
import type { Matrix } from "../circuit/matrix.js";

/** Angles below this are treated as zero when choosing a shorter form. */
export const ANGLE_EPS = 1e-12;

export interface EulerAngles {
  theta: number;
  phi: number;
  lambda: number;
}

/** Map an angle to (−π, π]. */
export function wrapAngle(x: number): number {
  const two = 2 * Math.PI;
  let y = x % two;
  if (y <= -Math.PI) y += two;
  if (y > Math.PI) y -= two;
  return y;
}

/** U = e^{iα}·U3(θ, φ, λ) with θ ∈ [0, π]. */
export function eulerZyz(m: Matrix): EulerAngles {
  const a = [m[0], m[1]];
  const b = [m[2], m[3]];
  const c = [m[4], m[5]];
  const d = [m[6], m[7]];
  const abs = (z: number[]) => Math.hypot(z[0], z[1]);
  const arg = (z: number[]) => Math.atan2(z[1], z[0]);
  const theta = 2 * Math.atan2(abs(c), abs(a));
  // Read φ and λ from entry phases relative to U00 (never halve a sum: that loses a sign mod π).
  const minusB = [-b[0], -b[1]];
  let phi: number;
  let lambda: number;
  if (abs(c) <= 1e-14) {
    phi = 0;
    lambda = arg(d) - arg(a);
  } else if (abs(a) <= 1e-14) {
    lambda = 0;
    phi = arg(c) - arg(minusB);
  } else {
    phi = arg(c) - arg(a);
    lambda = arg(minusB) - arg(a);
  }
  return { theta, phi: wrapAngle(phi), lambda: wrapAngle(lambda) };
}

function rz(q: number, angle: number, out: GateOp[]): void {
  const a = wrapAngle(angle);
  if (Math.abs(a) > ANGLE_EPS) out.push({ kind: "gate", name: "rz", qubits: [q], params: [a] });
}

/** U3(θ, φ, λ) on qubit q as rz/sx gates (applied in order), up to global phase. */
export function zsxSequence(q: number, e: EulerAngles): GateOp[] {
  const out: GateOp[] = [];
  const sx: GateOp = { kind: "gate", name: "sx", qubits: [q], params: [] };
  if (Math.abs(e.theta) < ANGLE_EPS) {
    rz(q, e.phi + e.lambda, out);
  } else if (Math.abs(e.theta - Math.PI / 2) < ANGLE_EPS) {
    rz(q, e.lambda - Math.PI / 2, out);
    out.push(sx);
    rz(q, e.phi + Math.PI / 2, out);
  } else {
    rz(q, e.lambda, out);
    out.push(sx);
    rz(q, e.theta + Math.PI, out);
    out.push({ ...sx });
    rz(q, e.phi + Math.PI, out);
  }
  return out;
}

/** U3(θ, φ, λ) on qubit q as one u3, or one rz when it is diagonal. */
export function u3Sequence(q: number, e: EulerAngles): GateOp[] {
  const out: GateOp[] = [];
  if (Math.abs(e.theta) < ANGLE_EPS) rz(q, e.phi + e.lambda, out);
  else out.push({ kind: "gate", name: "u3", qubits: [q], params: [e.theta, e.phi, e.lambda] });
  return out;
}
