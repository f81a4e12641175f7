// The terminal rendering of a verdict (schemaVersion 2), the same for every workload: the classical side, each
// quantum strategy, the best strategy's bottleneck factors (which add up to the gap) and its constraints, the
// verdict, the crossover, notes, assumptions, unverified values and sources.
import pc from "picocolors";
import { sensitivityLines, uncertaintyLines } from "../report/bands.js";
import { formatDuration, formatNumber, formatOrders, formatQubits, formatUsd } from "../units/format.js";
import {
  bestStrategy,
  bindingFactor,
  describeCoprocessing,
  factorSum,
  formatAmount,
} from "../verdict/compose.js";
import type { Constraint, VerdictV2 } from "../verdict/contract.js";

type Colors = ReturnType<typeof pc.createColors>;

const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;

function constraintLine(k: Constraint, c: Colors): string {
  const fmt = (x: number) => formatAmount(x, k.unit);
  const when =
    k.satisfied || k.yearSatisfied === null ? "" : `, projected to be met in ${Math.round(k.yearSatisfied)}`;
  const has = k.projected ? `${fmt(k.available)} projected` : fmt(k.available);
  const text = `${k.name.padEnd(20)} needs ${fmt(k.needed)} ${k.unit}, has ${has} (${k.basis})${when}`;
  return k.satisfied ? `  ✓ ${text}` : c.red(`  ✗ ${text}`);
}

/** The factors as a text waterfall: each row adds its log10 to the running total, ending at the gap. */
export function waterfallLines(v: VerdictV2, c: Colors): string[] {
  const best = bestStrategy(v);
  if (best.bottlenecks.length === 0) return ["  (no factors: the strategy has no plan at this size)"];
  const top = bindingFactor(best.bottlenecks);
  const nameW = Math.max(...best.bottlenecks.map((b) => b.name.length));
  const out: string[] = [];
  let total = 0;
  for (const b of best.bottlenecks) {
    total += b.factorLog10;
    const mark = b === top ? c.bold(c.red(" ◀ largest")) : "";
    out.push(
      `  ${b.name.padEnd(nameW)}  ${signed(b.factorLog10).padStart(7)}  → ${signed(total).padStart(7)}  ${formatOrders(b.factorLog10).padStart(10)}${mark}`,
    );
    out.push(c.dim(`  ${"".padEnd(nameW)}  ${b.formula}`));
  }
  out.push(
    `  ${"= quantum / classical".padEnd(nameW)}  ${signed(factorSum(best.bottlenecks)).padStart(7)}  (log10 of ${formatDuration(best.seconds)} / ${formatDuration(v.classical.seconds)})`,
  );
  return out;
}

/** A hybrid verdict's stages and link, with their shares of the wall time (nothing for other workloads). */
function pipelineLines(v: VerdictV2, c: Colors): string[] {
  const h = v as VerdictV2 & {
    stages?: Array<{ name: string; device: string; seconds: number; share: number; costUsd: number | null }>;
    link?: { kind: string; seconds: number; share: number };
    amdahlBound?: number;
    amdahlBoundWithLink?: number;
    schedule?: string;
  };
  if (!h.stages || !h.link) return [];
  const pct = (x: number) => `${(x * 100).toPrecision(3)}%`.padStart(8);
  const w = Math.max(4, ...h.stages.map((s) => s.name.length));
  const dw = Math.max(h.link.kind.length, ...h.stages.map((s) => s.device.length)) + 1;
  const out = [
    "",
    c.bold(
      h.schedule === "overlapped"
        ? "Pipeline (QPU and classical stages overlap: wall time = the longer side + link; shares of the busy time)"
        : "Pipeline (stages one after another each iteration)",
    ),
  ];
  for (const s of h.stages)
    out.push(
      `  ${s.name.padEnd(w)}  ${s.device.padEnd(dw)} ${formatDuration(s.seconds).padEnd(14)} ${pct(s.share)}${s.costUsd === null ? "" : `  ${formatUsd(s.costUsd)}`}`,
    );
  out.push(
    `  ${`link`.padEnd(w)}  ${h.link.kind.padEnd(dw)} ${formatDuration(h.link.seconds).padEnd(14)} ${pct(h.link.share)}`,
  );
  const b = (x: number | undefined) =>
    x === undefined || !Number.isFinite(x) ? "∞" : `${formatNumber(x, 3)}×`;
  out.push(
    `  Amdahl bound: a free QPU stage gains at most ${b(h.amdahlBound)}; with a free link too, ${b(h.amdahlBoundWithLink)}`,
  );
  return out;
}

