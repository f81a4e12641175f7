// `qfit sweep SPEC.yaml` and `qfit worker --queue URL`: read and expand a sweep file, run its jobs on the local
// pool or a BullMQ queue, and write the results (JSON Lines sorted by id), a summary table and an HTML page.
// Everything that can be refused (the file, its circuits, the job count, the queue) is checked before anything
// is written; an interrupted sweep writes what finished and says how to resume.
import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import { dirname, relative, resolve } from "node:path";
import { Command } from "@commander-js/extra-typings";
import { SingleBar } from "cli-progress";
import { globSync } from "tinyglobby";
import { isQfitError, userError } from "../errors.js";
import { renderSweepHtml, renderSweepText } from "../report/sweep.js";
import { checkScenarioRanges } from "../report/sweep-scenario.js";
import type { Backend } from "../sweep/backend.js";
import { expandSweep, type ResolvedCircuitFile } from "../sweep/expand.js";
import type { JobRecord } from "../sweep/jobs.js";
import { summarise } from "../sweep/merge.js";
import { localPool } from "../sweep/pool-node.js";
import { DEFAULT_QUEUE_NAME, parseQueueUrl, queueBackend, runWorker } from "../sweep/queue-bullmq.js";
import { parseResults, toJsonl } from "../sweep/results.js";
import { parseSweep, type SweepSpec } from "../sweep/spec.js";
import { counted } from "../units/format.js";
import { VERSION } from "../version.js";
import type { Io } from "./io.js";
import { parseByteSize, parseIntegerOption } from "./options.js";

/** The pool's worker module: the sweep core's runners plus scenario samples (report layer). */
const WORKER_MODULE = new URL("./sweep-pool-worker", import.meta.url);

/** A sweep with more jobs than this runs only with --yes. */
export const DEFAULT_MAX_JOBS = 1000;
/** Circuit files one sweep may read (globs included). */
const MAX_CIRCUIT_FILES = 10_000;

function circuitFiles(io: Io, specFile: string, spec: SweepSpec) {
  const dir = dirname(resolve(specFile));
  let read = 0;
  const load = (path: string): ResolvedCircuitFile => {
    if (++read > MAX_CIRCUIT_FILES)
      throw userError(
        "Sweep.Spec.TooManyFiles",
        `the sweep reads more than ${MAX_CIRCUIT_FILES} circuit files`,
        {
          field: "runs",
        },
      );
    return { name: relative(dir, path) || path, text: io.readText(path) };
  };
  return (block: number, source: number): ResolvedCircuitFile[] => {
    const b = spec.runs[block];
    if (b.kind === "scenario") return [load(resolve(dir, b.file))];
    if (b.kind !== "circuit") return [];
    const src = b.circuits[source];
    if ("file" in src) return [load(resolve(dir, src.file))];
    if ("glob" in src)
      return globSync(src.glob, { cwd: dir, onlyFiles: true, absolute: true }).sort().map(load);
    return [];
  };
}

/** Threads (default: one per core) and the memory each job may use: --max-memory (default: free) split between them. */
function threadsAndMemory(io: Io, flag: string, count: string | undefined, maxMemory: string | undefined) {
  const threads = count === undefined ? availableParallelism() : parseIntegerOption(flag, count, 1, 1024);
  const memory = maxMemory === undefined ? io.freeMemoryBytes() : parseByteSize("--max-memory", maxMemory);
  return { threads, memoryPerJob: Math.floor(memory / threads) };
}

function readPrevious(io: Io, out: string): Map<string, JobRecord> {
  let text: string;
  try {
    text = io.readText(out);
  } catch (e) {
    if (isQfitError(e) && e.code === "IO.ReadFailed") return new Map();
    throw e;
  }
  return parseResults(text, out, VERSION);
}

