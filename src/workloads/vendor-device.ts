// `qfit crossover --hardware VENDOR` (issue 13 §4): the vendor's catalog device stands in for the physical model's
// quantum side, so the error rates and gate times are that vendor's. One device per vendor: the one with the lowest
// published two-qubit error (the physical model takes the quantum side's best case); a field the catalog lacks is
// filled from Azure's QRE preset of its modality and named (device/timing.ts `deviceTiming`); the qubit model is the
// estimator's own device → error-corrected qubit mapping (estimate/ft-record.ts `qubitParamsFromDevice`).
import { deviceTiming } from "../device/timing.js";
import { qubitParamsFromDevice } from "../estimate/ft-record.js";
import { catalog } from "../hardware/catalog.js";
import type { Qpu } from "../hardware/schema.js";

export interface VendorDevice {
  /** The catalog device (qfit devices --kind qpu). */
  id: string;
  vendor: string;
  /** What it changes in the workload's input: `qpu` (a device run) or `qubit` (a fault-tolerant qubit model). */
  changes: string[];
  /** Catalog fields filled from a QRE preset (none when the catalog has them all). */
  filledFrom: string[];
}

/** The vendor's device: `name` is a vendor ("ibm") or a calculator preset ("ibm-2025-03"), case-insensitive. Null
 *  when the catalog has no device of that vendor with a published two-qubit error. */
export function vendorQpu(name: string): Qpu | null {
  const v = name.toLowerCase();
  const of = (n: string) =>
    catalog.qpus.filter(
      (q) => q.vendor.toLowerCase() === n && q.twoQubitError !== null && q.model !== "analog",
    );
  const devices = of(v).length > 0 ? of(v) : of(v.split("-")[0]);
  if (devices.length === 0) return null;
  return devices.reduce((a, b) => ((b.twoQubitError as number) < (a.twoQubitError as number) ? b : a));
}

/** The raw workload input with the vendor's device in place, and what it changed; `fields` are the input's field
 *  names (its schema's keys). Null when the vendor has no device in the catalog. */
export function withVendorDevice(
  raw: Record<string, unknown>,
  fields: readonly string[],
  name: string,
): { raw: Record<string, unknown>; device: VendorDevice } | null {
  const qpu = vendorQpu(name);
  if (!qpu) return null;
  const out = { ...raw };
  const changes: string[] = [];
  let filledFrom: string[] = [];
  if (fields.includes("qpu")) {
    out.qpu = qpu.id;
    changes.push("qpu");
  }
  if (fields.includes("qubit")) {
    // The one device → error-corrected qubit mapping (as LLM training's ftQubit "device"): readout enters at most at
    // the Clifford error, since syndrome rounds repeat d times.
    const t = deviceTiming(qpu);
    out.qubit = qubitParamsFromDevice(qpu, t).params;
    filledFrom = t.filledFrom;
    changes.push("qubit");
  }
  return { raw: out, device: { id: qpu.id, vendor: qpu.vendor, changes, filledFrom } };
}
