// Crossover: time vs problem size on both sides, log-log, with the crossover size n* marked, and the year of
// quantum advantage under each vendor's roadmap (the MIT quantum-economic-advantage framework). Every assumption the
// models take is an editable field; the numbers are the CLI's (`qfit crossover`, `qfit estimate WORKLOAD`).
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { type CrossoverSeries, crossover } from "../../src/api/handlers.js";
import { qeaCrossover, qeaPresets } from "../../src/estimate/crossover.js";
import { formatDuration, formatNumber, formatSci } from "../../src/units/format.js";
import { parseQuantity } from "../../src/units/parse-quantity.js";
import { workloads } from "../../src/workloads/registry.js";
import type { WorkloadDefinition } from "../../src/workloads/workload.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";

/** The MIT quantum-economic-advantage framework's problem for a registered workload, where it has one. */
const QEA_PROBLEM: Record<string, string> = { shor: "factoring", grover: "search", chemistry: "fci" };

const QUBIT_PRESETS = ["qubit_gate_ns_e3", "qubit_gate_ns_e4", "qubit_gate_us_e3", "qubit_gate_us_e4"];

const s = {
  workload: urlState("xworkload", "shor"),
  size: urlState("xsize", ""),
  t0: urlState("xt0", String(new Date().getFullYear())),
  qubit: urlState("xqubit", "qubit_gate_ns_e3"),
};

/** The request for a workload: its headline size (if given), the reference year, the qubit model if it has one. */
function request(w: WorkloadDefinition): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: w.kind, t0: Math.round(num(s.t0, 2026)) };
  if ("qubit" in w.input.shape) body.qubit = s.qubit.value;
  if (s.size.value.trim() !== "")
    body[w.headline.field] = parseQuantity(w.headline.field, s.size.value, { integer: w.headline.integer });
  return body;
}

function compute(w: WorkloadDefinition): { c: CrossoverSeries | null; error: string | null } {
  try {
    return { c: crossover(request(w)), error: null };
  } catch (e) {
    return { c: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Year of advantage for this workload under each vendor preset of the MIT calculator. */
function vendorYears(problem: string, t0: number) {
  return qeaPresets.hardware.map((h) => {
    try {
      const r = qeaCrossover({ problem, hardware: h.id, t0 });
      return { vendor: h.id, text: r.status === "year" ? r.year!.toFixed(1) : r.status, reason: r.reason };
    } catch (e) {
      return { vendor: h.id, text: "—", reason: e instanceof Error ? e.message : String(e) };
    }
  });
}

export function CrossoverPage() {
  const w = workloads.find((x) => x.kind === s.workload.value) ?? workloads[1];
  const { c, error } = compute(w);
  const t0 = Math.round(num(s.t0, 2026));
  const qea = QEA_PROBLEM[w.kind] ?? null;
  const years = useMemo(() => (qea ? vendorYears(qea, t0) : []), [qea, t0]);
  const options = useMemo(() => {
    if (!c) return null;
    const rows = c.sizes.flatMap((n, i) => [
      { n, seconds: c.classicalSeconds[i], side: "classical" },
      { n, seconds: c.quantumSeconds[i], side: "quantum" },
    ]);
    return {
      title: `${w.title}: time vs problem size`,
      x: { type: "log", label: `${c.sizeLabel} →` },
      marginLeft: 90,
      // Durations read better than SI prefixes on seconds ("10Y" would be 1e25 s).
      y: { type: "log", label: "↑ time", grid: true, tickFormat: (v: number) => formatDuration(v, 1) },
      color: { legend: true, domain: ["classical", "quantum"], range: ["#0072B2", "#D55E00"] },
      marks: [
        Plot.line(
          rows.filter((r) => Number.isFinite(r.seconds) && r.seconds > 0),
          {
            x: "n",
            y: "seconds",
            stroke: "side",
            marker: true,
            tip: true,
            title: (d: { n: number; seconds: number; side: string }) =>
              `${d.side}\nn = ${formatSci(d.n, 3)}: ${formatDuration(d.seconds)}`,
          },
        ),
        ...(c.nStar === null
          ? []
          : [
              Plot.ruleX([c.nStar], { stroke: "currentColor", strokeDasharray: "4 3" }),
              Plot.text([c.nStar], {
                x: (d: number) => d,
                frameAnchor: "top",
                text: () => "n*",
                dy: 10,
                dx: 8,
              }),
            ]),
      ],
    };
  }, [c, w.title]);
  const input = (id: string, sig: typeof s.t0, label: string, placeholder = "") =>
    html`<label>${label}<input id=${id} inputmode="decimal" placeholder=${placeholder} value=${sig.value} onInput=${(e: Event) => (sig.value = (e.target as HTMLInputElement).value)} /></label>`;
  const onWorkload = (e: Event) => {
    s.size.value = "";
    s.workload.value = (e.target as HTMLSelectElement).value;
  };
  const size = w.input.shape[w.headline.field as keyof typeof w.input.shape] as
    | { description?: string }
    | undefined;
  return html`<section aria-labelledby="crossover-h">
    <h2 id="crossover-h">Crossover</h2>
    <div class="controls">
      <label>Workload<select id="xworkload" value=${w.kind} onChange=${onWorkload}>${workloads.map((x) => html`<option value=${x.kind}>${x.title}</option>`)}</select></label>
      ${input("xsize", s.size, `This instance: ${w.headline.field}`, size?.description ?? "")}
      ${input("xt0", s.t0, "Reference year t0")}
      ${
        "qubit" in w.input.shape
          ? html`<label>Qubit model (Azure QRE preset)<select id="xqubit" value=${s.qubit.value} onChange=${(e: Event) => (s.qubit.value = (e.target as HTMLSelectElement).value)}>${QUBIT_PRESETS.map((p) => html`<option value=${p}>${p}</option>`)}</select></label>`
          : null
      }
    </div>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${
      c
        ? html`<${PlotView} id="crossover" options=${options} />
          <p id="crossover-reason"><strong>${c.nStar === null ? "No crossover" : `n* = ${formatNumber(c.nStar, 3)}${c.year ? `, in ${c.year.toFixed(1)}` : ""}`}:</strong> ${c.reason}</p>`
        : null
    }
    ${
      years.length
        ? html`<h3>Year of quantum advantage by vendor roadmap (MIT framework, t0 = ${t0})</h3>
          <table id="vendor-years"><tr><th>hardware preset</th><th>year</th><th>why</th></tr>
            ${years.map((y) => html`<tr><td>${y.vendor}</td><td>${y.text}</td><td class="muted">${y.reason}</td></tr>`)}
          </table>`
        : null
    }
  </section>`;
}
