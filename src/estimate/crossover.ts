// Crossover models: when and from what problem size a quantum computer beats a classical one.
// 1. The Choi–Moses–Thompson / MIT "quantum economic advantage" framework (arXiv:2310.15505; the MIT FutureTech
//    calculator, arXiv:2508.21031, Models.vue/utils.js at be38319; the calculator's source): feasibility
//    Feas(t) = QPS(R(t) / max(PLQR·(1+RIR)^(t−t0), 3)), advantage n*(t) solving C(n, 10^p_t) = 10^hws_t·Q(n)·P(q),
//    and t* where Feas(t) = n*(t). Everything in log10, so sizes up to 10^100 do not overflow.
// 2. Babbush et al. 2021 (PRX Quantum 2, 010103, Eqs. 3, 5): break-even time T* = t_Q·(t_Q·S/t_C)^(1/(d−1)).
// 3. Hoefler, Häner, Troyer 2023 (CACM 66(5)): M_max = T·r_q·(r_q/r_c)^(1/(k−1)) operations per oracle call, and
//    the I/O bound (data enter at the quantum machine's I/O bandwidth).
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import { userError } from "../errors.js";
import hoeflerJson from "./data/hoefler-rates.json" with { type: "json" };
import qeaJson from "./data/qea-presets.json" with { type: "json" };
import { interpolateLogLinear } from "./qubit-trend.js";

const qeaData = z
  .strictObject({
    $comment: z.string(),
    source: z.string(),
    asOf: z.string(),
    defaults: z.strictObject({
      processorsLog10: z.number(),
      costFactorLog10: z.number(),
      qirPercentPerYear: z.number(),
      cirPercentPerYear: z.number(),
    }),
    problems: z.array(
      z.strictObject({
        id: z.enum(["factoring", "search", "tsp", "fci"]),
        workload: z.string(),
        name: z.string(),
        classical: z.string(),
        quantum: z.string(),
        qps: z.string(),
        cited: z.string(),
        defect: z.string(),
      }),
    ),
    hardware: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        hwsLog10: z.number().min(0),
        penalty: z.enum(["sqrt", "none"]),
        plqr: z.number().min(3),
        rirPercentPerYear: z.number().min(-90).max(90),
        roadmapUnits: z.enum(["physical", "logical"]),
        roadmap: z.record(z.string().regex(/^\d{4}$/), z.number().positive()),
        reference: z.string(),
      }),
    ),
  })
  .parse(qeaJson, PARSE_ONCE);

export const qeaPresets = qeaData;
export type QeaProblemId = (typeof qeaData.problems)[number]["id"];
const LOG10E = Math.LOG10E;

/** log10 of the classical steps C(n, p) and the quantum steps Q(n) of each problem (the calculator's Models.vue). */
const PROBLEM_LOG: Record<
  QeaProblemId,
  { logC: (n: number, pLog10: number) => number; logQ: (n: number) => number; exponentialQps: boolean }
> = {
  factoring: {
    logC: (n, p) => Math.cbrt((64 / 9) * n) * Math.log(n) ** (2 / 3) * LOG10E - p,
    logQ: (n) => Math.log10(n * n * Math.log(n)),
    exponentialQps: false,
  },
  search: { logC: (n, p) => Math.log10(n) - p, logQ: (n) => 0.5 * Math.log10(n), exponentialQps: true },
  tsp: {
    logC: (n, p) => 3 * Math.log10(n) + n * Math.log10(2) - p,
    logQ: (n) => Math.log10(n) + n * Math.log10(1.78),
    exponentialQps: false,
  },
  // Stirling's n!, with no division by the processor count (as in the calculator's preset).
  fci: {
    logC: (n) => 0.5 * Math.log10(2 * Math.PI * n) + n * Math.log10(n / Math.E),
    logQ: (n) => 5 * Math.log10(n),
    exponentialQps: false,
  },
};

