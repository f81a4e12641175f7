// Roadmap: qubits on devices today and on vendor roadmaps (claims), against the qubits the chosen workload needs,
// with the popular "a few hundred qubits in 2024, doubling every two years" as a switchable line.
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { catalog } from "../../src/hardware/catalog.js";
import { bestStrategy } from "../../src/verdict/compose.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";
import { currentVerdict } from "./verdict.js";

const s = {
  doubling: urlState("doubling", "1"),
  startQubits: urlState("startQubits", "300"),
  startYear: urlState("startYear", "2024"),
  doublingYears: urlState("doublingYears", "2"),
};

export function RoadmapPage() {
  const { v } = currentVerdict();
  const needed = v ? bestStrategy(v).physicalQubits : null;
  const doubling = s.doubling.value === "1";
  const q0 = num(s.startQubits, 300);
  const y0 = num(s.startYear, 2024);
  const td = Math.max(0.1, num(s.doublingYears, 2));
  const options = useMemo(() => {
    const milestones = catalog.roadmap.filter((m) => m.physicalQubits !== null);
    const today = catalog.qpus.map((q) => ({
      year: Number(q.asOf.slice(0, 4)),
      qubits: q.qubits,
      name: q.name,
    }));
    const trend = Array.from({ length: 17 }, (_, i) => ({ year: y0 + i, qubits: q0 * 2 ** (i / td) }));
    return {
      title: "Physical qubits: devices, roadmaps and what the workload needs",
      x: { label: "year →", tickFormat: "d" },
      y: { type: "log", label: "↑ physical qubits", grid: true },
      color: { legend: true },
      marks: [
        Plot.line(milestones, {
          x: "year",
          y: "physicalQubits",
          stroke: "vendor",
          strokeDasharray: "5 3",
          marker: true,
          tip: true,
          title: (d: { vendor: string; label: string; year: number }) => `${d.vendor} ${d.year}: ${d.label}`,
        }),
        Plot.dot(today, {
          x: "year",
          y: "qubits",
          fill: "currentColor",
          tip: true,
          title: (d: { name: string; qubits: number }) => `${d.name}: ${d.qubits} qubits`,
        }),
        ...(doubling ? [Plot.line(trend, { x: "year", y: "qubits", stroke: "#999", strokeWidth: 2 })] : []),
        ...(needed
          ? [
              Plot.ruleY([needed], { stroke: "#D55E00", strokeWidth: 2 }),
              Plot.text([needed], {
                y: (d: number) => d,
                // Right-aligned: the y axis's label sits at the top left.
                frameAnchor: "right",
                textAnchor: "end",
                dy: -8,
                text: () => `${v?.workload.name}: ${needed.toLocaleString("en-US")} qubits`,
              }),
            ]
          : []),
      ],
    };
  }, [needed, doubling, q0, y0, td]);
  const reach = q0 * 2 ** ((y0 + 10 - y0) / td);
  return html`<section aria-labelledby="roadmap-h">
    <h2 id="roadmap-h">Roadmap</h2>
    <div class="controls">
      <label><span><input id="doubling" type="checkbox" checked=${doubling} onChange=${(e: Event) => (s.doubling.value = (e.target as HTMLInputElement).checked ? "1" : "0")} /> show the doubling assumption</span></label>
      <label>Qubits at the start<input id="startQubits" inputmode="numeric" value=${s.startQubits.value} onInput=${(e: Event) => (s.startQubits.value = (e.target as HTMLInputElement).value)} /></label>
      <label>Start year<input id="startYear" inputmode="numeric" value=${s.startYear.value} onInput=${(e: Event) => (s.startYear.value = (e.target as HTMLInputElement).value)} /></label>
      <label>Doubling time (years)<input id="doublingYears" inputmode="decimal" value=${s.doublingYears.value} onInput=${(e: Event) => (s.doublingYears.value = (e.target as HTMLInputElement).value)} /></label>
    </div>
    <${PlotView} id="roadmap" options=${options} />
    <p class="muted">Doubling assumption: ${q0} qubits in ${y0}, doubling every ${td} years → ${Math.round(reach).toLocaleString("en-US")} qubits in ${y0 + 10}. Roadmaps are vendors' claims, not achievements; the workload is the one chosen on the Verdict page.</p>
  </section>`;
}
