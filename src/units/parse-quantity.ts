// Reading a quantity as people write it: "405e9", "405B", "15.6T", "16k", "0.4". One parser for the CLI's options
// and the dashboard's form fields, so both accept the same text.
import { userError } from "../errors.js";

const SUFFIX: Record<string, number> = { "": 1, k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/** "405e9", "405B", "15.6T", "16k", "0.4" → number; anything else (including NaN, negatives) is a user error. */
export function parseQuantity(field: string, text: string, opts: { integer?: boolean } = {}): number {
  const m = /^\s*([+]?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([kmbgt]?)\s*$/i.exec(text);
  const value = m ? Number(m[1]) * SUFFIX[m[2].toLowerCase()] : Number.NaN;
  if (!Number.isFinite(value) || value <= 0 || (opts.integer && !Number.isInteger(value))) {
    throw userError(
      "CLI.InvalidOption",
      `expected a positive ${opts.integer ? "whole number" : "number"} (e.g. 405e9 or 405B), got '${text}'`,
      { field },
    );
  }
  return value;
}
