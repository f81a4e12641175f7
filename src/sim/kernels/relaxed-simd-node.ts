// Edge adapter: Node 20's V8 (11.3) has WebAssembly relaxed SIMD behind --experimental-wasm-relaxed-simd; V8
// 11.4 shipped it on by default (Node 22+). V8 reads wasm feature flags when a module is validated or compiled,
// so setting the flag before the kernels compile lets Node 20 run the fused multiply-add build of the kernels
// (scripts/build-wasm.mjs). Where the engine already validates that build, nothing is changed.

import { setFlagsFromString } from "node:v8";
import { WASM } from "./wasm-api.js";
import { KERNELS_RELAXED_WASM_BASE64 } from "./wasm-binary.js";

let done = false;

/** Turn on relaxed SIMD for WebAssembly in this process if it is off; call before the first simulation. */
export function enableRelaxedSimd(): void {
  if (done) return;
  done = true;
  if (WASM && !WASM.validate(Buffer.from(KERNELS_RELAXED_WASM_BASE64, "base64")))
    setFlagsFromString("--experimental-wasm-relaxed-simd");
}
