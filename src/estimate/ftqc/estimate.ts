// The fault-tolerant estimate: code distance, logical cycles and T factories (Beverland et al. 2022,
// arXiv:2211.07629, §IV and App. E; the search follows Azure's estimate_without_restrictions.rs,
// physical_estimation.rs and estimate_frontier.rs). Integer quantities that can pass 2^53 (cycles × cycle time,
// factory runs, factory counts) are computed with BigInt; error rates and ratios in floating point.

import { internalError, userError } from "../../errors.js";
import { boundedMemo } from "../../memo.js";
import { counted } from "../../units/format.js";
import { type Layout, psspcLayout, resolveErrorBudget, validateCounts } from "./layout.js";
import { type QecModel, resolveQecScheme } from "./qec.js";
import { resolveQubit } from "./qubit.js";
import { FactorySearch } from "./tfactory.js";
import type {
  Constraints,
  ErrorBudgetParts,
  FtEstimate,
  FtOptions,
  LogicalCounts,
  TFactory,
} from "./types.js";

/** Azure constants.rs MAX_DISTILLATION_ROUNDS. */
const DEFAULT_MAX_DISTILLATION_ROUNDS = 3;
/** At most this many factory counts are tried per (distance, factory) in a frontier (see estimateFrontier). */
const FRONTIER_MAX_COUNTS_PER_FACTORY = 256;

interface Context {
  counts: Required<LogicalCounts>;
  qec: QecModel;
  budget: ErrorBudgetParts;
  budgetInput: number | ErrorBudgetParts;
  layout: Layout;
  constraints: Constraints;
  /** C_min scaled by logicalDepthFactor. */
  minCycles: number;
  search: FactorySearch | undefined;
  requiredTstateErrorRate: number | null;
}

/** One design point: a code distance, a cycle count and (when there are T states) a factory and its copies. */
interface Solution {
  d: number;
  numCycles: number;
  factory: TFactory | undefined;
  numFactories: number;
  requiredLogicalErrorRate: number;
}

// ---- exact integer helpers (inputs are integer-valued doubles; up to 1e30 they are exact as BigInt) ----
const big = (x: number): bigint => BigInt(Math.round(x));
const divCeil = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;
const num = (x: bigint): number => Number(x);
/** The next integer above x that a double can hold (x + 1 stops moving above 2^53). */
const nextUp = (x: number): number => (x + 1 > x ? x + 1 : x * (1 + 2 ** -52));

/** Azure physical_estimation.rs `num_factories`: ⌈M / (⌊C·τ / t_factory⌋ · outputs)⌉. */
function numFactories(ctx: Context, f: TFactory, tauNs: number, cycles: number): number {
  const runsPerFactory = (big(cycles) * big(tauNs)) / big(f.durationNs);
  const perFactory = runsPerFactory * big(f.numOutputStates);
  if (perFactory === 0n) return Number.POSITIVE_INFINITY;
  return num(divCeil(big(ctx.layout.numTstates), perFactory));
}

/** Azure `compute_num_cycles_required_for_magic_states`: ⌈⌈M / (F·outputs)⌉ · t_factory / τ⌉. */
function cyclesForMagicStates(ctx: Context, f: TFactory, tauNs: number, copies: number): number {
  const runs = divCeil(big(ctx.layout.numTstates), big(copies) * big(f.numOutputStates));
  return num(divCeil(runs * big(f.durationNs), big(tauNs)));
}

function numRuns(ctx: Context, f: TFactory, copies: number): number {
  return num(divCeil(big(ctx.layout.numTstates), big(copies) * big(f.numOutputStates)));
}

/** Azure `logical_cycles_for_code_parameter`: ⌊ε_log / (Q·P_L(d))⌋, the most cycles distance d allows. */
function maxCyclesForDistance(ctx: Context, d: number): number {
  return Math.floor(ctx.budget.logical / (ctx.layout.logicalQubits * ctx.qec.logicalErrorRate(d)));
}

function requiredLogicalErrorRate(ctx: Context, cycles: number): number {
  return ctx.budget.logical / (ctx.layout.logicalQubits * cycles);
}

