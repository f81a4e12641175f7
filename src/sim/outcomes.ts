// Classical outcome keys in Qiskit's `get_counts` form: each register's bits with bit 0 rightmost, registers
// separated by a space, the last declared register leftmost.

export interface KeyRegister {
  offset: number;
  size: number;
}

/** The key of a classical bit assignment; `registers` are already in key order (last declared first). */
export function outcomeKey(clbits: Uint8Array, registers: readonly KeyRegister[]): string {
  const parts: string[] = [];
  for (const r of registers) {
    let s = "";
    for (let b = r.size - 1; b >= 0; b--) s += clbits[r.offset + b] ? "1" : "0";
    parts.push(s);
  }
  return parts.join(" ");
}

/** Keep the `k` entries with the largest values (ties: smaller key first), returned in key order. */
export function topEntries(record: Record<string, number>, k: number): Record<string, number> {
  const kept = Object.entries(record)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, k);
  return sortedRecord(new Map(kept));
}

/** A plain object with keys in ascending order. */
export function sortedRecord(map: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}
