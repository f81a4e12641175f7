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
export interface PlacedUnit {
  template: UnitTemplate;
  /** Index of the template in DISTILLATION_UNITS. */
  kind: number;
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

/**
 * Azure `RoundBasedFactory::build`, numbers only: fills `errs` (input error of each round, then the output's)
 * and `numUnits` (units per round) for the first `length` units of `units`, and returns the output T states of
 * one run, or 0 when the sequence cannot work (errors grow, p_fail ∉ (0,1), no unit count reaches the need).
 * No allocation: the factory search runs it on every candidate (hundreds of thousands per report).
 */
function roundCounts(
  units: readonly PlacedUnit[],
  length: number,
  physicalTErrorRate: number,
  errs: Float64Array,
  numUnits: Float64Array,
): number {
  const alpha = FACTORY_FAILURE_PROBABILITY / length;
  errs[0] = physicalTErrorRate;
  for (let i = 0; i < length; i++) {
    const e = errs[i];
    const out = outputErrorRate(e, units[i].cliffordErrorRate);
    if (out > e) return 0;
    errs[i + 1] = out;
  }
  let needed = units[length - 1].template.numOutputTs;
  let lastFail = 0;
  for (let i = length - 1; i >= 0; i--) {
    const q = failureProbability(errs[i], units[i].cliffordErrorRate);
    if (q <= 0 || q >= 1) return 0;
    if (i === length - 1) lastFail = q;
    const n = unitsFor(needed, units[i].template, q, alpha);
    if (n === undefined) return 0;
    numUnits[i] = n;
    needed = units[i].template.numInputTs * n;
  }
  return binomialQuantile(alpha, numUnits[length - 1], lastFail) * units[length - 1].template.numOutputTs;
}

/** Rounds reuse qubits: footprint = max over rounds (Azure PhysicalQubitCalculation::Max). */
function footprint(units: readonly PlacedUnit[], length: number, numUnits: Float64Array): number {
  let q = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) q = Math.max(q, numUnits[i] * units[i].qubitsPerUnit);
  return q;
}

/** Rounds run one after the other: time = sum, from 0 in round order. */
function totalDuration(units: readonly PlacedUnit[], length: number): number {
  let t = 0;
  for (let i = 0; i < length; i++) t += units[i].durationNs;
  return t;
}

