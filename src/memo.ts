// One bounded memo for pure functions of plain inputs: the report's thousands of evaluations ask the same questions
// (estimates, QEC models, source citations), and each answer is kept by a key the caller derives from the input.
// Bounded by entry count, emptied when full: a simple bound that never lets a long-running process (the server)
// grow without limit, and costs nothing per read. Answers are shared: callers treat them as read-only.

/** A memo of at most `maxEntries` answers (all dropped when a new one would exceed it): `(key, compute)` gives the
 *  answer kept under `key`, else computes, keeps and returns it. A computation that throws keeps nothing. */
export function boundedMemo<K, V>(maxEntries: number): (key: K, compute: () => V) => V {
  const kept = new Map<K, V>();
  return (key, compute) => {
    const known = kept.get(key);
    if (known !== undefined || kept.has(key)) return known as V;
    const value = compute();
    if (kept.size >= maxEntries) kept.clear();
    kept.set(key, value);
    return value;
  };
}
