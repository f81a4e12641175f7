// `npm run build` step after tsc: the start-up bundle of src/cli/bundle.ts. esbuild puts `qfit run` (and the
// program's help and version) with the packages they load into one CommonJS file, dist/cli-bundle/qfit.cjs;
// then a fresh Node process loads it, runs `qfit run examples/bell.qasm` (text and JSON) and `qfit --help`
// in-process, and writes V8's code cache of every function that ran: at start-up V8 then neither parses nor
// compiles them. Measured by `npm run bench:startup` (bench/startup.ts). esbuild is pinned in devDependencies.
//
// The commands outside BUNDLED_COMMANDS are left out: bin/qfit.js starts them from dist/cli/. Packages other than
// the ones `qfit run` loads at start-up stay require()s resolved from node_modules at run time.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const bundleModule = `${root}dist/cli/bundle.js`;

if (process.argv[2] === "--code-cache") {
  // In a fresh process with Node's default flags, as bin/qfit.js runs. The kernels turn on relaxed SIMD with
  // v8.setFlagsFromString, which changes V8's flag hash and so would make the cache unusable at start-up: here
  // the flag stays off (the plain SIMD build of the kernels runs, through the same JavaScript).
  const v8 = await import("node:v8");
  v8.default.setFlagsFromString = () => {};
  const { loadBundle, CODE_CACHE_FILE } = await import(bundleModule);
  const { exports: qfit, script } = loadBundle(false);
  const bell = "examples/bell.qasm";
  for (const argv of [["run", bell], ["run", bell, "--json"], ["--help"]]) {
    const io = qfit.memoryIo({ [bell]: readFileSync(`${root}${bell}`, "utf8") });
    const code = await qfit.main(argv, io);
    if (code !== 0) throw new Error(`qfit ${argv.join(" ")} exited with ${code} while making the code cache: ${io.err}`);
  }
  writeFileSync(CODE_CACHE_FILE, script.createCachedData());
  process.exit(0);
}

const { build } = await import("esbuild");
const { BUNDLE_FILE, BUNDLED_COMMANDS } = await import(bundleModule);
const outdir = `${root}dist/cli-bundle`;
/** Packages bundled: the ones `qfit run` loads at start-up. */
const BUNDLED_PACKAGES = /^(commander|@commander-js\/extra-typings|picocolors)(\/|$)/;

const startUpOnly = {
  name: "start-up-only",
  setup(b) {
    // The command modules commands.ts imports on demand, except the bundled commands'. Never loaded from the
    // bundle (bin/qfit.js starts these commands from dist/cli/); were one, the compiled module would answer.
    b.onResolve({ filter: /^\.\/.*\.js$/ }, (args) => {
      if (args.kind !== "dynamic-import" || !args.importer.endsWith("/src/cli/commands.ts")) return undefined;
      if (BUNDLED_COMMANDS.includes(basename(args.path, ".js"))) return undefined;
      return { path: `../cli/${basename(args.path)}`, external: true };
    });
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED_PACKAGES.test(args.path) || args.path.startsWith("node:")
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/start.ts"],
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  outfile: BUNDLE_FILE,
  // ASCII only (other characters escaped): bundle.ts reads it as latin1, without UTF-8 decoding.
  charset: "ascii",
  plugins: [startUpOnly],
  metafile: true,
  legalComments: "none",
  logLevel: "silent",
});
// A warning (import.meta in a module of the start-up path, say) would be a bug in the bundle: stop the build.
if (result.warnings.length > 0) {
  const { formatMessages } = await import("esbuild");
  console.error((await formatMessages(result.warnings, { kind: "warning" })).join("\n"));
  process.exit(1);
}
// Which source modules the bundle holds: test/cli-bundle.test.ts checks it.
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));

const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--code-cache"], {
  cwd: root,
  stdio: "inherit",
});
if (made.status !== 0) process.exit(made.status ?? 1);
