// The executable's program, as bin/qfit.js starts it: install the process guards (exit.ts), run the command line,
// and leave the exit code for Node to use once output is flushed. The start-up bundle (bundle.ts) is built from
// this module, so it also exports what scripts/bundle-cli.mjs runs in-process to make the bundle's code cache.
import { installProcessGuards } from "./exit.js";
import { main } from "./main.js";

export { memoryIo } from "./io.js";
export { main };

export async function start(argv: string[]): Promise<void> {
  installProcessGuards(argv);
  process.exitCode = await main(argv);
}
