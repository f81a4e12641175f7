#!/usr/bin/env node
// The published entry point: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install).
import { installProcessGuards } from "../dist/cli/exit.js";
import { main } from "../dist/cli/main.js";

const argv = process.argv.slice(2);
installProcessGuards(argv);
main(argv).then((code) => {
  process.exitCode = code;
});
