// The CLI entry: builds the commander program from one file per command and maps errors to exit codes
// (0 success, 2 user error with `file:line:col: message` and a hint, 1 internal error).
import { Command, CommanderError } from "@commander-js/extra-typings";
import { isQfitError } from "../errors.js";
import { VERSION } from "../version.js";
import { registerCommands } from "./commands.js";
import { type Io, processIo } from "./io.js";

export { VERSION };

export function buildProgram(io: Io): Command {
  const program = new Command()
    .name("qfit")
    .description(
      "Which hardware fits a workload — GPU cluster or quantum processor — by how much, why, and from when.\n" +
        "Backed by an exact quantum circuit simulator that reads OpenQASM 2.0.",
    )
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    })
    .exitOverride();
  registerCommands(program, io);
  return program;
}

/** Runs the CLI and returns the exit code; never throws, never prints a stack trace for a user error. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return io.exitCode ?? 0;
  } catch (e) {
    return reportError(e, io, argv.includes("--json"));
  }
}

export function reportError(e: unknown, io: Io, json: boolean): number {
  if (e instanceof CommanderError) {
    // help and version exit through here with code 0; usage errors were already printed by commander.
    if (e.exitCode === 0) return 0;
    return 2;
  }
  if (isQfitError(e)) {
    if (json) {
      io.stdout(`${JSON.stringify({ error: e.toJSON() }, null, 2)}\n`);
    } else {
      io.stderr(`${e.describe()}\n`);
      if (e.hint) io.stderr(`hint: ${e.hint}\n`);
      if (!e.userError && e.stack) io.stderr(`${e.stack}\n`);
    }
    return e.userError ? 2 : 1;
  }
  io.stderr(`qfit: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
}
