// The catalog schema: every entry loads with units in its field names, values in physical ranges, a source that
// resolves and a date; the validator rejects what breaks those rules.
import { describe, expect, it } from "vitest";
import {
  allDevices,
  catalog,
  findDevice,
  getGpu,
  type RawCatalog,
  rawCatalog,
  sourceIds,
  validateCatalog,
} from "./catalog.js";

const REQUIRED = {
  gpu: ["a100", "h100", "h200", "b200", "gb200", "mi300x", "tpu-v5p"],
  qpu: [
    "ibm-heron-r2",
    "ibm-heron-r3",
    "ibm-nighthawk",
    "google-willow",
    "quantinuum-h2",
    "quantinuum-helios",
    "ionq-aria",
    "ionq-forte",
    "ionq-tempo",
    "rigetti-ankaa-3",
    "quera-aquila",
    "atom-computing",
    "pasqal-fresnel",
  ],
  annealer: ["dwave-advantage", "dwave-advantage2"],
} as const;

// Numeric fields must say their unit (or be a pure count/ratio named as such).
const UNIT =
  /(Tflops|Gb|GbPerS|GBPerS|W|Usd|Ns|Us|Ms|Hz|PerS|PerHour|Qubits|Error|Fidelity|Count|Rate|Ratio|^qubits$|^couplers$|Per[A-Z]\w*|Year|Bits|Bytes|Gates|Depth|Shots|Clops|Mfu|Pue)/i;

const raw = (): RawCatalog => structuredClone(rawCatalog);

describe("hardware catalog", () => {
  it("has every device the issue names, under the ids users type", () => {
    for (const [kind, ids] of Object.entries(REQUIRED)) {
      for (const id of ids) expect(findDevice(id)?.kind, id).toBe(kind);
    }
  });

  it("every entry has a resolving source, a date, and units in its numeric field names", () => {
    for (const d of allDevices()) {
      expect(d.source.length, d.id).toBeGreaterThan(2);
      expect(sourceIds(d.source).length, `${d.id} cites a source id`).toBeGreaterThan(0);
      for (const sid of sourceIds(d.source)) expect(catalog.sources[sid], `${d.id} → [${sid}]`).toBeDefined();
      expect(d.asOf).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      for (const [k, v] of Object.entries(d)) {
        if (typeof v === "number") expect(k, `${d.id}.${k} names its unit`).toMatch(UNIT);
      }
    }
  });

  it("values sit in physical ranges", () => {
    for (const g of catalog.gpus) {
      expect(g.peakBf16Tflops).toBeGreaterThan(50);
      expect(g.peakBf16Tflops).toBeLessThan(10_000);
      expect(g.priceUsdPerGpuHourLow).toBeLessThanOrEqual(g.priceUsdPerGpuHourHigh);
    }
    for (const q of catalog.qpus) {
      expect(q.qubits).toBeGreaterThan(0);
      for (const e of [q.oneQubitError, q.twoQubitError, q.readoutError]) {
        if (e !== null) {
          expect(e).toBeGreaterThan(0);
          expect(e).toBeLessThan(0.5);
        }
      }
    }
  });

  it("flags unverified values and the estimate that uses one says so", () => {
    // H100's peaks now come from NVIDIA's datasheet and whitepaper (issue 12); TPU v5p's price is still unverified.
    const tpu = getGpu("tpu-v5p");
    expect(tpu.unverifiedFields).toContain("priceUsdPerGpuHourLow");
    expect(tpu.unverified).toBe(true);
    expect(getGpu("h100").unverified).toBe(false);
  });

  it("rejects an entry without a source, with a negative qubit count, or citing an unknown source", () => {
    const noSource = raw();
    delete (noSource.qpus as { devices: Array<Record<string, unknown>> }).devices[0].source;
    expect(() => validateCatalog(noSource)).toThrow(/qpus\.json: devices\.0\.source/);

    const negative = raw();
    (negative.qpus as { devices: Array<Record<string, unknown>> }).devices[0].qubits = -5;
    expect(() => validateCatalog(negative)).toThrow(/qubits/);

    const unknown = raw();
    (unknown.gpus as { devices: Array<Record<string, unknown>> }).devices[0].source = "[NOPE]";
    expect(() => validateCatalog(unknown)).toThrow(/unknown source \[NOPE\]/);
  });

  it("rejects a duplicate id or alias across kinds", () => {
    const dup = raw();
    (dup.qpus as { devices: Array<Record<string, unknown>> }).devices[0].aliases = ["h100"];
    expect(() => validateCatalog(dup)).toThrow(/names both/);
  });
});