function prepare(countsInput: LogicalCounts, options: FtOptions = {}): Context {
  const counts = validateCounts(countsInput);
  const qubit = resolveQubit(options.qubitParams);
  const qec = resolveQecScheme(options.qecScheme, qubit);
  const budget = resolveErrorBudget(options.errorBudget, counts);
  const constraints = validateConstraints(options.constraints ?? {});
  const layout = psspcLayout(counts, budget);
  let minCycles = layout.logicalDepth;
  if (constraints.logicalDepthFactor !== undefined)
    minCycles = Math.ceil(minCycles * constraints.logicalDepthFactor);
  if (minCycles === 0 && layout.numTstates === 0)
    throw userError("Estimate.FT.InvalidCounts", "the algorithm has no operations: nothing to estimate", {
      field: "measurementCount",
      hint: "give at least one of tCount, rotationCount, cczCount, ccixCount, measurementCount",
    });
  const requiredTstateErrorRate = layout.numTstates > 0 ? budget.tstates / layout.numTstates : null;
  const search =
    requiredTstateErrorRate !== null
      ? new FactorySearch(
          qec,
          requiredTstateErrorRate,
          constraints.maxDistillationRounds ?? DEFAULT_MAX_DISTILLATION_ROUNDS,
          qec.scheme.maxCodeDistance,
        )
      : undefined;
  const budgetInput =
    typeof options.errorBudget === "object" && options.errorBudget !== null
      ? budget
      : (options.errorBudget ?? 1e-3);
  return {
    counts,
    qec,
    budget,
    budgetInput,
    layout,
    constraints,
    minCycles,
    search,
    requiredTstateErrorRate,
  };
}

function validateConstraints(c: Constraints): Constraints {
  if (typeof c !== "object" || c === null)
    throw userError("Estimate.FT.InvalidConstraints", "constraints must be an object", {
      field: "constraints",
    });
  const positive = (v: unknown, field: string, integer: boolean, min: number) => {
    if (v === undefined) return;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v)))
      throw userError(
        "Estimate.FT.InvalidConstraints",
        `${field} must be ${integer ? "an integer" : "a number"} ≥ ${min}, got ${String(v)}`,
        { field: `constraints.${field}` },
      );
  };
  positive(c.logicalDepthFactor, "logicalDepthFactor", false, 1);
  positive(c.maxTFactories, "maxTFactories", true, 1);
  positive(c.maxDuration, "maxDuration", false, 1);
  positive(c.maxPhysicalQubits, "maxPhysicalQubits", true, 1);
  positive(c.maxDistillationRounds, "maxDistillationRounds", true, 1);
  if (c.maxDuration !== undefined && c.maxPhysicalQubits !== undefined)
    throw userError(
      "Estimate.FT.InvalidConstraints",
      "give maxDuration or maxPhysicalQubits, not both (Azure: BothDurationAndPhysicalQubitsProvided)",
      {
        field: "constraints.maxPhysicalQubits",
        hint: "use the frontier estimate to see the whole trade-off",
      },
    );
  return { ...c };
}

/** Factories usable at distance d (Azure: the search is bounded by the algorithm's code distance). */
function factoriesAt(ctx: Context, d: number): TFactory[] {
  return ctx.search ? ctx.search.find(d) : [];
}

/** Azure `EstimateWithoutRestrictions::estimate` (static error-budget strategy). */
function solveUnrestricted(ctx: Context): Solution {
  const { qec, layout } = ctx;
  let cycles = ctx.minCycles;
  const maxF = ctx.constraints.maxTFactories;
  for (let iter = 0; iter < 100_000; iter++) {
    const required = requiredLogicalErrorRate(ctx, cycles);
    const d = qec.codeDistanceFor(required);
    const maxCycles = maxCyclesForDistance(ctx, d);
    const tau = qec.logicalCycleTimeNs(d);
    if (layout.numTstates === 0)
      return {
        d,
        numCycles: cycles,
        factory: undefined,
        numFactories: 0,
        requiredLogicalErrorRate: required,
      };
    const factories = factoriesAt(ctx, d);
    let chosen: { f: TFactory; cycles: number } | undefined;
    if (factories.length > 0) {
      // First: a factory that fits into the current cycles (and the factory limit), least normalized volume.
      const duration = big(cycles) * big(tau);
      for (const f of factories) {
        if (big(f.durationNs) > duration) continue;
        if (maxF !== undefined && numFactories(ctx, f, tau, cycles) > maxF) continue;
        if (!chosen || f.normalizedVolume < chosen.f.normalizedVolume) chosen = { f, cycles };
      }
      // Else: stretch the cycles up to what distance d allows.
      if (!chosen) {
        for (const f of factories) {
          const need =
            maxF === undefined
              ? num(divCeil(big(f.durationNs), big(tau)))
              : cyclesForMagicStates(ctx, f, tau, maxF);
          if (need > maxCycles) continue;
          if (
            !chosen ||
            f.normalizedVolume < chosen.f.normalizedVolume ||
            (f.normalizedVolume === chosen.f.normalizedVolume && need < chosen.cycles)
          )
            chosen = { f, cycles: need };
        }
      }
    }
    if (chosen) {
      return {
        d,
        numCycles: chosen.cycles,
        factory: chosen.f,
        numFactories: numFactories(ctx, chosen.f, tau, chosen.cycles),
        requiredLogicalErrorRate: required,
      };
    }
    cycles = Math.max(nextUp(maxCycles), nextUp(cycles));
  }
  throw internalError("Estimate.FT.NoConvergence", "the cycle search did not converge");
}

