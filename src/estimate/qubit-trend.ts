// Qubit-count history, doubling-time fits and projections. History is sourced data
// (../hardware/data/qubit-history.json, each entry with its source); vendor milestones come from the catalog's roadmap
// (claims, not achievements). A projection is exponential growth N(t) = N0·2^((t − t0)/T_d).

import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import { userError } from "../errors.js";
import { catalog } from "../hardware/catalog.js";
import historyJson from "../hardware/data/qubit-history.json" with { type: "json" };
import { leastSquares } from "../stats/least-squares.js";

const entrySchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  device: z.string(),
  vendor: z.string(),
  qubits: z.number().int().positive(),
  kind: z.enum(["computing", "array", "annealer"]),
  benchmarked: z.boolean(),
  source: z.string().min(3),
  asOf: z.string(),
  unverified: z.boolean(),
});

export type HistoryEntry = z.infer<typeof entrySchema>;

export const qubitHistory: HistoryEntry[] = z
  .strictObject({ $comment: z.string(), entries: z.array(entrySchema) })
  .parse(historyJson, PARSE_ONCE).entries;

export interface YearPoint {
  year: number;
  qubits: number;
}

/**
 * The largest benchmarked gate-model ("computing") device of each year. Arrays and annealers are never mixed in:
 * their qubits cannot run a gate circuit (listed apart, never fitted).
 */
export function largestComputingByYear(
  vendor?: string,
): Array<YearPoint & { device: string; source: string }> {
  const best = new Map<number, HistoryEntry>();
  for (const e of qubitHistory) {
    if (e.kind !== "computing" || !e.benchmarked) continue;
    if (vendor && e.vendor.toLowerCase() !== vendor.toLowerCase()) continue;
    const b = best.get(e.year);
    if (!b || e.qubits > b.qubits) best.set(e.year, e);
  }
  return [...best.values()]
    .sort((a, b) => a.year - b.year)
    .map((e) => ({ year: e.year, qubits: e.qubits, device: e.device, source: e.source }));
}

export interface DoublingFit {
  fromYear: number;
  toYear: number;
  points: number;
  /** Years per doubling (1 / slope of log2 N against year). */
  doublingYears: number;
  /** log2 N = slope·year + intercept. */
  log2Slope: number;
  log2Intercept: number;
  /** Coefficient of determination of the log2 fit. */
  r2: number;
  formula: string;
}

/** Least-squares fit of log2(qubits) against year (ordinary least squares on the log, the usual trend fit). */
export function fitDoubling(points: YearPoint[]): DoublingFit {
  if (points.length < 2 || new Set(points.map((p) => p.year)).size < 2)
    throw userError(
      "Roadmap.Fit.TooFewPoints",
      "a trend fit needs points from at least two different years",
      {
        field: "history",
      },
    );
  const xs = points.map((p) => p.year);
  const { slope, intercept, r2 } = leastSquares(
    xs,
    points.map((p) => Math.log2(p.qubits)),
  );
  return {
    fromYear: Math.min(...xs),
    toYear: Math.max(...xs),
    points: points.length,
    doublingYears: 1 / slope,
    log2Slope: slope,
    log2Intercept: intercept,
    r2,
    formula: "log2 N = a·year + b by least squares; doubling time = 1/a",
  };
}

/** Exponential growth from a starting point. */
export interface Growth {
  label: string;
  startYear: number;
  startQubits: number;
  doublingYears: number;
  source: string;
}

export function checkGrowth(g: Growth): Growth {
  const bad = (field: string, what: string) =>
    userError("Roadmap.InvalidGrowth", `${field} ${what}`, {
      field,
      hint: "e.g. 156 qubits in 2024, doubling every 2 years",
    });
  if (!(g.startQubits > 0) || !Number.isFinite(g.startQubits))
    throw bad("startQubits", "must be a positive number");
  if (!(g.doublingYears > 0) || !Number.isFinite(g.doublingYears))
    throw bad("doublingYears", "must be a positive number");
  if (!Number.isFinite(g.startYear)) throw bad("startYear", "must be a year");
  return g;
}

export const projectQubits = (g: Growth, year: number): number =>
  g.startQubits * 2 ** ((year - g.startYear) / g.doublingYears);

/** The (fractional) year at which the projection reaches `qubits`; before startYear if already reached. */
export const yearReaching = (g: Growth, qubits: number): number =>
  g.startYear + g.doublingYears * Math.log2(qubits / g.startQubits);

/** Doubling fit of the largest benchmarked gate-model device per year, over the whole history. */
export function historyFit(): DoublingFit {
  return fitDoubling(largestComputingByYear());
}

/**
 * The default growth model: today's largest benchmarked gate-model device (latest history year), doubling at the
 * pace fitted to the whole 2016-onward history of the largest device per year. The fit includes the post-2023
 * drop (IBM moved from qubit count to error rate), so it is slower than the 2016–2023 record pace.
 */
