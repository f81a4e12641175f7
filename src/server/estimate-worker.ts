// A pooled worker thread that answers /api/estimate and /api/crossover for the server, so a verdict with its
// Monte Carlo bands (on by default, as on the CLI) never stalls the server's event loop for other requests.
import * as api from "../api/handlers.js";
import { replyOf, type WorkerReply } from "./worker-reply.js";

export interface EstimateTask {
  route: "estimate" | "crossover";
  body: unknown;
}

export type EstimateReply = WorkerReply<unknown>;

export default function answer(task: EstimateTask): EstimateReply {
  return replyOf(() => (task.route === "estimate" ? api.estimate(task.body) : api.crossover(task.body)));
}
