// A worker thread of the local pool (pool-node.ts): runs one job at a time, single-threaded (the pool has one
// worker per core, so the simulator's own threads would only compete).
import { threadId } from "node:worker_threads";
import { executeJob } from "./execute.js";
import type { JobInput, JobOutput } from "./jobs.js";

export interface PoolTask {
  input: JobInput;
  /** The circuit's QASM text (threads share the machine, so it is passed, not fetched). */
  payload?: string;
  maxMemoryBytes: number;
}

export interface PoolResult {
  output: JobOutput;
  ms: number;
  worker: string;
}

export default async function runTask(task: PoolTask): Promise<PoolResult> {
  const t0 = performance.now();
  const output = await executeJob(task.input, {
    payload: () => task.payload ?? "",
    maxMemoryBytes: task.maxMemoryBytes,
  });
  return { output, ms: performance.now() - t0, worker: `thread-${threadId}` };
}