export function defaultGrowth(): Growth {
  const series = largestComputingByYear();
  const last = series[series.length - 1];
  const fit = historyFit();
  return {
    label: `${last.device} (${last.qubits} qubits, ${last.year}) doubling every ${fit.doublingYears.toFixed(2)} years (fit ${fit.fromYear}–${fit.toYear})`,
    startYear: last.year,
    startQubits: last.qubits,
    doublingYears: fit.doublingYears,
    source: `${last.source}; qubit-history fit`,
  };
}

/** Piecewise log-linear interpolation through (year, value) points; beyond the ends the end segments extend. */
export function interpolateLogLinear(points: YearPoint[], year: number): number {
  const pts = [...points].sort((a, b) => a.year - b.year);
  if (pts.length === 0)
    throw userError("Roadmap.Empty", "a roadmap needs at least one point", { field: "roadmap" });
  const hit = pts.find((p) => p.year === year);
  if (hit) return hit.qubits;
  if (pts.length === 1) return pts[0].qubits;
  let i = pts.findIndex((p) => p.year > year) - 1;
  if (i < 0) i = year < pts[0].year ? 0 : pts.length - 2;
  const a = pts[i];
  const b = pts[i + 1];
  const slope = (Math.log10(b.qubits) - Math.log10(a.qubits)) / (b.year - a.year);
  return 10 ** (Math.log10(a.qubits) + slope * (year - a.year));
}

export interface VendorMilestone {
  vendor: string;
  year: number;
  label: string;
  physicalQubits: number | null;
  logicalQubits: number | null;
  source: string;
  unverified: boolean;
}

export function vendorMilestones(vendor?: string): VendorMilestone[] {
  const known = [...new Set(catalog.roadmap.map((m) => m.vendor))];
  if (vendor && !known.some((v) => v.toLowerCase() === vendor.toLowerCase()))
    throw userError("Roadmap.UnknownVendor", `unknown vendor "${vendor}"`, {
      field: "vendor",
      hint: `vendors with roadmaps: ${known.join(", ")}`,
    });
  return catalog.roadmap
    .filter((m) => !vendor || m.vendor.toLowerCase() === vendor.toLowerCase())
    .map((m) => ({
      vendor: m.vendor,
      year: m.year,
      label: m.label,
      physicalQubits: m.physicalQubits,
      logicalQubits: m.logicalQubits,
      source: m.source,
      unverified: m.unverified,
    }))
    .sort((a, b) => a.year - b.year);
}

export interface SeedClaimCheck {
  claim: string;
  growth: Growth;
  year: number;
  projectedQubits: number;
  limit: number;
  holds: boolean;
}

/** The popular claim: a few hundred qubits in 2024, doubling every two years → under 10,000 by 2034. */
export const SEED_CLAIM = { startYear: 2024, doublingYears: 2, year: 2034, limit: 10_000 };

export function checkSeedClaim(
  startQubits: number,
  label: string,
  doublingYears = SEED_CLAIM.doublingYears,
): SeedClaimCheck {
  const growth = checkGrowth({
    label,
    startYear: SEED_CLAIM.startYear,
    startQubits,
    doublingYears,
    source: "[popular-claim]",
  });
  const projected = projectQubits(growth, SEED_CLAIM.year);
  return {
    claim: `${startQubits} qubits in ${SEED_CLAIM.startYear}, doubling every ${doublingYears} years → ${Math.round(projected).toLocaleString("en-US")} in ${SEED_CLAIM.year}`,
    growth,
    year: SEED_CLAIM.year,
    projectedQubits: projected,
    limit: SEED_CLAIM.limit,
    holds: projected < SEED_CLAIM.limit,
  };
}

/** The starting point below which the 2-year doubling rule stays under 10,000 by 2034: 10,000 / 2^5 = 312.5. */
export const seedBreakEvenStart = (doublingYears = SEED_CLAIM.doublingYears): number =>
  SEED_CLAIM.limit / 2 ** ((SEED_CLAIM.year - SEED_CLAIM.startYear) / doublingYears);

export interface ProjectionLine {
  label: string;
  growth: Growth;
  points: YearPoint[];
}

export interface RoadmapSeries {
  /** Every history entry (computing, array, annealer), for scatter plots; plot kinds separately. */
  history: HistoryEntry[];
  /** Largest benchmarked gate-model device per year (the fitted series). */
  largestComputing: Array<YearPoint & { device: string; source: string }>;
  fit: DoublingFit;
  /** IBM 2016–2023, the record-setting era (about 1.0 year per doubling). */
  ibmRecordFit: DoublingFit;
  projections: ProjectionLine[];
  milestones: VendorMilestone[];
  /** Each vendor's physical-qubit milestones, interpolated log-linearly (MIT-calculator style) to `toYear`. */
  vendorLines: VendorLine[];
  seedClaim: SeedClaimCheck[];
  seedBreakEvenStart: number;
}

