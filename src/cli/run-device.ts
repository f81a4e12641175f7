// `qfit run FILE --device NAME`: the noisy-run view (src/noise/noisy-run.ts) as text or JSON.
import pc from "picocolors";
import type { NoisyRunResult } from "../run/on-device.js";
import { formatDuration, formatUsd } from "../units/format.js";

const BAR_WIDTH = 30;

export function renderNoisyRun(filename: string, r: NoisyRunResult, color: boolean, top = 16): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  const t = r.transpiled;
  lines.push(
    c.bold(`${filename} on ${r.device}: ${r.qubits} qubits, ${r.shots} shots, seed ${r.seed}`) +
      c.dim(
        `  (noise ${r.noise ? "on" : "off"}, ${r.method}${r.trajectories ? `, ${r.trajectories} trajectories` : ""})`,
      ),
  );
  lines.push(
    `transpiled: depth ${t.depth}, ${t.twoQubitGates} two-qubit gates, ${t.oneQubitGates} one-qubit gates, ` +
      `${t.swaps} SWAPs, duration ${formatDuration(t.durationNs * 1e-9)}`,
  );
  lines.push(
    `layout: logical → device qubit ${t.initialLayout.join(" ")} (at the end: ${t.finalLayout.join(" ")})`,
  );
  const keys = new Set([...Object.keys(r.ideal.probabilities), ...Object.keys(r.noisy.probabilities)]);
  const rows = [...keys]
    .map(
      (k) =>
        [k, r.ideal.probabilities[k] ?? 0, r.noisy.probabilities[k] ?? 0, r.noisy.counts[k] ?? 0] as const,
    )
    .sort((a, b) => b[2] - a[2] || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const w = Math.max(7, ...rows.map((x) => x[0].length));
  lines.push(
    c.dim(
      `${"outcome".padEnd(w)}  ${"ideal p".padStart(8)}  ${"noisy p".padStart(8)}  ${"counts".padStart(7)}`,
    ),
  );
  for (const [k, pi, pn, cnt] of rows.slice(0, top))
    lines.push(
      `${k.padEnd(w)}  ${pi.toFixed(4).padStart(8)}  ${pn.toFixed(4).padStart(8)}  ${String(cnt).padStart(7)}  ${c.cyan("█".repeat(Math.max(pn > 0 ? 1 : 0, Math.round(pn * BAR_WIDTH))))}`,
    );
  if (rows.length > top) lines.push(c.dim(`(${rows.length - top} more outcomes)`));
  lines.push(`Hellinger fidelity (ideal vs noisy): ${r.hellingerFidelity.toFixed(4)}`);
  lines.push(`estimated success probability (model): ${r.estimatedSuccessProbability.toFixed(4)}`);
  const d = r.deviceTime;
  lines.push(
    `on the device: ${formatDuration(d.seconds)} for ${r.shots} shots (${formatDuration(d.shotSeconds)} per shot` +
      `${d.repetitionDelayUs !== null ? ` + ${d.repetitionDelayUs} µs repetition delay` : ""})` +
      `, ${d.usd === null ? "price unknown" : `${formatUsd(d.usd)} at ${d.priceBasis}`}`,
  );
  for (const n of r.notes) lines.push(c.dim(`note: ${n}`));
  for (const a of r.assumptions) lines.push(c.dim(`assumption: ${a}`));
  return `${lines.join("\n")}\n`;
}
