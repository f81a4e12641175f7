// The layout of a circuit diagram, computed once and drawn by two renderers (text.ts for terminals, svg.ts for
// the dashboard). Plain data: wires top to bottom (qubits, then one bundled wire per classical register, as
// Qiskit's drawers do), and layers left to right. An operation goes into the first layer after every layer that
// already uses a wire in its vertical span, so a drawing reads in program order and nothing overlaps.
//
// Widths are in character cells: the text renderer draws them as they are, the SVG renderer scales them, so the
// two drawings have the same columns.
import type { Circuit, Condition, Operation } from "../circuit/ir.js";
import { userError } from "../errors.js";

export interface Wire {
  /** "q_0" for a qubit (register name, underscore, index), "c" for a classical register. */
  label: string;
  classical: boolean;
  /** Number of bits on a bundled classical wire (Qiskit prints "c: 2/"). */
  size?: number;
}

/** One mark on one wire. Wires are indices into Layout.wires. */
export type Glyph =
  | { kind: "control"; wire: number } // ■
  | { kind: "target"; wire: number } // ⊕ (the X of a controlled-X)
  | { kind: "swap"; wire: number } // ×
  | { kind: "reset"; wire: number } // |0>
  | { kind: "barrier"; wire: number } // ░
  | { kind: "measure"; wire: number } // a box with M
  /** A gate box over wires top..bottom; `args` numbers the gate's arguments when it spans several wires. */
  | { kind: "box"; top: number; bottom: number; label: string; args: { wire: number; index: number }[] }
  /** Where a measurement lands on a classical wire, with the bit's index in its register below. */
  | { kind: "bit"; wire: number; text: string }
  /** The condition of `if (c == v)` on its classical wire, with the value below in hex (as Qiskit prints it). */
  | { kind: "condition"; wire: number; text: string };

export interface Element {
  glyphs: Glyph[];
  /** A single vertical line joining quantum glyphs (controls to targets), wire indices top < bottom. */
  link?: [number, number];
  /** A double vertical line from the lowest quantum glyph down to a classical wire (measure, condition). */
  classicalLink?: [number, number];
  /** A barrier drawn over wires top..bottom (░ in every row between them). */
  barrier?: [number, number];
  /** The source operation's index in circuit.ops. */
  op: number;
}

export interface Layer {
  /** Inner width in character cells (odd, so a vertical line has a centre column); one wire cell pads each side. */
  width: number;
  elements: Element[];
}

export interface Layout {
  wires: Wire[];
  layers: Layer[];
}

// Qiskit's labels for the gate library (qiskit.visualization.text): upper-case names, √X for sx.
const LABELS: Record<string, string> = {
  id: "I",
  u0: "U0",
  u1: "U1",
  u2: "U2",
  u3: "U3",
  u: "U",
  p: "P",
  x: "X",
  y: "Y",
  z: "Z",
  h: "H",
  s: "S",
  sdg: "Sdg",
  t: "T",
  tdg: "Tdg",
  rx: "Rx",
  ry: "Ry",
  rz: "Rz",
  sx: "√X",
  sxdg: "√Xdg",
  rxx: "Rxx",
  rzz: "Rzz",
  rccx: "Rccx",
  rc3x: "Rc3x",
};

/** Controlled gates: how many leading arguments are controls, what the target looks like. */
const CONTROLLED: Record<string, { controls: number; target: "x" | "z" | "swap" | string }> = {
  cx: { controls: 1, target: "x" },
  ccx: { controls: 2, target: "x" },
  c3x: { controls: 3, target: "x" },
  c4x: { controls: 4, target: "x" },
  cz: { controls: 1, target: "z" },
  cswap: { controls: 1, target: "swap" },
  cy: { controls: 1, target: "y" },
  ch: { controls: 1, target: "h" },
  crx: { controls: 1, target: "rx" },
  cry: { controls: 1, target: "ry" },
  crz: { controls: 1, target: "rz" },
  cu1: { controls: 1, target: "u1" },
  cp: { controls: 1, target: "p" },
  cu3: { controls: 1, target: "u3" },
  cu: { controls: 1, target: "u" },
  csx: { controls: 1, target: "sx" },
  c3sqrtx: { controls: 3, target: "sx" },
};

