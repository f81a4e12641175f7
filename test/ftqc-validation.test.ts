// Bad inputs fail with stable codes naming the field; presets are data that round-trip through JSON.
import { describe, expect, it } from "vitest";
import { isQfitError, type QfitError } from "../src/errors.js";
import {
  estimateFaultTolerant,
  type FtOptions,
  type LogicalCounts,
  PRESETS_AS_OF,
  PRESETS_SOURCE,
  parseTimeNs,
  QUBIT_PRESET_NAMES,
  qubitPreset,
  resolveQubit,
} from "../src/estimate/ftqc/index.js";

const ok: LogicalCounts = { numQubits: 100, tCount: 1_000_000, measurementCount: 100_000 };

function errorOf(f: () => unknown): QfitError {
  try {
    f();
  } catch (e) {
    if (isQfitError(e)) return e;
    throw e;
  }
  throw new Error("expected a QfitError");
}

function expectUserError(counts: unknown, options: FtOptions, code: string, field: string) {
  const e = errorOf(() => estimateFaultTolerant(counts as LogicalCounts, options));
  expect(e.code).toBe(code);
  expect(e.userError).toBe(true);
  expect(e.details.field).toBe(field);
}

describe("bad inputs", () => {
  it.each([
    [{ ...ok, tCount: -1 }, "tCount"],
    [{ ...ok, measurementCount: Number.NaN }, "measurementCount"],
    [{ ...ok, rotationCount: 1.5 }, "rotationCount"],
    [{ ...ok, cczCount: Number.POSITIVE_INFINITY }, "cczCount"],
    [{ tCount: 5 }, "numQubits"],
    [{ ...ok, numQubits: 0 }, "numQubits"],
    [{ ...ok, toffoliCount: 3 }, "toffoliCount"],
    [{ numQubits: 5 }, "measurementCount"],
  ])("counts %j → Estimate.FT.InvalidCounts naming %s", (counts, field) => {
    expectUserError(counts, {}, "Estimate.FT.InvalidCounts", field);
  });

  it.each([[0], [1], [-0.1], [1.5], [Number.NaN]])(
    "error budget %s → Estimate.FT.InvalidErrorBudget",
    (b) => {
      expectUserError(ok, { errorBudget: b }, "Estimate.FT.InvalidErrorBudget", "errorBudget");
    },
  );

  it("explicit budget parts are checked part by part", () => {
    expectUserError(
      ok,
      { errorBudget: { logical: 1e-3, tstates: 0, rotations: 0 } },
      "Estimate.FT.InvalidErrorBudget",
      "errorBudget.tstates",
    );
    const e = estimateFaultTolerant(ok, { errorBudget: { logical: 4e-4, tStates: 6e-4, rotations: 0 } });
    expect(e.errorBudget).toEqual({ logical: 4e-4, tstates: 6e-4, rotations: 0 });
  });

  it("unknown presets → Estimate.FT.UnknownPreset", () => {
    expectUserError(ok, { qubitParams: "qubit_gate_ns_e5" }, "Estimate.FT.UnknownPreset", "qubitParams.name");
    expectUserError(ok, { qecScheme: "color_code" }, "Estimate.FT.UnknownPreset", "qecScheme.name");
  });

  it("a Majorana-only scheme on gate-based qubits is rejected, as the reference does", () => {
    const e = errorOf(() =>
      estimateFaultTolerant(ok, { qubitParams: "qubit_gate_ns_e3", qecScheme: "floquet_code" }),
    );
    expect(e.code).toBe("Estimate.FT.InvalidQecScheme");
    expect(e.details.field).toBe("qecScheme.name");
    expect(e.message).toMatch(/does not support gate type/);
  });

  it("error rates at or above threshold, or outside (0,1), are rejected naming the field", () => {
    const q = {
      instructionSet: "GateBased",
      oneQubitMeasurementTime: 100,
      oneQubitGateTime: 50,
      oneQubitMeasurementErrorRate: 1e-3,
      tGateErrorRate: 1e-3,
    };
    expectUserError(
      ok,
      { qubitParams: { ...q, oneQubitGateErrorRate: 0.02 } },
      "Estimate.FT.InvalidQubit",
      "qubitParams.oneQubitGateErrorRate",
    );
    expectUserError(
      ok,
      { qubitParams: { ...q, oneQubitGateErrorRate: 1.2 } },
      "Estimate.FT.InvalidQubit",
      "qubitParams.oneQubitGateErrorRate",
    );
    expectUserError(
      ok,
      { qubitParams: { ...q, oneQubitGateErrorRate: 1e-3, idleErrorRate: -1 } },
      "Estimate.FT.InvalidQubit",
      "qubitParams.idleErrorRate",
    );
    expectUserError(
      ok,
      { qubitParams: { instructionSet: "GateBased", oneQubitGateTime: 50 } },
      "Estimate.FT.InvalidQubit",
      "qubitParams.oneQubitMeasurementTime",
    );
    expectUserError(
      ok,
      { qubitParams: { ...q, oneQubitGateErrorRate: 1e-3, oneQubitGateTime: "fast" } },
      "Estimate.FT.InvalidQubit",
      "qubitParams.oneQubitGateTime",
    );
  });

  it("infeasible constraints → Estimate.FT.Infeasible or InvalidConstraints naming the constraint", () => {
    expectUserError(
      ok,
      { constraints: { maxDuration: 1_000 } },
      "Estimate.FT.Infeasible",
      "constraints.maxDuration",
    );
    expectUserError(
      ok,
      { constraints: { maxPhysicalQubits: 1_000 } },
      "Estimate.FT.Infeasible",
      "constraints.maxPhysicalQubits",
    );
    expectUserError(
      ok,
      { constraints: { maxDuration: 1e12, maxPhysicalQubits: 1e7 } },
      "Estimate.FT.InvalidConstraints",
      "constraints.maxPhysicalQubits",
    );
    expectUserError(
      ok,
      { constraints: { logicalDepthFactor: 0.5 } },
      "Estimate.FT.InvalidConstraints",
      "constraints.logicalDepthFactor",
    );
    expectUserError(
      ok,
      { constraints: { maxTFactories: 0 } },
      "Estimate.FT.InvalidConstraints",
      "constraints.maxTFactories",
    );
    expectUserError(
      { numQubits: 10, tCount: 1e15 },
      { errorBudget: 1e-12 },
      "Estimate.FT.Infeasible",
      "errorBudget",
    );
  });

  it("custom schemes: missing fields and bad formulas name their field", () => {
    expectUserError(
      ok,
      { qecScheme: { name: "my_code", crossingPrefactor: 0.03 } },
      "Estimate.FT.InvalidQecScheme",
      "qecScheme.errorCorrectionThreshold",
    );
    expectUserError(
      ok,
      { qecScheme: { name: "surface_code", crossingPrefactor: 0.7 } },
      "Estimate.FT.InvalidQecScheme",
      "qecScheme.crossingPrefactor",
    );
    expectUserError(
      ok,
      { qecScheme: { name: "surface_code", logicalCycleTime: "3 * (codeDistance" } },
      "Estimate.FT.InvalidFormula",
      "qecScheme.logicalCycleTime",
    );
    expectUserError(
      ok,
      {
        qecScheme: { name: "surface_code", logicalCycleTime: "twoQubitJointMeasurementTime * codeDistance" },
      },
      "Estimate.FT.InvalidFormula",
      "qecScheme.logicalCycleTime",
    );
  });
});

