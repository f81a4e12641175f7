// Content addresses: a job's id is the SHA-256 of its normalised inputs (canonical JSON: keys sorted, no
// undefined) and the qfit version; circuits and results travel between machines under the hash of their text.
// Web Crypto (globalThis.crypto.subtle) exists in Node ≥ 19 and every browser, so the core stays free of node:*.

/** JSON with object keys sorted at every level and undefined fields dropped: equal inputs, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Lower-case hex SHA-256 of a UTF-8 string. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Ids are shortened to 24 hex digits (96 bits): collisions stay negligible far beyond any sweep size. */
export const ID_HEX_DIGITS = 24;

export async function contentId(value: unknown): Promise<string> {
  return (await sha256Hex(canonicalJson(value))).slice(0, ID_HEX_DIGITS);
}
