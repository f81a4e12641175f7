OPENQASM 3.0;
include "stdgates.inc";
gate qft _gate_q_0, _gate_q_1, _gate_q_2 {
  h _gate_q_2;
  cp(pi/2) _gate_q_2, _gate_q_1;
  h _gate_q_1;
  cp(pi/4) _gate_q_2, _gate_q_0;
  cp(pi/2) _gate_q_1, _gate_q_0;
  h _gate_q_0;
  swap _gate_q_0, _gate_q_2;
}
bit[3] c;
qubit[3] q;
x q[0];
qft q[0], q[1], q[2];
inv @ qft q[0], q[1], q[2];
c = measure q;