/** Azure `RoundBasedFactory::build`: undefined when the sequence cannot work (errors grow, p_fail ∉ (0,1)). */
export function buildFactory(units: PlacedUnit[], physicalTErrorRate: number): TFactory | undefined {
  const length = units.length;
  const errs = new Float64Array(length + 1);
  const numUnits = new Float64Array(length);
  const numOutputStates = roundCounts(units, length, physicalTErrorRate, errs, numUnits);
  if (numOutputStates === 0) return undefined;
  const rounds: TFactoryRound[] = units.map((u, i) => ({
    unitName: u.template.name,
    numUnits: numUnits[i],
    codeDistance: u.codeDistance,
    physicalQubits: numUnits[i] * u.qubitsPerUnit,
    durationNs: u.durationNs,
  }));
  const physicalQubits = footprint(units, length, numUnits);
  const durationNs = totalDuration(units, length);
  return {
    rounds,
    physicalQubits,
    durationNs,
    numOutputStates,
    numInputStates: units[0].template.numInputTs * numUnits[0],
    outputErrorRate: errs[length],
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

/**
 * The Pareto set over (normalized qubits, duration) of `items`, sorted by normalized qubits then duration
 * (a stable sort: ties keep the items' order).
 */
function paretoSet<T>(items: readonly T[], qubits: (t: T) => number, duration: (t: T) => number): T[] {
  const sorted = [...items].sort((a, b) => qubits(a) - qubits(b) || duration(a) - duration(b));
  const out: T[] = [];
  let bestDuration = Number.POSITIVE_INFINITY;
  for (const t of sorted)
    if (duration(t) < bestDuration) {
      out.push(t);
      bestDuration = duration(t);
    }
  return out;
}

/**
 * The candidate factories a walk keeps, as numbers, candidate i at index i of each array; a TFactory object is
 * built only for the few on the Pareto front, not for each of the thousands a report's estimates consider.
 */
interface Candidates {
  /** Every round's code distance is at most this. */
  bound: number;
  normalizedQubits: number[];
  durationNs: number[];
  /** Candidate i's rounds are units[start[i]] .. units[start[i + 1] − 1]. */
  start: number[];
  units: PlacedUnit[];
}

/**
 * The (normalized qubits, duration) points of the candidates kept so far that no other kept one dominates:
 * ascending qubits, strictly descending durations. A point off it is dominated by one on it, which answers every
 * question it would.
 */
class Staircase {
  private readonly qubits: number[] = [];
  private readonly durations: number[] = [];

  /**
   * Whether every candidate with normalized qubits ≥ `qubitsAtLeast` and duration ≥ `durationAtLeast` is dropped
   * from the Pareto set by a point here: one with fewer qubits (so it sorts first) and no longer a duration.
   */
  dominates(qubitsAtLeast: number, durationAtLeast: number): boolean {
    let k = this.qubits.length - 1;
    while (k >= 0 && this.qubits[k] >= qubitsAtLeast) k--;
    return k >= 0 && this.durations[k] <= durationAtLeast;
  }

  add(qubits: number, duration: number): void {
    let at = 0;
    while (at < this.qubits.length && this.qubits[at] <= qubits) at++;
    if (at > 0 && this.durations[at - 1] <= duration) return;
    let end = at;
    while (end < this.qubits.length && this.durations[end] >= duration) end++;
    this.qubits.splice(at, end - at, qubits);
    this.durations.splice(at, end - at, duration);
  }
}

/** Smallest factor by which one more round multiplies a sequence's unit counts (a unit's inputs over the outputs
 *  of one before it), and the most outputs of a unit: the bounds of enumerate's pruning (15 and 1 here). */
const MIN_ROUND_GROWTH = Math.min(
  ...DISTILLATION_UNITS.flatMap((next) =>
    DISTILLATION_UNITS.map((prev) => next.numInputTs / prev.numOutputTs),
  ),
);
const MAX_UNIT_OUTPUTS = Math.max(...DISTILLATION_UNITS.map((t) => t.numOutputTs));
/** Lower bounds are scaled down by this, so that rounding never lifts one above the figure roundCounts gives. */
const BOUND_SLACK = 1 - 1e-9;

/**
 * What the search needs of one qubit and QEC scheme whatever the target error rate: the units placed at each
 * distance, and the normalized qubits of every unit sequence computed so far. A sequence's unit counts depend on
 * its units and the physical T error only (roundCounts), so every search on the same model shares them; the
 * target only decides which sequences are candidates. A report's estimates ask for ~160 models and ~900 targets
 * (the joint error tables vary error rates and sizes).
 */
class ModelTable {
  /** Units at each level: 0 = physical, 1.. = logical at distance 2·level − 1, up to the search distance. */
  readonly levels: PlacedUnit[][];
  /** The shortest unit duration at each level or above (+∞ past the last). */
  readonly minDurationFrom: Float64Array;
  /** Sequence code → normalized qubits (+∞: the sequence cannot work); codes of up to exactRounds rounds. */
  private readonly memo = new Map<number, number>();
  private errs = new Float64Array(MAX_EXTRA_DISTILLATION_ROUNDS + 1);
  private numUnits = new Float64Array(MAX_EXTRA_DISTILLATION_ROUNDS);
  /** Codes are exact (below 2^53) for sequences of up to this many rounds. */
  private readonly exactRounds: number;
  private readonly base: number;

  constructor(
    readonly qec: QecModel,
    readonly searchDistance: number,
  ) {
    this.levels = placedUnits(qec, searchDistance);
    this.base = this.levels.length * DISTILLATION_UNITS.length + 1;
    this.exactRounds = Math.floor(53 / Math.log2(this.base));
    this.minDurationFrom = new Float64Array(this.levels.length + 1).fill(Number.POSITIVE_INFINITY);
    for (let l = this.levels.length - 1; l >= 0; l--)
      this.minDurationFrom[l] = Math.min(
        this.minDurationFrom[l + 1],
        ...this.levels[l].map((u) => u.durationNs),
      );
  }

  /** A sequence's code: its units' (level, kind), each + 1, as digits in base `base`; 0 for the empty one. */
  code(parent: number, level: number, kind: number): number {
    return parent * this.base + level * DISTILLATION_UNITS.length + kind + 1;
  }

  /** The normalized qubits of `seq` (code `code`), +∞ when it cannot work; computed once per model. */
  normalizedQubits(seq: readonly PlacedUnit[], code: number): number {
    const length = seq.length;
    const exact = length <= this.exactRounds;
    const known = exact ? this.memo.get(code) : undefined;
    if (known !== undefined) return known;
    if (this.errs.length <= length) {
      this.errs = new Float64Array(length + 1);
      this.numUnits = new Float64Array(length);
    }
    const outputs = roundCounts(seq, length, this.qec.qubit.tGateErrorRate, this.errs, this.numUnits);
    const nq = outputs === 0 ? Number.POSITIVE_INFINITY : footprint(seq, length, this.numUnits) / outputs;
    if (exact) this.memo.set(code, nq);
    return nq;
  }

  /** Sequences kept; a table past MAX_MODEL_TABLE_ENTRIES is replaced (modelTable). */
  get size(): number {
    return this.memo.size;
  }
}

/** Units available at each odd distance up to the search distance (index 0 = physical level). */
function placedUnits(qec: QecModel, searchDistance: number): PlacedUnit[][] {
  const qubit = qec.qubit;
  // Azure tfactory.rs `is_valid`: a unit is usable when its Clifford error ≤ 0.1 × the physical T error.
  const valid = (clifford: number) => clifford <= 0.1 * qubit.tGateErrorRate;
  const levels: PlacedUnit[][] = [
    valid(qubit.cliffordErrorRate)
      ? DISTILLATION_UNITS.map((t, kind) => ({
          template: t,
          kind,
          codeDistance: 1,
          qubitsPerUnit: t.physical.qubits,
          durationNs: t.physical.durationCycles * qubit.tGateTimeNs,
          cliffordErrorRate: qubit.cliffordErrorRate,
        }))
      : [],
  ];
  for (let d = 1; d <= searchDistance; d += 2) {
    const pl = qec.logicalErrorRate(d);
    if (!valid(pl)) {
      levels.push([]);
      continue;
    }
    const n = qec.physicalQubitsPerLogical(d);
    const tau = qec.logicalCycleTimeNs(d);
    levels.push(
      DISTILLATION_UNITS.map((t, kind) => ({
        template: t,
        kind,
        codeDistance: d,
        qubitsPerUnit: t.logical.qubits * n,
        durationNs: t.logical.durationCycles * tau,
        cliffordErrorRate: pl,
      })),
    );
  }
  return levels;
}

/** A table with more sequences than this is replaced (a search distance in the thousands). */
const MAX_MODEL_TABLE_ENTRIES = 200_000;
/** The table of each model: resolveQecScheme keeps one model per scheme and qubit, so searches on the same model
 *  share its object, and a table goes when its model does. */
const modelTables = new WeakMap<QecModel, ModelTable>();

function modelTable(qec: QecModel, searchDistance: number): ModelTable {
  const kept = modelTables.get(qec);
  if (kept !== undefined && kept.searchDistance === searchDistance && kept.size <= MAX_MODEL_TABLE_ENTRIES)
    return kept;
  const table = new ModelTable(qec, searchDistance);
  modelTables.set(qec, table);
  return table;
}

/**
 * Finds the non-dominated factories whose output error rate ≤ `targetErrorRate`, with every round's code
 * distance ≤ `maxDistance`. Results are cached per (target, maxDistance) by the caller's `FactorySearch`.
 */
export class FactorySearch {
  private readonly cache = new Map<number, TFactory[]>();
  private candidates3?: Candidates;
  private candidates4?: Candidates;
  private table?: ModelTable;

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
      this.table ??= modelTable(this.qec, this.searchDistance);
      let c = this.candidates("candidates3", 1, this.maxRounds, maxDistance);
      let kept = paretoKept(c);
      if (kept.length === 0 && this.maxRounds < MAX_EXTRA_DISTILLATION_ROUNDS) {
        c = this.candidates("candidates4", this.maxRounds + 1, MAX_EXTRA_DISTILLATION_ROUNDS, maxDistance);
        kept = paretoKept(c);
      }
      const tErr = this.qec.qubit.tGateErrorRate;
      result = kept.map((i) => buildFactory(c.units.slice(c.start[i], c.start[i + 1]), tErr) as TFactory);
    }
    this.cache.set(maxDistance, result);
    return result;
  }

  /**
   * The candidates with minRounds..maxRounds rounds and every round's code distance ≤ maxDistance, kept from the
   * last walk when it had that bound (an estimate asks for one distance, a frontier for each in turn).
   */
  private candidates(
    slot: "candidates3" | "candidates4",
    minRounds: number,
    maxRounds: number,
    maxDistance: number,
  ): Candidates {
    const kept = this[slot];
    if (kept !== undefined && kept.bound === maxDistance) return kept;
    const c = enumerate(this.table as ModelTable, this.targetErrorRate, minRounds, maxRounds, maxDistance);
    this[slot] = c;
    return c;
  }
}

