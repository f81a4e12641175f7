// T factories: round-based pipelines of 15-to-1 distillation units (Beverland et al. 2022, arXiv:2211.07629,
// App. C; Azure tfactory.rs, factory.rs and tfactory_exhaustive.rs). The search is exhaustive over unit types
// and non-decreasing per-round code distances, for 1..maxDistillationRounds rounds (one more round only when
// none fits, as Azure's MAX_EXTRA_DISTILLATION_ROUNDS = 4).
import type { QecModel } from "./qec.js";
import type { TFactory, TFactoryRound } from "./types.js";

/** Azure tfactory.rs: a distillation unit template, resources per level (physical, logical). */
interface UnitTemplate {
  name: string;
  numInputTs: number;
  numOutputTs: number;
  /** Physical level: qubits, duration in T-gate times. */
  physical: { qubits: number; durationCycles: number };
  /** Logical level: logical qubits, duration in logical cycles. */
  logical: { qubits: number; durationCycles: number };
}

/** Beverland et al. 2022 Table VI / Azure tfactory.rs: the two 15-to-1 units. */
export const DISTILLATION_UNITS: readonly UnitTemplate[] = [
  {
    name: "15-to-1 RM prep",
    numInputTs: 15,
    numOutputTs: 1,
    physical: { qubits: 31, durationCycles: 24 },
    logical: { qubits: 31, durationCycles: 11 },
  },
  {
    name: "15-to-1 space efficient",
    numInputTs: 15,
    numOutputTs: 1,
    physical: { qubits: 12, durationCycles: 45 },
    logical: { qubits: 20, durationCycles: 13 },
  },
];

/** Beverland et al. 2022 App. C: failure probability of a 15-to-1 unit. */
export const failureProbability = (pIn: number, pClifford: number) => 15 * pIn + 356 * pClifford;
/** Beverland et al. 2022 App. C: output T error rate of a 15-to-1 unit. */
export const outputErrorRate = (pIn: number, pClifford: number) => 35 * (pIn * pIn * pIn) + 7.1 * pClifford;

/** Total failure-probability budget of one factory run (Azure: `TFactory::build(..., 0.01)`). */
const FACTORY_FAILURE_PROBABILITY = 0.01;
const MAX_EXTRA_DISTILLATION_ROUNDS = 4;

/**
 * Smallest k with P(X ≤ k) ≥ alpha for X ~ Binomial(n, 1 − q): SciPy's `binom.ppf`, which Azure computes with
 * the `probability` crate. One pass up from k = 0 with the pmf ratio pmf(k+1)/pmf(k) = (n − k)/(k + 1) · (1 − q)/q,
 * in log space while the pmf would underflow (below e^−690), then in linear space; the pmf sums to 1, so the running
 * sum is compared with alpha itself and the walk stops at the quantile (no array, one exp). Terms lost to underflow
 * total below n·e^−690, far under any alpha the factories use (≥ 0.0025).
 */
export function binomialQuantile(alpha: number, n: number, q: number): number {
  const s = 1 - q;
  if (q <= 0) return n;
  if (s <= 0) return 0;
  const ratio = s / q;
  const logRatio = Math.log(ratio);
  let k = 0;
  let logp = n * Math.log(q);
  while (logp < LOG_TINY && k < n) {
    logp += Math.log((n - k) / (k + 1)) + logRatio;
    k++;
  }
  if (logp < LOG_TINY) return n;
  // The k at which the walk left log space: every term before it is below e^−690.
  let p = Math.exp(logp);
  let cum = p;
  while (cum < alpha && k < n) {
    p *= ((n - k) / (k + 1)) * ratio;
    k++;
    cum += p;
  }
  return k;
}

/** ln of the smallest pmf term summed in linear space (e^−690 ≈ 2.7e−300, above the subnormals). */
const LOG_TINY = -690;

/** A unit placed at one code distance (1 = on physical qubits). */
interface PlacedUnit {
  template: UnitTemplate;
  codeDistance: number;
  qubitsPerUnit: number;
  durationNs: number;
  /** Clifford error rate of the qubits the unit runs on: physical, or P_L(d) for logical qubits. */
  cliffordErrorRate: number;
}

/** Azure `DistillationRound::adjust_num_units_to`: the fewest units that give `needed` outputs w.p. ≥ 1 − α.
 *  Memoised by (q, α, outputs per unit, needed) in nested maps: number keys hash without formatting a string,
 *  and every fault-tolerant estimate asks the same few thousand questions. */
