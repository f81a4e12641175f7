OPENQASM 3.0;
include "stdgates.inc";
gate rzx_140412345678912(_gate_p_0) _gate_q_0, _gate_q_1 {
  h _gate_q_1;
  cx _gate_q_0, _gate_q_1;
  rz(_gate_p_0) _gate_q_1;
  cx _gate_q_0, _gate_q_1;
  h _gate_q_1;
}
gate ecr _gate_q_0, _gate_q_1 {
  rzx_140412345678912(pi/4) _gate_q_0, _gate_q_1;
  x _gate_q_0;
  rzx_140412345678912(-pi/4) _gate_q_0, _gate_q_1;
}
gate rzz(_gate_p_0) _gate_q_0, _gate_q_1 {
  cx _gate_q_0, _gate_q_1;
  rz(_gate_p_0) _gate_q_1;
  cx _gate_q_0, _gate_q_1;
}
bit[2] c;
qubit[2] q;
ecr q[0], q[1];
rzz(0.7853981633974483) q[0], q[1];
c[0] = measure q[0];
c[1] = measure q[1];
