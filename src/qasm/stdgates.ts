// OpenQASM 3's standard gate library, `stdgates.inc`, built in. Each gate is the library gate (src/circuit/gates.ts,
// Qiskit's matrices) with the same matrix, times the global phase the specification's definition carries.
//
// The definitions, from the OpenQASM 3 specification (openqasm/openqasm, examples/stdgates.inc):
//   p(λ) a { ctrl @ gphase(λ) a; }            x a { U(π, 0, π) a; }              y a { U(π, π/2, π/2) a; }
//   z a { p(π) a; }                             h a { U(π/2, 0, π) a; }            s a { pow(1/2) @ z a; }
//   sdg a { inv @ pow(1/2) @ z a; }             t a { pow(1/2) @ s a; }            tdg a { inv @ pow(1/2) @ s a; }
//   sx a { pow(1/2) @ x a; }                    rx(θ) a { U(θ, -π/2, π/2) a; }     ry(θ) a { U(θ, 0, 0) a; }
//   rz(λ) a { gphase(-λ/2); U(0, 0, λ) a; }     cx/cy/cz/cp/crx/cry/crz/ch: ctrl @ of x/y/z/p/rx/ry/rz/h
//   swap a, b { cx a, b; cx b, a; cx a, b; }    ccx: ctrl @ ctrl @ x                cswap: ctrl @ swap
//   cu(θ, φ, λ, γ) a, b { p(γ) a; ctrl @ U(θ, φ, λ) a, b; }
//   CX a, b { ctrl @ U(π, 0, π) a, b; }         phase(λ) q { U(0, 0, λ) q; }       cphase: ctrl @ phase
//   id a { U(0, 0, 0) a; }                      u1(λ) q { U(0, 0, λ) q; }
//   u2(φ, λ) q { gphase(-(φ+λ)/2); U(π/2, φ, λ) q; }
//   u3(θ, φ, λ) q { gphase(-(φ+λ)/2); U(θ, φ, λ) q; }
// Every matrix above equals the library gate's exactly, except u2 and u3, whose extra global phase −(φ+λ)/2 is
// kept (it becomes a relative phase under `ctrl @`). `U` itself is the library `u`; `gphase` is handled by the
// reader.

export interface StdGate {
  name: string;
  /** The library gate (src/circuit/gates.ts) with the same matrix up to `phase`. */
  library: string;
  numParams: number;
  numQubits: number;
  /** The global phase the specification's definition adds to the library gate's matrix. */
  phase?: (p: readonly number[]) => number;
}

const g = (name: string, library: string, numParams: number, numQubits: number): StdGate => ({
  name,
  library,
  numParams,
  numQubits,
});

const halfSumPhase = (p: readonly number[]): number => -(p[p.length - 2] + p[p.length - 1]) / 2;

export const STDGATES: ReadonlyMap<string, StdGate> = new Map(
  [
    g("p", "p", 1, 1),
    g("x", "x", 0, 1),
    g("y", "y", 0, 1),
    g("z", "z", 0, 1),
    g("h", "h", 0, 1),
    g("s", "s", 0, 1),
    g("sdg", "sdg", 0, 1),
    g("t", "t", 0, 1),
    g("tdg", "tdg", 0, 1),
    g("sx", "sx", 0, 1),
    g("rx", "rx", 1, 1),
    g("ry", "ry", 1, 1),
    g("rz", "rz", 1, 1),
    g("cx", "cx", 0, 2),
    g("cy", "cy", 0, 2),
    g("cz", "cz", 0, 2),
    g("cp", "cp", 1, 2),
    g("crx", "crx", 1, 2),
    g("cry", "cry", 1, 2),
    g("crz", "crz", 1, 2),
    g("ch", "ch", 0, 2),
    g("swap", "swap", 0, 2),
    g("ccx", "ccx", 0, 3),
    g("cswap", "cswap", 0, 3),
    g("cu", "cu", 4, 2),
    g("CX", "cx", 0, 2),
    g("phase", "p", 1, 1),
    g("cphase", "cp", 1, 2),
    g("id", "id", 0, 1),
    g("u1", "u1", 1, 1),
    { ...g("u2", "u2", 2, 1), phase: halfSumPhase },
    { ...g("u3", "u3", 3, 1), phase: halfSumPhase },
  ].map((s) => [s.name, s]),
);

/**
 * Amazon Braket's built-in gate names (its OpenQASM programs use them without an include), mapped to the
 * library gate with the same matrix (Braket developer guide, "Supported gates"; matrices as in the Braket SDK's
 * `braket.circuits.gates`). Read with a warning, since they are not OpenQASM 3's standard library.
 */
export const BRAKET_GATES: ReadonlyMap<string, StdGate> = new Map(
  [
    g("i", "id", 0, 1),
    g("cnot", "cx", 0, 2),
    g("ccnot", "ccx", 0, 3),
    g("si", "sdg", 0, 1),
    g("ti", "tdg", 0, 1),
    g("v", "sx", 0, 1),
    g("vi", "sxdg", 0, 1),
    g("phaseshift", "p", 1, 1),
    g("cphaseshift", "cp", 1, 2),
    g("xx", "rxx", 1, 2),
    g("zz", "rzz", 1, 2),
  ].map((s) => [s.name, s]),
);