export interface VendorLine {
  vendor: string;
  /** The stated milestones (physical qubits). */
  milestones: YearPoint[];
  /** Yearly points: log-linear between milestones, held at the last claim after it (no extrapolation). */
  points: YearPoint[];
  lastClaimYear: number;
  /** Qubits the roadmap claims by the end year (2034 unless `toYear` says otherwise). */
  atEnd: number;
  /** Does the popular "under 10,000 by 2034" hold under this roadmap's physical-qubit claims? */
  seedHolds: boolean;
  /** The largest logical-qubit claim by the end year, which implies many more physical qubits; null if none. */
  logicalClaim: { year: number; logicalQubits: number } | null;
}

/** Vendors with at least two physical-qubit milestones in different years, as interpolated lines (log-linear
 * between milestones as in the MIT calculator's getPhysicalQubits, but held flat after the last claim). */
export function vendorLines(toYear = SEED_CLAIM.year, vendor?: string): VendorLine[] {
  const byVendor = new Map<string, YearPoint[]>();
  for (const m of vendorMilestones(vendor)) {
    if (m.physicalQubits === null) continue;
    const pts = byVendor.get(m.vendor) ?? [];
    const same = pts.find((p) => p.year === m.year);
    if (same) same.qubits = Math.max(same.qubits, m.physicalQubits);
    else pts.push({ year: m.year, qubits: m.physicalQubits });
    byVendor.set(m.vendor, pts);
  }
  const out: VendorLine[] = [];
  for (const [v, pts] of byVendor) {
    if (new Set(pts.map((p) => p.year)).size < 2) continue;
    const first = Math.min(...pts.map((p) => p.year));
    const last = Math.max(...pts.map((p) => p.year));
    // Past its last milestone a roadmap claims nothing; extrapolating two points can give absurd counts.
    const at = (y: number) => interpolateLogLinear(pts, Math.min(y, last));
    const points: YearPoint[] = [];
    for (let y = first; y <= toYear; y++) points.push({ year: y, qubits: at(y) });
    const atEnd = at(toYear);
    const logical = vendorMilestones(v)
      .filter((m) => m.logicalQubits !== null && m.year <= toYear)
      .sort((a, b) => (b.logicalQubits ?? 0) - (a.logicalQubits ?? 0))[0];
    out.push({
      logicalClaim: logical ? { year: logical.year, logicalQubits: logical.logicalQubits ?? 0 } : null,
      vendor: v,
      milestones: pts,
      points,
      lastClaimYear: last,
      atEnd,
      seedHolds: atEnd < SEED_CLAIM.limit,
    });
  }
  return out;
}

function line(g: Growth, from: number, to: number): ProjectionLine {
  const points: YearPoint[] = [];
  for (let y = from; y <= to; y++) points.push({ year: y, qubits: projectQubits(g, y) });
  return { label: g.label, growth: g, points };
}

/** Plain data for a roadmap plot: history, fits, projection lines to `toYear`, vendor milestones, the popular claim's check. */
export function roadmapSeries(options: { vendor?: string; toYear?: number } = {}): RoadmapSeries {
  const toYear = options.toYear ?? SEED_CLAIM.year;
  const fit = historyFit();
  const ibm = largestComputingByYear("IBM").filter((p) => p.year <= 2023);
  const ibmRecordFit = fitDoubling(ibm);
  const condor = ibm[ibm.length - 1];
  const seeds = [
    checkSeedClaim(156, "2-year doubling from IBM Heron r2 (156 qubits, 2024)"),
    checkSeedClaim(300, "2-year doubling from 'a few hundred' (300 qubits, 2024)"),
    checkSeedClaim(condor.qubits, `2-year doubling from ${condor.device} (${condor.qubits} qubits)`),
    checkSeedClaim(
      156,
      `IBM Heron r2 at the 2016–2023 IBM pace (${ibmRecordFit.doublingYears.toFixed(2)} years)`,
      ibmRecordFit.doublingYears,
    ),
  ];
  const projections = [
    line(defaultGrowth(), SEED_CLAIM.startYear, toYear),
    ...seeds.map((s) => line({ ...s.growth, label: s.growth.label }, SEED_CLAIM.startYear, toYear)),
  ];
  return {
    history: qubitHistory.filter(
      (e) => !options.vendor || e.vendor.toLowerCase() === options.vendor.toLowerCase(),
    ),
    largestComputing: largestComputingByYear(options.vendor),
    fit,
    ibmRecordFit,
    projections,
    milestones: vendorMilestones(options.vendor),
    vendorLines: vendorLines(toYear, options.vendor),
    seedClaim: seeds,
    seedBreakEvenStart: seedBreakEvenStart(),
  };
}