/** Odd distances from maxCodeDistance down to minD with their factories (Azure iterates them in reverse). */
function* distancesWithFactories(
  ctx: Context,
  minD: number,
): Generator<{ d: number; factories: TFactory[] }> {
  const maxD = ctx.qec.scheme.maxCodeDistance;
  for (let d = maxD - ((maxD - minD) % 2); d >= minD; d -= 2) yield { d, factories: factoriesAt(ctx, d) };
}

/** Azure `estimate_with_max_duration`: fewest physical qubits within maxDuration (ns). */
function solveMaxDuration(ctx: Context, maxDurationNs: number): Solution {
  const { qec, layout } = ctx;
  const minRequired = requiredLogicalErrorRate(ctx, ctx.minCycles);
  const minD = qec.codeDistanceFor(minRequired);
  const infeasible = () =>
    userError("Estimate.FT.Infeasible", `no design finishes within maxDuration = ${maxDurationNs} ns`, {
      field: "constraints.maxDuration",
      hint: "raise maxDuration, or use faster qubits",
    });
  if (layout.numTstates === 0) {
    if (ctx.minCycles * qec.logicalCycleTimeNs(minD) <= maxDurationNs)
      return {
        d: minD,
        numCycles: ctx.minCycles,
        factory: undefined,
        numFactories: 0,
        requiredLogicalErrorRate: minRequired,
      };
    throw infeasible();
  }
  let best: { s: Solution; qubits: number } | undefined;
  for (const { d, factories } of distancesWithFactories(ctx, minD)) {
    const tau = qec.logicalCycleTimeNs(d);
    const byDuration = Math.floor(maxDurationNs / tau);
    if (byDuration < ctx.minCycles) continue;
    const byError = maxCyclesForDistance(ctx, d);
    if (byError < ctx.minCycles) continue;
    const allowed = Math.min(byDuration, byError);
    for (const f of factories) {
      if (num(divCeil(big(f.durationNs), big(tau))) > allowed) continue;
      const copies = numFactories(ctx, f, tau, allowed);
      const cycles = Math.max(cyclesForMagicStates(ctx, f, tau, copies), ctx.minCycles);
      if (ctx.constraints.maxTFactories !== undefined && copies > ctx.constraints.maxTFactories) continue;
      const s: Solution = {
        d,
        numCycles: cycles,
        factory: f,
        numFactories: copies,
        requiredLogicalErrorRate: minRequired,
      };
      const qubits = physicalQubits(ctx, s);
      if (!best || qubits < best.qubits) best = { s, qubits };
    }
  }
  if (!best) throw infeasible();
  return best.s;
}

