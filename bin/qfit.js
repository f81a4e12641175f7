#!/usr/bin/env node
// The published entry point: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install).
// `qfit run`, and the program's own help and version, start from one bundle with a V8 code cache
// (dist/cli-bundle/, see src/cli/bundle.ts); every other command from the compiled modules of dist/cli/.
import { loadBundle, startsFromBundle } from "../dist/cli/bundle.js";

const argv = process.argv.slice(2);
if (startsFromBundle(argv)) loadBundle().exports.start(argv);
else import("../dist/cli/start.js").then(({ start }) => start(argv));
