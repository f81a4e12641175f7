// Crossover: time vs problem size on both sides, log-log, with the crossover size n* marked, and the year of
// quantum advantage under each vendor's roadmap (the MIT quantum-economic-advantage framework). Every assumption the
// models take is an editable field; the numbers are the CLI's (`qfit crossover`, `qfit estimate WORKLOAD`).
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { type CrossoverSeries, crossover } from "../../src/api/handlers.js";
import { qeaCrossover, qeaPresets } from "../../src/estimate/crossover.js";
import { catalog } from "../../src/hardware/catalog.js";
import { formatDuration, formatNumber, formatSci } from "../../src/units/format.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";

/** Each workload, the request field that sets its size, its default, and its MIT-framework problem if it has one. */
const WORKLOADS = [
  { id: "llm-training", label: "LLM training", sizeField: null, size: "", qea: null },
  { id: "shor", label: "Factoring (Shor)", sizeField: "bits", size: "2048", qea: "factoring" },
  { id: "grover", label: "Unstructured search (Grover)", sizeField: "bits", size: "40", qea: "search" },
  { id: "chemistry", label: "Chemistry (FeMoco, QPE)", sizeField: null, size: "", qea: "fci" },
  {
    id: "hamiltonian-simulation",
    label: "Hamiltonian simulation",
    sizeField: "sites",
    size: "50",
    qea: null,
  },
  { id: "qaoa-maxcut", label: "QAOA MaxCut", sizeField: "nodes", size: "100", qea: null },
  { id: "annealing-qubo", label: "Annealing QUBO", sizeField: "variables", size: "1000", qea: null },
] as const;

const QUBIT_PRESETS = ["qubit_gate_ns_e3", "qubit_gate_ns_e4", "qubit_gate_us_e3", "qubit_gate_us_e4"];

const s = {
  workload: urlState("xworkload", "shor"),
  size: urlState("xsize", ""),
  t0: urlState("xt0", String(new Date().getFullYear())),
  qubit: urlState("xqubit", "qubit_gate_ns_e3"),
  gpu: urlState("xgpu", "h100"),
  gpus: urlState("xgpus", "16000"),
  mfu: urlState("xmfu", "0.4"),
  qpu: urlState("xqpu", "ibm-heron-r2"),
  epsilon: urlState("xepsilon", "0.001"),
};

function request(w: (typeof WORKLOADS)[number]): Record<string, unknown> {
  if (w.id === "llm-training") {
    return {
      workload: w.id,
      gpu: s.gpu.value,
      gpus: Math.max(1, Math.round(num(s.gpus, 16000))),
      mfu: num(s.mfu, 0.4),
      qpu: s.qpu.value,
      epsilon: num(s.epsilon, 1e-3),
    };
  }
  const body: Record<string, unknown> = {
    workload: w.id,
    t0: Math.round(num(s.t0, 2026)),
    qubit: s.qubit.value,
  };
  if (w.sizeField) body[w.sizeField] = Math.round(Number(s.size.value || w.size));
  return body;
}

function compute(w: (typeof WORKLOADS)[number]): { c: CrossoverSeries | null; error: string | null } {
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
  const w = WORKLOADS.find((x) => x.id === s.workload.value) ?? WORKLOADS[1];
  const { c, error } = compute(w);
  const t0 = Math.round(num(s.t0, 2026));
  const years = useMemo(() => (w.qea ? vendorYears(w.qea, t0) : []), [w.qea, t0]);
  const options = useMemo(() => {
    if (!c) return null;
    const rows = c.sizes.flatMap((n, i) => [
      { n, seconds: c.classicalSeconds[i], side: "classical" },
      { n, seconds: c.quantumSeconds[i], side: "quantum" },
    ]);
    return {
      title: `${w.label}: time vs problem size`,
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
  }, [c, w.label]);
  const input = (id: string, sig: typeof s.gpus, label: string) =>
    html`<label>${label}<input id=${id} inputmode="decimal" value=${sig.value} onInput=${(e: Event) => (sig.value = (e.target as HTMLInputElement).value)} /></label>`;
  const select = (id: string, sig: typeof s.gpus, label: string, options: Array<[string, string]>) =>
    html`<label>${label}<select id=${id} value=${sig.value} onChange=${(e: Event) => (sig.value = (e.target as HTMLSelectElement).value)}>${options.map(([v, t]) => html`<option value=${v}>${t}</option>`)}</select></label>`;
  const onWorkload = (e: Event) => {
    const next = WORKLOADS.find((x) => x.id === (e.target as HTMLSelectElement).value) ?? WORKLOADS[1];
    s.size.value = next.size;
    s.workload.value = next.id;
  };
  return html`<section aria-labelledby="crossover-h">
    <h2 id="crossover-h">Crossover</h2>
    <div class="controls">
      <label>Workload<select id="xworkload" value=${w.id} onChange=${onWorkload}>${WORKLOADS.map((x) => html`<option value=${x.id}>${x.label}</option>`)}</select></label>
      ${
        w.id === "llm-training"
          ? html`${select(
              "xgpu",
              s.gpu,
              "GPU",
              catalog.gpus.map((g) => [g.id, g.name]),
            )}
            ${input("xgpus", s.gpus, "GPUs")} ${input("xmfu", s.mfu, "MFU")}
            ${select(
              "xqpu",
              s.qpu,
              "Quantum processor",
              catalog.qpus.map((q) => [q.id, q.name]),
            )}
            ${input("xepsilon", s.epsilon, "Precision ε per expectation value")}`
          : html`${w.sizeField ? html`<label>Problem size (${w.sizeField})<input id="xsize" inputmode="numeric" value=${s.size.value || w.size} onInput=${(e: Event) => (s.size.value = (e.target as HTMLInputElement).value)} /></label>` : null}
            ${input("xt0", s.t0, "Reference year t0")}
            ${select(
              "xqubit",
              s.qubit,
              "Qubit model (Azure QRE preset)",
              QUBIT_PRESETS.map((p) => [p, p]),
            )}`
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
