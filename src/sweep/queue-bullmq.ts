// The distributed backend: jobs on a BullMQ queue in Redis, run by `qfit worker` processes on any number of
// machines. BullMQ owns the queue, retries, stalled-job recovery (a killed worker's job returns to the queue
// after its lock expires) and concurrency; qfit adds content addresses:
//   qfit:<queue>:version          the qfit version the queue's jobs were made by (a mismatch is refused)
//   qfit:<queue>:blob:<sha256>    a circuit's QASM text (or a scenario), stored once however many jobs use it
//   qfit:<queue>:result:<job id>  a finished job's record, written once by whichever worker finished it
//   qfit:<queue>:done             a stream of finished job ids, which the submitter reads as they arrive
// Job ids are the content ids, so a job added twice is one job, and a result already in Redis (an earlier run,
// a worker that finished after the submitter was interrupted) is reused without running it again.

import { setMaxListeners } from "node:events";
import { hostname } from "node:os";
import { Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { userError } from "../errors.js";
import { counted } from "../units/format.js";
import type { Backend, JobDone } from "./backend.js";
import { type JobInput, payloadHash, type SweepJob } from "./jobs.js";
import { localPool } from "./pool-node.js";

export const DEFAULT_QUEUE_NAME = "qfit-sweep";
/** BullMQ's own minimum for the commands it uses. */
export const MIN_REDIS_VERSION = "6.2.0";
/** Results and payloads expire a week after they are written (a long sweep resumes within that). */
const TTL_SECONDS = 7 * 24 * 3600;
const RESULT_BATCH = 2000;
/** The finished-jobs stream keeps about this many entries (a submitter reads it as they arrive). */
const DONE_STREAM_LENGTH = 100_000;
const FULL_CHECK_MS = 5000;

export interface QueueTarget {
  url: string;
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
}

/** `redis://[user:pass@]host:port[/db]` (or rediss://); anything else is a user error naming the flag. */
export function parseQueueUrl(url: string, flag = "--queue"): QueueTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw userError("Sweep.Queue.BadUrl", `'${url}' is not a URL`, {
      field: flag,
      hint: "give the Redis server as redis://HOST:PORT, e.g. redis://127.0.0.1:6379",
    });
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:")
    throw userError("Sweep.Queue.BadUrl", `'${url}' is not a redis:// URL`, {
      field: flag,
      hint: "give the Redis server as redis://HOST:PORT, e.g. redis://127.0.0.1:6379",
    });
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0 || db > 15)
    throw userError("Sweep.Queue.BadUrl", `'${u.pathname.slice(1)}' is not a Redis database number (0..15)`, {
      field: flag,
    });
  const port = u.port === "" ? 6379 : Number(u.port);
  if (u.hostname === "") throw userError("Sweep.Queue.BadUrl", `'${url}' names no host`, { field: flag });
  return {
    url,
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port,
    db,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === "rediss:",
  };
}

function connectionOptions(t: QueueTarget) {
  return {
    host: t.host,
    port: t.port,
    db: t.db,
    username: t.username,
    password: t.password,
    ...(t.tls ? { tls: {} } : {}),
  };
}

