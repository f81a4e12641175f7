// `qfit roadmap [--vendor ibm] [--json]`: qubit-count history, doubling-time fits, the popular "under 10,000 by
// 2034" claim under its own and other starting points, and vendor milestones (claims, not achievements).
import { Command } from "@commander-js/extra-typings";
import pc from "picocolors";
import { roadmapSeries } from "../estimate/qubit-trend.js";
import { fitted, type Io } from "./io.js";
import { parseYear } from "./options.js";

const fmt = (q: number) => Math.round(q).toLocaleString("en-US");

export function roadmapCommand(io: Io) {
  return new Command("roadmap")
    .description("qubit-count history, trend fits, projections and vendor roadmaps")
    .option("--vendor <name>", "only this vendor's history and milestones (e.g. ibm)")
    .option("--to <year>", "last projected year (default 2034)", parseYear("--to"))
    .option("--json", "machine-readable output")
    .action((o) => {
      const s = roadmapSeries({ vendor: o.vendor, toYear: o.to });
      if (o.json) {
        io.stdout(`${JSON.stringify(s, null, 2)}\n`);
        return;
      }
      const c = pc.createColors(io.color);
      const out: string[] = [];
      out.push(
        c.bold(`Largest benchmarked gate-model processor per year${o.vendor ? ` (${o.vendor})` : ""}`),
      );
      for (const p of s.largestComputing)
        out.push(`  ${p.year}  ${fmt(p.qubits).padStart(6)}  ${p.device}  ${c.dim(p.source)}`);
      const arrays = s.history.filter((e) => e.kind !== "computing");
      if (arrays.length) {
        out.push(c.dim("  not comparable (atom arrays without a full gate set, annealers):"));
        for (const e of arrays)
          out.push(c.dim(`  ${e.year}  ${fmt(e.qubits).padStart(6)}  ${e.device} (${e.kind})`));
      }
      out.push("");
      out.push(c.bold("Trend fits (least squares on log2 qubits)"));
      out.push(
        `  all vendors ${s.fit.fromYear}–${s.fit.toYear}: doubling every ${s.fit.doublingYears.toFixed(2)} years (r² ${s.fit.r2.toFixed(2)})`,
      );
      out.push(
        `  IBM 2016–2023 (record era): doubling every ${s.ibmRecordFit.doublingYears.toFixed(2)} years (r² ${s.ibmRecordFit.r2.toFixed(2)})`,
      );
      out.push("");
      out.push(
        c.bold(
          "The popular claim: a few hundred qubits in 2024, doubling every two years → under 10,000 by 2034",
        ),
      );
      for (const k of s.seedClaim)
        out.push(
          `  ${k.holds ? c.green("holds ") : c.red("fails ")} ${k.growth.label}: ${fmt(k.projectedQubits)} in ${k.year}`,
        );
      out.push(
        `  it holds only when the 2024 starting point is below ${s.seedBreakEvenStart} qubits (10,000 / 2^5)`,
      );
      out.push("");
      out.push(c.bold("Projections"));
      for (const p of s.projections) {
        const last = p.points[p.points.length - 1];
        out.push(`  ${p.label}: ${fmt(last.qubits)} in ${last.year}`);
      }
      if (s.vendorLines.length) {
        out.push("");
        const end = s.projections[0].points.at(-1)?.year;
        out.push(
          c.bold(
            `Vendor roadmaps: physical qubits claimed by ${end} (log-linear between milestones, no extrapolation)`,
          ),
        );
        for (const v of s.vendorLines)
          out.push(
            `  ${v.vendor.padEnd(12)} ${fmt(v.atEnd).padStart(10)}  (last claim ${v.lastClaimYear})  ${v.seedHolds ? "under 10,000: the claim holds" : "10,000 or more: the claim fails"}${v.logicalClaim ? `; also claims ${fmt(v.logicalClaim.logicalQubits)} logical qubits by ${v.logicalClaim.year}` : ""}`,
          );
      }
      if (s.milestones.length) {
        out.push("");
        out.push(c.bold("Vendor milestones (claims, not achievements)"));
        for (const m of s.milestones) {
          const q = [
            m.physicalQubits !== null ? `${fmt(m.physicalQubits)} physical` : "",
            m.logicalQubits !== null ? `${fmt(m.logicalQubits)} logical` : "",
          ]
            .filter(Boolean)
            .join(", ");
          out.push(
            `  ${m.year}  ${m.vendor.padEnd(12)} ${m.label}${q ? ` [${q}]` : ""}${m.unverified ? c.yellow(" (unverified)") : ""}  ${c.dim(m.source)}`,
          );
        }
      }
      io.stdout(fitted(io, `${out.join("\n")}\n`));
    });
}
