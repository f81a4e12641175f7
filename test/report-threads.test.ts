// `qfit report` on worker threads (src/report/threads-node.ts): the tasks are shared between threads, and the
// report must be the one buildReport gives on one thread, to the last digit, failures included. The worker threads
// load the compiled modules, so this test imports dist/ (npm test builds it first).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QfitError } from "../src/errors.js";
import { buildReport } from "../src/report/build.js";
import { DEFAULT_SCENARIO, type Scenario } from "../src/report/scenario.js";

type Threads = typeof import("../src/report/threads-node.js");
const compiled = (await import(new URL("../dist/report/threads-node.js", import.meta.url).href)) as Threads;
type Pool = typeof import("../src/report/thread-pool.js");
const pool = (await import(new URL("../dist/report/thread-pool.js", import.meta.url).href)) as Pool;

/** The built-in set with fewer samples (the threads see the same plan either way), and its training projection. */
const SCENARIO: Scenario = { ...DEFAULT_SCENARIO, t0: 2026, samples: 2_000, seed: 7 };

describe("the report on worker threads", () => {
  it("is the single-thread report exactly, whatever thread ran each task", async () => {
    const one = buildReport(SCENARIO);
    const ranBy = new Map<number, number>();
    // This thread and a worker, as `qfit report` runs them.
    expect(JSON.stringify(await compiled.buildReportOnThreads(SCENARIO, { threads: 2 }))).toBe(
      JSON.stringify(one),
    );
    // Every task on the two workers (this thread waits), so the comparison is with workers' results for sure.
    const many = await compiled.buildReportOnThreads(SCENARIO, {
      threads: 3,
      workHere: false,
      onTask: (task, thread) => ranBy.set(task, thread),
    });
    expect(JSON.stringify(many)).toBe(JSON.stringify(one));
    expect([...ranBy.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: SCENARIO.workloads.length + 1 }, (_, i) => i),
    );
    expect([...ranBy.values()].every((t) => t > 0)).toBe(true);
  }, 120_000);

  it("runs on the workers started before the report's modules loaded (qfit report's start), same report", async () => {
    // Thread ids are handed out in order: one early worker taken and stopped gives the next one's id.
    pool.prestartReportWorkers(1);
    const [first] = pool.takePrestarted(1);
    const firstId = first.threadId;
    await first.terminate();
    pool.prestartReportWorkers(1);
    const ranBy = new Map<number, number>();
    const report = await compiled.buildReportOnThreads(SCENARIO, {
      threads: 2,
      workHere: false,
      onTask: (task, thread) => ranBy.set(task, thread),
    });
    expect(JSON.stringify(report)).toBe(JSON.stringify(buildReport(SCENARIO)));
    const threads = new Set(ranBy.values());
    expect(threads.size).toBe(1);
    expect([...threads][0]).toBe(firstId + 1);
  }, 120_000);

  it("fails with the first failing workload's user error, as on one thread (code, field and message kept)", async () => {
    const bad: Scenario = {
      ...SCENARIO,
      extrapolation: false,
      workloads: [
        { kind: "qaoa-maxcut" },
        { kind: "shor", modulusBits: -5 },
        { kind: "grover", searchBits: 0.5 },
      ] as Scenario["workloads"],
    };
    let single: QfitError | undefined;
    try {
      buildReport(bad);
    } catch (e) {
      single = e as QfitError;
    }
    expect(single?.userError).toBe(true);
    const threaded = await compiled.buildReportOnThreads(bad, { threads: 2 }).then(
      () => undefined,
      (e: QfitError) => e,
    );
    expect(threaded?.name).toBe("QfitError");
    expect(threaded?.code).toBe(single?.code);
    expect(threaded?.message).toBe(single?.message);
    expect(threaded?.details).toEqual(single?.details);
  }, 60_000);

  it("takes every task once: the counter hands out each index of the order, then -1", () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const order = [3, 0, 1, 2];
    const taken = Array.from({ length: 6 }, () => compiled.takeTask(counter, order));
    expect(taken).toEqual([3, 0, 1, 2, -1, -1]);
  });

  it("hands out every task once when this thread takes from the front and the workers from the back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.array(fc.boolean(), { maxLength: 60 }), (n, ends) => {
        const counter = new Int32Array(new SharedArrayBuffer(4));
        const order = Array.from({ length: n }, (_, i) => (i * 7) % n);
        const front: number[] = [];
        const back: number[] = [];
        for (const fromBack of ends) {
          const i = compiled.takeTask(counter, order, fromBack);
          if (i >= 0) (fromBack ? back : front).push(i);
        }
        // The front in order, the back from the end; together each task at most once, all once when enough taken.
        expect(front).toEqual(order.slice(0, front.length));
        expect(back).toEqual(order.slice(n - back.length).reverse());
        expect(front.length + back.length).toBe(Math.min(n, ends.length));
      }),
      { numRuns: 300 },
    );
  });
});
