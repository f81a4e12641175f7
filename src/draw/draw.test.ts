// Circuit diagrams: golden text drawings (Qiskit's text-drawer style) for the bundled examples, folding, the SVG
// drawing of the same layout, and every QASMBench circuit in /work/shared/circuits drawing without error.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { randomCircuit } from "../circuit/random.js";
import { isQfitError } from "../errors.js";
import { parseQasm } from "../qasm/index.js";
import { diagramCells, drawSvg, drawText, formatAngle, layoutCircuit, MAX_DIAGRAM_CELLS } from "./index.js";

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");
const draw = (qasm: string, width?: number) => drawText(layoutCircuit(parseQasm(qasm)), { width });
const widthOf = (line: string) => [...line].length;

const MEASURE_BARRIER_RESET = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c[3];
h q[0];
barrier q;
measure q[0] -> c[0];
reset q[0];
swap q[1], q[2];
rz(pi/4) q[2];
barrier q[1], q[2];
measure q[2] -> c[2];
`;

describe("text drawing (golden layouts)", () => {
  it("draws bell", () => {
    expect(draw(example("bell.qasm"))).toBe(
      `      ┌───┐     ┌─┐
q_0: ─┤ H ├──■──┤M├──────
      └───┘  │  └╥┘  ┌─┐
q_1: ────────⊕───╫───┤M├─
                 ║   └╥┘
c: 2/════════════╩════╩══
                 0    1
`,
    );
  });

  it("draws ghz5", () => {
    expect(draw(example("ghz5.qasm"))).toBe(
      `      ┌───┐              ┌─┐
q_0: ─┤ H ├──■───────────┤M├─────────────────────
      └───┘  │           └╥┘  ┌─┐
q_1: ────────⊕──■─────────╫───┤M├────────────────
                │         ║   └╥┘  ┌─┐
q_2: ───────────⊕──■──────╫────╫───┤M├───────────
                   │      ║    ║   └╥┘  ┌─┐
q_3: ──────────────⊕──■───╫────╫────╫───┤M├──────
                      │   ║    ║    ║   └╥┘  ┌─┐
q_4: ─────────────────⊕───╫────╫────╫────╫───┤M├─
                          ║    ║    ║    ║   └╥┘
c: 5/═════════════════════╩════╩════╩════╩════╩══
                          0    1    2    3    4
`,
    );
  });

  it("draws teleport (mid-circuit measurement, conditions)", () => {
    expect(draw(example("teleport.qasm"))).toBe(
      `       ┌───────────────┐        ┌───┐  ┌─┐
 q_0: ─┤ U3(0.7,0.2,0) ├─────■──┤ H ├──┤M├─────────────────────────
       ├───────────────┤     │  └───┘  └╥┘  ┌─┐
 q_1: ─┤       H       ├──■──⊕──────────╫───┤M├────────────────────
       └───────────────┘  │             ║   └╥┘  ┌───┐  ┌───┐  ┌─┐
 q_2: ────────────────────⊕─────────────╫────╫───┤ X ├──┤ Z ├──┤M├─
                                        ║    ║   └─╥─┘  └─╥─┘  └╥┘
c0: 1/══════════════════════════════════╩════╬═════╬══════■═════╬══
                                        0    ║     ║     0x1    ║
c1: 1/═══════════════════════════════════════╩═════■════════════╬══
                                             0    0x1           ║
c2: 1/══════════════════════════════════════════════════════════╩══
                                                                0
`,
    );
  });

  it("draws qft4 (controlled phases, swaps)", () => {
    expect(draw(example("qft4.qasm"))).toBe(
      `      ┌───┐                                                                                              ┌───┐        ┌─┐
q_0: ─┤ X ├─────────────────────────────────■────────────────────────────────■───────────────────■───────┤ H ├──×─────┤M├────────────────
      └───┘                                 │                                │       ┌───┐  ┌────┴────┐  └───┘  │     └╥┘  ┌─┐
q_1: ──────────────────────────■────────────┼───────────────────■────────────┼───────┤ H ├──┤ U1(π/2) ├─────────┼──×───╫───┤M├───────────
      ┌───┐                    │            │       ┌───┐  ┌────┴────┐  ┌────┴────┐  └───┘  └─────────┘         │  │   ║   └╥┘  ┌─┐
q_2: ─┤ X ├───────■────────────┼────────────┼───────┤ H ├──┤ U1(π/2) ├──┤ U1(π/4) ├─────────────────────────────┼──×───╫────╫───┤M├──────
      ├───┤  ┌────┴────┐  ┌────┴────┐  ┌────┴────┐  └───┘  └─────────┘  └─────────┘                             │      ║    ║   └╥┘  ┌─┐
q_3: ─┤ H ├──┤ U1(π/2) ├──┤ U1(π/4) ├──┤ U1(π/8) ├──────────────────────────────────────────────────────────────×──────╫────╫────╫───┤M├─
      └───┘  └─────────┘  └─────────┘  └─────────┘                                                                     ║    ║    ║   └╥┘
