OPENQASM 2.0;
include "qelib1.inc";
qreg q[40];
creg c[40];
h q;
measure q -> c;
