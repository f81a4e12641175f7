// `qfit devices [NAME] [--kind gpu|qpu|annealer] [--json]`: the hardware catalog, every number with its source.
import { Command, Option } from "@commander-js/extra-typings";
import pc from "picocolors";
import { deviceModel } from "../device/device-model.js";
import { userError } from "../errors.js";
import { allDevices, citations, findDevice } from "../hardware/catalog.js";
import type { Device } from "../hardware/schema.js";
import { fitText, renderTable } from "../report/terminal.js";
import { formatSci } from "../units/format.js";
import { deviceModelJson, renderDeviceModel } from "./devices-noise.js";
import { fitted, type Io } from "./io.js";

const KINDS = ["gpu", "qpu", "annealer"] as const;

function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return "—";
  if (Math.abs(x) >= 1e6 || (Math.abs(x) < 1e-2 && x !== 0)) return formatSci(x, digits);
  return String(Number(x.toPrecision(digits + 1)));
}

/** The list's columns per kind of device: header and cell. */
const LIST_COLUMNS: { [K in Device["kind"]]: [string, (d: Extract<Device, { kind: K }>) => string][] } = {
  gpu: [
    ["bf16", (d) => `${num(d.peakBf16Tflops)} TFLOP/s`],
    ["memory", (d) => `${num(d.memoryGb)} GB`],
    ["power", (d) => `${num(d.tdpW)} W`],
    ["price per GPU-hour", (d) => `$${d.priceUsdPerGpuHourLow}–${d.priceUsdPerGpuHourHigh}`],
  ],
  qpu: [
    ["qubits", (d) => String(d.qubits)],
    ["2q error", (d) => num(d.twoQubitError, 2)],
    ["readout error", (d) => num(d.readoutError, 2)],
    ["2q gate", (d) => `${num(d.twoQubitGateNs)} ns`],
  ],
  annealer: [
    ["qubits", (d) => String(d.qubits)],
    ["topology", (d) => d.topology],
    ["anneal", (d) => `${d.annealTimeUsDefault} µs`],
    ["job overhead", (d) => `${d.jobOverheadMsLow}–${d.jobOverheadMsHigh} ms`],
  ],
};

const KIND_TITLE = { gpu: "GPUs", qpu: "Quantum processors", annealer: "Annealers" } as const;

/** The catalog as one table per kind of device, fitted to `width` (Infinity: every column, as --wide prints). */
export function renderDeviceList(
  devices: Device[],
  color: boolean,
  width = Number.POSITIVE_INFINITY,
): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  for (const kind of KINDS) {
    const list = devices.filter((d) => d.kind === kind);
    if (list.length === 0) continue;
    const columns = LIST_COLUMNS[kind] as [string, (d: Device) => string][];
    const header = ["id", "name", ...columns.map(([h]) => h), "as of"];
    const rows = list.map((d) => [
      d.id + (d.unverified ? "*" : ""),
      d.name,
      ...columns.map(([, f]) => f(d)),
      d.asOf,
    ]);
    if (out.length) out.push("");
    out.push(c.bold(KIND_TITLE[kind]));
    // The id is what other commands take; the name and the date go first when the terminal is narrow.
    const priority = [10, 1, ...columns.map((_, i) => 6 - i), 0];
    out.push(...renderTable(header, rows, { width, priority, styleHeader: c.dim }));
  }
  out.push("", c.dim("* some values unverified; `qfit devices NAME` shows which and the sources"));
  return fitText(`${out.join("\n")}\n`, width);
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
          opts.json
            ? `${JSON.stringify(deviceModelJson(m), null, 2)}\n`
            : fitted(io, renderDeviceModel(m, io.color)),
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
            : fitted(io, renderDevice(d, io.color)),
        );
        return;
      }
      const list = allDevices(opts.kind);
      io.stdout(
        opts.json ? `${JSON.stringify(list, null, 2)}\n` : renderDeviceList(list, io.color, io.columns),
      );
    });
}
