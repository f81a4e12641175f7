// Exact density-matrix simulation of a noisy circuit.
//
// Layout: ρ on n qubits is stored as a 2n-qubit "statevector" (interleaved re/im Float64Array of 2·4^n
// doubles): entry ρ[r, c] sits at index r + 2^n·c, so qubit q of the row is index bit q and qubit q of the
// column is index bit q + n. Then U ρ U† is U applied on the row bits and conj(U) on the column bits, and a
// channel Σ K ρ K† is one dense op with its superoperator Σ conj(K) ⊗ K on the row and column bits of its
// qubits: every update reuses the statevector kernels (and whatever fast backend select.ts picks), in place.

import { kron, superoperator } from "../circuit/channels.js";
import { controlled, embed, matmul } from "../circuit/matrix.js";
import { userError } from "../errors.js";
import type { Kernel, KernelOp } from "./kernels/kernel.js";
import { selectKernel } from "./kernels/select.js";
import type { NoisyCircuit } from "./noisy-program.js";
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

/** The op's qubits (matrix argument order) and its full 2^k × 2^k matrix. */
function opMatrix(op: KernelOp): { qubits: number[]; matrix: Float64Array } {
  switch (op.kind) {
    case "dense1":
      return { qubits: [op.qubit], matrix: op.matrix };
    case "dense2":
    case "dense":
      return { qubits: [...op.qubits], matrix: op.matrix };
    case "controlled":
      return { qubits: [...op.controls, ...op.targets], matrix: controlled(op.matrix, op.controls.length) };
    case "diagonal": {
      const d = op.diag.length / 2;
      const m = new Float64Array(2 * d * d);
      for (let j = 0; j < d; j++) {
        m[2 * (j * d + j)] = op.diag[2 * j];
        m[2 * (j * d + j) + 1] = op.diag[2 * j + 1];
      }
      return { qubits: [...op.qubits], matrix: m };
    }
  }
}

/** A superoperator on 1 or 2 qubits: vec index = row bits (qubits order) then column bits. */
interface Block {
  qubits: number[];
  superop: Float64Array;
}

/** S = conj(U) ⊗ U, the superoperator of ρ → UρU†. */
function unitarySuperop(u: Float64Array): Float64Array {
  return kron(conj(u), u);
}

/** Re-express a block's superoperator on a superset of its qubits (≤ 2 in total). */
function widen(b: Block, qubits: number[]): Float64Array {
  if (b.qubits.length === qubits.length && b.qubits.every((q, i) => q === qubits[i])) return b.superop;
  const k = qubits.length;
  // Vec bit j is row bit of qubits[j]; vec bit k + j is the column bit.
  const args = [...b.qubits.map((q) => qubits.indexOf(q)), ...b.qubits.map((q) => qubits.indexOf(q) + k)];
  return embed(b.superop, args, 2 * k);
}

/**
 * Fuse the step list into superoperator blocks of at most two qubits: each gate and the channels that follow it
 * on the same qubits become one dense op on the row and column bits, so a noisy gate costs one sweep of ρ
 * instead of four. Gates on three or more qubits stay separate (two kernel applies).
 */
export function fuseDensitySteps(nc: NoisyCircuit): Array<Block | KernelOp> {
  const out: Array<Block | KernelOp> = [];
  let cur: Block | null = null;
  const flush = () => {
    if (cur) out.push(cur);
    cur = null;
  };
  for (const step of nc.steps) {
    let block: Block;
    if (step.kind === "unitary") {
      const { qubits, matrix } = opMatrix(step.op);
      if (qubits.length > 2) {
        flush();
        out.push(step.op);
        continue;
      }
      block = { qubits, superop: unitarySuperop(matrix) };
    } else {
      if (step.qubits.length > 2) {
        flush();
        out.push({ qubits: step.qubits, superop: superoperator(step.channel) });
        continue;
      }
      block = { qubits: step.qubits, superop: superoperator(step.channel) };
    }
    const c = cur as Block | null;
    if (c) {
      const union = [...c.qubits, ...block.qubits.filter((q) => !c.qubits.includes(q))];
      if (union.length <= 2) {
        // Later steps act after earlier ones: S = S_new · S_cur on the union.
        cur = { qubits: union, superop: matmul(widen(block, union), widen(c, union)) };
        continue;
      }
      flush();
    }
    cur = block;
  }
  flush();
  return out;
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
  for (const item of fuseDensitySteps(nc)) {
    if (!("superop" in item)) {
      kernel.apply(rho, 2 * n, item);
      kernel.apply(rho, 2 * n, columnOp(item, n));
      continue;
    }
    if (item.qubits.length === 1)
      kernel.apply(rho, 2 * n, {
        kind: "dense2",
        qubits: [item.qubits[0], item.qubits[0] + n],
        matrix: item.superop,
      });
    else
      kernel.apply(rho, 2 * n, {
        kind: "dense",
        qubits: [...item.qubits, ...item.qubits.map((q) => q + n)],
        matrix: item.superop,
      });
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
