// `npm run build` step after tsc: the bundles of src/cli/bundle.ts. esbuild puts `qfit run` (and the program's
// help and version) with the packages they load into one CommonJS file, dist/cli-bundle/qfit.cjs; `qfit report`
// with everything it loads (every package included) into dist/cli-bundle/report.cjs (entry src/cli/report-bundle.ts,
// which also holds what the report's worker threads run; dist/cli-bundle/threads-worker.js starts a worker from
// it); and bundle.ts itself into dist/cli-bundle/load.cjs, which bin/qfit.js requires. Then, for each bundle, a
// fresh Node process loads it, runs its command lines in-process (CODE_CACHE_RUNS), and writes V8's code cache of
// every function that ran: a process started from the bundle then neither parses nor compiles them. Measured by
// `npm run bench:startup` (bench/startup.ts) and `npm run bench:report`. esbuild is pinned in devDependencies;
// nothing is downloaded.
//
// The commands a bundle does not hold are left out: bin/qfit.js starts them from dist/cli/. For the start bundle,
// packages other than the ones `qfit run` loads at start-up stay require()s resolved from node_modules at run
// time, and Node built-ins that `qfit run` rarely needs are required on first use (lazyBuiltins).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const outdir = `${root}dist/cli-bundle`;
const LOADER = `${outdir}/load.cjs`;

/** What each bundle's cache-making process runs in-process: its commands' usual command lines. The report runs on
 *  one thread, so that every task's functions run here and are cached (a worker loads the same bundle). */
const CODE_CACHE_RUNS = {
  start: [["run", "examples/bell.qasm"], ["run", "examples/bell.qasm", "--json"], ["--help"]],
  report: [
    ["report", "--no-html", "--threads", "1"],
    ["report", "--no-html", "--no-uncertainty", "--json"],
    ["report", "--help"],
  ],
};

if (process.argv[2] === "--code-cache") {
  // In a fresh process with Node's default flags and the bundle's own (loadBundle sets them), as bin/qfit.js
  // runs. The kernels turn on relaxed SIMD with v8.setFlagsFromString, which changes V8's flag hash and so would
  // make the cache unusable at start-up: here that flag stays off (the plain SIMD build of the kernels runs,
  // through the same JavaScript).
  const v8 = await import("node:v8");
  const setFlags = v8.default.setFlagsFromString;
  v8.default.setFlagsFromString = (flag) => {
    if (!flag.includes("relaxed-simd")) setFlags(flag);
  };
  const { loadBundle, BUNDLES } = createRequire(import.meta.url)(LOADER);
  const bundle = BUNDLES.find((b) => b.name === process.argv[3]);
  const { exports: qfit, script } = loadBundle(false, bundle);
  const bell = "examples/bell.qasm";
  for (const argv of CODE_CACHE_RUNS[bundle.name]) {
    const io = qfit.memoryIo({ [bell]: readFileSync(`${root}${bell}`, "utf8") });
    const code = await qfit.main(argv, io);
    if (code !== 0)
      throw new Error(`qfit ${argv.join(" ")} exited with ${code} while making the code cache: ${io.err}`);
  }
  writeFileSync(bundle.codeCacheFile, script.createCachedData());
  process.exit(0);
}

const { build, formatMessages } = await import("esbuild");
const { START_BUNDLE, REPORT_BUNDLE } = await import(`${root}dist/cli/bundle.js`);
/** Packages the start bundle holds: the ones `qfit run` loads at start-up. The report bundle holds every one. */
const START_PACKAGES = /^(commander|@commander-js\/extra-typings|picocolors)(\/|$)/;
const ALL_PACKAGES = /./;

/**
 * Built-ins that a start-up rarely uses (child_process: commander's executable subcommands; worker_threads: a
 * thread pool, for states of 2^15 amplitudes and more) cost milliseconds each to load: here each is a module of
 * getters, one per export name (listed now, from this Node), that loads the built-in when one is first read.
 * Getters rather than a Proxy: esbuild's interop copies an imported CommonJS module's own property names (as
 * getters again), which a Proxy without keys would leave empty.
 */