export interface QeaInput {
  problem: QeaProblemId | string;
  hardware: string;
  /** Reference year; the calculator uses the browser's current year, qfit makes it explicit. */
  t0: number;
  processorsLog10?: number;
  hwsLog10?: number;
  qirPercentPerYear?: number;
  cirPercentPerYear?: number;
  plqr?: number;
  rirPercentPerYear?: number;
  /** "speed" (default): faster than 10^p comparably priced processors; "cost": cheaper in total work × cost. */
  mode?: "speed" | "cost";
  /** log10 cost of one quantum operation in classical operations (cost mode; default 8). */
  costFactorLog10?: number;
}

export interface QeaResult {
  problem: string;
  hardware: string;
  t0: number;
  status: "never" | "already" | "year";
  /** t*, or null when never. */
  year: number | null;
  /** log10 n*(t*) (log10 n*(t0) when already), or null when never. */
  nStarLog10: number | null;
  /** log10 of the largest feasible problem at t0. */
  feasibleAtT0Log10: number;
  /** log10 n*(t0), or -Infinity when quantum is already ahead at every size. */
  nStarAtT0Log10: number;
  reason: string;
  parameters: Required<Omit<QeaInput, "problem" | "hardware">>;
  formulas: string[];
  source: string;
}

function findProblem(id: string) {
  const alias: Record<string, QeaProblemId> = { shor: "factoring", grover: "search", chemistry: "fci" };
  const key = (alias[id] ?? id) as QeaProblemId;
  const p = qeaData.problems.find((x) => x.id === key);
  if (!p)
    throw userError("Crossover.UnknownWorkload", `unknown workload "${id}" for the QEA framework`, {
      field: "workload",
      hint: `known: shor (factoring), grover (search), tsp, chemistry (fci)`,
    });
  return p;
}

export function findQeaHardware(id: string) {
  const h = qeaData.hardware.find((x) => x.id === id.toLowerCase());
  if (!h)
    throw userError("Crossover.UnknownHardware", `unknown hardware preset "${id}"`, {
      field: "hardware",
      hint: `known presets: ${qeaData.hardware.map((x) => x.id).join(", ")}`,
    });
  return h;
}

const rate = (percent: number) => Math.log10(1 + percent / 100);

function checkRange(field: string, v: number, lo: number, hi: number) {
  if (!Number.isFinite(v) || v < lo || v > hi)
    throw userError("Crossover.InvalidParameter", `${field} must be in [${lo}, ${hi}], got ${v}`, { field });
}

/** Bisection on a monotone-increasing f over [lo, hi]: the root, within tol. */
function bisect(f: (x: number) => number, lo: number, hi: number, tol = 1e-9, maxIter = 1000): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < maxIter && b - a > tol; i++) {
    const m = (a + b) / 2;
    if (f(m) >= 0) b = m;
    else a = m;
  }
  return (a + b) / 2;
}

