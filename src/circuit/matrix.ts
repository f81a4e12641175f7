// Small dense complex matrices for gates: row-major, interleaved re/im in a Float64Array of length 2·d·d.
// Index bit j of a row or column is the gate's argument j (argument 0 least significant, Qiskit's order).
// Only for gate-sized matrices (d ≤ 32); statevector kernels live in src/sim.

export type Matrix = Float64Array;

/** Complex number as [re, im]. */
export type Complex = readonly [number, number];

export function dimOf(m: Matrix): number {
  return Math.round(Math.sqrt(m.length / 2));
}

/** Build a matrix from rows of complex entries; a plain number is a real entry. */
export function fromRows(rows: ReadonlyArray<ReadonlyArray<Complex | number>>): Matrix {
  const d = rows.length;
  const m = new Float64Array(2 * d * d);
  for (let r = 0; r < d; r++) {
    if (rows[r].length !== d)
      throw new Error(`fromRows: row ${r} has ${rows[r].length} entries, expected ${d}`);
    for (let c = 0; c < d; c++) {
      const v = rows[r][c];
      const [re, im] = typeof v === "number" ? [v, 0] : v;
      m[2 * (r * d + c)] = re;
      m[2 * (r * d + c) + 1] = im;
    }
  }
  return m;
}

export function identity(d: number): Matrix {
  const m = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) m[2 * (i * d + i)] = 1;
  return m;
}

export function diagonal(entries: ReadonlyArray<Complex>): Matrix {
  const d = entries.length;
  const m = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) {
    m[2 * (i * d + i)] = entries[i][0];
    m[2 * (i * d + i) + 1] = entries[i][1];
  }
  return m;
}

/** e^{iθ} */
export function expi(theta: number): Complex {
  return [Math.cos(theta), Math.sin(theta)];
}

export function get(m: Matrix, r: number, c: number): Complex {
  const d = dimOf(m);
  return [m[2 * (r * d + c)], m[2 * (r * d + c) + 1]];
}

/** a·b (apply b first, then a). */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const d = dimOf(a);
  if (dimOf(b) !== d) throw new Error("matmul: dimension mismatch");
  const out = new Float64Array(2 * d * d);
  for (let r = 0; r < d; r++) {
    for (let k = 0; k < d; k++) {
      const ar = a[2 * (r * d + k)];
      const ai = a[2 * (r * d + k) + 1];
      if (ar === 0 && ai === 0) continue;
      for (let c = 0; c < d; c++) {
        const br = b[2 * (k * d + c)];
        const bi = b[2 * (k * d + c) + 1];
        out[2 * (r * d + c)] += ar * br - ai * bi;
        out[2 * (r * d + c) + 1] += ar * bi + ai * br;
      }
    }
  }
  return out;
}

/** Conjugate transpose. */
export function dagger(m: Matrix): Matrix {
  const d = dimOf(m);
  const out = new Float64Array(2 * d * d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      out[2 * (c * d + r)] = m[2 * (r * d + c)];
      out[2 * (c * d + r) + 1] = -m[2 * (r * d + c) + 1];
    }
  }
  return out;
}

/** Multiply every entry by a complex scalar. */
export function scale(m: Matrix, s: Complex): Matrix {
  const out = new Float64Array(m.length);
  for (let i = 0; i < m.length; i += 2) {
    out[i] = m[i] * s[0] - m[i + 1] * s[1];
    out[i + 1] = m[i] * s[1] + m[i + 1] * s[0];
  }
  return out;
}

/**
 * The controlled version of `u` with `numControls` controls as the low arguments (Qiskit's `ccx a,b,c`:
 * a and b control, c is the target): identity unless every control bit is 1.
 */
export function controlled(u: Matrix, numControls: number): Matrix {
  const du = dimOf(u);
  const nc = 1 << numControls;
  const d = du * nc;
  const out = identity(d);
  const all = nc - 1;
  for (let r = 0; r < du; r++) {
    for (let c = 0; c < du; c++) {
      const R = (r * nc + all) | 0;
      const C = (c * nc + all) | 0;
      out[2 * (R * d + C)] = u[2 * (r * du + c)];
      out[2 * (R * d + C) + 1] = u[2 * (r * du + c) + 1];
    }
  }
  return out;
}

/**
 * Embed a gate acting on `args` (argument j of the gate is qubit args[j]) into an n-qubit operator.
 * For tests and for composing decompositions; size 2^n × 2^n, so keep n small.
 */
export function embed(u: Matrix, args: readonly number[], n: number): Matrix {
  const du = dimOf(u);
  const d = 1 << n;
  const out = new Float64Array(2 * d * d);
  const k = args.length;
  if (1 << k !== du) throw new Error("embed: argument count does not match the matrix");
  let argMask = 0;
  for (const a of args) argMask |= 1 << a;
  for (let row = 0; row < d; row++) {
    let r = 0;
    for (let j = 0; j < k; j++) r |= ((row >> args[j]) & 1) << j;
    const rest = row & ~argMask;
    for (let c = 0; c < du; c++) {
      let col = rest;
      for (let j = 0; j < k; j++) col |= ((c >> j) & 1) << args[j];
      out[2 * (row * d + col)] = u[2 * (r * du + c)];
      out[2 * (row * d + col) + 1] = u[2 * (r * du + c) + 1];
    }
  }
  return out;
}

/** Largest entry-wise distance |a - b|. */
export function maxDistance(a: Matrix, b: Matrix): number {
  let worst = 0;
  for (let i = 0; i < a.length; i += 2) {
    worst = Math.max(worst, Math.hypot(a[i] - b[i], a[i + 1] - b[i + 1]));
  }
  return worst;
}

/**
 * Distance between a and b after removing the global phase that best aligns them
 * (the phase of the largest-magnitude entry of a·conj(b)). 0 when a = e^{iφ}·b.
 */
export function distanceUpToPhase(a: Matrix, b: Matrix): number {
  let best = 0;
  let idx = 0;
  for (let i = 0; i < b.length; i += 2) {
    const mag = Math.hypot(b[i], b[i + 1]);
    if (mag > best) {
      best = mag;
      idx = i;
    }
  }
  if (best === 0) return maxDistance(a, b);
  // phase = a[idx] / b[idx], normalised
  const ar = a[idx];
  const ai = a[idx + 1];
  const br = b[idx];
  const bi = b[idx + 1];
  const pr = ar * br + ai * bi;
  const pi = ai * br - ar * bi;
  const norm = Math.hypot(pr, pi);
  if (norm === 0) return maxDistance(a, b);
  return maxDistance(a, scale(b, [pr / norm, pi / norm]));
}

/** ‖U·U† − I‖ as the largest entry-wise distance. */
export function unitarityError(m: Matrix): number {
  return maxDistance(matmul(m, dagger(m)), identity(dimOf(m)));
}

export function isDiagonal(m: Matrix, tol = 0): boolean {
  const d = dimOf(m);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      if (r !== c && Math.hypot(m[2 * (r * d + c)], m[2 * (r * d + c) + 1]) > tol) return false;
    }
  }
  return true;
}
