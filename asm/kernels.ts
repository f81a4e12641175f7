// AssemblyScript WASM SIMD statevector kernels, compiled by scripts/build-wasm.mjs with `--runtime stub` into a
// module that imports one shared memory: no GC objects, raw loads and stores only, so several worker threads
// can run the same kernel on disjoint parts of one state at once.
//
// Layout: interleaved re/im amplitudes at byte offset `state`; complex128 (f64) or complex64 (f32); qubit 0 is
// the least significant bit of the amplitude index. A gate acts on the amplitude groups obtained by inserting
// zero bits at the sorted positions `pos[0..npos)` (every gate qubit, controls included) into a group index g,
// OR-ing in `ctrl` (the control bits, all 1), and adding the member byte offsets `offs[0..d)`.
// Matrices come prepared by the host (apply-wasm.ts): each complex entry m = a + ib as two vectors A = (a, a, …)
// and B = (−b, b, −b, b, …), so that m·x = A·x + B·swap(x), swap exchanging re and im; a dense matrix is d×d such
// pairs row-major, a diagonal d pairs. Work is split by group ranges [g0, g1): contiguous ranges of g are
// contiguous blocks of the high qubits, so threads never touch the same cache line.
// `scratch` is this thread's 1 KiB for the gathered amplitudes. The 1-, 2- and 3-qubit dense cases dispatch to
// the unrolled kernels that scripts/unroll-kernels.mjs generates into asm/unrolled.ts.

import { insertZeros, maddF32, maddF64, nextGroup, positionMask } from "./common";
import {
  denseF64_2, denseF64_4, denseF64_8, pairsF32_2, pairsF32_4, pairsF32_8, singleF32_2, singleF32_4, singleF32_8,
  denseF64_2r, denseF64_4r, denseF64_8r, pairsF32_2r, pairsF32_4r, pairsF32_8r, singleF32_2r, singleF32_4r,
  singleF32_8r, duoF64, quadF32,
} from "./unrolled";

/** Added to d by the host for a real matrix (every imaginary part 0): the unrolled kernels then skip B·swap(x). */
const REAL: i32 = 256;

/** Dense d×d (d = 2^t) on each group, complex128: one amplitude per vector. */
export function denseF64(
  state: usize, pos: usize, npos: i32, ctrl: u32, d: i32, offs: usize, mat: usize, scratch: usize, g0: u32, g1: u32,
): void {
  if (d == 2) return denseF64_2(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 4) return denseF64_4(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 8) return denseF64_8(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 2 + REAL) return denseF64_2r(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 4 + REAL) return denseF64_4r(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 8 + REAL) return denseF64_8r(state, pos, npos, ctrl, offs, mat, g0, g1);
  d &= REAL - 1;
  const mask = positionMask(pos, npos);
  let x = insertZeros(g0, pos, npos);
  for (let g = g0; g < g1; g++, x = nextGroup(x, mask, 1)) {
    const base = state + ((<usize>(x | ctrl)) << 4);
    for (let j = 0; j < d; j++) {
      const x = v128.load(base + <usize>load<u32>(offs + (<usize>j << 2)));
      v128.store(scratch + (<usize>j << 5), x);
      v128.store(scratch + (<usize>j << 5), i64x2.shuffle(x, x, 1, 0), 16);
    }
    let m = mat;
    for (let r = 0; r < d; r++) {
      let acc = f64x2.splat(0);
      let s = scratch;
      for (let c = 0; c < d; c++) {
        acc = f64x2.add(acc, f64x2.add(f64x2.mul(v128.load(m), v128.load(s)), f64x2.mul(v128.load(m, 16), v128.load(s, 16))));
        m += 32;
        s += 32;
      }
      v128.store(base + <usize>load<u32>(offs + (<usize>r << 2)), acc);
    }
  }
}

