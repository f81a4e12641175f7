// "Did you mean ...?" for near-miss names. Bounded work: only names up to `LIMITS.maxSuggestedNameLength` are
// compared, and the distance is computed in a band of width 2·max+1 around the diagonal (cells farther from it
// cannot be within `max`), so one comparison costs O(length · max), not O(length²).

import { LIMITS } from "./budget.js";

/** Levenshtein distance, or `max + 1` for anything farther than `max` (banded: O(|a|·max) time and memory). */
export function editDistance(a: string, b: string, max = Math.max(a.length, b.length)): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const far = max + 1;
  // prev[j] and cur[j] hold row i of the DP table for columns j in [i-max, i+max]; outside it, `far`.
  let prev = new Array<number>(b.length + 1).fill(far);
  let cur = new Array<number>(b.length + 1).fill(far);
  for (let j = 0; j <= Math.min(b.length, max); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    cur.fill(far, Math.max(0, lo - 1), Math.min(b.length, hi + 1) + 1);
    cur[0] = i <= max ? i : far;
    let rowMin = cur[0];
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), far);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return far;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length], far);
}

/** The closest candidate within a distance that scales with the name's length, or undefined. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > LIMITS.maxSuggestedNameLength) return undefined;
  const max = name.length <= 3 ? 1 : 2;
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - name.length) > max) continue;
    const d = c.toLowerCase() === lower ? 0 : editDistance(name, c, max);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const c = closest(name, candidates);
  return c === undefined ? undefined : `did you mean '${c}'?`;
}
