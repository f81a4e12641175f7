// Parsers for CLI option values. Each throws a user error naming the option, so `--shots abc` exits 2 with
// `--shots: expected a positive integer, got 'abc'`.
import { userError } from "../errors.js";
import { parseQuantity } from "../units/parse-quantity.js";

export { parseQuantity };

export function parseIntegerOption(option: string, text: string, min: number, max: number): number {
  const t = text.trim();
  const value = /^[+]?\d+$/.test(t) ? Number(t) : /^\d+(\.\d+)?e\+?\d+$/i.test(t) ? Number(t) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw userError("CLI.InvalidOption", `expected an integer from ${min} to ${max}, got '${text}'`, {
      field: option,
    });
  }
  return value;
}

const BYTE_UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 2 ** 10,
  m: 1e6,
  mb: 1e6,
  mib: 2 ** 20,
  g: 1e9,
  gb: 1e9,
  gib: 2 ** 30,
  t: 1e12,
  tb: 1e12,
  tib: 2 ** 40,
};

/** "8GiB", "512 MiB", "2e9", "4G" → bytes. Decimal units are powers of 10, binary (KiB, MiB, GiB) powers of 2. */
export function parseByteSize(option: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? BYTE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw userError("CLI.InvalidOption", `expected a size such as 8GiB, 512MiB or 2e9, got '${text}'`, {
      field: option,
    });
  }
  const bytes = Number(m[1]) * unit;
  if (!Number.isFinite(bytes) || bytes <= 0) {
    throw userError("CLI.InvalidOption", `expected a positive size, got '${text}'`, { field: option });
  }
  return Math.floor(bytes);
}

/** Human size in binary units: 256 GiB, 1.5 MiB. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : Number(v.toPrecision(3))} ${units[i]}`;
}

/** parseQuantity as a commander option parser: `.option("--gpus <n>", "…", quantity("gpus", true))`. */
export const quantity =
  (field: string, integer = false) =>
  (text: string): number =>
    parseQuantity(field, text, { integer });

/** A year such as 2025 (whole number in [2000, 2100]), as a commander option parser. */
export function parseYear(field: string) {
  return (v: string): number => {
    const y = Number(v);
    if (v.trim() === "" || !Number.isInteger(y) || y < 2000 || y > 2100)
      throw userError("CLI.InvalidOption", `expected a year in [2000, 2100], got '${v}'`, { field });
    return y;
  };
}
