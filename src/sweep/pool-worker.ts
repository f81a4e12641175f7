// A worker thread of the local pool (pool-node.ts): runs one job at a time, single-threaded (the pool has one
// worker per core, so the simulator's own threads would only compete).
import { threadId } from "node:worker_threads";
import { type ExecuteOptions, executeJob } from "./execute.js";
import type { JobInput, JobOutput } from "./jobs.js";

export interface PoolTask {
  input: JobInput;
  /** The circuit's QASM text or the scenario's YAML (threads share the machine, so it is passed, not fetched). */
  payload?: string;
  maxMemoryBytes: number;
}

export interface PoolResult {
  output: JobOutput;
  ms: number;
  worker: string;
}

/** A pool task runner; `extra` adds runners of the layers above (see ExecuteOptions.scenario). */
export function makeRunTask(extra: Pick<ExecuteOptions, "scenario"> = {}) {
  return async function runTask(task: PoolTask): Promise<PoolResult> {
    const t0 = performance.now();
    const output = await executeJob(task.input, {
      ...extra,
      payload: () => task.payload ?? "",
      maxMemoryBytes: task.maxMemoryBytes,
    });
    return { output, ms: performance.now() - t0, worker: `thread-${threadId}` };
  };
}

export default makeRunTask();
