// Unit constants and conversions. Everything inside qfit is SI-ish and carried in plain numbers whose unit is
// in the name (`seconds`, `energyJ`, `costUsd`); this module is the one place that converts between them.

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3_600;
export const SECONDS_PER_DAY = 86_400;
/**
 * A year of 365 days = 8,760 h: the convention behind the popular "4,486 years on one GPU" (39.3e6 H100-hours,
 * Meta's Llama 3.1 model card, ÷ 8,760 h/yr), so published figures reproduce exactly.
 */
export const SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY;
export const JOULES_PER_KWH = 3.6e6;
export const NS_PER_SECOND = 1e9;
export const US_PER_SECOND = 1e6;

export const hoursToSeconds = (hours: number): number => hours * SECONDS_PER_HOUR;
export const secondsToHours = (seconds: number): number => seconds / SECONDS_PER_HOUR;
export const secondsToDays = (seconds: number): number => seconds / SECONDS_PER_DAY;
export const secondsToYears = (seconds: number): number => seconds / SECONDS_PER_YEAR;
export const yearsToSeconds = (years: number): number => years * SECONDS_PER_YEAR;
export const nsToSeconds = (ns: number): number => ns / NS_PER_SECOND;
export const usToSeconds = (us: number): number => us / US_PER_SECOND;
export const joulesToKwh = (joules: number): number => joules / JOULES_PER_KWH;
export const tflopsToFlopsPerSecond = (tflops: number): number => tflops * 1e12;

/** log10 that accepts 0 (→ -Infinity) and keeps the sign convention of Math.log10. */
export const log10 = (x: number): number => Math.log10(x);

/** Rounds to `digits` significant digits (for snapshots and display); non-finite values pass through. */
export function roundSig(x: number, digits = 4): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

/** Deep copy of plain data with every number rounded to `digits` significant digits (snapshot helper). */
export function roundDeep<T>(value: T, digits = 4): T {
  if (typeof value === "number") return roundSig(value, digits) as T;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, digits)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = roundDeep(v, digits);
    return out as T;
  }
  return value;
}