export function renderVerdictV2(v: VerdictV2, color: boolean): string {
  const c = pc.createColors(color);
  const k = v.classical;
  const out: string[] = [c.bold(v.workload.name), ""];
  out.push(
    c.bold(
      `Classical: ${k.count.toLocaleString("en-US")} × ${k.device}, ${k.method}${k.feasible ? "" : c.red(" — infeasible")}`,
    ),
  );
  out.push(`  time        ${formatDuration(k.seconds)}`);
  if (k.costUsd !== null) out.push(`  cost        ${formatUsd(k.costUsd)}`);
  out.push(c.dim(`  ${k.formula}`));
  for (const x of k.constraints) out.push(constraintLine(x, c));
  out.push("", c.bold("Quantum strategies"));
  // One line per strategy (name, time, qubits, status), its details indented under it: a long time such as
  // "1.5e24 years (~10^14× the age of the universe)" wraps under the line instead of breaking a column layout.
  for (const s of v.strategies) {
    const time = Number.isFinite(s.seconds) ? formatDuration(s.seconds) : "no plan";
    const qubits = Number.isFinite(s.physicalQubits) ? `, ${formatQubits(s.physicalQubits)}` : "";
    const status = `${s.feasible ? "" : c.red(", infeasible")}${s.lowerBound ? ", a lower bound" : ""}`;
    const mark = s.name === v.best ? c.bold(" ◀ best") : "";
    out.push(`  ${s.name}${mark}: ${time}${qubits}${status}`);
    out.push(c.dim(`    ${s.title} on ${s.device}`));
    if (s.faultTolerance) {
      const f = s.faultTolerance;
      out.push(
        c.dim(
          `    code distance ${f.codeDistance}, ${f.tFactories} T factories; reproduce: qfit estimate ft --counts counts.json --qubit ${typeof f.qubit === "string" ? f.qubit : "qubit.json"} --qec ${typeof f.qec === "string" ? f.qec : "qec.json"} --budget ${f.budget}`,
        ),
      );
      // Spaces after commas and colons: still valid JSON, and a narrow terminal wraps it between fields.
      out.push(
        c.dim(`    counts.json: ${JSON.stringify(f.counts).replace(/,"/g, ', "').replace(/":/g, '": ')}`),
      );
    }
    if (s.classicalCoprocessing) out.push(`    ${describeCoprocessing(s.classicalCoprocessing)}`);
  }
  out.push(...pipelineLines(v, c));
  const best = bestStrategy(v);
  out.push("", c.bold(`Bottleneck factors of ${best.name} (log10, running total; they add up to the gap)`));
  out.push(...waterfallLines(v, c));
  out.push("", c.bold(`Constraints of ${best.name} (capacities: they decide feasibility and the year)`));
  for (const x of best.constraints) out.push(constraintLine(x, c));
  out.push("");
  const verdictLine = `Verdict: ${v.summary}`;
  out.push(v.winner === "classical" ? c.green(c.bold(verdictLine)) : c.bold(verdictLine));
  out.push(`Best quantum strategy: ${v.bestReason}`);
  out.push(`Crossover: ${v.crossover.explanation}`);
  const bands = [...uncertaintyLines(v), ...sensitivityLines(v)];
  if (bands.length) out.push("", ...bands);
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
  return `${out.join("\n")}\n`;
}
