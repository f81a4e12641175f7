// The grid of the joint error-rate table (separable.ts, JointErrorTable): which (u, s) points the workload is
// evaluated at. u is the physical error rate factor, s the readout excess (ranges.ts, ErrorCoordinates).
//
// u: log-spaced at most U_STEP apart over the band today's samples occupy, more coarsely below it down to the
// lowest u any year's projection reaches (the error-rate floor), with today's central value on the grid. Where the
// verdict changes kind between two neighbours (the code stops correcting: the physical error rate reaches the
// threshold or needs a code distance above the largest; a constraint starts or stops binding), the change is
// located by bisection in log u at the central readout excess and bracketed by two grid points BOUNDARY_TOL apart:
// the share of samples that cannot run is then exact to that width, instead of to a grid spacing.
// s: from its least to its greatest sampled value, at most S_STEP apart, central value on the grid (at a fixed u the
// estimate moves little with s: only the Clifford and T rates move, the code distance does not).
import { isQfitError } from "../errors.js";
import type { Range } from "../stats/distribution.js";
import type { ErrorCoordinates } from "./ranges.js";
import { JointErrorTable, LOG_KEYS, type Logs } from "./separable.js";

/** Largest ratio between neighbouring u points in the sampled band (log-linear interpolation between them): the
 *  estimate steps along u (code distances, T-factory designs; Grover's physical qubits rise 0.15 dex between u =
 *  1.65 and 1.75), so a verdict's table is fine there; the curve bands' tables (one per plotted anchor size) coarser. */
const U_STEP = 1.25;
const U_STEP_CURVE = 2;
/** Largest ratio between neighbouring u points below the band (only the year projections reach there). */
const U_STEP_BELOW = 3;
/** Largest ratio between neighbouring s rows. */
const S_STEP = 2.5;
/** Relative width in u to which a change of kind is bracketed. */
const BOUNDARY_TOL = 1e-3;

export interface ErrorTableRequest {
  coords: ErrorCoordinates;
  /** qpuErrorRateFactor's and qpuReadoutErrorFactor's ranges (a factor not sampled is 1). */
  error: Range | undefined;
  readout: Range | undefined;
  /** The lowest absolute error rate a year's projection can reach (errorFloor's low end). */
  floorLow: number;
  /** The verdict at every central input. */
  central: Logs;
  /** Whether the table serves a verdict's bands and year search (u extended down to the error-rate floor, the band
   *  at U_STEP) or only the curve bands' headline at one size (neither: the bands of a plot, at U_STEP_CURVE). */
  yearSearch: boolean;
  /** The verdict with the two factors at (e, r), every other input central. */
  evaluate(e: number, r: number): Logs;
}

/** Points from a to b (a ≤ b, both on the result), log-spaced at most `step` apart. */
function logSpaced(a: number, b: number, step: number): number[] {
  if (!(b > a)) return [a];
  const k = Math.ceil(Math.log(b / a) / Math.log(step) - 1e-9);
  return Array.from({ length: k + 1 }, (_, i) => (i === k ? b : a * (b / a) ** (i / k)));
}

/** What kind of verdict a point gives: which log quantities are finite, and whether it is blocked. */
function kindOf(y: Logs): string {
  return LOG_KEYS.map((k) => (k === "blocked" ? String(y[k]) : Number.isFinite(y[k]) ? "f" : "∞")).join("");
}

export function jointErrorTable(req: ErrorTableRequest): JointErrorTable {
  const { coords } = req;
  const point = (v: number): Range => ({ low: v, central: v, high: v, distribution: "uniform", basis: "" });
  const e = req.error ?? point(1);
  const r = req.readout ?? point(1);
  const uC = coords.u(e.central, r.central);
  const sC = coords.s(e.central, r.central);
  // Today's samples lie in [uLo, uHi]; a year's projection lowers e toward the floor (errorRateAt), never below
  // min(e, floor), with r unchanged.
  const uLo = coords.u(e.low, r.low);
  const uHi = coords.u(e.high, r.high);
  const uMin = coords.u(Math.min(e.low, req.floorLow / coords.reference), r.low);
  const sLo = coords.s(e.central, r.low);
  const sHi = coords.s(e.central, r.high);
  const memo = new Map<string, Logs | null>();
  // A grid point can lie past any sample (a row below a sample's s at a u above it: a larger error-rate factor than
  // sampled), far enough that the Clifford rate itself reaches the threshold and the estimator refuses the qubit
  // (null here). The physical error rate is then above threshold too, so the code cannot correct there, as at the
  // point before it along u: that point's verdict stands (it cannot run either), not an error.
  const at = (u: number, s: number): Logs | null => {
    if (u === uC && s === sC) return req.central;
    const key = `${u},${s}`;
    let y = memo.get(key);
    if (y === undefined) {
      const f = coords.factors(u, s);
      try {
        y = req.evaluate(f.e, f.r);
      } catch (err) {
        if (!(isQfitError(err) && err.code === "Estimate.FT.InvalidQubit")) throw err;
        y = null;
      }
      memo.set(key, y);
    }
    return y;
  };
  const row = (s: number, us: number[]): Logs[] => {
    let last: Logs | null = null;
    return us.map((u) => {
      const y = at(u, s);
      if (y === null && !(last && !Number.isFinite(last.q)))
        throw new Error(
          `the estimator refused the qubit at error factors ${JSON.stringify(coords.factors(u, s))} where it could still run below`,
        );
      last = y ?? last;
      return last!;
    });
  };
  const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  let us = sorted([
    ...(req.yearSearch ? logSpaced(uMin, uLo, U_STEP_BELOW) : [uLo]),
    ...logSpaced(uLo, uC, req.yearSearch ? U_STEP : U_STEP_CURVE),
    ...logSpaced(uC, uHi, req.yearSearch ? U_STEP : U_STEP_CURVE),
  ]);
  // Changes of kind along u at the central s, each bracketed BOUNDARY_TOL wide (a refused point is of the kind
  // after the change).
  const central = row(sC, us);
  const extra: number[] = [];
  for (let i = 1; i < us.length; i++) {
    let a = us[i - 1];
    let b = us[i];
    const ka = kindOf(central[i - 1]);
    if (ka === kindOf(central[i])) continue;
    while (b / a > 1 + BOUNDARY_TOL) {
      const m = Math.sqrt(a * b);
      const y = at(m, sC);
      if (y !== null && kindOf(y) === ka) a = m;
      else b = m;
    }
    extra.push(a, b);
  }
  us = sorted([...us, ...extra]);
  const ss = sorted([...logSpaced(sLo, sC, S_STEP), ...logSpaced(sC, sHi, S_STEP)]);
  const rows = ss.map((s) => row(s, us));
  return new JointErrorTable(us, ss, rows, coords);
}
