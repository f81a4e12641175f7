// What a server worker thread (simulation or estimate) sends back: the result, or the error as plain data
// (errors.ts errorData: a QfitError does not survive postMessage as a class). One shape, one HTTP mapping.
import { type ErrorData, errorData, errorFromData, isQfitError } from "../errors.js";

export type WorkerReply<T> = { ok: true; result: T } | { ok: false; error: ErrorData };

/** Runs `work` in the worker and returns its reply. */
export function replyOf<T>(work: () => T): WorkerReply<T> {
  try {
    return { ok: true, result: work() };
  } catch (e) {
    return { ok: false, error: errorData(e) };
  }
}

/** The HTTP status and JSON body of a reply: a user error is 400, anything else 500 (`hint` always present, null
 *  when there is none). */
export function httpOf<T>(reply: WorkerReply<T>): { status: number; body: unknown } {
  if (reply.ok) return { status: 200, body: reply.result };
  const e = errorFromData(reply.error);
  if (!isQfitError(e)) return { status: 500, body: { code: "Internal", message: e.message, hint: null } };
  return { status: e.userError ? 400 : 500, body: { ...e.toJSON(), hint: e.hint ?? null } };
}
