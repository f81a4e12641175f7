// Parameterised (variational) circuits: a gate list whose rotation angles are trainable weights, classical
// input features, or fixed numbers. `bindCircuit` turns one into the plain circuit IR (for `qfit run`, QASM
// export, device models); `prepareState` runs it on the statevector kernels directly, which is what training
// does thousands of times per epoch.
//
// Parameter shift needs every weighted gate to be exp(−iθG/2) with G² = I (eigenvalues ±1/2 of G/2), which holds
// for rx, ry, rz, rxx and rzz (Mitarai et al. 2018; Schuld et al. 2019): only those may carry a weight.

import { GATES } from "../circuit/gates.js";
import type { Circuit } from "../circuit/ir.js";
import { userError } from "../errors.js";
import type { KernelOp } from "../sim/kernels/kernel.js";
import { selectKernel } from "../sim/kernels/select.js";
import { lowerGate } from "../sim/plan.js";
import { counted } from "../units/format.js";

/** Gates whose generator squares to the identity: the two-term parameter-shift rule is exact for them. */
export const SHIFTABLE_GATES: ReadonlySet<string> = new Set(["rx", "ry", "rz", "rxx", "rzz"]);

export type Angle =
  | { kind: "fixed"; value: number }
  /** A trainable weight: angle = weights[index]. */
  | { kind: "weight"; index: number }
  /** A data feature: angle = scale · inputs[index] (+ offset). */
  | { kind: "input"; index: number; scale: number; offset?: number };

export interface ParamGate {
  /** A library gate (src/circuit/gates.ts). */
  name: string;
  qubits: number[];
  /** The rotation angle of a one-parameter gate; absent for gates without parameters (cx, cz, h, ...). */
  angle?: Angle;
}

export interface VariationalCircuit {
  numQubits: number;
  numWeights: number;
  numInputs: number;
  gates: ParamGate[];
}

/** Checks a circuit once (gates, arity, indices, shiftable weighted gates); throws a user error naming the gate. */
export function validateVariational(vc: VariationalCircuit): void {
  if (!Number.isInteger(vc.numQubits) || vc.numQubits < 1)
    throw userError(
      "Qml.InvalidCircuit",
      `a variational circuit needs at least one qubit, got ${vc.numQubits}`,
      {
        field: "qubits",
      },
    );
  vc.gates.forEach((g, i) => {
    const where = `gate ${i} (${g.name})`;
    const spec = GATES.get(g.name);
    if (!spec) throw userError("Qml.InvalidCircuit", `${where}: unknown gate`, { field: "gates" });
    if (g.qubits.length !== spec.numQubits || g.qubits.some((q) => !(q >= 0 && q < vc.numQubits)))
      throw userError("Qml.InvalidCircuit", `${where}: bad qubits ${JSON.stringify(g.qubits)}`, {
        field: "gates",
      });
    if ((spec.params.length === 1) !== (g.angle !== undefined))
      throw userError(
        "Qml.InvalidCircuit",
        `${where}: takes ${counted(String(spec.params.length), "angle", "angles")}`,
        {
          field: "gates",
        },
      );
    const a = g.angle;
    if (a?.kind === "weight") {
      if (!SHIFTABLE_GATES.has(g.name))
        throw userError(
          "Qml.InvalidCircuit",
          `${where}: only ${[...SHIFTABLE_GATES].join(", ")} may carry a weight`,
          {
            field: "gates",
          },
        );
      if (!(Number.isInteger(a.index) && a.index >= 0 && a.index < vc.numWeights))
        throw userError("Qml.InvalidCircuit", `${where}: weight ${a.index} out of range`, { field: "gates" });
    }
    if (a?.kind === "input" && !(Number.isInteger(a.index) && a.index >= 0 && a.index < vc.numInputs))
      throw userError("Qml.InvalidCircuit", `${where}: input ${a.index} out of range`, { field: "gates" });
  });
}

/** The numeric angle of a gate for given weights and inputs. */
export function angleValue(a: Angle, weights: ArrayLike<number>, inputs: ArrayLike<number>): number {
  switch (a.kind) {
    case "fixed":
      return a.value;
    case "weight":
      return weights[a.index];
    case "input":
      return a.scale * inputs[a.index] + (a.offset ?? 0);
  }
}

/** Indices of the gates that carry a weight, in circuit order: the parameter-shift rule shifts each once. */
export function weightedGates(vc: VariationalCircuit): number[] {
  const out: number[] = [];
  vc.gates.forEach((g, i) => {
    if (g.angle?.kind === "weight") out.push(i);
  });
  return out;
}

/** A shift of one gate's angle by `delta` radians (the parameter-shift rule's ±π/2). */
export interface GateShift {
  gate: number;
  delta: number;
}

/**
 * The kernel op of one gate at one angle, lowered at most once per (gate, angle) while it stays in use:
 * training prepares thousands of states from one circuit whose fixed gates never change and whose weights keep
 * their angles for a whole batch (2·P + 1 states per example, each weighted gate at θ and θ ± π/2). Each gate
 * keeps its last few lowered ops by value (name, qubits, angle), so a circuit edited between calls is lowered
 * afresh, never served a stale op; the op is the very object `lowerGate` returned for those arguments, so the
 * states are the same to the bit.
 */
