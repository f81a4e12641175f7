// Mid-circuit measurement and reset: c[0] is a fair coin, then q[0] is reset to |0⟩ and flipped, so c[1] is
// always 1. Counts: about half "10" and half "11".
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
creg c[2];
h q[0];
measure q[0] -> c[0];
reset q[0];
x q[0];
measure q[0] -> c[1];
