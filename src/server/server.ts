// The local HTTP server behind `qfit serve`: the built dashboard as static files and a small JSON API. It listens
// on 127.0.0.1 by default, reads no file a request names outside the dashboard folder, bounds every request
// (body size, qubits, shots, run time) and answers bad input with JSON {code, message, hint} and a 4xx status.
//
// It has no authentication, so it must only be reachable by its user (SECURITY.md). Like Jupyter's
// `allow_remote_access` check and Vite's `server.allowedHosts`, it refuses a Host header that is not this server's
// loopback name or address with its port (a DNS-rebinding page sends its own domain as Host); like both, it
// refuses state-changing requests from another Origin, and its JSON endpoints need `Content-Type:
// application/json`, which a cross-origin page cannot send without a CORS preflight (that this server never
// grants). Slow and idle connections are dropped; a request whose client goes away stops its simulation.
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { Tinypool } from "tinypool";
import * as api from "../api/handlers.js";
import { type SimulateRequest, simulateRequestSchema } from "../api/schemas.js";
import { validate } from "../api/validate.js";
import { isQfitError, QfitError, userError } from "../errors.js";
import { workBudgetWithin } from "../run/on-device.js";
import type { EstimateReply, EstimateTask } from "./estimate-worker.js";
import type { SimJob, SimReply } from "./sim-worker.js";
import { httpOf, type WorkerReply } from "./worker-reply.js";

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
  /**
   * Listening on an address that is not loopback must be asked for explicitly: the API has no authentication.
   * With it, Host headers naming the listening address or any IP literal are accepted too.
   */
  allowRemote?: boolean;
  /** Longest a client may take to send its headers, and keep an idle connection open, in ms (default 10 s). */
  idleTimeoutMs?: number;
  /** Connections held at once; more are refused by the kernel's backlog (default 1024). */
  maxConnections?: number;
}

const DEFAULTS = {
  host: "127.0.0.1",
  port: 0,
  maxQubits: 24,
  maxBodyBytes: 1 << 20,
  timeoutMs: 20_000,
  maxConcurrentSimulations: 2,
  maxQueuedSimulations: 64,
  allowRemote: false,
  idleTimeoutMs: 10_000,
  maxConnections: 1024,
};

/**
 * Sent with every response. The dashboard loads only its own scripts, styles and WebAssembly, talks only to this
 * server and may not be framed, so a page elsewhere can neither inject into it nor clickjack it.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-resource-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};

/** 127.0.0.0/8, ::1 and the names that always resolve to them (RFC 6761: localhost and *.localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (h === "::1" || h === "0:0:0:0:0:0:0:1" || h === "::ffff:127.0.0.1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const isIpLiteral = (hostname: string): boolean =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || /^\[[0-9a-f:.]+\]$/i.test(hostname);

/**
 * Whether a Host header names this server: a loopback name or address with the listening port. With remote
 * access allowed, also the listening address itself and IP literals (a DNS-rebinding attack needs a domain
 * name, never an IP literal, which is why Vite accepts them too).
 */
export function hostAllowed(
  header: string | undefined,
  port: number,
  listenHost: string,
  remote: boolean,
): boolean {
  if (!header) return false;
  let url: URL;
  try {
    url = new URL(`http://${header}`);
  } catch {
    return false;
  }
  if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return false;
  if (Number(url.port || 80) !== port) return false;
  const name = url.hostname;
  if (isLoopbackHost(name)) return true;
  if (!remote) return false;
  const bound = listenHost.includes(":") ? `[${listenHost.toLowerCase()}]` : listenHost.toLowerCase();
  return name.toLowerCase() === bound || isIpLiteral(name);
}

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
    ...SECURITY_HEADERS,
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

