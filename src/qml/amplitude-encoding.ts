// Amplitude encoding: prepare Σ_i x_i/‖x‖ |i⟩ for a real vector x of length ≤ 2ⁿ (zero-padded), with the
// state-preparation circuit built gate by gate and counted rather than assumed.
//
// Construction: Möttönen, Vartiainen, Bergholm, Salomaa, "Transformation of quantum states using uniformly
// controlled rotations", Quantum Inf. Comput. 5, 467 (2005), quant-ph/0407010. Qubit n−1 (most significant) is
// rotated first; qubit k then gets an Ry uniformly controlled by qubits k+1..n−1, whose angle for each value j of
// those qubits splits the norm of that block between bit k = 0 and 1 (at k = 0 the signed amplitudes themselves,
// so negative entries come out right). A uniformly controlled Ry on m controls is 2^m Ry and 2^m CNOTs whose
// controls follow the Gray code, with angles θ = M⁻¹α, M_ij = (−1)^{b_j·g_i} (b_j the binary digits of j, g_i the
// Gray code of i) and M⁻¹ = 2^{−m} Mᵀ (same paper). For real amplitudes the Rz half of the general construction is
// not needed: 2ⁿ − 1 Ry and 2ⁿ − 2 CNOTs in all. Shende, Bullock, Markov (IEEE TCAD 25, 1000, 2006) give
// cheaper circuits for general states; not done here.

import { userError } from "../errors.js";
import type { ParamGate } from "./variational.js";

export interface AmplitudeEncoding {
  qubits: number;
  gates: ParamGate[];
  rotations: number;
  cnots: number;
}

const gray = (i: number): number => i ^ (i >>> 1);

function popParity(x: number): number {
  let p = 0;
  for (let v = x; v; v &= v - 1) p ^= 1;
  return p;
}

/** The state-preparation circuit for a real vector (normalised here; a zero vector is a user error). */
export function amplitudeEncoding(x: readonly number[]): AmplitudeEncoding {
  const n = Math.max(1, Math.ceil(Math.log2(Math.max(1, x.length))));
  const dim = 2 ** n;
  const norm = Math.hypot(...x);
  if (!(norm > 0) || !Number.isFinite(norm) || x.some((v) => !Number.isFinite(v)))
    throw userError("Qml.InvalidAmplitudes", "amplitude encoding needs a finite, non-zero vector", {
      field: "amplitudes",
    });
  const a = Array.from({ length: dim }, (_, i) => (i < x.length ? x[i] / norm : 0));
  const gates: ParamGate[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const m = n - 1 - k; // controls: qubits k+1 .. n−1, control t = qubit k+1+t
    const blocks = 2 ** m;
    const blockSize = 2 ** k;
    const alpha = new Array<number>(blocks);
    for (let j = 0; j < blocks; j++) {
      const base = j * 2 * blockSize;
      if (k === 0) alpha[j] = 2 * Math.atan2(a[base + 1], a[base]);
      else {
        let n0 = 0;
        let n1 = 0;
        for (let i = 0; i < blockSize; i++) {
          n0 += a[base + i] ** 2;
          n1 += a[base + blockSize + i] ** 2;
        }
        alpha[j] = 2 * Math.atan2(Math.sqrt(n1), Math.sqrt(n0));
      }
    }
    if (m === 0) {
      gates.push({ name: "ry", qubits: [k], angle: { kind: "fixed", value: alpha[0] } });
      continue;
    }
    for (let i = 0; i < blocks; i++) {
      let theta = 0;
      for (let j = 0; j < blocks; j++) theta += (popParity(j & gray(i)) ? -1 : 1) * alpha[j];
      gates.push({ name: "ry", qubits: [k], angle: { kind: "fixed", value: theta / blocks } });
      // The control is the bit where consecutive Gray codes differ (cyclically, so the last is the top bit).
      const changed = gray(i) ^ gray((i + 1) % blocks);
      const t = 31 - Math.clz32(changed);
      gates.push({ name: "cx", qubits: [k + 1 + t, k] });
    }
  }
  const rotations = gates.filter((g) => g.name === "ry").length;
  return { qubits: n, gates, rotations, cnots: gates.length - rotations };
}
