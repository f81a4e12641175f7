// Circuit lab: paste or upload OpenQASM 2.0, see parser errors at their line, run it and see the histogram.
// Small circuits run in the browser with the same simulator as `qfit run`; larger ones go to the local server,
// which streams progress.
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useMemo, useState } from "preact/hooks";
import {
  type SimulateOnDeviceResult,
  type SimulateQasmResult,
  simulateQasm,
} from "../../src/api/simulate-qasm.js";
import { isQfitError } from "../../src/errors.js";
import { catalog } from "../../src/hardware/catalog.js";
import { parseQasmWithWarnings } from "../../src/qasm/index.js";
import { formatDuration, formatUsd } from "../../src/units/format.js";
import { PlotView } from "../plot.js";
import { num, urlState } from "../state.js";

/** Widest circuit run in the page itself; above it the server runs it (with its own limit). */
export const BROWSER_MAX_QUBITS = 12;

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

function check(text: string): { qubits: number | null; problem: Problem | null } {
  try {
    const { circuit } = parseQasmWithWarnings(text, { filename: "circuit.qasm" });
    return { qubits: circuit.numQubits, problem: null };
  } catch (e) {
    if (isQfitError(e)) {
      const p = e.details.position;
      return { qubits: null, problem: { line: p?.line ?? null, col: p?.col ?? null, message: e.message } };
    }
    return { qubits: null, problem: { line: null, col: null, message: String(e) } };
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
  for (;;) {
    const { value, done } = await reader.read();
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
      if (event === "result") return data;
      if (event === "error") throw new Error(`${data.message}${data.hint ? ` (${data.hint})` : ""}`);
      cut = buffer.indexOf("\n\n");
    }
  }
  throw new Error("the server closed the stream without a result");
}

export function LabPage() {
  const text = s.qasm.value;
  const { qubits, problem } = useMemo(() => check(text), [text]);
  const [result, setResult] = useState<LabResult | null>(null);
  const [status, setStatus] = useState("");
  const [runError, setRunError] = useState<string | null>(null);
  const lines = text.split("\n").length;

  const run = async () => {
    setRunError(null);
    setResult(null);
    const shots = Math.round(num(s.shots, 1024));
    const seed = Math.round(num(s.seed, 7));
    try {
      const device = s.device.value || undefined;
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
        const r = await runOnServer(
          { qasm: text, shots, seed, ...(device ? { device } : { probabilities: true }) },
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
        fx: { label: "outcome (c[0] rightmost)", tickRotate: keys.length > 8 ? -45 : 0 },
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
          Plot.ruleY([0]),
        ],
      };
    }
    const rows = Object.entries(result.counts)
      .map(([outcome, count]) => ({ outcome, count, p: result.probabilities?.[outcome] ?? null }))
      .sort((a, b) => (a.outcome < b.outcome ? -1 : 1));
    return {
      title: `Counts over ${result.shots} shots (seed ${result.seed})`,
      marginBottom: 60,
      x: { label: "outcome (c[0] rightmost)", tickRotate: rows.length > 8 ? -45 : 0 },
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
    <p><button id="run" type="button" disabled=${problem !== null} onClick=${run}>Run</button> <span class="muted" id="run-status">${status}</span></p>
    ${runError ? html`<p class="error" role="alert">${runError}</p>` : null}
    ${deviceStats}
    ${hist ? html`<${PlotView} id="histogram" options=${hist} />` : null}
  </section>`;
}
