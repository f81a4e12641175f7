// `npm run bench:kernels`: each complex64 lane kernel alone, one thread, on a state that stays in L2 (2^15
// amplitudes, 256 KiB), as f32x4 multiply-adds per second against the machine's rate (maddChains, same run):
// the efficiency of the kernels the arithmetic floor of bench/sim.ts assumes to be 100 %. Medians of 7. Each
// also in the planar layout that the ops between the first and the last of a blocked run take ("pp": planar
// quads in and out, no de-interleaving shuffles; apply-wasm.ts, planarRun), same run.
import { loadavg } from "node:os";
import { LANE_VARIANTS, PLANAR_IN_VARIANT, PLANAR_OUT_VARIANT } from "../scripts/unroll-kernels.mjs";
import { instantiateKernels } from "../src/sim/kernels/apply-wasm.js";
import { enableRelaxedSimd } from "../src/sim/kernels/relaxed-simd-node.js";
import { maddsPerSecond } from "./floors.js";
import { timeMs } from "./timing.js";

enableRelaxedSimd();
const memory = new WebAssembly.Memory({ initial: 64, maximum: 65536, shared: true });
const ex = instantiateKernels(memory as never) as unknown as Record<string, (...a: number[]) => void>;
const n = Number(process.env.QFIT_BENCH_KERNEL_QUBITS ?? 15);
const STATE = 1 << 20;
memory.grow(Math.max(0, ((STATE + 8 * 2 ** n) >> 16) + 1 - 64));
const f32 = new Float32Array(memory.buffer);
for (let i = 0; i < 2 * 2 ** n; i++) f32[STATE / 4 + i] = Math.random() - 0.5;
// Matrix entries 0: repeated products of random entries would end in subnormals, which run far slower than
// normal numbers and would time the values, not the kernels (zeros and normal numbers take the same time).
f32.fill(0, 1024 / 4, 1024 / 4 + 4096);

/** Variant, high targets (positions, above the lanes), f32x4 multiply-adds per group. */
type Case = { name: string; variant: number; high: number[]; fmas: number };
const cases: Case[] = [];
const variants = LANE_VARIANTS.f32;
for (const real of [false, true])
  for (const [nh, low] of variants) {
    const perms = [0, 1, 2, 3].filter((k) => (k & ~low) === 0).length;
    const members = 1 << nh;
    cases.push({
      name: `h${nh}_l${low}${real ? "r" : ""}`,
      variant: nh * 4 + low + (real ? 16 : 0),
      high: [5, 9].slice(0, nh),
      fmas: members * members * perms * (real ? 2 : 4),
    });
  }
cases.push(
  { name: "mono2", variant: 34, high: [5, 9], fmas: 4 * 4 },
  { name: "blocks", variant: 40, high: [5, 9], fmas: 4 * 8 },
);
// The sparse lane kernels (SPARSE_SHAPES): 2 members, 2 terms per output member.
for (const shape of [0, 1, 2])
  for (const low of [1, 2])
    cases.push({ name: `s${shape}_l${low}`, variant: 48 + 4 * shape + low, high: [5], fmas: 16 });

const rate = maddsPerSecond();
console.log(
  `load ${loadavg()[0].toFixed(1)}; f32x4 multiply-adds ${(rate / 1e9).toFixed(2)} G/s per thread; ${n} qubits`,
);
for (const c of cases) {
  const pos = [0, 1, ...c.high];
  new Uint32Array(memory.buffer, 0, pos.length).set(pos);
  const members = 1 << c.high.length;
  const offs = Array.from({ length: members }, (_, j) =>
    c.high.reduce((o, t, b) => o + ((j >> b) & 1 ? 8 * 2 ** t : 0), 0),
  );
  // The structured kernels: output then input member offsets, then the stride of the second half (qubit 1).
  new Uint32Array(memory.buffer, 256, 2 * members + 1).set(
    c.variant >= 48 ? [...offs, ...offs] : c.variant >= 32 ? [...offs, ...offs, 16] : offs,
  );
  const groups = 2 ** (n - pos.length);
  const reps = Math.max(1, Math.round(4e8 / (c.fmas * groups)));
  const time = (variant: number) => {
    const run = () => {
      for (let r = 0; r < reps; r++)
        ex.denseF32Quad(STATE, 0, pos.length, 0, variant, 256, 1024, 16384, 0, groups);
    };
    run();
    return timeMs(run, 7);
  };
  const ms = time(c.variant);
  const planarMs = time(c.variant + PLANAR_IN_VARIANT + PLANAR_OUT_VARIANT);
  const g = (reps * groups * c.fmas) / (ms / 1000);
  const ns = (1e6 * ms) / (reps * groups * (members << 2));
  console.log(
    `${c.name.padEnd(8)} ${(g / 1e9).toFixed(2)} G/s  ${((100 * g) / rate).toFixed(0).padStart(3)} %  ${ns.toFixed(3)} ns/amplitude;` +
      ` planar ${((100 * (reps * groups * c.fmas)) / (planarMs / 1000) / rate).toFixed(0).padStart(3)} %  ${(planarMs / ms).toFixed(2)}× the time`,
  );
}
