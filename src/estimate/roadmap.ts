// Which roadmap milestone (a vendor claim, not an achievement) first promises a given number of qubits.
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
