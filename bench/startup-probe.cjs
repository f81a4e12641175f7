// Preloaded by bench/startup.ts into every process it times (`node -r bench/startup-probe.cjs …`): when the process
// exits, write its CPU time (user and system, microseconds, all threads) and peak memory to file descriptor 3.
// Worker threads inherit the preload (and their own `exit` event): only the main thread writes (its
// resourceUsage counts every thread of the process).
const { writeSync } = require("node:fs");
const { isMainThread } = require("node:worker_threads");

if (isMainThread)
  process.on("exit", () => {
    const r = process.resourceUsage();
    writeSync(3, JSON.stringify({ user: r.userCPUTime, system: r.systemCPUTime, maxRss: r.maxRSS }));
  });
