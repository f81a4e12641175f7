// The local HTTP server behind `qfit serve`: the built dashboard as static files and a small JSON API. It listens
// on 127.0.0.1 by default, reads no file a request names outside the dashboard folder, bounds every request
// (body size, qubits, shots, run time) and answers bad input with JSON {code, message, hint} and a 4xx status.
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import * as api from "../api/handlers.js";
import { type SimulateRequest, simulateRequestSchema } from "../api/schemas.js";
import { validate } from "../api/validate.js";
import { isQfitError, QfitError } from "../errors.js";
import type { SimJob, SimReply } from "./sim-worker.js";

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Widest circuit /api/simulate runs (default 24). */
  maxQubits?: number;
  /** Largest request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Longest a simulation may run before it is stopped, in ms (default 20 s). */
  timeoutMs?: number;
  /** Simulations running at once; more wait in a queue (default 2, the cores of the reference machine). */
  maxConcurrentSimulations?: number;
  /** Simulations waiting beyond this many are refused with 503 (default 64). */
  maxQueuedSimulations?: number;
  /** Folder of the built dashboard (default: dist/web next to this file). */
  webRoot?: string;
}

const DEFAULTS = {
  host: "127.0.0.1",
  port: 0,
  maxQubits: 24,
  maxBodyBytes: 1 << 20,
  timeoutMs: 20_000,
  maxConcurrentSimulations: 2,
  maxQueuedSimulations: 64,
};

/** Memory one simulation worker may use for its state (a 24-qubit complex128 state is 256 MiB). */
const WORKER_MEMORY_BYTES = 2 ** 31;

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

