// The baseline peer for `npm run bench`: the straightforward typed-array statevector simulator a competent
// JavaScript programmer writes first — every gate as a dense 2^k × 2^k matrix applied by gathering 2^k
// amplitudes per group, no diagonal/controlled fast paths, no fusion. Interleaved re/im Float64Array, qubit 0
// least significant. Used only to report our kernels' speed as a ratio measured in the same run.

import { gateMatrix } from "../src/circuit/gates.js";
import type { Circuit } from "../src/circuit/ir.js";

export function naiveStatevector(circuit: Circuit): Float64Array {
  const n = circuit.numQubits;
  const state = new Float64Array(2 << n);
  state[0] = 1;
  for (const op of circuit.ops) {
    if (op.kind !== "gate") continue;
    const m = gateMatrix(op.name, op.params);
    const k = op.qubits.length;
    const d = 1 << k;
    const idx = new Array<number>(d);
    const re = new Float64Array(d);
    const im = new Float64Array(d);
    let mask = 0;
    for (const q of op.qubits) mask |= 1 << q;
    for (let base = 0; base < 1 << n; base++) {
      if (base & mask) continue;
      for (let j = 0; j < d; j++) {
        let i = base;
        for (let b = 0; b < k; b++) if ((j >> b) & 1) i |= 1 << op.qubits[b];
        idx[j] = i;
        re[j] = state[2 * i];
        im[j] = state[2 * i + 1];
      }
      for (let r = 0; r < d; r++) {
        let sr = 0;
        let si = 0;
        for (let c = 0; c < d; c++) {
          const mr = m[2 * (r * d + c)];
          const mi = m[2 * (r * d + c) + 1];
          sr += mr * re[c] - mi * im[c];
          si += mr * im[c] + mi * re[c];
        }
        state[2 * idx[r]] = sr;
        state[2 * idx[r] + 1] = si;
      }
    }
  }
  return state;
}
