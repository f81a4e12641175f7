OPENQASM 3.0;
include "stdgates.inc";
bit[1] m0;
bit[1] m1;
bit[1] out;
qubit[3] q;
// the state to teleport: ry(2π/3)|0⟩, so P(1) = sin²(π/3) = 0.75
ry(2*pi/3) q[0];
h q[1];
cx q[1], q[2];
cx q[0], q[1];
h q[0];
m0[0] = measure q[0];
m1[0] = measure q[1];
if (m1[0]) {
  x q[2];
}
if (m0 == 1) {
  z q[2];
} else {
  id q[2];
}
out[0] = measure q[2];
