// The local backend: a Tinypool of worker threads, one per core by default. Ctrl-C aborts the signal; the pool
// is destroyed, jobs still running are abandoned, and what finished is kept by the caller.
import { availableParallelism } from "node:os";
import { Tinypool } from "tinypool";
import type { Backend, JobDone } from "./backend.js";
import type { SweepJob } from "./jobs.js";
import type { PoolResult, PoolTask } from "./pool-worker.js";

export interface LocalPoolOptions {
  workers?: number;
  /** Memory each job may use (default: the machine's free memory split between the workers). */
  maxMemoryBytes: number;
}

/**
 * The worker file next to this one: compiled `.js` in dist/ on threads; from the `.ts` sources (tests, tsx) on
 * child processes that load tsx, because Node 20's worker threads do not take a TypeScript loader.
 */
function workerFile(): { filename: string; execArgv: string[]; runtime: "worker_threads" | "child_process" } {
  const ts = import.meta.url.endsWith(".ts");
  return {
    filename: new URL(`./pool-worker.${ts ? "ts" : "js"}`, import.meta.url).href,
    execArgv: ts ? ["--import", "tsx"] : [],
    runtime: ts ? "child_process" : "worker_threads",
  };
}

export function localPool(options: LocalPoolOptions): Backend {
  const workers = options.workers ?? availableParallelism();
  const { filename, execArgv, runtime } = workerFile();
  const pool = new Tinypool({ filename, minThreads: workers, maxThreads: workers, execArgv, runtime });
  return {
    label: `${workers} local worker${workers === 1 ? "" : "s"}`,
    async run(jobs, payloads, onDone: (d: JobDone) => void, signal) {
      const pending = jobs.map(async (job: SweepJob) => {
        const input = job.input;
        const task: PoolTask = {
          input,
          payload:
            input.kind === "circuit" && input.circuit.hash ? payloads.get(input.circuit.hash) : undefined,
          maxMemoryBytes: options.maxMemoryBytes,
        };
        try {
          const r = (await pool.run(task, { signal })) as PoolResult;
          if (!signal.aborted) onDone({ id: job.id, ...r });
        } catch (e) {
          if (signal.aborted) return;
          throw e;
        }
      });
      await Promise.all(pending);
    },
    async close() {
      await pool.destroy();
    },
  };
}
