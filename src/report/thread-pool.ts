// Report workers started early: `qfit report` starts its worker threads before this thread loads the report's
// modules (src/cli/commands.ts, when the command is `report`), so that each worker loads its own copy at the same
// time, on another core, instead of after this thread's; buildReportOnThreads then takes them and posts each its
// plan. Loading the modules costs each thread about 0.2 s on a quiet machine, a worker's start is that much earlier.
// Only node:worker_threads and node:os here: importing this module must cost nothing.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** The worker module: it loads the report's modules, then waits for its plan (threads-worker.ts). From the report
 *  bundle (dist/cli-bundle/report.cjs) this URL names the build's dist/cli-bundle/threads-worker.js, which loads
 *  the bundle in the worker (src/cli/report-bundle.ts). */
const WORKER_URL = new URL("./threads-worker.js", import.meta.url);

/** True where worker threads can load the compiled worker (dist/, or the report bundle); from the TypeScript
 *  sources (tests under tsx) Node 20's workers take no TypeScript loader. */
export const COMPILED = !import.meta.url.endsWith(".ts");

/**
 * A worker's young generation, in MiB (Node's default for workers is 48): the tasks allocate many short-lived
 * objects (the verdicts of the exact evaluations). Measured on the main thread, where a flag can set it, one
 * single-thread report took 70 scavenges and 218 ms of GC pauses with the default semi-space, 49 and 151 ms with
 * `--max-semi-space-size=64`; 192 is an upper bound chosen above that, not tuned. On the worker, 48, 96 and 192
 * gave the same report time within the noise (2 threads, interleaved, medians of 7: 3.66, 3.46, 3.71 s).
 */
const YOUNG_GENERATION_MB = 192;

/** Starts a report worker: it loads its modules and waits for a plan. */
export function startReportWorker(): Worker {
  return new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}

let prestarted: Worker[] = [];

/** Starts `count` workers (default one per core beyond this thread; compiled builds only); they do not keep the
 *  process alive until taken (takePrestarted). A worker not given a plan ends by itself (threads-worker.ts). */
export function prestartReportWorkers(count = availableParallelism() - 1): void {
  if (!COMPILED || prestarted.length > 0) return;
  prestarted = Array.from({ length: Math.max(0, count) }, () => {
    const w = startReportWorker();
    w.unref();
    // An early worker's failure surfaces when it is taken (its "error" listener then); until then, none is thrown.
    w.on("error", () => {});
    return w;
  });
}

/** Up to `count` early workers, kept alive from now on; the others are stopped. */
export function takePrestarted(count: number): Worker[] {
  const taken = prestarted.slice(0, count);
  for (const w of prestarted.slice(count)) void w.terminate();
  prestarted = [];
  for (const w of taken) w.ref();
  return taken;
}
