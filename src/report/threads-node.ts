// Edge adapter: the report's tasks (one per workload, and the measured-training extrapolation) shared between this
// thread and Node worker threads. Every task is pure and plain data in and out (build.ts: planReport, runReportTask),
// so which thread runs which cannot change the report; threads only take the next task from a shared counter
// (takeTask: this thread from the front, workers from the back), and the results are put back in task order. The
// main thread works too, giving way to the event loop after each task (workers' results arrive, and Ctrl-C is
// handled at once, as in buildReportInterruptibly).
//
// Why: with uncertainty on (10,000 samples per verdict, bands along every crossover curve) the built-in report is
// about 4 s of CPU in 17 tasks of 0.03–0.4 s. Measured on 2 cores (`npm run bench:report`, docs/report.md): 2.83 s
// on one thread, 2.53 s on two. The gain is smaller than the second core: V8's collector and compiler already use
// it, and a worker loads the report bundle and optimizes its hot functions again; each further core takes its share.
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { type ErrorData, errorData, errorFromData } from "../errors.js";
import {
  assembleReport,
  buildReportInterruptibly,
  planReport,
  type Report,
  type ReportPlan,
  type ReportTaskResult,
  runReportTask,
  taskCount,
  yieldToEventLoop,
} from "./build.js";
import type { Scenario } from "./scenario.js";
import { COMPILED, startReportWorker, takePrestarted } from "./thread-pool.js";

/** What the worker (threads-worker.ts) is given: the plan, and the counter every thread takes tasks from. */
export interface ReportWorkerData {
  plan: ReportPlan;
  /** Int32Array over it: [0] the tasks taken from the front of `order` (low 16 bits) and from its back (high 16). */
  counter: SharedArrayBuffer;
  /** Task indexes in the order they are taken. */
  order: number[];
}

/** A task's outcome, and the thread that ran it (threadId: 0 is the main thread). */
export type TaskMessage = { i: number; thread: number } & (
  | { result: ReportTaskResult }
  | { error: ErrorData }
);

/** Tasks a shared counter can hand out (16 bits per end; a scenario holds at most 100 workloads): more run on one
 *  thread. */
const MAX_SHARED_TASKS = 0xffff;

/**
 * The next task of `order` (at most MAX_SHARED_TASKS long) for a thread, or -1 when none is left: this thread
 * takes from the front, the workers from the back, so each thread runs neighbouring tasks (the built-in set lists
 * the workloads of one kind together) and optimizes less of the others' code: V8 optimizes a function once per
 * thread that runs it hot. One compare-and-swap on both counts, so a task is handed out once wherever the ends meet.
 */
export function takeTask(counter: Int32Array, order: readonly number[], fromBack = false): number {
  for (;;) {
    const taken = Atomics.load(counter, 0);
    const front = taken & 0xffff;
    const back = taken >>> 16;
    if (front + back >= order.length) return -1;
    const next = fromBack ? taken + 0x10000 : taken + 1;
    if (Atomics.compareExchange(counter, 0, taken, next) === taken)
      return fromBack ? order[order.length - 1 - back] : order[front];
  }
}

/** Tasks in the order threads take them: the training first (the main thread starts it while a worker loads), then
 *  the workloads in scenario order; the main thread takes from the front (the built-in set's heavier ones are first),
 *  the workers from the back (its seven hybrid pipelines are last). Two threads meeting in the middle ran the report
 *  in 0.94–0.98× the wall time and 0.92–0.96× the CPU of threads taking every task in turn (interleaved, 2 × 9). */
function takeOrder(plan: ReportPlan): number[] {
  const workloads = plan.jobs.map((_, i) => i);
  return plan.training ? [plan.jobs.length, ...workloads] : workloads;
}

export interface ThreadedReportOptions {
  /** Threads in all, this one included (default: the cores available, at most one per task). 1: this thread only. */
  threads?: number;
  between?: () => Promise<void>;
  /** false: this thread only waits, and the workers run every task (default true). */
  workHere?: boolean;
  /** Told which thread ran each task (threadId; 0 is this thread), as the results arrive. */
  onTask?: (task: number, thread: number) => void;
}

/**
 * The report of a scenario, its tasks shared between this thread and `threads - 1` workers. The same report as
 * buildReport (test/report-threads.test.ts compares them); with uncertainty off (`--no-uncertainty`, a few
 * milliseconds a task) or one thread, it is built here alone, since starting a worker costs more.
 */
