// The one place that knows which commands exist: each command lives in its own file and registers itself here.
import type { Command } from "@commander-js/extra-typings";
import type { Io } from "./io.js";

export function registerCommands(program: Command, io: Io): void {
  void program;
  void io;
}