/** Azure `estimate_with_max_num_qubits`: shortest runtime within maxPhysicalQubits. */
function solveMaxQubits(ctx: Context, maxQubits: number): Solution {
  const { qec, layout } = ctx;
  const minRequired = requiredLogicalErrorRate(ctx, ctx.minCycles);
  const minD = qec.codeDistanceFor(minRequired);
  const infeasible = () =>
    userError("Estimate.FT.Infeasible", `no design fits within maxPhysicalQubits = ${maxQubits}`, {
      field: "constraints.maxPhysicalQubits",
      hint: "raise maxPhysicalQubits, or use better qubits",
    });
  if (layout.numTstates === 0) {
    if (layout.logicalQubits * qec.physicalQubitsPerLogical(minD) <= maxQubits)
      return {
        d: minD,
        numCycles: ctx.minCycles,
        factory: undefined,
        numFactories: 0,
        requiredLogicalErrorRate: minRequired,
      };
    throw infeasible();
  }
  let best: { s: Solution; runtime: number } | undefined;
  for (const { d, factories } of distancesWithFactories(ctx, minD)) {
    const algorithmQubits = layout.logicalQubits * qec.physicalQubitsPerLogical(d);
    if (maxQubits <= algorithmQubits) continue;
    const allowance = maxQubits - algorithmQubits;
    const byError = maxCyclesForDistance(ctx, d);
    if (byError < ctx.minCycles) continue;
    let f: TFactory | undefined;
    for (const g of factories)
      if (g.physicalQubits <= allowance && (!f || g.normalizedVolume < f.normalizedVolume)) f = g;
    if (!f) continue;
    const copies = Math.floor(allowance / f.physicalQubits);
    if (copies === 0) continue;
    const tau = qec.logicalCycleTimeNs(d);
    const cycles = Math.max(cyclesForMagicStates(ctx, f, tau, copies), ctx.minCycles);
    if (cycles > byError) continue;
    if (ctx.constraints.maxTFactories !== undefined && copies > ctx.constraints.maxTFactories) continue;
    const s: Solution = {
      d,
      numCycles: cycles,
      factory: f,
      numFactories: copies,
      requiredLogicalErrorRate: minRequired,
    };
    const runtime = cycles * tau;
    if (!best || runtime < best.runtime) best = { s, runtime };
  }
  if (!best) throw infeasible();
  return best.s;
}

function physicalQubits(ctx: Context, s: Solution): number {
  const algorithm = ctx.layout.logicalQubits * ctx.qec.physicalQubitsPerLogical(s.d);
  return algorithm + (s.factory ? s.factory.physicalQubits * s.numFactories : 0);
}

/**
 * Estimates physical resources for `counts` (Azure `estimateType: "singlePoint"`). Throws QfitError user
 * errors (`Estimate.FT.*`) naming the field at fault.
 */
export function estimateFaultTolerant(counts: LogicalCounts, options: FtOptions = {}): FtEstimate {
  const key = estimateKey(counts, options);
  const compute = () => estimateUncached(counts, options);
  return key === undefined ? compute() : estimates(key, compute);
}

/**
 * Estimates already made, by their input. A verdict's uncertainty tables evaluate its workload with one input
 * moved at a time, and an input of the other side (a GPU's utilisation, a price) leaves the fault-tolerant
 * estimate as it was: a sixth of the built-in report's 1,500 estimates repeat one. Every caller with that input
 * gets the same object, read-only by contract like all of the estimator's output (the whole suite passed with each
 * kept estimate deep-frozen; freezing cost ~50 ms a report, so they are not).
 */
const estimates = boundedMemo<string, FtEstimate>(1024);

/** The memo key of an input: its JSON (undefined when it has none, e.g. a BigInt; such an input is never kept).
 *  Distinct valid inputs have distinct JSON (numbers print round-trip); NaN and ±∞ print as null, but inputs with
 *  them are refused, and a refused input throws before it is kept. */
function estimateKey(counts: LogicalCounts, options: FtOptions): string | undefined {
  try {
    return JSON.stringify([counts, options]);
  } catch {
    return undefined;
  }
}

function estimateUncached(counts: LogicalCounts, options: FtOptions): FtEstimate {
  const ctx = prepare(counts, options);
  const c = ctx.constraints;
  const s =
    c.maxDuration !== undefined
      ? solveMaxDuration(ctx, c.maxDuration)
      : c.maxPhysicalQubits !== undefined
        ? solveMaxQubits(ctx, c.maxPhysicalQubits)
        : solveUnrestricted(ctx);
  return render(ctx, s, "singlePoint");
}

/**
 * The Pareto set of (physical qubits, runtime) (Azure `estimateType: "frontier"`, estimate_frontier.rs), sorted
 * by physical qubits. Deviation: for each distance and factory Azure tries every factory count from the fewest
 * to the count that reaches the minimum runtime; when that range is longer than 256 we try 256 geometrically
 * spaced counts including both ends, so counts up to 1e30 stay tractable.
 */
