// `qfit report [scenario.yaml]`: the main job. Evaluates the built-in scenario set (or a user's scenario file),
// prints the verdict table, and writes one self-contained HTML report with SVG plots.
import { Command } from "@commander-js/extra-typings";
import { renderHtml } from "../report/html.js";
import { renderMarkdown } from "../report/markdown.js";
import { DEFAULT_SCENARIO, parseScenario } from "../report/scenario.js";
import { renderText } from "../report/text.js";
import { buildReportOnThreads } from "../report/threads-node.js";
import type { Range } from "../stats/distribution.js";
import type { Io } from "./io.js";
import { parseIntegerOption, parseYear } from "./options.js";
import { addUncertaintyOptions } from "./uncertainty-options.js";

export const DEFAULT_HTML = "qfit-report.html";
/** A bound on --threads (a report never uses more threads than it has tasks: the built-in one has 17). */
const MAX_REPORT_THREADS = 64;

export function reportCommand(io: Io) {
  const cmd = new Command("report")
    .description(
      "judge a set of workloads (default: LLM training at three sizes and six quantum-native problems)\n" +
        `on classical machines vs quantum processors; prints a verdict table and writes ${DEFAULT_HTML}`,
    )
    .argument("[scenario]", "a YAML scenario file (schema in the README); - reads standard input")
    .option("--json", "print the whole report as JSON (no HTML written unless --html is given)")
    .option("--markdown", "print the report as Markdown (no HTML written unless --html is given)")
    .option("--html <file>", `where to write the HTML report (default ${DEFAULT_HTML})`)
    .option("--no-html", "do not write the HTML report")
    .option(
      "--threads <n>",
      "threads sharing the workloads' evaluation (default: the cores available; 1: this thread only)",
    )
    .option(
      "--t0 <year>",
      "reference year for qubit availability and years of advantage (default: the scenario's, else this year)",
    );
  // --samples, --seed, --no-uncertainty, --range: the options every estimate takes (added to cmd in place).
  addUncertaintyOptions(cmd as unknown as Command);
  return cmd.action(async (file, o) => {
    const opts = o as typeof o & {
      samples?: number;
      seed?: number;
      uncertainty?: boolean;
      range?: Array<[string, Range]>;
    };
    const parsed =
      file === undefined
        ? DEFAULT_SCENARIO
        : parseScenario(io.readText(file), file === "-" ? "<stdin>" : file);
    // Uncertainty flags win over the scenario's settings; --range adds to its ranges.
    const scenario = {
      ...parsed,
      samples: opts.samples ?? parsed.samples,
      seed: opts.seed ?? parsed.seed,
      uncertainty: opts.uncertainty === false ? false : parsed.uncertainty,
      ranges: { ...parsed.ranges, ...Object.fromEntries(opts.range ?? []) },
    };
    const t0 = opts.t0 === undefined ? scenario.t0 : parseYear("--t0")(opts.t0);
    // Built giving way between workloads, so Ctrl-C stops it at once (exit.ts); nothing is written before the
    // build ends, and a file is written whole (temporary file, then rename), so a stop leaves nothing behind.
    const threads =
      opts.threads === undefined
        ? undefined
        : parseIntegerOption("--threads", opts.threads, 1, MAX_REPORT_THREADS);
    const report = await buildReportOnThreads({ ...scenario, t0 }, { threads });
    const machine = Boolean(opts.json || opts.markdown);
    // --html FILE always writes; the default file is written only for the human-readable run.
    const htmlPath =
      typeof opts.html === "string" ? opts.html : opts.html === false || machine ? null : DEFAULT_HTML;
    if (htmlPath !== null) io.writeText(htmlPath, renderHtml(report));
    if (opts.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (opts.markdown) io.stdout(renderMarkdown(report));
    else {
      io.stdout(renderText(report, io.color, io.columns));
      if (htmlPath !== null) io.stdout(`\nwrote ${htmlPath}\n`);
    }
  });
}
