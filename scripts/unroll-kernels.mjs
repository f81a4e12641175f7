// Writes asm/unrolled.ts: the 1-, 2- and 3-qubit dense kernels (d = 2, 4, 8) fully unrolled, for complex128,
// complex64 pairs and complex64 single amplitudes — the products of the generic loops in asm/kernels.ts,
// m·x = A·x + B·swap(x) per entry, matrix entry (r, c) at byte 32·(d·r + c), but with the amplitudes in locals,
// matrix loads at immediate offsets and the products summed by multiply-adds — and the split-lane complex64
// kernels for d = 2, 4 (splitKernel). Run by scripts/build-wasm.mjs.
import { writeFileSync } from "node:fs";

function rowExpr(lanes, d, rowOffset) {
  // Two chains of multiply-adds (even and odd columns) halve the dependency chain; maddF32/maddF64 fuse them
  // where relaxed SIMD exists (asm/common.ts).
  const madd = lanes === "f64x2" ? "maddF64" : "maddF32";
  const chain = (first) => {
    let e = null;
    for (let c = first; c < d; c += 2) {
      const o = rowOffset + 32 * c;
      e = e === null ? `${lanes}.mul(v128.load(m, ${o}), x${c})` : `${madd}(v128.load(m, ${o}), x${c}, ${e})`;
      e = `${madd}(v128.load(m, ${o + 16}), s${c}, ${e})`;
    }
    return e;
  };
  return `${lanes}.add(${chain(0)}, ${chain(1)})`;
}

/** mode: "f64" (complex128, one amplitude per v128), "pairs" (complex64, two groups per v128), "single"
 * (complex64, one amplitude in the low half of a v128: a gate qubit is qubit 0). */
function kernel(mode, d) {
  const name = `${mode === "f64" ? "denseF64" : mode === "pairs" ? "pairsF32" : "singleF32"}_${d}`;
  const lanes = mode === "f64" ? "f64x2" : "f32x4";
  const swap = (v) =>
    mode === "f64" ? `i64x2.shuffle(${v}, ${v}, 1, 0)` : `i32x4.shuffle(${v}, ${v}, 1, 0, 3, 2)`;
  const load = (a) => (mode === "single" ? `v128.load64_zero(${a})` : `v128.load(${a})`);
  const store = (a, v) => (mode === "single" ? `v128.store64_lane(${a}, ${v}, 0)` : `v128.store(${a}, ${v})`);
  const step = mode === "pairs" ? 2 : 1;
  const L = [];
  L.push(
    `export function ${name}(state: usize, pos: usize, npos: i32, ctrl: u32, offs: usize, m: usize, g0: u32, g1: u32): void {`,
  );
  for (let j = 1; j < d; j++) L.push(`  const o${j} = <usize>load<u32>(offs, ${4 * j});`);
  L.push("  const mask = positionMask(pos, npos);");
  L.push("  let x = insertZeros(g0, pos, npos);");
  L.push(`  for (let g = g0; g < g1; g += ${step}) {`);
  L.push(`    const p = state + ((<usize>(x | ctrl)) << ${mode === "f64" ? 4 : 3});`);
  L.push(`    const x0 = ${load("p")};`);
  for (let j = 1; j < d; j++) L.push(`    const x${j} = ${load(`p + o${j}`)};`);
  for (let j = 0; j < d; j++) L.push(`    const s${j} = ${swap(`x${j}`)};`);
  for (let r = 0; r < d; r++)
    L.push(`    ${store(r === 0 ? "p" : `p + o${r}`, rowExpr(lanes, d, 32 * d * r))};`);
  L.push(`    x = nextGroup(x, mask, ${step});`);
  L.push("  }");
  L.push("}");
  return L.join("\n");
}

/**
 * complex64, split lanes, d = 2 or 4: four consecutive groups per iteration (no gate qubit below 2, so groups
 * g..g+3 are neighbouring amplitudes), de-interleaved into one vector of real and one of imaginary parts per
 * member; matrix entry (r, c) at byte 32·(d·r + c) as splat(re) then splat(im). Per entry four multiply-adds on
 * four amplitudes and two matrix loads, against two loads per two amplitudes in the pair kernels.
 */
function splitKernel(d) {
  const L = [
    `export function splitF32_${d}(state: usize, pos: usize, npos: i32, ctrl: u32, offs: usize, m: usize, g0: u32, g1: u32): void {`,
  ];
  for (let j = 1; j < d; j++) L.push(`  const o${j} = <usize>load<u32>(offs, ${4 * j});`);
  L.push("  const mask = positionMask(pos, npos);");
  L.push("  let x = insertZeros(g0, pos, npos);");
  L.push("  for (let g = g0; g < g1; g += 4) {");
  L.push("    const p = state + ((<usize>(x | ctrl)) << 3);");
  for (let j = 0; j < d; j++) {
    const at = j === 0 ? "p" : `p + o${j}`;
    L.push(`    const a${j} = v128.load(${at});`);
    L.push(`    const b${j} = v128.load(${at}, 16);`);
    L.push(`    const re${j} = i32x4.shuffle(a${j}, b${j}, 0, 2, 4, 6);`);
    L.push(`    const im${j} = i32x4.shuffle(a${j}, b${j}, 1, 3, 5, 7);`);
  }
  for (let r = 0; r < d; r++) {
    let re = null;
    let im = null;
    for (let c = 0; c < d; c++) {
      const mr = `v128.load(m, ${32 * (d * r + c)})`;
      const mi = `v128.load(m, ${32 * (d * r + c) + 16})`;
      re = re === null ? `f32x4.mul(${mr}, re${c})` : `maddF32(${mr}, re${c}, ${re})`;
      re = `nmaddF32(${mi}, im${c}, ${re})`;
      im = im === null ? `f32x4.mul(${mr}, im${c})` : `maddF32(${mr}, im${c}, ${im})`;
      im = `maddF32(${mi}, re${c}, ${im})`;
    }
    const at = r === 0 ? "p" : `p + o${r}`;
    L.push(`    const r${r} = ${re};`);
    L.push(`    const i${r} = ${im};`);
    L.push(`    v128.store(${at}, i32x4.shuffle(r${r}, i${r}, 0, 4, 1, 5));`);
    L.push(`    v128.store(${at}, i32x4.shuffle(r${r}, i${r}, 2, 6, 3, 7), 16);`);
  }
  L.push("    x = nextGroup(x, mask, 4);");
  L.push("  }");
  L.push("}");
  return L.join("\n");
}

export function writeUnrolledKernels(url) {
  const parts = [
    "// Generated by scripts/unroll-kernels.mjs (run by `npm run build`): do not edit.",
    'import { insertZeros, maddF32, maddF64, nextGroup, nmaddF32, positionMask } from "./common";',
  ];
  for (const mode of ["f64", "pairs", "single"]) for (const d of [2, 4, 8]) parts.push("", kernel(mode, d));
  for (const d of [2, 4]) parts.push("", splitKernel(d));
  writeFileSync(url, `${parts.join("\n")}\n`);
}
