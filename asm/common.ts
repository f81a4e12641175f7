// Shared by asm/kernels.ts and the generated asm/unrolled.ts.

/** Insert a zero bit at each sorted position pos[0..npos) (u32 each) into the bits of g. */
@inline
export function insertZeros(g: u32, pos: usize, npos: i32): u32 {
  for (let p = 0; p < npos; p++) {
    const b = load<u32>(pos + (<usize>p << 2));
    g = ((g >>> b) << (b + 1)) | (g & ((1 << b) - 1));
  }
  return g;
}

/** The bits of every position pos[0..npos). */
@inline
export function positionMask(pos: usize, npos: i32): u32 {
  let mask: u32 = 0;
  for (let p = 0; p < npos; p++) mask |= 1 << load<u32>(pos + (<usize>p << 2));
  return mask;
}

/**
 * The group base `step` groups after x (x has zeros at every bit of `mask`): setting the mask bits makes the
 * carry of the addition skip them, clearing them afterwards restores the zeros. O(1) instead of a bit
 * insertion per position. step = 2 needs bit 0 of x clear and outside the mask (the pair kernels).
 */
@inline
export function nextGroup(x: u32, mask: u32, step: u32): u32 {
  return ((x | mask) + step) & ~mask;
}

// a·b + c. With relaxed SIMD (the second build, scripts/build-wasm.mjs) one fused multiply-add where the CPU
// has FMA; without it, a multiply and an add. Either rounding is within the kernels' tolerances.
@inline
export function maddF32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

@inline
export function maddF64(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** c − a·b, fused where relaxed SIMD exists (as maddF32). */
@inline
export function nmaddF32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_nmadd(a, b, c);
  return f32x4.sub(c, f32x4.mul(a, b));
}

/** c − a·b in complex128 lanes (as nmaddF32). */
@inline
export function nmaddF64(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_nmadd(a, b, c);
  return f64x2.sub(c, f64x2.mul(a, b));
}