/** The MIT QEA framework's advantage year t* and size n* (speed, or cost with `mode: "cost"`), in log10 space. */
export function qeaCrossover(input: QeaInput): QeaResult {
  const prob = findProblem(input.problem);
  const hw = findQeaHardware(input.hardware);
  const d = qeaData.defaults;
  const params = {
    t0: input.t0,
    processorsLog10: input.processorsLog10 ?? d.processorsLog10,
    hwsLog10: input.hwsLog10 ?? hw.hwsLog10,
    qirPercentPerYear: input.qirPercentPerYear ?? d.qirPercentPerYear,
    cirPercentPerYear: input.cirPercentPerYear ?? d.cirPercentPerYear,
    plqr: input.plqr ?? hw.plqr,
    rirPercentPerYear: input.rirPercentPerYear ?? hw.rirPercentPerYear,
    mode: input.mode ?? "speed",
    costFactorLog10: input.costFactorLog10 ?? d.costFactorLog10,
  };
  if (!Number.isInteger(params.t0) || params.t0 < 2000 || params.t0 > 2100)
    throw userError("Crossover.InvalidT0", `t0 must be a year in [2000, 2100], got ${params.t0}`, {
      field: "t0",
    });
  checkRange("processorsLog10", params.processorsLog10, 0, 30);
  checkRange("hwsLog10", params.hwsLog10, 0, 30);
  checkRange("costFactorLog10", params.costFactorLog10, 0, 30);
  if (params.mode !== "speed" && params.mode !== "cost")
    throw userError("Crossover.InvalidParameter", `mode must be speed or cost, got ${params.mode}`, {
      field: "mode",
    });
  checkRange("plqr", params.plqr, 3, 1e6);
  for (const f of ["qirPercentPerYear", "cirPercentPerYear", "rirPercentPerYear"] as const)
    checkRange(f, params[f], -90, 90);

  const L = PROBLEM_LOG[prob.id];
  const roadmap = Object.entries(hw.roadmap).map(([y, q]) => ({ year: Number(y), qubits: q }));
  // log10 of the largest problem size that fits at year t.
  const feasLog10 = (t: number): number => {
    const r = interpolateLogLinear(roadmap, t);
    const logical =
      hw.roadmapUnits === "logical"
        ? r
        : r / Math.max(params.plqr * (1 + params.rirPercentPerYear / 100) ** (t - params.t0), 3);
    return L.exponentialQps ? logical * Math.log10(2) : Math.log10(logical);
  };
  // q = QPS⁻¹(n); the connectivity penalty is √q or 1.
  const logQubits = (logN: number): number => (L.exponentialQps ? Math.log10(logN / Math.log10(2)) : logN);
  const logPenalty = (logN: number): number => (hw.penalty === "none" ? 0 : 0.5 * logQubits(logN));
  // log10 n*(t); -Infinity when quantum is ahead from the smallest size ("already" in the calculator).
  const nStarLog10 = (t: number): number => {
    const dt = t - params.t0;
    const p = Math.max(params.processorsLog10 + dt * rate(params.cirPercentPerYear), 0);
    const hws = Math.max(params.hwsLog10 + dt * rate(params.qirPercentPerYear), 0);
    // Cost mode (Documentation.vue "Cost Calculations"): C_w(n) = C(n, 1) against 10^cf_t · Q(n)·q · P(q); the
    // calculator decays cf at the CIR rate.
    const cf = Math.max(params.costFactorLog10 + dt * rate(params.cirPercentPerYear), 0);
    const f = (logN: number) => {
      const n = 10 ** logN;
      return params.mode === "speed"
        ? L.logC(n, p) - (hws + L.logQ(n) + logPenalty(logN))
        : L.logC(n, 0) - (cf + L.logQ(n) + logQubits(logN) + logPenalty(logN));
    };
    // The calculator's lower bound starts at 2 and steps by 0.25 up to 50 past a spurious small-n region.
    let low = 2;
    while (f(Math.log10(low)) >= 0 && low < 50) low += 0.25;
    const lo = Math.log10(low);
    const hi = 100;
    if (f(lo) >= 0) return Number.NEGATIVE_INFINITY;
    if (f(hi) < 0) return Number.POSITIVE_INFINITY;
    return bisect(f, lo, hi);
  };
  const g = (t: number) => feasLog10(t) - nStarLog10(t);
  const formulas = [
    "Feas(t) = QPS(R(t) / max(PLQR·(1+RIR/100)^(t−t0), 3))",
    "n*(t): C(n, 10^p_t) = 10^hws_t · Q(n) · P(QPS⁻¹(n)); p_t = max(p + (t−t0)·log10(1+CIR/100), 0); hws_t = max(hws + (t−t0)·log10(1+QIR/100), 0)",
    params.mode === "cost"
      ? "cost mode: n_c*(t): C(n, 1) = 10^cf_t · Q(n)·q · P(q); cf_t = max(cf + (t−t0)·log10(1+CIR/100), 0)"
      : "speed mode",
    "t*: Feas(t) = n*(t), bisection on [t0, 3000]",
    `C(n,p) = ${prob.classical}; Q(n) = ${prob.quantum}; QPS: ${prob.qps}; P(q) = ${hw.penalty === "sqrt" ? "√q" : "1"}`,
  ];
  const base = {
    problem: prob.id,
    hardware: hw.id,
    t0: params.t0,
    feasibleAtT0Log10: feasLog10(params.t0),
    nStarAtT0Log10: nStarLog10(params.t0),
    parameters: params,
    formulas,
    source: qeaData.source,
  };
  if (g(params.t0) >= 0) {
    return {
      ...base,
      status: "already",
      year: params.t0,
      nStarLog10: Number.isFinite(base.nStarAtT0Log10) ? base.nStarAtT0Log10 : null,
      reason: `already in ${params.t0}: the largest feasible problem (10^${base.feasibleAtT0Log10.toFixed(2)}) is past the advantage size`,
    };
  }
  if (g(3000) < 0) {
    return {
      ...base,
      status: "never",
      year: null,
      nStarLog10: null,
      reason: Number.isFinite(nStarLog10(3000))
        ? "never before 3000: binding: feasibility — the roadmap's logical qubits never reach the advantage size"
        : "never: binding: speed — the quantum machine is slower at every size up to 10^100",
    };
  }
  const year = bisect(g, params.t0, 3000, 1e-7);
  const n = nStarLog10(year);
  return {
    ...base,
    status: "year",
    year,
    nStarLog10: n,
    // Whole years in words (the exact t* is `year`): a projection from the vendor's roadmap, not a date.
    reason: `projected ${Math.round(year)}: binding: feasibility — quantum is faster from n* = 10^${base.nStarAtT0Log10.toFixed(2)} in ${params.t0}, but the roadmap is first projected to fit the advantage size (10^${n.toFixed(2)}) in ${Math.round(year)}`,
  };
}

