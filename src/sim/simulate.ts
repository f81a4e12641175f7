// Exact statevector simulation with shots. `simulate` = `plan` then `run`.
//
// Modes (chosen by the planner):
// - sample-once: no mid-circuit measurement or reset. Apply the gates once, then sample every shot from the
//   final |amplitude|² in one sweep; exact probabilities are the marginal over the measured qubits.
// - branching: mid-circuit measurement, reset or conditions on measured bits. Explore the tree of measurement
//   outcomes once (each measurement splits a branch into its two renormalised outcomes, weighted by their
//   probabilities; branches below PRUNE_PROBABILITY are dropped), giving the exact outcome distribution, then
//   sample the shots from it. Terminal measurements are still read from each leaf's final distribution, not
//   split. When the tree would exceed the branch bound (count or memory), fall back to simulating each shot
//   and sampling each measurement with the PRNG.

import type { Circuit } from "../circuit/ir.js";
import { createPrng, type Prng } from "../stats/prng.js";
import { applySweeps } from "./blocking.js";
import type { Amplitudes, Kernel, Precision } from "./kernels/kernel.js";
import { selectKernel } from "./kernels/select.js";
import { outcomeKey, sortedRecord, topEntries } from "./outcomes.js";
import { coversAllQubits, plan, type SimulateOptions, type SimulationPlan, type Step } from "./plan.js";
import { SAMPLE_BLOCK, sampleIndices, sampleOneIndex } from "./sampling.js";
import { accumulateMarginal, conditionHolds, gatherBits, toPairs } from "./statevector.js";
import { topKOfAmplitudes, topKOfDistribution } from "./top-k.js";

export interface SimulationResult {
  qubits: number;
  clbits: number;
  shots: number;
  seed: number;
  counts: Record<string, number>;
  probabilities?: Record<string, number>;
  statevector?: Array<[number, number]>;
  timing: { simulateMs: number };
  /** How it was computed: the plan's kernel, precision, threads and fusion (always set by `run`). */
  engine?: EngineReport;
  notes?: string[];
}

export interface EngineReport {
  kernel: string;
  precision: Precision;
  threads: number;
  /** Largest fused unitary (0: fusion off), gates before and unitary passes after fusion. */
  fusion: { maxQubits: number; gatesIn: number; gatesOut: number };
  /** Cache-blocking chunk width in qubits (0: off). */
  blockQubits: number;
  /** Sweeps over the statevector, and the bytes each reads plus writes. */
  passes: number;
  bytesPerPass: number;
}

/** Outcomes below this probability are left out of `probabilities`. */
export const MIN_REPORTED_PROBABILITY = 1e-12;
/** Branches of the measurement tree less likely than this are dropped. */
export const PRUNE_PROBABILITY = 1e-14;

export function simulate(circuit: Circuit, options: SimulateOptions = {}): SimulationResult {
  const start = performance.now();
  const result = run(plan(circuit, options));
  result.timing.simulateMs = performance.now() - start;
  return result;
}

interface Outcome {
  /** Outcome key → probability (exact) or count. */
  distribution: Map<string, number>;
  exact: boolean;
  /** The state reported with `statevector`. */
  state: Amplitudes;
  notes: string[];
}

