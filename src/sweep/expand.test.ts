import { describe, expect, it } from "vitest";
import { isQfitError } from "../errors.js";
import { expandSweep } from "./expand.js";
import { deriveSeed, share } from "./jobs.js";
import { parseSweep } from "./spec.js";

const BELL =
  'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n';

async function expand(text: string, version = "1.0.0", files = [{ name: "bell.qasm", text: BELL }]) {
  const p = parseSweep(text, "s.yaml");
  return expandSweep(p.value, { version, files: () => files, at: p.at });
}

const SPEC = `seed: 9
runs:
  - kind: circuit
    circuits:
      - benchmark: ghz
        qubits: [3, 4]
      - file: bell.qasm
    devices: [ibm-heron-r2, google-willow]
    noise: [on, off]
    shots: 1000
    trajectories: 100
    repeats: 2
    split: 4
`;

describe("expansion into jobs", () => {
  it("makes the full grid, with stable ids that change with the version", async () => {
    const a = await expand(SPEC);
    expect(a.jobs).toHaveLength(3 * 2 * 2 * 2 * 4);
    const b = await expand(SPEC);
    expect(b.jobs.map((j) => j.id)).toEqual(a.jobs.map((j) => j.id));
    expect(new Set(a.jobs.map((j) => j.id)).size).toBe(a.jobs.length);
    const c = await expand(SPEC, "1.0.1");
    expect(c.jobs.some((j) => a.jobs.some((k) => k.id === j.id))).toBe(false);
    // The circuit travels once, by hash.
    expect([...a.payloads.values()]).toEqual([BELL]);
  });

  it("splits shots and trajectories exactly, with seeds derived from the sweep seed, repeat and chunk only", async () => {
    const { jobs } = await expand(SPEC);
    const byRun = new Map<string, typeof jobs>();
    for (const j of jobs)
      if (j.input.kind === "circuit") byRun.set(j.input.run, [...(byRun.get(j.input.run) ?? []), j]);
    expect(byRun.size).toBe(3 * 2 * 2 * 2);
    for (const chunks of byRun.values()) {
      const inputs = chunks.map((c) => c.input).filter((i) => i.kind === "circuit");
      expect(inputs.reduce((s, i) => s + i.shots, 0)).toBe(1000);
      expect(inputs.reduce((s, i) => s + i.trajectories, 0)).toBe(100);
      for (const i of inputs) expect(i.seed).toBe(deriveSeed(9, i.repeat, i.chunk.index));
    }
    const seeds = new Set<number>();
    for (let r = 0; r < 50; r++) for (let c = 0; c < 50; c++) seeds.add(deriveSeed(9, r, c));
    expect(seeds.size).toBe(2500);
    expect([0, 1, 2].map((i) => share(10, 3, i))).toEqual([4, 3, 3]);
  });

  it("folds duplicate work: a classical model ignores the quantum axes", async () => {
    const { jobs } = await expand(`runs:
  - kind: training
    model: [classical, quantum]
    qubits: [2, 3, 4]
    repeats: 2
`);
    expect(jobs.filter((j) => j.input.kind === "training" && j.input.model === "classical")).toHaveLength(2);
    expect(jobs.filter((j) => j.input.kind === "training" && j.input.model === "quantum")).toHaveLength(6);
  });

  it("refuses an unknown device at its position, and a split larger than the work", async () => {
    const message = async (text: string) => {
      try {
        await expand(text);
      } catch (e) {
        if (isQfitError(e)) return e.describe();
        throw e;
      }
      return "";
    };
    expect(await message(SPEC.replace("google-willow]", "nope]"))).toMatch(
      /^s\.yaml:8:29: unknown gate-model quantum processor "nope"/,
    );
    expect(await message(SPEC.replace("split: 4", "split: 500"))).toMatch(
      /^s\.yaml:13:12: split 500 is more than the 100 shots or trajectories/,
    );
  });
});
