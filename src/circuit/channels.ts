// Noise channels as Kraus operators: E(ρ) = Σ_k K_k ρ K_k†, trace preserving when Σ_k K_k† K_k = I.
// Matrices use the gate library's layout (src/circuit/matrix.ts): row-major, interleaved re/im, argument 0 the
// least significant index bit. Conventions follow Qiskit Aer's `qiskit_aer.noise.errors.standard_errors`, so a
// model written for Aer means the same here.
//
// Fast paths: a channel that is a mixture of Pauli strings keeps its probabilities in `pauli`, so trajectories
// sample a Pauli instead of computing Kraus norms, and the density-matrix backend can still use the Kraus form.
//
// Channels are plain math beside the gate matrices (as Qiskit keeps them in quantum_info, below its simulators):
// the device's noise types, the noise layer and the simulator's noisy engines all read them, and none of those
// layers is below another here (issue 14: noise types import nothing from sim).

import { userError } from "../errors.js";
import { dagger, dimOf, fromRows, identity, type Matrix, matmul, maxDistance } from "./matrix.js";

export interface KrausChannel {
  /** Short label for reports, e.g. `depolarizing(0.001)`. */
  name: string;
  numQubits: number;
  /** Kraus operators, each 2^n × 2^n. */
  kraus: Matrix[];
  /**
   * When the channel is a Pauli mixture: probabilities of the 4^n Pauli strings, index bit pair j selecting
   * the Pauli on argument j (0 I, 1 X, 2 Y, 3 Z). Kraus operators are then √p·P for the nonzero entries.
   */
  pauli?: Float64Array;
}

/** Classical readout error of one qubit: P(read 1 | prepared 0) and P(read 0 | prepared 1). */
export interface ReadoutError {
  p1Given0: number;
  p0Given1: number;
}

/** The Kronecker product a ⊗ b, with b on the low index bits (argument 0). */
export function kron(a: Matrix, b: Matrix): Matrix {
  const da = dimOf(a);
  const db = dimOf(b);
  const d = da * db;
  const out = new Float64Array(2 * d * d);
  for (let ra = 0; ra < da; ra++)
    for (let ca = 0; ca < da; ca++) {
      const xr = a[2 * (ra * da + ca)];
      const xi = a[2 * (ra * da + ca) + 1];
      if (xr === 0 && xi === 0) continue;
      for (let rb = 0; rb < db; rb++)
        for (let cb = 0; cb < db; cb++) {
          const yr = b[2 * (rb * db + cb)];
          const yi = b[2 * (rb * db + cb) + 1];
          const idx = 2 * ((ra * db + rb) * d + ca * db + cb);
          out[idx] = xr * yr - xi * yi;
          out[idx + 1] = xr * yi + xi * yr;
        }
    }
  return out;
}

/**
 * The channel's superoperator S = Σ_k conj(K_k) ⊗ K_k acting on vec(ρ), where vec index = row + d·column:
 * the form the density-matrix backend applies as one dense op on the row and column qubits.
 */
export function superoperator(channel: KrausChannel): Matrix {
  const d = 1 << channel.numQubits;
  const out = new Float64Array(2 * d ** 4);
  for (const k of channel.kraus) {
    const conj = k.map((x, i) => (i % 2 === 1 ? -x : x));
    const s = kron(conj, k);
    for (let i = 0; i < out.length; i++) out[i] += s[i];
  }
  return out;
}

/** Largest allowed deviation of Σ K†K from I. */
export const COMPLETENESS_TOLERANCE = 1e-10;

const I2 = identity(2);
const PX = fromRows([
  [0, 1],
  [1, 0],
]);
const PY = fromRows([
  [0, [0, -1]],
  [[0, 1], 0],
]);
const PZ = fromRows([
  [1, 0],
  [0, -1],
]);
const PAULIS = [I2, PX, PY, PZ];

export function pauliString(code: number, n: number): Matrix {
  let m = PAULIS[code & 3];
  for (let j = 1; j < n; j++) m = kron(PAULIS[(code >> (2 * j)) & 3], m);
  return m;
}

function scaled(m: Matrix, s: number): Matrix {
  return m.map((x) => x * s);
}

/** ‖Σ K†K − I‖ (largest entry-wise distance); 0 for an exactly trace-preserving channel. */
export function completenessError(channel: KrausChannel): number {
  const d = 1 << channel.numQubits;
  const sum = new Float64Array(2 * d * d);
  for (const k of channel.kraus) {
    const kk = matmul(dagger(k), k);
    for (let i = 0; i < sum.length; i++) sum[i] += kk[i];
  }
  return maxDistance(sum, identity(d));
}

function probabilityCheck(field: string, p: number, max = 1): void {
  if (!Number.isFinite(p) || p < 0 || p > max)
    throw userError("Noise.InvalidParameter", `${field} must be a probability in [0, ${max}], got ${p}`, {
      field,
    });
}

