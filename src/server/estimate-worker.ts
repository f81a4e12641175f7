// A pooled worker thread that answers /api/estimate and /api/crossover for the server, so a verdict with its
// Monte Carlo bands (on by default, as on the CLI) never stalls the server's event loop for other requests.
import * as api from "../api/handlers.js";
import { isQfitError } from "../errors.js";

export interface EstimateTask {
  route: "estimate" | "crossover";
  body: unknown;
}

export type EstimateReply =
  | { ok: true; result: unknown }
  | {
      ok: false;
      userError: boolean;
      error: { code: string; message: string; hint?: string; line?: number; col?: number };
    };

export default function answer(task: EstimateTask): EstimateReply {
  try {
    return {
      ok: true,
      result: task.route === "estimate" ? api.estimate(task.body) : api.crossover(task.body),
    };
  } catch (e) {
    return isQfitError(e)
      ? { ok: false, userError: e.userError, error: e.toJSON() }
      : {
          ok: false,
          userError: false,
          error: { code: "Internal", message: e instanceof Error ? e.message : String(e) },
        };
  }
}
