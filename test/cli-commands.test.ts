// The command table (src/cli/commands.ts): the top-level help is built from it without loading any command, so
// it must agree with the commands themselves; and a command loads only what it needs (issue 14 §4 start-up): the
// bundled ones start from dist/cli-bundle/ (src/cli/bundle.ts), the others from dist/cli/.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, Help } from "@commander-js/extra-typings";
import { describe, expect, it } from "vitest";
import { COMMANDS, commandNamed } from "../src/cli/commands.js";
import { reflow } from "../src/cli/help.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("command table", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    "%s: its term and summary are the command's",
    async (_, entry) => {
      const program = new Command();
      (await entry.load())(program, memoryIo());
      const cmd = program.commands.find((c) => c.name() === entry.name);
      expect(cmd, `${entry.name} registers a command of that name`).toBeDefined();
      expect(new Help().subcommandTerm(cmd as never)).toBe(entry.term);
      expect(reflow(cmd?.description() ?? "").replace(/\s+/g, " ")).toContain(entry.summary);
    },
  );

  it("names each command once", () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it("finds the command after program options, and behind `help`", () => {
    expect(commandNamed(["--wide", "run", "x.qasm"])?.name).toBe("run");
    expect(commandNamed(["help", "report"])?.name).toBe("report");
    expect(commandNamed(["--help"])).toBeUndefined();
    expect(commandNamed(["nosuch"])).toBeUndefined();
  });

  it("qfit --help lists every command with its arguments", async () => {
    const io = memoryIo();
    expect(await main(["--help"], io)).toBe(0);
    for (const c of COMMANDS) expect(io.out).toContain(c.term);
  });

  it("qfit help run and qfit run --help show run's own options", async () => {
    for (const argv of [
      ["help", "run"],
      ["run", "--help"],
    ]) {
      const io = memoryIo();
      expect(await main(argv, io)).toBe(0);
      expect(io.out).toContain("--shots <n>");
    }
  });

  it("a misspelt command is a usage error with a suggestion", async () => {
    const io = memoryIo();
    expect(await main(["rn", "x.qasm"], io)).toBe(2);
    expect(io.err).toMatch(/unknown command 'rn'[\s\S]*run/);
  });
});

describe("start-up loads only what the command needs (the built CLI)", () => {
  const loaded = (args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ["--import", "./test/helpers/loaded-modules.mjs", "bin/qfit.js", ...args],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    return r.stderr
      .split("\n")
      .filter((l) => l.startsWith("loaded: "))
      .map((l) => l.slice("loaded: ".length));
  };
  /** The source modules and packages a bundle holds (esbuild's metafile, scripts/bundle-cli.mjs). */
  const bundled = (metaFile = "meta.json") => {
    const meta = JSON.parse(readFileSync(join(ROOT, "dist/cli-bundle", metaFile), "utf8")) as {
      inputs: Record<string, unknown>;
    };
    return Object.keys(meta.inputs);
  };

  it("qfit run bell.qasm starts from the bundle: no compiled module, no package, no child_process or worker_threads", () => {
    const urls = loaded(["run", "examples/bell.qasm", "--seed", "1"]);
    expect(urls.some((u) => u.endsWith("/dist/cli-bundle/load.cjs"))).toBe(true);
    const unwanted = urls.filter((u) =>
      /\/node_modules\/|\/dist\/(?!cli-bundle\/load\.cjs$)|^node:(child_process|worker_threads)$/.test(u),
    );
    expect(unwanted).toEqual([]);
  });

  it("the bundle holds no other command, no zod, no catalog renderer, workload, server or estimator", () => {
    const inputs = bundled();
    expect(inputs).toContain("src/cli/run.ts");
    const unwanted = inputs.filter((i) =>
      /^node_modules\/(?!commander\/|@commander-js\/extra-typings\/|picocolors\/)|^src\/(workloads|report\/(?!terminal)|server|api|sweep|verdict|qml)\/|^src\/cli\/(?!run\.ts|run-device|device-arg|engine-options|options|io|main|help|commands|exit|start)/.test(
        i,
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it("qfit --help starts from the bundle and loads no command module", () => {
    const urls = loaded(["--help"]);
    expect(urls.some((u) => u.endsWith("/dist/cli-bundle/load.cjs"))).toBe(true);
    expect(urls.filter((u) => /\/dist\/(?!cli-bundle\/load\.cjs$)/.test(u))).toEqual([]);
  });

  it("the other commands start from the compiled modules in dist/cli/", () => {
    const urls = loaded(["devices"]);
    expect(urls.some((u) => u.endsWith("/dist/cli/start.js"))).toBe(true);
    expect(urls.some((u) => u.endsWith("/dist/cli/devices.js"))).toBe(true);
  });

  it("qfit report starts from the report bundle, its worker thread too: no compiled module, no package", () => {
    const urls = loaded(["report", "--no-html", "--samples", "200", "--threads", "2"]);
    expect(urls.some((u) => u.endsWith("/dist/cli-bundle/load.cjs"))).toBe(true);
    // The worker's module (written by the build next to the bundle): a worker thread did start from it.
    expect(urls.some((u) => u.endsWith("/dist/cli-bundle/threads-worker.js"))).toBe(true);
    const unwanted = urls.filter((u) =>
      /\/node_modules\/|\/dist\/(?!cli-bundle\/(load\.cjs|threads-worker\.js)$)/.test(u),
    );
    expect(unwanted).toEqual([]);
  });

  it("the report bundle holds report, its packages and workloads, and no other command, server or sweep", () => {
    const inputs = bundled("meta-report.json");
    for (const m of ["src/cli/report.ts", "src/report/report-worker.ts", "src/workloads/registry.ts"])
      expect(inputs).toContain(m);
    expect(inputs.some((i) => i.startsWith("node_modules/zod/"))).toBe(true);
    const unwanted = inputs.filter((i) =>
      /^src\/(server|sweep)\/|^src\/cli\/(run|serve|sweep|estimate|devices|draw)[.-]/.test(i),
    );
    expect(unwanted).toEqual([]);
  });

  it.each([
    ["start", "START_BUNDLE"],
    ["report", "REPORT_BUNDLE"],
  ])("V8 accepts the %s bundle's code cache made at build time (else every start compiles it)", (_, name) => {
    const r = spawnSync(
      process.execPath,
      [
        "-e",
        `const l = require("./dist/cli-bundle/load.cjs"); process.stdout.write(String(l.loadBundle(true, l.${name}).cacheRejected))`,
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("false");
  });
});
