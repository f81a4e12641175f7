// A small fluent builder for circuits, for tests and library users. Qubit and clbit arguments are global
// indices (registers are numbered in declaration order, as in the IR).
//
//   const bell = new CircuitBuilder().qreg("q", 2).creg("c", 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();

import { userError } from "../errors.js";
import { counted } from "../units/format.js";
import { GATES } from "./gates.js";
import type { Circuit, Condition, Operation, Register } from "./ir.js";

export class CircuitBuilder {
  private readonly qregs: Register[] = [];
  private readonly cregs: Register[] = [];
  private readonly ops: Operation[] = [];
  private numQubits = 0;
  private numClbits = 0;

  qreg(name: string, size: number): this {
    this.checkNewRegister(name, size);
    this.qregs.push({ name, size, offset: this.numQubits });
    this.numQubits += size;
    return this;
  }

  creg(name: string, size: number): this {
    this.checkNewRegister(name, size);
    this.cregs.push({ name, size, offset: this.numClbits });
    this.numClbits += size;
    return this;
  }

  /** Any library gate; `condition` makes it `if (register == value)`. */
  gate(name: string, qubits: readonly number[], params: readonly number[] = [], condition?: Condition): this {
    const spec = GATES.get(name);
    if (!spec) throw userError("Circuit.UnknownGate", `unknown gate '${name}'`, { field: "name" });
    if (qubits.length !== spec.numQubits)
      throw userError(
        "Circuit.WrongArity",
        `gate '${name}' takes ${spec.numQubits} qubit(s), got ${qubits.length}`,
        { field: "qubits" },
      );
    if (params.length !== spec.params.length)
      throw userError(
        "Circuit.WrongParamCount",
        `gate '${name}' takes ${counted(String(spec.params.length), "parameter", "parameters")}, got ${params.length}`,
        { field: "params" },
      );
    for (const q of qubits) this.checkQubit(q);
    if (new Set(qubits).size !== qubits.length)
      throw userError("Circuit.DuplicateQubit", `gate '${name}' uses a qubit twice`, { field: "qubits" });
    this.checkCondition(condition);
    this.ops.push({
      kind: "gate",
      name,
      qubits: [...qubits],
      params: [...params],
      ...(condition ? { condition: { ...condition } } : {}),
    });
    return this;
  }

  measure(qubit: number, clbit: number, condition?: Condition): this {
    this.checkQubit(qubit);
    if (!Number.isInteger(clbit) || clbit < 0 || clbit >= this.numClbits)
      throw userError("Circuit.ClbitOutOfRange", `clbit ${clbit} is out of range 0..${this.numClbits - 1}`, {
        field: "clbit",
      });
    this.checkCondition(condition);
    this.ops.push({ kind: "measure", qubit, clbit, ...(condition ? { condition: { ...condition } } : {}) });
    return this;
  }

  /** Measure qubit i into clbit i for every qubit (needs at least as many clbits as qubits). */
  measureAll(): this {
    for (let q = 0; q < this.numQubits; q++) this.measure(q, q);
    return this;
  }

  reset(qubit: number, condition?: Condition): this {
    this.checkQubit(qubit);
    this.checkCondition(condition);
    this.ops.push({ kind: "reset", qubit, ...(condition ? { condition: { ...condition } } : {}) });
    return this;
  }

  /** A barrier on the given qubits, or on all of them. */
  barrier(...qubits: number[]): this {
    const qs = qubits.length > 0 ? qubits : Array.from({ length: this.numQubits }, (_, i) => i);
    for (const q of qs) this.checkQubit(q);
    this.ops.push({ kind: "barrier", qubits: qs });
    return this;
  }

  h(q: number): this {
    return this.gate("h", [q]);
  }
  x(q: number): this {
    return this.gate("x", [q]);
  }
  y(q: number): this {
    return this.gate("y", [q]);
  }
  z(q: number): this {
    return this.gate("z", [q]);
  }
  s(q: number): this {
    return this.gate("s", [q]);
  }
  t(q: number): this {
    return this.gate("t", [q]);
  }
  rx(theta: number, q: number): this {
    return this.gate("rx", [q], [theta]);
  }
  ry(theta: number, q: number): this {
    return this.gate("ry", [q], [theta]);
  }
  rz(phi: number, q: number): this {
    return this.gate("rz", [q], [phi]);
  }
  p(lambda: number, q: number): this {
    return this.gate("p", [q], [lambda]);
  }
  cx(control: number, target: number): this {
    return this.gate("cx", [control, target]);
  }
  cz(a: number, b: number): this {
    return this.gate("cz", [a, b]);
  }
  cp(lambda: number, control: number, target: number): this {
    return this.gate("cp", [control, target], [lambda]);
  }
  swap(a: number, b: number): this {
    return this.gate("swap", [a, b]);
  }
  ccx(c0: number, c1: number, target: number): this {
    return this.gate("ccx", [c0, c1, target]);
  }

  /** A deep copy of the circuit built so far. */
  build(): Circuit {
    return {
      numQubits: this.numQubits,
      numClbits: this.numClbits,
      qregs: this.qregs.map((r) => ({ ...r })),
      cregs: this.cregs.map((r) => ({ ...r })),
      ops: structuredClone(this.ops),
    };
  }

  private checkNewRegister(name: string, size: number): void {
    if (!Number.isInteger(size) || size < 1)
      throw userError("Circuit.InvalidRegister", `register '${name}' needs a positive integer size`, {
        field: "size",
      });
    if ([...this.qregs, ...this.cregs].some((r) => r.name === name))
      throw userError("Circuit.DuplicateRegister", `register '${name}' is already declared`, {
        field: "name",
      });
  }

  private checkQubit(q: number): void {
    if (!Number.isInteger(q) || q < 0 || q >= this.numQubits)
      throw userError("Circuit.QubitOutOfRange", `qubit ${q} is out of range 0..${this.numQubits - 1}`, {
        field: "qubits",
      });
  }

  private checkCondition(condition: Condition | undefined): void {
    if (condition && !this.cregs.some((r) => r.name === condition.register))
      throw userError("Circuit.UnknownRegister", `no classical register '${condition.register}'`, {
        field: "condition",
      });
  }
}
