OPENQASM 3;
include "stdgates.inc";
/* The language features qfit reads: constants and constant expressions, aliases, slices, index sets,
   concatenation, U and gphase, and the math functions. */
const int n = 4;
const float θ = π / 4;
const float half_turn = tau / 2;
qubit[n] q;
qubit extra;
bit[n + 1] c;
let low = q[0:1];
let high = q[2:];
let evens = q[{0, 2}];
let all = low ++ high ++ extra;
U(half_turn, 0, half_turn) q[0];        // X
h evens[1];                             // q[2]
ctrl @ x q[-2], q[-1];                  // q[2] controls q[3]
rz(2 * arcsin(1) - π) q[1];             // rz(0): identity
ry(2 * arccos(sqrt(0.5))) extra;        // ry(π/2): |+⟩
p(ln(euler) * θ) q[0];                  // phase π/4 on |1⟩
gphase(θ);
rx(mod(5, 2) * pow(2, -1) * 0 + floor(0.9)) q[1];
c[0:3] = measure q;
c[4] = measure extra;