/** Execute a plan (never validates again). */
export function run(p: SimulationPlan): SimulationResult {
  const start = performance.now();
  const kernel = selectKernel(p.kernel);
  kernel.setThreads?.(p.threads);
  const rng = createPrng(p.seed);
  const notes: string[] = [];
  if (!p.measured)
    notes.push(
      "the circuit has no measurement: every qubit was sampled; keys are qubit bitstrings, qubit 0 rightmost",
    );

  let counts: Map<string, number>;
  let probabilities: Map<string, number> | undefined;
  let state: Amplitudes;
  let normSquared: number | undefined;
  if (p.mode === "sample-once") {
    state = kernel.createState(p.numQubits, p.precision);
    // No mid-circuit measurement here: the clbits stay 0, and the plan scheduled the gates that run.
    const clbits = new Uint8Array(p.numClbits);
    if (!p.sweeps) throw new Error("run: a sample-once plan carries its sweeps");
    applySweeps(kernel, state, p.numQubits, p.sweeps, p.blockQubits);
    // The terminal qubits' bits where the sweeps left them (plan.ts, positions).
    const terminalQubits = Int32Array.from(p.terminal, (t) => p.positions?.[t.qubit] ?? t.qubit);
    const keyOf = keyMaker(p, clbits);
    counts = new Map();
    const blockSums = kernel.blockNorms?.(state, p.numQubits, SAMPLE_BLOCK);
    // The norm² for the complex64 drift note from the block table when there is one (no second read pass).
    if (blockSums) {
      normSquared = 0;
      for (let i = 0; i < blockSums.length; i++) normSquared += blockSums[i];
    }
    const sampled = sampleIndices(state, "amplitudes", p.shots, rng, blockSums);
    for (let h = 0; h < sampled.indices.length; h++) {
      const key = keyOf(gatherBits(sampled.indices[h], terminalQubits));
      counts.set(key, (counts.get(key) ?? 0) + sampled.counts[h]);
    }
    if (p.probabilities && p.top !== undefined) {
      // Top-K: one pass keeping K entries; keys only for those (top-k.ts).
      const top = coversAllQubits(p.terminal, p.numQubits)
        ? topKOfAmplitudes(
            state,
            p.top,
            MIN_REPORTED_PROBABILITY,
            terminalQubits.every((q, j) => q === j) ? undefined : (i) => gatherBits(i, terminalQubits),
          )
        : topKOfDistribution(marginalOf(state, terminalQubits), p.top, MIN_REPORTED_PROBABILITY);
      probabilities = new Map(top.indices.map((g, j) => [keyOf(g), top.probabilities[j]]));
    } else if (p.probabilities) {
      const marginal = marginalOf(state, terminalQubits);
      probabilities = new Map();
      for (let g = 0; g < marginal.length; g++) {
        if (marginal[g] >= MIN_REPORTED_PROBABILITY) probabilities.set(keyOf(g), marginal[g]);
      }
    }
  } else {
    const tree = exploreTree(p, kernel);
    if (tree) {
      state = tree.state;
      notes.push(...tree.notes);
      const keys = [...tree.distribution.keys()].sort();
      const weights = Float64Array.from(keys, (k) => tree.distribution.get(k)!);
      counts = new Map();
      const sampled = sampleIndices(weights, "probabilities", p.shots, rng);
      for (let h = 0; h < sampled.indices.length; h++)
        counts.set(keys[sampled.indices[h]], sampled.counts[h]);
      if (p.probabilities) {
        probabilities = new Map();
        for (let i = 0; i < keys.length; i++)
          if (weights[i] >= MIN_REPORTED_PROBABILITY) probabilities.set(keys[i], weights[i]);
      }
    } else {
      const shots = perShot(p, kernel, rng);
      state = shots.state;
      counts = shots.distribution;
      notes.push(...shots.notes);
      if (p.probabilities) {
        probabilities = new Map([...counts].map(([k, c]) => [k, c / p.shots]));
        notes.push(
          "probabilities are estimated from the shots (the measurement tree was too large to enumerate)",
        );
      }
    }
  }

  const result: SimulationResult = {
    qubits: p.numQubits,
    clbits: p.circuitClbits,
    shots: p.shots,
    seed: p.seed,
    counts: p.top !== undefined ? topEntries(Object.fromEntries(counts), p.top) : sortedRecord(counts),
    timing: { simulateMs: 0 },
    engine: {
      kernel: kernel.name,
      precision: p.precision,
      threads: p.threads,
      fusion: p.fusion,
      blockQubits: p.blockQubits,
      passes: p.passes,
      bytesPerPass: p.bytesPerPass,
    },
  };
  if (probabilities)
    result.probabilities =
      p.top !== undefined && p.mode !== "sample-once"
        ? topEntries(Object.fromEntries(probabilities), p.top)
        : sortedRecord(probabilities);
  if (p.statevector) result.statevector = toPairs(state, p.positions);
  if (p.precision === "single") {
    // complex64 rounds every product: report how far the norm drifted from 1 (issue 5: documented error).
    const drift = (normSquared ?? kernel.normSquared(state, p.numQubits)) - 1;
    notes.push(`single precision: the final norm² differs from 1 by ${drift.toExponential(2)}`);
  }
  if (notes.length > 0) result.notes = notes;
  kernel.release?.(state);
  result.timing.simulateMs = performance.now() - start;
  return result;
}

/** The distribution of the terminal measurements' bits (2^m entries). */
function marginalOf(state: Amplitudes, terminalQubits: Int32Array): Float64Array {
  const marginal = new Float64Array(2 ** terminalQubits.length);
  accumulateMarginal(state, terminalQubits, 1, marginal);
  return marginal;
}

/** Maps gathered terminal-measurement bits to a key, on top of the mid-circuit clbits `base`. */
function keyMaker(p: SimulationPlan, base: Uint8Array): (gathered: number) => string {
  // Common case (`measure q -> c` with one register, or no measurement): every clbit is terminal measurement j
  // into clbit j, so the key is the gathered bits in binary; this keeps 1e6-outcome sampling fast.
  const reg = p.keyRegisters[0];
  if (
    p.keyRegisters.length === 1 &&
    reg.size > 0 &&
    reg.offset === 0 &&
    reg.size === p.numClbits &&
    p.terminal.length === p.numClbits &&
    p.terminal.every((t, j) => t.clbit === j)
  )
    return (g) => g.toString(2).padStart(reg.size, "0");
  const clbits = new Uint8Array(p.numClbits);
  return (g) => {
    clbits.set(base);
    for (let j = 0; j < p.terminal.length; j++) clbits[p.terminal[j].clbit] = (g >>> j) & 1;
    return outcomeKey(clbits, p.keyRegisters);
  };
}

interface Branch {
  state: Amplitudes;
  probability: number;
  clbits: Uint8Array;
}

