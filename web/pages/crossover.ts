// Crossover: time vs problem size on both sides, log-log, with the crossover size n* marked when there is one.
// Every assumption the model takes is an editable field here.
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { type CrossoverSeries, crossover } from "../../src/api/handlers.js";
import { catalog } from "../../src/hardware/catalog.js";
import { formatDuration, formatSci } from "../../src/units/format.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";

const s = {
  gpu: urlState("xgpu", "h100"),
  gpus: urlState("xgpus", "16000"),
  mfu: urlState("xmfu", "0.4"),
  qpu: urlState("xqpu", "ibm-heron-r2"),
  epsilon: urlState("xepsilon", "0.001"),
};

function series(): { c: CrossoverSeries | null; error: string | null } {
  try {
    const c = crossover({
      workload: "llm-training",
      gpu: s.gpu.value,
      gpus: Math.max(1, Math.round(num(s.gpus, 16000))),
      mfu: num(s.mfu, 0.4),
      qpu: s.qpu.value,
      epsilon: num(s.epsilon, 1e-3),
    });
    return { c, error: null };
  } catch (e) {
    return { c: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export function CrossoverPage() {
  const { c, error } = series();
  const options = useMemo(() => {
    if (!c) return null;
    const rows = c.sizes.flatMap((n, i) => [
      { n, seconds: c.classicalSeconds[i], side: `GPU cluster (${s.gpus.value}× ${s.gpu.value})` },
      { n, seconds: c.quantumSeconds[i], side: `QPU (${s.qpu.value})` },
    ]);
    return {
      title: "LLM training: time vs model size",
      x: { type: "log", label: `${c.sizeLabel} →` },
      y: { type: "log", label: "↑ time to train (seconds)", grid: true },
      color: { legend: true },
      marks: [
        Plot.line(rows, {
          x: "n",
          y: "seconds",
          stroke: "side",
          marker: true,
          tip: true,
          title: (d: { n: number; seconds: number; side: string }) =>
            `${d.side}\nN = ${formatSci(d.n, 2)}: ${formatDuration(d.seconds)}`,
        }),
        ...(c.nStar === null
          ? []
          : [
              Plot.ruleX([c.nStar], { stroke: "black", strokeDasharray: "4 3" }),
              Plot.text([c.nStar], { x: (d: number) => d, frameAnchor: "top", text: () => "n*", dy: 10 }),
            ]),
      ],
    };
  }, [c]);
  const input = (id: string, sig: typeof s.gpus, label: string) =>
    html`<label>${label}<input id=${id} inputmode="decimal" value=${sig.value} onInput=${(e: Event) => (sig.value = (e.target as HTMLInputElement).value)} /></label>`;
  return html`<section aria-labelledby="crossover-h">
    <h2 id="crossover-h">Crossover</h2>
    <div class="controls">
      <label>GPU<select id="xgpu" value=${s.gpu.value} onChange=${(e: Event) => (s.gpu.value = (e.target as HTMLSelectElement).value)}>${catalog.gpus.map((g) => html`<option value=${g.id}>${g.name}</option>`)}</select></label>
      ${input("xgpus", s.gpus, "GPUs")}
      ${input("xmfu", s.mfu, "MFU")}
      <label>Quantum processor<select id="xqpu" value=${s.qpu.value} onChange=${(e: Event) => (s.qpu.value = (e.target as HTMLSelectElement).value)}>${catalog.qpus.map((q) => html`<option value=${q.id}>${q.name}</option>`)}</select></label>
      ${input("xepsilon", s.epsilon, "Precision ε per expectation value")}
    </div>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${c ? html`<${PlotView} id="crossover" options=${options} /><p id="crossover-reason">${c.nStar === null ? "No crossover: " : `n* = ${formatSci(c.nStar, 2)}: `}${c.reason}</p>` : null}
  </section>`;
}
