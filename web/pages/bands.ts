// The verdict as a range (issue 13 §6): the headline band (p05–p95) and the tornado, from POST /api/estimate with
// uncertainty on (the numbers `qfit estimate KIND` prints, same samples and seed), and a two-handle control per
// ranged input. Dragging a handle sends the new range as the API's `ranges` override (the CLI's --range, through
// the same schema) and the band moves; the default ranges' band stays drawn behind it for comparison.
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { movingBars, ratioBand, yearBand } from "../../src/report/bands.js";
import type { Range } from "../../src/stats/distribution.js";
import type { VerdictV2 } from "../../src/verdict/contract.js";
import { PlotView } from "../plot.js";
import { urlState } from "../state.js";

/** Wait this long after the last change before asking the server (a drag sends one request, not hundreds). */
const DEBOUNCE_MS = 200;

/** The URL field holding a user's range for `name`: "low:high" (the central value stays the estimate's). */
export const rangeState = (name: string) => urlState(`r.${name}`, "");

/** The user's overrides among `defaults`, as the API's (and a scenario file's) `ranges` object. */
export function overridesOf(defaults: Record<string, Range>): Record<string, Range> {
  const out: Record<string, Range> = {};
  for (const [name, r] of Object.entries(defaults)) {
    const parts = rangeState(name).value.split(":").map(Number);
    if (parts.length !== 2 || !parts.every(Number.isFinite)) continue;
    const low = Math.min(parts[0], r.central);
    const high = Math.max(parts[1], r.central);
    out[name] = { low, central: r.central, high, distribution: r.distribution };
  }
  return out;
}

/** The same overrides as the CLI's flags, so the page's numbers can be reproduced in a terminal. */
export function rangeFlags(overrides: Record<string, Range>): string {
  const g = (x: number) => String(+x.toPrecision(4));
  return Object.entries(overrides)
    .map(([k, r]) => `--range ${k}=${g(r.low)}:${g(r.central)}:${g(r.high)}:${r.distribution}`)
    .join(" ");
}

const cache = new Map<string, unknown>();

/** POSTs `body` to /api/estimate (debounced; a newer body cancels the older request), cached by body. */
export function useEstimate(body: object | null) {
  return useApi<VerdictV2>("api/estimate", body, (v) => v.workload.kind);
}

/**
 * POSTs `body` to `path` (debounced; a newer body cancels the older request), cached by path and body. While a new
 * answer is on its way the last one for the same workload (`kindOf`) stays shown, marked busy.
 */
export function useApi<T>(
  path: string,
  body: object | null,
  kindOf: (t: T) => string,
): { v: T | null; error: string | null; busy: boolean } {
  const key = body === null ? "" : `${path} ${JSON.stringify(body)}`;
  const [state, setState] = useState<{ key: string; v: T | null; error: string | null }>({
    key: "",
    v: null,
    error: null,
  });
  useEffect(() => {
    if (key === "" || cache.has(key)) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(path, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: key.slice(path.length + 1),
          signal: abort.signal,
        });
        const j = await res.json();
        if (!res.ok) throw new Error(j.message ?? res.statusText);
        if (cache.size > 50) cache.delete(cache.keys().next().value as string);
        cache.set(key, j);
        setState({ key, v: j as T, error: null });
      } catch (e) {
        if (abort.signal.aborted) return;
        setState({ key, v: null, error: e instanceof Error ? e.message : String(e) });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key]);
  // While a new answer is on its way the last one for the same workload stays shown (marked busy), so a drag
  // moves the band instead of blanking the panel at every step.
  const shown = useRef<T | null>(null);
  const hit = cache.get(key) as T | undefined;
  let out: { v: T | null; error: string | null; busy: boolean };
  if (hit) out = { v: hit, error: null, busy: false };
  else if (state.key === key) out = { v: state.v, error: state.error, busy: false };
  else {
    const kind = body === null ? null : (body as { kind?: unknown }).kind;
    const last = shown.current !== null && kindOf(shown.current) === kind ? shown.current : null;
    out = { v: last, error: null, busy: key !== "" };
  }
  shown.current = out.v ?? (out.error ? null : shown.current);
  return out;
}

/** A ranged input's slider scale: log where the range is positive, linear otherwise, with room to widen it. */
interface Scale {
  lo: number;
  hi: number;
  log: boolean;
}

