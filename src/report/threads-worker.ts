// The module a report worker thread starts from (thread-pool.ts) when the report runs from the compiled modules:
// it serves the report's tasks (report-worker.ts).
import { serveReportTasks } from "./report-worker.js";

serveReportTasks();
