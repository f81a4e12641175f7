// `qfit crossover WORKLOAD [--hardware PRESET] [--t0 2025] [--json]`: from what problem size and in what year a
// quantum computer wins. Two views: the MIT QEA framework with a calculator hardware preset (shor, grover, tsp,
// chemistry), and qfit's physical model (fault-tolerant estimate vs classical machine, qubit growth) for every
// native workload. `babbush` and `hoefler` evaluate those papers' break-even formulas.
import { Command } from "@commander-js/extra-typings";
import pc from "picocolors";
import { userError } from "../errors.js";
import {
  babbushBreakEven,
  HOEFLER_MAX_SECONDS,
  type HoeflerOpType,
  hoeflerRates,
  hoeflerTable2,
  type QeaResult,
  qeaCrossover,
  qeaPresets,
} from "../estimate/crossover.js";
import { hasRoadmap } from "../estimate/roadmap.js";
import { yearBand } from "../report/bands.js";
import { formatDuration, formatSci } from "../units/format.js";
import { SECONDS_PER_YEAR } from "../units/quantity.js";
import type { SensitivityBarJson, VerdictUncertaintyJson } from "../verdict/contract.js";
import { curveBands } from "../workloads/curve-bands.js";
import { parseWorkloadInput } from "../workloads/input.js";
import { workloads } from "../workloads/registry.js";
import { type CrossoverSeries, evaluateVerdict } from "../workloads/sweep.js";
import { type VendorDevice, withVendorDevice } from "../workloads/vendor-device.js";
import { fitted, type Io } from "./io.js";
import { parseYear, quantity } from "./options.js";
import { addUncertaintyOptions, uncertaintyRequest } from "./uncertainty-options.js";

const QEA = new Set(["shor", "grover", "tsp", "chemistry"]);
const WORKLOADS = [...new Set([...workloads.map((w) => w.kind), ...QEA, "babbush", "hoefler"])];

/** A real number (may be negative, for improvement rates). */
const real = (field: string) => (v: string) => {
  const x = Number(v);
  if (v.trim() === "" || !Number.isFinite(x))
    throw userError("CLI.InvalidOption", `expected a number, got '${v}'`, { field });
  return x;
};
const pos = (field: string) => quantity(field);

function describeQea(r: QeaResult): string {
  const when =
    r.status === "never"
      ? "never"
      : r.status === "already"
        ? `already (${r.t0})`
        : `projected ${Math.round(r.year as number)}`;
  const size = r.nStarLog10 === null ? "" : `, n* = 10^${r.nStarLog10.toFixed(2)}`;
  return `${when}${size} — ${r.reason.replace(/^projected \d+: /, "")}`;
}

function describeSeries(s: CrossoverSeries): string {
  return s.reason;
}

/** A duration short enough for a table cell: past a thousand years, years in scientific notation. */
const shortDuration = (s: number): string =>
  s / SECONDS_PER_YEAR >= 1e3 ? `${formatSci(s / SECONDS_PER_YEAR, 2)} years` : formatDuration(s);

/** A band's ends as durations ("3 h–2 days"); "cannot run" where samples cannot (no layout). */
function durationBand(q: { p05: number | null; p95: number | null } | undefined): string {
  if (!q || q.p05 === null) return "cannot run";
  return `${shortDuration(q.p05)}–${q.p95 === null ? "cannot run" : shortDuration(q.p95)}`;
}

