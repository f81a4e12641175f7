// Crossover: time vs problem size on both sides, log-log, with the crossover size n* marked, and the year of
// quantum advantage under each vendor's roadmap (the MIT quantum-economic-advantage framework). Every assumption the
// models take is an editable field; the numbers are the CLI's (`qfit crossover`, `qfit estimate WORKLOAD`). The
// instance's own size is marked, with the year its qubits arrive on both sides, and one line says why qfit's year
// and the framework's differ (they count different qubits at different advantage sizes).
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo } from "preact/hooks";
import { type CrossoverSeries, crossover, estimate } from "../../src/api/handlers.js";
import { qeaCrossover, qeaPresets, qeaYearForLogicalQubits } from "../../src/estimate/crossover.js";
import { yearBand } from "../../src/report/bands.js";
import { formatDuration, formatNumber, formatSci } from "../../src/units/format.js";
import { parseQuantity } from "../../src/units/parse-quantity.js";
import { SECONDS_PER_YEAR } from "../../src/units/quantity.js";
import { bestStrategy } from "../../src/verdict/compose.js";
import type { VerdictV2 } from "../../src/verdict/contract.js";
import { formSpec } from "../../src/workloads/describe.js";
import { workloads } from "../../src/workloads/registry.js";
import { yearOf } from "../../src/workloads/sweep.js";
import type { WorkloadDefinition } from "../../src/workloads/workload.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";
import { useEstimate } from "./bands.js";

/** The MIT quantum-economic-advantage framework's problem for a registered workload, where it has one, and the
 *  logical qubits it needs at the workload's headline size (its QPS: n = q for factoring and FCI, n = 2^q for
 *  search, whose n is 2^searchBits items, so q is the headline size in all three). */
const QEA_PROBLEM: Record<string, { problem: string; logicalQubits: (size: number) => number }> = {
  shor: { problem: "factoring", logicalQubits: (bits) => bits },
  grover: { problem: "search", logicalQubits: (bits) => bits },
  chemistry: { problem: "fci", logicalQubits: (orbitals) => orbitals },
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
    const c = crossover(body);
    const size = instanceSize(w, body);
    const instance = size === null ? null : estimate({ ...body, [w.headline.field]: size });
    const atStar = c.nStar === null ? null : estimate({ ...body, [w.headline.field]: c.nStar });
    return { c, instance, atStar, size, body, error: null };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { c: null, instance: null, atStar: null, size: null, body: null, error };
  }
}

/** Year of advantage for this workload under each vendor preset of the MIT calculator, and the year each roadmap
 *  first holds the logical qubits of this instance. */
function vendorYears(problem: string, t0: number, instanceLogical: number | null) {
  return qeaPresets.hardware.map((h) => {
    const fits = instanceLogical === null ? null : qeaYearForLogicalQubits(h.id, instanceLogical, t0);
    const fitsText = instanceLogical === null ? "—" : fits === null ? "never" : fits.toFixed(1);
    try {
      const r = qeaCrossover({ problem, hardware: h.id, t0 });
      return {
        vendor: h.id,
        year: r.status === "never" ? null : r.year,
        text: r.status === "year" ? r.year!.toFixed(1) : r.status,
        nStarLog10: r.nStarLog10,
        plqr: r.parameters.plqr,
        rir: r.parameters.rirPercentPerYear,
        fits: fitsText,
        // The reason starts with the year the table already shows.
        reason: r.reason.replace(/^\d+(\.\d+)?: /, ""),
      };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return {
        vendor: h.id,
        year: null,
        text: "—",
        nStarLog10: null,
        plqr: h.plqr,
        rir: h.rirPercentPerYear,
        fits: fitsText,
        reason,
      };
    }
  });
}

type VendorYear = ReturnType<typeof vendorYears>[number];