c: 4/══════════════════════════════════════════════════════════════════════════════════════════════════════════════════╩════╩════╩════╩══
                                                                                                                       0    1    2    3
`,
    );
  });

  it("draws measurement, barriers and reset", () => {
    expect(draw(MEASURE_BARRIER_RESET)).toBe(
      `      ┌───┐  ░  ┌─┐
q_0: ─┤ H ├──░──┤M├──|0>──────────────────────
      └───┘  ░  └╥┘                    ░
q_1: ────────░───╫────×────────────────░──────
             ░   ║    │   ┌─────────┐  ░  ┌─┐
q_2: ────────░───╫────×───┤ Rz(π/4) ├──░──┤M├─
             ░   ║        └─────────┘  ░  └╥┘
c: 3/════════════╩═════════════════════════╩══
                 0                         2
`,
    );
  });

  it("folds qft4 at 40 columns with « and »", () => {
    expect(draw(example("qft4.qasm"), 40)).toBe(
      `      ┌───┐
q_0: ─┤ X ├───────────────────────────»
      └───┘
q_1: ──────────────────────────■──────»
      ┌───┐                    │
q_2: ─┤ X ├───────■────────────┼──────»
      ├───┤  ┌────┴────┐  ┌────┴────┐
q_3: ─┤ H ├──┤ U1(π/2) ├──┤ U1(π/4) ├─»
      └───┘  └─────────┘  └─────────┘
c: 4/═════════════════════════════════»

«q_0: ──────■──────────────────────────»
            │
«q_1: ──────┼───────────────────■──────»
            │       ┌───┐  ┌────┴────┐
«q_2: ──────┼───────┤ H ├──┤ U1(π/2) ├─»
       ┌────┴────┐  └───┘  └─────────┘
«q_3: ─┤ U1(π/8) ├─────────────────────»
       └─────────┘
«c: 4/═════════════════════════════════»

«q_0: ──────■───────────────────■──────»
            │       ┌───┐  ┌────┴────┐
«q_1: ──────┼───────┤ H ├──┤ U1(π/2) ├─»
       ┌────┴────┐  └───┘  └─────────┘
«q_2: ─┤ U1(π/4) ├─────────────────────»
       └─────────┘
«q_3: ─────────────────────────────────»

«c: 4/═════════════════════════════════»

       ┌───┐        ┌─┐
«q_0: ─┤ H ├──×─────┤M├────────────────
       └───┘  │     └╥┘  ┌─┐
«q_1: ────────┼──×───╫───┤M├───────────
              │  │   ║   └╥┘  ┌─┐
«q_2: ────────┼──×───╫────╫───┤M├──────
              │      ║    ║   └╥┘  ┌─┐
«q_3: ────────×──────╫────╫────╫───┤M├─
                     ║    ║    ║   └╥┘
«c: 4/═══════════════╩════╩════╩════╩══
                     0    1    2    3
