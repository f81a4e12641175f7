// The sizes a crossover search starts from, shared by the sweep (sweep.ts) and the uncertainty's size table
// (uncertainty.ts), in a module of its own so that neither imports the other for it.
import type { WorkloadDefinition } from "./workload.js";

/** The sizes a crossover search starts from: `points` along the headline range (log-spaced when it is a log axis),
 *  snapped to whole steps. The sweep and the uncertainty's size table use the same grid. */
export function headlineGrid<S extends WorkloadDefinition>(def: S, points: number): number[] {
  const { range, log, integer, step = 1 } = def.headline;
  const [lo, hi] = range;
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const f = i / (points - 1);
    const x = log ? lo * (hi / lo) ** f : lo + (hi - lo) * f;
    out.push(integer ? Math.max(lo, Math.round(x / step) * step) : x);
  }
  return [...new Set(out)];
}