/** Diagonal (d entries) on each group, complex128. */
export function diagF64(state: usize, pos: usize, npos: i32, d: i32, offs: usize, mat: usize, g0: u32, g1: u32): void {
  const mask = positionMask(pos, npos);
  let x = insertZeros(g0, pos, npos);
  for (let g = g0; g < g1; g++, x = nextGroup(x, mask, 1)) {
    const base = state + ((<usize>x) << 4);
    let m = mat;
    for (let j = 0; j < d; j++) {
      const p = base + <usize>load<u32>(offs + (<usize>j << 2));
      const x = v128.load(p);
      v128.store(p, maddF64(v128.load(m), x, f64x2.mul(v128.load(m, 16), i64x2.shuffle(x, x, 1, 0))));
      m += 32;
    }
  }
}

/**
 * Dense on each group, complex64, two groups per vector: groups g and g+1 are neighbouring amplitudes when no
 * gate qubit is qubit 0 (pos[0] ≥ 1, ctrl bit 0 clear), so (re_g, im_g, re_g+1, im_g+1) share one matrix.
 * g0 and g1 are even.
 */
export function denseF32Pairs(
  state: usize, pos: usize, npos: i32, ctrl: u32, d: i32, offs: usize, mat: usize, scratch: usize, g0: u32, g1: u32,
): void {
  if (d == 2) return pairsF32_2(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 4) return pairsF32_4(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 8) return pairsF32_8(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 2 + REAL) return pairsF32_2r(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 4 + REAL) return pairsF32_4r(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 8 + REAL) return pairsF32_8r(state, pos, npos, ctrl, offs, mat, g0, g1);
  d &= REAL - 1;
  const mask = positionMask(pos, npos);
  let x = insertZeros(g0, pos, npos);
  for (let g = g0; g < g1; g += 2, x = nextGroup(x, mask, 2)) {
    const base = state + ((<usize>(x | ctrl)) << 3);
    for (let j = 0; j < d; j++) {
      const x = v128.load(base + <usize>load<u32>(offs + (<usize>j << 2)));
      v128.store(scratch + (<usize>j << 5), x);
      v128.store(scratch + (<usize>j << 5), i32x4.shuffle(x, x, 1, 0, 3, 2), 16);
    }
    let m = mat;
    for (let r = 0; r < d; r++) {
      let acc = f32x4.splat(0);
      let s = scratch;
      for (let c = 0; c < d; c++) {
        acc = f32x4.add(acc, f32x4.add(f32x4.mul(v128.load(m), v128.load(s)), f32x4.mul(v128.load(m, 16), v128.load(s, 16))));
        m += 32;
        s += 32;
      }
      v128.store(base + <usize>load<u32>(offs + (<usize>r << 2)), acc);
    }
  }
}

/**
 * Dense 2×2 or 4×4 with real and imaginary parts in separate lanes (scripts/unroll-kernels.mjs, laneKernel):
 * complex64 in quads of four neighbouring amplitudes, complex128 in duos of two, per high member and iteration;
 * any target qubits; `variant` picks the kernel; `pos` includes the lane bits; the matrix comes as lane vectors
 * prepared by the host.
 */
export function denseF32Quad(
  state: usize, pos: usize, npos: i32, ctrl: u32, variant: i32, offs: usize, mat: usize, scratch: usize, g0: u32, g1: u32,
): void {
  quadF32(state, pos, npos, ctrl, variant, offs, mat, g0, g1);
}

export function denseF64Duo(
  state: usize, pos: usize, npos: i32, ctrl: u32, variant: i32, offs: usize, mat: usize, scratch: usize, g0: u32, g1: u32,
): void {
  duoF64(state, pos, npos, ctrl, variant, offs, mat, g0, g1);
}