/** A Pauli mixture from the 4^n string probabilities (they must sum to 1). */
export function pauliChannel(
  probabilities: ArrayLike<number>,
  numQubits: number,
  name = "pauli",
): KrausChannel {
  if (probabilities.length !== 4 ** numQubits)
    throw userError(
      "Noise.InvalidParameter",
      `a ${numQubits}-qubit Pauli channel needs ${4 ** numQubits} probabilities, got ${probabilities.length}`,
      { field: "pauli" },
    );
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    probabilityCheck(`pauli[${i}]`, probabilities[i]);
    total += probabilities[i];
  }
  if (Math.abs(total - 1) > COMPLETENESS_TOLERANCE)
    throw userError("Noise.NotTracePreserving", `Pauli probabilities sum to ${total}, not 1`, {
      field: "pauli",
    });
  const pauli = Float64Array.from(probabilities);
  const kraus: Matrix[] = [];
  for (let code = 0; code < pauli.length; code++)
    if (pauli[code] > 0) kraus.push(scaled(pauliString(code, numQubits), Math.sqrt(pauli[code])));
  return { name, numQubits, kraus, pauli };
}

/**
 * Depolarizing channel E(ρ) = (1 − λ)ρ + λ·Tr(ρ)·I/d on n qubits (d = 2^n), Qiskit Aer's `depolarizing_error`:
 * λ ∈ [0, 4^n/(4^n − 1)], the upper end being the uniform Pauli channel. Its fixed point is I/d.
 */
export function depolarizing(lambda: number, numQubits: 1 | 2 = 1): KrausChannel {
  const strings = 4 ** numQubits;
  probabilityCheck("depolarizing", lambda, strings / (strings - 1));
  const probs = new Float64Array(strings).fill(lambda / strings);
  probs[0] = 1 - (lambda * (strings - 1)) / strings;
  return pauliChannel(probs, numQubits, `depolarizing${numQubits}q(${fmt(lambda)})`);
}

export function bitFlip(p: number): KrausChannel {
  probabilityCheck("bitFlip", p);
  return pauliChannel([1 - p, p, 0, 0], 1, `bitFlip(${fmt(p)})`);
}

export function phaseFlip(p: number): KrausChannel {
  probabilityCheck("phaseFlip", p);
  return pauliChannel([1 - p, 0, 0, p], 1, `phaseFlip(${fmt(p)})`);
}

/**
 * Amplitude damping with decay probability γ: K0 = diag(1, √(1−γ)), K1 = √γ |0⟩⟨1| (Nielsen & Chuang §8.3.5).
 * For relaxation over time t, γ = 1 − e^{−t/T1}.
 */
export function amplitudeDamping(gamma: number): KrausChannel {
  probabilityCheck("amplitudeDamping", gamma);
  return {
    name: `amplitudeDamping(${fmt(gamma)})`,
    numQubits: 1,
    kraus: [
      fromRows([
        [1, 0],
        [0, Math.sqrt(1 - gamma)],
      ]),
      fromRows([
        [0, Math.sqrt(gamma)],
        [0, 0],
      ]),
    ],
  };
}

/**
 * Phase damping with parameter λ: K0 = diag(1, √(1−λ)), K1 = diag(0, √λ) (Nielsen & Chuang §8.3.6); the
 * off-diagonal elements shrink by √(1−λ). Equal to a phase flip with p = (1 − √(1−λ))/2.
 */
export function phaseDamping(lambda: number): KrausChannel {
  probabilityCheck("phaseDamping", lambda);
  return {
    name: `phaseDamping(${fmt(lambda)})`,
    numQubits: 1,
    kraus: [
      fromRows([
        [1, 0],
        [0, Math.sqrt(1 - lambda)],
      ]),
      fromRows([
        [0, 0],
        [0, Math.sqrt(lambda)],
      ]),
    ],
  };
}

/**
 * Thermal relaxation towards |0⟩ over `durationNs` (zero excited-state population, as Qiskit Aer's
 * `thermal_relaxation_error` with its default): populations decay as e^{−t/T1}, coherences as e^{−t/T2}.
 * Physical only when T2 ≤ 2·T1, because amplitude damping alone already decays coherences as e^{−t/(2T1)};
 * the rest is pure dephasing with 1/Tφ = 1/T2 − 1/(2T1). `t2Us` null means T1-limited (T2 = 2·T1).
 */