const LAZY_BUILTINS = ["node:child_process", "node:worker_threads"];
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.join("|")})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === "lazy-builtin"
        ? { path: args.path, external: true }
        : { path: args.path, namespace: "lazy-builtin" },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, async (args) => {
      const names = Object.keys(await import(args.path)).filter((k) => k !== "default");
      return {
        contents: `let m;
const load = () => (m ??= require(${JSON.stringify(args.path)}));
for (const key of ${JSON.stringify(names)})
  Object.defineProperty(module.exports, key, { get: () => load()[key], enumerable: true });`,
        loader: "js",
      };
    });
  },
};

/** Leave out the command modules commands.ts imports on demand, except `bundled`, and the packages `packages`
 *  does not match. */
const startUpOnly = (bundled, packages) => ({
  name: "start-up-only",
  setup(b) {
    // Never loaded from the bundle (bin/qfit.js starts these commands from dist/cli/); were one, the compiled
    // module would answer.
    b.onResolve({ filter: /^\.\/.*\.js$/ }, (args) => {
      if (args.kind !== "dynamic-import" || !args.importer.endsWith("/src/cli/commands.ts")) return undefined;
      if (bundled.includes(basename(args.path, ".js"))) return undefined;
      return { path: `../cli/${basename(args.path)}`, external: true };
    });
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      packages.test(args.path) || args.path.startsWith("node:")
        ? undefined
        : { path: args.path, external: true },
    );
  },
});

const common = {
  absWorkingDir: root,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // ASCII only (other characters escaped): bundle.ts reads the bundle as latin1, without UTF-8 decoding.
  charset: "ascii",
  legalComments: "none",
  logLevel: "silent",
};

/** Build, and stop on a warning (import.meta in a module of the start-up path, say: a bug in the bundle). */
async function bundle(options) {
  const result = await build({ ...common, ...options });
  if (result.warnings.length > 0) {
    console.error((await formatMessages(result.warnings, { kind: "warning" })).join("\n"));
    process.exit(1);
  }
  return result;
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
/** The define and banner that give a bundled module its own file's URL as import.meta.url. */
const ownUrl = {
  define: { "import.meta.url": "__qfitModuleUrl" },
  banner: { js: 'const __qfitModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
};

const { metafile } = await bundle({
  entryPoints: ["src/cli/start.ts"],
  outfile: START_BUNDLE.file,
  plugins: [lazyBuiltins, startUpOnly(START_BUNDLE.commands, START_PACKAGES)],
  metafile: true,
});
// Which source modules the bundles hold: test/cli-commands.test.ts checks them.
writeFileSync(`${outdir}/meta.json`, JSON.stringify(metafile));
// The report bundle. Its import.meta.url is the bundle's, so the report's worker URL (src/report/thread-pool.ts,
// "./threads-worker.js") names the worker module written below, next to it.
const report = await bundle({
  entryPoints: ["src/cli/report-bundle.ts"],
  outfile: REPORT_BUNDLE.file,
  plugins: [startUpOnly([...REPORT_BUNDLE.commands, "report-early"], ALL_PACKAGES)],
  metafile: true,
  ...ownUrl,
});
writeFileSync(`${outdir}/meta-report.json`, JSON.stringify(report.metafile));
writeFileSync(
  `${outdir}/threads-worker.js`,
  `// Written by scripts/bundle-cli.mjs: a report worker thread started from the report bundle loads the bundle
// (with its code cache) and serves the report's tasks from it (src/cli/report-bundle.ts).
import { createRequire } from "node:module";
const { loadBundle, REPORT_BUNDLE } = createRequire(import.meta.url)("./load.cjs");
loadBundle(true, REPORT_BUNDLE).exports.serveReportTasks();
`,
);
// The loader: bundle.ts and the command table (every command's module stays out: it only reads their names).
await bundle({
  entryPoints: ["src/cli/bundle.ts"],
  outfile: LOADER,
  plugins: [startUpOnly([], START_PACKAGES)],
  ...ownUrl,
});

for (const name of Object.keys(CODE_CACHE_RUNS)) {
  const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--code-cache", name], {
    cwd: root,
    stdio: "inherit",
  });
  if (made.status !== 0) process.exit(made.status ?? 1);
}
