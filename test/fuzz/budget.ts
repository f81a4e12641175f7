// The per-input budget of the fuzz suites and the figures they report. The budget guards against hangs and
// unbounded work, not speed: an input whose reading costs more than BUDGET_CPU_MS of CPU (process.cpuUsage, so other
// processes on a busy machine do not count, but this process's garbage collector and compiler threads do) fails the
// test. Each suite prints its figures (inputs, refusals, crashes, slowest input).
import { expect } from "vitest";
import { isQfitError } from "../../src/errors.js";

/**
 * 3 s of CPU. The heaviest input the generators make within the parser's limits is a gate nested seven deep, seven
 * calls each: 7^7 = 823,543 gate applications. On a slow, shared host during CI it took 1028 ms of CPU
 * (3 December 2026), over the 1 s this budget was. Allowing 3 s leaves a 3× margin, and anything unbounded still
 * fails.
 */
export const BUDGET_CPU_MS = 3000;

export interface Figures {
  inputs: number;
  refusals: number;
  crashes: number;
  slowestMs: number;
  slowest: string;
}

export function newFigures(): Figures {
  return { inputs: 0, refusals: 0, crashes: 0, slowestMs: 0, slowest: "" };
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs one input through `read`, failing when it throws something other than a user `QfitError` or exceeds the
 * CPU budget. Returns the value, or undefined for a refusal (the refusal is checked by `onRefusal` first).
 */
export function within<T>(
  figures: Figures,
  label: string,
  input: string,
  read: () => T,
  onRefusal: (e: import("../../src/errors.js").QfitError) => void = () => {},
): T | undefined {
  figures.inputs++;
  const start = cpuMs();
  let value: T | undefined;
  try {
    value = read();
  } catch (e) {
    if (!isQfitError(e) || !e.userError) {
      figures.crashes++;
      throw new Error(`${label}: an internal error on input ${JSON.stringify(input.slice(0, 300))}: ${e}`);
    }
    onRefusal(e);
    figures.refusals++;
  }
  const spent = cpuMs() - start;
  if (spent > figures.slowestMs) {
    figures.slowestMs = spent;
    figures.slowest = input.slice(0, 120);
  }
  expect(
    spent,
    `${label}: ${spent.toFixed(0)} ms of CPU on ${JSON.stringify(input.slice(0, 200))}`,
  ).toBeLessThan(BUDGET_CPU_MS);
  return value;
}

/** Prints this suite's figures (the README's fuzzing section quotes them). */
export function record(suite: string, f: Figures): void {
  console.log(
    `fuzz ${suite}: ${f.inputs} inputs, ${f.refusals} refused, ${f.crashes} crashes, ` +
      `slowest ${f.slowestMs.toFixed(1)} ms CPU (${JSON.stringify(f.slowest.slice(0, 60))})`,
  );
}

/** mulberry32: a small seeded PRNG, so every run tries the same inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
