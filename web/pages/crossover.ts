// Crossover: time vs problem size on both sides, log-log, with the crossover size n* marked, and the year of
// quantum advantage under each vendor's roadmap (the MIT quantum-economic-advantage framework). Every assumption the
// models take is an editable field; the numbers are the CLI's (`qfit crossover`, `qfit estimate WORKLOAD`). The
// instance's own size is marked, with the year its qubits arrive on both sides, and one line says why qfit's year
// and the framework's differ (they count different qubits at different advantage sizes).
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { type CrossoverSeries, crossover, estimate } from "../../src/api/handlers.js";
import { qeaYearForLogicalQubits } from "../../src/estimate/crossover.js";
import { yearBand } from "../../src/report/bands.js";
import { mitComparison } from "../../src/report/mit-compare.js";
import type { Range } from "../../src/stats/distribution.js";
import { formatDuration, formatNumber, formatSci } from "../../src/units/format.js";
import { parseQuantity } from "../../src/units/parse-quantity.js";
import { SECONDS_PER_YEAR } from "../../src/units/quantity.js";
import { bestStrategy } from "../../src/verdict/compose.js";
import type { VerdictV2 } from "../../src/verdict/contract.js";
import { formSpec } from "../../src/workloads/describe.js";
import { parseWorkloadInput } from "../../src/workloads/input.js";
import { workloads } from "../../src/workloads/registry.js";
import { capacityYear } from "../../src/workloads/sweep.js";
import { verdictRanges } from "../../src/workloads/uncertainty.js";
import type { WorkloadDefinition } from "../../src/workloads/workload.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";
import { overridesOf, RangesPanel, useApi, useEstimate } from "./bands.js";

/** Logical qubits the MIT framework gives an instance of a workload's headline size (its QPS: n = q for
 *  factoring and FCI; n = 2^q for search, whose n is 2^searchBits items): the headline size in all three. */
const MIT_LOGICAL_QUBITS: Partial<Record<string, (size: number) => number>> = {
  shor: (bits) => bits,
  grover: (bits) => bits,
  chemistry: (orbitals) => orbitals,
};

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

/** The instance's size: the size field, else the workload's default for it. */
function instanceSize(w: WorkloadDefinition, body: Record<string, unknown>): number | null {
  const given = body[w.headline.field];
  if (typeof given === "number") return given;
  const d = formSpec(w).fields.find((f) => f.name === w.headline.field)?.default;
  return typeof d === "number" ? d : null;
}

interface Computed {
  c: CrossoverSeries | null;
  /** The workload's ranged inputs at this instance, default ranges (the sliders' and the API's `ranges`). */
  ranges: Record<string, Range>;
  /** The verdict at this instance's size and at n* (point estimates, the CLI's `qfit estimate`). */
  instance: VerdictV2 | null;
  atStar: VerdictV2 | null;
  size: number | null;
  body: Record<string, unknown> | null;
  error: string | null;
}

function compute(w: WorkloadDefinition): Computed {
  try {
    const body = request(w);
    // The curves here, at once (point estimates); their bands come from the server (/api/crossover, below).
    const c = crossover({ ...body, uncertainty: false });
    const size = instanceSize(w, body);
    const instance =
      size === null ? null : estimate({ ...body, [w.headline.field]: size, uncertainty: false });
    const atStar =
      c.nStar === null ? null : estimate({ ...body, [w.headline.field]: c.nStar, uncertainty: false });
    const { kind: _k, t0, ...fields } = body;
    const ranges = verdictRanges(w, parseWorkloadInput(w, fields), { t0: t0 as number });
    return { c, ranges, instance, atStar, size, body, error: null };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { c: null, ranges: {}, instance: null, atStar: null, size: null, body: null, error };
  }
}

/** qfit's year beside the MIT framework's (the report's comparison, src/report/mit-compare.ts), with the year
 *  each vendor roadmap first holds this instance's logical qubits. */
function compare(w: WorkloadDefinition, c: Computed, t0: number) {
  if (!c.c || !c.instance) return null;
  const gaps = c.c.sizes
    .map((_, i) => Math.log10(c.c!.quantumSeconds[i] / c.c!.classicalSeconds[i]))
    .filter(Number.isFinite);
  const m = mitComparison(c.instance, t0, {
    nStar: c.c.nStar,
    physicalQubitsAtNStar: c.atStar ? bestStrategy(c.atStar).physicalQubits : null,
    smallestGapLog10: gaps.length ? Math.min(...gaps) : null,
  });
  if (!m) return null;
  const toLogical = MIT_LOGICAL_QUBITS[w.kind];
  const logical = toLogical && c.size !== null ? toLogical(c.size) : null;
  const rows = m.mit.map((y) => {
    const fits = logical === null ? null : qeaYearForLogicalQubits(y.hardware, logical, t0);
    return { ...y, fits: logical === null ? "—" : fits === null ? "never" : fits.toFixed(1) };
  });
  return { ...m, rows, logical };
}

