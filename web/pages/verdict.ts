// Verdict: any registered workload, classical hardware vs the quantum side's best strategy, computed in the browser
// with the same code as `qfit estimate <kind>`. The form is generated from the workload's input schema (the
// registry), accepts the CLI's quantities (70B, 1.4T) and names the field at fault; the waterfall shows the best
// strategy's factors adding up to the gap.
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { isQfitError } from "../../src/errors.js";
import type { Range } from "../../src/stats/distribution.js";
import { formatDuration, formatQubits } from "../../src/units/format.js";
import { parseQuantity } from "../../src/units/parse-quantity.js";
import { bestStrategy } from "../../src/verdict/compose.js";
import type { VerdictV2 } from "../../src/verdict/contract.js";
import { type FormSpec, formSpec } from "../../src/workloads/describe.js";
import { parseWorkloadInput } from "../../src/workloads/input.js";
import { getWorkload, workloads } from "../../src/workloads/registry.js";
import { verdictRanges } from "../../src/workloads/uncertainty.js";
import { PlotView } from "../plot.js";
import { urlState } from "../state.js";
import { rangeState, UncertaintyPanel } from "./bands.js";

export const kindState = urlState("kind", "llm-training");

/** One URL field per workload input field (`in.modulusBits=4096`), empty meaning "the default". */
function fieldState(name: string) {
  return urlState(`in.${name}`, "");
}

type FormField = FormSpec["fields"][number];

/** The text of one form field → the raw value the schema validates (quantities for numbers, JSON for objects). */
function rawValue(f: FormField, text: string): unknown {
  if (f.type === "boolean") return text === "true";
  if (f.type === "number" || f.type === "integer")
    return parseQuantity(f.name, text, { integer: f.type === "integer" });
  if (f.type === "object" || (f.type === "string-or-object" && text.trim().startsWith("{"))) {
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`${f.name}: not valid JSON`);
    }
  }
  return text;
}

/** What the form holds: the verdict and the API request that reproduces it (with its ranged inputs and the
 *  CLI's flags for the same input), or the error message (which names the field at fault). */
export interface CurrentVerdict {
  v: VerdictV2 | null;
  error: string | null;
  /** `{kind, ...the fields the user set}`: the body of POST /api/estimate for the same input. */
  request: Record<string, unknown> | null;
  ranges: Record<string, Range>;
  /** `--params 70B --tokens 1.4T`: the fields the user set, as `qfit estimate KIND` flags. */
  flags: string;
}

export function currentVerdict(): CurrentVerdict {
  try {
    const def = getWorkload(kindState.value);
    const raw: Record<string, unknown> = {};
    const flags: string[] = [];
    for (const f of formSpec(def).fields) {
      const text = fieldState(f.name).value;
      if (text === "") continue;
      raw[f.name] = rawValue(f, text);
      flags.push(
        f.type === "boolean"
          ? text === "true"
            ? f.flag
            : ""
          : `${f.flag} ${/^[\w.+-]+$/.test(text) ? text : `'${text}'`}`,
      );
    }
    const input = parseWorkloadInput(def, raw);
    const v = def.evaluate(input as never, {});
    // The verdict's ranged inputs, as the uncertainty engine takes them: the workload's own and the time trends.
    const ranges = verdictRanges(def, input, {});
    return {
      v,
      error: null,
      request: { kind: def.kind, ...raw },
      ranges,
      flags: flags.filter(Boolean).join(" "),
    };
  } catch (e) {
    // QfitError.describe() is "field: message", the form the CLI prints.
    const error = isQfitError(e) ? e.describe() : e instanceof Error ? e.message : String(e);
    return { v: null, error, request: null, ranges: {}, flags: "" };
  }
}

/** Another workload: its fields start from their defaults (a value of one workload may be invalid for another). */
function switchKind(kind: string) {
  const current = workloads.find((w) => w.kind === kindState.value);
  if (current) for (const f of formSpec(current).fields) fieldState(f.name).value = "";
  for (const name of Object.keys(currentVerdict().ranges)) rangeState(name).value = "";
  kindState.value = kind;
}

function control(f: FormField) {
  const s = fieldState(f.name);
  const id = `f-${f.name}`;
  const set = (e: Event) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    s.value = t instanceof HTMLInputElement && t.type === "checkbox" ? String(t.checked) : t.value;
  };
  const placeholder = f.default === undefined ? "" : typeof f.default === "object" ? "" : String(f.default);
  if (f.input === "select")
    return html`<select id=${id} value=${s.value} onChange=${set}>
      <option value="">${placeholder ? `default (${placeholder})` : "default"}</option>
      ${(f.choices ?? []).map((c) => html`<option value=${c}>${c}</option>`)}
    </select>`;
  if (f.input === "checkbox")
    return html`<input id=${id} type="checkbox" checked=${s.value === "true"} onChange=${set} />`;
  return html`<input id=${id} inputmode=${f.input === "number" ? "decimal" : "text"} placeholder=${placeholder} value=${s.value} onInput=${set} />`;
}

