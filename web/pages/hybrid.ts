// Hybrid pipeline: pick a preset pipeline, then move the link class, the QPU, the shots and the iterations and
// watch each stage's share of the wall time (and the Amdahl bound) move. Evaluated in the page by the same
// registry workload the CLI runs (`qfit estimate hybrid`).
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { LINK_KINDS } from "../../src/estimate/hybrid.js";
import { catalog } from "../../src/hardware/catalog.js";
import { formatDuration } from "../../src/units/format.js";
import { HYBRID_PRESETS, type HybridVerdict } from "../../src/workloads/hybrid.js";
import { parseWorkloadInput } from "../../src/workloads/input.js";
import { getWorkload } from "../../src/workloads/registry.js";
import { urlState } from "../state.js";

const s = {
  preset: urlState("hp", "vqe-gpu"),
  link: urlState("hlink", ""),
  qpu: urlState("hqpu", ""),
  shots: urlState("hshots", ""),
  iterations: urlState("hiter", ""),
};

function evaluate(): { v: HybridVerdict | null; error: string | null } {
  const raw: Record<string, unknown> = { preset: s.preset.value };
  if (s.link.value) raw.link = s.link.value;
  if (s.qpu.value) raw.qpu = s.qpu.value;
  if (s.shots.value) raw.shots = Number(s.shots.value);
  if (s.iterations.value) raw.iterations = Number(s.iterations.value);
  try {
    const def = getWorkload("hybrid");
    return {
      v: def.evaluate(parseWorkloadInput(def, raw), { skipCrossover: true }) as HybridVerdict,
      error: null,
    };
  } catch (e) {
    return { v: null, error: e instanceof Error ? e.message : String(e) };
  }
}

const pct = (x: number) => `${(x * 100).toPrecision(3)}%`;

function bar(id: string, share: number) {
  return html`<div class="share" style="background:#ddd;width:12em;height:0.9em;display:inline-block">
    <div id=${id} style=${`background:#0072B2;height:100%;width:${Math.min(100, share * 100)}%`}></div>
  </div>`;
}

export function HybridPage() {
  const key = [s.preset.value, s.link.value, s.qpu.value, s.shots.value, s.iterations.value].join("|");
  const { v, error } = useMemo(evaluate, [key]);
  const qpus = catalog.qpus.filter((q) => q.model === "gate");
  const onText = (sig: { value: string }) => (e: Event) => {
    sig.value = (e.target as HTMLInputElement | HTMLSelectElement).value;
  };
  return html`<section aria-labelledby="hybrid-h">
    <h2 id="hybrid-h">Hybrid pipeline</h2>
    <div class="controls">
      <label>Pipeline<select id="hybrid-preset" value=${s.preset.value} onChange=${onText(s.preset)}>
        ${HYBRID_PRESETS.map((p) => html`<option value=${p}>${p}</option>`)}
      </select></label>
      <label>Link<select id="hybrid-link" value=${s.link.value} onChange=${onText(s.link)}>
        <option value="">preset's</option>
        ${LINK_KINDS.map((k) => html`<option value=${k}>${k}</option>`)}
      </select></label>
      <label>QPU<select id="hybrid-qpu" value=${s.qpu.value} onChange=${onText(s.qpu)}>
        <option value="">preset's</option>
        ${qpus.map((q) => html`<option value=${q.id}>${q.name}</option>`)}
      </select></label>
      <label>Shots per circuit<input id="hybrid-shots" inputmode="numeric" placeholder="preset's" value=${s.shots.value} onInput=${onText(s.shots)} /></label>
      <label>Iterations<input id="hybrid-iterations" inputmode="numeric" placeholder="preset's" value=${s.iterations.value} onInput=${onText(s.iterations)} /></label>
    </div>
    ${error ? html`<p class="error" id="hybrid-error" role="alert">${error}</p>` : null}
    ${
      v
        ? html`<p id="hybrid-summary">${v.summary}</p>
      <div class="scroll"><table id="hybrid-stages">
        <tr><th>stage</th><th>device</th><th>time</th><th>share</th><th></th></tr>
        ${v.stages.map(
          (st, i) =>
            html`<tr><td>${st.name}</td><td>${st.device}</td><td>${formatDuration(st.seconds)}</td><td id=${`hybrid-share-${i}`}>${pct(st.share)}</td><td>${bar(`hybrid-bar-${i}`, st.share)}</td></tr>`,
        )}
        <tr><td>link</td><td>${v.link.kind}</td><td>${formatDuration(v.link.seconds)}</td><td id="hybrid-share-link">${pct(v.link.share)}</td><td>${bar("hybrid-bar-link", v.link.share)}</td></tr>
      </table></div>
      <p id="hybrid-amdahl">Amdahl bound: a free QPU stage would make the pipeline at most ${Number.isFinite(v.amdahlBound) ? v.amdahlBound.toPrecision(4) : "∞"}× faster (${Number.isFinite(v.amdahlBoundWithLink) ? v.amdahlBoundWithLink.toPrecision(4) : "∞"}× with a free link).</p>`
        : null
    }
  </section>`;
}