/** JSON endpoints take only JSON: a cross-origin form or `text/plain` fetch (no preflight) is refused unread. */
function requireJsonBody(req: IncomingMessage): void {
  const type = String(req.headers["content-type"] ?? "")
    .split(";")[0]
    .trim()
    .toLowerCase();
  if (type !== "application/json") {
    throw new HttpError(
      415,
      "Server.UnsupportedMediaType",
      `the request body must be sent with Content-Type: application/json${type ? `, not ${type}` : ""}`,
      "send Content-Type: application/json with a JSON object",
    );
  }
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  requireJsonBody(req);
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

  /** Runs one simulation; `signal` aborts it (the client went away): off the queue, or its worker terminated. */
  async run(request: SimulateRequest, onStart: () => void, signal: AbortSignal): Promise<SimReply> {
    if (this.running >= this.o.maxConcurrentSimulations) {
      if (this.waiting.length >= this.o.maxQueuedSimulations) {
        throw new HttpError(503, "Server.Busy", "too many simulations are waiting; try again shortly");
      }
      await new Promise<void>((ok, fail) => {
        const wake = () => {
          signal.removeEventListener("abort", leave);
          ok();
        };
        const leave = () => {
          this.waiting = this.waiting.filter((w) => w !== wake);
          fail(cancelled());
        };
        this.waiting.push(wake);
        signal.addEventListener("abort", leave, { once: true });
      });
    }
    if (signal.aborted) {
      this.waiting.shift()?.();
      throw cancelled();
    }
    this.running++;
    onStart();
    try {
      return await this.once(request, signal);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Simulations running now (for tests and the status of a busy server). */
  get active(): number {
    return this.running;
  }

  private once(request: SimulateRequest, signal: AbortSignal): Promise<SimReply> {
    const job: SimJob = {
      request,
      maxQubits: this.o.maxQubits,
      maxMemoryBytes: WORKER_MEMORY_BYTES,
      ...workBudgetWithin(this.o.timeoutMs / 1000),
    };
    const worker = new Worker(this.workerUrl, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    this.workers.add(worker);
    return new Promise<SimReply>((resolvePromise, reject) => {
      // The client went away: nobody will read the answer, so stop the work now and free the slot.
      const abort = () => {
        void worker.terminate();
        reject(cancelled());
      };
      signal.addEventListener("abort", abort, { once: true });
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
        signal.removeEventListener("abort", abort);
        this.workers.delete(worker);
        // A worker that ended without answering (terminated, or crashed outside the handler) never hangs a request.
        reject(new HttpError(500, "Server.WorkerExited", "the simulation stopped without an answer"));
      });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}

const cancelled = () =>
  new HttpError(
    499,
    "Server.ClientClosedRequest",
    "the client closed the connection; the simulation was stopped",
  );

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
  const estimates = new EstimatePool(o, new URL("./estimate-worker.js", import.meta.url));

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    "GET /api/devices": async (_req, res) => sendJson(res, 200, api.devices()),
    "GET /api/roadmap": async (_req, res) => sendJson(res, 200, api.roadmap()),
    "POST /api/estimate": async (req, res) => answerReply(res, await estimates.answer("estimate", req, res)),
    "POST /api/crossover": async (req, res) =>
      answerReply(res, await estimates.answer("crossover", req, res)),
    "POST /api/simulate": async (req, res) => {
      const body = validate(simulateRequestSchema, await readJson(req, o.maxBodyBytes), "body");
      const stream = String(req.headers.accept ?? "").includes("text/event-stream");
      const gone = abandonment(res);
      if (!stream) {
        const reply = await sims.run(body, () => {}, gone.signal);
        return answerReply(res, reply);
      }
      // Server-sent events: "queued", "running" with the elapsed time every 250 ms, then "result" or "error".
      res.writeHead(200, {
        ...SECURITY_HEADERS,
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
        const reply = await sims.run(
          body,
          () => {
            send("progress", { phase: "running", elapsedMs: 0 });
            beat = setInterval(
              () => send("progress", { phase: "running", elapsedMs: Date.now() - started }),
              250,
            );
          },
          gone.signal,
        );
        send(reply.ok ? "result" : "error", httpOf(reply).body);
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
      ...SECURITY_HEADERS,
      "content-type": MIME[extname(file)] ?? "application/octet-stream",
      "content-length": data.length,
    });
    res.end(req.method === "HEAD" ? undefined : data);
  }

  let port = o.port;
  /** Refuses what a page on another site could send: a foreign Host (DNS rebinding) or a foreign Origin. */
  const checkCaller = (req: IncomingMessage): void => {
    if (!hostAllowed(req.headers.host, port, o.host, o.allowRemote)) {
      throw new HttpError(
        403,
        "Server.ForbiddenHost",
        `the Host header ${JSON.stringify(req.headers.host ?? "")} does not name this server`,
        `open the dashboard at http://127.0.0.1:${port}/ or http://localhost:${port}/`,
      );
    }
    const origin = req.headers.origin;
    const stateChanging = req.method !== "GET" && req.method !== "HEAD";
    if (stateChanging && origin !== undefined && origin !== `http://${req.headers.host}`) {
      throw new HttpError(
        403,
        "Server.ForbiddenOrigin",
        `requests from ${JSON.stringify(origin)} may not change state here; only the dashboard's own pages may`,
      );
    }
    if (stateChanging && req.headers["sec-fetch-site"] === "cross-site") {
      throw new HttpError(403, "Server.ForbiddenOrigin", "cross-site requests may not change state here");
    }
  };

  const checkEvery = Math.max(100, Math.min(1000, o.idleTimeoutMs / 2));
  const server = createServer({ connectionsCheckingInterval: checkEvery }, async (req, res) => {
    try {
      checkCaller(req);
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
      if (e instanceof HttpError) {
        if (e.status === 499) return void res.destroy(); // nobody is listening for an answer
        return sendJson(res, e.status, errorBody(e));
      }
      if (isQfitError(e)) return sendJson(res, e.userError ? 400 : 500, errorBody(e));
      sendJson(res, 500, {
        code: "Internal",
        message: e instanceof Error ? e.message : String(e),
        hint: null,
      });
    }
  });
  // Slowloris and idle connections: headers must arrive within the idle timeout, a whole request body within
  // requestTimeout, and an idle keep-alive connection is closed after the idle timeout (Node checks these every
  // connectionsCheckingInterval). No socket inactivity timeout: a request waiting in the simulation queue is
  // silent for as long as it waits, and its own time limit bounds it once it runs.
  server.headersTimeout = o.idleTimeoutMs;
  server.requestTimeout = o.idleTimeoutMs + 10_000;
  server.keepAliveTimeout = o.idleTimeoutMs;
  server.maxConnections = o.maxConnections;

  await new Promise<void>((ok, fail) => {
    // A port in use or a host not on this machine is the caller's choice, not a bug: a user error (exit 2).
    server.once("error", (e: NodeJS.ErrnoException) =>
      fail(
        e.code === "EADDRINUSE" || e.code === "EADDRNOTAVAIL" || e.code === "EACCES"
          ? userError(
              "Server.Listen",
              e.code === "EADDRINUSE"
                ? `port ${o.port} on ${o.host} is already in use`
                : `cannot listen on ${o.host}:${o.port} (${e.code})`,
              { field: "port", hint: "pass another --port, or --port 0 for any free port" },
            )
          : e,
      ),
    );
    server.listen(o.port, o.host, () => ok());
  });
  const address = server.address();
  port = typeof address === "object" && address ? address.port : o.port;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/`,
    server,
    async close() {
      await Promise.all([sims.close(), estimates.close()]);
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Estimates and crossovers in a small pool of long-lived worker threads (Tinypool): the event loop stays free for
 * other requests while a verdict's Monte Carlo runs, and a request past the time limit or whose client went away
 * has its worker stopped.
 */
class EstimatePool {
  private readonly pool: Tinypool;

  constructor(
    private readonly o: typeof DEFAULTS,
    worker: URL,
  ) {
    const threads = Math.max(1, Math.min(2, o.maxConcurrentSimulations));
    this.pool = new Tinypool({
      filename: worker.href,
      minThreads: 1,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
  }

  async answer(
    route: EstimateTask["route"],
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<EstimateReply> {
    const body = await readJson(req, this.o.maxBodyBytes);
    const gone = abandonment(res);
    const timer = setTimeout(() => gone.abort(new Error("time")), this.o.timeoutMs);
    try {
      return (await this.pool.run({ route, body } satisfies EstimateTask, {
        signal: gone.signal,
      })) as EstimateReply;
    } catch (e) {
      if (gone.signal.reason instanceof Error && gone.signal.reason.message === "time")
        throw new HttpError(
          408,
          "Server.TimeLimit",
          `the estimate did not finish within ${this.o.timeoutMs / 1000} s and was stopped`,
          "ask for fewer samples, or start the server with a longer --timeout",
        );
      if (gone.signal.aborted) throw cancelled();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** Aborted when the response closes before it was finished: the client went away (or the socket timed out). */
function abandonment(res: ServerResponse): AbortController {
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  return gone;
}

/** Sends a worker's reply (simulation or estimate) as the HTTP answer. */
function answerReply<T>(res: ServerResponse, reply: WorkerReply<T>): void {
  const { status, body } = httpOf(reply);
  sendJson(res, status, body);
}