function progressBar(io: Io, total: number, label: string): { update(done: number): void; stop(): void } {
  if (!io.isTty || !process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `sweep [{bar}] {percentage}% | {value}/{total} jobs | ETA {eta_formatted} | ${label}`,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  bar.start(total, 0);
  return { update: (d) => bar.update(d), stop: () => bar.stop() };
}

/** An AbortSignal raised by Ctrl-C (SIGINT) or SIGTERM; `dispose` removes the handlers. */
function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  setMaxListeners(0, ac.signal); // every running job listens for it
  const onSignal = () => ac.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return {
    signal: ac.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

export function sweepCommand(io: Io) {
  return new Command("sweep")
    .description(
      "run a sweep file (circuits × devices × noise × shots × seeds, or training runs) on local workers or a Redis queue",
    )
    .argument("<spec>", "sweep file (YAML or JSON), see examples/sweeps/")
    .option("-o, --out <file>", "results, JSON Lines sorted by job id (default: SPEC with .jsonl)")
    .option("--html <file>", "HTML page with the summary and plots (default: the results file with .html)")
    .option("--workers <n>", "local worker threads (default: one per core)")
    .option(
      "--queue <url>",
      "run on a BullMQ queue at redis://HOST:PORT instead (start `qfit worker`s on it)",
    )
    .option("--queue-name <name>", "queue name", DEFAULT_QUEUE_NAME)
    .option("--resume", "reuse the finished jobs in the results file; run only the rest")
    .option("--yes", "run even when the sweep has more jobs than --max-jobs")
    .option("--max-jobs <n>", "refuse larger sweeps without --yes", String(DEFAULT_MAX_JOBS))
    .option(
      "--max-memory <size>",
      "memory all local workers together may use, e.g. 8GiB (default: free memory)",
    )
    .option(
      "--checkpoint <ms>",
      "save finished results every MS milliseconds while running (a killed submitter keeps its work)",
      "10000",
    )
    .option("--json", "print the summary as JSON")
    .action(async (specFile, opts) => {
      const checkpointMs = parseIntegerOption("--checkpoint", opts.checkpoint, 100, 3_600_000);
      const { threads: workers, memoryPerJob } = threadsAndMemory(
        io,
        "--workers",
        opts.workers,
        opts.maxMemory,
      );
      const maxJobs = parseIntegerOption("--max-jobs", opts.maxJobs, 1, 1e9);
      const target = opts.queue === undefined ? undefined : parseQueueUrl(opts.queue);
      const out = opts.out ?? `${specFile.replace(/\.(ya?ml|json)$/i, "")}.jsonl`;
      const html = opts.html ?? `${out.replace(/\.jsonl?$/i, "")}.html`;

      const parsed = parseSweep(io.readText(specFile), specFile);
      const spec = parsed.value;
      const files = circuitFiles(io, specFile, spec);
      const { jobs, payloads } = await expandSweep(spec, { version: VERSION, files, at: parsed.at });
      // A scenario and its ranges are checked here, before any job runs.
      spec.runs.forEach((b, i) => {
        if (b.kind !== "scenario") return;
        const [f] = files(i, 0);
        try {
          checkScenarioRanges(f.text, relative(process.cwd(), resolve(dirname(specFile), b.file)), b.ranges);
        } catch (e) {
          // A bad range is the sweep file's fault: point at it there.
          if (isQfitError(e) && e.code.startsWith("Sweep.Scenario.Bad") && e.details.field)
            throw userError(e.code, e.message, {
              position: parsed.at(["runs", i, "ranges", e.details.field], true),
            });
          throw e;
        }
      });
      if (jobs.length > maxJobs && !opts.yes)
        throw userError(
          "Sweep.TooManyJobs",
          `the sweep expands to ${jobs.length} jobs, more than --max-jobs ${maxJobs}`,
          { field: specFile, hint: "add --yes to run them all, or raise --max-jobs" },
        );
      const wanted = new Set(jobs.map((j) => j.id));
      const records = new Map<string, JobRecord>();
      if (opts.resume) for (const [id, r] of readPrevious(io, out)) if (wanted.has(id)) records.set(id, r);
      const todo = jobs.filter((j) => !records.has(j.id));

      const backend: Backend = target
        ? await queueBackend({ target, name: opts.queueName, version: VERSION })
        : localPool({ workers, maxMemoryBytes: memoryPerJob, workerModule: WORKER_MODULE });
      const reused = records.size;
      io.stderr(
        `${spec.name}: ${jobs.length} jobs${reused ? ` (${reused} already done)` : ""} on ${backend.label}\n`,
      );
      const inputs = new Map(jobs.map((j) => [j.id, j.input]));
      const bar = progressBar(io, jobs.length, backend.label);
      bar.update(reused);
      const interrupt = interruptSignal();
      let dirty = false;
      const checkpoint = setInterval(() => {
        if (dirty) io.writeText(out, toJsonl(records.values()));
        dirty = false;
      }, checkpointMs);
      try {
        await backend.run(
          todo,
          payloads,
          (d) => {
            const input = inputs.get(d.id);
            if (!input || records.has(d.id)) return;
            records.set(d.id, {
              id: d.id,
              input,
              output: d.output,
              timing: { ms: d.ms, worker: d.worker },
              qfitVersion: VERSION,
            });
            dirty = true;
            bar.update(records.size);
          },
          interrupt.signal,
        );
      } finally {
        clearInterval(checkpoint);
        interrupt.dispose();
        bar.stop();
        await backend.close();
      }
      // Written even when interrupted: what finished is kept, and --resume continues from it.
      io.writeText(out, toJsonl(records.values()));
      const summary = summarise([...records.values()]);
      io.writeText(html, renderSweepHtml(spec.name, summary));
      if (interrupt.signal.aborted) {
        io.stderr(
          `interrupted: ${records.size} of ${jobs.length} jobs done, saved to ${out}; run again with --resume to finish\n`,
        );
        io.exitCode = 130;
        return;
      }
      if (opts.json) io.stdout(`${JSON.stringify({ name: spec.name, out, html, ...summary })}\n`);
      else io.stdout(`${renderSweepText(spec.name, summary)}\nresults: ${out}\nHTML: ${html}\n`);
    });
}

export function workerCommand(io: Io) {
  return new Command("worker")
    .description("take sweep jobs off a BullMQ queue and run them (any number of machines, one Redis)")
    .requiredOption("--queue <url>", "the Redis server: redis://HOST:PORT")
    .option("--queue-name <name>", "queue name", DEFAULT_QUEUE_NAME)
    .option("--concurrency <n>", "jobs at a time, one thread each (default: one per core)")
    .option("--max-memory <size>", "memory all jobs together may use (default: free memory)")
    .option("--lock-ms <ms>", "job lock: a killed worker's job is retried after about this long", "30000")
    .option("--verbose", "print a line per finished job")
    .action(async (opts) => {
      const target = parseQueueUrl(opts.queue);
      const { threads: concurrency, memoryPerJob } = threadsAndMemory(
        io,
        "--concurrency",
        opts.concurrency,
        opts.maxMemory,
      );
      const lockMs = parseIntegerOption("--lock-ms", opts.lockMs, 1000, 3_600_000);
      const interrupt = interruptSignal();
      io.stderr(
        `qfit worker ${VERSION}: queue '${opts.queueName}' on ${target.url}, ${concurrency} at a time\n`,
      );
      try {
        const r = await runWorker({
          target,
          name: opts.queueName,
          version: VERSION,
          concurrency,
          maxMemoryBytes: memoryPerJob,
          lockMs,
          workerModule: WORKER_MODULE,
          signal: interrupt.signal,
          onJob: opts.verbose ? (id, ms) => io.stderr(`done ${id} in ${ms.toFixed(0)} ms\n`) : undefined,
        });
        io.stderr(`qfit worker: stopped after ${counted(String(r.jobs), "job", "jobs")}\n`);
      } finally {
        interrupt.dispose();
      }
    });
}