/** The year a preset's roadmap first supplies `logical` logical qubits (the calculator's Feas with QPS n = q). */
export function qeaYearForLogicalQubits(
  hardware: string,
  logical: number,
  t0: number,
  plqr?: number,
): number | null {
  const hw = findQeaHardware(hardware);
  const roadmap = Object.entries(hw.roadmap).map(([y, q]) => ({ year: Number(y), qubits: q }));
  const p = plqr ?? hw.plqr;
  const logQ = (t: number) => {
    const r = interpolateLogLinear(roadmap, t);
    return Math.log10(
      hw.roadmapUnits === "logical" ? r : r / Math.max(p * (1 + hw.rirPercentPerYear / 100) ** (t - t0), 3),
    );
  };
  const target = Math.log10(logical);
  if (logQ(t0) >= target) return t0;
  if (logQ(3000) < target) return null;
  return bisect((t) => logQ(t) - target, t0, 3000, 1e-9);
}

// ---------------------------------------------------------------------------------------------------------------

export interface BabbushInput {
  /** Quantum time per oracle call t_Q, seconds. */
  quantumSecondsPerCall: number;
  /** Classical time per oracle call t_C, seconds. */
  classicalSecondsPerCall: number;
  /** Polynomial degree of the speedup (2 = Grover). */
  degree: number;
  /** Classical parallel speedup S (≥ 1). */
  classicalParallelism: number;
}

export interface BabbushResult {
  /** Calls at break-even M* = (t_Q·S/t_C)^(1/(d−1)). */
  breakEvenCalls: number;
  /** Break-even runtime T* = t_Q·M*. */
  breakEvenSeconds: number;
  formula: string;
}

/** Babbush et al. 2021 Eqs. 3 and 5: the break-even runtime of a degree-d polynomial speedup. */
export function babbushBreakEven(input: BabbushInput): BabbushResult {
  const {
    quantumSecondsPerCall: tq,
    classicalSecondsPerCall: tc,
    degree: d,
    classicalParallelism: s,
  } = input;
  const bad = (field: string, what: string, v: number) =>
    userError("Crossover.Babbush.InvalidInput", `${field} ${what}, got ${v}`, { field });
  if (!(tq > 0) || !Number.isFinite(tq)) throw bad("quantumSecondsPerCall", "must be a positive time", tq);
  if (!(tc > 0) || !Number.isFinite(tc)) throw bad("classicalSecondsPerCall", "must be a positive time", tc);
  if (!(d > 1) || !Number.isFinite(d)) throw bad("degree", "must be > 1 (a polynomial speedup)", d);
  if (!(s >= 1) || !Number.isFinite(s)) throw bad("classicalParallelism", "must be ≥ 1", s);
  const calls = ((tq * s) / tc) ** (1 / (d - 1));
  return {
    breakEvenCalls: calls,
    breakEvenSeconds: tq * calls,
    formula: "M* = (t_Q·S/t_C)^(1/(d−1)); T* = t_Q·M* (Babbush et al. 2021, Eqs. 3 and 5)",
  };
}

