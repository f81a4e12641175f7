// Which roadmap milestone (a vendor claim, not an achievement) first promises a given number of qubits.
import { userError } from "../errors.js";
import { catalog } from "../hardware/catalog.js";
import type { RoadmapMilestone } from "../hardware/schema.js";

export interface RoadmapMatch {
  year: number;
  vendor: string;
  label: string;
  source: string;
}

function earliest(pred: (m: RoadmapMilestone) => boolean): RoadmapMatch | null {
  const hits = catalog.roadmap.filter(pred).sort((a, b) => a.year - b.year);
  const m = hits[0];
  return m ? { year: m.year, vendor: m.vendor, label: m.label, source: m.source } : null;
}

/** The earliest milestone promising at least `physical` physical qubits, or null if no roadmap reaches it. */
export function earliestPhysical(physical: number): RoadmapMatch | null {
  return earliest((m) => m.physicalQubits !== null && m.physicalQubits >= physical);
}

/** The earliest milestone promising at least `logical` logical qubits, or null. */
export function earliestLogical(logical: number): RoadmapMatch | null {
  return earliest((m) => m.logicalQubits !== null && m.logicalQubits >= logical);
}

/** The catalog vendors `name` names (case-insensitive; "ibm-2025-03" names "IBM"). */
function vendorsNamed(name: string): string[] {
  const known = [...new Set(catalog.roadmap.map((m) => m.vendor))];
  const v = name.toLowerCase();
  const match = (n: string) => known.filter((k) => k.toLowerCase() === n);
  return match(v).length > 0 ? match(v) : match(v.split("-")[0]);
}

/** Does `name` name a vendor with physical-qubit roadmap claims? */
export const hasRoadmap = (name: string): boolean =>
  catalog.roadmap.some((m) => vendorsNamed(name).includes(m.vendor) && m.physicalQubits !== null);

/** Physical qubits promised by vendor roadmaps, by year: the largest physical-qubit claim of the chosen vendors
 *  made for that year or earlier (a step function: a claim counts from its year, nothing is interpolated or
 *  extrapolated). Logical-qubit claims are left out: they imply a physical count only through a code the vendor
 *  does not always state. Claims, not achievements. */
export interface RoadmapCapacity {
  /** The vendors whose claims count (catalog spelling). */
  vendors: string[];
  /** Milestone years, ascending, and the running maximum of physical qubits claimed by then. */
  years: number[];
  qubits: number[];
  label: string;
}

/**
 * The roadmap capacity of `vendor` (case-insensitive; a calculator preset id such as "ibm-2025-03" also names its
 * vendor, "ibm"), or of every vendor when none is given. A vendor without physical-qubit claims is refused.
 */
export function roadmapCapacity(vendor?: string): RoadmapCapacity {
  const chosen =
    vendor === undefined ? [...new Set(catalog.roadmap.map((m) => m.vendor))] : vendorsNamed(vendor);
  const claims = catalog.roadmap
    .filter((m) => chosen.includes(m.vendor) && m.physicalQubits !== null)
    .sort((a, b) => a.year - b.year);
  if (claims.length === 0)
    throw userError("Roadmap.UnknownVendor", `no vendor roadmap with physical-qubit claims for "${vendor}"`, {
      field: "--hardware",
      hint: `vendors with physical-qubit claims: ${[...new Set(catalog.roadmap.filter((m) => m.physicalQubits !== null).map((m) => m.vendor))].join(", ")}`,
    });
  const years: number[] = [];
  const qubits: number[] = [];
  for (const m of claims) {
    const best = Math.max(m.physicalQubits ?? 0, qubits[qubits.length - 1] ?? 0);
    if (years[years.length - 1] === m.year) qubits[qubits.length - 1] = best;
    else {
      years.push(m.year);
      qubits.push(best);
    }
  }
  const who =
    vendor === undefined ? "every vendor's" : `${[...new Set(claims.map((m) => m.vendor))].join(" and ")}'s`;
  return {
    vendors: [...new Set(claims.map((m) => m.vendor))],
    years,
    qubits,
    label: `${who} roadmap: the largest physical-qubit claim made for each year (held from its year; claims, not achievements; logical-qubit claims not counted)`,
  };
}
