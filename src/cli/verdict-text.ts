// The part of a verdict's terminal rendering every workload shares: the bottleneck list (binding one marked), the
// verdict and crossover lines, notes, assumptions, unverified values and sources.
import type pc from "picocolors";
import { formatOrders } from "../units/format.js";
import type { Verdict } from "../verdict/verdict.js";

type Colors = ReturnType<typeof pc.createColors>;

export function renderVerdictTail(v: Verdict, c: Colors): string[] {
  const out: string[] = [c.bold("Bottlenecks (orders of magnitude each costs alone)")];
  const nameW = Math.max(...v.bottlenecks.map((b) => b.name.length));
  for (const b of v.bottlenecks) {
    const mark = b.name === v.qpu.bindingBottleneck ? c.bold(c.red("◀ binding")) : "";
    out.push(`  ${b.name.padEnd(nameW)}  ${formatOrders(b.factorLog10).padStart(10)}  ${mark}`.trimEnd());
    out.push(c.dim(`  ${"".padEnd(nameW)}  ${b.explanation}`));
  }
  out.push("");
  const verdictLine = `Verdict: ${v.summary}`;
  out.push(v.winner === "gpu" ? c.green(c.bold(verdictLine)) : c.bold(verdictLine));
  out.push(`Crossover: ${v.crossover.explanation}`);
  if (v.notes.length) out.push("", c.bold("Notes"), ...v.notes.map((n) => `  - ${n}`));
  out.push("", c.bold("Assumptions"), ...v.assumptions.map((a) => `  - ${a}`));
  if (v.unverified.length) {
    out.push(
      "",
      c.yellow(c.bold("Unverified values used")),
      ...v.unverified.map((u) => c.yellow(`  - ${u}`)),
    );
  }
  out.push("", c.dim(`Sources: ${v.sources.map((s) => s.id).join(", ")} (--json lists them in full)`));
  return out;
}
