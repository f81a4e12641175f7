// One-at-a-time sensitivity (the tornado chart): each input moved alone from its low to its high value with every
// other input at its central value, the output at both ends, sorted by swing. Inputs whose range is a point are
// left out: they cannot move anything.
//
// The swing is max − min of the output over {low, central, high}, not |high − low|: for a model that is not
// monotone in the input (or a folded output such as a margin |x| whose sign flips inside the range) the two ends
// can agree while the output moves in between.
import type { Range } from "./distribution.js";
import { centralInputs, type Inputs } from "./monte-carlo.js";

export interface TornadoBar<K extends string = string, T = number> {
  input: K;
  low: number;
  high: number;
  /** What the model returns with this input at its low / central / high value (the others central). */
  atLow: T;
  atCentral: T;
  atHigh: T;
  /** max − min of the sorted-by output over {low, central, high}; Infinity when one of them is ±Infinity and
   *  another is not; 0 when all three are equal. */
  swing: number;
}

/** max − min over the values: how far one input moves an output (0 when they are equal, infinities included). An
 *  undefined output (NaN: neither side can run) is no value, so it cannot make a swing. */
export function swingOf(...values: number[]): number {
  const xs = values.filter((v) => !Number.isNaN(v));
  if (xs.length === 0) return 0;
  const hi = Math.max(...xs);
  const lo = Math.min(...xs);
  return hi === lo ? 0 : hi - lo;
}

/**
 * The tornado of `model` over `ranges`, sorted by the swing of `key` (the model's output itself by default), largest
 * first; ties by name so the order is stable across engines. The model is evaluated once at the central inputs
 * and twice per ranged input.
 */
export function tornado<K extends string, T = number>(
  ranges: Record<K, Range>,
  model: (inputs: Inputs<K>) => T,
  key: (output: T) => number = (o) => o as unknown as number,
): TornadoBar<K, T>[] {
  const central = centralInputs(ranges);
  const atCentral = model(central);
  const bars: TornadoBar<K, T>[] = [];
  for (const k of (Object.keys(ranges) as K[]).sort()) {
    const r = ranges[k];
    if (r.low === r.high) continue;
    const atLow = model({ ...central, [k]: r.low });
    const atHigh = model({ ...central, [k]: r.high });
    const swing = swingOf(key(atLow), key(atCentral), key(atHigh));
    bars.push({ input: k, low: r.low, high: r.high, atLow, atCentral, atHigh, swing });
  }
  return bars.sort((a, b) => b.swing - a.swing || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
}
