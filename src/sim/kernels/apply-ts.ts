// TypeScript statevector kernels.
//
// Layout: amplitudes interleaved re/im in one Float64Array (complex128) or Float32Array (complex64, each
// product rounded to float32 on store) of length 2·2^n; amplitude i sits at
// doubles 2i and 2i+1; qubit 0 is the least significant bit of i.
// Loop assumptions: n ≤ 30, so every amplitude index and every mask fits a signed 32-bit integer and bit
// operations are exact (double indices reach 2^31 and are formed with `*`, never `<<`). Gate qubits are distinct
// (the planner checks). Kernels update in place, allocate only per call (never per amplitude), and enumerate
// the amplitude groups a gate mixes either with nested strided loops (1 and 2 qubits) or by inserting zero bits
// at the sorted gate positions into a counter (controlled and k-qubit gates).

import type {
  Amplitudes,
  ControlledOp,
  Dense1Op,
  Dense2Op,
  DenseOp,
  DiagonalOp,
  Kernel,
  KernelOp,
  Precision,
} from "./kernel.js";

/** Sorted ascending copy of the positions, as an Int32Array for the zero-bit insertion loop. */
function sortedPositions(qubits: readonly number[]): Int32Array {
  return Int32Array.from(qubits).sort();
}

/** Insert a zero bit at each of `positions` (ascending) into the bits of `i`. */
function insertZeros(i: number, positions: Int32Array): number {
  for (let p = 0; p < positions.length; p++) {
    const pos = positions[p];
    const low = i & ((1 << pos) - 1);
    i = ((i >>> pos) << (pos + 1)) | low;
  }
  return i;
}

/** Index offsets (in amplitudes) of the 2^k members of a group: bit j of m selects qubits[j]. */
function groupOffsets(qubits: readonly number[]): Int32Array {
  const k = qubits.length;
  const offs = new Int32Array(1 << k);
  for (let m = 0; m < 1 << k; m++) {
    let o = 0;
    for (let j = 0; j < k; j++) if ((m >> j) & 1) o |= 1 << qubits[j];
    offs[m] = o;
  }
  return offs;
}

