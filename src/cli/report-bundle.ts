// The report bundle's entry (src/cli/bundle.ts, scripts/bundle-cli.mjs): the program, as bin/qfit.js starts it,
// and what the report's worker threads run. A worker started from the bundle loads it with its code cache
// (dist/cli-bundle/threads-worker.js, written by the build), then serves the report's tasks from it.
export { serveReportTasks } from "../report/report-worker.js";
export { main, memoryIo, start } from "./start.js";
