// What a worker thread of the report runs (threads-node.ts): waits for its plan and the shared counter, takes
// tasks from the counter until none is left, and posts each result (or its failure, as plain data) back; then
// ends (nothing left to wait for). A worker started early (thread-pool.ts) and never given a plan stops listening
// after PLAN_WAIT_MS, and so ends. The worker's module is threads-worker.ts, or, for `qfit report` started from
// its bundle, the bundle's own (src/cli/report-bundle.ts).
import { parentPort, threadId } from "node:worker_threads";
import { errorData } from "../errors.js";
import { runReportTask } from "./build.js";
import { type ReportWorkerData, type TaskMessage, takeTask } from "./threads-node.js";

/** How long a worker waits for its plan: far longer than the report's own start-up takes to send it. */
const PLAN_WAIT_MS = 60_000;

/** Serve the report's tasks on this worker thread (nothing outside a worker). */
export function serveReportTasks(port = parentPort): void {
  if (!port) return;
  const idle = setTimeout(() => port.removeAllListeners("message"), PLAN_WAIT_MS);
  port.once("message", ({ plan, counter, order }: ReportWorkerData) => {
    clearTimeout(idle);
    const shared = new Int32Array(counter);
    for (let i = takeTask(shared, order, true); i >= 0; i = takeTask(shared, order, true)) {
      let m: TaskMessage;
      try {
        m = { i, thread: threadId, result: runReportTask(plan, i) };
      } catch (e) {
        m = { i, thread: threadId, error: errorData(e) };
      }
      port.postMessage(m);
    }
  });
}