export async function buildReportOnThreads(
  scenario: Scenario,
  options: ThreadedReportOptions = {},
): Promise<Report> {
  const between = options.between ?? yieldToEventLoop;
  const plan = planReport(scenario);
  const n = taskCount(plan);
  const threads = Math.min(options.threads ?? availableParallelism(), n);
  if (threads <= 1 || n > MAX_SHARED_TASKS || !COMPILED || scenario.uncertainty === false) {
    takePrestarted(0);
    return buildReportInterruptibly(scenario, between);
  }
  const restoreOptimizer = optimizeSynchronouslyWhile(threads >= availableParallelism());
  try {
    return await runOnThreads(scenario, plan, threads, options);
  } finally {
    restoreOptimizer();
  }
}

/** Whether this process was started with V8's concurrent optimization off (then it stays off). */
const STARTED_SYNCHRONOUS = process.execArgv.includes("--no-concurrent-recompilation");

/**
 * While `busy` (the report's threads take every core), V8 optimizes a hot function on the thread that runs it
 * instead of on a background thread; afterwards it is V8's default again. Why: with every core running a report
 * thread, the background compiler competes with them for the cores, and the functions go on running unoptimized
 * until their compile gets a core. Measured with `qfit report --no-html` on 2 cores, this module with and without
 * it (2 threads, interleaved, medians of 7, docs/report.md): 3.92 → 3.52 s and 7.4 → 6.8 s of CPU; on one thread
 * of two cores concurrent optimization is the faster (3.79 s against 4.80 s, the flag given on the command line),
 * so it is kept there. The flag changes neither results nor
 * V8's code-cache check (the flag hash leaves it out: the report bundle's cache is accepted either way).
 */
function optimizeSynchronouslyWhile(busy: boolean): () => void {
  if (!busy || STARTED_SYNCHRONOUS) return () => {};
  setFlagsFromString("--no-concurrent-recompilation");
  return () => setFlagsFromString("--concurrent-recompilation");
}

async function runOnThreads(
  scenario: Scenario,
  plan: ReportPlan,
  threads: number,
  options: ThreadedReportOptions,
): Promise<Report> {
  const between = options.between ?? yieldToEventLoop;
  const n = taskCount(plan);
  const counter = new SharedArrayBuffer(4);
  const order = takeOrder(plan);
  const workerData: ReportWorkerData = { plan, counter, order };
  const results: ReportTaskResult[] = new Array(n);
  const errors: Array<ErrorData | undefined> = new Array(n);
  let done = 0;
  let settle: (err?: Error) => void = () => {};
  const allDone = new Promise<void>((ok, fail) => {
    settle = (err) => (err ? fail(err) : ok());
  });
  // A worker may fail while this thread is busy with a task: handled at the `await` below, not reported as unhandled.
  allDone.catch(() => {});
  const record = (m: TaskMessage) => {
    options.onTask?.(m.i, m.thread);
    if ("error" in m) errors[m.i] = m.error;
    else results[m.i] = m.result;
    if (++done === n) settle();
  };
  // Workers started before this thread loaded its modules (thread-pool.ts) first, then new ones.
  const early = takePrestarted(threads - 1);
  const workers = Array.from({ length: threads - 1 }, (_, k) => {
    const w = early[k] ?? startReportWorker();
    w.postMessage(workerData);
    w.on("message", record);
    w.on("error", (e) => settle(e));
    w.on("exit", (code) => {
      if (code !== 0) settle(new Error(`report worker stopped with exit code ${code}`));
    });
    return w;
  });
  try {
    const shared = new Int32Array(counter);
    const here = options.workHere ?? true;
    for (let i = here ? takeTask(shared, order) : -1; i >= 0; i = takeTask(shared, order)) {
      try {
        record({ i, thread: 0, result: runReportTask(plan, i) });
      } catch (e) {
        record({ i, thread: 0, error: errorData(e) });
      }
      await between();
    }
    await allDone;
  } finally {
    // Workers end by themselves once no task is left; on a failure, stop them at once.
    if (done < n) await Promise.all(workers.map((w) => w.terminate()));
  }
  // The first failing task in scenario order fails the build, as it would on one thread.
  const first = errors.findIndex((e) => e !== undefined);
  if (first >= 0) throw errorFromData(errors[first] as ErrorData);
  return assembleReport(scenario, plan, results);
}
