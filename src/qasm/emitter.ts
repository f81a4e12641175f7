// The OpenQASM 2.0 emitter: writes a Circuit so that `parse` reads back an identical one. Numbers are printed in
// JavaScript's shortest round-trip form (`String(x)`), so parameters survive bit for bit; -0 is kept as `-0`.

import { GATES, type GateSpec } from "../circuit/gates.js";
import type { Circuit, Condition, GateOp, Register } from "../circuit/ir.js";
import { userError } from "../errors.js";

/** Names the parser treats as keywords where a register name could appear. */
const RESERVED = new Set([
  "OPENQASM",
  "include",
  "qreg",
  "creg",
  "gate",
  "opaque",
  "barrier",
  "measure",
  "reset",
  "if",
]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The emitters' error: the circuit has no text in that version. */
export type Invalid = (message: string) => never;

export const invalidFor =
  (version: string): Invalid =>
  (message) => {
    throw userError(
      "QASM.Emit.InvalidCircuit",
      `cannot write the circuit as OpenQASM ${version}: ${message}`,
    );
  };

const invalid = invalidFor("2.0");

export function formatNumber(x: number, fail: Invalid = invalid): string {
  if (!Number.isFinite(x)) fail(`parameter ${x} is not a finite number`);
  return Object.is(x, -0) ? "-0" : String(x);
}

/** Labels `name[i]` for every global bit index; checks that the registers tile 0..total-1 in order. */
export function labels(
  regs: Register[],
  total: number,
  kind: string,
  names: Set<string>,
  reserved: ReadonlySet<string> = RESERVED,
  fail: Invalid = invalid,
): string[] {
  const invalid = fail;
  const out: string[] = [];
  for (const r of regs) {
    if (!IDENTIFIER.test(r.name) || reserved.has(r.name))
      invalid(`'${r.name}' is not a usable register name`);
    if (names.has(r.name)) invalid(`register name '${r.name}' is used twice`);
    names.add(r.name);
    if (!Number.isSafeInteger(r.size) || r.size < 0) invalid(`register '${r.name}' has size ${r.size}`);
    if (r.offset !== out.length)
      invalid(`${kind} register '${r.name}' does not start at index ${out.length}`);
    for (let i = 0; i < r.size; i++) out.push(`${r.name}[${i}]`);
  }
  if (out.length !== total) invalid(`the ${kind} registers hold ${out.length} bits, not ${total}`);
  return out;
}

/** The library gate an operation applies, checked against its parameter and qubit counts. */
export function checkGate(op: GateOp, fail: Invalid): GateSpec {
  const spec = GATES.get(op.name) ?? fail(`unknown gate '${op.name}'`);
  if (op.params.length !== spec.params.length)
    fail(`gate '${op.name}' needs ${spec.params.length} parameters`);
  if (op.qubits.length !== spec.numQubits) fail(`gate '${op.name}' acts on ${spec.numQubits} qubits`);
  return spec;
}

/** Checks that a condition names a register and a value (and bit) that fit it. */
export function checkCondition(
  cond: Condition,
  cregs: ReadonlyMap<string, Register>,
  fail: Invalid,
): Register {
  const reg = cregs.get(cond.register) ?? fail(`condition on unknown classical register '${cond.register}'`);
  const size = cond.bit === undefined ? reg.size : 1;
  const ok = Number.isSafeInteger(cond.value) && cond.value >= 0 && (size >= 53 || cond.value < 2 ** size);
  if (!ok) fail(`condition value ${cond.value} does not fit register '${cond.register}'`);
  if (cond.bit !== undefined && !(Number.isInteger(cond.bit) && cond.bit >= 0 && cond.bit < reg.size))
    fail(`condition on bit ${cond.bit} of register '${cond.register}' of size ${reg.size}`);
  return reg;
}

/** OpenQASM 2.0 text for `circuit`; throws `QASM.Emit.InvalidCircuit` for a circuit that has no such text. */
export function toQasm(circuit: Circuit): string {
  const names = new Set<string>();
  const q = labels(circuit.qregs, circuit.numQubits, "quantum", names);
  const c = labels(circuit.cregs, circuit.numClbits, "classical", names);
  const cregs = new Map(circuit.cregs.map((r) => [r.name, r]));
  const qubit = (i: number): string => q[i] ?? invalid(`qubit ${i} is out of range`);
  const clbit = (i: number): string => c[i] ?? invalid(`classical bit ${i} is out of range`);
  const prefix = (cond: Condition | undefined): string => {
    if (!cond) return "";
    checkCondition(cond, cregs, invalid);
    if (cond.bit !== undefined)
      invalid(
        `a condition on one bit ('${cond.register}[${cond.bit}]') has no OpenQASM 2.0 form; write OpenQASM 3 instead`,
      );
    return `if(${cond.register}==${cond.value}) `;
  };

  const lines = ["OPENQASM 2.0;", 'include "qelib1.inc";'];
  for (const r of circuit.qregs) lines.push(`qreg ${r.name}[${r.size}];`);
  for (const r of circuit.cregs) lines.push(`creg ${r.name}[${r.size}];`);
  for (const op of circuit.ops) {
    switch (op.kind) {
      case "gate": {
        checkGate(op, invalid);
        const params = op.params.length > 0 ? `(${op.params.map((x) => formatNumber(x)).join(",")})` : "";
        lines.push(`${prefix(op.condition)}${op.name}${params} ${op.qubits.map(qubit).join(",")};`);
        break;
      }
      case "measure":
        lines.push(`${prefix(op.condition)}measure ${qubit(op.qubit)} -> ${clbit(op.clbit)};`);
        break;
      case "reset":
        lines.push(`${prefix(op.condition)}reset ${qubit(op.qubit)};`);
        break;
      case "barrier":
        // A barrier on no qubits has no OpenQASM form and no effect.
        if (op.qubits.length > 0) lines.push(`barrier ${op.qubits.map(qubit).join(",")};`);
        break;
    }
  }
  return `${lines.join("\n")}\n`;
}