/** The Pareto set of the candidates kept (indices, ascending in the walk's order before paretoSet sorts them). */
function paretoKept(c: Candidates): number[] {
  return paretoSet(
    Array.from(c.durationNs, (_, i) => i),
    (i) => c.normalizedQubits[i],
    (i) => c.durationNs[i],
  );
}

/**
 * The factories with minRounds..maxRounds rounds meeting the target (non-decreasing distances, none above
 * maxDistance) that could be on the Pareto front, in the walk's order. Two prunings, as Azure's, define the
 * candidates: a sequence that already meets the target is not extended (more rounds need more units and add
 * time), and once a final round with one unit meets the target, larger distances for that unit in that round are
 * skipped (more qubits per unit, longer rounds, still one unit). Of those, the walk keeps only what the Pareto set
 * may hold: a candidate, or a whole subtree of extensions, is passed over when a kept one has fewer normalized
 * qubits than its lower bound and no longer a duration than its shortest; that one sorts before it and drops it,
 * and dropping a dominated candidate changes no other's fate (its dominator stays). Lower bounds from the units
 * alone: a unit gives at most numOutputTs T states, so round i needs at least units_{i+1} · numInputTs_{i+1} /
 * numOutputTs_i units, the factory gives at most units_last · numOutputTs_last states, and its footprint is at
 * least units_i · qubitsPerUnit_i for every i (Azure: max over rounds): with both 15-to-1 units, max_i
 * qubitsPerUnit_i · 15^(rounds after i). The walk carries that max (`raw`, before the division by the last unit's
 * outputs) and the duration so far. A report's estimates consider ~400 candidates each and keep a handful.
 */