/** Log-scale time ticks: durations up to a million years, then powers of ten in years (never "…× the age of the
 *  universe" on an axis). */
const timeTick = (v: number): string =>
  v < 1e6 * SECONDS_PER_YEAR
    ? formatDuration(v, 1)
    : `10^${Math.round(Math.log10(v / SECONDS_PER_YEAR))} years`;

export function CrossoverPage() {
  const w = workloads.find((x) => x.kind === s.workload.value) ?? workloads[1];
  const computed = compute(w);
  const { c, instance, size, body, error, ranges } = computed;
  const t0 = Math.round(num(s.t0, 2026));
  const mit = compare(w, computed, t0);
  // The user's ranges (the sliders below; the verdict page's, shared through the URL) go to both requests.
  const overrides = overridesOf(ranges);
  const custom = Object.keys(overrides).length > 0;
  const banded = body ? { ...body, uncertainty: true, ...(custom ? { ranges: overrides } : {}) } : null;
  // qfit's year as a band (the API's Monte Carlo, the numbers of `qfit estimate KIND`).
  const band = useEstimate(banded);
  // The p05–p95 along each curve (the numbers of `qfit crossover KIND --json`'s physical.bands).
  const curves = useApi<CrossoverSeries>("api/crossover", banded, (x) => x.kind);
  const bands = curves.v?.bands ?? null;
  const yearQ = band.v?.uncertainty?.quantiles.crossoverYear ?? null;
  const label = c?.sizeLabel ?? w.headline.label;
  const inst = instance ? bestStrategy(instance) : null;
  const instYear = instance ? capacityYear(instance, t0) : null;
  const sizeText = size === null ? "" : `${formatNumber(size, 4)} ${label}`;
  const sizeQ = band.v?.uncertainty?.quantiles.crossoverSize ?? null;
  const options = useMemo(() => {
    if (!c) return null;
    // n*'s band (p05–p95 of the Monte Carlo's crossover size); a "never" upper end runs to the edge of the sweep.
    const last = c.sizes[c.sizes.length - 1];
    const nBand =
      sizeQ && sizeQ.p05 !== null
        ? [
            {
              x1: Math.max(sizeQ.p05, c.sizes[0]),
              x2: Math.min(sizeQ.p95 ?? last, last),
              label: sizeQ.p95 === null ? "n* p05 → never" : "n* p05–p95",
            },
          ]
        : [];
    const rows = c.sizes.flatMap((n, i) => [
      { n, seconds: c.classicalSeconds[i], side: "classical" },
      { n, seconds: c.quantumSeconds[i], side: "quantum" },
    ]);
    // Each side's p05–p95 at every size; a missing end (over 5% of samples cannot run) leaves a gap in the area.
    const end = (v: number | null | undefined) => v ?? Number.NaN;
    const bandRows =
      bands && bands.classicalSeconds.length === c.sizes.length
        ? c.sizes.flatMap((n, i) => [
            {
              n,
              lo: end(bands.classicalSeconds[i]?.p05),
              hi: end(bands.classicalSeconds[i]?.p95),
              side: "classical",
            },
            {
              n,
              lo: end(bands.quantumSeconds[i]?.p05),
              hi: end(bands.quantumSeconds[i]?.p95),
              side: "quantum",
            },
          ])
        : [];
    return {
      title: `${w.title}: time vs problem size${bandRows.length ? " (shaded: each side's p05–p95)" : ""}`,
      x: { type: "log", label: `${c.sizeLabel} →` },
      marginLeft: 90,
      // Durations read better than SI prefixes on seconds ("10Y" would be 1e25 s).
      y: { type: "log", label: "↑ time", grid: true, tickFormat: timeTick },
      color: { legend: true, domain: ["classical", "quantum"], range: ["#0072B2", "#D55E00"] },
      marks: [
        Plot.rectX(nBand, { x1: "x1", x2: "x2", fill: "currentColor", fillOpacity: 0.07 }),
        Plot.areaY(bandRows, {
          x: "n",
          y1: "lo",
          y2: "hi",
          fill: "side",
          fillOpacity: 0.2,
          ariaDescription: "p05–p95 band",
        }),
        Plot.text(nBand, {
          x: "x1",
          frameAnchor: "top",
          textAnchor: "start",
          dx: 4,
          dy: 26,
          text: "label",
          fillOpacity: 0.8,
        }),
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
        ...(size === null
          ? []
          : [
              Plot.ruleX([size], { stroke: "#009E73", strokeWidth: 2 }),
              Plot.text([size], {
                x: (d: number) => d,
                frameAnchor: "bottom",
                text: () => "this instance",
                dy: -8,
                dx: 4,
                textAnchor: "start",
                fill: "#009E73",
              }),
            ]),
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
  }, [c, w.title, size, sizeQ, bands]);
  const input = (id: string, sig: typeof s.t0, label: string, placeholder = "") =>
    html`<label>${label}<input id=${id} inputmode="decimal" placeholder=${placeholder} value=${sig.value} onInput=${(e: Event) => (sig.value = (e.target as HTMLInputElement).value)} /></label>`;
  const onWorkload = (e: Event) => {
    s.size.value = "";
    s.workload.value = (e.target as HTMLSelectElement).value;
  };
  const sizeField = w.input.shape[w.headline.field as keyof typeof w.input.shape] as
    | { description?: string }
    | undefined;
  return html`<section aria-labelledby="crossover-h">
    <h2 id="crossover-h">Crossover</h2>
    <div class="controls">
      <label>Workload<select id="xworkload" value=${w.kind} onChange=${onWorkload}>${workloads.map((x) => html`<option value=${x.kind}>${x.title}</option>`)}</select></label>
      ${input("xsize", s.size, `This instance: ${w.headline.field}`, sizeField?.description ?? "")}
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
          <p id="crossover-curve-bands" class="muted">${bands ? `Shaded along each curve: its p05–p95 at every size (${bands.samples.toLocaleString("en-US")} seeded samples, seed ${bands.seed}, the same at every size).` : curves.error ? curves.error : "computing the p05–p95 bands on the server…"}${curves.busy && bands ? " updating…" : ""}</p>
          <p id="crossover-reason"><strong>${c.nStar === null ? "No crossover" : `n* = ${formatNumber(c.nStar, 3)}${c.year ? `, projected ${Math.round(c.year)}` : ""}`}:</strong> ${c.reason}</p>
          <p id="crossover-band"><strong>qfit's year as a band:</strong> ${yearQ ? yearBand(yearQ) : band.error ? band.error : "computing on the server…"}${sizeQ && sizeQ.p05 !== null ? `; n* (the shaded band) ${formatNumber(sizeQ.p05, 3)}–${sizeQ.p95 === null ? "never" : formatNumber(sizeQ.p95, 3)}, median ${sizeQ.p50 === null ? "never" : formatNumber(sizeQ.p50, 3)} ${label}${(sizeQ.neverShare ?? 0) > 0 ? ` (${((sizeQ.neverShare ?? 0) * 100).toFixed(1)}% of samples never cross)` : ""}` : ""}</p>`
        : null
    }
    ${
      c && Object.keys(ranges).length
        ? html`<details id="crossover-ranges" open=${custom}><summary>Ranges: drag a handle and the bands (and the year) move</summary>
            <${RangesPanel} names=${Object.keys(ranges)} ranges=${ranges} resetId="crossover-ranges-reset" />
          </details>`
        : null
    }
    ${
      instance && inst
        ? html`<p id="instance"><strong>This instance (${sizeText}):</strong> ${instance.summary}. Its best quantum plan (${inst.name}) needs ${Number.isFinite(inst.physicalQubits) ? `${formatSci(inst.physicalQubits, 3)} physical qubits` : "no layout"}${instYear === null ? ", which no projection supplies" : instYear <= t0 ? ", available today" : `, projected to be available in ${Math.round(instYear)}`}.</p>`
        : null
    }
    ${
      mit
        ? html`<h3>Year of quantum advantage by vendor roadmap (MIT framework, t0 = ${t0})</h3>
          <p id="reconcile">${mit.why}</p>
          <div class="scroll"><table id="vendor-years"><tr><th>vendor preset</th><th>year of advantage</th><th>advantage size n*</th><th>logical qubits at n*</th><th>holds this instance (${mit.logical === null ? "—" : `${formatNumber(mit.logical, 4)} logical qubits`})</th></tr>
            ${mit.rows.map((y) => html`<tr><td>${y.name}</td><td>${y.status === "never" ? "never" : y.status === "already" ? `already (${t0})` : `projected ${Math.round(y.year!)}`}</td><td>${y.nStar === null ? "—" : formatNumber(y.nStar, 3)}</td><td>${y.logicalQubits === null ? "—" : formatNumber(y.logicalQubits, 3)}</td><td>${y.fits}</td></tr>`)}
          </table></div>`
        : null
    }
  </section>`;
}
