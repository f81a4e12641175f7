// Dashboard state lives in the URL's query string, so a view can be shared by copying the address. Each field is a
// signal initialised from the URL; any change is written back with history.replaceState.
import { effect, type Signal, signal } from "@preact/signals";

const params = new URLSearchParams(location.search);
const fields = new Map<string, Signal<string>>();

/** A string field stored in the URL under `key` (omitted from the URL while it equals the default). */
export function urlState(key: string, fallback: string): Signal<string> {
  let s = fields.get(key);
  if (!s) {
    s = signal(params.get(key) ?? fallback);
    fields.set(key, s);
    const defaultValue = fallback;
    const sig = s;
    effect(() => {
      const value = sig.value;
      const q = new URLSearchParams(location.search);
      if (value === defaultValue) q.delete(key);
      else q.set(key, value);
      const search = q.toString();
      const next = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
      if (next !== `${location.pathname}${location.search}${location.hash}`)
        history.replaceState(null, "", next);
    });
  }
  return s;
}

/** Parses a number field, falling back when the URL holds something that is not a finite number. */
export function num(s: Signal<string>, fallback: number): number {
  const v = Number(s.value);
  return Number.isFinite(v) ? v : fallback;
}
