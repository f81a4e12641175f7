// `qfit devices [NAME] [--kind gpu|qpu|annealer] [--json]`: the hardware catalog, every number with its source.
import { Command, Option } from "@commander-js/extra-typings";
import pc from "picocolors";
import { deviceModel } from "../device/device-model.js";
import { userError } from "../errors.js";
import { allDevices, citations, findDevice } from "../hardware/catalog.js";
import type { Device } from "../hardware/schema.js";
import { formatSci } from "../units/format.js";
import { deviceModelJson, renderDeviceModel } from "./devices-noise.js";
import type { Io } from "./io.js";

const KINDS = ["gpu", "qpu", "annealer"] as const;

function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return "—";
  if (Math.abs(x) >= 1e6 || (Math.abs(x) < 1e-2 && x !== 0)) return formatSci(x, digits);
  return String(Number(x.toPrecision(digits + 1)));
}

function summaryColumns(d: Device): string[] {
  if (d.kind === "gpu") {
    return [
      `${num(d.peakBf16Tflops)} TFLOP/s bf16`,
      `${num(d.memoryGb)} GB`,
      `${num(d.tdpW)} W`,
      `$${d.priceUsdPerGpuHourLow}–${d.priceUsdPerGpuHourHigh}/h`,
    ];
  }
  if (d.kind === "qpu") {
    return [
      `${d.qubits} qubits`,
      `2q err ${num(d.twoQubitError, 2)}`,
      `ro err ${num(d.readoutError, 2)}`,
      `t2q ${num(d.twoQubitGateNs)} ns`,
    ];
  }
  return [
    `${d.qubits} qubits`,
    d.topology,
    `anneal ${d.annealTimeUsDefault} µs`,
    `job ${d.jobOverheadMsLow}–${d.jobOverheadMsHigh} ms`,
  ];
}

export function renderDeviceList(devices: Device[], color: boolean): string {
  const c = pc.createColors(color);
  const rows = devices.map((d) => [
    d.id + (d.unverified ? "*" : ""),
    d.kind,
    d.name,
    ...summaryColumns(d),
    d.asOf,
  ]);
  const widths = rows[0] ? rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) : [];
  const lines = rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? c.bold(cell.padEnd(widths[i])) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd(),
  );
  return `${lines.join("\n")}\n${c.dim("* some values unverified; `qfit devices NAME` shows which and the sources")}\n`;
}

export function renderDevice(d: Device, color: boolean): string {
  const c = pc.createColors(color);
  const skip = new Set([
    "id",
    "name",
    "source",
    "asOf",
    "unverified",
    "unverifiedFields",
    "notes",
    "aliases",
    "priceSource",
  ]);
  const entries = Object.entries(d).filter(([k]) => !skip.has(k));
  const w = Math.max(...entries.map(([k]) => k.length));
  const lines = [
    c.bold(`${d.name} (${d.id})`),
    d.aliases.length ? `aliases: ${d.aliases.join(", ")}` : "",
    ...entries.map(([k, v]) => {
      const text = Array.isArray(v) ? v.join(", ") : v === null ? "—" : String(v);
      const flag = d.unverifiedFields.includes(k) ? c.yellow("  (unverified)") : "";
      return `  ${k.padEnd(w)}  ${text}${flag}`;
    }),
    d.notes ? `notes: ${d.notes}` : "",
    `source: ${d.source} (as of ${d.asOf}${d.asOfNote ? `; ${d.asOfNote}` : ""})`,
    "priceSource" in d && d.priceSource ? `price source: ${d.priceSource}` : "",
    "sources:",
    ...citations(d.source, "priceSource" in d && d.priceSource ? d.priceSource : "").map(
      (s) => `  [${s.id}] ${s.citation}`,
    ),
  ];
  return `${lines.filter((l) => l !== "").join("\n")}\n`;
}

export function devicesCommand(io: Io) {
  return new Command("devices")
    .description(
      "list the hardware catalog (GPUs, quantum processors, annealers), or show one device with its sources",
    )
    .argument("[name]", "a device id or alias, e.g. h100, ibm-heron-r2")
    .addOption(new Option("--kind <kind>", "only this kind").choices(KINDS))
    .option("--json", "machine-readable output")
    .option("--noise", "with NAME: print the noise model qfit simulates for this quantum processor")
    .action((name, opts) => {
      if (opts.noise) {
        if (name === undefined)
          throw userError("CLI.MissingArgument", "--noise needs a device NAME", { field: "--noise" });
        const m = deviceModel(name);
        io.stdout(
          opts.json ? `${JSON.stringify(deviceModelJson(m), null, 2)}\n` : renderDeviceModel(m, io.color),
        );
        return;
      }
      if (name !== undefined) {
        const d = findDevice(name);
        if (!d) {
          throw userError("Hardware.UnknownDevice", `unknown device "${name}"`, {
            field: "name",
            hint: `known devices: ${allDevices()
              .map((x) => x.id)
              .join(", ")}`,
          });
        }
        io.stdout(
          opts.json
            ? `${JSON.stringify({ ...d, sources: citations(d.source) }, null, 2)}\n`
            : renderDevice(d, io.color),
        );
        return;
      }
      const list = allDevices(opts.kind);
      io.stdout(opts.json ? `${JSON.stringify(list, null, 2)}\n` : renderDeviceList(list, io.color));
    });
}