class HttpError extends QfitError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    hint?: string,
  ) {
    super(code, message, { userError: status < 500, hint });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

function errorBody(e: QfitError) {
  const j = e.toJSON();
  return {
    code: j.code,
    message: j.message,
    hint: j.hint ?? null,
    ...(j.line ? { line: j.line, col: j.col } : {}),
  };
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    throw new HttpError(
      413,
      "Server.BodyTooLarge",
      `the request body is ${declared} bytes; the limit is ${limit}`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new HttpError(413, "Server.BodyTooLarge", `the request body exceeds the limit of ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(
      400,
      "Server.MalformedJson",
      `the request body is not JSON: ${(e as Error).message}`,
      "send Content-Type: application/json with a JSON object",
    );
  }
}

/** Runs simulations in worker threads, a bounded number at once, each stopped at the time limit. */
class SimulationQueue {
  private running = 0;
  private waiting: Array<() => void> = [];
  private readonly workers = new Set<Worker>();

  constructor(
    private readonly o: typeof DEFAULTS,
    private readonly workerUrl: URL,
  ) {}

  async run(request: SimulateRequest, onStart: () => void): Promise<SimReply> {
    if (this.running >= this.o.maxConcurrentSimulations) {
      if (this.waiting.length >= this.o.maxQueuedSimulations) {
        throw new HttpError(503, "Server.Busy", "too many simulations are waiting; try again shortly");
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
    this.running++;
    onStart();
    try {
      return await this.once(request);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private once(request: SimulateRequest): Promise<SimReply> {
    const job: SimJob = { request, maxQubits: this.o.maxQubits, maxMemoryBytes: WORKER_MEMORY_BYTES };
    const worker = new Worker(this.workerUrl, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    this.workers.add(worker);
    return new Promise<SimReply>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(
          new HttpError(
            408,
            "Server.TimeLimit",
            `the simulation did not finish within ${this.o.timeoutMs / 1000} s and was stopped`,
            "run it with `qfit run FILE` on the command line, or start the server with a longer --timeout",
          ),
        );
      }, this.o.timeoutMs);
      worker.once("message", (m: SimReply) => resolvePromise(m));
      worker.once("error", (e) =>
        reject(
          /ERR_WORKER_OUT_OF_MEMORY|heap/i.test(String((e as NodeJS.ErrnoException).code ?? e.message))
            ? new HttpError(413, "Server.OutOfMemory", "the circuit needs more memory than a request may use")
            : e,
        ),
      );
      worker.once("exit", () => {
        clearTimeout(timer);
        this.workers.delete(worker);
      });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const o = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as typeof DEFAULTS;
  const webRoot = resolve(options.webRoot ?? fileURLToPath(new URL("../web/", import.meta.url)));
  const sims = new SimulationQueue(o, new URL("./sim-worker.js", import.meta.url));

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    "GET /api/devices": async (_req, res) => sendJson(res, 200, api.devices()),
    "GET /api/roadmap": async (_req, res) => sendJson(res, 200, api.roadmap()),
    "POST /api/estimate": async (req, res) =>
      sendJson(res, 200, api.estimate(await readJson(req, o.maxBodyBytes))),
    "POST /api/crossover": async (req, res) =>
      sendJson(res, 200, api.crossover(await readJson(req, o.maxBodyBytes))),
    "POST /api/simulate": async (req, res) => {
      const body = validate(simulateRequestSchema, await readJson(req, o.maxBodyBytes), "body");
      const stream = String(req.headers.accept ?? "").includes("text/event-stream");
      if (!stream) {
        const reply = await sims.run(body, () => {});
        return answerSimulation(res, reply);
      }
      // Server-sent events: "queued", "running" with the elapsed time every 250 ms, then "result" or "error".
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      const send = (event: string, data: unknown) =>
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send("progress", { phase: "queued" });
      const started = Date.now();
      let beat: NodeJS.Timeout | undefined;
      try {
        const reply = await sims.run(body, () => {
          send("progress", { phase: "running", elapsedMs: 0 });
          beat = setInterval(
            () => send("progress", { phase: "running", elapsedMs: Date.now() - started }),
            250,
          );
        });
        if (reply.ok) send("result", reply.result);
        else send("error", { ...reply.error, hint: reply.error.hint ?? null });
      } catch (e) {
        send("error", isQfitError(e) ? errorBody(e) : { code: "Internal", message: String(e), hint: null });
      } finally {
        clearInterval(beat);
        res.end();
      }
    },
  };

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      throw new HttpError(405, "Server.MethodNotAllowed", `${req.method} is not allowed on ${pathname}`);
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, "Server.BadPath", "the path is not valid percent-encoding");
    }
    // Only files inside the dashboard folder: anything that resolves outside it (.., encoded or not) is refused.
    const file = resolve(webRoot, `.${decoded === "/" ? "/index.html" : decoded}`);
    if (decoded.includes("\0") || (file !== webRoot && !file.startsWith(webRoot + sep))) {
      throw new HttpError(404, "Server.NotFound", `no such file: ${pathname}`);
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new HttpError(404, "Server.NotFound", `no such file: ${pathname}`);
    const data = await readFile(file);
    res.writeHead(200, {
      "content-type": MIME[extname(file)] ?? "application/octet-stream",
      "content-length": data.length,
      "x-content-type-options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : data);
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) return await route(req, res);
      if (url.pathname.startsWith("/api/")) {
        const known = Object.keys(routes).some((k) => k.endsWith(` ${url.pathname}`));
        throw known
          ? new HttpError(405, "Server.MethodNotAllowed", `${req.method} is not allowed on ${url.pathname}`)
          : new HttpError(
              404,
              "Server.NotFound",
              `no API route ${url.pathname}`,
              `routes: ${Object.keys(routes).join(", ")}`,
            );
      }
      await serveStatic(req, res, url.pathname);
    } catch (e) {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (e instanceof HttpError) return sendJson(res, e.status, errorBody(e));
      if (isQfitError(e)) return sendJson(res, e.userError ? 400 : 500, errorBody(e));
      sendJson(res, 500, {
        code: "Internal",
        message: e instanceof Error ? e.message : String(e),
        hint: null,
      });
    }
  });
  server.requestTimeout = o.timeoutMs + 10_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(o.port, o.host, () => ok());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : o.port;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/`,
    server,
    async close() {
      await sims.close();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function answerSimulation(res: ServerResponse, reply: SimReply): void {
  if (reply.ok) sendJson(res, 200, reply.result);
  else sendJson(res, reply.userError ? 400 : 500, { ...reply.error, hint: reply.error.hint ?? null });
}
