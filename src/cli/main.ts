// The CLI entry: builds the commander program from one file per command and maps errors to exit codes
// (0 success, 2 user error with `file:line:col: message` and a hint, 1 internal error). Only the command being run
// is loaded (commands.ts); the others are listed from the command table.
import { Command, CommanderError } from "@commander-js/extra-typings";
import { isQfitError } from "../errors.js";
import { VERSION } from "../version.js";
import { COMMANDS, commandNamed } from "./commands.js";
import { commandsOf, fitHelp } from "./help.js";
import { type Io, processIo } from "./io.js";

export { VERSION };

/** The program for `argv`: the command it names is loaded whole, every other one is a name and a summary. */
export async function buildProgram(io: Io, argv: readonly string[]): Promise<Command> {
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
    .option("--wide", "print tables and text at full width instead of fitting the terminal")
    .option("--debug", "print the stack trace of an internal error")
    .exitOverride();
  const wanted = commandNamed(argv);
  for (const entry of COMMANDS) {
    if (entry === wanted) (await entry.load())(program, io);
    else program.addCommand(new Command(entry.name).summary(entry.summary));
  }
  // --wide is accepted anywhere on the command line (commander reads program options after the subcommand too).
  program.hook("preAction", () => {
    if (program.opts().wide) io.columns = Number.POSITIVE_INFINITY;
  });
  // Commands built with `new Command()` and added with addCommand() inherit none of the program's settings: every
  // command gets the same output, help width and exit handling (usage errors end as a CommanderError that main()
  // maps to exit code 2) in fitHelp, and the same hint after a usage error here.
  for (const cmd of commandsOf(program)) cmd.showHelpAfterError("(run with --help for usage)");
  fitHelp(program, io);
  // The top-level help lists every command by its table term, loaded or not.
  const plain = program.createHelp();
  program.configureHelp({
    ...program.configureHelp(),
    subcommandTerm: (c) => COMMANDS.find((e) => e.name === c.name())?.term ?? plain.subcommandTerm(c),
  });
  return program;
}

export const REPORT_BUGS =
  "this is a bug in qfit; please report it with the command you ran (add --debug for details)";

/** Runs the CLI and returns the exit code; never throws, never prints a stack trace for a user error. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync(argv, { from: "user" });
    return io.exitCode ?? 0;
  } catch (e) {
    return reportError(e, io, argv.includes("--json"), argv.includes("--debug"));
  }
}

export function reportError(e: unknown, io: Io, json: boolean, debug = false): number {
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
      if (!e.userError) io.stderr(`${debug && e.stack ? `${e.stack}\n` : ""}${REPORT_BUGS}\n`);
    }
    return e.userError ? 2 : 1;
  }
  // Anything else is a bug: one line, how to report it, and the stack only when asked for.
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (json) {
    io.stdout(`${JSON.stringify({ error: { code: "Internal", message, hint: REPORT_BUGS } }, null, 2)}\n`);
  } else {
    io.stderr(`qfit: internal error: ${firstLine(message)}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    io.stderr(`${REPORT_BUGS}\n`);
  }
  return 1;
}

const firstLine = (s: string): string => {
  const i = s.indexOf("\n");
  return i < 0 ? s : `${s.slice(0, i)} …`;
};