/** Babbush et al. 2021 Eq. 6: Toffoli time ≈ code distance × 5.5 × surface-code cycle (one CCZ factory). */
export const babbushToffoliSeconds = (codeDistance: number, cycleSeconds: number): number =>
  codeDistance * 5.5 * cycleSeconds;

export interface HoeflerInput {
  /** Quantum operation rate r_q (op/s). */
  quantumOpsPerSecond: number;
  /** Classical operation rate r_c (op/s). */
  classicalOpsPerSecond: number;
  /** Speedup degree k (classical N^k vs quantum N). */
  degree: number;
  /** Longest acceptable quantum runtime T (default 10^6 s ≈ 2 weeks). */
  maxSeconds?: number;
}

const rateRow = z.strictObject({
  ioGbitPerS: z.number().positive(),
  fp16OpsPerS: z.number().positive(),
  int32OpsPerS: z.number().positive(),
  binaryOpsPerS: z.number().positive(),
});

/** Hoefler et al. 2023 Table 1: A100, ASIC and future-QC peak rates. */
export const hoeflerRates = z
  .strictObject({
    $comment: z.string(),
    source: z.string(),
    asOf: z.string(),
    machines: z.strictObject({ a100: rateRow, asic: rateRow, futureQc: rateRow }),
    maxQuantumSeconds: z.number().positive(),
  })
  .parse(hoeflerJson, PARSE_ONCE);

export type HoeflerOpType = "fp16" | "int32" | "binary";

export const HOEFLER_MAX_SECONDS = hoeflerRates.maxQuantumSeconds;

/** Table 2's setting: the future QC against the ASIC for one operation type. */
export function hoeflerTable2(type: HoeflerOpType, degree: number): number {
  const key = `${type}OpsPerS` as const;
  return hoeflerMaxOpsPerCall({
    quantumOpsPerSecond: hoeflerRates.machines.futureQc[key],
    classicalOpsPerSecond: hoeflerRates.machines.asic[key],
    degree,
  });
}

/** Hoefler et al. 2023: the most operations an oracle call may cost for a crossover within T. */
export function hoeflerMaxOpsPerCall(input: HoeflerInput): number {
  const T = input.maxSeconds ?? HOEFLER_MAX_SECONDS;
  const { quantumOpsPerSecond: rq, classicalOpsPerSecond: rc, degree: k } = input;
  for (const [field, v] of [
    ["quantumOpsPerSecond", rq],
    ["classicalOpsPerSecond", rc],
    ["maxSeconds", T],
  ] as const)
    if (!(v > 0) || !Number.isFinite(v))
      throw userError("Crossover.Hoefler.InvalidInput", `${field} must be positive, got ${v}`, { field });
  if (!(k > 1))
    throw userError("Crossover.Hoefler.InvalidInput", `degree must be > 1, got ${k}`, { field: "degree" });
  return T * rq * (rq / rc) ** (1 / (k - 1));
}

/** Seconds to load `bits` of input at the quantum machine's I/O bandwidth (Hoefler et al.: 1 Gbit/s). */
export function ioBoundSeconds(bits: number, ioGbitPerS?: number): number {
  const bw = ioGbitPerS ?? hoeflerRates.machines.futureQc.ioGbitPerS;
  if (!(bits >= 0) || !Number.isFinite(bits))
    throw userError("Crossover.Hoefler.InvalidInput", `bits must be a non-negative number, got ${bits}`, {
      field: "bits",
    });
  return bits / (bw * 1e9);
}
