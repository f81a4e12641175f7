// The example outputs in README.md and docs/*.md, produced by running the real CLI: every block between
//
//   <!-- qfit-output [columns=N] [head=N] [exit=N] [illustrative]: ARGS -->
//   ```text
//   $ qfit ARGS
//   …what `qfit ARGS` printed…
//   ```
//   <!-- /qfit-output -->
//
// and every block between `<!-- qfit-file: PATH -->` and `<!-- /qfit-file -->` (a file shown whole, e.g. an
// example scenario the tests also run) is rewritten by `npm run docs` (scripts/docs.ts) and compared with a fresh run by test/docs.test.ts, so a
// document can never show output the program does not print. `illustrative` marks output whose numbers change
// from run to run (timings): the test then compares the text with every number masked. Commands run in-process
// (src/cli/main.ts) from the repository root with colour off, at `columns` (default 100) and with file writes
// kept in memory, so producing the docs never writes qfit-report.html or a transpiled circuit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Io, processIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Every document whose output blocks are produced and checked. */
export const DOCUMENTS = [
  "README.md",
  "docs/report.md",
  "docs/estimate.md",
  "docs/estimate-ft.md",
  "docs/crossover.md",
  "docs/roadmap.md",
  "docs/devices.md",
  "docs/run.md",
  "docs/transpile.md",
  "docs/validate-noise.md",
  "docs/draw.md",
  "docs/train.md",
  "docs/sweep.md",
  "docs/serve.md",
  "docs/library.md",
  "docs/data.md",
  "docs/development.md",
  "docs/security.md",
];

export interface OutputSpec {
  /** A file shown as it is (qfit-file), else null: a command's output (qfit-output). */
  file: string | null;
  args: string[];
  columns: number;
  head: number | null;
  /** Show the output from the first line that starts with this word ("…" stands for what is left out). */
  from: string | null;
  exit: number;
  illustrative: boolean;
}

export interface OutputBlock {
  file: string;
  /** The marker line as written (identifies the block in messages). */
  marker: string;
  spec: OutputSpec;
  /** Offsets of the text between the opening marker's line end and the closing marker. */
  start: number;
  end: number;
  body: string;
}

const OPEN = /<!-- qfit-(output|file)((?: [a-z]+(?:=[^\s:]+)?)*): (.+?) -->\n/g;

/** Splits a command line at spaces, keeping "quoted words" together. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2]);
  return out;
}

function parseSpec(options: string, args: string, where: string): OutputSpec {
  const spec: OutputSpec = {
    file: null,
    args: splitArgs(args),
    columns: 100,
    head: null,
    from: null,
    exit: 0,
    illustrative: false,
  };
  for (const opt of options.trim().split(/ +/).filter(Boolean)) {
    const [key, value] = opt.split("=");
    if (key === "illustrative") spec.illustrative = true;
    else if (key === "columns") spec.columns = Number(value);
    else if (key === "head") spec.head = Number(value);
    else if (key === "exit") spec.exit = Number(value);
    else if (key === "from") spec.from = value;
    else throw new Error(`${where}: unknown qfit-output option "${opt}"`);
  }
  return spec;
}

/** The output blocks of one document's text. */
export function findBlocks(text: string, file: string): OutputBlock[] {
  const blocks: OutputBlock[] = [];
  for (const m of text.matchAll(OPEN)) {
    const start = (m.index ?? 0) + m[0].length;
    const close = `<!-- /qfit-${m[1]} -->`;
    const end = text.indexOf(close, start);
    const line = text.slice(0, m.index).split("\n").length;
    if (end < 0) throw new Error(`${file}:${line}: ${m[0].trim()} has no ${close}`);
    const spec = parseSpec(m[2], m[3], `${file}:${line}`);
    if (m[1] === "file") spec.file = m[3].trim();
    blocks.push({
      file,
      marker: `${file}:${line}`,
      spec,
      start,
      end,
      body: text.slice(start, end),
    });
  }
  return blocks;
}

/**
 * Runs `qfit ARGS` in-process and returns what it printed (stdout, then stderr) and its exit code; for a
 * qfit-file block, the file's text.
 */
export async function runQfit(spec: OutputSpec): Promise<{ code: number; text: string }> {
  if (spec.file !== null) return { code: 0, text: readFileSync(join(ROOT, spec.file), "utf8") };
  let out = "";
  let err = "";
  const io: Io = {
    ...processIo(),
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    writeText: () => {},
    isTty: false,
    color: false,
    columns: spec.columns,
  };
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await main(spec.args, io);
    return { code, text: out + err };
  } finally {
    process.chdir(cwd);
  }
}

/** The fenced block for a run's output: the command line, then the output (from the `from` line, cut to `head` lines). */
export function renderBody(spec: OutputSpec, text: string): string {
  if (spec.file !== null) {
    const lang = /\.ya?ml$/.test(spec.file) ? "yaml" : (/\.(\w+)$/.exec(spec.file)?.[1] ?? "text");
    return `\`\`\`${lang}\n${text.replace(/\n+$/, "")}\n\`\`\`\n`;
  }
  let lines = text.replace(/\n+$/, "").split("\n");
  if (spec.from !== null) {
    const from = spec.from;
    const at = lines.findIndex((l) => l.startsWith(from));
    if (at < 0) throw new Error(`no output line starts with "${from}"`);
    lines = ["…", ...lines.slice(at)];
  }
  if (spec.head !== null && lines.length > spec.head) lines = [...lines.slice(0, spec.head), "…"];
  return `\`\`\`text\n$ qfit ${spec.args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ")}\n${lines.join("\n")}\n\`\`\`\n`;
}

/**
 * For illustrative blocks: the text with every number replaced by N, a duration's unit by T (a timing may be
 * 900 µs one run and 1.1 ms the next) and runs of spaces and bar characters folded.
 */
export function maskNumbers(text: string): string {
  return text
    .replace(/[0-9][0-9.,e+−-]*/g, "N")
    .replace(/N (ns|µs|ms|s|min|h|days?)\b/g, "N T")
    .replace(/█+/g, "█")
    .replace(/ +/g, " ");
}

export function readDocument(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

/** One block rerun: qfit's exit code and output, the block's fresh body, and whether the document already shows
 * it (an illustrative block, timings, counts as shown while only its numbers differ). */
export async function rerunBlock(
  block: OutputBlock,
): Promise<{ code: number; text: string; fresh: string; shown: boolean }> {
  const r = await runQfit(block.spec);
  const fresh = renderBody(block.spec, r.text);
  const shown = block.spec.illustrative
    ? maskNumbers(block.body) === maskNumbers(fresh)
    : block.body === fresh;
  return { ...r, fresh, shown };
}
