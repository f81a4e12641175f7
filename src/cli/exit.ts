// How the qfit process ends when something outside the command's own flow happens: a reader that closes our
// standard output early (`qfit run … | head -1`), Ctrl-C, or an exception nobody caught. Installed once by the
// executable (bin/qfit.js), never by the library or tests that call main() in-process.
import { REPORT_BUGS } from "./main.js";

/** 128 + SIGINT, what shells report for a program stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

export function installProcessGuards(argv: readonly string[]): void {
  const debug = argv.includes("--debug");
  // A closed pipe is the reader saying it has seen enough: end quietly and successfully, like `yes | head -1`.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") process.exit(0);
      fail(e, debug);
    });
  }
  // Ctrl-C stops at once. Files are only ever written whole (temporary file, then rename, synchronously), so
  // stopping between two statements can leave nothing half-written; the cursor a progress bar hid comes back.
  const interrupt = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return; // a command with its own shutdown (`qfit serve`) handles it
    if (process.stderr.isTTY) process.stderr.write("\x1b[?25h");
    process.exit(signal === "SIGINT" ? EXIT_INTERRUPTED : 128 + 15);
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  process.on("uncaughtException", (e) => fail(e, debug));
  process.on("unhandledRejection", (e) => fail(e, debug));
}

function fail(e: unknown, debug: boolean): never {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  try {
    process.stderr.write(`qfit: internal error: ${message.split("\n")[0]}\n`);
    if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    process.stderr.write(`${REPORT_BUGS}\n`);
  } catch {
    // stderr itself is gone: nothing left to tell
  }
  process.exit(1);
}
