OPENQASM 3.0;
bit[2] b;
#pragma braket verbatim
box{
rx(3.141592653589793) $0;
rz(0.5) $0;
cz $0, $1;
}
b[0] = measure $0;
b[1] = measure $1;
