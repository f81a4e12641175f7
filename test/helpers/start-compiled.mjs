// `node test/helpers/start-compiled.mjs ARGS`: the CLI from its compiled modules (dist/cli/start.js), as
// bin/qfit.js started every command before the start-up bundle; test/cli-bundle.test.ts compares the two.
import { start } from "../../dist/cli/start.js";

start(process.argv.slice(2));
