// A worker thread that runs one simulation for the server, so a long run neither blocks the server's event loop
// nor outlives its time limit (the server terminates the worker).
import { parentPort, workerData } from "node:worker_threads";
import type { SimulateRequest } from "../api/schemas.js";
import { simulateQasm } from "../api/simulate-qasm.js";
import { isQfitError } from "../errors.js";
import { enableRelaxedSimd } from "../sim/kernels/relaxed-simd-node.js";

enableRelaxedSimd();
export interface SimJob {
  request: SimulateRequest;
  maxQubits: number;
  maxMemoryBytes: number;
  /** Work budgets from the server's time limit (run/on-device.ts workBudgetWithin). */
  maxRoutingWork: number;
  maxNoisyWork: number;
}

export type SimReply =
  | { ok: true; result: ReturnType<typeof simulateQasm> }
  | {
      ok: false;
      userError: boolean;
      error: { code: string; message: string; hint?: string; line?: number; col?: number };
    };

const job = workerData as SimJob;
let reply: SimReply;
try {
  const { qasm, ...options } = job.request;
  reply = {
    ok: true,
    // The request's fields are the run options (run/options.ts): the same defaults as `qfit run`.
    result: simulateQasm(qasm, {
      ...options,
      filename: "circuit.qasm",
      maxQubits: job.maxQubits,
      maxMemoryBytes: job.maxMemoryBytes,
      maxRoutingWork: job.maxRoutingWork,
      maxNoisyWork: job.maxNoisyWork,
    }),
  };
} catch (e) {
  reply = isQfitError(e)
    ? { ok: false, userError: e.userError, error: e.toJSON() }
    : {
        ok: false,
        userError: false,
        error: { code: "Internal", message: e instanceof Error ? e.message : String(e) },
      };
}
parentPort?.postMessage(reply);
