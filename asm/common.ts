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
