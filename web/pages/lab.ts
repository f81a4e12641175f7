/// <reference types="vite/client" />
// Circuit lab: pick a bundled example, paste or upload OpenQASM 2.0, see parser errors at their line and the
// circuit's diagram (the same drawing as `qfit draw --svg`), run it and see the histogram. Small circuits run in
// the browser with the same simulator as `qfit run`; larger ones go to the local server (WASM kernels in a
// worker thread), which streams progress.
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import {
  type SimulateOnDeviceResult,
  type SimulateQasmResult,
  simulateQasm,
} from "../../src/api/simulate-qasm.js";
import type { Circuit } from "../../src/circuit/ir.js";
import { drawSvg, layoutCircuit } from "../../src/draw/index.js";
import { isQfitError } from "../../src/errors.js";
import { catalog } from "../../src/hardware/catalog.js";
import { parseQasmWithWarnings } from "../../src/qasm/index.js";
import { formatDuration, formatUsd } from "../../src/units/format.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";

/** Widest circuit run in the page itself; above it the server runs it (with its own limit). */
export const BROWSER_MAX_QUBITS = 12;

/** Most operations drawn as a diagram (a bigger circuit's SVG would be too large to be useful). */
export const MAX_DRAWN_OPS = 2000;
/** Most outcomes shown as bars (the most frequent ones) and most bars with a count label above them. */
const MAX_BARS = 64;
const MAX_LABELLED_BARS = 32;

/** The bundled examples (examples/*.qasm), by file name. */
const EXAMPLES: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob("../../examples/*.qasm", { query: "?raw", import: "default", eager: true }) as Record<
      string,
      string
    >,
  )
    .map(([path, text]) => [path.slice(path.lastIndexOf("/") + 1), text] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);

