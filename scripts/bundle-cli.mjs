// `npm run build` step after tsc: the start-up bundle of src/cli/bundle.ts. esbuild puts `qfit run` (and the
// program's help and version) with the packages they load into one CommonJS file, dist/cli-bundle/qfit.cjs, and
// bundle.ts itself into dist/cli-bundle/load.cjs, which bin/qfit.js requires; then a fresh Node process loads the
// bundle, runs `qfit run examples/bell.qasm` (text and JSON) and `qfit --help` in-process, and writes V8's code
// cache of every function that ran: at start-up V8 then neither parses nor compiles them. Measured by
// `npm run bench:startup` (bench/startup.ts). esbuild is pinned in devDependencies; nothing is downloaded.
//
// The commands outside BUNDLED_COMMANDS are left out: bin/qfit.js starts them from dist/cli/. Packages other than
// the ones `qfit run` loads at start-up stay require()s resolved from node_modules at run time. Node built-ins that
// `qfit run` rarely needs are required on first use (lazyBuiltins).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const outdir = `${root}dist/cli-bundle`;
const LOADER = `${outdir}/load.cjs`;

if (process.argv[2] === "--code-cache") {
  // In a fresh process with Node's default flags, as bin/qfit.js runs. The kernels turn on relaxed SIMD with
  // v8.setFlagsFromString, which changes V8's flag hash and so would make the cache unusable at start-up: here
  // the flag stays off (the plain SIMD build of the kernels runs, through the same JavaScript).
  const v8 = await import("node:v8");
  v8.default.setFlagsFromString = () => {};
  const { loadBundle, CODE_CACHE_FILE } = createRequire(import.meta.url)(LOADER);
  const { exports: qfit, script } = loadBundle(false);
  const bell = "examples/bell.qasm";
  for (const argv of [["run", bell], ["run", bell, "--json"], ["--help"]]) {
    const io = qfit.memoryIo({ [bell]: readFileSync(`${root}${bell}`, "utf8") });
    const code = await qfit.main(argv, io);
    if (code !== 0)
      throw new Error(`qfit ${argv.join(" ")} exited with ${code} while making the code cache: ${io.err}`);
  }
  writeFileSync(CODE_CACHE_FILE, script.createCachedData());
  process.exit(0);
}

const { build, formatMessages } = await import("esbuild");
const { BUNDLE_FILE, BUNDLED_COMMANDS } = await import(`${root}dist/cli/bundle.js`);
/** Packages bundled: the ones `qfit run` loads at start-up. */
const BUNDLED_PACKAGES = /^(commander|@commander-js\/extra-typings|picocolors)(\/|$)/;

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

/** Leave out the command modules commands.ts imports on demand, except `bundled`, and most packages. */
const startUpOnly = (bundled) => ({
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
      BUNDLED_PACKAGES.test(args.path) || args.path.startsWith("node:")
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
const { metafile } = await bundle({
  entryPoints: ["src/cli/start.ts"],
  outfile: BUNDLE_FILE,
  plugins: [lazyBuiltins, startUpOnly(BUNDLED_COMMANDS)],
  metafile: true,
});
// Which source modules the bundle holds: test/cli-commands.test.ts checks it.
writeFileSync(`${outdir}/meta.json`, JSON.stringify(metafile));
// The loader: bundle.ts and the command table (every command's module stays out: it only reads their names).
await bundle({
  entryPoints: ["src/cli/bundle.ts"],
  outfile: LOADER,
  plugins: [startUpOnly([])],
  define: { "import.meta.url": "__qfitModuleUrl" },
  banner: { js: 'const __qfitModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--code-cache"], {
  cwd: root,
  stdio: "inherit",
});
if (made.status !== 0) process.exit(made.status ?? 1);