describe("custom qubits and schemes", () => {
  it("a custom qubit equal to a preset gives the preset's estimate; times accept strings", () => {
    const custom = {
      instructionSet: "GateBased",
      oneQubitMeasurementTime: "100 ns",
      oneQubitGateTime: "0.05 us",
      oneQubitMeasurementErrorRate: 1e-3,
      oneQubitGateErrorRate: 1e-3,
      tGateErrorRate: 1e-3,
    };
    const a = estimateFaultTolerant(ok, { qubitParams: custom });
    const b = estimateFaultTolerant(ok, { qubitParams: "qubit_gate_ns_e3" });
    expect(a.physicalCounts).toEqual(b.physicalCounts);
    expect(parseTimeNs("1.5 µs", "x")).toBe(1_500);
    expect(parseTimeNs("2 ms", "x")).toBe(2_000_000);
  });

  it("a preset name with overrides changes only the overridden fields", () => {
    const q = resolveQubit({
      name: "qubit_gate_ns_e3",
      oneQubitGateErrorRate: 5e-4,
      twoQubitGateErrorRate: 5e-4,
      idleErrorRate: 5e-4,
    });
    expect(q.cliffordErrorRate).toBe(5e-4);
    expect(q.readoutErrorRate).toBe(1e-3);
    expect(q.physicalErrorRate).toBe(1e-3);
  });

  it("a custom scheme written as the surface code's formulas reproduces surface_code", () => {
    const scheme = {
      name: "my_surface",
      errorCorrectionThreshold: 0.01,
      crossingPrefactor: 0.03,
      logicalCycleTime: "(4 * twoQubitGateTime + 2 * oneQubitMeasurementTime) * codeDistance",
      physicalQubitsPerLogicalQubit: "2 * codeDistance^2",
    };
    const a = estimateFaultTolerant(ok, { qecScheme: scheme });
    expect(a.physicalCounts.physicalQubits).toBe(454_860);
    expect(a.jobParams.qecScheme.name).toBe("my_surface");
  });

  it("Majorana surface code uses its own threshold and cycle (arXiv:2007.00307)", () => {
    const e = estimateFaultTolerant(ok, { qubitParams: "qubit_maj_ns_e4", qecScheme: "surface_code" });
    expect(e.jobParams.qecScheme.errorCorrectionThreshold).toBe(0.0015);
    expect(e.logicalQubit.logicalCycleTime).toBe(20 * 100 * e.logicalQubit.codeDistance);
  });
});

