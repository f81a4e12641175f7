// Benchmark circuits with a known ideal output, for checking noise models against simulation:
// GHZ (two peaks), the inverse QFT of a Fourier-basis state (one output, as in phase estimation), Cuccaro's
// ripple-carry adder (one output), and seeded random circuits (spread-out output).

import { userError } from "../errors.js";
import { CircuitBuilder } from "./builder.js";
import type { Circuit } from "./ir.js";
import { randomCircuit } from "./random.js";

export type BenchmarkKind = "ghz" | "qft" | "adder" | "random";
export const BENCHMARK_KINDS: readonly BenchmarkKind[] = ["ghz", "qft", "adder", "random"];

function measured(b: CircuitBuilder, n: number): Circuit {
  for (let q = 0; q < n; q++) b.measure(q, q);
  return b.build();
}

export function ghzCircuit(n: number): Circuit {
  const b = new CircuitBuilder().qreg("q", n).creg("c", n).h(0);
  for (let q = 0; q + 1 < n; q++) b.cx(q, q + 1);
  return measured(b, n);
}

/**
 * Prepare the Fourier state of `x` (H on every qubit, then phase 2π·x·2^j/2^n on qubit j), apply the inverse
 * QFT (Nielsen & Chuang §5.1, without the final swaps, so the output reads x bit-reversed), measure: the ideal
 * result is one bitstring.
 */
export function qftCircuit(n: number, x = 0b1011011011 & ((1 << n) - 1)): Circuit {
  const b = new CircuitBuilder().qreg("q", n).creg("c", n);
  for (let j = 0; j < n; j++) b.h(j).p((2 * Math.PI * x * 2 ** j) / 2 ** n, j);
  // Inverse QFT on the reversed register: qubit n−1 holds the most significant phase bit.
  for (let j = n - 1; j >= 0; j--) {
    for (let k = n - 1; k > j; k--) b.cp(-Math.PI / 2 ** (k - j), k, j);
    b.h(j);
  }
  return measured(b, n);
}

/**
 * Cuccaro, Draper, Kutin & Moulton ripple-carry adder (quant-ph/0410184, Fig. 2), MAJ/UMA form, on
 * n = 2m + 2 qubits: carry-in, then (b_i, a_i) pairs, then carry-out; computes b ← a + b with fixed inputs.
 */
export function adderCircuit(n: number): Circuit {
  if (n < 4 || n % 2 !== 0)
    throw userError("Circuit.InvalidSize", `the adder needs an even number of qubits ≥ 4, got ${n}`, {
      field: "sizes",
    });
  const m = (n - 2) / 2;
  const cin = 0;
  const bq = (i: number) => 1 + 2 * i;
  const aq = (i: number) => 2 + 2 * i;
  const cout = n - 1;
  const b = new CircuitBuilder().qreg("q", n).creg("c", n);
  // Fixed inputs: a = 0b1011… and b = 0b0110… cut to m bits.
  for (let i = 0; i < m; i++) {
    if ((0b1011011011 >> i) & 1) b.x(aq(i));
    if ((0b0110110110 >> i) & 1) b.x(bq(i));
  }
  const maj = (x: number, y: number, z: number) => b.cx(z, y).cx(z, x).ccx(x, y, z);
  const uma = (x: number, y: number, z: number) => b.ccx(x, y, z).cx(z, x).cx(x, y);
  maj(cin, bq(0), aq(0));
  for (let i = 1; i < m; i++) maj(aq(i - 1), bq(i), aq(i));
  b.cx(aq(m - 1), cout);
  for (let i = m - 1; i >= 1; i--) uma(aq(i - 1), bq(i), aq(i));
  uma(cin, bq(0), aq(0));
  return measured(b, n);
}

export function benchmarkCircuit(kind: BenchmarkKind, n: number, seed = 1): Circuit {
  switch (kind) {
    case "ghz":
      return ghzCircuit(n);
    case "qft":
      return qftCircuit(n);
    case "adder":
      return adderCircuit(n);
    case "random": {
      const c = randomCircuit({
        numQubits: n,
        depth: 4,
        seed: seed + n,
        gates: ["h", "sx", "rz", "t", "cx", "cz"],
      });
      const out: Circuit = { ...c, numClbits: n, cregs: [{ name: "c", size: n, offset: 0 }] };
      for (let q = 0; q < n; q++) out.ops.push({ kind: "measure", qubit: q, clbit: q });
      return out;
    }
  }
}