interface LoweredOp {
  name: string;
  qubits: number[];
  /** Compared with Object.is (NaN equal to itself, −0 apart from 0); undefined for gates without an angle. */
  theta: number | undefined;
  op: KernelOp | null;
}

/** Ops kept per gate: a weighted gate's angle and its two shifts. */
const OPS_PER_GATE = 3;

const lowered = new WeakMap<VariationalCircuit, Array<{ ops: LoweredOp[]; next: number }>>();

function sameQubits(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The op of gate i at angle theta (lowerGate's answer, from the cache when it has it). */
function loweredOp(vc: VariationalCircuit, i: number, theta: number | undefined): KernelOp | null {
  const g = vc.gates[i];
  let perGate = lowered.get(vc);
  if (!perGate) {
    perGate = [];
    lowered.set(vc, perGate);
  }
  let slot = perGate[i];
  if (!slot) {
    slot = { ops: [], next: 0 };
    perGate[i] = slot;
  }
  for (const e of slot.ops)
    if (e.name === g.name && Object.is(e.theta, theta) && sameQubits(e.qubits, g.qubits)) return e.op;
  const op = lowerGate(g.name, g.qubits, theta === undefined ? [] : [theta]);
  // The oldest op makes way.
  slot.ops[slot.next] = { name: g.name, qubits: [...g.qubits], theta, op };
  slot.next = (slot.next + 1) % OPS_PER_GATE;
  return op;
}

/**
 * Applies gates [from, to) of the circuit to `state` in place (interleaved re/im, qubit 0 least significant),
 * with an optional angle shift on one gate. Splitting a preparation at any gate gives the same state to the bit
 * as running it whole: the same ops in the same order.
 */
export function applyGates(
  vc: VariationalCircuit,
  state: Float64Array,
  from: number,
  to: number,
  weights: ArrayLike<number>,
  inputs: ArrayLike<number>,
  shift?: GateShift,
): void {
  // Training circuits have a handful of qubits: the TypeScript kernel on a plain array beats crossing into WASM.
  const kernel = selectKernel("ts");
  const n = vc.numQubits;
  for (let i = from; i < to; i++) {
    const g = vc.gates[i];
    let theta: number | undefined;
    if (g.angle) {
      theta = angleValue(g.angle, weights, inputs);
      if (shift && shift.gate === i) theta += shift.delta;
    }
    const op = loweredOp(vc, i, theta);
    if (op) kernel.apply(state, n, op);
  }
}

/** |0…0⟩ on the circuit's register, in the layout `applyGates` works on. */
export function zeroState(vc: VariationalCircuit): Float64Array {
  return selectKernel("ts").createState(vc.numQubits, "double") as Float64Array;
}

/**
 * The statevector ψ(weights, inputs) (interleaved re/im, qubit 0 least significant), with an optional angle
 * shift on one gate. Fresh array each call.
 */
export function prepareState(
  vc: VariationalCircuit,
  weights: ArrayLike<number>,
  inputs: ArrayLike<number>,
  shift?: GateShift,
): Float64Array {
  const state = zeroState(vc);
  applyGates(vc, state, 0, vc.gates.length, weights, inputs, shift);
  return state;
}

/** The plain circuit IR with every angle evaluated, measuring every qubit into c[q] when `measure` is set. */
export function bindCircuit(
  vc: VariationalCircuit,
  weights: ArrayLike<number>,
  inputs: ArrayLike<number>,
  measure = false,
): Circuit {
  const n = vc.numQubits;
  return {
    numQubits: n,
    numClbits: measure ? n : 0,
    qregs: [{ name: "q", size: n, offset: 0 }],
    cregs: measure ? [{ name: "c", size: n, offset: 0 }] : [],
    ops: [
      ...vc.gates.map((g) => ({
        kind: "gate" as const,
        name: g.name,
        qubits: [...g.qubits],
        params: g.angle ? [angleValue(g.angle, weights, inputs)] : [],
      })),
      ...(measure
        ? Array.from({ length: n }, (_, q) => ({ kind: "measure" as const, qubit: q, clbit: q }))
        : []),
    ],
  };
}

/** Gate counts and depth of a circuit, in the shape the NISQ timing model (device/timing.ts) takes. */
export interface GateCounts {
  qubits: number;
  oneQubitGates: number;
  twoQubitGates: number;
  /** Critical path in gate layers (every gate one layer on its qubits, as soon as they are free). */
  depth: number;
}

export function gateCounts(numQubits: number, gates: readonly { qubits: readonly number[] }[]): GateCounts {
  const free = new Array<number>(numQubits).fill(0);
  let oneQubitGates = 0;
  let twoQubitGates = 0;
  let depth = 0;
  for (const g of gates) {
    if (g.qubits.length === 1) oneQubitGates++;
    else twoQubitGates++;
    const layer = Math.max(...g.qubits.map((q) => free[q])) + 1;
    for (const q of g.qubits) free[q] = layer;
    depth = Math.max(depth, layer);
  }
  return { qubits: numQubits, oneQubitGates, twoQubitGates, depth };
}