const unitsMemo = new Map<number, Map<number, Map<number, number | undefined>>>();
let unitsMemoSize = 0;
function unitsFor(needed: number, unit: UnitTemplate, q: number, alpha: number): number | undefined {
  let byAlpha = unitsMemo.get(q);
  if (byAlpha === undefined) {
    byAlpha = new Map();
    unitsMemo.set(q, byAlpha);
  }
  // needed · 64 + outputs per unit: one exact key (outputs ≤ 64, needed < 2^46).
  const key2 = needed * 64 + unit.numOutputTs;
  let byNeeded = byAlpha.get(alpha);
  if (byNeeded === undefined) {
    byNeeded = new Map();
    byAlpha.set(alpha, byNeeded);
  }
  if (byNeeded.has(key2)) return byNeeded.get(key2);
  const n = unitsForUncached(needed, unit, q, alpha);
  if (unitsMemoSize > 100_000) {
    unitsMemo.clear();
    unitsMemoSize = 0;
  }
  byNeeded.set(key2, n);
  unitsMemoSize++;
  return n;
}

function unitsForUncached(needed: number, unit: UnitTemplate, q: number, alpha: number): number | undefined {
  const outputs = (units: number) => binomialQuantile(alpha, units, q) * unit.numOutputTs;
  let units = Math.ceil(needed / unit.numOutputTs);
  while (outputs(units) < needed) {
    units *= 2;
    if (units >= 1e15) return undefined;
  }
  let lower = Math.floor(units / 2);
  let upper = units;
  while (lower < upper) {
    const mid = Math.floor((lower + upper) / 2);
    if (outputs(mid) >= needed) upper = mid;
    else lower = mid + 1;
  }
  return upper;
}

/** Azure `RoundBasedFactory::build`: undefined when the sequence cannot work (errors grow, p_fail ∉ (0,1)). */
export function buildFactory(units: PlacedUnit[], physicalTErrorRate: number): TFactory | undefined {
  const length = units.length;
  const alpha = FACTORY_FAILURE_PROBABILITY / length;
  const inputErr = [physicalTErrorRate];
  for (const u of units) {
    const e = inputErr[inputErr.length - 1];
    const out = outputErrorRate(e, u.cliffordErrorRate);
    if (out > e) return undefined;
    inputErr.push(out);
  }
  const numUnits = new Array<number>(length);
  const fails = new Array<number>(length);
  let needed = units[length - 1].template.numOutputTs;
  for (let i = length - 1; i >= 0; i--) {
    const q = failureProbability(inputErr[i], units[i].cliffordErrorRate);
    if (q <= 0 || q >= 1) return undefined;
    fails[i] = q;
    const n = unitsFor(needed, units[i].template, q, alpha);
    if (n === undefined) return undefined;
    numUnits[i] = n;
    needed = units[i].template.numInputTs * n;
  }
  const rounds: TFactoryRound[] = units.map((u, i) => ({
    unitName: u.template.name,
    numUnits: numUnits[i],
    codeDistance: u.codeDistance,
    physicalQubits: numUnits[i] * u.qubitsPerUnit,
    durationNs: u.durationNs,
  }));
  const last = units[length - 1];
  const numOutputStates =
    binomialQuantile(alpha, numUnits[length - 1], fails[length - 1]) * last.template.numOutputTs;
  // Rounds reuse qubits: footprint = max over rounds, time = sum (Azure PhysicalQubitCalculation::Max).
  const physicalQubits = Math.max(...rounds.map((r) => r.physicalQubits));
  const durationNs = rounds.reduce((s, r) => s + r.durationNs, 0);
  return {
    rounds,
    physicalQubits,
    durationNs,
    numOutputStates,
    numInputStates: units[0].template.numInputTs * numUnits[0],
    outputErrorRate: inputErr[length],
    normalizedQubits: physicalQubits / numOutputStates,
    normalizedVolume: (physicalQubits * durationNs) / numOutputStates,
  };
}

/** Azure `default_t_factory`: when physical T states are already good enough, one logical patch per T state. */
export function trivialFactory(qec: QecModel, d: number): TFactory {
  const physicalQubits = qec.physicalQubitsPerLogical(d);
  const durationNs = qec.logicalCycleTimeNs(d);
  return {
    rounds: [{ unitName: "trivial 1-to-1", numUnits: 1, codeDistance: d, physicalQubits, durationNs }],
    physicalQubits,
    durationNs,
    numOutputStates: 1,
    numInputStates: 1,
    outputErrorRate: qec.logicalErrorRate(d),
    normalizedQubits: physicalQubits,
    normalizedVolume: physicalQubits * durationNs,
  };
}

/** Keeps the Pareto set over (normalized qubits, duration), sorted by normalized qubits then duration. */
export function paretoFactories(fs: TFactory[]): TFactory[] {
  const sorted = [...fs].sort(
    (a, b) => a.normalizedQubits - b.normalizedQubits || a.durationNs - b.durationNs,
  );
  const out: TFactory[] = [];
  let bestDuration = Number.POSITIVE_INFINITY;
  for (const f of sorted)
    if (f.durationNs < bestDuration) {
      out.push(f);
      bestDuration = f.durationNs;
    }
  return out;
}

/**
 * Finds the non-dominated factories whose output error rate ≤ `targetErrorRate`, with every round's code
 * distance ≤ `maxDistance`. Results are cached per (target, maxDistance) by the caller's `FactorySearch`.
 */