export function scaleOf(r: Range, bounds: { min: number | null; max: number | null }): Scale {
  const log = r.low > 0;
  let lo: number;
  let hi: number;
  if (log) {
    // Three times the default spread either way (in log terms), at least a factor 1.5.
    const span = Math.max(r.central / r.low, r.high / r.central, 1.5) ** 3;
    lo = r.central / span;
    hi = r.central * span;
  } else {
    const d = Math.max(r.central - r.low, r.high - r.central, Math.abs(r.central) * 0.5, 1e-9);
    lo = r.central - 3 * d;
    hi = r.central + 3 * d;
  }
  // An input field's own bounds (mfu ≤ 1, budget < 0.5) hold for its range too.
  if (bounds.min !== null) lo = Math.max(lo, log ? Math.max(bounds.min, r.central * 1e-6) : bounds.min);
  if (bounds.max !== null) hi = Math.min(hi, bounds.max);
  return { lo: Math.min(lo, r.low), hi: Math.max(hi, r.high), log };
}

const STEPS = 1000;
const toStep = (s: Scale, x: number): number => {
  const f = s.log ? Math.log(x / s.lo) / Math.log(s.hi / s.lo) : (x - s.lo) / (s.hi - s.lo);
  return Math.round(Math.min(1, Math.max(0, f)) * STEPS);
};
const fromStep = (s: Scale, i: number): number => {
  const f = i / STEPS;
  const x = s.log ? s.lo * (s.hi / s.lo) ** f : s.lo + f * (s.hi - s.lo);
  return +x.toPrecision(4);
};
const show = (x: number) =>
  Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : String(+x.toPrecision(3));

/** Two handles on one track: low (at most the central value) and high (at least it). */
export function RangeControl({
  name,
  range,
  scale,
  basis,
}: {
  name: string;
  range: Range;
  scale: Scale;
  basis: string | undefined;
}) {
  const st = rangeState(name);
  const parts = st.value.split(":").map(Number);
  const custom = parts.length === 2 && parts.every(Number.isFinite);
  const low = custom ? Math.min(parts[0], range.central) : range.low;
  const high = custom ? Math.max(parts[1], range.central) : range.high;
  const c = toStep(scale, range.central);
  const set = (l: number, h: number) => {
    st.value = l === range.low && h === range.high ? "" : `${l}:${h}`;
  };
  const onLow = (e: Event) => {
    const i = Math.min(Number((e.target as HTMLInputElement).value), c);
    set(i === c ? range.central : fromStep(scale, i), high);
  };
  const onHigh = (e: Event) => {
    const i = Math.max(Number((e.target as HTMLInputElement).value), c);
    set(low, i === c ? range.central : fromStep(scale, i));
  };
  const pos = (x: number) => `${(toStep(scale, x) / STEPS) * 100}%`;
  return html`<div class=${`range-row${custom ? " custom" : ""}`} id=${`range-${name}`} title=${basis ?? ""}>
    <span class="range-name">${name}</span>
    <div class="dual" style=${`--lo:${pos(low)};--hi:${pos(high)};--c:${pos(range.central)}`}>
      <input type="range" class="lo" min="0" max=${STEPS} value=${toStep(scale, low)} aria-label=${`${name}: low end`} aria-valuetext=${show(low)} onInput=${onLow} />
      <input type="range" class="hi" min="0" max=${STEPS} value=${toStep(scale, high)} aria-label=${`${name}: high end`} aria-valuetext=${show(high)} onInput=${onHigh} />
    </div>
    <span class="range-values"><output class="range-low">${show(low)}</output> … <b>${show(range.central)}</b> … <output class="range-high">${show(high)}</output></span>
    ${custom ? html`<button type="button" class="range-reset" aria-label=${`reset ${name}`} onClick=${() => (st.value = "")}>reset</button>` : html`<span></span>`}
  </div>`;
}

type Bounds = { min: number | null; max: number | null };

/** One slider per named input and, once any range is moved, a button that resets them all: the verdict page and
 *  the crossover page show the same panel (the ranges live in the URL, so both pages share them). */
