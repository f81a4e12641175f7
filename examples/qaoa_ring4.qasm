// One QAOA layer (p = 1) for MaxCut on the 4-node ring 0-1-2-3-0 (Farhi, Goldstone, Gutmann, arXiv:1411.4028).
// Cost layer e^{−iγC} with C = Σ (1 − Z_u Z_v)/2 is rzz(−γ) per edge up to a global phase; mixer e^{−iβΣX} is
// rx(2β) per qubit. γ = π/4, β = π/8 maximise the expected cut for p = 1 on this ring: 3 of the 4 edges.
OPENQASM 2.0;
include "qelib1.inc";
qreg q[4];
creg c[4];
h q;
rzz(-pi/4) q[0], q[1];
rzz(-pi/4) q[1], q[2];
rzz(-pi/4) q[2], q[3];
rzz(-pi/4) q[3], q[0];
rx(2*pi/8) q;
measure q -> c;
