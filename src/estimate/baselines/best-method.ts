// The classical side runs the strongest standard method that fits: the fastest one whose working set fits in
// the machine's memory; when none fits, the one needing the least memory (reported as not fitting).
export function bestMethod<T extends { memoryBytes: number }>(
  candidates: T[],
  seconds: (c: T) => number,
  memoryCapacityBytes: number,
): T {
  if (candidates.length === 0) throw new RangeError("no candidate methods");
  const fits = candidates.filter((c) => c.memoryBytes <= memoryCapacityBytes);
  if (fits.length > 0) return fits.reduce((a, b) => (seconds(b) < seconds(a) ? b : a));
  return candidates.reduce((a, b) => (b.memoryBytes < a.memoryBytes ? b : a));
}