export function estimateFrontier(counts: LogicalCounts, options: FtOptions = {}): FtEstimate[] {
  const ctx = prepare(counts, options);
  const { qec, layout } = ctx;
  const minRequired = requiredLogicalErrorRate(ctx, ctx.minCycles);
  const minD = qec.codeDistanceFor(minRequired);
  if (layout.numTstates === 0)
    return [
      render(
        ctx,
        {
          d: minD,
          numCycles: ctx.minCycles,
          factory: undefined,
          numFactories: 0,
          requiredLogicalErrorRate: minRequired,
        },
        "frontier",
      ),
    ];
  const points: { s: Solution; qubits: number; runtime: number }[] = [];
  for (const { d, factories } of distancesWithFactories(ctx, minD)) {
    const byError = maxCyclesForDistance(ctx, d);
    if (byError < ctx.minCycles) continue;
    const tau = qec.logicalCycleTimeNs(d);
    for (const f of factories) {
      if (num(divCeil(big(f.durationNs), big(tau))) > byError) continue;
      const lo = numFactories(ctx, f, tau, byError);
      // The count beyond which more factories cannot shorten the run: C reaches C_min, or one run each.
      const atMin = numFactories(ctx, f, tau, ctx.minCycles);
      const hi = Number.isFinite(atMin) ? Math.max(lo, atMin) : Math.max(lo, numRuns(ctx, f, 1));
      for (const copies of factoryCounts(lo, hi)) {
        const cycles = Math.max(cyclesForMagicStates(ctx, f, tau, copies), ctx.minCycles);
        const s: Solution = {
          d,
          numCycles: cycles,
          factory: f,
          numFactories: copies,
          requiredLogicalErrorRate: minRequired,
        };
        points.push({ s, qubits: physicalQubits(ctx, s), runtime: cycles * tau });
      }
    }
  }
  points.sort((a, b) => a.qubits - b.qubits || a.runtime - b.runtime);
  const front: typeof points = [];
  let bestRuntime = Number.POSITIVE_INFINITY;
  for (const p of points)
    if (p.runtime < bestRuntime) {
      front.push(p);
      bestRuntime = p.runtime;
    }
  if (front.length === 0)
    throw userError("Estimate.FT.Infeasible", "no design meets the error budget", {
      field: "errorBudget",
      hint: "increase the error budget or use better qubits",
    });
  return front.map((p) => render(ctx, p.s, "frontier"));
}

function factoryCounts(lo: number, hi: number): number[] {
  if (hi - lo + 1 <= FRONTIER_MAX_COUNTS_PER_FACTORY) {
    const out: number[] = [];
    for (let n = lo; n <= hi; n++) out.push(n);
    return out;
  }
  const out = new Set<number>([lo, hi]);
  const ratio = (hi / lo) ** (1 / (FRONTIER_MAX_COUNTS_PER_FACTORY - 1));
  for (let i = 1; i < FRONTIER_MAX_COUNTS_PER_FACTORY - 1; i++)
    out.add(Math.min(hi, Math.max(lo, Math.round(lo * ratio ** i))));
  return [...out].sort((a, b) => a - b);
}

// ---- output ----

