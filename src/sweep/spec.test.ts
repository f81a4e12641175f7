import { describe, expect, it } from "vitest";
import { isQfitError } from "../errors.js";
import { parseSweep } from "./spec.js";

const SPEC = `name: t
runs:
  - kind: circuit
    circuits:
      - benchmark: ghz
        qubits: [3, 5]
    devices: ibm-heron-r2
    shots: 100
`;

function errorOf(text: string): string {
  try {
    parseSweep(text, "s.yaml");
  } catch (e) {
    if (isQfitError(e) && e.userError) return e.describe();
    throw e;
  }
  throw new Error("expected a user error");
}

describe("sweep files", () => {
  it("parses a grid with defaults", () => {
    const s = parseSweep(SPEC, "s.yaml").value;
    expect(s.seed).toBe(1);
    const b = s.runs[0];
    expect(b.kind).toBe("circuit");
    if (b.kind !== "circuit") return;
    expect(b.noise).toBe(true);
    expect(b.method).toBe("auto");
    expect(b.split).toBe(1);
  });

  it("reads noise as on/off or booleans", () => {
    const s = parseSweep(SPEC.replace("shots: 100", "shots: 100\n    noise: [on, false]"), "s.yaml").value;
    const b = s.runs[0];
    expect(b.kind === "circuit" && b.noise).toEqual([true, false]);
  });

  it("names file:line:col of the value at fault, and of an unknown key", () => {
    expect(errorOf(SPEC.replace("qubits: [3, 5]", "qubits: [3, 99]"))).toMatch(
      /^s\.yaml:6:21: runs\[0\]\.circuits\[0\]\.qubits/,
    );
    expect(errorOf(SPEC.replace("shots: 100", "shots: 100\n    colour: blue"))).toMatch(
      /^s\.yaml:9:5: runs\[0\]: Unrecognized key: "colour"/,
    );
    expect(errorOf(SPEC.replace("kind: circuit", "kind: circus"))).toMatch(/^s\.yaml:3:11: runs\[0\]\.kind/);
    expect(errorOf("runs: [\n")).toMatch(/^s\.yaml:\d+:\d+: YAML: /);
  });

  it("refuses a file over the size limit before parsing", () => {
    expect(errorOf(`# ${"x".repeat(1 << 20)}\n${SPEC}`)).toMatch(/the limit is 1048576/);
  });
});
