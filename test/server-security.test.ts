// The local server's promises (SECURITY.md), checked against the real process: `qfit serve` on 127.0.0.1 and a free
// port. Only its user can reach it (foreign Host and cross-origin requests refused), security headers on every
// response, slow and idle clients dropped, oversize bodies 413, a client that goes away frees its worker, and 200
// concurrent valid requests all answered. Bounded: every request here ends by itself.
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/qfit.js", import.meta.url));
let port = 0;

const BELL =
  'OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; creg c[2]; h q[0]; cx q[0], q[1]; measure q -> c;';
/** A simulation that runs until stopped: 22 qubits, thousands of layers. */
// Minutes of work at 24 qubits: rotations on every qubit between CNOTs that reach across the state, which neither
// fusion nor cache blocking can fold away (a run of h/cx/rz on 22 qubits folded into under a second).
const LONG = `OPENQASM 2.0; include "qelib1.inc"; qreg q[24]; ${"rx(0.3) q; cx q[0], q[23]; ry(0.7) q; cx q[23], q[1]; rz(0.1) q[5]; cx q[5], q[20];".repeat(4000)}`;

/** Starts `qfit serve` with these options on a free port; resolves with the process and its port. */
async function serve(args: string[]): Promise<{ p: ChildProcess; port: number }> {
  const p = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    p.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("\n")) ok(out.split("\n")[0].trim());
    });
    p.once("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { p, port: Number(new URL(url).port) };
}

let strict: { p: ChildProcess; port: number };
let roomy: { p: ChildProcess; port: number };

beforeAll(async () => {
  // One server with a 1 s idle timeout for the slow-client tests; one with the defaults (10 s) for load, where a
  // busy shared machine may take longer than 1 s to read the headers of 200 connections opened at once.
  strict = await serve(["--timeout", "60", "--idle-timeout", "1"]);
  roomy = await serve(["--timeout", "60"]);
  port = strict.port;
});

afterAll(() => {
  strict?.p.kill("SIGTERM");
  roomy?.p.kill("SIGTERM");
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = { "content-type": "application/json" },
  signal?: AbortSignal,
  to = port,
): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: "127.0.0.1", port: to, method, path, headers, agent: false, signal },
      (res) => {
        let data = "";
        res.on("data", (c) => (data += c));
        res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on("error", fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A raw socket: sends `text`, resolves with how long the server took to close it (or rejects after `maxMs`). */
function closedAfter(text: string, maxMs: number, trickle = false): Promise<number> {
  return new Promise((ok, fail) => {
    const start = Date.now();
    const s = connect(port, "127.0.0.1");
    let timer: NodeJS.Timeout | undefined;
    s.on("connect", () => {
      if (!trickle) s.write(text);
      else {
        let i = 0;
        timer = setInterval(() => {
          if (i < text.length && !s.destroyed) s.write(text[i++]);
        }, 300);
      }
    });
    s.on("data", () => {});
    s.on("error", () => {});
    s.on("close", () => {
      clearInterval(timer);
      ok(Date.now() - start);
    });
    setTimeout(() => {
      s.destroy();
      fail(new Error(`the server kept the connection open for ${maxMs} ms`));
    }, maxMs);
  });
}

describe("only its user can reach it", () => {
  it("listens on 127.0.0.1 by default", () => {
    expect(port).toBeGreaterThan(0);
  });

  it("answers its own loopback names with the port", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `app.localhost:${port}`]) {
      const r = await http("GET", "/api/roadmap", undefined, { host });
      expect(r.status, host).toBe(200);
    }
  });

  it("refuses a foreign Host (DNS rebinding) with 403, on the API and the dashboard", async () => {
    for (const host of [
      "evil.example",
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      "127.0.0.1",
      `localhost.evil.example:${port}`,
    ]) {
      for (const path of ["/api/devices", "/"]) {
        const r = await http("GET", path, undefined, { host });
        expect(r.status, `${host} ${path}`).toBe(403);
        expect(JSON.parse(r.body).code).toBe("Server.ForbiddenHost");
        expect(r.body).not.toMatch(/h100/);
      }
    }
  });

  it("refuses a cross-origin text/plain POST (no preflight) before running it", async () => {
    const r = await http("POST", "/api/simulate", JSON.stringify({ qasm: BELL }), {
      "content-type": "text/plain",
      origin: "http://evil.example",
    });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).code).toBe("Server.ForbiddenOrigin");
  });

  it("refuses JSON endpoints without Content-Type: application/json (form, multipart, text, none)", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "",
    ]) {
      const headers: Record<string, string> = type ? { "content-type": type } : {};
      const r = await http("POST", "/api/simulate", JSON.stringify({ qasm: BELL }), headers);
      expect(r.status, type).toBe(415);
      expect(JSON.parse(r.body).code).toBe("Server.UnsupportedMediaType");
    }
  });

  it("accepts the dashboard's own same-origin POST", async () => {
    const r = await http("POST", "/api/simulate", JSON.stringify({ qasm: BELL, seed: 1 }), {
      "content-type": "application/json",
      origin: `http://127.0.0.1:${port}`,
      "sec-fetch-site": "same-origin",
    });
    expect(r.status).toBe(200);
  });

  it("refuses a state-changing request a browser marks cross-site", async () => {
    const r = await http("POST", "/api/estimate", "{}", {
      "content-type": "application/json",
      "sec-fetch-site": "cross-site",
    });
    expect(r.status).toBe(403);
  });

  it("sends Content-Security-Policy, nosniff and Referrer-Policy on every response", async () => {
    for (const r of [
      await http("GET", "/"),
      await http("GET", "/api/devices"),
      await http("GET", "/api/nothing"),
      await http("POST", "/api/estimate", "{oops"),
    ]) {
      expect(r.headers["content-security-policy"]).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("refuses to listen on a non-loopback address without --allow-remote (exit 2)", async () => {
    const p = spawn(process.execPath, [BIN, "serve", "--host", "0.0.0.0", "--port", "0"], { stdio: "pipe" });
    let err = "";
    p.stderr!.on("data", (d) => (err += d));
    const code = await new Promise((r) => p.once("exit", r));
    expect(code).toBe(2);
    expect(err).toMatch(/--allow-remote/);
  });

  it("a port already in use is a user error naming the port (exit 2, no stack)", async () => {
    const p = spawn(process.execPath, [BIN, "serve", "--port", String(strict.port)], { stdio: "pipe" });
    let err = "";
    p.stderr!.on("data", (d) => (err += d));
    const code = await new Promise((r) => p.once("exit", r));
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`port ${strict.port} .*already in use`));
    expect(err).not.toMatch(/internal error|\n\s+at /);
  });
});