function versionAtLeast(v: string, min: string): boolean {
  const a = v.split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** A checked connection: reachable, Redis ≥ 6.2. Refuses within a few seconds, not after endless retries. */
export async function connect(t: QueueTarget): Promise<Redis> {
  const redis = new Redis({
    ...connectionOptions(t),
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on("error", () => {}); // reported by connect() below, not as an unhandled event
  try {
    await redis.connect();
    const info = await redis.info("server");
    const version = /redis_version:([\d.]+)/.exec(info)?.[1] ?? "0";
    if (!versionAtLeast(version, MIN_REDIS_VERSION)) {
      redis.disconnect();
      throw userError(
        "Sweep.Queue.OldRedis",
        `Redis ${version} at ${t.url} is too old; the queue needs Redis ≥ ${MIN_REDIS_VERSION}`,
        { field: "--queue" },
      );
    }
  } catch (e) {
    redis.disconnect();
    if (e instanceof Error && e.name === "QfitError") throw e;
    throw userError("Sweep.Queue.Unreachable", `cannot reach Redis at ${t.url}: ${(e as Error).message}`, {
      field: "--queue",
      hint: "start Redis (redis-server --port PORT) or check the host and port",
    });
  }
  return redis;
}

const key = (queue: string, ...parts: string[]) => `qfit:${queue}:${parts.join(":")}`;

/**
 * Claims the queue for this qfit version, or refuses: jobs made by another version would hash to other ids and
 * run with other code, so one queue serves one version at a time. An empty queue is re-claimed.
 */
export async function claimQueue(redis: Redis, queue: Queue, name: string, version: string): Promise<void> {
  const k = key(name, "version");
  const current = await redis.get(k);
  if (current !== null && current !== version) {
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
    const busy = Object.values(counts).reduce((a, b) => a + b, 0);
    if (busy > 0)
      throw userError(
        "Sweep.Queue.IncompatibleVersion",
        `queue '${name}' holds ${counted(String(busy), "job", "jobs")} from qfit ${current}; this is qfit ${version}`,
        {
          field: "--queue",
          hint: "let that sweep finish, use another --queue-name, or upgrade the workers to the same qfit version",
        },
      );
  }
  await redis.set(k, version);
}

interface QueuedJob {
  input: JobInput;
  version: string;
}

interface QueueOptions {
  target: QueueTarget;
  name: string;
  version: string;
}

/** The submitting side: puts jobs on the queue, stores payloads once, collects results as workers write them. */
export async function queueBackend(o: QueueOptions): Promise<Backend> {
  const redis = await connect(o.target);
  const queue = new Queue<QueuedJob>(o.name, { connection: connectionOptions(o.target) });
  queue.on("error", () => {});
  try {
    await claimQueue(redis, queue, o.name, o.version);
  } catch (e) {
    await queue.close();
    redis.disconnect();
    throw e;
  }
  return {
    label: `queue '${o.name}' on ${o.target.url}`,
    async run(jobs, payloads, onDone, signal) {
      const pending = new Map(jobs.map((j) => [j.id, j]));
      const take = async (ids: string[]) => {
        for (let i = 0; i < ids.length && !signal.aborted; i += RESULT_BATCH) {
          const batch = ids.slice(i, i + RESULT_BATCH);
          const values = await redis.mget(batch.map((id) => key(o.name, "result", id)));
          values.forEach((v, k) => {
            if (v === null || !pending.has(batch[k])) return;
            pending.delete(batch[k]);
            onDone(JSON.parse(v) as JobDone);
          });
        }
      };
      // Where the finished-jobs stream stands now: only entries after this are news.
      const last = (await redis.xrevrange(key(o.name, "done"), "+", "-", "COUNT", 1)) as Array<
        [string, string[]]
      >;
      let cursor = last[0]?.[0] ?? "0-0";
      // Results already in Redis are reused; only the rest are queued.
      await take([...pending.keys()]);
      const hashes = new Set<string>();
      for (const j of pending.values()) {
        const h = payloadHash(j.input);
        if (h) hashes.add(h);
      }
      for (const h of hashes)
        await redis.set(key(o.name, "blob", h), payloads.get(h) ?? "", "EX", TTL_SECONDS);
      const list = [...pending.values()];
      for (let i = 0; i < list.length && !signal.aborted; i += RESULT_BATCH)
        await queue.addBulk(
          list.slice(i, i + RESULT_BATCH).map((j) => ({
            name: j.input.kind,
            data: { input: j.input, version: o.version },
            opts: {
              jobId: `q${j.id}`,
              attempts: 3,
              backoff: { type: "fixed", delay: 1000 },
              removeOnComplete: true,
            },
          })),
        );
      // Workers announce each finished id on a stream; a blocking read on its own connection wakes on news,
      // so Redis does O(1) work per job however many are pending. A full check every FULL_CHECK_MS covers a
      // stream trimmed past our cursor.
      const reader = redis.duplicate();
      reader.on("error", () => {});
      await reader.connect();
      let lastFull = performance.now();
      try {
        while (pending.size > 0 && !signal.aborted) {
          const r = (await reader.xread(
            "COUNT",
            RESULT_BATCH,
            "BLOCK",
            500,
            "STREAMS",
            key(o.name, "done"),
            cursor,
          )) as Array<[string, Array<[string, string[]]>]> | null;
          const entries = r?.[0]?.[1] ?? [];
          if (entries.length > 0) cursor = entries[entries.length - 1][0];
          await take(entries.map(([, fields]) => fields[1]).filter((id) => pending.has(id)));
          if (performance.now() - lastFull > FULL_CHECK_MS) {
            lastFull = performance.now();
            await take([...pending.keys()]);
            await failedJobs(queue, pending);
          }
        }
      } finally {
        reader.disconnect();
      }
    },
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}

/** Jobs BullMQ gave up on (every attempt failed: a crash, not bad input) end the sweep with their reason. */
async function failedJobs(queue: Queue<QueuedJob>, pending: ReadonlyMap<string, SweepJob>): Promise<void> {
  if ((await queue.getFailedCount()) === 0) return;
  for (const j of await queue.getFailed(0, 99)) {
    const id = j.id?.slice(1);
    if (id && pending.has(id))
      throw userError("Sweep.Queue.JobFailed", `job ${id} failed on every attempt: ${j.failedReason}`, {
        field: "--queue",
        hint: "see the worker's output; fix the cause and rerun with --resume",
      });
  }
}

export interface WorkerOptions {
  target: QueueTarget;
  name: string;
  version: string;
  concurrency: number;
  maxMemoryBytes: number;
  /** Milliseconds a job's lock lasts: a killed worker's job is retried after about this long. */
  lockMs?: number;
  /** The pool's worker module (see LocalPoolOptions.workerModule). */
  workerModule?: URL;
  /** Called once per finished job (for the worker's log). */
  onJob?: (id: string, ms: number) => void;
  signal: AbortSignal;
}

/** `qfit worker`: takes jobs off the queue and runs them on a local pool of `concurrency` threads. */
export async function runWorker(o: WorkerOptions): Promise<{ jobs: number }> {
  const redis = await connect(o.target);
  const queued = await redis.get(key(o.name, "version"));
  if (queued !== null && queued !== o.version) {
    redis.disconnect();
    throw userError(
      "Sweep.Queue.IncompatibleVersion",
      `queue '${o.name}' holds jobs from qfit ${queued}; this worker is qfit ${o.version}`,
      { field: "--queue", hint: "run workers of the same qfit version as the submitting `qfit sweep`" },
    );
  }
  const pool = localPool({
    workers: o.concurrency,
    maxMemoryBytes: o.maxMemoryBytes,
    workerModule: o.workerModule,
  });
  const blobs = new Map<string, string>();
  const inflight = new AbortController();
  setMaxListeners(0, inflight.signal);
  let done = 0;
  const worker = new Worker<QueuedJob>(
    o.name,
    async (job) => {
      const { input, version } = job.data;
      if (version !== o.version)
        throw new UnrecoverableError(`job from qfit ${version}; this worker is qfit ${o.version}`);
      const id = (job.id as string).slice(1);
      const payloads = new Map<string, string>();
      const h = payloadHash(input);
      if (h) {
        let text = blobs.get(h);
        if (text === undefined) {
          const v = await redis.get(key(o.name, "blob", h));
          if (v === null) throw new UnrecoverableError(`payload ${h} is not in Redis (expired?)`);
          text = v;
          blobs.set(h, text);
        }
        payloads.set(h, text);
      }
      let result: JobDone | undefined;
      await pool.run([{ id, input }], payloads, (d) => (result = d), inflight.signal);
      if (!result) throw new Error("the job was interrupted");
      const record: JobDone = { ...result, worker: `${workerName()}/${result.worker}` };
      await redis.set(key(o.name, "result", id), JSON.stringify(record), "EX", TTL_SECONDS);
      await redis.xadd(key(o.name, "done"), "MAXLEN", "~", DONE_STREAM_LENGTH, "*", "id", id);
      done++;
      o.onJob?.(id, record.ms);
      return { id };
    },
    {
      connection: connectionOptions(o.target),
      concurrency: o.concurrency,
      ...(o.lockMs ? { lockDuration: o.lockMs, stalledInterval: o.lockMs } : {}),
      // A job whose worker died (or stalled on a starved machine) is retried up to 3 times before it fails.
      maxStalledCount: 3,
    },
  );
  worker.on("error", () => {});
  await new Promise<void>((resolve) => {
    if (o.signal.aborted) resolve();
    else o.signal.addEventListener("abort", () => resolve());
  });
  await worker.close();
  await pool.close();
  redis.disconnect();
  return { jobs: done };
}

let name: string | undefined;
function workerName(): string {
  name ??= `${hostname()}-${process.pid}`;
  return name;
}