export function thermalRelaxation(t1Us: number, t2Us: number | null, durationNs: number): KrausChannel {
  if (!(t1Us > 0) || !Number.isFinite(t1Us))
    throw userError("Noise.InvalidParameter", `T1 must be a positive number of µs, got ${t1Us}`, {
      field: "t1Us",
    });
  const t2 = t2Us ?? 2 * t1Us;
  if (!(t2 > 0) || !Number.isFinite(t2))
    throw userError("Noise.InvalidParameter", `T2 must be a positive number of µs, got ${t2Us}`, {
      field: "t2Us",
    });
  if (t2 > 2 * t1Us * (1 + 1e-12))
    throw userError(
      "Noise.UnphysicalT2",
      `T2 = ${t2Us} µs exceeds 2·T1 = ${2 * t1Us} µs, which no qubit can have`,
      {
        field: "t2Us",
        hint: "amplitude damping alone limits coherence to T2 ≤ 2·T1; check the units and the values",
      },
    );
  if (!(durationNs >= 0) || !Number.isFinite(durationNs))
    throw userError(
      "Noise.InvalidParameter",
      `duration must be a non-negative number of ns, got ${durationNs}`,
      {
        field: "durationNs",
      },
    );
  const tUs = durationNs * 1e-3;
  const gamma = -Math.expm1(-tUs / t1Us);
  // Remaining coherence factor after amplitude damping: e^{−t/T2} / e^{−t/(2T1)} = e^{−t/Tφ} = √(1−λ).
  const rate = Math.max(0, 1 / t2 - 1 / (2 * t1Us));
  const lambda = -Math.expm1(-2 * tUs * rate);
  const ad = amplitudeDamping(gamma).kraus;
  const pd = phaseDamping(lambda).kraus;
  const kraus: Matrix[] = [];
  for (const a of ad)
    for (const p of pd) {
      const k = matmul(a, p);
      if (k.some((x) => x !== 0)) kraus.push(k);
    }
  return {
    name: `thermalRelaxation(T1=${fmt(t1Us)}µs, T2=${fmt(t2)}µs, t=${fmt(durationNs)}ns)`,
    numQubits: 1,
    kraus,
  };
}

/** A general channel from user Kraus operators; refuses one that is not trace preserving. */
export function krausChannel(kraus: Matrix[], name = "kraus"): KrausChannel {
  if (kraus.length === 0)
    throw userError("Noise.InvalidParameter", "a Kraus channel needs at least one operator", {
      field: "kraus",
    });
  const d = dimOf(kraus[0]);
  const n = Math.log2(d);
  if (!Number.isInteger(n) || n < 1 || n > 3 || kraus.some((k) => k.length !== 2 * d * d))
    throw userError("Noise.InvalidParameter", "Kraus operators must all be 2^n × 2^n for n = 1, 2 or 3", {
      field: "kraus",
    });
  const channel: KrausChannel = { name, numQubits: n, kraus };
  const err = completenessError(channel);
  if (!(err <= COMPLETENESS_TOLERANCE))
    throw userError("Noise.NotTracePreserving", `Σ K†K differs from I by ${err.toExponential(2)}`, {
      field: "kraus",
      hint: "the Kraus operators of a trace-preserving channel satisfy Σ K†K = I",
    });
  return channel;
}

/** Apply `second` after `first` on the same qubits: Kraus operators {B_j A_i}, zero products dropped. */
export function compose(first: KrausChannel, second: KrausChannel): KrausChannel {
  if (first.numQubits !== second.numQubits)
    throw userError("Noise.InvalidParameter", "composed channels must act on the same number of qubits");
  const kraus: Matrix[] = [];
  for (const a of first.kraus)
    for (const b of second.kraus) {
      const k = matmul(b, a);
      if (k.some((x) => Math.abs(x) > 1e-300)) kraus.push(k);
    }
  return { name: `${first.name}·${second.name}`, numQubits: first.numQubits, kraus };
}

/** The channel `c` on one qubit applied to each of two qubits: Kraus operators B_j ⊗ A_i. */
export function tensor(low: KrausChannel, high: KrausChannel): KrausChannel {
  const kraus: Matrix[] = [];
  for (const h of high.kraus) for (const l of low.kraus) kraus.push(kron(h, l));
  return { name: `${high.name}⊗${low.name}`, numQubits: low.numQubits + high.numQubits, kraus };
}

/** A symmetric or asymmetric readout error; both probabilities in [0, 1]. */
export function readoutError(p1Given0: number, p0Given1: number = p1Given0): ReadoutError {
  probabilityCheck("readout.p1Given0", p1Given0);
  probabilityCheck("readout.p0Given1", p0Given1);
  return { p1Given0, p0Given1 };
}

/**
 * Apply independent per-bit confusion matrices to a distribution over m measured bits (index bit j = bit j):
 * P'(read) = Σ_true Π_j P(read_j | true_j) P(true). One pass per bit, in place.
 */
export function applyReadoutErrors(probs: Float64Array, errors: ReadonlyArray<ReadoutError | null>): void {
  for (let j = 0; j < errors.length; j++) {
    const e = errors[j];
    if (!e || (e.p1Given0 === 0 && e.p0Given1 === 0)) continue;
    const bit = 1 << j;
    for (let i = 0; i < probs.length; i++) {
      if (i & bit) continue;
      const p0 = probs[i];
      const p1 = probs[i | bit];
      probs[i] = (1 - e.p1Given0) * p0 + e.p0Given1 * p1;
      probs[i | bit] = e.p1Given0 * p0 + (1 - e.p0Given1) * p1;
    }
  }
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** Σ K ρ K† for a dense ρ on the channel's own qubits (small matrices: reference checks and tests). */
export function applyToDensityMatrix(channel: KrausChannel, rho: Matrix): Matrix {
  const out = new Float64Array(rho.length);
  for (const k of channel.kraus) {
    const term = matmul(matmul(k, rho), dagger(k));
    for (let i = 0; i < out.length; i++) out[i] += term[i];
  }
  return out;
}
