// Uncertainty bands as text, the same in the terminal, the report table and the dashboard: years as
// "2041–2058, median 2049" (a "never" share said in words), orders of magnitude as "10^15–10^25×".
import { formatUsd } from "../units/format.js";
import type { QuantilesJson, SensitivityBarJson, VerdictV2 } from "../verdict/contract.js";

const yr = (y: number | null) => (y === null ? "never" : String(Math.floor(y)));
const pct = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

/** "2041–2058, median 2049 (projected)", "2026 (projected)", "never", "2041–never, median 2051 (13% never)". */
export function yearBand(q: QuantilesJson, compact = false): string {
  if (q.neverShare === null) return "n/a";
  if (q.p50 === null && q.p05 === null) return "never";
  const never = q.neverShare > 0 ? `, ${pct(q.neverShare)} never` : "";
  const note = compact ? "" : ` (projected${never})`;
  if (yr(q.p05) === yr(q.p95)) return `${yr(q.p50)}${note}`;
  return `${yr(q.p05)}–${yr(q.p95)}, median ${yr(q.p50)}${note}`;
}

const orders = (x: number) => `10^${x.toFixed(1)}`;

/** A cost band, "$1.2k–$3.4k"; "n/a" where the side has no sourced price (its JSON says why). */
export function costBand(q: QuantilesJson): string {
  if (q.neverShare === null) return "n/a";
  if (q.p05 === null) return "cannot run";
  return `${formatUsd(q.p05)}–${q.p95 === null ? "cannot run" : formatUsd(q.p95)}`;
}

/** The quantum / classical time ratio's band, "10^15–10^25×", with its median; a quantum side that cannot run in
 *  more than 5% of the samples (its ratio +∞, null) ends the band in words: "10^-12.2×–cannot run". */
export function ratioBand(q: QuantilesJson, compact = false): string {
  const never = q.neverShare ?? 0;
  if (q.p05 === null) return never > 0 ? "quantum cannot run" : "n/a";
  if (q.p95 === null) {
    const median = q.p50 === null ? "cannot run" : `${orders(q.p50)}×`;
    return `${orders(q.p05)}×–cannot run${compact ? "" : ` (median ${median}; ${pct(never)} cannot run)`}`;
  }
  if (q.p50 === null) return "n/a";
  if (q.p05 === q.p95) return `${orders(q.p50)}×`;
  return `${orders(q.p05)}–${orders(q.p95)}×${compact ? "" : ` (median ${orders(q.p50)})`}`;
}

/** One line for a verdict: who is slower, by how much, as a band; and the year band. */
export function uncertaintyLines(v: VerdictV2): string[] {
  const u = v.uncertainty;
  if (!u) return [];
  const head =
    u.method === "point"
      ? "Uncertainty: off (--no-uncertainty): point estimate only"
      : `Uncertainty (${u.samples.toLocaleString("en-US")} samples, seed ${u.seed}, ${u.method}): p05–p95`;
  const lines = [head];
  if (u.method !== "point") {
    lines.push(`  quantum / classical time  ${ratioBand(u.quantiles.qpuOverGpuLog10)}`);
    const s = u.quantiles.crossoverSize;
    const size =
      s.p50 === null && s.p05 === null
        ? "never in the searched range"
        : `${s.p05 === null ? "never" : s.p05.toPrecision(3)}–${s.p95 === null ? "never" : s.p95.toPrecision(3)}, median ${s.p50 === null ? "never" : s.p50.toPrecision(3)}${(s.neverShare ?? 0) > 0 ? ` (${pct(s.neverShare ?? 0)} never)` : ""}`;
    lines.push(`  crossover size            ${size} ${v.crossover.sizeLabel}`);
    const { classicalCostUsd: cc, quantumCostUsd: qc } = u.quantiles;
    lines.push(`  cost, classical / quantum ${costBand(cc)} / ${costBand(qc)}`);
  }
  lines.push(`  year of advantage         ${yearBand(u.quantiles.crossoverYear)}`);
  lines.push(`    ${u.yearBasis}`);
  if (u.quantiles.crossoverYearRoadmap) {
    lines.push(`  year, vendor roadmaps     ${yearBand(u.quantiles.crossoverYearRoadmap)}`);
    lines.push(`    ${u.roadmapBasis}`);
  }
  return lines;
}

/** The tornado's bars that move the verdict (swing > 0), largest swing first: what the terminal, the report and
 *  the dashboard draw. The swing is the JSON's `swingLog10` (null: unbounded, a side cannot run at one end). */
export function movingBars(v: VerdictV2): SensitivityBarJson[] {
  return (v.sensitivity ?? []).filter((b) => b.swingLog10 !== 0);
}

/** A tornado end or swing in words: "cannot run" where JSON has null. */
export const tornadoValue = (x: number | null, digits = 2): string =>
  x === null ? "cannot run" : x.toFixed(digits);

/** The tornado as text: the inputs that move the verdict most, largest swing first. */
export function sensitivityLines(v: VerdictV2, top = 5): string[] {
  const bars = movingBars(v).slice(0, top);
  if (bars.length === 0) return [];
  const f = tornadoValue;
  const w = Math.max(...bars.map((b) => b.input.length));
  return [
    `Sensitivity: log10(quantum ÷ classical time), now ${f(v.qpuOverGpuLog10)}, with one input at its low … high end`,
    ...bars.map(
      (b) =>
        `  ${b.input.padEnd(w)}  ${f(b.qpuOverGpuLog10AtLow).padStart(10)} … ${f(b.qpuOverGpuLog10AtHigh).padEnd(10)}  swing ${b.swingLog10 === null ? "unbounded" : b.swingLog10.toFixed(2)}  (${b.low.toPrecision(3)} … ${b.high.toPrecision(3)})`,
    ),
  ];
}
