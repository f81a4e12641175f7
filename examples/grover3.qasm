// Grover search over 3 qubits for the marked state |101⟩, two iterations.
// Success probability sin²(5θ) with sin θ = 1/√8, i.e. 0.9453 (Nielsen & Chuang, section 6.1.3).
OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c[3];

// phase flip on |101⟩: select q[1] = 0, then a CCZ built from H·CCX·H
gate oracle a, b, c {
  x b;
  h c;
  ccx a, b, c;
  h c;
  x b;
}
// inversion about the mean: H⊗3 · (2|000⟩⟨000| − I) · H⊗3, up to a global phase
gate diffuser a, b, c {
  h a; h b; h c;
  x a; x b; x c;
  h c;
  ccx a, b, c;
  h c;
  x a; x b; x c;
  h a; h b; h c;
}

h q;
oracle q[0], q[1], q[2];
diffuser q[0], q[1], q[2];
oracle q[0], q[1], q[2];
diffuser q[0], q[1], q[2];
measure q -> c;