function render(ctx: Context, s: Solution, estimateType: "singlePoint" | "frontier"): FtEstimate {
  const { qec, layout, counts, budget } = ctx;
  const tau = qec.logicalCycleTimeNs(s.d);
  const perLogical = qec.physicalQubitsPerLogical(s.d);
  const pL = qec.logicalErrorRate(s.d);
  const algorithmQubits = layout.logicalQubits * perLogical;
  const f = s.factory;
  const factoryQubits = f ? f.physicalQubits * s.numFactories : 0;
  const total = algorithmQubits + factoryQubits;
  const runtime = num(big(s.numCycles) * big(tau));
  const rqops = Math.ceil(layout.logicalQubits * (1e9 / tau));
  const runs = f ? numRuns(ctx, f, s.numFactories) : 0;
  const q = counts.numQubits;
  const scheme = qec.scheme;
  const p = qec.qubit.physicalErrorRate;
  const tRot = layout.numTsPerRotation;

  const formulas: Record<string, string> = {
    algorithmicLogicalQubits: `Q = 2·Q_alg + ⌈√(8·Q_alg)⌉ + 1 = 2·${q} + ${Math.ceil(Math.sqrt(8 * q))} + 1 = ${layout.logicalQubits} (PSSPC layout, Beverland et al. 2022 App. D)`,
    numTsPerRotation:
      tRot === null
        ? "no rotations"
        : `T_rot = ⌈0.53·log2(M_R/ε_rot) + 4.86⌉ = ⌈0.53·log2(${counts.rotationCount}/${fmt(budget.rotations)}) + 4.86⌉ = ${tRot} (arXiv:2203.10064)`,
    algorithmicLogicalDepth: `C_min = (M_meas + M_R + M_T)·1 + (M_CCZ + M_CCiX)·3 + T_rot·D_R = (${counts.measurementCount} + ${counts.rotationCount} + ${counts.tCount}) + (${counts.cczCount} + ${counts.ccixCount})·3 + ${tRot ?? 0}·${counts.rotationDepth} = ${layout.logicalDepth}`,
    logicalDepth:
      s.numCycles === layout.logicalDepth
        ? `C = C_min = ${s.numCycles}`
        : `C = ${s.numCycles} (stretched from C_min = ${layout.logicalDepth} by logicalDepthFactor or so that the T factories keep up)`,
    numTstates: `M = 4·(M_CCZ + M_CCiX) + M_T + T_rot·M_R = 4·${counts.cczCount + counts.ccixCount} + ${counts.tCount} + ${tRot ?? 0}·${counts.rotationCount} = ${layout.numTstates}`,
    errorBudget: `ε_log = ${fmt(budget.logical)}, ε_T = ${fmt(budget.tstates)}, ε_rot = ${fmt(budget.rotations)}`,
    requiredLogicalQubitErrorRate: `P_req = ε_log / (Q·C) = ${fmt(budget.logical)} / (${layout.logicalQubits}·${s.numCycles}) = ${fmt(s.requiredLogicalErrorRate)}`,
    codeDistance: `d = smallest odd d with ${scheme.crossingPrefactor}·d^${scheme.distanceCoefficientPower}·(p/p*)^⌊(d+1)/2⌋ ≤ P_req, p = ${fmt(p)}, p* = ${scheme.errorCorrectionThreshold} → d = ${s.d} (Beverland et al. 2022 Eq. (E2))`,
    logicalErrorRate: `P_L = ${scheme.crossingPrefactor}·${s.d}^${scheme.distanceCoefficientPower}·(${fmt(p)}/${scheme.errorCorrectionThreshold})^${Math.floor((s.d + 1) / 2)} = ${fmt(pL)}`,
    logicalCycleTime: `τ = ${scheme.logicalCycleTime} = ${tau} ns (d = ${s.d})`,
    physicalQubitsPerLogicalQubit: `n = ${scheme.physicalQubitsPerLogicalQubit} = ${perLogical} (d = ${s.d})`,
    physicalQubitsForAlgorithm: `Q·n = ${layout.logicalQubits}·${perLogical} = ${algorithmQubits}`,
    runtime: `C·τ = ${s.numCycles}·${tau} ns = ${runtime} ns`,
    rqops: `⌈Q·1e9/τ⌉ = ⌈${layout.logicalQubits}·1e9/${tau}⌉ = ${rqops}`,
    physicalQubits: `Q·n + F·q_factory = ${algorithmQubits} + ${s.numFactories}·${f?.physicalQubits ?? 0} = ${total}`,
  };
  if (f) {
    formulas.requiredLogicalTstateErrorRate = `ε_T / M = ${fmt(budget.tstates)} / ${layout.numTstates} = ${fmt(ctx.requiredTstateErrorRate ?? 0)}`;
    formulas.numTfactories = `F = ⌈M / (⌊C·τ / t_factory⌋·outputs)⌉ = ⌈${layout.numTstates} / (⌊${runtime} / ${f.durationNs}⌋·${f.numOutputStates})⌉ = ${s.numFactories}`;
    formulas.tfactory = `${f.rounds.length} round(s): ${f.rounds
      .map(
        (r) =>
          `${r.numUnits} × ${r.unitName} at d = ${r.codeDistance}${r.codeDistance === 1 && r.unitName !== "trivial 1-to-1" ? " (physical)" : ""}`,
      )
      .join(
        ", then ",
      )}; 15-to-1 unit: p_fail = 15·p_in + 356·p_cliff, p_out = 35·p_in³ + 7.1·p_cliff (Beverland et al. 2022 App. C); qubits = max over rounds = ${f.physicalQubits}, time = sum over rounds = ${f.durationNs} ns, p_out = ${fmt(f.outputErrorRate)}`;
  }

  return {
    status: "success",
    physicalCounts: {
      physicalQubits: total,
      runtime,
      rqops,
      breakdown: {
        algorithmicLogicalQubits: layout.logicalQubits,
        algorithmicLogicalDepth: layout.logicalDepth,
        logicalDepth: s.numCycles,
        numTstates: layout.numTstates,
        numTfactories: s.numFactories,
        numTfactoryRuns: runs,
        physicalQubitsForAlgorithm: algorithmQubits,
        physicalQubitsForTfactories: factoryQubits,
        requiredLogicalQubitErrorRate: s.requiredLogicalErrorRate,
        requiredLogicalTstateErrorRate: ctx.requiredTstateErrorRate,
        numTsPerRotation: tRot,
        cliffordErrorRate: qec.qubit.cliffordErrorRate,
        clockFrequency: 1e9 / tau,
      },
    },
    physicalCountsFormatted: {
      physicalQubits: formatCount(total),
      runtime: formatDurationNs(runtime),
      rqops: formatCount(rqops),
      codeDistance: String(s.d),
      logicalCycleTime: formatDurationNs(tau),
      numTfactories: formatCount(s.numFactories),
      logicalErrorRate: fmt(pL),
    },
    logicalQubit: {
      codeDistance: s.d,
      physicalQubits: perLogical,
      logicalCycleTime: tau,
      logicalErrorRate: pL,
    },
    tfactory: f
      ? {
          physicalQubits: f.physicalQubits,
          runtime: f.durationNs,
          numTstates: f.numOutputStates,
          numInputTstates: f.numInputStates,
          numRounds: f.rounds.length,
          numUnitsPerRound: f.rounds.map((r) => r.numUnits),
          unitNamePerRound: f.rounds.map((r) => r.unitName),
          codeDistancePerRound: f.rounds.map((r) => r.codeDistance),
          physicalQubitsPerRound: f.rounds.map((r) => r.physicalQubits),
          runtimePerRound: f.rounds.map((r) => r.durationNs),
          logicalErrorRate: f.outputErrorRate,
        }
      : null,
    errorBudget: { ...budget },
    logicalCounts: { ...counts },
    jobParams: {
      qubitParams: qec.qubit.params,
      qecScheme: { ...scheme },
      errorBudget: ctx.budgetInput,
      constraints: { ...ctx.constraints },
      estimateType,
    },
    formulas,
    assumptions: [
      "Azure Quantum Resource Estimator model (Beverland et al. 2022, arXiv:2211.07629): PSSPC layout, threshold-model QEC, 15-to-1 T factories",
      "T factories are searched exhaustively over unit types and non-decreasing per-round code distances; rounds share qubits (footprint = max over rounds)",
      "each factory run succeeds with probability ≥ 99% (Azure: failure budget 0.01 split evenly over rounds)",
      "counts beyond 2^53 are carried as doubles; cycle and factory arithmetic uses BigInt on those values",
    ],
  };
}

function fmt(x: number): string {
  return x === 0
    ? "0"
    : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6
      ? String(Number(x.toPrecision(6)))
      : x.toExponential(3);
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 1e15) return Math.round(n).toLocaleString("en-US");
  return n.toExponential(3);
}

/** Human duration: "8.4 µs", "9.24 s", "17 h 43 min", "32.4 days", "3.1e12 years". */
export function formatDurationNs(ns: number): string {
  const s = ns / 1e9;
  if (ns < 1e3) return `${ns} ns`;
  if (ns < 1e6) return `${Number((ns / 1e3).toPrecision(3))} µs`;
  if (ns < 1e9) return `${Number((ns / 1e6).toPrecision(3))} ms`;
  if (s < 60) return `${Number(s.toPrecision(3))} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  const days = s / 86_400;
  if (days < 365.25) return counted(String(Number(days.toPrecision(3))), "day", "days");
  const years = days / 365.25;
  return years < 1e6
    ? counted(String(Number(years.toPrecision(3))), "year", "years")
    : `${years.toExponential(2)} years`;
}
