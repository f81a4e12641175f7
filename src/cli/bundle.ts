// The bundles bin/qfit.js starts some commands from: each is one file holding all the code its commands need
// (dist/cli-bundle/, built by scripts/bundle-cli.mjs), with V8's code cache for it made at build time, so the
// process neither resolves, reads, parses nor compiles modules one by one. `qfit run` and the program's help and
// version start from the start bundle: loading the ~55 compiled modules of `qfit run` cost more than Node's own
// start-up (issue 14 §4; `npm run bench:startup`). `qfit report` starts from the report bundle, its worker
// threads too: its ~200 modules took each thread about a tenth of the report's time (issue 13). The other
// commands start from the compiled modules of dist/cli/. A process loads one bundle or the compiled modules,
// never two, so it never runs two copies of a module (errors are matched with instanceof). bin/qfit.js requires
// this module as dist/cli-bundle/load.cjs (bundled, CommonJS like bin/qfit.js itself).
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import type { serveReportTasks } from "../report/report-worker.js";
import { commandNamed } from "./commands.js";
import type { memoryIo } from "./io.js";
import type { main } from "./main.js";
import type { start } from "./start.js";

/**
 * A bundle: the commands it holds, its file, and the V8 code cache made for it at build time.
 * - `start`: `qfit run`, and the program's own help, version and usage errors (start-up dominates them).
 * - `report`: `qfit report` (and its help), with every package it loads and its worker threads' code. Loading
 *   its ~200 compiled modules took each thread ~0.34 s; from the bundle with its cache ~0.08 s (the main thread,
 *   and again each worker: docs/report.md).
 */
export interface Bundle {
  name: "start" | "report";
  commands: readonly string[];
  file: string;
  /** Valid only for the Node version and V8 flags it was made with. */
  codeCacheFile: string;
  /** V8 flags set before the bundle loads (so the code cache is made and read under them). */
  v8Flags: readonly string[];
}

const bundleNamed = (
  name: Bundle["name"],
  commands: readonly string[],
  fileName: string,
  v8Flags: readonly string[] = [],
): Bundle => {
  const file = fileURLToPath(new URL(`../cli-bundle/${fileName}`, import.meta.url));
  return { name, commands, file, codeCacheFile: `${file}.v8-cache`, v8Flags };
};

/** The bundles (this module is compiled to dist/cli/ and bundled into dist/cli-bundle/). */
export const START_BUNDLE = bundleNamed("start", ["run"], "qfit.cjs");
/**
 * V8's tier-up budget for the report, 4× its default (`--interrupt-budget`, 67,584: bytecode executed by a function
 * before V8 considers optimizing it; the default as `node --v8-options` prints it on Node 20.20, V8 11.3). The report runs each of its thousands of functions for a few seconds at most, on every thread:
 * at the default, V8 optimized ~330 functions in one report and threw ~70 of those away again (their type feedback
 * was not complete yet); at 4× it optimizes ~200 and deoptimizes ~37, and spends far less CPU compiling. Measured
 * with `qfit report --no-html` on 2 cores (interleaved, medians of 9, docs/report.md): 2.77 → 2.52 s wall and
 * 5.3 → 4.7 s CPU on 2 threads; 3.32 → 3.17 s on one; 0.90 → 0.85 s with --no-uncertainty (8× gave the same).
 * It changes V8's flag hash, so the report bundle's code cache is made under it too (scripts/bundle-cli.mjs).
 */
const REPORT_INTERRUPT_BUDGET = 4 * 67_584;

export const REPORT_BUNDLE = bundleNamed("report", ["report"], "report.cjs", [
  `--interrupt-budget=${REPORT_INTERRUPT_BUDGET}`,
]);
export const BUNDLES: readonly Bundle[] = [START_BUNDLE, REPORT_BUNDLE];

/**
 * The bundle bin/qfit.js starts this command line from: the one holding its command; the start bundle for none
 * (`qfit`, `qfit --help`, `qfit --version`, a misspelt command); undefined for the other commands.
 */
export function bundleFor(argv: readonly string[]): Bundle | undefined {
  const wanted = commandNamed(argv);
  if (wanted === undefined) return START_BUNDLE;
  return BUNDLES.find((b) => b.commands.includes(wanted.name));
}

/** The compiled program the other commands start from (tsc writes it on every build). */
export const COMPILED_START_FILE = fileURLToPath(new URL("../cli/start.js", import.meta.url));

/**
 * Whether a bundle was built after the compiled modules (`npm run build` makes both, the bundles last). After a
 * bare `tsc -p tsconfig.build.json` they are older, and bin/qfit.js starts from the compiled modules instead of
 * running stale code. (npm pack gives every file one date: equal is current.)
 */
export function bundleIsCurrent(bundle = START_BUNDLE.file, compiled = COMPILED_START_FILE): boolean {
  const built = statSync(bundle, { throwIfNoEntry: false });
  const compiledAt = statSync(compiled, { throwIfNoEntry: false });
  return built !== undefined && (compiledAt === undefined || built.mtimeMs >= compiledAt.mtimeMs);
}

/** What a bundle exports (src/cli/start.ts; the report bundle also src/cli/report-bundle.ts's worker entry). */
export interface BundleExports {
  start: typeof start;
  main: typeof main;
  memoryIo: typeof memoryIo;
  serveReportTasks?: typeof serveReportTasks;
}

export interface LoadedBundle {
  exports: BundleExports;
  /** The compiled bundle: scripts/bundle-cli.mjs makes the code cache from it after a run. */
  script: Script;
  /** Whether V8 refused the code cache (another Node version or other V8 flags): then it compiled the source. */
  cacheRejected: boolean;
}

/**
 * Set the bundle's V8 flags, then compile and run it as a CommonJS module, with the code cache when there is one
 * (`useCache`). The source is ASCII (esbuild's charset), so it is read as latin1: no UTF-8 decoding. A refused
 * cache costs only the compile it would have saved.
 */
export function loadBundle(useCache = true, bundle: Bundle = START_BUNDLE): LoadedBundle {
  const { file } = bundle;
  for (const flag of bundle.v8Flags) setFlagsFromString(flag);
  const source = readFileSync(file, "latin1");
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(bundle.codeCacheFile);
    } catch {
      cachedData = undefined; // no cache (a build without it): compile the source
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as BundleExports };
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  body(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    script,
    cacheRejected: cachedData === undefined || script.cachedDataRejected === true,
  };
}
