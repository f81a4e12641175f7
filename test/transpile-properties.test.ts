// Property tests of the transpiler on every gate-model device in the catalog (fixed seeds): the compiled
// circuit equals the original up to global phase and the initial/final qubit permutations the router reports,
// every two-qubit gate acts on a coupled pair, and only the device's native gates remain.
import { describe, expect, it } from "vitest";
import type { Circuit, GateOp } from "../src/circuit/ir.js";
import { distanceUpToPhase, type Matrix, matmul } from "../src/circuit/matrix.js";
import { randomCircuit } from "../src/circuit/random.js";
import { sequenceUnitary } from "../src/circuit/testing.js";
import { deviceModel, gateModelDevices } from "../src/device/device-model.js";
import { transpile } from "../src/transpile/transpile.js";

/** P|x⟩ = |y⟩ with bit perm[l] of y equal to bit l of x. */
function permutation(perm: readonly number[]): Matrix {
  const n = perm.length;
  const d = 1 << n;
  const m = new Float64Array(2 * d * d);
  for (let x = 0; x < d; x++) {
    let y = 0;
    for (let l = 0; l < n; l++) if ((x >> l) & 1) y |= 1 << perm[l];
    m[2 * (y * d + x)] = 1;
  }
  return m;
}

const unitaryOf = (c: Circuit) =>
  sequenceUnitary(
    c.numQubits,
    (c.ops.filter((o) => o.kind === "gate") as GateOp[]).map((o) => [o.name, o.qubits, o.params] as const),
  );

const devices = gateModelDevices();

describe("transpiled ≡ original, on every device", () => {
  it.each(devices)("%s", (id) => {
    const device = deviceModel(id);
    const edges = new Set(device.coupling.edges.map(([a, b]) => `${a},${b}`));
    for (const seed of [1, 2, 3]) {
      const n = Math.min(device.qubits, 3 + seed);
      const c = randomCircuit({ numQubits: n, depth: 5, seed: seed * 7919 + id.length });
      const r = transpile(c, device);
      expect(r.circuit.numQubits).toBe(n);
      for (const op of r.circuit.ops) {
        if (op.kind !== "gate") continue;
        expect(device.basis.gates).toContain(op.name);
        if (op.qubits.length === 2) {
          const [a, b] = op.qubits.map((q) => r.physical[q]).sort((x, y) => x - y);
          expect(edges.has(`${a},${b}`)).toBe(true);
        }
      }
      const toCompact = (p: number) => r.physical.indexOf(p);
      const pInit = permutation(r.initialLayout.map(toCompact));
      const pFin = permutation(r.finalLayout.map(toCompact));
      const lhs = matmul(unitaryOf(r.circuit), pInit);
      const rhs = matmul(pFin, unitaryOf(c));
      expect(distanceUpToPhase(lhs, rhs)).toBeLessThan(1e-8);
    }
  });

  it("needs no SWAP on all-to-all devices and some on heavy-hex for a ring of interactions", () => {
    const ring: Circuit = randomCircuit({ numQubits: 6, depth: 0, seed: 1 });
    for (let i = 0; i < 6; i++)
      ring.ops.push({ kind: "gate", name: "cx", qubits: [i, (i + 1) % 6], params: [] });
    expect(transpile(ring, deviceModel("helios")).metrics.swaps).toBe(0);
    const heavy = transpile(ring, deviceModel("ibm-heron-r2"));
    expect(heavy.metrics.swaps).toBeGreaterThan(0);
    // Each SWAP is three CZ-based CNOTs; a SWAP CNOT next to a circuit CNOT on the same pair may cancel.
    expect(heavy.metrics.twoQubitGates).toBeLessThanOrEqual(6 + 3 * heavy.metrics.swaps);
    expect(heavy.metrics.twoQubitGates).toBeGreaterThan(6);
    expect(heavy.metrics.durationNs).toBeGreaterThan(0);
  });

  it("cancels adjacent inverse pairs and merges single-qubit runs", () => {
    const c = randomCircuit({ numQubits: 2, depth: 0, seed: 1 });
    c.ops.push(
      { kind: "gate", name: "h", qubits: [0], params: [] },
      { kind: "gate", name: "h", qubits: [0], params: [] },
      { kind: "gate", name: "cx", qubits: [0, 1], params: [] },
      { kind: "gate", name: "cx", qubits: [0, 1], params: [] },
      { kind: "gate", name: "t", qubits: [1], params: [] },
      { kind: "gate", name: "s", qubits: [1], params: [] },
    );
    const r = transpile(c, deviceModel("ibm-heron-r2"));
    expect(r.metrics.twoQubitGates).toBe(0);
    expect(r.circuit.ops).toEqual([
      {
        kind: "gate",
        name: "rz",
        qubits: [expect.any(Number)],
        params: [expect.closeTo((3 * Math.PI) / 4, 12)],
      },
    ]);
  });

  it("refuses a circuit wider than the device", () => {
    const c = randomCircuit({ numQubits: 30, depth: 1, seed: 1, gates: ["h"] });
    expect(() => transpile(c, deviceModel("ionq-aria"))).toThrow(
      expect.objectContaining({ code: "Transpile.CircuitTooWide", userError: true }),
    );
  });
});
