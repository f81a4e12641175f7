// Exact density-matrix simulation of a noisy circuit.
//
// Layout: ρ on n qubits is stored as a 2n-qubit "statevector" (interleaved re/im Float64Array of 2·4^n
// doubles): entry ρ[r, c] sits at index r + 2^n·c, so qubit q of the row is index bit q and qubit q of the
// column is index bit q + n. Then U ρ U† is U applied on the row bits and conj(U) on the column bits, and a
// channel Σ K ρ K† is one dense op with its superoperator Σ conj(K) ⊗ K on the row and column bits of its
// qubits: every update reuses the statevector kernels (and whatever fast backend select.ts picks), in place.

import { userError } from "../errors.js";
import { superoperator } from "../noise/channels.js";
import type { NoisyCircuit } from "../noise/noisy-circuit.js";
import type { Kernel, KernelOp } from "./kernels/kernel.js";
import { selectKernel } from "./kernels/select.js";
import { gatherBits } from "./statevector.js";

/** 2n ≤ 30 index bits for the kernels; 15 qubits would need 16 GiB anyway. */
export const MAX_DENSITY_QUBITS = 14;

export function densityMatrixBytes(numQubits: number): number {
  return 16 * 4 ** numQubits;
}

function conj(m: Float64Array): Float64Array {
  const out = m.slice();
  for (let i = 1; i < out.length; i += 2) out[i] = -out[i];
  return out;
}

/** The same op on the column bits: qubits shifted by n, matrix conjugated. */
export function columnOp(op: KernelOp, n: number): KernelOp {
  const s = (q: number) => q + n;
  switch (op.kind) {
    case "dense1":
      return { kind: "dense1", qubit: s(op.qubit), matrix: conj(op.matrix) };
    case "dense2":
      return { kind: "dense2", qubits: [s(op.qubits[0]), s(op.qubits[1])], matrix: conj(op.matrix) };
    case "controlled":
      return {
        kind: "controlled",
        controls: op.controls.map(s),
        targets: op.targets.map(s),
        matrix: conj(op.matrix),
      };
    case "diagonal":
      return { kind: "diagonal", qubits: op.qubits.map(s), diag: conj(op.diag) };
    case "dense":
      return { kind: "dense", qubits: op.qubits.map(s), matrix: conj(op.matrix) };
  }
}

export interface DensityResult {
  /** Distribution over the terminal measurements (index bit j = terminal[j]), before readout error. */
  probabilities: Float64Array;
  /** Tr ρ at the end (1 up to rounding; reported as a check). */
  trace: number;
}

/** Runs the noisy circuit on a density matrix; refuses circuits beyond MAX_DENSITY_QUBITS or `maxMemoryBytes`. */
export function simulateDensity(
  nc: NoisyCircuit,
  options: { kernel?: Kernel; maxMemoryBytes?: number } = {},
): DensityResult {
  const n = nc.numQubits;
  const bytes = densityMatrixBytes(n);
  if (n > MAX_DENSITY_QUBITS || (options.maxMemoryBytes !== undefined && bytes > options.maxMemoryBytes))
    throw userError(
      "Sim.TooManyQubits",
      `a ${n}-qubit density matrix needs ${bytes} bytes; the density-matrix method handles at most ${MAX_DENSITY_QUBITS} qubits within the memory limit`,
      { field: "method", hint: "use --method trajectories for larger noisy circuits" },
    );
  const kernel = options.kernel ?? selectKernel();
  const rho = new Float64Array(2 * 4 ** n);
  rho[0] = 1;
  const superops = new Map<object, Float64Array>();
  for (const step of nc.steps) {
    if (step.kind === "unitary") {
      kernel.apply(rho, 2 * n, step.op);
      kernel.apply(rho, 2 * n, columnOp(step.op, n));
      continue;
    }
    let s = superops.get(step.channel);
    if (!s) {
      s = superoperator(step.channel);
      superops.set(step.channel, s);
    }
    const qubits = [...step.qubits, ...step.qubits.map((q) => q + n)];
    kernel.apply(rho, 2 * n, { kind: "dense", qubits, matrix: s });
  }
  const terminal = Int32Array.from(nc.terminal, (t) => t.qubit);
  const probabilities = new Float64Array(2 ** terminal.length);
  const dim = 2 ** n;
  let trace = 0;
  for (let i = 0; i < dim; i++) {
    const p = rho[2 * (i + dim * i)];
    trace += p;
    probabilities[gatherBits(i, terminal)] += Math.max(0, p);
  }
  return { probabilities, trace };
}