export function RangesPanel({
  names,
  ranges,
  bounds = {},
  id,
  resetId,
}: {
  names: string[];
  ranges: Record<string, Range>;
  bounds?: Record<string, Bounds>;
  id?: string;
  resetId: string;
}) {
  const custom = Object.keys(overridesOf(ranges)).length > 0;
  return html`<div class="ranges" id=${id}>
      ${names.map((n) => html`<${RangeControl} key=${n} name=${n} range=${ranges[n]} scale=${scaleOf(ranges[n], bounds[n] ?? { min: null, max: null })} basis=${ranges[n].basis} />`)}
    </div>
    ${
      custom
        ? html`<p><button type="button" id=${resetId} onClick=${() => {
            for (const n of Object.keys(ranges)) rangeState(n).value = "";
          }}>reset all ranges</button></p>`
        : null
    }`;
}

interface Props {
  /** The API request without uncertainty settings: {kind, ...the form's fields}; null while the form is invalid. */
  request: Record<string, unknown> | null;
  /** The verdict's ranged inputs and their default ranges. */
  defaults: Record<string, Range>;
  /** Bounds of input fields by name (a ranged input that is a field keeps the field's bounds). */
  bounds: Record<string, Bounds>;
  /** `qfit estimate KIND --flags` for the form's input; the range overrides are added to it. */
  command: string;
}