`,
    );
  });
});

describe("layout", () => {
  it("prints angles as Qiskit does: fractions of π, else five significant digits", () => {
    expect(formatAngle(Math.PI / 2)).toBe("π/2");
    expect(formatAngle(-Math.PI / 4)).toBe("-π/4");
    expect(formatAngle((3 * Math.PI) / 4)).toBe("3π/4");
    expect(formatAngle(2 * Math.PI)).toBe("2π");
    expect(formatAngle(0)).toBe("0");
    expect(formatAngle(0.7)).toBe("0.7");
    expect(formatAngle(1.23456789)).toBe("1.2346");
  });

  it("packs independent gates into one layer and keeps program order on shared wires", () => {
    const l = layoutCircuit(
      parseQasm('OPENQASM 2.0; include "qelib1.inc"; qreg q[3]; h q[0]; h q[2]; cx q[0], q[1]; x q[2];'),
    );
    expect(l.layers.map((layer) => layer.elements.map((e) => e.op))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("blocks every wire a measurement's classical line crosses", () => {
    const l = layoutCircuit(
      parseQasm('OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; creg c[1]; measure q[0] -> c[0]; h q[1];'),
    );
    // q[1] lies between q[0] and the classical wire, so h q[1] waits for the next layer.
    expect(l.layers.length).toBe(2);
  });

  it("labels wires by register as Qiskit does", () => {
    const l = layoutCircuit(
      parseQasm('OPENQASM 2.0; include "qelib1.inc"; qreg a[1]; qreg b[2]; creg m[3]; h b[1];'),
    );
    expect(l.wires.map((w) => w.label)).toEqual(["a_0", "b_0", "b_1", "m"]);
    expect(draw('OPENQASM 2.0; include "qelib1.inc"; qreg a[1]; qreg b[2]; creg m[3]; h b[1];')).toContain(
      "m: 3/",
    );
  });
});

const EXAMPLES = readdirSync(new URL("../../examples/", import.meta.url)).filter((f) => f.endsWith(".qasm"));
describe("folding", () => {
  for (const file of EXAMPLES) {
    it(`${file}: no line wider than 30, 40 or 60 columns, and folding loses nothing`, () => {
      const circuit = parseQasm(example(file));
      const layout = layoutCircuit(circuit);
      const whole = drawText(layout);
      for (const width of [30, 40, 60]) {
        const text = drawText(layout, { width });
        // A single layer wider than the page is the one thing that may stick out (it gets a page of its own).
        const labelW = Math.max(...layout.wires.map((w) => w.label.length + (w.classical ? 4 : 2))) + 1;
        const widest = Math.max(...layout.layers.map((l) => l.width + 2)) + labelW + 2;
        for (const line of text.split("\n"))
          expect(widthOf(line)).toBeLessThanOrEqual(Math.max(width, widest));
        const count = (s: string, ch: string) => [...s].filter((c) => c === ch).length;
        for (const ch of ["■", "⊕", "×", "╩", "░"]) expect(count(text, ch)).toBe(count(whole, ch));
        if (text !== whole) expect(text).toContain("«");
      }
    });
  }
});

describe("SVG drawing", () => {
  it("draws the same layout: every gate label, one circle per control, a valid svg element", () => {
    const layout = layoutCircuit(parseQasm(example("teleport.qasm")));
    const svg = drawSvg(layout, { title: "teleport.qasm" });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<title>teleport.qasm</title>");
    for (const label of ["U3(0.7,0.2,0)", "H", "X", "Z", "M", "0x1"])
      expect(svg).toContain(`>${label}</text>`);
    for (const wire of ["q_0:", "q_2:", "c0: 1/", "c2: 1/"]) expect(svg).toContain(`>${wire}</text>`);
    // Tags balance (every opened element is closed).
    const opened = (svg.match(/<(svg|g|text|title)\b/g) ?? []).length;
    const closed = (svg.match(/<\/(svg|g|text|title)>/g) ?? []).length;
    expect(opened).toBe(closed);
  });

  it("escapes text", () => {
    const svg = drawSvg(layoutCircuit(parseQasm(example("bell.qasm"))), { title: "<a&b>" });
    expect(svg).toContain("&lt;a&amp;b&gt;");
    expect(svg).not.toContain("<a&b>");
  });
});

/** What every drawing must hold: one element per operation, one ┤M├ per measurement, no line over the width. */
function checkDrawing(name: string, qasmOrCircuit: string | ReturnType<typeof parseQasm>) {
  const circuit = typeof qasmOrCircuit === "string" ? parseQasm(qasmOrCircuit) : qasmOrCircuit;
  const layout = layoutCircuit(circuit);
  expect(
    layout.layers.reduce((n, l) => n + l.elements.length, 0),
    name,
  ).toBe(circuit.ops.length);
  const text = drawText(layout, { width: 80 });
  const measures = circuit.ops.filter((o) => o.kind === "measure").length;
  expect(text.split("┤M├").length - 1, name).toBe(measures);
  const widest = Math.max(0, ...layout.layers.map((l) => l.width + 2)) + 32;
  for (const line of text.split("\n")) expect(widthOf(line), name).toBeLessThanOrEqual(Math.max(80, widest));
  expect(drawSvg(layout)).toContain("</svg>");
}

describe("any circuit draws", () => {
  it("random circuits over every library gate (fixed seeds)", () => {
    for (let seed = 1; seed <= 40; seed++)
      checkDrawing(`seed ${seed}`, randomCircuit({ numQubits: 1 + (seed % 7), depth: 6, seed }));
  });
});

// QASMBench (github.com/pnnl/QASMBench) circuits, where the machine has them (/work/shared/circuits or
// QFIT_QASMBENCH): written by other people for other tools, they show what users feed qfit.
const BENCH_DIR = process.env.QFIT_QASMBENCH ?? "/work/shared/circuits/qasmbench/";
const bench = existsSync(BENCH_DIR) ? readdirSync(BENCH_DIR).filter((f) => f.endsWith(".qasm")) : [];
if (bench.length > 0) {
  describe("QASMBench circuits", () => {
    for (const file of bench)
      it(`${file} draws as text and SVG`, () =>
        checkDrawing(file, readFileSync(join(BENCH_DIR, file), "utf8")));
  });
}

describe("budget", () => {
  it("refuses a diagram too large to draw, before drawing it, with a user error", () => {
    const gates = Array.from(
      { length: 4000 },
      (_, i) => `h q[${i % 1000}]; cx q[${i % 1000}], q[${(i * 7 + 1) % 1000}];`,
    );
    const layout = layoutCircuit(
      parseQasm(`OPENQASM 2.0; include "qelib1.inc"; qreg q[1000]; ${gates.join(" ")}`),
    );
    expect(diagramCells(layout)).toBeGreaterThan(MAX_DIAGRAM_CELLS);
    for (const draw of [() => drawText(layout), () => drawSvg(layout)]) {
      let error: unknown;
      try {
        draw();
      } catch (e) {
        error = e;
      }
      expect(isQfitError(error) && error.userError && error.code).toBe("Draw.TooLarge");
    }
  });
});
