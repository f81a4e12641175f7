// One-at-a-time sensitivity (the tornado chart): each input moved alone from its low to its high value with every
// other input at its central value, the output at both ends, sorted by swing. Inputs whose range is a point are
// left out: they cannot move anything.
import type { Range } from "./distribution.js";
import { centralInputs, type Inputs } from "./monte-carlo.js";

export interface TornadoBar<K extends string = string> {
  input: K;
  low: number;
  high: number;
  outputAtLow: number;
  outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|; Infinity when one end is +Infinity and the other finite. */
  swing: number;
}

export function tornado<K extends string>(
  ranges: Record<K, Range>,
  model: (inputs: Inputs<K>) => number,
): TornadoBar<K>[] {
  const bars: TornadoBar<K>[] = [];
  for (const k of (Object.keys(ranges) as K[]).sort()) {
    const r = ranges[k];
    if (r.low === r.high) continue;
    const at = (v: number): number => model({ ...centralInputs(ranges), [k]: v });
    const outputAtLow = at(r.low);
    const outputAtHigh = at(r.high);
    const swing = outputAtLow === outputAtHigh ? 0 : Math.abs(outputAtHigh - outputAtLow);
    bars.push({ input: k, low: r.low, high: r.high, outputAtLow, outputAtHigh, swing });
  }
  // Sort by swing, largest first; ties by name so the order is stable across engines.
  return bars.sort((a, b) => b.swing - a.swing || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
}