describe("bounded connections", () => {
  it("a 10 MiB body is refused with 413 without reading it", async () => {
    // The server answers as soon as it sees the declared length; the client's later writes may then fail (EPIPE),
    // which is the point: the body is never read.
    const status = await new Promise<number>((ok, fail) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/simulate",
          agent: false,
          headers: { "content-type": "application/json", "content-length": String(10 * 2 ** 20) },
        },
        (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        },
      );
      req.on("error", () => {});
      req.write("x".repeat(2 ** 16));
      setTimeout(() => fail(new Error("no answer to an oversize body")), 30_000);
    });
    expect(status).toBe(413);
  });

  it("an idle connection (sends nothing) is dropped after the idle timeout", async () => {
    const ms = await closedAfter("", 15_000);
    expect(ms).toBeGreaterThanOrEqual(900);
  });

  it("a slowloris client (headers one byte every 300 ms) is dropped", async () => {
    await closedAfter(
      `GET /api/devices HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: ${"a".repeat(200)}\r\n\r\n`,
      15_000,
      true,
    );
  });

  it("an idle keep-alive connection is closed after its response", async () => {
    await closedAfter(
      `GET /api/roadmap HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`,
      15_000,
    );
  });

  it("200 concurrent valid requests are all answered", async () => {
    port = roomy.port;
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 4 === 0
          ? http("POST", "/api/simulate", JSON.stringify({ qasm: BELL, seed: i }))
          : i % 4 === 1
            ? http("POST", "/api/estimate", JSON.stringify({ kind: "llm-training", preset: "llama-3.1-8b" }))
            : http("GET", i % 4 === 2 ? "/api/devices" : "/api/roadmap"),
      ),
    );
    port = strict.port;
    expect(replies.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.slice(0, 120)}`)).toEqual(
      [],
    );
  }, 300_000);
});

describe("cancellation", () => {
  it("a client that disconnects stops its simulation, and the next request is served at once", async () => {
    // A server that never queues: while both simulation slots are held, a request is refused with 503 at once.
    // No clock is read: were the abandoned runs still holding the slots (they would, until the 600 s limit), every
    // Bell request below would be refused.
    const lone = await serve(["--timeout", "600", "--max-queued", "0"]);
    const on = (method: string, path: string, body: string, signal?: AbortSignal) =>
      http(method, path, body, undefined, signal, lone.port);
    try {
      // Fill both slots with long runs, then walk away from them.
      const controllers = [new AbortController(), new AbortController()];
      const pending = controllers.map((c) =>
        on("POST", "/api/simulate", JSON.stringify({ qasm: LONG }), c.signal).catch(() => null),
      );
      await new Promise((r) => setTimeout(r, 1500));
      const busy = await on("POST", "/api/simulate", JSON.stringify({ qasm: BELL, seed: 2 }));
      expect(busy.status).toBe(503); // the slots really are held
      for (const c of controllers) c.abort();
      await Promise.all(pending);
      // The server learns of the disconnects a moment after the client: a bounded number of tries.
      let r = busy;
      for (let i = 0; i < 50 && r.status === 503; i++) {
        await new Promise((ok) => setTimeout(ok, 100));
        r = await on("POST", "/api/simulate", JSON.stringify({ qasm: BELL, seed: 2 }));
      }
      expect(r.status).toBe(200);
    } finally {
      lone.p.kill("SIGTERM");
    }
  }, 120_000);
});
