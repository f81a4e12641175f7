// Where jobs run: the local worker pool (pool-node.ts) or a BullMQ queue (queue-bullmq.ts). Both take the same
// jobs and hand back the same records; the submitting side does not know which ran them.
import type { JobOutput, SweepJob } from "./jobs.js";

export interface JobDone {
  id: string;
  output: JobOutput;
  ms: number;
  worker: string;
}

export interface Backend {
  /** Human name for progress lines: "4 local workers", "queue qfit-sweep on redis://…". */
  readonly label: string;
  /**
   * Runs `jobs` (whose QASM payloads are in `payloads` by hash), calling `onDone` as each finishes, in any
   * order. Resolves when all are done or `signal` aborts (then the jobs still running are abandoned).
   */
  run(
    jobs: readonly SweepJob[],
    payloads: ReadonlyMap<string, string>,
    onDone: (d: JobDone) => void,
    signal: AbortSignal,
  ): Promise<void>;
  close(): Promise<void>;
}
