// The results file: JSON Lines, one job per line, sorted by id, so two runs of the same sweep compare line by
// line apart from `timing`. Reading one back (for --resume) keeps only well-formed records of this qfit version.
import { userError } from "../errors.js";
import { byId, type JobRecord } from "./jobs.js";

export function toJsonl(records: Iterable<JobRecord>): string {
  const sorted = [...records].sort(byId);
  return sorted.map((r) => `${JSON.stringify(r)}\n`).join("");
}

/**
 * Records of a results file by id. A line that is not a job record is an error naming file:line (a results
 * file is written whole and atomically, so a bad line means it is not one); records of another qfit version
 * are skipped: their ids cannot match this version's jobs.
 */
export function parseResults(text: string, file: string, version: string): Map<string, JobRecord> {
  const out = new Map<string, JobRecord>();
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let r: Partial<JobRecord>;
    try {
      r = JSON.parse(line) as Partial<JobRecord>;
    } catch (e) {
      throw userError("Sweep.Results.Invalid", `not a JSON line: ${(e as Error).message}`, {
        position: { file, line: i + 1, col: 1 },
        hint: "--resume reads a results file written by `qfit sweep --out`",
      });
    }
    if (typeof r?.id !== "string" || typeof r.input !== "object" || typeof r.output !== "object")
      throw userError("Sweep.Results.Invalid", "not a sweep job record (needs id, input, output)", {
        position: { file, line: i + 1, col: 1 },
        hint: "--resume reads a results file written by `qfit sweep --out`",
      });
    if (r.qfitVersion !== version) continue;
    out.set(r.id, r as JobRecord);
  }
  return out;
}
