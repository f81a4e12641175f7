// What commands.ts loads before `qfit report`'s own module: the report's worker threads start here, so that they
// load their modules while this thread loads report.ts's (src/report/thread-pool.ts). A module of its own so that
// the start-up bundle leaves it out with the other command modules (scripts/bundle-cli.mjs).
export { prestartReportWorkers } from "../report/thread-pool.js";
