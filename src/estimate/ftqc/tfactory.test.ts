// The T-factory search against a reference: the straightforward search the estimator used before its candidates
// became numbers (bounded walks, figures shared per qubit model): every candidate built as a TFactory, the
// whole distance range walked, then filtered and Pareto-sorted. Same prunings, so the answers must be equal,
// factory for factory, whatever the model, target, round limit and order of the distances asked for.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QecModel } from "./qec.js";
import { resolveQecScheme } from "./qec.js";
import { QUBIT_PRESET_NAMES, qubitPreset, resolveQubit } from "./qubit.js";
import {
  buildFactory,
  DISTILLATION_UNITS,
  FactorySearch,
  outputErrorRate,
  type PlacedUnit,
  trivialFactory,
} from "./tfactory.js";
import type { TFactory } from "./types.js";

function referenceUnits(qec: QecModel, searchDistance: number): PlacedUnit[][] {
  const q = qec.qubit;
  const valid = (c: number) => c <= 0.1 * q.tGateErrorRate;
  const at = (d: number, clifford: number, qubits: (i: number) => number, ns: (i: number) => number) =>
    DISTILLATION_UNITS.map((template, kind) => ({
      template,
      kind,
      codeDistance: d,
      qubitsPerUnit: qubits(kind),
      durationNs: ns(kind),
      cliffordErrorRate: clifford,
    }));
  const levels = [
    valid(q.cliffordErrorRate)
      ? at(
          1,
          q.cliffordErrorRate,
          (i) => DISTILLATION_UNITS[i].physical.qubits,
          (i) => DISTILLATION_UNITS[i].physical.durationCycles * q.tGateTimeNs,
        )
      : [],
  ];
  for (let d = 1; d <= searchDistance; d += 2) {
    const pl = qec.logicalErrorRate(d);
    levels.push(
      valid(pl)
        ? at(
            d,
            pl,
            (i) => DISTILLATION_UNITS[i].logical.qubits * qec.physicalQubitsPerLogical(d),
            (i) => DISTILLATION_UNITS[i].logical.durationCycles * qec.logicalCycleTimeNs(d),
          )
        : [],
    );
  }
  return levels;
}

function referenceFind(
  qec: QecModel,
  target: number,
  maxRounds: number,
  searchDistance: number,
  maxDistance: number,
): TFactory[] {
  if (target > qec.qubit.tGateErrorRate) return [trivialFactory(qec, maxDistance)];
  const levels = referenceUnits(qec, searchDistance);
  const enumerate = (minRounds: number, rounds: number) => {
    const out: TFactory[] = [];
    const seq: PlacedUnit[] = [];
    const walk = (minLevel: number, err: number) => {
      const first = seq.length === 0;
      let done = 0;
      for (let level = first ? 0 : minLevel; level < levels.length; level++) {
        if ((first && level === 1) || (!first && level === 0)) continue;
        for (const u of levels[level]) {
          const bit = 1 << u.kind;
          if (done & bit) continue;
          const next = outputErrorRate(err, u.cliffordErrorRate);
          if (next > err) continue;
          seq.push(u);
          if (next <= target) {
            const f = seq.length >= minRounds ? buildFactory([...seq], qec.qubit.tGateErrorRate) : undefined;
            if (f) {
              out.push(f);
              if (f.rounds[f.rounds.length - 1].numUnits === 1) done |= bit;
            }
          } else if (seq.length < rounds) walk(Math.max(level, 1), next);
          seq.pop();
        }
      }
    };
    walk(0, qec.qubit.tGateErrorRate);
    return out.filter((f) => f.rounds[f.rounds.length - 1].codeDistance <= maxDistance);
  };
  let fit = enumerate(1, maxRounds);
  if (fit.length === 0 && maxRounds < 4) fit = enumerate(maxRounds + 1, 4);
  const sorted = [...fit].sort(
    (a, b) => a.normalizedQubits - b.normalizedQubits || a.durationNs - b.durationNs,
  );
  const pareto: TFactory[] = [];
  let best = Number.POSITIVE_INFINITY;
  for (const f of sorted)
    if (f.durationNs < best) {
      pareto.push(f);
      best = f.durationNs;
    }
  return pareto;
}

/** A preset with its T error rate, its Clifford error rates and its T gate time scaled. */
function model(preset: string, tScale: number, cliffordScale: number, tTimeScale = 1): QecModel | undefined {
  const p = qubitPreset(preset);
  const scaled: Record<string, unknown> = { ...p, tGateErrorRate: (p.tGateErrorRate ?? 1e-3) * tScale };
  if (typeof p.tGateTime === "number") scaled.tGateTime = Math.max(1, Math.round(p.tGateTime * tTimeScale));
  for (const k of ["oneQubitGateErrorRate", "twoQubitGateErrorRate", "oneQubitMeasurementErrorRate"])
    if (typeof scaled[k] === "number") scaled[k] = (scaled[k] as number) * cliffordScale;
  try {
    const qubit = resolveQubit(scaled);
    return resolveQecScheme(qubit.instructionSet === "Majorana" ? "floquet_code" : "surface_code", qubit);
  } catch {
    return undefined; // above threshold: no scheme, nothing to search
  }
}

describe("T-factory search", () => {
  it("equals the reference search for random models, targets, round limits and distance orders", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUBIT_PRESET_NAMES),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.array(fc.double({ min: -24, max: -2, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 26 }), { minLength: 1, maxLength: 4 }),
        (preset, tLog, cLog, timeLog, targetLogs, maxRounds, halfDistances) => {
          const qec = model(preset, 10 ** tLog, 10 ** cLog, 10 ** timeLog);
          if (!qec) return;
          const searchDistance = qec.scheme.maxCodeDistance;
          // Several searches on one model share its table: each must still answer as if alone.
          for (const tl of targetLogs) {
            const target = 10 ** tl;
            const search = new FactorySearch(qec, target, maxRounds, searchDistance);
            for (const h of halfDistances) {
              const d = 2 * h + 1;
              expect(search.find(d)).toEqual(referenceFind(qec, target, maxRounds, searchDistance, d));
            }
          }
        },
      ),
      { seed: 20261203, numRuns: 120 },
    );
  });

  it("finds distilled factories for a preset and target the estimator meets in practice", () => {
    // Not a vacuous equality: the common case has several Pareto factories of two or more rounds.
    const qec = model("qubit_gate_ns_e3", 1, 1) as QecModel;
    const found = new FactorySearch(qec, 1e-12, 3, 50).find(25);
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((f) => f.rounds.length >= 2 && f.outputErrorRate <= 1e-12)).toBe(true);
    expect(found).toEqual(referenceFind(qec, 1e-12, 3, 50, 25));
  });
});
