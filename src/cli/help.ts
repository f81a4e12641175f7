// Help text fitted to the terminal: every command's --help wraps at io.columns (COLUMNS, else the terminal's
// width, else 80), at spaces, never inside a word, with descriptions under their option or command. A line break
// inside a description's sentence (kept in the source to hold lines short) is joined back, so the terminal — not
// the source — decides where lines end; breaks before a "label: …" line (presets: …) stay.
import type { Command, Help } from "@commander-js/extra-typings";
import { displayWidth, wrapWords } from "../report/terminal.js";
import type { Io } from "./io.js";

/** A description line that starts its own list ("presets: a, b", "hardware presets (MIT QEA calculator): …"). */
const LABEL_LINE = /^[a-z][\w ()-]{0,40}:\s/i;

/** Joins line breaks that fall inside a sentence; keeps breaks after a full stop or before a labelled list. */
export function reflow(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const joins =
      prev !== undefined &&
      prev.trim() !== "" &&
      line.trim() !== "" &&
      (/,$/.test(prev.trimEnd()) || (!/[.:;!?]$/.test(prev.trimEnd()) && !LABEL_LINE.test(line.trim())));
    if (joins) out[out.length - 1] = `${prev.trimEnd()} ${line.trim()}`;
    else out.push(line);
  }
  return out.join("\n");
}

/** Below this many cells for a description beside its term, the description goes under the term instead. */
const MIN_BESIDE = 24;
const UNDER_INDENT = 6;

/** The widest term column: longer terms (a long option) stand on their own line, their description under it. */
const MAX_TERM = 30;

function formatItem(term: string, termWidth: number, description: string, width: number): string {
  const termLines = wrapWords(term, Math.max(10, width - 2)).map((l) => `  ${l}`);
  if (!description) return termLines.join("\n");
  const tw = Math.min(termWidth, MAX_TERM, Math.floor(width / 3));
  const beside = width - tw - 4;
  if (beside >= MIN_BESIDE) {
    const lines = wrapWords(description, beside);
    const indent = " ".repeat(tw + 4);
    if (displayWidth(term) > tw) return [...termLines, ...lines.map((l) => indent + l)].join("\n");
    const pad = " ".repeat(tw - displayWidth(term));
    return [`  ${term}${pad}  ${lines[0]}`, ...lines.slice(1).map((l) => indent + l)].join("\n");
  }
  const under = wrapWords(description, Math.max(10, width - UNDER_INDENT)).map(
    (l) => " ".repeat(UNDER_INDENT) + l,
  );
  return [...termLines, ...under].join("\n");
}

export function* commandsOf(cmd: Command): Generator<Command> {
  yield cmd;
  for (const sub of cmd.commands as Command[]) yield* commandsOf(sub);
}

/**
 * Applies the terminal width and the reflowing to the help of `program` and every command under it (commands
 * added with addCommand inherit no settings from their parent, so each gets them here).
 */
export function fitHelp(program: Command, io: Io): void {
  const width = () => (Number.isFinite(io.columns) ? io.columns : 10_000);
  for (const cmd of commandsOf(program)) {
    cmd.configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      getOutHelpWidth: width,
      getErrHelpWidth: width,
    });
    // Help and usage errors of every command end in main()'s exit-code mapping (0 for help, 2 for misuse).
    cmd.exitOverride();
    cmd.configureHelp({
      showGlobalOptions: true,
      commandDescription: (c) => reflow(c.description()),
      subcommandDescription: (c) => reflow(c.summary() || c.description()),
      formatItem: (term: string, termWidth: number, description: string, _helper: Help) =>
        formatItem(term, termWidth, reflow(description), width()),
      boxWrap: (str: string, w: number) => wrapWords(str, w).join("\n"),
      // "Usage: " is 7 cells; a long usage line goes on under its own start.
      styleUsage: (str: string) => wrapWords(str, Math.max(10, width() - 7)).join(`\n${" ".repeat(7)}`),
    });
  }
}
