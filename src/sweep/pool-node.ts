// The local backend: a Tinypool of worker threads, one per core by default. Ctrl-C aborts the signal; the pool
// is destroyed, jobs still running are abandoned, and what finished is kept by the caller.
import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import { Tinypool } from "tinypool";
import type { Backend, JobDone } from "./backend.js";
import { payloadHash, type SweepJob } from "./jobs.js";
import type { PoolResult, PoolTask } from "./pool-worker.js";

export interface LocalPoolOptions {
  workers?: number;
  /**
   * The worker module without its extension (default: ./pool-worker next to this file); it must sit in the same
   * tree (src/ or dist/) as this one, so the extension follows this file's.
   */
  workerModule?: URL;
  /** Memory each job may use (default: the machine's free memory split between the workers). */
  maxMemoryBytes: number;
}

/**
 * The worker file next to this one: compiled `.js` in dist/ on threads; from the `.ts` sources (tests, tsx) on
 * child processes that load tsx, because Node 20's worker threads do not take a TypeScript loader.
 */
function workerFile(module = new URL("./pool-worker", import.meta.url)): {
  filename: string;
  execArgv: string[];
  runtime: "worker_threads" | "child_process";
} {
  const ts = import.meta.url.endsWith(".ts");
  return {
    filename: `${module.href}.${ts ? "ts" : "js"}`,
    execArgv: ts ? ["--import", "tsx"] : [],
    runtime: ts ? "child_process" : "worker_threads",
  };
}

export function localPool(options: LocalPoolOptions): Backend {
  const workers = options.workers ?? availableParallelism();
  const { filename, execArgv, runtime } = workerFile(options.workerModule);
  const pool = new Tinypool({ filename, minThreads: workers, maxThreads: workers, execArgv, runtime });
  return {
    label: `${workers} local worker${workers === 1 ? "" : "s"}`,
    async run(jobs, payloads, onDone: (d: JobDone) => void, outer) {
      // One listener on the caller's signal, however many jobs: each task listens to this one.
      const ac = new AbortController();
      setMaxListeners(0, ac.signal);
      const abort = () => ac.abort();
      outer.addEventListener("abort", abort, { once: true });
      if (outer.aborted) ac.abort();
      const signal = ac.signal;
      const pending = jobs.map(async (job: SweepJob) => {
        const input = job.input;
        const task: PoolTask = {
          input,
          payload: payloads.get(payloadHash(input) ?? ""),
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
      try {
        await Promise.all(pending);
      } finally {
        outer.removeEventListener("abort", abort);
      }
    },
    async close() {
      await pool.destroy();
    },
  };
}
