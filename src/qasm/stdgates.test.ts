// Every gate of OpenQASM 3's stdgates.inc, read by qfit, against the specification's own definition of it
// (openqasm/openqasm, examples/stdgates.inc), global phase included: alone, and under `ctrl @`, where a global
// phase becomes a relative one. The definitions are restated below as `spec_*` gates built from `U`, `gphase`
// and modifiers only; the five defined by `pow(1/2)` are checked against the principal square root.

import { describe, expect, it } from "vitest";
import { controlled, diagonal, expi, fromRows, type Matrix, maxDistance } from "../circuit/matrix.js";
import { programUnitary } from "./qasm3-testing.js";
import { STDGATES } from "./stdgates.js";

const TOL = 1e-12;

const SPEC = `
gate spec_p(λ) a { ctrl @ gphase(λ) a; }
gate spec_x a { U(π, 0, π) a; }
gate spec_y a { U(π, π/2, π/2) a; }
gate spec_z a { spec_p(π) a; }
gate spec_h a { U(π/2, 0, π) a; }
gate spec_rx(θ) a { U(θ, -π/2, π/2) a; }
gate spec_ry(θ) a { U(θ, 0, 0) a; }
gate spec_rz(λ) a { gphase(-λ/2); U(0, 0, λ) a; }
gate spec_cx a, b { ctrl @ spec_x a, b; }
gate spec_cy a, b { ctrl @ spec_y a, b; }
gate spec_cz a, b { ctrl @ spec_z a, b; }
gate spec_cp(λ) a, b { ctrl @ spec_p(λ) a, b; }
gate spec_crx(θ) a, b { ctrl @ spec_rx(θ) a, b; }
gate spec_cry(θ) a, b { ctrl @ spec_ry(θ) a, b; }
gate spec_crz(θ) a, b { ctrl @ spec_rz(θ) a, b; }
gate spec_ch a, b { ctrl @ spec_h a, b; }
gate spec_swap a, b { spec_cx a, b; spec_cx b, a; spec_cx a, b; }
gate spec_ccx a, b, c { ctrl @ ctrl @ spec_x a, b, c; }
gate spec_cswap a, b, c { ctrl @ spec_swap a, b, c; }
gate spec_cu(θ, φ, λ, γ) a, b { spec_p(γ) a; ctrl @ U(θ, φ, λ) a, b; }
gate spec_CX a, b { ctrl @ U(π, 0, π) a, b; }
gate spec_phase(λ) q { U(0, 0, λ) q; }
gate spec_cphase(λ) a, b { ctrl @ spec_phase(λ) a, b; }
gate spec_id a { U(0, 0, 0) a; }
gate spec_u1(λ) q { U(0, 0, λ) q; }
gate spec_u2(φ, λ) q { gphase(-(φ+λ)/2); U(π/2, φ, λ) q; }
gate spec_u3(θ, φ, λ) q { gphase(-(φ+λ)/2); U(θ, φ, λ) q; }
`;

const ROOT_DEFINED = new Set(["s", "sdg", "t", "tdg", "sx"]);
const PARAMS = [0.37, -1.21, 2.05, 0.66];

function program(gate: string, numParams: number, numQubits: number, controls: number): string {
  const params = numParams > 0 ? `(${PARAMS.slice(0, numParams).join(", ")})` : "";
  const mods = "ctrl @ ".repeat(controls);
  const args = Array.from({ length: numQubits + controls }, (_, i) => `q[${i}]`).join(", ");
  return `OPENQASM 3.0;\ninclude "stdgates.inc";\n${SPEC}\nqubit[${numQubits + controls}] q;\n${mods}${gate}${params} ${args};\n`;
}

/** Principal square roots: s = √z, t = √s, sx = √x (eigenvalue −1 ↦ i), and their inverses. */
const i = [0, 1] as const;
const ROOTS: Record<string, Matrix> = {
  s: diagonal([[1, 0], i]),
  sdg: diagonal([
    [1, 0],
    [0, -1],
  ]),
  t: diagonal([[1, 0], expi(Math.PI / 4)]),
  tdg: diagonal([[1, 0], expi(-Math.PI / 4)]),
  sx: fromRows([
    [
      [0.5, 0.5],
      [0.5, -0.5],
    ],
    [
      [0.5, -0.5],
      [0.5, 0.5],
    ],
  ]),
};

describe("stdgates.inc", () => {
  it("has every gate of the specification's standard library", () => {
    const spec =
      "p x y z h s sdg t tdg sx rx ry rz cx cy cz cp crx cry crz ch swap ccx cswap cu CX phase cphase id u1 u2 u3";
    expect([...STDGATES.keys()].sort()).toEqual(spec.split(" ").sort());
  });

  const gates = [...STDGATES.values()].filter((g) => !ROOT_DEFINED.has(g.name));
  it.each(gates.map((g) => [g.name, g] as const))(
    "%s equals its specification definition, alone and controlled",
    (_, g) => {
      for (const controls of [0, 1, 2]) {
        const ours = programUnitary(program(g.name, g.numParams, g.numQubits, controls));
        const theirs = programUnitary(program(`spec_${g.name}`, g.numParams, g.numQubits, controls));
        expect(maxDistance(ours, theirs), `${controls} controls`).toBeLessThan(TOL);
      }
    },
  );

  it.each([...ROOT_DEFINED])(
    "%s is the principal square root the specification names, with its phase",
    (name) => {
      for (const controls of [0, 1, 2]) {
        const ours = programUnitary(program(name, 0, 1, controls));
        expect(maxDistance(ours, controlled(ROOTS[name], controls))).toBeLessThan(TOL);
      }
    },
  );

  it("u3 carries the specification's global phase −(φ+λ)/2, which ctrl @ turns into a relative phase", () => {
    // Qiskit's U3Gate has no such phase; a wrong phase would show up only under control, so check it there.
    const [t, p, l] = PARAMS;
    const u = programUnitary(program("U", 3, 1, 0));
    const u3 = programUnitary(program("u3", 3, 1, 0));
    const phased = new Float64Array(u.length);
    const e = expi(-(p + l) / 2);
    for (let k = 0; k < u.length; k += 2) {
      phased[k] = u[k] * e[0] - u[k + 1] * e[1];
      phased[k + 1] = u[k] * e[1] + u[k + 1] * e[0];
    }
    expect(maxDistance(u3, phased)).toBeLessThan(TOL);
    const cu3 = programUnitary(program("u3", 3, 1, 1));
    expect(maxDistance(cu3, controlled(phased, 1))).toBeLessThan(TOL);
    expect(maxDistance(cu3, controlled(u, 1))).toBeGreaterThan(1e-3);
    void t;
  });

  it("gphase is a global phase alone and a phase on the controls under ctrl @", () => {
    const a = 0.7;
    const alone = programUnitary(`OPENQASM 3; qubit q; gphase(${a});`);
    expect(maxDistance(alone, diagonal([expi(a), expi(a)]))).toBeLessThan(TOL);
    const ctl = programUnitary(`OPENQASM 3; qubit[2] q; ctrl(2) @ gphase(${a}) q[0], q[1];`);
    expect(maxDistance(ctl, diagonal([[1, 0], [1, 0], [1, 0], expi(a)]))).toBeLessThan(TOL);
  });
});