const BELL = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
creg c[2];
h q[0];
cx q[0], q[1];
measure q -> c;
`;

type LabResult = SimulateQasmResult | SimulateOnDeviceResult;
const onDevice = (r: LabResult): r is SimulateOnDeviceResult => "transpiled" in r;

/** Gate-model devices a circuit can run on (analog machines run no gate circuits). */
const DEVICES = catalog.qpus.filter((q) => q.model !== "analog");

const s = {
  device: urlState("device", ""),
  qasm: urlState("qasm", BELL),
  shots: urlState("shots", "1024"),
  seed: urlState("seed", "7"),
};

interface Problem {
  line: number | null;
  col: number | null;
  message: string;
}

interface Checked {
  circuit: Circuit | null;
  qubits: number | null;
  problem: Problem | null;
}

function check(text: string): Checked {
  try {
    const { circuit } = parseQasmWithWarnings(text, { filename: "circuit.qasm" });
    return { circuit, qubits: circuit.numQubits, problem: null };
  } catch (e) {
    const problem = isQfitError(e)
      ? { line: e.details.position?.line ?? null, col: e.details.position?.col ?? null, message: e.message }
      : { line: null, col: null, message: String(e) };
    return { circuit: null, qubits: null, problem };
  }
}

/** The circuit's diagram as SVG markup (drawSvg escapes all text), or why there is none. */
function diagram(circuit: Circuit | null): { svg: string } | { note: string } | null {
  if (!circuit) return null;
  if (circuit.ops.length > MAX_DRAWN_OPS)
    return { note: `${circuit.ops.length} operations: too many to draw here (qfit draw FILE prints it)` };
  try {
    return { svg: drawSvg(layoutCircuit(circuit), { title: "circuit diagram" }) };
  } catch (e) {
    return { note: e instanceof Error ? e.message : String(e) };
  }
}

async function runOnServer(body: object, onProgress: (text: string) => void): Promise<LabResult> {
  const res = await fetch("api/simulate", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
  });
  if (!res.ok || !res.body) {
    const j = await res.json().catch(() => ({ message: res.statusText }));
    throw new Error(j.message);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let result: LabResult | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    // The result is returned once the server has closed the stream, so no request is left open (or aborted).
    if (done) break;
    buffer += value;
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null");
      if (event === "progress")
        onProgress(
          data.phase === "running"
            ? `running on the server… ${(data.elapsedMs / 1000).toFixed(1)} s`
            : "queued on the server…",
        );
      if (event === "result") result = data;
      if (event === "error") throw new Error(`${data.message}${data.hint ? ` (${data.hint})` : ""}`);
      cut = buffer.indexOf("\n\n");
    }
  }
  if (result) return result;
  throw new Error("the server closed the stream without a result");
}

export function LabPage() {
  const text = s.qasm.value;
  const { circuit, qubits, problem } = useMemo(() => check(text), [text]);
  const drawing = useMemo(() => diagram(circuit), [circuit]);
  const [result, setResult] = useState<LabResult | null>(null);
  const [status, setStatus] = useState("");
  const [runError, setRunError] = useState<string | null>(null);
  const lines = text.split("\n").length;
  // The picker shows the example the editor holds (none once it is edited).
  const loaded = Object.keys(EXAMPLES).find((name) => EXAMPLES[name] === text) ?? "";
  const device = s.device.value;
  // A new circuit or device makes the last run's error and histogram stale: clear them.
  useEffect(() => {
    setRunError(null);
    setResult(null);
    setStatus("");
  }, [text, device]);

  const run = async () => {
    setRunError(null);
    setResult(null);
    const shots = Math.round(num(s.shots, 1024));
    const seed = Math.round(num(s.seed, 7));
    try {
      // Ideal runs of small circuits stay in the page; noisy device runs (transpile + density matrix or
      // trajectories) and wide circuits go to the server, which has the cores and the time limit.
      if (!device && qubits !== null && qubits <= BROWSER_MAX_QUBITS) {
        setResult(
          simulateQasm(text, {
            filename: "circuit.qasm",
            shots,
            seed,
            probabilities: true,
            maxQubits: BROWSER_MAX_QUBITS,
          }),
        );
        setStatus(`ran in the browser (${qubits} qubits)`);
      } else {
        setStatus("sending to the server…");
        // Exact probabilities of a wide circuit would be 2^n numbers: the server sends counts only.
        const probabilities = qubits !== null && qubits <= BROWSER_MAX_QUBITS;
        const r = await runOnServer(
          { qasm: text, shots, seed, ...(device ? { device } : { probabilities }) },
          setStatus,
        );
        setResult(r);
        setStatus(`ran on the server (${r.qubits} qubits, ${r.timing.simulateMs} ms)`);
      }
    } catch (e) {
      setRunError(e instanceof Error ? e.message : String(e));
      setStatus("");
    }
  };

  const upload = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) s.qasm.value = await file.text();
  };

  const hist = useMemo(() => {
    if (!result) return null;
    if (onDevice(result)) {
      // Ideal vs noisy side by side per outcome (the 24 most likely noisy outcomes).
      const ideal = result.ideal.probabilities;
      const noisy = result.noisy.probabilities;
      const keys = [...new Set([...Object.keys(noisy), ...Object.keys(ideal)])]
        .sort((a, b) => (noisy[b] ?? 0) - (noisy[a] ?? 0))
        .slice(0, 24)
        .sort();
      const rows = keys.flatMap((outcome) => [
        { outcome, kind: "ideal", p: ideal[outcome] ?? 0 },
        { outcome, kind: `noisy (${result.device})`, p: noisy[outcome] ?? 0 },
      ]);
      return {
        title: `Ideal vs noisy on ${result.device}: ${result.shots} shots`,
        marginBottom: 60,
        // Outcomes are bitstrings such as "01": say "band", or Plot warns (⚠) that they look like numbers.
        fx: { type: "band", label: "outcome (c[0] rightmost)", tickRotate: keys.length > 8 ? -45 : 0 },
        x: { axis: null },
        y: { label: "↑ probability", grid: true },
        color: { legend: true },
        marks: [
          Plot.barY(rows, {
            fx: "outcome",
            x: "kind",
            y: "p",
            fill: "kind",
            tip: true,
            title: (d: { outcome: string; kind: string; p: number }) =>
              `${d.outcome} ${d.kind}: ${d.p.toFixed(4)}`,
          }),
          ...(keys.length <= 12
            ? [
                Plot.text(rows, {
                  fx: "outcome",
                  x: "kind",
                  y: "p",
                  text: (d: { p: number }) => d.p.toFixed(2),
                  dy: -7,
                  fontSize: 9,
                }),
              ]
            : []),
          Plot.ruleY([0]),
        ],
      };
    }
    const all = Object.entries(result.counts);
    const rows = all
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_BARS)
      .map(([outcome, count]) => ({ outcome, count, p: result.probabilities?.[outcome] ?? null }))
      .sort((a, b) => (a.outcome < b.outcome ? -1 : 1));
    const shown =
      all.length > rows.length ? ` — the ${rows.length} most frequent of ${all.length} outcomes` : "";
    return {
      title: `Counts over ${result.shots} shots (seed ${result.seed})${shown}`,
      marginBottom: 60,
      x: { type: "band", label: "outcome (c[0] rightmost)", tickRotate: rows.length > 8 ? -45 : 0 },
      y: { label: "↑ count", grid: true },
      marks: [
        Plot.barY(rows, {
          x: "outcome",
          y: "count",
          fill: "#0072B2",
          tip: true,
          title: (d: { outcome: string; count: number; p: number | null }) =>
            `${d.outcome}: ${d.count}${d.p === null ? "" : ` (exact p = ${d.p.toFixed(4)})`}`,
        }),
        ...(rows.length <= MAX_LABELLED_BARS
          ? [
              Plot.text(rows, {
                x: "outcome",
                y: "count",
                text: (d: { count: number }) => String(d.count),
                dy: -7,
              }),
            ]
          : []),
        Plot.ruleY([0]),
      ],
    };
  }, [result]);

  const deviceStats =
    result && onDevice(result)
      ? html`<div class="cards" id="device-stats">
          <div class="card"><span>Transpiled</span><b>depth ${result.transpiled.depth}</b><span>${result.transpiled.twoQubitGates} two-qubit gates, ${result.transpiled.swaps} SWAPs</span></div>
          <div class="card"><span>Circuit duration</span><b>${formatDuration(result.transpiled.durationNs * 1e-9)}</b><span>scheduled on ${result.device}</span></div>
          <div class="card"><span>Hellinger fidelity</span><b id="fidelity">${result.hellingerFidelity.toFixed(3)}</b><span>ideal vs noisy</span></div>
          <div class="card"><span>Estimated success probability</span><b>${result.estimatedSuccessProbability.toFixed(3)}</b><span>the estimator's model</span></div>
          <div class="card"><span>On the device</span><b>${formatDuration(result.deviceTime.seconds)}</b><span>${result.deviceTime.usd === null ? "price unknown" : formatUsd(result.deviceTime.usd)}</span></div>
        </div>`
      : null;

  return html`<section aria-labelledby="lab-h">
    <h2 id="lab-h">Circuit lab</h2>
    <div class="controls">
      <label>Example<select id="example" value=${loaded} onChange=${(e: Event) => {
        const name = (e.target as HTMLSelectElement).value;
        if (name in EXAMPLES) s.qasm.value = EXAMPLES[name];
      }}>
        <option value="">choose a bundled example…</option>
        ${Object.keys(EXAMPLES).map((name) => html`<option value=${name}>${name}</option>`)}
      </select></label>
      <label>Shots<input id="shots" inputmode="numeric" value=${s.shots.value} onInput=${(e: Event) => (s.shots.value = (e.target as HTMLInputElement).value)} /></label>
      <label>Seed<input id="seed" inputmode="numeric" value=${s.seed.value} onInput=${(e: Event) => (s.seed.value = (e.target as HTMLInputElement).value)} /></label>
      <label>Upload a .qasm file<input id="upload" type="file" accept=".qasm,text/plain" onChange=${upload} /></label>
      <label>Device<select id="device" value=${s.device.value} onChange=${(e: Event) => (s.device.value = (e.target as HTMLSelectElement).value)}>
        <option value="">ideal (no device)</option>
        ${DEVICES.map((q) => html`<option value=${q.id}>${q.name}</option>`)}
      </select></label>
    </div>
    <div class="editor">
      <div class="gutter" aria-hidden="true">${Array.from({ length: lines }, (_, i) => html`<div class=${problem?.line === i + 1 ? "bad" : ""}>${i + 1}</div>`)}</div>
      <textarea id="qasm" aria-label="OpenQASM 2.0 source" spellcheck="false" value=${text} onInput=${(e: Event) => (s.qasm.value = (e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    ${problem ? html`<p class="error" id="qasm-error" role="alert">${problem.line === null ? "" : `line ${problem.line}, column ${problem.col}: `}${problem.message}</p>` : html`<p class="muted">${qubits} qubits${s.device.value || (qubits !== null && qubits > BROWSER_MAX_QUBITS) ? " — runs on the server" : " — runs in the browser"}</p>`}
    ${
      drawing === null
        ? null
        : "svg" in drawing
          ? html`<figure class="diagram" id="diagram" aria-label="circuit diagram" dangerouslySetInnerHTML=${{ __html: drawing.svg }}></figure>`
          : html`<p class="muted" id="diagram-note">${drawing.note}</p>`
    }
    <p><button id="run" type="button" disabled=${problem !== null} onClick=${run}>Run</button> <span class="muted" id="run-status">${status}</span></p>
    ${runError ? html`<p class="error" role="alert">${runError}</p>` : null}
    ${deviceStats}
    ${hist ? html`<${PlotView} id="histogram" options=${hist} />` : null}
  </section>`;
}
