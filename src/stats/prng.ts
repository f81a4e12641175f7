// The seeded pseudo-random generator behind every sampled result, so the same seed gives the same counts on
// every machine and JavaScript engine: only 32-bit integer operations (Math.imul, >>>), no floating point
// until the final conversion, no BigInt.
//
// Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021;
// reference C code at https://prng.di.unimi.it/xoshiro128starstar.c), period 2^128 − 1.
// Seeding: the 32-bit seed is expanded into the 128-bit state by four successive outputs of splitmix32
// (state += 0x9e3779b9; z = state; z = (z ^ z>>>16)·0x21f0aaad; z = (z ^ z>>>15)·0x735a2d97; z ^= z>>>15),
// the 32-bit analogue of Vigna's recommended splitmix64 seeding; it never yields the all-zero state in practice
// and we guard against it anyway.
// Doubles: 53 random bits from two outputs, (a>>>5)·2^26 + (b>>>6), divided by 2^53 — uniform on [0, 1).

export interface Prng {
  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** The largest accepted seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

export class Xoshiro128StarStar implements Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Start from an explicit 128-bit state (four 32-bit words, not all zero); mostly for reference tests. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }
}

/** splitmix32 as a stream: returns the successive outputs starting from `seed`. */
export function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** The generator for a seed in 0..2^32−1 (callers validate the range; see `isValidSeed`). */
export function createPrng(seed: number): Prng {
  const sm = splitmix32(seed >>> 0);
  return new Xoshiro128StarStar(sm(), sm(), sm(), sm());
}

export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/** A fresh seed when the caller gave none; it is reported so the run can be repeated. */
export function randomSeed(): number {
  return Math.floor(Math.random() * (MAX_SEED + 1));
}