/** Dense on each group, complex64, one amplitude per vector (a gate qubit is qubit 0): half the lanes idle. */
export function denseF32Single(
  state: usize, pos: usize, npos: i32, ctrl: u32, d: i32, offs: usize, mat: usize, scratch: usize, g0: u32, g1: u32,
): void {
  if (d == 2) return singleF32_2(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 4) return singleF32_4(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 8) return singleF32_8(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 2 + REAL) return singleF32_2r(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 4 + REAL) return singleF32_4r(state, pos, npos, ctrl, offs, mat, g0, g1);
  if (d == 8 + REAL) return singleF32_8r(state, pos, npos, ctrl, offs, mat, g0, g1);
  d &= REAL - 1;
  const mask = positionMask(pos, npos);
  let x = insertZeros(g0, pos, npos);
  for (let g = g0; g < g1; g++, x = nextGroup(x, mask, 1)) {
    const base = state + ((<usize>(x | ctrl)) << 3);
    for (let j = 0; j < d; j++) {
      const x = v128.load64_zero(base + <usize>load<u32>(offs + (<usize>j << 2)));
      v128.store(scratch + (<usize>j << 5), x);
      v128.store(scratch + (<usize>j << 5), i32x4.shuffle(x, x, 1, 0, 3, 2), 16);
    }
    let m = mat;
    for (let r = 0; r < d; r++) {
      let acc = f32x4.splat(0);
      let s = scratch;
      for (let c = 0; c < d; c++) {
        acc = f32x4.add(acc, f32x4.add(f32x4.mul(v128.load(m), v128.load(s)), f32x4.mul(v128.load(m, 16), v128.load(s, 16))));
        m += 32;
        s += 32;
      }
      v128.store64_lane(base + <usize>load<u32>(offs + (<usize>r << 2)), acc, 0);
    }
  }
}

/** Diagonal on each group, complex64; `pairs` as in denseF32Pairs (then g0, g1 even). */
export function diagF32(state: usize, pos: usize, npos: i32, d: i32, offs: usize, mat: usize, pairs: bool, g0: u32, g1: u32): void {
  if (pairs) {
    const mask = positionMask(pos, npos);
    let x = insertZeros(g0, pos, npos);
    for (let g = g0; g < g1; g += 2, x = nextGroup(x, mask, 2)) {
      const base = state + ((<usize>x) << 3);
      let m = mat;
      for (let j = 0; j < d; j++) {
        const p = base + <usize>load<u32>(offs + (<usize>j << 2));
        const x = v128.load(p);
        v128.store(p, maddF32(v128.load(m), x, f32x4.mul(v128.load(m, 16), i32x4.shuffle(x, x, 1, 0, 3, 2))));
        m += 32;
      }
    }
    return;
  }
  const mask = positionMask(pos, npos);
  let x = insertZeros(g0, pos, npos);
  for (let g = g0; g < g1; g++, x = nextGroup(x, mask, 1)) {
    const base = state + ((<usize>x) << 3);
    let m = mat;
    for (let j = 0; j < d; j++) {
      const p = base + <usize>load<u32>(offs + (<usize>j << 2));
      const x = v128.load64_zero(p);
      v128.store64_lane(p, maddF32(v128.load(m), x, f32x4.mul(v128.load(m, 16), i32x4.shuffle(x, x, 1, 0, 3, 2))), 0);
      m += 32;
    }
  }
}

/**
 * out[b] = Σ |amplitude|² over amplitudes [b·size, (b + 1)·size) for b in [b0, b1), accumulated in f64: the
 * block-sum table of the sampler (src/sim/sampling.ts). complex64; size a multiple of 2.
 */
export function blockNormsF32(state: usize, size: u32, out: usize, b0: u32, b1: u32): void {
  for (let b = b0; b < b1; b++) {
    let p = state + ((<usize>b * <usize>size) << 3);
    const end = p + (<usize>size << 3);
    let acc = f64x2.splat(0);
    for (; p < end; p += 16) {
      const x = v128.load(p);
      const lo = f64x2.promote_low_f32x4(x);
      const hi = f64x2.promote_low_f32x4(i64x2.shuffle(x, x, 1, 0));
      acc = f64x2.add(acc, f64x2.add(f64x2.mul(lo, lo), f64x2.mul(hi, hi)));
    }
    store<f64>(out + (<usize>b << 3), f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1));
  }
}

