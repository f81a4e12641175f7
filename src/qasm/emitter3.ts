// The OpenQASM 3 writer: a Circuit as the OpenQASM 3 that Qiskit's `qasm3.dumps` writes and its importer
// (qiskit_qasm3_import) reads — `include "stdgates.inc";`, `qubit[n]`/`bit[n]` registers, `c[0] = measure q[0];`,
// `if (c == 3) { ... }` — and that `parse3` reads back to the same circuit, gate for gate.
//
// Library gates outside stdgates.inc (sxdg, rzz, c3x, ...) are written as `gate` definitions whose bodies have
// exactly the library matrix (global phase included); the reader recognises such a definition and applies the
// library gate itself. `u` is the built-in `U`. Numbers are printed in JavaScript's shortest round-trip form, as in
// the 2.0 emitter.

import type { Circuit, Condition } from "../circuit/ir.js";
import { checkCondition, checkGate, formatNumber, invalidFor, labels } from "./emitter.js";
import { STDGATES } from "./stdgates.js";

const invalid = invalidFor("3");

/**
 * Definitions of the library gates stdgates.inc lacks, in stdgates gates, with exactly the library matrices
 * (global phase included). Modifiers only where no short exact form exists (the multi-controlled gates).
 */
const DEFINITIONS: Readonly<Record<string, string>> = {
  u0: "gate u0(gamma) a { U(0, 0, 0) a; }",
  sxdg: "gate sxdg a { s a; h a; s a; gphase(-pi / 4); }",
  cu1: "gate cu1(lambda) a, b { cp(lambda) a, b; }",
  cu3: "gate cu3(theta, phi, lambda) a, b { cu(theta, phi, lambda, 0) a, b; }",
  csx: "gate csx a, b { h b; cp(pi / 2) a, b; h b; }",
  rxx: "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
  rzz: "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
  rccx: "gate rccx a, b, c { h c; t c; cx b, c; tdg c; cx a, c; t c; cx b, c; tdg c; h c; }",
  rc3x: "gate rc3x a, b, c, d { h d; t d; cx c, d; tdg d; h d; cx a, d; t d; cx b, d; tdg d; cx a, d; t d; cx b, d; tdg d; h d; t d; cx c, d; tdg d; h d; }",
  c3x: "gate c3x a, b, c, d { ctrl(3) @ x a, b, c, d; }",
  c3sqrtx: "gate c3sqrtx a, b, c, d { ctrl(3) @ sx a, b, c, d; }",
  c4x: "gate c4x a, b, c, d, e { ctrl(4) @ x a, b, c, d, e; }",
};

/** Names a register cannot take: keywords, built-ins, and the gates the program may use or define. */
const RESERVED = new Set([
  ..."OPENQASM include qubit bit qreg creg int uint float angle bool complex duration stretch const let gate measure reset barrier if else for while in def return box delay input output extern ctrl negctrl inv pow gphase U pi tau euler true false opaque defcal cal defcalgrammar array switch case default break continue end durationof mutable readonly void sizeof".split(
    " ",
  ),
  ...STDGATES.keys(),
  ...Object.keys(DEFINITIONS),
]);

/** The stdgates.inc name for a library gate whose matrix it has exactly (u2/u3 differ by a global phase only). */
const STD_NAME = new Map<string, string>();
for (const g of STDGATES.values())
  if (g.name === g.library || !STD_NAME.has(g.library)) STD_NAME.set(g.library, g.name);

export interface Qasm3Options {
  /** Write qubit i as the physical qubit `$i` (as Qiskit writes transpiled circuits), with no qubit declaration. */
  physicalQubits?: boolean;
  /** A global phase to write as `gphase(…);` (the circuit IR holds none). */
  globalPhase?: number;
}

/** OpenQASM 3 text for `circuit`; throws `QASM.Emit.InvalidCircuit` for a circuit that has no such text. */
export function toQasm3(circuit: Circuit, options: Qasm3Options = {}): string {
  const names = new Set<string>();
  const physical = options.physicalQubits ?? false;
  const q = physical
    ? Array.from({ length: circuit.numQubits }, (_, i) => `$${i}`)
    : labels(circuit.qregs, circuit.numQubits, "quantum", names, RESERVED, invalid);
  const c = labels(circuit.cregs, circuit.numClbits, "classical", names, RESERVED, invalid);
  const cregs = new Map(circuit.cregs.map((r) => [r.name, r]));
  const qubit = (i: number): string => q[i] ?? invalid(`qubit ${i} is out of range`);
  const clbit = (i: number): string => c[i] ?? invalid(`classical bit ${i} is out of range`);
  const num = (x: number): string => formatNumber(x, invalid);
  const guard = (cond: Condition | undefined, stmt: string): string => {
    if (!cond) return stmt;
    checkCondition(cond, cregs, invalid);
    if (cond.bit === undefined) return `if (${cond.register} == ${cond.value}) { ${stmt} }`;
    return `if (${cond.value === 1 ? "" : "!"}${cond.register}[${cond.bit}]) { ${stmt} }`;
  };

  const used = new Set<string>();
  const body: string[] = [];
  if (options.globalPhase) body.push(`gphase(${num(options.globalPhase)});`);
  for (const op of circuit.ops) {
    switch (op.kind) {
      case "gate": {
        checkGate(op, invalid);
        const name = op.name === "u" ? "U" : (STD_NAME.get(op.name) ?? op.name);
        if (DEFINITIONS[op.name]) used.add(op.name);
        const params = op.params.length > 0 ? `(${op.params.map(num).join(", ")})` : "";
        body.push(guard(op.condition, `${name}${params} ${op.qubits.map(qubit).join(", ")};`));
        break;
      }
      case "measure":
        body.push(guard(op.condition, `${clbit(op.clbit)} = measure ${qubit(op.qubit)};`));
        break;
      case "reset":
        body.push(guard(op.condition, `reset ${qubit(op.qubit)};`));
        break;
      case "barrier":
        if (op.qubits.length > 0) body.push(`barrier ${op.qubits.map(qubit).join(", ")};`);
        break;
    }
  }
  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";'];
  for (const name of Object.keys(DEFINITIONS)) if (used.has(name)) lines.push(DEFINITIONS[name]);
  if (!physical) for (const r of circuit.qregs) lines.push(`qubit[${r.size}] ${r.name};`);
  for (const r of circuit.cregs) lines.push(`bit[${r.size}] ${r.name};`);
  return `${[...lines, ...body].join("\n")}\n`;
}