function applyDense1(state: Amplitudes, numQubits: number, op: Dense1Op): void {
  const m = op.matrix;
  const m00r = m[0];
  const m00i = m[1];
  const m01r = m[2];
  const m01i = m[3];
  const m10r = m[4];
  const m10i = m[5];
  const m11r = m[6];
  const m11i = m[7];
  const step = 1 << op.qubit;
  const dim = 2 ** numQubits;
  const offset = 2 * step;
  for (let base = 0; base < dim; base += 2 * step) {
    const end = 2 * (base + step);
    for (let a = 2 * base; a < end; a += 2) {
      const b = a + offset;
      const ar = state[a];
      const ai = state[a + 1];
      const br = state[b];
      const bi = state[b + 1];
      state[a] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
      state[a + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
      state[b] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
      state[b + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    }
  }
}

/** y = M·x on the four amplitudes at double offsets i0..i3 (M row-major 4×4, interleaved re/im). */
function mul4(state: Amplitudes, m: Float64Array, i0: number, i1: number, i2: number, i3: number): void {
  const x0r = state[i0];
  const x0i = state[i0 + 1];
  const x1r = state[i1];
  const x1i = state[i1 + 1];
  const x2r = state[i2];
  const x2i = state[i2 + 1];
  const x3r = state[i3];
  const x3i = state[i3 + 1];
  state[i0] =
    m[0] * x0r - m[1] * x0i + m[2] * x1r - m[3] * x1i + m[4] * x2r - m[5] * x2i + m[6] * x3r - m[7] * x3i;
  state[i0 + 1] =
    m[0] * x0i + m[1] * x0r + m[2] * x1i + m[3] * x1r + m[4] * x2i + m[5] * x2r + m[6] * x3i + m[7] * x3r;
  state[i1] =
    m[8] * x0r -
    m[9] * x0i +
    m[10] * x1r -
    m[11] * x1i +
    m[12] * x2r -
    m[13] * x2i +
    m[14] * x3r -
    m[15] * x3i;
  state[i1 + 1] =
    m[8] * x0i +
    m[9] * x0r +
    m[10] * x1i +
    m[11] * x1r +
    m[12] * x2i +
    m[13] * x2r +
    m[14] * x3i +
    m[15] * x3r;
  state[i2] =
    m[16] * x0r -
    m[17] * x0i +
    m[18] * x1r -
    m[19] * x1i +
    m[20] * x2r -
    m[21] * x2i +
    m[22] * x3r -
    m[23] * x3i;
  state[i2 + 1] =
    m[16] * x0i +
    m[17] * x0r +
    m[18] * x1i +
    m[19] * x1r +
    m[20] * x2i +
    m[21] * x2r +
    m[22] * x3i +
    m[23] * x3r;
  state[i3] =
    m[24] * x0r -
    m[25] * x0i +
    m[26] * x1r -
    m[27] * x1i +
    m[28] * x2r -
    m[29] * x2i +
    m[30] * x3r -
    m[31] * x3i;
  state[i3 + 1] =
    m[24] * x0i +
    m[25] * x0r +
    m[26] * x1i +
    m[27] * x1r +
    m[28] * x2i +
    m[29] * x2r +
    m[30] * x3i +
    m[31] * x3r;
}

function applyDense2(state: Amplitudes, numQubits: number, op: Dense2Op): void {
  const [q0, q1] = op.qubits;
  const m = op.matrix;
  const lo = Math.min(q0, q1);
  const hi = Math.max(q0, q1);
  const loStep = 1 << lo;
  const hiStep = 1 << hi;
  const d1 = 2 * (1 << q0);
  const d2 = 2 * (1 << q1);
  const d3 = d1 + d2;
  const dim = 2 ** numQubits;
  for (let a = 0; a < dim; a += 2 * hiStep) {
    for (let b = a; b < a + hiStep; b += 2 * loStep) {
      const end = 2 * (b + loStep);
      for (let i = 2 * b; i < end; i += 2) mul4(state, m, i, i + d1, i + d2, i + d3);
    }
  }
}

// Groups come in runs: inserting zero bits at positions ≥ positions[0] leaves the bits below positions[0]
// contiguous, so one bit insertion serves 2^positions[0] consecutive groups.
function applyControlled(state: Amplitudes, numQubits: number, op: ControlledOp): void {
  const t = op.targets.length;
  if (t !== 1 && t !== 2) throw new Error(`controlled kernel: ${t} target qubits (expected 1 or 2)`);
  let controlMask = 0;
  for (const c of op.controls) controlMask |= 1 << c;
  const positions = sortedPositions([...op.controls, ...op.targets]);
  const groups = 2 ** (numQubits - positions.length);
  const run = 1 << positions[0];
  const m = op.matrix;
  if (t === 1) {
    const m00r = m[0];
    const m00i = m[1];
    const m01r = m[2];
    const m01i = m[3];
    const m10r = m[4];
    const m10i = m[5];
    const m11r = m[6];
    const m11i = m[7];
    const offset = 2 * (1 << op.targets[0]);
    // cz, cp, crz, ...: a diagonal target only rescales, and a unit first entry leaves half the group alone.
    const diagonal = m01r === 0 && m01i === 0 && m10r === 0 && m10i === 0;
    const firstIsOne = diagonal && m00r === 1 && m00i === 0;
    for (let g = 0; g < groups; g += run) {
      const start = 2 * (insertZeros(g, positions) | controlMask);
      const end = start + 2 * run;
      if (firstIsOne) {
        for (let a = start; a < end; a += 2) {
          const b = a + offset;
          const br = state[b];
          const bi = state[b + 1];
          state[b] = m11r * br - m11i * bi;
          state[b + 1] = m11r * bi + m11i * br;
        }
        continue;
      }
      for (let a = start; a < end; a += 2) {
        const b = a + offset;
        const ar = state[a];
        const ai = state[a + 1];
        const br = state[b];
        const bi = state[b + 1];
        state[a] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
        state[a + 1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
        state[b] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
        state[b + 1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
      }
    }
    return;
  }
  const d1 = 2 * (1 << op.targets[0]);
  const d2 = 2 * (1 << op.targets[1]);
  const d3 = d1 + d2;
  for (let g = 0; g < groups; g += run) {
    const start = 2 * (insertZeros(g, positions) | controlMask);
    const end = start + 2 * run;
    for (let i = start; i < end; i += 2) mul4(state, m, i, i + d1, i + d2, i + d3);
  }
}

function applyDiagonal(state: Amplitudes, numQubits: number, op: DiagonalOp): void {
  const d = op.diag;
  const dim = 2 ** numQubits;
  if (op.qubits.length === 1) {
    // Phase gates (p, s, t, u1) have diag[0] = 1: then only the half with the bit set is touched.
    const step = 1 << op.qubits[0];
    const skipZero = d[0] === 1 && d[1] === 0;
    for (let base = 0; base < dim; base += 2 * step) {
      if (!skipZero) scaleRange(state, 2 * base, 2 * (base + step), d[0], d[1]);
      scaleRange(state, 2 * (base + step), 2 * (base + 2 * step), d[2], d[3]);
    }
    return;
  }
  const qs = Int32Array.from(op.qubits);
  const k = qs.length;
  for (let i = 0; i < dim; i++) {
    let j = 0;
    for (let b = 0; b < k; b++) j |= ((i >>> qs[b]) & 1) << b;
    const dr = d[2 * j];
    const di = d[2 * j + 1];
    if (dr === 1 && di === 0) continue;
    const a = 2 * i;
    const xr = state[a];
    const xi = state[a + 1];
    state[a] = dr * xr - di * xi;
    state[a + 1] = dr * xi + di * xr;
  }
}

function scaleRange(state: Amplitudes, from: number, to: number, sr: number, si: number): void {
  for (let a = from; a < to; a += 2) {
    const xr = state[a];
    const xi = state[a + 1];
    state[a] = sr * xr - si * xi;
    state[a + 1] = sr * xi + si * xr;
  }
}

function applyDense(state: Amplitudes, numQubits: number, op: DenseOp): void {
  const k = op.qubits.length;
  const size = 1 << k;
  const m = op.matrix;
  if (m.length !== 2 * size * size) throw new Error("dense kernel: matrix size does not match the qubits");
  const positions = sortedPositions(op.qubits);
  const offs = groupOffsets(op.qubits);
  const scratch = new Float64Array(2 * size);
  const groups = 2 ** (numQubits - k);
  const run = 1 << positions[0];
  let runBase = 0;
  for (let g = 0; g < groups; g++) {
    // One bit insertion per run of 2^positions[0] consecutive groups (see applyControlled).
    if (g % run === 0) runBase = insertZeros(g, positions) - g;
    const base = runBase + g;
    for (let j = 0; j < size; j++) {
      const a = 2 * (base | offs[j]);
      scratch[2 * j] = state[a];
      scratch[2 * j + 1] = state[a + 1];
    }
    for (let r = 0; r < size; r++) {
      let re = 0;
      let im = 0;
      const row = 2 * r * size;
      for (let c = 0; c < size; c++) {
        const mr = m[row + 2 * c];
        const mi = m[row + 2 * c + 1];
        const xr = scratch[2 * c];
        const xi = scratch[2 * c + 1];
        re += mr * xr - mi * xi;
        im += mr * xi + mi * xr;
      }
      const a = 2 * (base | offs[r]);
      state[a] = re;
      state[a + 1] = im;
    }
  }
}

function probabilityOne(state: Amplitudes, numQubits: number, qubit: number): number {
  const step = 1 << qubit;
  const dim = 2 ** numQubits;
  let p = 0;
  for (let base = step; base < dim; base += 2 * step) {
    const end = 2 * (base + step);
    for (let a = 2 * base; a < end; a += 2) p += state[a] * state[a] + state[a + 1] * state[a + 1];
  }
  return p;
}

function collapse(
  state: Amplitudes,
  numQubits: number,
  qubit: number,
  outcome: 0 | 1,
  scale: number,
  resetToZero: boolean,
): void {
  const step = 1 << qubit;
  const dim = 2 ** numQubits;
  const offset = 2 * step;
  for (let base = 0; base < dim; base += 2 * step) {
    const end = 2 * (base + step);
    for (let a = 2 * base; a < end; a += 2) {
      const b = a + offset;
      if (outcome === 0) {
        state[a] *= scale;
        state[a + 1] *= scale;
        state[b] = 0;
        state[b + 1] = 0;
      } else if (resetToZero) {
        state[a] = state[b] * scale;
        state[a + 1] = state[b + 1] * scale;
        state[b] = 0;
        state[b + 1] = 0;
      } else {
        state[a] = 0;
        state[a + 1] = 0;
        state[b] *= scale;
        state[b + 1] *= scale;
      }
    }
  }
}

function normSquared(state: Amplitudes, _numQubits: number): number {
  let s = 0;
  for (let a = 0; a < state.length; a++) s += state[a] * state[a];
  return s;
}

function apply(state: Amplitudes, numQubits: number, op: KernelOp): void {
  switch (op.kind) {
    case "dense1":
      applyDense1(state, numQubits, op);
      return;
    case "dense2":
      applyDense2(state, numQubits, op);
      return;
    case "controlled":
      applyControlled(state, numQubits, op);
      return;
    case "diagonal":
      applyDiagonal(state, numQubits, op);
      return;
    case "dense":
      applyDense(state, numQubits, op);
      return;
  }
}

/** |0…0⟩ in an ordinary typed array. */
export function createState(numQubits: number, precision: Precision): Amplitudes {
  const state =
    precision === "single" ? new Float32Array(2 * 2 ** numQubits) : new Float64Array(2 * 2 ** numQubits);
  state[0] = 1;
  return state;
}

export const tsKernel: Kernel = {
  name: "ts",
  apply,
  createState,
  applyDense1,
  applyDense2,
  applyControlled,
  applyDiagonal,
  applyDense,
  probabilityOne,
  collapse,
  normSquared,
};