/** As blockNormsF32, complex128. */
export function blockNormsF64(state: usize, size: u32, out: usize, b0: u32, b1: u32): void {
  for (let b = b0; b < b1; b++) {
    let p = state + ((<usize>b * <usize>size) << 4);
    const end = p + (<usize>size << 4);
    let acc = f64x2.splat(0);
    for (; p < end; p += 16) {
      const x = v128.load(p);
      acc = f64x2.add(acc, f64x2.mul(x, x));
    }
    store<f64>(out + (<usize>b << 3), f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1));
  }
}

/** One op of blockRun's table (entry e) on the state at s. */
@inline
function blockOp(s: usize, e: usize, scratch: usize): void {
  const kind = load<u32>(e) & 255;
  const pos = <usize>load<u32>(e, 4);
  const npos = load<i32>(e, 8);
  const ctrl = load<u32>(e, 12);
  const d = load<i32>(e, 16);
  const offs = <usize>load<u32>(e, 20);
  const mat = <usize>load<u32>(e, 24);
  const groups = load<u32>(e, 28);
  if (kind == 0) denseF64(s, pos, npos, ctrl, d, offs, mat, scratch, 0, groups);
  else if (kind == 1) diagF64(s, pos, npos, d, offs, mat, 0, groups);
  else if (kind == 2) denseF32Pairs(s, pos, npos, ctrl, d, offs, mat, scratch, 0, groups);
  else if (kind == 3) denseF32Single(s, pos, npos, ctrl, d, offs, mat, scratch, 0, groups);
  else if (kind == 6) denseF32Quad(s, pos, npos, ctrl, d, offs, mat, scratch, 0, groups);
  else if (kind == 7) denseF64Duo(s, pos, npos, ctrl, d, offs, mat, scratch, 0, groups);
  else diagF32(s, pos, npos, d, offs, mat, kind == 4, 0, groups);
}

/**
 * Cache blocking (src/sim/blocking.ts): for each chunk c in [c0, c1), every op of the table on that chunk as a
 * state of its own, so the run sweeps memory once. A chunk is the set of amplitudes whose index bits in
 * `chunkMask` are fixed (the c-th value of those bits in increasing order: c's bits deposited into the mask);
 * its other bits vary. Contiguous chunks have chunkMask = the bits above the chunk; a strided chunk (bits of
 * the mask below some of its own) needs no remapping of qubits: each op of it lists the mask's bits below its
 * highest position among its sorted positions, so its groups skip them. `ampShift` is log2 of the bytes per
 * amplitude. The table has `nops` entries of 32 bytes: kind (0 denseF64, 1 diagF64, 2 denseF32Pairs,
 * 3 denseF32Single, 4 diagF32 pairs, 5 diagF32 single, 6 denseF32Quad, 7 denseF64Duo, with the variant in the d
 * field), pos, npos, ctrl, d, offs, mat, groups per chunk (u32 each).
 * A second level (L2): when bits 8–15 of an entry's kind hold a count k > 0, that op and the k − 1 after it act
 * on the chunk's positions outside `subMask` (their groups counted per sub-chunk) and run sub-chunk by sub-chunk
 * (every value of the chunk's bits in `subMask`), so each sub-chunk stays in the core's L2 while they all pass.
 * Every amplitude meets the ops in table order, which planar runs rely on (apply-wasm.ts, planarRun: the first
 * op's variant writes planar quads, the last's reads them).
 */
export function blockRun(
  state: usize, ampShift: u32, table: usize, nops: i32, chunkMask: u32, subMask: u32, scratch: usize, c0: u32, c1: u32,
): void {
  // The first chunk's fixed bits: c0's bits deposited into chunkMask, lowest first.
  let x: u32 = 0;
  let rest = chunkMask;
  for (let bits = c0; bits != 0 && rest != 0; bits >>>= 1) {
    const low = rest & (0 - rest);
    if (bits & 1) x |= low;
    rest ^= low;
  }
  const subCount: u32 = <u32>1 << popcnt(subMask);
  for (let c = c0; c < c1; c++, x = ((x | ~chunkMask) + 1) & chunkMask) {
    const s = state + (<usize>x << ampShift);
    for (let i = 0; i < nops; ) {
      const e = table + (<usize>i << 5);
      const run = <i32>((load<u32>(e) >>> 8) & 255);
      if (run == 0) {
        blockOp(s, e, scratch);
        i++;
        continue;
      }
      let y: u32 = 0;
      for (let k: u32 = 0; k < subCount; k++, y = ((y | ~subMask) + 1) & subMask) {
        const ss = s + (<usize>y << ampShift);
        for (let j = i; j < i + run; j++) blockOp(ss, table + (<usize>j << 5), scratch);
      }
      i += run;
    }
  }
}

