// `npm run bench:sweep`: jobs per second and overhead per job of `qfit sweep`, on the local pool and through a
// BullMQ queue (a redis-server started here on 127.0.0.1, `qfit worker` processes of concurrency 1), at 1, 2
// and 4 workers. Two job sizes: tiny (a 3-qubit density-matrix run, about a millisecond: the cost is all
// overhead) and medium (an 8-qubit trajectory run, tens of milliseconds). Overhead per job = (wall × workers −
// Σ job time) / jobs. Redis's own CPU time per job (INFO cpu) says where one Redis becomes the limit.
// Runs the built CLI (dist/): `npm run build` first. A benchmark, never a test: the machine is shared and noisy.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./timing.js";

const dist = new URL("../dist/", import.meta.url);
if (!existsSync(new URL("sweep/pool-node.js", dist))) {
  console.error("bench:sweep runs the built CLI: run `npm run build` first");
  process.exit(2);
}
const { expandSweep } = await import(new URL("sweep/expand.js", dist).href);
const { parseSweep } = await import(new URL("sweep/spec.js", dist).href);
const { localPool } = await import(new URL("sweep/pool-node.js", dist).href);
const { queueBackend, parseQueueUrl } = await import(new URL("sweep/queue-bullmq.js", dist).href);
const BIN = new URL("../bin/qfit.js", import.meta.url).pathname;
const { VERSION } = await import(new URL("cli/main.js", dist).href);
const RUNS = Math.max(1, Number(process.env.QFIT_BENCH_RUNS ?? "1"));

const SIZES = {
  tiny: { jobs: 400, spec: (n: number) => sweepText("ghz", 3, "density", 100, n) },
  medium: { jobs: 80, spec: (n: number) => sweepText("ghz", 8, "trajectories", 200, n) },
};

function sweepText(kind: string, qubits: number, method: string, shots: number, repeats: number): string {
  return `runs:
  - kind: circuit
    circuits: [{ benchmark: ${kind}, qubits: ${qubits} }]
    devices: ibm-heron-r2
    shots: ${shots}
    trajectories: ${shots}
    method: ${method}
    repeats: ${repeats}
`;
}

interface Backend {
  run(
    jobs: unknown[],
    payloads: Map<string, string>,
    onDone: (d: { ms: number }) => void,
    s: AbortSignal,
  ): Promise<void>;
  close(): Promise<void>;
}

async function jobsOf(size: keyof typeof SIZES, salt: number) {
  const s = SIZES[size];
  // A different sweep seed per measurement: new ids, so nothing is reused from an earlier one.
  const text = `seed: ${salt}\n${s.spec(s.jobs)}`;
  return expandSweep(parseSweep(text, "bench.yaml").value, { version: VERSION, files: () => [] });
}

async function measure(backend: Backend, size: keyof typeof SIZES, workers: number, salt: number) {
  const { jobs, payloads } = await jobsOf(size, salt);
  let work = 0;
  const t0 = performance.now();
  await backend.run(jobs, payloads, (d) => (work += d.ms), new AbortController().signal);
  const wall = performance.now() - t0;
  return {
    jobsPerS: (jobs.length / wall) * 1000,
    overheadMs: (wall * workers - work) / jobs.length,
    workMs: work / jobs.length,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function waitFor(p: ChildProcess, stream: "stdout" | "stderr", text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    p[stream]?.on("data", (d) => {
      out += d;
      if (out.includes(text)) resolve();
    });
    p.once("exit", (c) => reject(new Error(`exited with ${c}: ${out}`)));
  });
}

async function redisCpuSeconds(port: number): Promise<number> {
  const { Redis } = await import("ioredis");
  const r = new Redis({ host: "127.0.0.1", port });
  const info = await r.info("cpu");
  r.disconnect();
  const get = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return get("used_cpu_sys") + get("used_cpu_user");
}

const rows: string[] = [];
const row = (cells: Array<string | number>) =>
  rows.push(cells.map((c, i) => String(c)[i < 3 ? "padEnd" : "padStart"](i < 3 ? 8 : 12)).join(" "));
row(["backend", "size", "workers", "jobs/s", "overhead ms", "job ms", "redis µs/job"]);

let salt = 1;
for (const size of ["tiny", "medium"] as const)
  for (const workers of [1, 2, 4]) {
    const pool = localPool({ workers, maxMemoryBytes: 2 ** 30 }) as Backend;
    await measure(pool, size, workers, salt++); // warm-up: threads start, WASM compiles
    const ms = [];
    for (let i = 0; i < RUNS; i++) ms.push(await measure(pool, size, workers, salt++));
    await pool.close();
    row([
      "local",
      size,
      workers,
      median(ms.map((m) => m.jobsPerS)).toFixed(1),
      median(ms.map((m) => m.overheadMs)).toFixed(2),
      median(ms.map((m) => m.workMs)).toFixed(2),
      "–",
    ]);
  }

const dir = mkdtempSync(join(tmpdir(), "qfit-bench-sweep-"));
const port = await freePort();
const redis = spawn(
  "redis-server",
  ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"],
  { stdio: ["ignore", "pipe", "inherit"] },
);
try {
  await waitFor(redis, "stdout", "Ready to accept connections");
  const url = `redis://127.0.0.1:${port}`;
  // Redis spends CPU when idle too (its cron); subtract that rate from what the sweeps cost it.
  const idle0 = await redisCpuSeconds(port);
  await new Promise((r) => setTimeout(r, 5000));
  const idleRate = ((await redisCpuSeconds(port)) - idle0) / 5;
  for (const size of ["tiny", "medium"] as const)
    for (const workers of [1, 2, 4]) {
      const name = `bench-${size}-${workers}`;
      const procs = Array.from({ length: workers }, () =>
        spawn(process.execPath, [BIN, "worker", "--queue", url, "--queue-name", name, "--concurrency", "1"], {
          stdio: ["ignore", "ignore", "pipe"],
        }),
      );
      await Promise.all(procs.map((p) => waitFor(p, "stderr", "qfit worker")));
      const backend = (await queueBackend({ target: parseQueueUrl(url), name, version: VERSION })) as Backend;
      await measure(backend, size, workers, salt++);
      const ms = [];
      let cpu = 0;
      let jobs = 0;
      for (let i = 0; i < RUNS; i++) {
        const c0 = await redisCpuSeconds(port);
        const t0 = performance.now();
        ms.push(await measure(backend, size, workers, salt++));
        cpu += (await redisCpuSeconds(port)) - c0 - (idleRate * (performance.now() - t0)) / 1000;
        jobs += SIZES[size].jobs;
      }
      await backend.close();
      for (const p of procs) p.kill("SIGTERM");
      await Promise.all(procs.map((p) => new Promise((r) => p.once("exit", r))));
      row([
        "queue",
        size,
        workers,
        median(ms.map((m) => m.jobsPerS)).toFixed(1),
        median(ms.map((m) => m.overheadMs)).toFixed(2),
        median(ms.map((m) => m.workMs)).toFixed(2),
        ((cpu / jobs) * 1e6).toFixed(0),
      ]);
    }
} finally {
  redis.kill("SIGTERM");
  await new Promise((r) => redis.once("exit", r));
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `qfit sweep throughput on this machine (${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}; ` +
    `${RUNS} run(s) per row, median; 4 workers on 2 cores oversubscribe)`,
);
for (const r of rows) console.log(r);
