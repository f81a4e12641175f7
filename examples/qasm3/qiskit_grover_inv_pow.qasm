OPENQASM 3.0;
include "stdgates.inc";
// Grover search over 2 qubits for |11⟩: one iteration finds it with certainty.
gate oracle _gate_q_0, _gate_q_1 {
  cz _gate_q_0, _gate_q_1;
}
gate diffuser _gate_q_0, _gate_q_1 {
  h _gate_q_0;
  h _gate_q_1;
  x _gate_q_0;
  x _gate_q_1;
  cz _gate_q_0, _gate_q_1;
  x _gate_q_0;
  x _gate_q_1;
  h _gate_q_0;
  h _gate_q_1;
}
bit[2] c;
qubit[2] q;
h q;
oracle q[0], q[1];
diffuser q[0], q[1];
// pow(2) of a self-inverse gate and inv @ of a rotation undone: no net effect
pow(2) @ h q[0];
rx(0.3) q[1];
inv @ rx(0.3) q[1];
c = measure q;