export function UncertaintyPanel({ request, defaults, bounds, command }: Props) {
  const overrides = overridesOf(defaults);
  const custom = Object.keys(overrides).length > 0;
  const base = request ? { ...request, uncertainty: true } : null;
  const mine = useEstimate(base && custom ? { ...base, ranges: overrides } : base);
  const def = useEstimate(custom ? base : null);
  const current = mine.v;
  const reference = custom ? def.v : null;
  const u = current?.uncertainty;

  const band = useMemo(() => {
    if (!u) return null;
    const rows = [
      ...(reference?.uncertainty
        ? [{ label: "default ranges", q: reference.uncertainty.quantiles.qpuOverGpuLog10 }]
        : []),
      { label: custom ? "your ranges" : "default ranges", q: u.quantiles.qpuOverGpuLog10 },
    ].filter((r) => r.q.p05 !== null && r.q.p95 !== null);
    if (rows.length === 0) return null;
    const point = current.qpuOverGpuLog10;
    return {
      title: "Quantum time ÷ classical time, p05–p95 (tick: median; dot: point estimate)",
      marginLeft: 110,
      height: 50 + 40 * rows.length,
      x: { label: "log10(quantum time / classical time) → (below 0: quantum faster)", grid: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      marks: [
        Plot.barX(rows, {
          x1: (d: (typeof rows)[number]) => d.q.p05,
          x2: (d: (typeof rows)[number]) => d.q.p95,
          y: "label",
          fill: (d: (typeof rows)[number]) => d.label,
          fillOpacity: 0.6,
          tip: true,
          title: (d: (typeof rows)[number]) => `${d.label}: ${ratioBand(d.q)}`,
        }),
        Plot.tickX(rows, { x: (d: (typeof rows)[number]) => d.q.p50, y: "label", strokeWidth: 2 }),
        ...(Number.isFinite(point)
          ? [Plot.dot(rows.slice(-1), { x: () => point, y: "label", fill: "currentColor" })]
          : []),
        ...(rows.some((r) => (r.q.p05 ?? 0) <= 0 && (r.q.p95 ?? 0) >= 0)
          ? [Plot.ruleX([0], { strokeDasharray: "3 3" })]
          : []),
      ],
      color: { domain: ["default ranges", "your ranges"], range: ["#999999", "#0072B2"] },
    };
  }, [u, reference, custom]);

  const tornado = useMemo(() => {
    // The signed ratio log10(quantum ÷ classical time) at each end, sorted by its swing (the JSON's order): the
    // folded speedupLog10 would hide an input that moves the verdict from one side to the other. An end with no
    // finite value (null in the JSON: a side cannot run there, e.g. error rates past threshold) is drawn to the edge
    // of the chart and labelled, not dropped: it is the largest swing of all.
    const bars = current ? movingBars(current) : [];
    if (!current || bars.length === 0) return null;
    const center = current.qpuOverGpuLog10;
    const finite = bars
      .flatMap((b) => [b.qpuOverGpuLog10AtLow, b.qpuOverGpuLog10AtHigh])
      .filter((x): x is number => x !== null);
    const lo = Math.min(center, ...finite);
    const hi = Math.max(center, ...finite);
    const edge = hi + Math.max(0.25 * (hi - lo), 0.5);
    const rows = bars.flatMap((b) =>
      (
        [
          ["low end", b.qpuOverGpuLog10AtLow, b.low],
          ["high end", b.qpuOverGpuLog10AtHigh, b.high],
        ] as const
      ).map(([end, value, at]) => ({
        input: b.input,
        end,
        from: center,
        to: value ?? edge,
        beyond: value === null,
        at,
      })),
    );
    type Row = (typeof rows)[number];
    return {
      title: "Sensitivity: quantum ÷ classical time with one input at its low or high end, the rest central",
      marginLeft: 170,
      marginRight: 20,
      height: 50 + 28 * bars.length,
      x: { label: "log10(quantum time ÷ classical time); below 0 the quantum side is faster →", grid: true },
      y: { label: null, domain: bars.map((b) => b.input) },
      color: { domain: ["low end", "high end"], range: ["#56B4E9", "#E69F00"], legend: true },
      marks: [
        Plot.barX(rows, {
          x1: "from",
          x2: "to",
          y: "input",
          fill: "end",
          fillOpacity: (d: Row) => (d.beyond ? 0.45 : 1),
          tip: true,
          title: (d: Row) =>
            `${d.input} = ${show(d.at)} (${d.end}): ${d.beyond ? "no finite value (a side cannot run)" : d.to.toFixed(2)}`,
        }),
        Plot.text(
          rows.filter((r) => r.beyond),
          {
            x: "to",
            y: "input",
            text: () => "cannot run →",
            textAnchor: "end",
            dx: -4,
            fill: "currentColor",
          },
        ),
        Plot.ruleX([center]),
        ...(lo < 0 && hi > 0 ? [Plot.ruleX([0], { strokeDasharray: "3 3" })] : []),
      ],
    };
  }, [current]);

  const bars = (current?.sensitivity ?? []).map((b) => b.input);
  // Inputs that move the headline first (the tornado's order), then the rest (trends move the year only).
  const names = [...new Set([...bars, ...Object.keys(defaults)])].filter((n) => n in defaults);
  const flags = rangeFlags(overrides);
  return html`<section class=${`bands${mine.busy && current ? " busy" : ""}`} aria-labelledby="bands-h" aria-busy=${mine.busy}>
    <h3 id="bands-h">Uncertainty ${mine.busy && current ? html`<span class="muted" id="bands-updating">updating…</span>` : null}</h3>
    ${mine.error ? html`<p class="error" role="alert" id="bands-error">${mine.error}</p>` : null}
    ${
      u && current
        ? html`<div class="cards">
            <div class="card"><span>Quantum ÷ classical time, p05–p95</span><b id="band-ratio">${ratioBand(u.quantiles.qpuOverGpuLog10, true)}</b><span>median 10^${(u.quantiles.qpuOverGpuLog10.p50 ?? Number.NaN).toFixed(1)}</span></div>
            <div class="card"><span>Year of advantage</span><b id="band-year">${yearBand(u.quantiles.crossoverYear, true)}</b><span>${(u.quantiles.crossoverYear.neverShare ?? 0) > 0 ? `${((u.quantiles.crossoverYear.neverShare ?? 0) * 100).toFixed(1)}% of samples never` : "projected"}</span></div>
            <div class="card"><span>Monte Carlo</span><b>${u.samples.toLocaleString("en-US")} samples</b><span>seed ${u.seed}, ${u.method}</span></div>
          </div>`
        : html`<p class="muted" id="bands-status">${mine.busy || request ? "computing the band on the server…" : ""}</p>`
    }
    ${band ? html`<${PlotView} id="band" options=${band} />` : null}
    ${tornado ? html`<${PlotView} id="tornado" options=${tornado} />` : null}
    ${
      names.length
        ? html`<h4>Ranges: drag a handle to change an input's range and watch the band move</h4>
          <${RangesPanel} names=${names} ranges=${defaults} bounds=${bounds} id="ranges" resetId="ranges-reset" />`
        : null
    }
    <p class="muted">The same numbers in a terminal: <code id="cli-command">${command}${flags ? ` ${flags}` : ""}</code></p>
  </section>`;
}