function enumerate(
  table: ModelTable,
  target: number,
  minRounds: number,
  maxRounds: number,
  maxDistance: number,
): Candidates {
  // Levels 0 (physical, distance 1) and 1.. (distance 2·level − 1) up to maxDistance.
  const levels = table.levels;
  const numLevels = Math.min(levels.length, Math.max(1, Math.floor((maxDistance + 1) / 2) + 1));
  const out: Candidates = { bound: maxDistance, normalizedQubits: [], durationNs: [], start: [0], units: [] };
  const stairs = new Staircase();
  // level 0 = physical; 1.. = logical d = 1, 3, 5, ... Logical units skip d = 1 in the first round
  // (Azure distillation_units_map.rs).
  // One sequence array, pushed and popped (the walk visits thousands of nodes per estimate). `done` per node: the
  // templates whose one-unit final round already met the target at a lower level. A working sequence's last round
  // has one unit exactly when one unit's quantile gives its outputs (unitsFor starts at one and returns 1 then).
  // It works (roundCounts > 0: errors fall, checked on the way, each failure probability in (0, 1), and each round
  // needs under 1e15 units) for sure with at most 4 rounds that each fail with probability ≤ 1/2: Hoeffding's bound
  // on Binomial(n, ≥ 1/2) gives the α ≥ 0.25% quantile ≥ needed at n = 4·needed + 64, so unitsFor stops below twice
  // that, and from one unit at the end the first round needs < 4e6. Otherwise its counts are computed to see.
  const seq: PlacedUnit[] = [];
  const walk = (minLevel: number, err: number, code: number, worstFail: number, raw: number, dur: number) => {
    const first = seq.length === 0;
    const prevOutputs = first ? 1 : seq[seq.length - 1].template.numOutputTs;
    let done = 0; // bit i: DISTILLATION_UNITS[i]
    for (let level = first ? 0 : minLevel; level < numLevels; level++) {
      if (first && level === 1) continue;
      if (!first && level === 0) continue;
      const units = levels[level];
      for (let k = 0; k < units.length; k++) {
        const u = units[k];
        const bit = 1 << u.kind;
        if (done & bit) continue;
        const next = outputErrorRate(err, u.cliffordErrorRate);
        if (next > err) continue;
        const q = failureProbability(err, u.cliffordErrorRate);
        const worst = Math.max(worstFail, q);
        const rawHere = first
          ? u.qubitsPerUnit
          : Math.max((raw * u.template.numInputTs) / prevOutputs, u.qubitsPerUnit);
        const durHere = dur + u.durationNs;
        seq.push(u);
        const c = table.code(code, level, u.kind);
        if (next <= target) {
          if (seq.length >= minRounds) {
            const lowest = (rawHere / u.template.numOutputTs) * BOUND_SLACK;
            let nq = Number.NaN; // not computed
            if (q > 0 && q < 1 && binomialQuantile(FACTORY_FAILURE_PROBABILITY / seq.length, 1, q) >= 1) {
              const works = seq.length <= 4 && worst <= 0.5;
              if (!works) nq = table.normalizedQubits(seq, c);
              if (works || nq < Number.POSITIVE_INFINITY) done |= bit;
            }
            if (!stairs.dominates(lowest, durHere)) {
              if (Number.isNaN(nq)) nq = table.normalizedQubits(seq, c);
              if (nq < Number.POSITIVE_INFINITY) {
                out.normalizedQubits.push(nq);
                out.durationNs.push(durHere);
                for (const v of seq) out.units.push(v);
                out.start.push(out.units.length);
                stairs.add(nq, durHere);
              }
            }
          }
        } else if (seq.length < maxRounds) {
          const from = Math.max(level, 1);
          const lowest = ((rawHere * MIN_ROUND_GROWTH) / MAX_UNIT_OUTPUTS) * BOUND_SLACK;
          if (!stairs.dominates(lowest, durHere + table.minDurationFrom[from]))
            walk(from, next, c, worst, rawHere, durHere);
        }
        seq.pop();
      }
    }
  };
  walk(0, table.qec.qubit.tGateErrorRate, 0, 0, 0, 0);
  return out;
}
