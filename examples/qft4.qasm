// 4-qubit quantum Fourier transform of the basis state |x = 5⟩ (q[0] least significant), with the final swaps,
// so amplitude k is e^{2πi·5k/16}/4 (Nielsen & Chuang, eq. 5.2). Every outcome is equally likely.
OPENQASM 2.0;
include "qelib1.inc";
qreg q[4];
creg c[4];
// |0101⟩ = 5
x q[0];
x q[2];
// QFT: most significant qubit first
h q[3];
cu1(pi/2) q[2], q[3];
cu1(pi/4) q[1], q[3];
cu1(pi/8) q[0], q[3];
h q[2];
cu1(pi/2) q[1], q[2];
cu1(pi/4) q[0], q[2];
h q[1];
cu1(pi/2) q[0], q[1];
h q[0];
swap q[0], q[3];
swap q[1], q[2];
measure q -> c;
