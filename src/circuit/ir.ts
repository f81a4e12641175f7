// The circuit intermediate representation: plain JSON-serialisable data shared by the parser, the emitter,
// the simulators, the transpiler and the HTTP API.
//
// Qubits and classical bits are numbered globally across registers in declaration order (as Qiskit does):
// a register's bit i is global index `offset + i`. Qubit 0 is the least significant bit of a statevector index.

export interface Register {
  name: string;
  size: number;
  /** Global index of this register's bit 0. */
  offset: number;
}

/**
 * OpenQASM 2.0 `if (creg == value)`: the register, read as an unsigned integer with bit 0 least significant.
 * With `bit`, only that bit of the register is read (OpenQASM 3 `if (c[1])`), and `value` is 0 or 1.
 */
export interface Condition {
  register: string;
  value: number;
  bit?: number;
}

/**
 * A gate from the library (`src/circuit/gates.ts`). `qubits[j]` is the qubit bound to the gate's j-th argument;
 * in the gate's matrix, argument j is index bit j (argument 0 least significant, Qiskit's convention).
 */
export interface GateOp {
  kind: "gate";
  name: string;
  qubits: number[];
  /** Angles in radians, already evaluated. */
  params: number[];
  condition?: Condition;
}

export interface MeasureOp {
  kind: "measure";
  qubit: number;
  clbit: number;
  condition?: Condition;
}

export interface ResetOp {
  kind: "reset";
  qubit: number;
  condition?: Condition;
}

export interface BarrierOp {
  kind: "barrier";
  qubits: number[];
}

export type Operation = GateOp | MeasureOp | ResetOp | BarrierOp;

export interface Circuit {
  numQubits: number;
  numClbits: number;
  qregs: Register[];
  cregs: Register[];
  ops: Operation[];
}