/** Character cells of a string (code points: every glyph used here is one cell wide). */
export const cells = (s: string): number => [...s].length;

/** An angle as Qiskit prints it: multiples and simple fractions of π as "π/2", "-3π/4"; otherwise 5 digits. */
export function formatAngle(x: number): string {
  if (x === 0) return "0";
  const r = x / Math.PI;
  for (let den = 1; den <= 16; den++) {
    const num = Math.round(r * den);
    if (num !== 0 && Math.abs(num) <= 64 && Math.abs(r * den - num) < 1e-9) {
      const g = gcd(Math.abs(num), den);
      const n = num / g;
      const d = den / g;
      const top = n === 1 ? "π" : n === -1 ? "-π" : `${n}π`;
      return d === 1 ? top : `${top}/${d}`;
    }
  }
  return String(Number(x.toPrecision(5)));
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The text in a gate's box: "H", "Rz(π/2)", "U3(0.7,0.2,0)". */
export function gateLabel(name: string, params: readonly number[]): string {
  const base = LABELS[name] ?? name;
  return params.length ? `${base}(${params.map(formatAngle).join(",")})` : base;
}

function wiresOf(circuit: Circuit): Wire[] {
  const wires: Wire[] = [];
  for (const r of circuit.qregs)
    for (let i = 0; i < r.size; i++) wires.push({ label: `${r.name}_${i}`, classical: false });
  for (const r of circuit.cregs) wires.push({ label: r.name, classical: true, size: r.size });
  return wires;
}

/** The element of one operation, before it is placed in a layer. */
function elementOf(circuit: Circuit, op: Operation, index: number): Element {
  const cregWire = (name: string) => circuit.numQubits + circuit.cregs.findIndex((r) => r.name === name);
  const clbitWire = (clbit: number) => {
    const i = circuit.cregs.findIndex((r) => clbit >= r.offset && clbit < r.offset + r.size);
    return { wire: circuit.numQubits + i, bit: clbit - circuit.cregs[i].offset };
  };
  const withCondition = (e: Element, cond: Condition | undefined): Element => {
    if (!cond) return e;
    const wire = cregWire(cond.register);
    const lowest = Math.max(...e.glyphs.map(glyphBottom));
    e.glyphs.push({ kind: "condition", wire, text: `0x${cond.value.toString(16)}` });
    e.classicalLink = [lowest, wire];
    return e;
  };
  switch (op.kind) {
    case "measure": {
      const { wire, bit } = clbitWire(op.clbit);
      return withCondition(
        {
          glyphs: [
            { kind: "measure", wire: op.qubit },
            { kind: "bit", wire, text: String(bit) },
          ],
          classicalLink: [op.qubit, wire],
          op: index,
        },
        op.condition,
      );
    }
    case "reset":
      return withCondition({ glyphs: [{ kind: "reset", wire: op.qubit }], op: index }, op.condition);
    case "barrier": {
      const qs = [...new Set(op.qubits)].sort((a, b) => a - b);
      return {
        glyphs: qs.map((wire) => ({ kind: "barrier", wire })),
        barrier: [qs[0], qs[qs.length - 1]],
        op: index,
      };
    }
    case "gate": {
      const glyphs = gateGlyphs(op.name, op.qubits, op.params);
      const wires = glyphs.flatMap((g) => (g.kind === "box" ? [g.top, g.bottom] : [g.wire]));
      const top = Math.min(...wires);
      const bottom = Math.max(...wires);
      const e: Element = { glyphs, op: index };
      if (glyphs.length > 1) e.link = [top, bottom];
      return withCondition(e, op.condition);
    }
  }
}

const glyphBottom = (g: Glyph): number => (g.kind === "box" ? g.bottom : g.wire);
const glyphTop = (g: Glyph): number => (g.kind === "box" ? g.top : g.wire);

function gateGlyphs(name: string, qubits: number[], params: number[]): Glyph[] {
  const ctl = CONTROLLED[name];
  if (ctl) {
    const controls: Glyph[] = qubits.slice(0, ctl.controls).map((wire) => ({ kind: "control", wire }));
    const targets = qubits.slice(ctl.controls);
    if (ctl.target === "x") return [...controls, { kind: "target", wire: targets[0] }];
    if (ctl.target === "z") return [...controls, { kind: "control", wire: targets[0] }];
    if (ctl.target === "swap")
      return [...controls, ...targets.map((wire) => ({ kind: "swap" as const, wire }))];
    return [...controls, box(ctl.target, targets, params)];
  }
  if (name === "swap") return qubits.map((wire) => ({ kind: "swap", wire }));
  return [box(name, qubits, params)];
}

function box(name: string, qubits: number[], params: number[]): Glyph {
  return {
    kind: "box",
    top: Math.min(...qubits),
    bottom: Math.max(...qubits),
    label: gateLabel(name, params),
    args: qubits.length > 1 ? qubits.map((wire, index) => ({ wire, index })) : [],
  };
}

/** Cells a glyph needs across (the layer is at least this wide). */
function glyphWidth(g: Glyph): number {
  switch (g.kind) {
    case "box": {
      const arg = g.args.length ? String(g.args.length - 1).length + 1 : 0;
      return arg + cells(g.label) + 4; // "┤ " + label + " ├"
    }
    case "measure":
    case "reset":
      return 3;
    case "bit":
    case "condition":
      return cells(g.text);
    default:
      return 1;
  }
}

/** Lays out a circuit: wires, and operations packed into layers (ASAP over each operation's vertical span). */
export function layoutCircuit(circuit: Circuit): Layout {
  const wires = wiresOf(circuit);
  const busyUntil = new Array<number>(wires.length).fill(0); // first free layer per wire
  const layers: Layer[] = [];
  circuit.ops.forEach((op, i) => {
    const e = elementOf(circuit, op, i);
    const spans = [
      ...e.glyphs.flatMap((g) => [glyphTop(g), glyphBottom(g)]),
      ...(e.link ?? []),
      ...(e.classicalLink ?? []),
      ...(e.barrier ?? []),
    ];
    const top = Math.min(...spans);
    const bottom = Math.max(...spans);
    let at = 0;
    for (let w = top; w <= bottom; w++) at = Math.max(at, busyUntil[w]);
    for (let w = top; w <= bottom; w++) busyUntil[w] = at + 1;
    layers[at] ??= { width: 1, elements: [] };
    layers[at].elements.push(e);
  });
  for (const layer of layers) {
    const w = Math.max(1, ...layer.elements.flatMap((e) => e.glyphs.map(glyphWidth)));
    layer.width = w % 2 === 1 ? w : w + 1;
  }
  return { wires, layers };
}

/** Largest drawing made, in character cells (rows × columns): about 20 MB of text, far past what anyone reads. */
export const MAX_DIAGRAM_CELLS = 20_000_000;

/** Character cells of the whole drawing: (2 rows per wire + 1) × (the layers' widths with their padding). */
export function diagramCells(layout: Layout): number {
  const columns = layout.layers.reduce((sum, l) => sum + l.width + 2, 0);
  return (2 * layout.wires.length + 1) * columns;
}

/** Refuses, before drawing, a diagram too large to draw (both renderers call it). */
export function checkDiagramSize(layout: Layout): void {
  const size = diagramCells(layout);
  if (size > MAX_DIAGRAM_CELLS)
    throw userError(
      "Draw.TooLarge",
      `the diagram would be ${Math.round(size / 1e6)} million characters (at most ${MAX_DIAGRAM_CELLS / 1e6} million)`,
      { hint: "draw a smaller circuit, or a part of it" },
    );
}
