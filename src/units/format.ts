// Human formatting of quantities: "102 days", "3.5 thousand years", "1.1e14 years", "3.8e25 FLOP", "4.2 GWh",
// "$1.2 million", "6.5e12 qubits". Deterministic (no locale), so the same text appears in tests, the terminal
// and the browser.
import {
  JOULES_PER_KWH,
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  SECONDS_PER_MINUTE,
  SECONDS_PER_YEAR,
} from "./quantity.js";

/**
 * What a non-finite quantity reads as: never "Infinity" or "NaN", which look like bugs. An infinite result means
 * the model's answer lies past what it can express (no layout exists, a count overflows a double).
 */
export const BEYOND_RANGE = "beyond range";

export function beyondRange(x: number): string {
  return Number.isNaN(x) ? "not computable" : x < 0 ? `-${BEYOND_RANGE}` : BEYOND_RANGE;
}

/** Scientific notation with `digits` significant digits: 1.1e14, 3.79e25 (no "+" in the exponent). */
export function formatSci(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return beyondRange(x);
  if (x === 0) return "0";
  // "1.1e+14" → "1.1e14", "4.2e-7" as is (toExponential never pads the exponent).
  const s = x.toExponential(digits - 1);
  const e = s.indexOf("e");
  return s[e + 1] === "+" ? `${s.slice(0, e + 1)}${s.slice(e + 2)}` : s;
}

