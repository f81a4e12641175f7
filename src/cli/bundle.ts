// The start-up bundle: `qfit run`, and the program's own help and version, start from one file holding all the
// code they need (dist/cli-bundle/qfit.cjs, built by scripts/bundle-cli.mjs) with V8's code cache for it, made at
// build time. Loading the ~55 compiled modules of `qfit run` one by one, and compiling them, cost more than Node's
// own start-up (issue 14 §4; measured by `npm run bench:startup`). The other commands run for seconds or more:
// bin/qfit.js starts them from the compiled modules of dist/cli/, and the bundle leaves them out, so no process
// ever runs two copies of a module (errors are matched with instanceof). bin/qfit.js requires this module as
// dist/cli-bundle/load.cjs (bundled, CommonJS like bin/qfit.js itself).
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { commandNamed } from "./commands.js";
import type { memoryIo } from "./io.js";
import type { main } from "./main.js";
import type { start } from "./start.js";

/** The commands the bundle holds. */
export const BUNDLED_COMMANDS: readonly string[] = ["run"];

/**
 * Whether bin/qfit.js starts this command line from the bundle: a bundled command, or none (`qfit`, `qfit
 * --help`, `qfit --version`, a misspelt command: the program's own help and usage errors).
 */
export function startsFromBundle(argv: readonly string[]): boolean {
  const wanted = commandNamed(argv);
  return wanted === undefined || BUNDLED_COMMANDS.includes(wanted.name);
}

/** The bundle, in dist/cli-bundle/ (this module is compiled to dist/cli/ and bundled into dist/cli-bundle/). */
export const BUNDLE_FILE = fileURLToPath(new URL("../cli-bundle/qfit.cjs", import.meta.url));
/** V8's code cache for the bundle: valid only for the Node version and V8 flags it was made with. */
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.v8-cache`;
/** The compiled program the other commands start from (tsc writes it on every build). */
export const COMPILED_START_FILE = fileURLToPath(new URL("../cli/start.js", import.meta.url));

/**
 * Whether the bundle was built after the compiled modules (`npm run build` makes both, the bundle last). After a
 * bare `tsc -p tsconfig.build.json` it is older, and bin/qfit.js starts from the compiled modules instead of
 * running stale code. (npm pack gives every file one date: equal is current.)
 */
export function bundleIsCurrent(bundle = BUNDLE_FILE, compiled = COMPILED_START_FILE): boolean {
  const built = statSync(bundle, { throwIfNoEntry: false });
  const compiledAt = statSync(compiled, { throwIfNoEntry: false });
  return built !== undefined && (compiledAt === undefined || built.mtimeMs >= compiledAt.mtimeMs);
}

/** What the bundle exports (src/cli/start.ts). */
export interface BundleExports {
  start: typeof start;
  main: typeof main;
  memoryIo: typeof memoryIo;
}

export interface LoadedBundle {
  exports: BundleExports;
  /** The compiled bundle: scripts/bundle-cli.mjs makes the code cache from it after a run. */
  script: Script;
  /** Whether V8 refused the code cache (another Node version or other V8 flags): then it compiled the source. */
  cacheRejected: boolean;
}

/**
 * Compile and run the bundle as a CommonJS module, with the code cache when there is one (`useCache`). The source
 * is ASCII (esbuild's charset), so it is read as latin1: no UTF-8 decoding. A refused cache costs only the
 * compile it would have saved.
 */
export function loadBundle(useCache = true): LoadedBundle {
  const source = readFileSync(BUNDLE_FILE, "latin1");
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(CODE_CACHE_FILE);
    } catch {
      cachedData = undefined; // no cache (a build without it): compile the source
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE_FILE,
    cachedData,
  });
  const module = { exports: {} as BundleExports };
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  body(module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, dirname(BUNDLE_FILE));
  return {
    exports: module.exports,
    script,
    cacheRejected: cachedData === undefined || script.cachedDataRejected === true,
  };
}
