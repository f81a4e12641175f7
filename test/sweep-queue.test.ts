// `qfit sweep --queue` against a real Redis (Debian's redis-server, started here on 127.0.0.1 on a free port in
// a temporary directory) and real `qfit worker` processes: one worker is killed mid-sweep, and the merged
// results must equal the local run's exactly (apart from timing). Also: the queue's refusals (exit 2, nothing
// written).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = new URL("../bin/qfit.js", import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startRedis(dir: string): Promise<{ proc: ChildProcess; port: number }> {
  const port = await freePort();
  const proc = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const t = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 15_000);
    proc.once("error", (e) =>
      reject(new Error(`cannot start redis-server (apt-get install redis-server): ${e.message}`)),
    );
    proc.stdout?.on("data", (d) => {
      out += d;
      if (out.includes("Ready to accept connections")) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  return { proc, port };
}

function stopped(p: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) resolve();
    else p.once("exit", () => resolve());
  });
}

const qfit = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 240_000 });

function records(file: string) {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => {
      const r = JSON.parse(l);
      delete r.timing;
      return r;
    });
}

// 12 runs × 2 chunks = 24 trajectory jobs of a few hundred ms each: long enough to kill a worker mid-sweep.
const SPEC = `name: queue test
seed: 11
runs:
  - kind: circuit
    circuits:
      - benchmark: ghz
        qubits: [4, 6, 8]
      - benchmark: qft
        qubits: [4, 6]
      - file: bell.qasm
    devices: [ibm-heron-r2, quantinuum-helios]
    shots: 600
    trajectories: 600
    method: trajectories
    split: 2
`;

let dir: string;
let redis: { proc: ChildProcess; port: number };
const workers: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "qfit-sweep-queue-"));
  writeFileSync(join(dir, "sweep.yaml"), SPEC);
  writeFileSync(
    join(dir, "bell.qasm"),
    readFileSync(new URL("../examples/bell.qasm", import.meta.url), "utf8"),
  );
  redis = await startRedis(dir);
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
  await Promise.all(workers.map(stopped));
  redis?.proc.kill("SIGTERM");
  if (redis) await stopped(redis.proc);
  rmSync(dir, { recursive: true, force: true });
});

describe("qfit sweep --queue with qfit worker processes", () => {
  it("a worker killed mid-sweep loses nothing: the results equal the local run's", async () => {
    const url = `redis://127.0.0.1:${redis.port}`;
    const local = qfit(["sweep", "sweep.yaml", "--out", "local.jsonl", "--workers", "2"], dir);
    expect(local.status, local.stderr).toBe(0);

    for (let i = 0; i < 3; i++) {
      const w = spawn(
        process.execPath,
        [BIN, "worker", "--queue", url, "--concurrency", "1", "--lock-ms", "5000", "--verbose"],
        { cwd: dir, stdio: ["ignore", "ignore", "pipe"] },
      );
      workers.push(w);
    }
    // Kill the first worker as soon as it has finished one job (it is then busy with its next one).
    let victimDone = 0;
    workers[0].stderr?.on("data", (d: Buffer) => {
      victimDone += (String(d).match(/^done /gm) ?? []).length;
      if (victimDone >= 1 && workers[0].exitCode === null) workers[0].kill("SIGKILL");
    });
    const submit = spawn(
      process.execPath,
      [BIN, "sweep", "sweep.yaml", "--out", "queued.jsonl", "--queue", url],
      {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let err = "";
    submit.stderr?.on("data", (d) => {
      err += d;
    });
    const code = await new Promise<number | null>((resolve) => submit.once("exit", (c) => resolve(c)));
    expect(code, err).toBe(0);
    expect(workers[0].signalCode).toBe("SIGKILL");

    const a = records(join(dir, "local.jsonl"));
    const b = records(join(dir, "queued.jsonl"));
    expect(a).toHaveLength(24);
    expect(b).toEqual(a);
    // Ids are sorted and unique: nothing counted twice.
    const ids = b.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  }, 300_000);

  it("refuses a queue holding jobs from another qfit version (exit 2, nothing written)", async () => {
    const name = "other-version";
    const r = new Redis({ host: "127.0.0.1", port: redis.port, lazyConnect: true });
    await r.connect();
    await r.set(`qfit:${name}:version`, "0.0.1-old");
    // A waiting job of that version makes the queue busy.
    await r.rpush(`bull:${name}:wait`, "1");
    await r.hset(
      `bull:${name}:1`,
      "name",
      "circuit",
      "data",
      "{}",
      "opts",
      "{}",
      "timestamp",
      String(Date.now()),
    );
    r.disconnect();
    const out = join(dir, "refused.jsonl");
    const p = qfit(
      [
        "sweep",
        "sweep.yaml",
        "--out",
        out,
        "--queue",
        `redis://127.0.0.1:${redis.port}`,
        "--queue-name",
        name,
      ],
      dir,
    );
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/holds 1 job from qfit 0\.0\.1-old; this is qfit/);
    expect(p.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    const w = qfit(["worker", "--queue", `redis://127.0.0.1:${redis.port}`, "--queue-name", name], dir);
    expect(w.status).toBe(2);
    expect(w.stderr).toMatch(/holds jobs from qfit 0\.0\.1-old/);
  }, 120_000);

  it("refuses an unreachable Redis and a wrong URL (exit 2, nothing written)", async () => {
    const closed = await freePort();
    const out = join(dir, "unreachable.jsonl");
    const p = qfit(["sweep", "sweep.yaml", "--out", out, "--queue", `redis://127.0.0.1:${closed}`], dir);
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/);
    expect(existsSync(out)).toBe(false);
    const bad = qfit(["sweep", "sweep.yaml", "--out", out, "--queue", "http://127.0.0.1:6379"], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--queue: 'http:\/\/127\.0\.0\.1:6379' is not a redis:\/\/ URL/);
    const worker = qfit(["worker", "--queue", "not a url"], dir);
    expect(worker.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
