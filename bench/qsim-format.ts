// Writes a circuit in qsim's circuit file format, so the optional same-run qsim peer of `npm run bench:sim`
// (QFIT_QSIM_BASE, issue 14) simulates exactly the circuit qfit does. The format (qsim's
// lib/circuit_qsim_parser.h): the qubit count on the first line, then one gate a line, `time name qubits
// [angle]`, the times non-decreasing down the file and increasing on every qubit. qsim's qubit k is bit k of a
// statevector index, as in qfit; its rx/ry/rz are exp(-i·θ·P/2) and its cnot takes (control, target), so the
// gates below map one to one (rz differs from OpenQASM's u1-based rz only by a global phase).
// Times: each gate goes in the earliest moment after the last gate on any of its qubits, so the gates of one
// moment of a layered circuit (bench/circuits.ts) share a time and the last time is the moment count − 1.
import type { Circuit } from "../src/circuit/ir.js";

/** qfit gate name → qsim gate name and how many angles it takes. Nothing else is written. */
const QSIM_GATES: Record<string, { name: string; params: number }> = {
  h: { name: "h", params: 0 },
  x: { name: "x", params: 0 },
  y: { name: "y", params: 0 },
  z: { name: "z", params: 0 },
  s: { name: "s", params: 0 },
  t: { name: "t", params: 0 },
  rx: { name: "rx", params: 1 },
  ry: { name: "ry", params: 1 },
  rz: { name: "rz", params: 1 },
  cz: { name: "cz", params: 0 },
  cx: { name: "cnot", params: 0 },
};

export interface QsimCircuitFile {
  /** The file's text (ends with a newline). */
  text: string;
  /** The last gate time: qsim_base's `-d` for the whole circuit. */
  lastTime: number;
}

/** `c` in qsim's format; throws on an operation qsim's format cannot express (barriers are dropped). */
export function toQsimFormat(c: Circuit): QsimCircuitFile {
  const free = new Array<number>(c.numQubits).fill(0);
  const gates: { time: number; line: string }[] = [];
  for (const op of c.ops) {
    if (op.kind === "barrier") continue;
    if (op.kind !== "gate" || op.condition) {
      throw new Error(
        `qsim's circuit format cannot express a ${op.kind === "gate" ? "conditional gate" : op.kind}`,
      );
    }
    const g = QSIM_GATES[op.name];
    if (!g || g.params !== op.params.length) {
      throw new Error(
        `qsim's circuit format has no gate "${op.name}" with ${op.params.length} parameter(s); ` +
          `it is given: ${Object.keys(QSIM_GATES).join(", ")}`,
      );
    }
    const time = Math.max(...op.qubits.map((q) => free[q]));
    for (const q of op.qubits) free[q] = time + 1;
    // String(x) is the shortest text that reads back as the same double.
    gates.push({ time, line: [time, g.name, ...op.qubits, ...op.params.map(String)].join(" ") });
  }
  // Stable: gates of equal time keep their order, so each qubit's gates stay in circuit order.
  gates.sort((a, b) => a.time - b.time);
  const text = `${[String(c.numQubits), ...gates.map((g) => g.line)].join("\n")}\n`;
  return { text, lastTime: gates.length ? gates[gates.length - 1].time : 0 };
}

/**
 * The simulation time qsim_base prints with `-v 1` ("time elapsed 0.51 seconds."), in seconds: gate fusion
 * plus the gates, after the state is allocated and set to |0⟩ and without reading the circuit file.
 */
export function qsimElapsedSeconds(stdout: string): number {
  const m = /time elapsed ([0-9.eE+-]+) seconds/.exec(stdout);
  if (!m)
    throw new Error(
      `qsim_base printed no "time elapsed … seconds" line (run it with -v 1): ${stdout.slice(0, 200)}`,
    );
  return Number(m[1]);
}
