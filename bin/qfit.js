#!/usr/bin/env node
// The published entry point: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install).
// CommonJS (bin/package.json), because Node starts an ES module entry more slowly. `qfit run` (with the program's
// own help and version) and `qfit report` start from a bundle with a V8 code cache (dist/cli-bundle/, see
// src/cli/bundle.ts); every other command from the compiled modules of dist/cli/ (as do all when the bundle is
// older than them).
const { bundleFor, bundleIsCurrent, loadBundle } = require("../dist/cli-bundle/load.cjs");

const argv = process.argv.slice(2);
const bundle = bundleFor(argv);
if (bundle && bundleIsCurrent(bundle.file)) loadBundle(true, bundle).exports.start(argv);
else import("../dist/cli/start.js").then(({ start }) => start(argv));