/** One line on why qfit's year and the framework's differ: what each counts, at which advantage size. */
function reconcile(c: CrossoverSeries, atStar: VerdictV2 | null, years: VendorYear[], label: string): string {
  const found = years.filter((y) => y.year !== null) as (VendorYear & { year: number })[];
  if (found.length === 0 || c.nStar === null || c.year === null || !atStar) return "";
  const lo = Math.min(...found.map((y) => y.year));
  const hi = Math.max(...found.map((y) => y.year));
  const best = bestStrategy(atStar);
  const trend =
    best.constraints.find((k) => k.name === "physical-qubits")?.basis ?? "the device's qubit trend";
  const nMit = found.map((y) => y.nStarLog10).filter((x): x is number => x !== null);
  const mitN = nMit.length ? formatNumber(10 ** Math.min(...nMit), 3) : "?";
  const mitN2 = nMit.length ? formatNumber(10 ** Math.max(...nMit), 3) : "?";
  const plqr = [Math.min(...found.map((y) => y.plqr)), Math.max(...found.map((y) => y.plqr))];
  const side = c.year > hi ? "later than" : c.year < lo ? "earlier than" : "within";
  return `Why qfit's ${c.year.toFixed(1)} is ${side} the framework's ${lo.toFixed(1)}–${hi.toFixed(1)}: qfit asks when the ${formatSci(best.physicalQubits, 3)} physical qubits of its best plan (${best.name}) at its n* = ${formatNumber(c.nStar, 3)} ${label} fit ${trend}; the framework asks when a vendor roadmap, at ${plqr[0]}–${plqr[1]} physical qubits per logical qubit (falling each year), holds one logical qubit per ${label === "search bits" ? "search bit" : label.replace(/s$/, "")} at its own n* = ${mitN === mitN2 ? mitN : `${mitN}–${mitN2}`}, from asymptotic step counts.`;
}

/** Log-scale time ticks: durations up to a million years, then powers of ten in years (never "…× the age of the
 *  universe" on an axis). */
const timeTick = (v: number): string =>
  v < 1e6 * SECONDS_PER_YEAR
    ? formatDuration(v, 1)
    : `10^${Math.round(Math.log10(v / SECONDS_PER_YEAR))} years`;

export function CrossoverPage() {
  const w = workloads.find((x) => x.kind === s.workload.value) ?? workloads[1];
  const { c, instance, atStar, size, body, error } = compute(w);
  const t0 = Math.round(num(s.t0, 2026));
  const qea = QEA_PROBLEM[w.kind] ?? null;
  const logical = qea && size !== null ? qea.logicalQubits(size) : null;
  const years = useMemo(() => (qea ? vendorYears(qea.problem, t0, logical) : []), [qea, t0, logical]);
  // qfit's year as a band (the API's Monte Carlo, the numbers of `qfit estimate KIND`).
  const band = useEstimate(body ? { ...body, uncertainty: true } : null);
  const yearQ = band.v?.uncertainty?.quantiles.crossoverYear ?? null;
  const label = c?.sizeLabel ?? w.headline.label;
  const inst = instance ? bestStrategy(instance) : null;
  const instYear = instance ? yearOf(instance, t0) : null;
  const sizeText = size === null ? "" : `${formatNumber(size, 4)} ${label}`;
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
      y: { type: "log", label: "↑ time", grid: true, tickFormat: timeTick },
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
  }, [c, w.title, size]);
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
          <p id="crossover-reason"><strong>${c.nStar === null ? "No crossover" : `n* = ${formatNumber(c.nStar, 3)}${c.year ? `, in ${c.year.toFixed(1)}` : ""}`}:</strong> ${c.reason}</p>
          <p id="crossover-band"><strong>qfit's year as a band:</strong> ${yearQ ? yearBand(yearQ) : band.error ? band.error : "computing on the server…"}</p>`
        : null
    }
    ${
      instance && inst
        ? html`<p id="instance"><strong>This instance (${sizeText}):</strong> ${instance.summary}. Its best quantum plan (${inst.name}) needs ${Number.isFinite(inst.physicalQubits) ? `${formatSci(inst.physicalQubits, 3)} physical qubits` : "no layout"}${instYear === null ? ", which no projection supplies" : instYear <= t0 ? ", available today" : `, projected to be available in ${instYear.toFixed(1)}`}.</p>`
        : null
    }
    ${
      years.length
        ? html`<h3>Year of quantum advantage by vendor roadmap (MIT framework, t0 = ${t0})</h3>
          ${c ? html`<p id="reconcile">${reconcile(c, atStar, years, label)}</p>` : null}
          <div class="scroll"><table id="vendor-years"><tr><th>hardware preset</th><th>year of advantage</th><th>holds this instance (${logical === null ? "—" : `${formatNumber(logical, 4)} logical qubits`})</th><th>why</th></tr>
            ${years.map((y) => html`<tr><td>${y.vendor}</td><td>${y.text}</td><td>${y.fits}</td><td class="muted">${y.reason}</td></tr>`)}
          </table></div>`
        : null
    }
  </section>`;
}
