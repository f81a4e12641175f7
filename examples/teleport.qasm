// Quantum teleportation with mid-circuit measurement and classically conditioned corrections.
// q[0] starts in U3(0.7, 0.2, 0)|0⟩; after teleportation q[2] holds it, so P(c2 = 1) = sin²(0.35) ≈ 0.1176
// whatever c0 and c1 read.
OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c0[1];
creg c1[1];
creg c2[1];
u3(0.7, 0.2, 0) q[0];
// Bell pair between q[1] and q[2]
h q[1];
cx q[1], q[2];
// Bell measurement of q[0] and q[1]
cx q[0], q[1];
h q[0];
measure q[0] -> c0[0];
measure q[1] -> c1[0];
// corrections
if (c1 == 1) x q[2];
if (c0 == 1) z q[2];
measure q[2] -> c2[0];