export class FactorySearch {
  private readonly units1: PlacedUnit[][] = [];
  private readonly cache = new Map<number, TFactory[]>();
  private candidates3?: TFactory[];
  private candidates4?: TFactory[];

  constructor(
    private readonly qec: QecModel,
    private readonly targetErrorRate: number,
    private readonly maxRounds: number,
    private readonly searchDistance: number,
  ) {}

  /** The factories usable with algorithm code distance `maxDistance`. */
  find(maxDistance: number): TFactory[] {
    const cached = this.cache.get(maxDistance);
    if (cached) return cached;
    let result: TFactory[];
    if (this.targetErrorRate > this.qec.qubit.tGateErrorRate) {
      result = [trivialFactory(this.qec, maxDistance)];
    } else {
      this.candidates3 ??= this.enumerate(1, this.maxRounds);
      let fit = this.candidates3.filter((f) => lastDistance(f) <= maxDistance);
      if (fit.length === 0 && this.maxRounds < MAX_EXTRA_DISTILLATION_ROUNDS) {
        this.candidates4 ??= this.enumerate(this.maxRounds + 1, MAX_EXTRA_DISTILLATION_ROUNDS);
        fit = this.candidates4.filter((f) => lastDistance(f) <= maxDistance);
      }
      result = paretoFactories(fit);
    }
    this.cache.set(maxDistance, result);
    return result;
  }

  /** Units available at each odd distance up to the search distance (index 0 = physical level). */
  private placedUnits(): PlacedUnit[][] {
    if (this.units1.length > 0) return this.units1;
    const qubit = this.qec.qubit;
    // Azure tfactory.rs `is_valid`: a unit is usable when its Clifford error ≤ 0.1 × the physical T error.
    const valid = (clifford: number) => clifford <= 0.1 * qubit.tGateErrorRate;
    const phys = DISTILLATION_UNITS.filter(() => valid(qubit.cliffordErrorRate)).map((t) => ({
      template: t,
      codeDistance: 1,
      qubitsPerUnit: t.physical.qubits,
      durationNs: t.physical.durationCycles * qubit.tGateTimeNs,
      cliffordErrorRate: qubit.cliffordErrorRate,
    }));
    this.units1.push(phys);
    for (let d = 1; d <= this.searchDistance; d += 2) {
      const pl = this.qec.logicalErrorRate(d);
      if (!valid(pl)) {
        this.units1.push([]);
        continue;
      }
      const n = this.qec.physicalQubitsPerLogical(d);
      const tau = this.qec.logicalCycleTimeNs(d);
      this.units1.push(
        DISTILLATION_UNITS.map((t) => ({
          template: t,
          codeDistance: d,
          qubitsPerUnit: t.logical.qubits * n,
          durationNs: t.logical.durationCycles * tau,
          cliffordErrorRate: pl,
        })),
      );
    }
    return this.units1;
  }

  /**
   * All factories with minRounds..maxRounds rounds meeting the target (non-decreasing distances). Two prunings
   * drop only dominated factories: a sequence that already meets the target is not extended (more rounds need
   * more units and add time), and once a final round with one unit meets the target, larger distances for that
   * unit in that round are skipped (more qubits per unit, longer rounds, still one unit).
   */
  private enumerate(minRounds: number, maxRounds: number): TFactory[] {
    const levels = this.placedUnits();
    const out: TFactory[] = [];
    const tErr = this.qec.qubit.tGateErrorRate;
    // level 0 = physical; 1.. = logical d = 1, 3, 5, ... Logical units skip d = 1 in the first round
    // (Azure distillation_units_map.rs).
    // One sequence array, pushed and popped (the walk visits thousands of nodes per estimate); a factory gets a
    // copy. `done` per node: the templates whose one-unit final round already met the target at a lower level.
    const seq: PlacedUnit[] = [];
    const walk = (minLevel: number, err: number) => {
      const first = seq.length === 0;
      let done = 0; // bit i: DISTILLATION_UNITS[i]
      for (let level = first ? 0 : minLevel; level < levels.length; level++) {
        if (first && level === 1) continue;
        if (!first && level === 0) continue;
        for (const u of levels[level]) {
          const bit = 1 << DISTILLATION_UNITS.indexOf(u.template);
          if (done & bit) continue;
          const next = outputErrorRate(err, u.cliffordErrorRate);
          if (next > err) continue;
          seq.push(u);
          if (next <= this.targetErrorRate) {
            if (seq.length >= minRounds) {
              const f = buildFactory([...seq], tErr);
              if (f) {
                out.push(f);
                if (f.rounds[f.rounds.length - 1].numUnits === 1) done |= bit;
              }
            }
          } else if (seq.length < maxRounds) walk(Math.max(level, 1), next);
          seq.pop();
        }
      }
    };
    walk(0, tErr);
    return out;
  }
}

function lastDistance(f: TFactory): number {
  return f.rounds[f.rounds.length - 1].codeDistance;
}