/** Groups thousands with commas: 4486 → "4,486". Input is rounded to an integer first. */
function group(n: number): string {
  const s = Math.round(Math.abs(n)).toString();
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${grouped}` : grouped;
}

/**
 * A plain number for people: below 1,000 two significant digits ("3.5", "0.41", "120"); up to a million grouped
 * ("4,486"); then "2.1 million", "3.4 billion", "5 trillion"; beyond 1e15 scientific ("6.5e12" is "6.5 trillion").
 */
export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return beyondRange(x);
  const a = Math.abs(x);
  if (a === 0) return "0";
  if (a < 1e-3) return formatSci(x, digits);
  if (a < 1_000) return prec(x, digits);
  if (a < 1e6) return group(x);
  const scales: Array<[number, string]> = [
    [1e6, "million"],
    [1e9, "billion"],
    [1e12, "trillion"],
  ];
  for (const [scale, word] of scales) {
    if (a < scale * 1_000) return `${prec(x / scale, digits)} ${word}`;
  }
  return formatSci(x, digits);
}

/** toPrecision without exponent notation for values that have more integer digits than `digits`. */
function prec(x: number, digits: number): string {
  if (Math.abs(x) >= 10 ** digits) return String(Math.round(x));
  return trimZeros(x.toPrecision(digits));
}

function trimZeros(s: string): string {
  if (s.includes("e")) return s;
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** A number as printed with its unit, singular only when the printed number is exactly "1": "1 day", "1.0 days". */
export function counted(printed: string, one: string, many: string): string {
  return `${printed} ${printed === "1" ? one : many}`;
}

/**
 * A duration: "350 ns", "12 ms", "4.2 s", "3.4 min", "5.2 h", "102 days", "352 years", "3.5 thousand years",
 * "4.5 million years", "2.1 billion years", and from a trillion years on scientific: "1.1e14 years".
 */
export function formatDuration(seconds: number, digits = 2): string {
  if (Number.isNaN(seconds)) return beyondRange(seconds);
  if (seconds === Number.POSITIVE_INFINITY) return "never (infinite)";
  if (seconds < 0) return `-${formatDuration(-seconds, digits)}`;
  if (seconds === 0) return "0 s";
  const p = (x: number): string => prec(x, digits);
  if (seconds < 1e-6) return `${p(seconds * 1e9)} ns`;
  if (seconds < 1e-3) return `${p(seconds * 1e6)} µs`;
  if (seconds < 1) return `${p(seconds * 1e3)} ms`;
  if (seconds < SECONDS_PER_MINUTE) return `${p(seconds)} s`;
  if (seconds < SECONDS_PER_HOUR) return `${p(seconds / SECONDS_PER_MINUTE)} min`;
  if (seconds < SECONDS_PER_DAY) return `${p(seconds / SECONDS_PER_HOUR)} h`;
  if (seconds < SECONDS_PER_YEAR) {
    const days = seconds / SECONDS_PER_DAY;
    return counted(days >= 10 ? String(Math.round(days)) : p(days), "day", "days");
  }
  const years = seconds / SECONDS_PER_YEAR;
  if (years > AGE_OF_UNIVERSE_YEARS) {
    const times = years / AGE_OF_UNIVERSE_YEARS;
    const t = times < 1_000 ? `${prec(times, digits)}×` : `~10^${trimZeros(Math.log10(times).toFixed(1))}×`;
    return `${formatSci(years, digits)} years (${t} the age of the universe)`;
  }
  if (years < 1_000) return counted(years >= 10 ? String(Math.round(years)) : p(years), "year", "years");
  const scales: Array<[number, string]> = [
    [1e3, "thousand"],
    [1e6, "million"],
    [1e9, "billion"],
  ];
  for (const [scale, word] of scales) {
    if (years < scale * 1_000) return `${p(years / scale)} ${word} years`;
  }
  return `${formatSci(years, digits)} years`;
}

/** 13.8 billion years (Planck 2018: 13.787 ± 0.020 Gyr, arXiv:1807.06209 Table 2); used only to say so in words. */
export const AGE_OF_UNIVERSE_YEARS = 13.787e9;

/** A duration given as log10(seconds), for times a double cannot hold (10^(10^8) s): beyond ~1e300 s in words. */
export function formatDurationLog10(log10Seconds: number, digits = 2): string {
  if (log10Seconds >= 1e300) return "never (no finite time)";
  if (log10Seconds < 300) return formatDuration(10 ** log10Seconds, digits);
  const universeLog10 = log10Seconds - Math.log10(AGE_OF_UNIVERSE_YEARS * SECONDS_PER_YEAR);
  return `~10^${formatNumber(log10Seconds, 3)} s (~10^${formatNumber(universeLog10, 3)}× the age of the universe)`;
}

/** FLOP counts: "3.8e25 FLOP" (always scientific: the exponent is the information). */
export function formatFlops(flops: number, digits = 2): string {
  return `${formatSci(flops, digits)} FLOP`;
}

/** Energy in joules shown as J, kJ, kWh, MWh, GWh, TWh, then scientific TWh. */
export function formatEnergy(joules: number, digits = 2): string {
  if (!Number.isFinite(joules)) return beyondRange(joules);
  const p = (x: number): string => prec(x, digits);
  if (joules < 1e3) return `${p(joules)} J`;
  if (joules < JOULES_PER_KWH) return `${p(joules / 1e3)} kJ`;
  const kwh = joules / JOULES_PER_KWH;
  const units: Array<[number, string]> = [
    [1, "kWh"],
    [1e3, "MWh"],
    [1e6, "GWh"],
    [1e9, "TWh"],
  ];
  for (const [scale, unit] of units) {
    if (kwh < scale * 1e3) return `${p(kwh / scale)} ${unit}`;
  }
  return `${formatSci(kwh / 1e9, digits)} TWh`;
}

/** Money: "$0.42", "$2,450", "$1.2 million", "$3.4 billion", "$1.1e18"; below a cent "<$0.01", never "$0.00". */
export function formatUsd(usd: number, digits = 2): string {
  if (!Number.isFinite(usd)) return beyondRange(usd);
  if (usd < 0) return `-${formatUsd(-usd, digits)}`;
  if (usd === 0) return "$0";
  if (usd < 0.005) return "<$0.01";
  if (usd < 1) return `$${usd.toFixed(2)}`;
  return `$${formatNumber(usd, digits)}`;
}

/** Qubit counts: "156 qubits", "25,000 qubits", "6.5 trillion qubits", "1.2e16 qubits". */
export function formatQubits(qubits: number, digits = 2): string {
  if (!Number.isFinite(qubits)) return beyondRange(qubits);
  const n = qubits < 1e6 ? group(qubits) : formatNumber(qubits, digits);
  return counted(n, "qubit", "qubits");
}

/**
 * A factor from its log10, without false precision: below 1,000× a plain factor ("×42", "×0.5"), beyond it the
 * order of magnitude ("~10^24.6×", "~10^-7.7×").
 */
export function formatOrders(log10: number, digits = 2): string {
  if (!Number.isFinite(log10) || log10 >= 1e300) return beyondRange(log10);
  if (Math.abs(log10) < 3) return `×${formatNumber(10 ** log10, digits)}`;
  return `~10^${trimZeros(log10.toFixed(1))}×`;
}
