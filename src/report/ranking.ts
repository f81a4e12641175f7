// Where quantum fits: the report's workloads ranked by how early a quantum processor helps (the median of the
// year-of-advantage band from the verdict's uncertainty when it has one — a band that more often never crosses
// counts as never — else the crossover's point year; "already" = t0; ties by the band's low end) and then by how much (orders of magnitude of quantum over classical at the evaluated size), each
// saying which stage the QPU should take, if any: the whole task for a quantum-native workload, one named stage of
// a hybrid pipeline, or none.
import { beyondRange } from "../units/format.js";
import { bestStrategy } from "../verdict/compose.js";
import type { QuantilesJson, VerdictV2 } from "../verdict/contract.js";
import { yearBand } from "./bands.js";

export interface RankingEntry {
  rank: number;
  workload: string;
  kind: string;
  /** "alone" (the QPU runs the task) or "hybrid stage" (the QPU is one stage of a pipeline). */
  role: "alone" | "hybrid stage";
  /** Year the quantum side is projected to be faster (the band's median if there is a band), or null: never. */
  year: number | null;
  /** The year-of-advantage band (p05, p50, p95 and the share of samples that never cross) when the verdict has one. */
  yearBand: QuantilesJson | null;
  /** log10(classical / quantum) at the evaluated size: positive = the QPU helps by that many orders. */
  helpLog10: number;
  /** The stage the QPU should take ("whole task", a hybrid stage's name) or null: keep it classical. */
  qpuStage: string | null;
  why: string;
}

type MaybeHybrid = VerdictV2 & { stages?: Array<{ name: string; quantum: boolean; share: number }> };

/** The verdict's year band, if it has a sampled one in which some samples cross. */
function band(v: VerdictV2): QuantilesJson | null {
  const u = v.uncertainty;
  if (!u || u.method === "point") return null;
  const q = u.quantiles.crossoverYear;
  return q.p05 === null ? null : q;
}

export function rankWorkloads(verdicts: VerdictV2[], labels: string[], t0: number): RankingEntry[] {
  const entries = verdicts.map((raw, i): Omit<RankingEntry, "rank"> => {
    const v = raw as MaybeHybrid;
    const best = bestStrategy(v);
    const helpLog10 = -v.qpuOverGpuLog10;
    const yb = band(v);
    const helpsNow = v.winner === "quantum";
    const year = helpsNow ? t0 : yb ? yb.p50 : v.crossover.year;
    // A crossover at a size the workload is not at: the year says when, the stage column says from which size.
    if (v.stages) {
      const qpu = v.stages.filter((s) => s.quantum).map((s) => s.name);
      const stageFactor = best.bottlenecks.find((b) => b.name === "qpu-stage");
      const stageHelps = stageFactor !== undefined && stageFactor.factorLog10 < 0;
      return {
        workload: labels[i],
        kind: v.workload.kind,
        role: "hybrid stage",
        year,
        yearBand: yb,
        helpLog10,
        qpuStage:
          qpu.length === 0
            ? null
            : stageHelps
              ? qpu.join(", ")
              : year !== null && v.crossover.size !== null
                ? `${qpu.join(", ")} (from ${+v.crossover.size.toPrecision(3)} ${v.crossover.sizeLabel})`
                : null,
        why: stageHelps
          ? `the QPU stage beats doing its work classically by ${(-stageFactor.factorLog10).toFixed(1)} orders${helpsNow ? "" : ", but the link and the rest of the pipeline eat the gain"}`
          : `at this size the QPU stage is slower than its classical replacement (${stageFactor ? `+${stageFactor.factorLog10.toFixed(1)}` : "?"} orders)${year !== null ? `; ${v.crossover.explanation}` : ": keep it classical"}`,
      };
    }
    return {
      workload: labels[i],
      kind: v.workload.kind,
      role: "alone",
      year,
      yearBand: yb,
      helpLog10,
      qpuStage: year !== null ? `whole task (${best.name})` : null,
      why:
        year === null
          ? "no crossover in the searched range: keep it classical"
          : helpsNow
            ? `quantum is faster at this size (${best.name})`
            : v.crossover.explanation,
    };
  });
  const inf = Number.POSITIVE_INFINITY;
  const order = (e: Omit<RankingEntry, "rank">) => e.year ?? inf;
  const low = (e: Omit<RankingEntry, "rank">) => e.yearBand?.p05 ?? e.year ?? inf;
  const cmp = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);
  return entries
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        cmp(order(a.e), order(b.e)) || cmp(low(a.e), low(b.e)) || b.e.helpLog10 - a.e.helpLog10 || a.i - b.i,
    )
    .map(({ e }, i) => ({ rank: i + 1, ...e }));
}

export const RANKING_HEADER = [
  "#",
  "workload",
  "QPU as",
  "helps from",
  "QPU vs classical",
  "QPU should take",
];

export function rankingRows(r: RankingEntry[]): string[][] {
  return r.map((e) => [
    String(e.rank),
    e.workload,
    e.role,
    e.yearBand ? yearBand(e.yearBand, true) : e.year === null ? "never" : String(Math.floor(e.year)),
    Number.isFinite(e.helpLog10)
      ? `${e.helpLog10 >= 0 ? "×10^" : "÷10^"}${Math.abs(e.helpLog10).toFixed(1)}`
      : `${e.helpLog10 >= 0 ? "×" : "÷"}${beyondRange(Math.abs(e.helpLog10))}`,
    e.qpuStage ?? "nothing (keep it classical)",
  ]);
}
