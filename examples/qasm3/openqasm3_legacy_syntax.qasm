OPENQASM 3.0;
include "stdgates.inc";
// OpenQASM 2 declarations and measurement arrows are still OpenQASM 3.
qreg q[3];
creg c[3];
x q[0];
CX q[0], q[1];
phase(pi) q[1];
cphase(pi/2) q[0], q[2];
u3(pi, 0, pi) q[2];
measure q -> c;
reset q[0];
measure q[0] -> c[0];
