// The report's opening: one sentence per workload that a decision maker can act on, generated from the verdict
// (winner, the p05–p95 band of the headline, the best strategy's unmet constraints and the crossover band). Pure:
// the same verdict gives the same sentence in the HTML report, and any other renderer can reuse it.
import { formatDuration, formatNumber, formatQubits } from "../units/format.js";
import { availableText, bestStrategy, EVEN_LOG10 } from "../verdict/compose.js";
import type { Constraint, QuantilesJson, VerdictV2 } from "../verdict/contract.js";
import { yearBand } from "./bands.js";

/** A factor band from log10 quantiles: "about 10^14.7–10^15.0×", "about 1.1–2.6×", "about 10^9.7×". */
export function factorBand(q: QuantilesJson | undefined, point: number): string {
  const lo = q?.p05 ?? null;
  const hi = q?.p95 ?? null;
  const plain = (x: number) => formatNumber(10 ** x, 2);
  const orders = (x: number) => `10^${x.toFixed(1)}`;
  const small = (x: number) => Math.abs(x) < 3;
  if (lo === null || hi === null || lo.toFixed(1) === hi.toFixed(1)) {
    return small(point) ? `about ${plain(point)}×` : `about ${orders(point)}×`;
  }
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  if (small(a) && small(b)) return `about ${plain(a)}–${plain(b)}× (p05–p95)`;
  return `about ${orders(a)}–${orders(b)}× (p05–p95)`;
}

/** Capacity constraints the best strategy does not meet today (a run's duration is not a capacity). */
const blockers = (cs: Constraint[]) => cs.filter((c) => !c.satisfied && c.name !== "horizon");

/** "15 million physical qubits (156 available)", "success probability 0.5 (0.14 available)". */
function needText(c: Constraint): string {
  const words = c.name.replace(/-/g, " ");
  const have = availableText(c, formatNumber(c.available));
  if (c.unit === "qubits")
    return words.includes("qubits")
      ? `${formatNumber(c.needed)} ${words} (${have})`
      : `${formatQubits(c.needed)} for its ${words} (${have})`;
  return `${words} ${formatNumber(c.needed)}${c.unit === "probability" ? "" : ` ${c.unit}`} (${have})`;
}

/** The first unmet constraint in words, and how many more there are. */
function needs(cs: Constraint[]): string {
  const more = cs.length - 1;
  return `${needText(cs[0])}${
    more > 0
      ? `, and ${more} more constraint${more === 1 ? "" : "s"} (${cs
          .slice(1)
          .map((c) => c.name)
          .join(", ")})`
      : ""
  }`;
}

/** "16,000× NVIDIA H100 SXM5", or the device alone when there is one. */
const classicalName = (v: VerdictV2) =>
  v.classical.count === 1
    ? v.classical.device
    : `${v.classical.count.toLocaleString("en-US")}× ${v.classical.device}`;

/** The crossover in words: where quantum would lead and when (a band), or that it never does. */
function crossoverClause(v: VerdictV2): string {
  const c = v.crossover;
  if (c.size === null) return "quantum does not catch up at any problem size searched";
  const size = `${formatNumber(c.size, 3)} ${c.sizeLabel}`;
  const q = v.uncertainty?.quantiles.crossoverYear;
  const when =
    q && v.uncertainty?.method !== "point"
      ? yearBand(q)
      : c.year === null
        ? "never (a constraint is never met)"
        : `${Math.round(c.year)} (projected)`;
  return `quantum would lead from ${size}, ${when}`;
}

/** One sentence per verdict: who wins, by how much (a band), what stands in the way, and when that may change. */
export function headline(v: VerdictV2, label: string): string {
  const b = bestStrategy(v);
  const q = v.uncertainty?.method === "point" ? undefined : v.uncertainty?.quantiles.speedupLog10;
  const block = blockers(b.constraints);
  const never = block.filter((c) => c.yearSatisfied === null);
  const years = block.map((c) => c.yearSatisfied).filter((y): y is number => y !== null);
  const arrives = never.length === 0 && years.length ? Math.max(...years) : null;
  const plan = `the best quantum plan (${b.name})`;

  if (v.winner === "neither") {
    const qubits = v.uncertainty?.quantiles.physicalQubits;
    const qBand =
      qubits && qubits.p05 !== null && qubits.p95 !== null && v.uncertainty?.method !== "point"
        ? ` (${formatNumber(qubits.p05)}–${formatNumber(qubits.p95)}, p05–p95)`
        : "";
    const machine =
      Number.isFinite(b.seconds) && Number.isFinite(b.physicalQubits)
        ? `a quantum machine of about ${formatQubits(b.physicalQubits)}${qBand} would take ${formatDuration(b.seconds)}`
        : `${plan} has no layout that runs`;
    const when =
      arrives !== null
        ? `, around ${Math.round(arrives)} if the qubit trend holds (projected)`
        : never.length
          ? `; no projected machine meets ${never.map((c) => c.name).join(" and ")}`
          : "";
    return `${label}: no machine can do it today — the classical side (${classicalName(v)}) would take ${formatDuration(v.classical.seconds)}; ${machine}${when}. ${cap(crossoverClause(v))}.`;
  }

  const even = Math.abs(v.speedupLog10) < EVEN_LOG10;
  const winnerSide =
    v.winner === "classical" ? `classical (${classicalName(v)})` : `quantum (${b.name} on ${b.device})`;
  const lead = even
    ? `${label}: about even — ${winnerSide} is nominally ahead, ${factorBand(q, v.speedupLog10)}`
    : v.winner === "classical"
      ? `${label}: classical hardware — ${classicalName(v)} is faster than ${plan}, by ${factorBand(q, v.speedupLog10)}`
      : `${label}: quantum — ${b.name} on ${b.device} beats ${classicalName(v)}, by ${factorBand(q, v.speedupLog10)}`;
  if (v.winner === "quantum") return `${lead}.`;
  let tail: string;
  if (never.length) tail = `; no quantum machine qfit projects can run it: it needs ${needs(never)}`;
  else if (arrives !== null)
    tail = `; the quantum plan needs ${needs(block)}, projected around ${Math.round(arrives)}, and would still be slower`;
  else tail = "";
  const cross = v.crossover.size === null ? "" : `. ${cap(crossoverClause(v))}`;
  return `${lead}${tail}${cross}.`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
