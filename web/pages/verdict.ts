// Verdict: one LLM training run on a GPU cluster vs a quantum processor, computed in the browser with the same
// estimator as `qfit estimate llm-training`, so every slider updates at once.
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { catalog } from "../../src/hardware/catalog.js";
import {
  formatDuration,
  formatEnergy,
  formatOrders,
  formatQubits,
  formatSci,
  formatUsd,
} from "../../src/units/format.js";
import {
  estimateLlmTrainingInput,
  type LlmTrainingVerdict,
  llmPresets,
} from "../../src/workloads/llm-training.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";

export const verdictState = {
  preset: urlState("preset", "llama-3.1-405b"),
  params: urlState("params", "405e9"),
  tokens: urlState("tokens", "15.6e12"),
  gpu: urlState("gpu", "h100"),
  gpusLog2: urlState("gpusLog2", String(Math.log2(16384))),
  mfu: urlState("mfu", "0.4"),
  qpu: urlState("qpu", "ibm-heron-r2"),
  epsilon: urlState("epsilon", "0.001"),
};

/** The verdict for the current state, or the error message when the inputs are invalid. */
export function currentVerdict(): { v: LlmTrainingVerdict | null; error: string | null } {
  const s = verdictState;
  const custom = s.preset.value === "custom";
  try {
    const v = estimateLlmTrainingInput(
      custom
        ? { params: num(s.params, Number.NaN), tokens: num(s.tokens, Number.NaN) }
        : { preset: s.preset.value },
      {
        gpu: s.gpu.value,
        gpus: Math.round(2 ** num(s.gpusLog2, 14)),
        mfu: num(s.mfu, 0.4),
        qpu: s.qpu.value,
        epsilon: num(s.epsilon, 1e-3),
      },
    );
    return { v, error: null };
  } catch (e) {
    return { v: null, error: e instanceof Error ? e.message : String(e) };
  }
}

const field = (label: string, control: unknown) => html`<label>${label}${control}</label>`;

export function VerdictPage() {
  const s = verdictState;
  const { v, error } = currentVerdict();
  const gpus = Math.round(2 ** num(s.gpusLog2, 14));
  const bars = useMemo(
    () =>
      v
        ? {
            title: "What each quantum bottleneck costs alone",
            marginLeft: 90,
            x: { label: "orders of magnitude (log10) →", grid: true },
            y: { label: null },
            marks: [
              Plot.barX(v.bottlenecks, {
                x: "factorLog10",
                y: "name",
                fill: (d: { name: string }) => (d.name === v.qpu.bindingBottleneck ? "binding" : "other"),
                tip: true,
                title: (d: { name: string; factorLog10: number; explanation: string }) =>
                  `${d.name}: ${formatOrders(d.factorLog10)}\n${d.explanation}`,
              }),
              Plot.ruleX([0]),
            ],
            color: { domain: ["binding", "other"], range: ["#D55E00", "#0072B2"], legend: true },
          }
        : null,
    [v],
  );
  return html`<section aria-labelledby="verdict-h">
    <h2 id="verdict-h">Verdict</h2>
    <div class="controls">
      ${field(
        "Workload preset",
        html`<select id="preset" value=${s.preset.value} onChange=${(e: Event) => (s.preset.value = (e.target as HTMLSelectElement).value)}>
          ${llmPresets.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
          <option value="custom">custom (set parameters and tokens)</option>
        </select>`,
      )}
      ${
        s.preset.value === "custom"
          ? html`${field("Parameters N", html`<input id="params" inputmode="decimal" value=${s.params.value} onInput=${(e: Event) => (s.params.value = (e.target as HTMLInputElement).value)} />`)}
            ${field("Tokens D", html`<input id="tokens" inputmode="decimal" value=${s.tokens.value} onInput=${(e: Event) => (s.tokens.value = (e.target as HTMLInputElement).value)} />`)}`
          : null
      }
      ${field(
        "GPU",
        html`<select id="gpu" value=${s.gpu.value} onChange=${(e: Event) => (s.gpu.value = (e.target as HTMLSelectElement).value)}>
          ${catalog.gpus.map((g) => html`<option value=${g.id}>${g.name}</option>`)}
        </select>`,
      )}
      ${field(
        `GPUs: ${gpus.toLocaleString("en-US")}`,
        html`<input id="gpus" type="range" min="0" max="20" step="1" value=${s.gpusLog2.value} aria-valuetext=${`${gpus} GPUs`} onInput=${(e: Event) => (s.gpusLog2.value = (e.target as HTMLInputElement).value)} />`,
      )}
      ${field(
        `MFU: ${num(s.mfu, 0.4).toFixed(2)} (Llama 3: 0.38–0.43)`,
        html`<input id="mfu" type="range" min="0.05" max="0.9" step="0.01" value=${s.mfu.value} onInput=${(e: Event) => (s.mfu.value = (e.target as HTMLInputElement).value)} />`,
      )}
      ${field(
        "Quantum processor",
        html`<select id="qpu" value=${s.qpu.value} onChange=${(e: Event) => (s.qpu.value = (e.target as HTMLSelectElement).value)}>
          ${catalog.qpus.map((q) => html`<option value=${q.id}>${q.name}</option>`)}
        </select>`,
      )}
      ${field(
        "Precision ε per expectation value",
        html`<select id="epsilon" value=${s.epsilon.value} onChange=${(e: Event) => (s.epsilon.value = (e.target as HTMLSelectElement).value)}>
          ${["0.1", "0.01", "0.001", "0.0001"].map((x) => html`<option value=${x}>${x}</option>`)}
        </select>`,
      )}
    </div>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${
      v
        ? html`<div class="cards">
              <div class="card"><span>GPU time</span><b id="gpu-time">${formatDuration(v.gpu.seconds)}</b><span>${v.gpu.count.toLocaleString("en-US")}× ${v.gpu.device}</span></div>
              <div class="card"><span>GPU cost</span><b>${formatUsd(v.gpu.costUsdLow)}–${formatUsd(v.gpu.costUsdHigh)}</b><span>${formatSci(v.gpu.gpuHours, 3)} GPU-hours</span></div>
              <div class="card"><span>GPU energy</span><b>${v.gpu.energyJ === null ? "unknown" : formatEnergy(v.gpu.energyJ)}</b><span>TDP × time</span></div>
              <div class="card"><span>QPU time</span><b id="qpu-time">${formatDuration(v.qpu.seconds)}</b><span>${v.qpu.feasible ? "feasible" : "infeasible (hypothetical)"}</span></div>
              <div class="card"><span>Qubits needed</span><b>${formatQubits(v.qpu.qubits)}</b><span>${v.qpu.strategy}</span></div>
            </div>
            <p class="verdict" id="verdict-sentence">${v.summary}</p>
            <${PlotView} id="bottlenecks" options=${bars} />
            ${v.unverified.length ? html`<p class="unverified">Unverified values used: ${v.unverified.join("; ")}</p>` : null}
            <details><summary>Assumptions and sources</summary>
              <ul>${v.assumptions.map((a) => html`<li>${a}</li>`)}</ul>
              <ul>${v.sources.map((x) => html`<li>[${x.id}] ${x.citation}</li>`)}</ul>
            </details>`
        : null
    }
  </section>`;
}
