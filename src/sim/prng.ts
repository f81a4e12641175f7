// The project's PRNG lives in stats/prng.ts (below circuit/, which draws random circuits with it); this
// re-export keeps the simulator's long-standing import path working for modules above sim/.
export * from "../stats/prng.js";
