// `qfit draw FILE.qasm [--svg OUT.svg]`: a circuit diagram in the style of Qiskit's text drawer, folded at the
// terminal's width (--wide: one line per wire), or the same layout as SVG.
import { Command } from "@commander-js/extra-typings";
import { drawSvg, drawText, layoutCircuit } from "../draw/index.js";
import type { Io } from "./io.js";
import { parseIntegerOption } from "./options.js";
import { readQasmFile } from "./qasm-file.js";

export function drawCommand(io: Io) {
  return new Command("draw")
    .description("draw an OpenQASM 2.0 circuit as text (Qiskit's text-drawer style) or as SVG")
    .argument("<file>", "OpenQASM 2.0 file, or - for standard input")
    .option("--svg <out>", "write the diagram as SVG to this file (- for standard output)")
    .option("--fold <columns>", "fold the text diagram at this width (default: the terminal's width)")
    .option("--strict", "accept only OpenQASM 2.0 exactly as specified (no lenient fixes)")
    .action((file, opts) => {
      const { circuit, filename } = readQasmFile(io, file, Boolean(opts.strict));
      const layout = layoutCircuit(circuit);
      if (opts.svg !== undefined) {
        const svg = drawSvg(layout, { title: filename });
        if (opts.svg === "-") io.stdout(svg);
        else {
          io.writeText(opts.svg, svg);
          io.stdout(`wrote ${opts.svg}\n`);
        }
        return;
      }
      const width =
        opts.fold === undefined ? io.columns : parseIntegerOption("--fold", opts.fold, 20, 100_000);
      io.stdout(drawText(layout, { width }));
    });
}