/** Apply one measurement or reset outcome to a branch in place. */
function settle(kernel: Kernel, n: number, b: Branch, step: Step, outcome: 0 | 1, p: number): void {
  kernel.collapse(
    b.state,
    n,
    (step as { qubit: number }).qubit,
    outcome,
    1 / Math.sqrt(p),
    step.kind === "reset",
  );
  if (step.kind === "measure") b.clbits[step.clbit] = outcome;
}

/** The exact outcome distribution by enumerating measurement branches, or null when the tree is too large. */
function exploreTree(p: SimulationPlan, kernel: Kernel): Outcome | null {
  if (p.maxBranches < 2) return null;
  const n = p.numQubits;
  let branches: Branch[] = [
    { state: kernel.createState(n, p.precision), probability: 1, clbits: new Uint8Array(p.numClbits) },
  ];
  let pruned = 0;
  for (const step of p.steps) {
    const next: Branch[] = [];
    for (let i = 0; i < branches.length; i++) {
      const b = branches[i];
      if (step.condition && !conditionHolds(step.condition, b.clbits)) {
        next.push(b);
        continue;
      }
      if (step.kind === "unitary") {
        kernel.apply(b.state, n, step.op);
        next.push(b);
        continue;
      }
      const p1 = Math.min(1, Math.max(0, kernel.probabilityOne(b.state, n, step.qubit)));
      const p0 = 1 - p1;
      if (b.probability * p1 < PRUNE_PROBABILITY || b.probability * p0 < PRUNE_PROBABILITY) {
        const outcome: 0 | 1 = p1 > p0 ? 1 : 0;
        const kept = outcome ? p1 : p0;
        pruned += b.probability * (1 - kept);
        settle(kernel, n, b, step, outcome, kept);
        b.probability *= kept;
        next.push(b);
        continue;
      }
      // Live after the split: the ones already processed, the two halves, and the ones still waiting.
      if (next.length + 2 + (branches.length - i - 1) > p.maxBranches) return null;
      const one: Branch = {
        state: b.state.slice(),
        probability: b.probability * p1,
        clbits: b.clbits.slice(),
      };
      settle(kernel, n, b, step, 0, p0);
      b.probability *= p0;
      settle(kernel, n, one, step, 1, p1);
      next.push(b, one);
    }
    branches = next;
  }

  const terminalQubits = Int32Array.from(p.terminal, (t) => t.qubit);
  const marginal = new Float64Array(2 ** terminalQubits.length);
  const distribution = new Map<string, number>();
  let likeliest = branches[0];
  for (const b of branches) {
    if (b.probability > likeliest.probability) likeliest = b;
    marginal.fill(0);
    accumulateMarginal(b.state, terminalQubits, b.probability, marginal);
    const keyOf = keyMaker(p, b.clbits);
    for (let g = 0; g < marginal.length; g++) {
      if (marginal[g] === 0) continue;
      const key = keyOf(g);
      distribution.set(key, (distribution.get(key) ?? 0) + marginal[g]);
    }
  }
  const notes: string[] = [
    `mid-circuit measurement: exact outcome distribution from ${branches.length} measurement branch(es)`,
  ];
  if (pruned > 0) notes.push(`branches with total probability ${pruned.toExponential(1)} were pruned`);
  if (p.statevector)
    notes.push(
      `statevector: the most likely branch (probability ${likeliest.probability.toPrecision(6)}), ` +
        `mid-circuit clbits ${outcomeKey(likeliest.clbits, p.keyRegisters)}`,
    );
  return { distribution, exact: true, state: likeliest.state, notes };
}

/** The fallback: run the circuit once per shot, sampling each measurement with the PRNG. */
function perShot(p: SimulationPlan, kernel: Kernel, rng: Prng): Outcome {
  const n = p.numQubits;
  const b: Branch = {
    state: kernel.createState(n, p.precision),
    probability: 1,
    clbits: new Uint8Array(p.numClbits),
  };
  const terminalQubits = Int32Array.from(p.terminal, (t) => t.qubit);
  const counts = new Map<string, number>();
  for (let shot = 0; shot < p.shots; shot++) {
    b.state.fill(0);
    b.state[0] = 1;
    b.clbits.fill(0);
    for (const step of p.steps) {
      if (step.condition && !conditionHolds(step.condition, b.clbits)) continue;
      if (step.kind === "unitary") {
        kernel.apply(b.state, n, step.op);
        continue;
      }
      const p1 = Math.min(1, Math.max(0, kernel.probabilityOne(b.state, n, step.qubit)));
      const outcome: 0 | 1 = rng.nextDouble() < p1 ? 1 : 0;
      settle(kernel, n, b, step, outcome, outcome ? p1 : 1 - p1);
    }
    const key = keyMaker(p, b.clbits)(gatherBits(sampleOneIndex(b.state, rng), terminalQubits));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const notes = [
    `mid-circuit measurement: the measurement tree exceeded ${p.maxBranches} branches, so each shot was simulated`,
  ];
  if (p.statevector) notes.push("statevector: the state of the last shot");
  return { distribution: counts, exact: false, state: b.state, notes };
}
