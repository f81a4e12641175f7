OPENQASM 3.0;
bit[3] b;
qubit[3] q;
#pragma braket result probability q[0], q[1], q[2]
h q[0];
phaseshift(0.3) q[0];
cphaseshift(0.2) q[0], q[1];
xx(0.4) q[1], q[2];
zz(0.5) q[0], q[2];
si q[1];
ti q[2];
v q[0];
vi q[0];
ccnot q[0], q[1], q[2];
b = measure q;