describe("presets are data", () => {
  it("every qubit preset round-trips through JSON and resolves to the same model", () => {
    expect(QUBIT_PRESET_NAMES).toEqual([
      "qubit_gate_ns_e3",
      "qubit_gate_ns_e4",
      "qubit_gate_us_e3",
      "qubit_gate_us_e4",
      "qubit_maj_ns_e4",
      "qubit_maj_ns_e6",
    ]);
    for (const name of QUBIT_PRESET_NAMES) {
      const raw = qubitPreset(name);
      const back = JSON.parse(JSON.stringify(raw));
      expect(back).toEqual(raw);
      expect(resolveQubit(back)).toEqual(resolveQubit(name));
      // The resolved parameters are themselves a valid custom qubit with the same model.
      const again = resolveQubit(JSON.parse(JSON.stringify(resolveQubit(name).params)));
      expect(again).toEqual(resolveQubit(name));
    }
    expect(PRESETS_SOURCE).toMatch(/physical_qubit\.rs/);
    expect(PRESETS_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("preset values match the reference table (estimation.md §1.1)", () => {
    expect(resolveQubit("qubit_gate_us_e3").tGateErrorRate).toBe(1e-6);
    expect(resolveQubit("qubit_gate_us_e4").oneQubitGateTimeNs).toBe(100_000);
    expect(resolveQubit("qubit_maj_ns_e4").tGateErrorRate).toBe(0.05);
    expect(resolveQubit("qubit_maj_ns_e6").cliffordErrorRate).toBe(1e-6);
  });

  it("the estimate's output is plain JSON that round-trips, with formulas for the headline numbers", () => {
    const e = estimateFaultTolerant(ok);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    for (const k of [
      "algorithmicLogicalQubits",
      "codeDistance",
      "logicalCycleTime",
      "numTfactories",
      "physicalQubits",
      "runtime",
    ])
      expect(typeof e.formulas[k]).toBe("string");
    expect(e.formulas.algorithmicLogicalQubits).toContain("= 230");
    expect(e.formulas.physicalQubits).toContain("454860");
  });
});
