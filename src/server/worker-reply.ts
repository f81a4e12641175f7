// What a server worker thread (simulation or estimate) sends back: the result, or the error as plain data (a
// QfitError does not survive postMessage as a class). One shape, one serialisation, one HTTP mapping.
import { isQfitError } from "../errors.js";

export type WorkerReply<T> =
  | { ok: true; result: T }
  | {
      ok: false;
      userError: boolean;
      error: { code: string; message: string; hint?: string; line?: number; col?: number };
    };

/** Runs `work` in the worker and returns its reply: a user error stays a user error (HTTP 400), anything else 500. */
export function replyOf<T>(work: () => T): WorkerReply<T> {
  try {
    return { ok: true, result: work() };
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

/** The HTTP status and JSON body of a reply (`hint` always present, null when there is none). */
export function httpOf<T>(reply: WorkerReply<T>): { status: number; body: unknown } {
  if (reply.ok) return { status: 200, body: reply.result };
  return { status: reply.userError ? 400 : 500, body: { ...reply.error, hint: reply.error.hint ?? null } };
}
