// Monte-Carlo trajectories of a noisy circuit on the statevector kernels (quantum jumps, Dalibard, Castin &
// Mølmer, PRL 68, 580 (1992)): each trajectory applies the gates and, for every channel, one Kraus operator
// K_k drawn with probability ‖K_k ψ‖², then renormalises. The average of |ψ⟩⟨ψ| over trajectories converges
// to the density matrix. Pauli channels take the fast path (draw a Pauli from fixed probabilities, no norms);
// other channels get their branch probabilities from the 2×2 or 4×4 reduced density matrix of their qubits.
//
// Each trajectory contributes one shot (sampled from its final state) and its exact final distribution over
// the measured qubits, so the averaged distribution has a standard error per outcome.

import type { KrausChannel } from "../circuit/channels.js";
import { userError } from "../errors.js";
import type { Prng } from "../stats/prng.js";
import type { Kernel } from "./kernels/kernel.js";
import { selectKernel } from "./kernels/select.js";
import type { NoisyCircuit } from "./noisy-program.js";
import { sampleOneIndex } from "./sampling.js";
import { accumulateMarginal, gatherBits } from "./statevector.js";

export interface TrajectoryResult {
  trajectories: number;
  /** Mean over trajectories of the final distribution over the terminal measurements (before readout error). */
  probabilities: Float64Array;
  /** Standard error of each entry of `probabilities`. */
  standardErrors: Float64Array;
  /** One sample per trajectory: gathered terminal bits → count (before readout error). */
  samples: Map<number, number>;
}

const PAULI_1Q = [
  null,
  Float64Array.from([0, 0, 1, 0, 1, 0, 0, 0]),
  Float64Array.from([0, 0, 0, -1, 0, 1, 0, 0]),
  Float64Array.from([1, 0, 0, 0, 0, 0, -1, 0]),
];

/** The reduced density matrix of `qubits` (k = 1 or 2): 2^k × 2^k, interleaved re/im. */
function reducedDensity(state: Float64Array, n: number, qubits: readonly number[]): Float64Array {
  const k = qubits.length;
  const d = 1 << k;
  const out = new Float64Array(2 * d * d);
  let mask = 0;
  for (const q of qubits) mask |= 1 << q;
  const offs = new Int32Array(d);
  for (let m = 0; m < d; m++) for (let j = 0; j < k; j++) if ((m >> j) & 1) offs[m] |= 1 << qubits[j];
  const dim = 2 ** n;
  for (let base = 0; base < dim; base++) {
    if (base & mask) continue;
    for (let r = 0; r < d; r++) {
      const ar = state[2 * (base | offs[r])];
      const ai = state[2 * (base | offs[r]) + 1];
      for (let c = 0; c < d; c++) {
        const br = state[2 * (base | offs[c])];
        const bi = state[2 * (base | offs[c]) + 1];
        // ρ[r,c] += a_r · conj(a_c)
        out[2 * (r * d + c)] += ar * br + ai * bi;
        out[2 * (r * d + c) + 1] += ai * br - ar * bi;
      }
    }
  }
  return out;
}

/** Tr(K ρ K†) = Σ_{r,a,b} K[r,a] ρ[a,b] conj(K[r,b]). */
function branchWeight(k: Float64Array, rho: Float64Array, d: number): number {
  let total = 0;
  for (let r = 0; r < d; r++) {
    // v = K[r,:]·ρ, then total += Re(v · conj(K[r,:]))
    for (let b = 0; b < d; b++) {
      let vr = 0;
      let vi = 0;
      for (let a = 0; a < d; a++) {
        const kr = k[2 * (r * d + a)];
        const ki = k[2 * (r * d + a) + 1];
        const pr = rho[2 * (a * d + b)];
        const pi = rho[2 * (a * d + b) + 1];
        vr += kr * pr - ki * pi;
        vi += kr * pi + ki * pr;
      }
      const cr = k[2 * (r * d + b)];
      const ci = -k[2 * (r * d + b) + 1];
      total += vr * cr - vi * ci;
    }
  }
  return total;
}

function applyChannel(
  kernel: Kernel,
  state: Float64Array,
  n: number,
  channel: KrausChannel,
  qubits: readonly number[],
  rng: Prng,
): void {
  if (channel.pauli) {
    const u = rng.nextDouble();
    let cum = 0;
    let code = 0;
    for (; code < channel.pauli.length - 1; code++) {
      cum += channel.pauli[code];
      if (u < cum) break;
    }
    for (let j = 0; j < qubits.length; j++) {
      const m = PAULI_1Q[(code >> (2 * j)) & 3];
      if (m) kernel.apply(state, n, { kind: "dense1", qubit: qubits[j], matrix: m });
    }
    return;
  }
  const d = 1 << channel.numQubits;
  if (channel.numQubits > 2)
    throw userError("Noise.Unsupported", "trajectories support general Kraus channels on 1 or 2 qubits", {
      field: "noise",
    });
  const rho = reducedDensity(state, n, qubits);
  const weights = channel.kraus.map((k) => Math.max(0, branchWeight(k, rho, d)));
  const total = weights.reduce((a, b) => a + b, 0);
  const u = rng.nextDouble() * total;
  let cum = 0;
  let pick = weights.length - 1;
  for (let i = 0; i < weights.length; i++) {
    cum += weights[i];
    if (u < cum && weights[i] > 0) {
      pick = i;
      break;
    }
  }
  const scale = 1 / Math.sqrt(weights[pick]);
  const matrix = channel.kraus[pick].map((x) => x * scale);
  if (d === 2) kernel.apply(state, n, { kind: "dense1", qubit: qubits[0], matrix });
  else kernel.apply(state, n, { kind: "dense2", qubits: [qubits[0], qubits[1]], matrix });
}

export function simulateTrajectories(
  nc: NoisyCircuit,
  trajectories: number,
  rng: Prng,
  options: { kernel?: Kernel } = {},
): TrajectoryResult {
  const kernel = options.kernel ?? selectKernel();
  const n = nc.numQubits;
  const terminal = Int32Array.from(nc.terminal, (t) => t.qubit);
  const size = 2 ** terminal.length;
  const sum = new Float64Array(size);
  const sumSq = new Float64Array(size);
  const one = new Float64Array(size);
  const samples = new Map<number, number>();
  for (let t = 0; t < trajectories; t++) {
    const state = new Float64Array(2 * 2 ** n);
    state[0] = 1;
    for (const step of nc.steps) {
      if (step.kind === "unitary") kernel.apply(state, n, step.op);
      else applyChannel(kernel, state, n, step.channel, step.qubits, rng);
    }
    one.fill(0);
    accumulateMarginal(state, terminal, 1, one);
    for (let i = 0; i < size; i++) {
      sum[i] += one[i];
      sumSq[i] += one[i] * one[i];
    }
    const g = gatherBits(sampleOneIndex(state, rng), terminal);
    samples.set(g, (samples.get(g) ?? 0) + 1);
  }
  const probabilities = new Float64Array(size);
  const standardErrors = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const mean = sum[i] / trajectories;
    probabilities[i] = mean;
    const variance =
      trajectories > 1 ? Math.max(0, (sumSq[i] - trajectories * mean * mean) / (trajectories - 1)) : 0;
    standardErrors[i] = Math.sqrt(variance / trajectories);
  }
  return { trajectories, probabilities, standardErrors, samples };
}
