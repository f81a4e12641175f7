// The CLI's only contact with the process: streams, files, environment. Tests pass an in-memory Io.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { freemem, totalmem } from "node:os";
import { basename, dirname, join } from "node:path";
import { userError } from "../errors.js";
import { fitText, terminalColumns } from "../report/terminal.js";

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Reads a file, or standard input for "-". Throws a user error naming the file when it cannot be read. */
  readText(path: string): string;
  /** Writes a file atomically (temporary file, then rename), so a failure leaves nothing half-written. */
  writeText(path: string, text: string): void;
  /** True when stdout is a terminal (colour and progress bars only then). */
  isTty: boolean;
  /** Colour allowed: a TTY and NO_COLOR unset. */
  color: boolean;
  /** Width human output is fitted to: COLUMNS, else the terminal's, else 80; Infinity with --wide. */
  columns: number;
  freeMemoryBytes(): number;
  totalMemoryBytes(): number;
  /** Set by a command that wants a non-zero exit without throwing. */
  exitCode?: number;
}

export function processIo(): Io {
  const isTty = Boolean(process.stdout.isTTY);
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readText(path) {
      try {
        return readFileSync(path === "-" ? 0 : path, "utf8");
      } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
        throw userError("IO.ReadFailed", `cannot read ${path === "-" ? "standard input" : path}: ${reason}`, {
          field: path,
        });
      }
    },
    writeText(path, text) {
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      try {
        writeFileSync(tmp, text);
        renameSync(tmp, path);
      } catch (e) {
        // The rename fails when the target is a directory or not writable: the temporary file must not stay.
        rmSync(tmp, { force: true });
        throw userError("IO.WriteFailed", `cannot write ${path}: ${(e as Error).message}`, { field: path });
      }
    },
    isTty,
    color: isTty && !("NO_COLOR" in process.env),
    columns: terminalColumns(process.env.COLUMNS, isTty ? process.stdout.columns : undefined),
    freeMemoryBytes: () => availableMemoryBytes(),
    totalMemoryBytes: () => totalmem(),
  };
}

/** MemAvailable from /proc/meminfo where there is one (free + reclaimable cache), else os.freemem(). */
function availableMemoryBytes(): number {
  try {
    const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync("/proc/meminfo", "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return freemem();
}

/** Human-readable output fitted to the terminal's width (src/report/terminal.ts); JSON and files never are. */
export function fitted(io: Io, text: string): string {
  return fitText(text, io.columns);
}

/** An Io that records output in memory, for tests. */
export function memoryIo(
  files: Record<string, string> = {},
  stdin = "",
): Io & { out: string; err: string; files: Record<string, string> } {
  const io = {
    out: "",
    err: "",
    files: { ...files },
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
    readText(path: string) {
      if (path === "-") return stdin;
      if (!(path in io.files))
        throw userError("IO.ReadFailed", `cannot read ${path}: no such file`, { field: path });
      return io.files[path];
    },
    writeText(path: string, text: string) {
      io.files[path] = text;
    },
    isTty: false,
    color: false,
    // Unlimited, so tests that look for a phrase do not depend on where a line wraps; width tests set it.
    columns: Number.POSITIVE_INFINITY,
    freeMemoryBytes: () => 16 * 2 ** 30,
    totalMemoryBytes: () => 24 * 2 ** 30,
  };
  return io;
}