export function VerdictPage() {
  const def = workloads.find((w) => w.kind === kindState.value) ?? workloads[0];
  const form = formSpec(def);
  const { v, error, request, ranges, flags } = currentVerdict();
  const bounds = Object.fromEntries(form.fields.map((f) => [f.name, { min: f.min, max: f.max }]));
  const best = v ? bestStrategy(v) : null;
  const waterfall = useMemo(() => {
    if (!v || !best) return null;
    let total = 0;
    const steps = best.bottlenecks.map((b) => {
      const start = total;
      total += b.factorLog10;
      return { name: b.name, start, end: total, value: b.factorLog10, explanation: b.explanation };
    });
    const rows = [
      ...steps,
      { name: "total", start: 0, end: total, value: total, explanation: "log10(quantum / classical)" },
    ];
    return {
      title: `${best.name}: factors adding up to log10(quantum time / classical time)`,
      marginLeft: 150,
      x: { label: "log10 (running total) →", grid: true },
      y: { label: null, domain: rows.map((r) => r.name) },
      marks: [
        Plot.barX(rows, {
          x1: "start",
          x2: "end",
          y: "name",
          fill: (d: { name: string; value: number }) =>
            d.name === "total" ? "total" : d.value >= 0 ? "slows quantum" : "speeds quantum",
          tip: true,
          title: (d: { name: string; value: number; explanation: string }) =>
            `${d.name}: ${d.value >= 0 ? "+" : ""}${d.value.toFixed(2)}\n${d.explanation}`,
        }),
        Plot.ruleX([0]),
      ],
      color: {
        domain: ["slows quantum", "speeds quantum", "total"],
        range: ["#D55E00", "#009E73", "#0072B2"],
        legend: true,
      },
    };
  }, [v]);
  return html`<section aria-labelledby="verdict-h">
    <h2 id="verdict-h">Verdict</h2>
    <p class="muted">${def.description}</p>
    <div class="controls">
      <label>Workload<select id="kind" value=${def.kind} onChange=${(e: Event) => switchKind((e.target as HTMLSelectElement).value)}>
        ${workloads.map((w) => html`<option value=${w.kind}>${w.title}</option>`)}
      </select></label>
      ${form.fields.map((f) => html`<label title=${f.description}>${f.label}${control(f)}</label>`)}
    </div>
    ${error ? html`<p class="error" role="alert" id="verdict-error">${error}</p>` : null}
    ${
      v && best
        ? html`<div class="cards">
              <div class="card"><span>Classical time</span><b id="classical-time">${formatDuration(v.classical.seconds)}</b><span>${v.classical.count.toLocaleString("en-US")}× ${v.classical.device}</span></div>
              <div class="card"><span>Best quantum strategy</span><b id="quantum-time">${Number.isFinite(best.seconds) ? formatDuration(best.seconds) : "no plan"}</b><span>${best.name}${best.feasible ? "" : " (infeasible)"}</span></div>
              <div class="card"><span>Qubits needed</span><b>${Number.isFinite(best.physicalQubits) ? formatQubits(best.physicalQubits) : "—"}</b><span>${best.device}</span></div>
            </div>
            <p class="verdict" id="verdict-sentence">${v.summary}</p>
            <p id="best-reason">${v.bestReason}</p>
            <${PlotView} id="waterfall" options=${waterfall} />
            <div class="scroll"><table id="constraints"><tr><th>constraint</th><th>needed</th><th>available</th><th>met</th><th>basis</th></tr>
              ${best.constraints.map((k) => html`<tr><td>${k.name}</td><td>${k.needed.toPrecision(3)} ${k.unit}</td><td>${k.available.toPrecision(3)}</td><td>${k.satisfied ? "yes" : k.yearSatisfied === null ? "no" : `projected ${Math.round(k.yearSatisfied)}`}</td><td class="muted">${k.basis}</td></tr>`)}
            </table></div>
            <${UncertaintyPanel} request=${request} defaults=${ranges} bounds=${bounds} command=${`qfit estimate ${def.kind}${flags ? ` ${flags}` : ""}`} />
            <p><strong>Crossover:</strong> ${v.crossover.explanation}</p>
            ${v.unverified.length ? html`<p class="unverified">Unverified values used: ${v.unverified.join("; ")}</p>` : null}
            <details><summary>Assumptions and sources</summary>
              <ul>${v.assumptions.map((a) => html`<li>${a}</li>`)}</ul>
              <ul>${v.sources.map((x) => html`<li>[${x.id}] ${x.citation}</li>`)}</ul>
            </details>`
        : null
    }
  </section>`;
}
