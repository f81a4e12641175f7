// `qfit serve`: the local dashboard and its JSON API on 127.0.0.1. The first line of standard output is the URL,
// so scripts (and the browser tests) can read it; the server runs until interrupted.
import { spawn } from "node:child_process";
import { Command } from "@commander-js/extra-typings";
import { userError } from "../errors.js";
import { isLoopbackHost, startServer } from "../server/server.js";
import type { Io } from "./io.js";
import { parseIntegerOption } from "./options.js";

function openBrowser(url: string): void {
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(cmd, [url], { detached: true, stdio: "ignore" });
  child.on("error", () => {}); // no browser opener installed: the URL is printed anyway
  child.unref();
}

export function serveCommand(io: Io) {
  return new Command("serve")
    .description("start the local dashboard and JSON API (http://127.0.0.1:PORT/, printed on the first line)")
    .option("--port <n>", "port to listen on; 0 picks a free one", "0")
    .option(
      "--host <addr>",
      "address to bind (only loopback is safe: the API has no authentication; others need --allow-remote)",
      "127.0.0.1",
    )
    .option("--allow-remote", "allow --host to name an address other machines can reach (no authentication!)")
    .option(
      "--idle-timeout <seconds>",
      "drop connections that send no request (or no headers) for this long",
      "10",
    )
    .option("--open", "open the dashboard in the default browser")
    .option("--max-qubits <n>", "widest circuit /api/simulate runs", "24")
    .option("--timeout <seconds>", "longest a simulation request may run", "20")
    .option(
      "--max-queued <n>",
      "simulations that may wait for a free worker; more are refused with 503 (0: never queue)",
      "64",
    )
    .action(async (opts) => {
      const port = parseIntegerOption("--port", opts.port, 0, 65535);
      const maxQubits = parseIntegerOption("--max-qubits", opts.maxQubits, 1, 30);
      const timeoutMs = parseIntegerOption("--timeout", opts.timeout, 1, 3600) * 1000;
      const idleTimeoutMs = parseIntegerOption("--idle-timeout", opts.idleTimeout, 1, 3600) * 1000;
      const maxQueuedSimulations = parseIntegerOption("--max-queued", opts.maxQueued, 0, 10_000);
      const remote = !isLoopbackHost(opts.host);
      if (remote && !opts.allowRemote) {
        throw userError(
          "Serve.RemoteNotAllowed",
          `--host ${opts.host} is not a loopback address: anyone who can reach it could use the server`,
          {
            field: "--host",
            hint: "the server has no authentication; add --allow-remote if you really mean it (see SECURITY.md)",
          },
        );
      }
      const s = await startServer({
        host: opts.host,
        port,
        maxQubits,
        timeoutMs,
        idleTimeoutMs,
        maxQueuedSimulations,
        allowRemote: remote,
      });
      io.stdout(`${s.url}\n`);
      if (remote) {
        io.stderr(
          `warning: listening on ${opts.host}: anyone who can reach it can use the dashboard and run ` +
            "simulations (no authentication; see SECURITY.md)\n",
        );
      }
      if (opts.open) openBrowser(s.url);
      const stop = () => void s.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
