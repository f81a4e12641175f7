// `qfit transpile FILE --device NAME [--json] [-o out.qasm]`: compile a circuit to a device's native gates and
// coupling map and report depth, two-qubit gates, SWAPs and duration.
import { Command } from "@commander-js/extra-typings";
import pc from "picocolors";
import { toQasm, toQasm3 } from "../qasm/index.js";
import { deviceCircuit, transpile } from "../transpile/transpile.js";
import { formatDuration } from "../units/format.js";
import { resolveDevice } from "./device-arg.js";
import { fitted, type Io } from "./io.js";
import { readQasmFile } from "./qasm-file.js";

export function transpileCommand(io: Io) {
  return new Command("transpile")
    .description(
      "compile an OpenQASM 2.0 or 3 circuit to a quantum processor's native gates and connectivity",
    )
    .argument(
      "<file>",
      "OpenQASM 2.0 or 3 file (the version is read from its header), or - for standard input",
    )
    .requiredOption(
      "--device <name>",
      "target quantum processor, e.g. ibm-heron-r2, willow, helios, forte, or a custom device FILE.json",
    )
    .option("--json", "print the result as JSON")
    .option("-o, --output <file>", "write the compiled circuit as OpenQASM 2.0 (device qubit numbering)")
    .option(
      "--qasm3",
      "write OpenQASM 3 instead (physical qubits $0, $1, ... as Qiskit writes transpiled circuits)",
    )
    .option("--strict", "accept only OpenQASM exactly as specified (no lenient fixes)")
    .action((file, opts) => {
      const { circuit, filename } = readQasmFile(io, file, Boolean(opts.strict));
      const device = resolveDevice(io, opts.device);
      const r = transpile(circuit, device);
      const compiled = deviceCircuit(r, device.qubits);
      const qasm = opts.qasm3 ? toQasm3(compiled, { physicalQubits: true }) : toQasm(compiled);
      if (opts.output) io.writeText(opts.output, qasm);
      const out = {
        device: device.id,
        qubits: circuit.numQubits,
        basis: device.basis.gates,
        input: r.input,
        transpiled: r.metrics,
        initialLayout: r.initialLayout,
        finalLayout: r.finalLayout,
        assumptions: device.assumptions,
      };
      if (opts.json) {
        io.stdout(`${JSON.stringify(opts.output ? out : { ...out, qasm })}\n`);
        return;
      }
      const c = pc.createColors(io.color);
      const m = r.metrics;
      io.stdout(
        fitted(
          io,
          `${[
            c.bold(`${filename} → ${device.name} (${device.id})`),
            `  native gates     ${device.basis.gates.join(", ")}`,
            `  depth            ${r.input.depth} → ${m.depth}`,
            `  two-qubit gates  ${r.input.twoQubitGates} → ${m.twoQubitGates} (${m.swaps} SWAPs inserted)`,
            `  one-qubit gates  ${m.oneQubitGates}`,
            `  duration         ${formatDuration(m.durationNs * 1e-9)} (gates, before readout)`,
            `  layout           logical → device qubit: ${r.initialLayout.join(" ")}; at the end: ${r.finalLayout.join(" ")}`,
            opts.output ? `  written          ${opts.output}` : "",
            ...device.assumptions.map((a) => c.dim(`assumption: ${a}`)),
          ]
            .filter((l) => l !== "")
            .join("\n")}\n`,
        ),
      );
      if (!opts.output)
        io.stdout(
          fitted(io, c.dim("(use -o FILE to write the compiled OpenQASM, or --json to include it)\n")),
        );
    });
}