/**
 * Qubit remapping for cache blocking (src/sim/blocking.ts): swap bit a_k with bit c_k of every amplitude index
 * for the `npairs` pairs at `pairs` (u32 a, u32 c each), all bits ≥ `unitShift` − (3 or 4), so the permutation
 * moves whole units of 2^unitShift bytes. Unit u in [u0, u1) is exchanged with its image σ(u) when σ(u) > u:
 * σ is an involution, so every exchanged pair of units is handled exactly once, by the owner of the smaller.
 * The bits here are unit-index bits (amplitude bit − log2 of the amplitudes per unit).
 */
export function swapUnits(state: usize, unitShift: u32, pairs: usize, npairs: i32, u0: u32, u1: u32): void {
  const bytes = <usize>1 << unitShift;
  for (let u = u0; u < u1; u++) {
    let v = u;
    for (let k = 0; k < npairs; k++) {
      const a = load<u32>(pairs + (<usize>k << 3));
      const c = load<u32>(pairs + (<usize>k << 3), 4);
      if (((v >>> a) ^ (v >>> c)) & 1) v ^= (1 << a) | (1 << c);
    }
    if (v <= u) continue;
    let p = state + ((<usize>u) << unitShift);
    let q = state + ((<usize>v) << unitShift);
    const end = p + bytes;
    for (; p < end; p += 16, q += 16) {
      const x = v128.load(p);
      v128.store(p, v128.load(q));
      v128.store(q, x);
    }
  }
}

/**
 * Zero units [u0, u1) of 2^unitShift bytes (≥ 64) from `state`: createState on every thread (a typed array's
 * fill, and memory.fill, over shared memory ran at 2.7 GB/s on one thread).
 */
export function fillZero(state: usize, unitShift: u32, u0: u32, u1: u32): void {
  const zero = i64x2.splat(0);
  let p = state + ((<usize>u0) << unitShift);
  const end = state + ((<usize>u1) << unitShift);
  for (; p < end; p += 64) {
    v128.store(p, zero);
    v128.store(p, zero, 16);
    v128.store(p, zero, 32);
    v128.store(p, zero, 48);
  }
}

/**
 * For the benchmark's arithmetic probe: `iters` rounds of twelve independent f32x4 multiply-adds (enough chains to
 * cover the FMA latency), so the time per round measures the engine's multiply-add throughput on one thread.
 */
export function maddChains(iters: i32): f32 {
  const m = f32x4.splat(0.999999);
  const c = f32x4.splat(0.000001);
  let a0 = f32x4.splat(1), a1 = f32x4.splat(2), a2 = f32x4.splat(3), a3 = f32x4.splat(4);
  let a4 = f32x4.splat(5), a5 = f32x4.splat(6), a6 = f32x4.splat(7), a7 = f32x4.splat(8);
  let a8 = f32x4.splat(9), a9 = f32x4.splat(10), a10 = f32x4.splat(11), a11 = f32x4.splat(12);
  for (let i = 0; i < iters; i++) {
    a0 = maddF32(a0, m, c); a1 = maddF32(a1, m, c); a2 = maddF32(a2, m, c); a3 = maddF32(a3, m, c);
    a4 = maddF32(a4, m, c); a5 = maddF32(a5, m, c); a6 = maddF32(a6, m, c); a7 = maddF32(a7, m, c);
    a8 = maddF32(a8, m, c); a9 = maddF32(a9, m, c); a10 = maddF32(a10, m, c); a11 = maddF32(a11, m, c);
  }
  const s = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)));
  return f32x4.extract_lane(f32x4.add(s, f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11))), 0);
}
