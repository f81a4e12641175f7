OPENQASM 3.0;
include "stdgates.inc";
gate mcx _gate_q_0, _gate_q_1, _gate_q_2, _gate_q_3 {
  ctrl(3) @ x _gate_q_0, _gate_q_1, _gate_q_2, _gate_q_3;
}
bit[5] c;
qubit[5] q;
x q[0];
x q[1];
x q[2];
mcx q[0], q[1], q[2], q[3];
negctrl @ x q[4], q[0];
ctrl @ negctrl @ h q[3], q[4], q[0];
c = measure q;
