import { Command } from "@commander-js/extra-typings";
import type { Io } from "./io.js";
export function reportCommand(io: Io) {
  return new Command("report").action(() => io.stdout("todo\n"));
}
