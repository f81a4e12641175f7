#!/usr/bin/env node
// The published entry point: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install).
// CommonJS (bin/package.json), because Node starts an ES module entry more slowly. `qfit run`, and the program's
// own help and version, start from one bundle with a V8 code cache (dist/cli-bundle/, see src/cli/bundle.ts);
// every other command from the compiled modules of dist/cli/ (as do all when the bundle is older than them).
const { bundleIsCurrent, loadBundle, startsFromBundle } = require("../dist/cli-bundle/load.cjs");

const argv = process.argv.slice(2);
if (startsFromBundle(argv) && bundleIsCurrent()) loadBundle().exports.start(argv);
else import("../dist/cli/start.js").then(({ start }) => start(argv));
