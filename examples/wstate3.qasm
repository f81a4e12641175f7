// 3-qubit W state (|001⟩ + |010⟩ + |100⟩)/√3: exactly one qubit reads 1, each with probability 1/3.
// ry(θ) with sin(θ/2) = 1/√3 (θ = 2·asin(1/√3) = 1.2309594173407747) puts weight 1/3 on q[0] = 1; a controlled
// ry(π/2) splits the rest evenly; a Toffoli on the all-zero branch sets q[2].
OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c[3];
ry(1.2309594173407747) q[0];
x q[0];
cry(pi/2) q[0], q[1];
x q[1];
ccx q[0], q[1], q[2];
x q[0];
x q[1];
measure q -> c;