export function crossoverCommand(io: Io) {
  // --samples, --seed, --no-uncertainty, --range as in `qfit estimate`: the physical model's bands.
  return addUncertaintyOptions(new Command("crossover"))
    .description(
      "problem size and year of quantum advantage\n" +
        `workloads: ${WORKLOADS.join(", ")}\n` +
        `hardware presets (MIT QEA calculator): ${qeaPresets.hardware.map((h) => h.id).join(", ")}`,
    )
    .argument("<workload>", "workload")
    .option(
      "--hardware <preset>",
      "a vendor (MIT QEA hardware preset, default ibm). It sets three things: the MIT QEA preset (shor, grover, tsp, chemistry); in qfit's physical model, the vendor's catalog device (the one with its lowest published two-qubit error) as the quantum side: its error rates and gate times as the fault-tolerant qubit model, or the device itself for a device run (JSON `device`); and the vendor whose roadmap the roadmap-scenario year uses (default: every vendor's). A vendor with no device in the catalog changes only the QEA preset and the roadmap",
    )
    .option("--t0 <year>", "reference year (default: the current year)", parseYear("--t0"))
    .option(
      "--processors <log10>",
      "log10 classical processors of equal cost (default 5)",
      real("--processors"),
    )
    .option("--hws <log10>", "log10 hardware slowdown (default: the preset's)", real("--hws"))
    .option("--plqr <n>", "physical-to-logical qubit ratio (default: the preset's)", real("--plqr"))
    .option("--rir <percent>", "yearly change of the PLQR in % (negative = improving)", real("--rir"))
    .option("--qir <percent>", "yearly change of the hardware slowdown in %", real("--qir"))
    .option("--cir <percent>", "yearly change of classical cost in %", real("--cir"))
    .option("--mode <mode>", "QEA advantage: speed (default) or cost")
    .option(
      "--cost-factor <log10>",
      "cost mode: log10 classical operations one quantum operation costs (default 8)",
      real("--cost-factor"),
    )
    .option("--tq <seconds>", "babbush: quantum seconds per oracle call (default 17e-3)", pos("--tq"))
    .option("--tc <seconds>", "babbush: classical seconds per oracle call (default 33e-9)", pos("--tc"))
    .option("--degree <d>", "babbush/hoefler: polynomial degree of the speedup (default 2)", pos("--degree"))
    .option("--parallelism <S>", "babbush: classical parallel speedup (default 1)", pos("--parallelism"))
    .option("--type <op>", "hoefler: fp16, int32 or binary (default fp16)")
    .option("--json", "machine-readable output")
    .action((workload, all) => {
      const { request, rest } = uncertaintyRequest(all as Record<string, unknown>);
      const o = rest as typeof all;
      const w = workload.toLowerCase();
      if (!WORKLOADS.includes(w))
        throw userError("Crossover.UnknownWorkload", `unknown workload "${workload}"`, {
          field: "workload",
          hint: `known: ${WORKLOADS.join(", ")}`,
        });
      const t0 = o.t0 ?? new Date().getUTCFullYear();
      if (w === "babbush") {
        const input = {
          quantumSecondsPerCall: o.tq ?? 17e-3,
          classicalSecondsPerCall: o.tc ?? 33e-9,
          degree: o.degree ?? 2,
          classicalParallelism: o.parallelism ?? 1,
        };
        const r = babbushBreakEven(input);
        io.stdout(
          o.json
            ? `${JSON.stringify({ input, ...r }, null, 2)}\n`
            : fitted(
                io,
                `Babbush et al. 2021 break-even: ${formatDuration(r.breakEvenSeconds)} (M* = ${formatSci(r.breakEvenCalls, 3)} oracle calls)\n  ${r.formula}\n  t_Q = ${input.quantumSecondsPerCall} s, t_C = ${input.classicalSecondsPerCall} s, d = ${input.degree}, S = ${input.classicalParallelism}\n`,
              ),
        );
        return;
      }
      if (w === "hoefler") {
        const type = (o.type ?? "fp16") as HoeflerOpType;
        if (!["fp16", "int32", "binary"].includes(type))
          throw userError(
            "Crossover.Hoefler.InvalidInput",
            `--type must be fp16, int32 or binary, got "${type}"`,
            { field: "--type" },
          );
        const key = `${type}OpsPerS` as const;
        const rq = hoeflerRates.machines.futureQc[key];
        const rc = hoeflerRates.machines.asic[key];
        const rows = (o.degree !== undefined ? [o.degree] : [2, 3, 4]).map((k) => ({
          degree: k,
          maxOpsPerCall: hoeflerTable2(type, k),
        }));
        io.stdout(
          o.json
            ? `${JSON.stringify({ type, quantumOpsPerSecond: rq, classicalOpsPerSecond: rc, maxSeconds: HOEFLER_MAX_SECONDS, rows, source: hoeflerRates.source }, null, 2)}\n`
            : fitted(
                io,
                `Hoefler et al. 2023: most ${type} operations per oracle call for a crossover within ${formatSci(HOEFLER_MAX_SECONDS, 1)} s\n${rows.map((r) => `  degree ${r.degree}: ${formatSci(r.maxOpsPerCall, 3)}`).join("\n")}\n  M_max = T·r_q·(r_q/r_c)^(1/(k−1)), r_q = ${formatSci(rq, 3)} op/s (future QC), r_c = ${formatSci(rc, 3)} op/s (ASIC) ${hoeflerRates.source}${type === "binary" ? "\n  note: the paper's binary row disagrees with its Table 1 by ~10× (Hoefler et al. 2023, Tables 1 and 2)" : ""}\n`,
              ),
        );
        return;
      }
      const qea = QEA.has(w)
        ? qeaCrossover({
            problem: w,
            hardware: o.hardware ?? "ibm",
            t0,
            processorsLog10: o.processors,
            hwsLog10: o.hws,
            plqr: o.plqr,
            rirPercentPerYear: o.rir,
            qirPercentPerYear: o.qir,
            cirPercentPerYear: o.cir,
            mode: o.mode as "speed" | "cost" | undefined,
            costFactorLog10: o.costFactor,
          })
        : null;
      const def = workloads.find((d) => d.kind === w);
      let physical: CrossoverSeries | null = null;
      let uncertainty: VerdictUncertaintyJson | null = null;
      let sensitivity: SensitivityBarJson[] | null = null;
      // --hardware: the vendor's catalog device as the physical model's quantum side (null: none, or no --hardware).
      let device: VendorDevice | null = null;
      if (def) {
        let raw: Record<string, unknown> = {};
        if (o.hardware !== undefined) {
          const mapped = withVendorDevice(raw, Object.keys(def.input.shape), o.hardware);
          if (mapped && mapped.device.changes.length > 0) ({ raw, device } = mapped);
        }
        const input = parseWorkloadInput(def, raw);
        // The verdict the estimate gives (one function): its crossover, uncertainty and tornado.
        const { verdict, sweep } = evaluateVerdict(
          def,
          input,
          { t0 },
          {
            ...request,
            // A calculator preset without a catalog roadmap (e.g. infleqtion) leaves every vendor's claims.
            roadmapVendor:
              o.hardware !== undefined && (!QEA.has(w) || hasRoadmap(o.hardware)) ? o.hardware : undefined,
          },
        );
        physical = sweep.series;
        uncertainty = verdict.uncertainty ?? null;
        sensitivity = verdict.sensitivity ?? null;
        // p05–p95 along both curves; omitted with --no-uncertainty.
        const bands = curveBands(def, input, { t0 }, sweep, request);
        if (bands) physical = { ...physical, bands };
      }
      if (o.json) {
        io.stdout(
          `${JSON.stringify({ workload: w, t0, qea, device, physical, uncertainty, sensitivity }, null, 2)}\n`,
        );
        return;
      }
      const c = pc.createColors(io.color);
      const out: string[] = [c.bold(`Crossover for ${w} (t0 = ${t0})`)];
      if (qea) {
        out.push(
          "",
          c.bold(`MIT QEA framework (${qea.parameters.mode}), ${o.hardware ?? "ibm"} preset`),
          `  ${describeQea(qea)}`,
        );
        for (const f of qea.formulas) out.push(c.dim(`  ${f}`));
      }
      if (physical) {
        out.push(
          "",
          c.bold("qfit physical model (fault-tolerant estimate or device run vs the classical machine)"),
          ...(device
            ? [
                `  quantum side: ${device.id} (${device.vendor}'s catalog device, --hardware ${o.hardware}; sets ${device.changes.join(", ")})`,
              ]
            : []),
          `  ${describeSeries(physical)}`,
        );
        if (uncertainty)
          out.push(
            `  year, fitted qubit trend: ${yearBand(uncertainty.quantiles.crossoverYear)}`,
            `  year, vendor roadmaps:    ${yearBand(uncertainty.quantiles.crossoverYearRoadmap)}`,
            c.dim(`    ${uncertainty.roadmapBasis}`),
          );
        out.push(c.dim(`  ${physical.sizeLabel.padStart(14)}  classical        quantum`));
        for (const [i, n] of physical.sizes.entries()) {
          const q = physical.quantumSeconds[i];
          const row = `  ${n.toLocaleString("en-US").padStart(14)}  ${formatDuration(physical.classicalSeconds[i]).padEnd(15)}  ${Number.isFinite(q) ? formatDuration(q) : "no layout"}`;
          out.push(c.dim(row));
        }
        const b = physical.bands;
        if (b) {
          out.push(
            "",
            `  p05–p95 along each curve (${b.samples.toLocaleString("en-US")} samples, seed ${b.seed}):`,
            c.dim(`  ${physical.sizeLabel.padStart(14)}  classical                 quantum`),
          );
          for (const [i, n] of physical.sizes.entries())
            out.push(
              c.dim(
                `  ${n.toLocaleString("en-US").padStart(14)}  ${durationBand(b.classicalSeconds[i]).padEnd(24)}  ${durationBand(b.quantumSeconds[i])}`,
              ),
            );
          out.push(c.dim(`    ${b.basis}`));
        }
      }
      io.stdout(fitted(io, `${out.join("\n")}\n`));
    });
}
