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
