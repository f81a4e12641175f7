// qfit's year of quantum advantage next to the MIT quantum-economic-advantage framework's (Choi, Moses, Thompson;
// the MIT FutureTech calculator's vendor presets), and one line, computed from both models' own numbers, on why they
// differ: the size at which quantum leads, the qubits that size needs, and where those qubits come from.
import { qeaCrossover, qeaPresets } from "../estimate/crossover.js";
import { interpolateLogLinear } from "../estimate/qubit-trend.js";
import { formatNumber } from "../units/format.js";
import { bestStrategy } from "../verdict/compose.js";
import type { VerdictV2 } from "../verdict/contract.js";

export interface MitYear {
  hardware: string;
  name: string;
  /** t*, t0 when already, null when never. */
  year: number | null;
  status: "never" | "already" | "year";
  /** Advantage size n*(t*) and the logical qubits it needs, from the framework's own formulas. */
  nStar: number | null;
  logicalQubits: number | null;
  /** Physical qubits the vendor's roadmap supplies at t* (its physical : logical ratio applied by the framework). */
  roadmapQubits: number | null;
}

export interface MitComparison {
  problem: string;
  problemName: string;
  qfitYear: number | null;
  mit: MitYear[];
  /** One sentence: why qfit's year and the framework's differ (or that they agree). */
  why: string;
}

/** The preset the comparison sentence quotes: IBM's, the vendor qfit's own qubit trend is fitted on. */
const REFERENCE = "ibm";

const yr = (y: number | null) => (y === null ? "never" : String(Math.round(y)));

/** MIT-framework years for a workload (null when the framework has no problem for it). */
export function mitComparison(
  v: VerdictV2,
  t0: number,
  qfit: { nStar: number | null; physicalQubitsAtNStar: number | null; smallestGapLog10: number | null },
): MitComparison | null {
  const problem = qeaPresets.problems.find((p) => p.workload === v.workload.kind);
  if (!problem) return null;
  const mit: MitYear[] = qeaPresets.hardware
    .filter((h) => !/-\d{4}-\d{2}$/.test(h.id)) // the dated sensitivity-dataset roadmaps are historical
    .map((h) => {
      const r = qeaCrossover({ problem: problem.id, hardware: h.id, t0 });
      const at = r.year ?? t0;
      const nStar = r.nStarLog10 === null ? null : 10 ** r.nStarLog10;
      const logical = nStar === null ? null : problem.qps === "n = 2^q" ? Math.log2(nStar) : nStar;
      const roadmap = Object.entries(h.roadmap).map(([y, q]) => ({ year: Number(y), qubits: q }));
      return {
        hardware: h.id,
        name: h.name,
        year: r.year,
        status: r.status,
        nStar,
        logicalQubits: logical,
        roadmapQubits: r.status === "never" ? null : interpolateLogLinear(roadmap, at),
      };
    });
  const qfitYear = v.crossover.year;
  const b = bestStrategy(v);
  const qubitsBasis =
    b.constraints.find((c) => c.name === "physical-qubits")?.basis.replace(/, projected for \d{4}$/, "") ??
    "its qubit projection";
  const years = mit.map((m) => m.year).filter((y): y is number => y !== null);
  const span = years.length
    ? `${yr(Math.min(...years))}–${yr(Math.max(...years))} over ${mit.length} vendor presets`
    : "never for any vendor preset";
  const ref = mit.find((m) => m.hardware === REFERENCE) ?? mit[0];
  const hw = qeaPresets.hardware.find((h) => h.id === ref.hardware)!;
  const mitSide =
    ref.nStar === null
      ? `MIT's framework (${span}) finds no advantage size for ${hw.name}`
      : `MIT's framework (${span}; ${hw.name} ${yr(ref.year)}) puts the advantage at n* ≈ ${formatNumber(ref.nStar, 2)} (${problem.name}: ${problem.classical} classical steps vs ${problem.quantum} quantum steps, ${formatNumber(10 ** hw.hwsLog10, 2)}× slower per step, against 10^${qeaPresets.defaults.processorsLog10} processors), needing ${formatNumber(ref.logicalQubits ?? 0, 2)} logical qubits at ${hw.plqr} physical per logical (falling ${-hw.rirPercentPerYear}% a year) from the vendor's roadmap (${formatNumber(ref.roadmapQubits ?? 0, 2)} qubits in ${yr(ref.year)}); its formula's known defect: ${problem.defect}`;
  const qfitSide =
    qfit.nStar === null
      ? `qfit (${yr(qfitYear)}) models this instance's whole run — error-corrected gate times, code distance, magic-state factories, the classical side's real hardware — and finds the quantum side slower at every size it searched${qfit.smallestGapLog10 === null ? "" : ` (by at least 10^${qfit.smallestGapLog10.toFixed(1)}×)`}`
      : `qfit (${yr(qfitYear)}) finds quantum faster from ${formatNumber(qfit.nStar, 3)} ${v.crossover.sizeLabel}, needing ${qfit.physicalQubitsAtNStar === null ? "a fault-tolerant machine" : `${formatNumber(qfit.physicalQubitsAtNStar, 2)} physical qubits`} (a full fault-tolerant layout) from ${qubitsBasis}`;
  const agree =
    qfitYear !== null && ref.year !== null && Math.abs(qfitYear - ref.year) < 1
      ? "qfit and MIT's framework agree within a year: "
      : "Why the years differ: ";
  return {
    problem: problem.id,
    problemName: problem.name,
    qfitYear,
    mit,
    why: `${agree}${mitSide}; ${qfitSide}.`,
  };
}
