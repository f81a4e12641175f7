// A worker thread that runs one simulation for the server, so a long run neither blocks the server's event loop
// nor outlives its time limit (the server terminates the worker).
import { parentPort, workerData } from "node:worker_threads";
import type { SimulateRequest } from "../api/schemas.js";
import { simulateQasm } from "../api/simulate-qasm.js";
import { enableRelaxedSimd } from "../sim/kernels/relaxed-simd-node.js";
import { replyOf, type WorkerReply } from "./worker-reply.js";

enableRelaxedSimd();
export interface SimJob {
  request: SimulateRequest;
  maxQubits: number;
  maxMemoryBytes: number;
  /** Work budgets from the server's time limit (run/on-device.ts workBudgetWithin). */
  maxRoutingWork: number;
  maxNoisyWork: number;
}

export type SimReply = WorkerReply<ReturnType<typeof simulateQasm>>;

const job = workerData as SimJob;
const { qasm, ...options } = job.request;
// The request's fields are the run options (run/options.ts): the same defaults as `qfit run`.
const reply: SimReply = replyOf(() =>
  simulateQasm(qasm, {
    ...options,
    filename: "circuit.qasm",
    maxQubits: job.maxQubits,
    maxMemoryBytes: job.maxMemoryBytes,
    maxRoutingWork: job.maxRoutingWork,
    maxNoisyWork: job.maxNoisyWork,
  }),
);
parentPort?.postMessage(reply);
