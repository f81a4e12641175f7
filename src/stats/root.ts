// Where does a gap close? The smallest x in [lo, hi] at which f(x) ≤ 0, found by bracketing then bisection rather
// than by evaluating a dense sweep: a coarse grid (log-spaced when asked) finds the first sign change, and
// bisection narrows it to the tolerance, about 60 evaluations in all instead of thousands.

export interface CrossingOptions {
  /** Search in log space (sizes spanning orders of magnitude). */
  log?: boolean;
  /** Only whole numbers count (bits, qubits, sites): the answer is the smallest integer with f ≤ 0. */
  integer?: boolean;
  /** Grid points for the bracketing pass (default 24): a crossing narrower than one grid step can be missed, which
   *  is why the models' gaps are smooth in size. */
  grid?: number;
  /** Relative tolerance of the answer for non-integer searches (default 1e-6). */
  relTol?: number;
}

/** The smallest x in [lo, hi] with f(x) ≤ 0, or null if none was found. f must be defined on the whole interval;
 *  +Infinity (the quantum side cannot run at all) counts as > 0. */
export function firstCrossing(
  f: (x: number) => number,
  lo: number,
  hi: number,
  options: CrossingOptions = {},
): number | null {
  if (!(lo <= hi)) throw new RangeError(`firstCrossing needs lo ≤ hi, got ${lo} > ${hi}`);
  const log = options.log === true && lo > 0;
  const grid = Math.max(2, options.grid ?? 24);
  const to = (t: number): number =>
    log ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))) : lo + t * (hi - lo);
  const snap = (x: number): number => (options.integer ? Math.ceil(x - 1e-9) : x);
  const below = (x: number): boolean => f(x) <= 0;

  let prev = snap(lo);
  if (below(prev)) return prev;
  for (let i = 1; i <= grid; i++) {
    const x = snap(i === grid ? hi : to(i / grid));
    if (x === prev) continue;
    if (below(x)) return bisect(prev, x);
    prev = x;
  }
  return null;

  // Invariant: f(a) > 0, f(b) ≤ 0.
  function bisect(a: number, b: number): number {
    if (options.integer) {
      while (b - a > 1) {
        const m = Math.floor((a + b) / 2);
        if (below(m)) b = m;
        else a = m;
      }
      return b;
    }
    const relTol = options.relTol ?? 1e-6;
    for (let i = 0; i < 200 && b - a > relTol * Math.abs(b); i++) {
      const m = log && a > 0 ? Math.sqrt(a * b) : (a + b) / 2;
      if (below(m)) b = m;
      else a = m;
    }
    return b;
  }
}
