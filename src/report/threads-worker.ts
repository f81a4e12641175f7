// A worker thread of the report (threads-node.ts): takes tasks from the shared counter until none is left, and
// posts each result (or its failure, as plain data) back; then ends.
import { parentPort, threadId, workerData } from "node:worker_threads";
import { errorData } from "../errors.js";
import { runReportTask } from "./build.js";
import { type ReportWorkerData, type TaskMessage, takeTask } from "./threads-node.js";

const { plan, counter, order } = workerData as ReportWorkerData;
const shared = new Int32Array(counter);
for (let i = takeTask(shared, order); i >= 0; i = takeTask(shared, order)) {
  let m: TaskMessage;
  try {
    m = { i, thread: threadId, result: runReportTask(plan, i) };
  } catch (e) {
    m = { i, thread: threadId, error: errorData(e) };
  }
  parentPort?.postMessage(m);
}
