// The verdict's words, over every workload's text output (issue 16: "GPU wins ×1 — 1× cpu-core: 1.9 h", "GPU
// wins ×1" where the quantum side is infeasible, "1 days"): a tie is called a tie, the classical side is named by
// its hardware (GPU or CPU), an infeasible quantum side is said to be infeasible with the constraint it fails,
// orders of magnitude read ~10^x.y×, and a count of one is singular.
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import type { VerdictV2 } from "../src/verdict/contract.js";
import { HYBRID_PRESETS } from "../src/workloads/hybrid.js";
import { workloads } from "../src/workloads/registry.js";

async function qfit(args: string[]): Promise<string> {
  const io = memoryIo();
  const code = await main(args, io);
  expect(code, `qfit ${args.join(" ")}: ${io.err}`).toBe(0);
  return io.out;
}

const RUNS: string[][] = [
  ...workloads.map((w) => ["estimate", w.kind]),
  ...HYBRID_PRESETS.map((p) => ["estimate", "hybrid", "--preset", p]),
  ["estimate", "llm-training", "--preset", "lm-100m", "--gpu-count", "1"],
  ["estimate", "annealing-qubo", "--variables", "100"],
  ["estimate", "shor", "--modulus-bits", "512"],
];

/** Wording every human output must avoid, whatever the workload. */
function checkWords(text: string, where: string): void {
  expect(text, where).not.toMatch(/\b(GPU|QPU) wins/);
  // ×1 is a tie, never a margin; nor "×1.0".
  expect(text, where).not.toMatch(/(wins|by|classical|quantum) ×1(\.0+)?\b/);
  expect(text, where).not.toMatch(/(^|[^\d.])1 (days|years|hours|threads|qubits|GPUs)\b/m);
  expect(text, where).not.toMatch(/\(s\)/);
  // Orders of magnitude as ~10^x.y× (one decimal), never 1e+15× or 10^14.90×.
  expect(text, where).not.toMatch(/\d+(\.\d+)?e\+\d+×/);
  expect(text, where).not.toMatch(/10\^-?\d+\.\d{2,}×/);
}

describe("verdict wording over every workload's text output", () => {
  for (const args of RUNS) {
    it(`qfit ${args.join(" ")}`, async () => {
      const [text, json] = await Promise.all([
        qfit([...args, "--no-uncertainty", "--t0", "2026"]),
        qfit([...args, "--no-uncertainty", "--t0", "2026", "--json"]),
      ]);
      const v = JSON.parse(json) as VerdictV2;
      const verdict = /^Verdict: (.*)$/m.exec(text)?.[1];
      expect(verdict, "a Verdict: line").toBeDefined();
      checkWords(text, args.join(" "));
      const best = v.strategies.find((s) => s.name === v.best)!;
      const cpu = !/NVIDIA|AMD Instinct|TPU/.test(v.classical.device);
      if (v.winner === "classical") {
        expect(verdict).toMatch(cpu ? /^classical \(CPU\) wins|^a tie/ : /^classical \(GPU\) wins|^a tie/);
        if (!best.feasible) {
          const failed = best.constraints.filter((c) => !c.satisfied).map((c) => c.name);
          expect(verdict).toMatch(/^classical \((GPU|CPU)\) wins; quantum side infeasible: (\S+): needs /);
          expect(failed).toContain(/quantum side infeasible: (\S+):/.exec(verdict!)![1]);
        } else if (v.speedupLog10 < Math.log10(2)) {
          expect(verdict).toMatch(/^a tie: within a factor of 2/);
        } else {
          const margin = v.speedupLog10 >= 3 ? `~10^${v.speedupLog10.toFixed(1)}×` : "×";
          expect(verdict).toContain(margin);
          expect(verdict).toMatch(/^classical \((GPU|CPU)\) wins by /);
        }
      } else if (v.winner === "neither") {
        expect(verdict).toMatch(
          /^neither fits: classical side infeasible \(.+\); quantum side infeasible \(/,
        );
      } else {
        expect(verdict).toMatch(/^quantum wins/);
      }
      // The summary in the JSON is the sentence the terminal prints.
      expect(v.summary.startsWith(verdict!.slice(0, 40))).toBe(true);
    }, 120_000);
  }

  it("the report's verdict column says the same, with a tie as a tie and the CPU side named", async () => {
    const out = await qfit(["report", "--no-html", "--wide", "--no-uncertainty", "--t0", "2026"]).catch(() =>
      qfit(["report", "--no-html", "--wide", "--t0", "2026"]),
    );
    checkWords(out, "qfit report");
    expect(out).toContain("a tie (within 2×, classical (CPU) nominally ahead)");
    expect(out).toMatch(/classical \(CPU\) by \d+×/);
    expect(out).toContain("classical (GPU); quantum side infeasible");
    expect(out).toContain("neither: both sides infeasible");
  }, 120_000);
});
