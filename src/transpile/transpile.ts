// The transpiler: compile a circuit to a device model, Qiskit style, one pass per file:
//   unroll (u3 + cx) → merge/cancel → layout (region + placement) → SABRE routing (forward, backward,
//   forward) → native two-qubit gate → merge/cancel → single-qubit synthesis in the device basis → schedule.
// The result acts on a compact register (compact qubit i = physical qubit `physical[i]`), as wide as the
// input, so it can be simulated; `deviceCircuit` widens it to the device's numbering for OpenQASM output.

import type { Circuit, Operation } from "../circuit/ir.js";
import type { DeviceModel } from "../device/device-model.js";
import { opDurationNs } from "../device/noise-model.js";
import { scheduleAsap } from "../device/schedule.js";
import { userError } from "../errors.js";
import { u3Sequence, zsxSequence } from "./euler.js";
import { candidateRegions, initialLayout, layoutCost, REGION_CANDIDATES, type Region } from "./layout.js";
import { translateTwoQubit } from "./native.js";
import { cancelInversePairs, mergeSingleQubitRuns } from "./optimize.js";
import { type RoutingResult, reversed, route } from "./route.js";
import { unroll } from "./unroll.js";

export interface TranspileMetrics {
  /** Layers of operations (barriers excluded), as Qiskit's `depth()`. */
  depth: number;
  twoQubitGates: number;
  oneQubitGates: number;
  swaps: number;
  /** Scheduled duration of the gates (ns), measurements excluded. */
  durationNs: number;
}

export interface TranspileResult {
  device: string;
  /** The compiled circuit on compact qubits 0..n−1. */
  circuit: Circuit;
  /** Compact index → device qubit. */
  physical: number[];
  /** Logical qubit → device qubit at the start and at the end (the final permutation). */
  initialLayout: number[];
  finalLayout: number[];
  metrics: TranspileMetrics;
  /** The original's metrics for comparison (gates of the input circuit, no routing). */
  input: { depth: number; twoQubitGates: number; gates: number };
}

export function depthOf(circuit: Circuit): number {
  const level = new Int32Array(circuit.numQubits);
  let depth = 0;
  for (const op of circuit.ops) {
    if (op.kind === "barrier") {
      const top = Math.max(0, ...op.qubits.map((q) => level[q]));
      for (const q of op.qubits) level[q] = top;
      continue;
    }
    const qubits = op.kind === "gate" ? op.qubits : [op.qubit];
    const d = Math.max(...qubits.map((q) => level[q])) + 1;
    for (const q of qubits) level[q] = d;
    depth = Math.max(depth, d);
  }
  return depth;
}

function optimise(c: Circuit, synth: Parameters<typeof mergeSingleQubitRuns>[1]): Circuit {
  let cur = mergeSingleQubitRuns(c, synth);
  for (let round = 0; round < 4; round++) {
    const { circuit, removed } = cancelInversePairs(cur);
    cur = mergeSingleQubitRuns(circuit, synth);
    if (removed === 0) break;
  }
  return cur;
}

/**
 * Work budgets, checked before the work (issue 15): routing tries REGION_CANDIDATES placements and SABRE's
 * backward and forward passes, each scoring candidate SWAPs for every two-qubit gate, so its cost grows with
 * two-qubit gates × qubits (about 20 µs a unit on the 2-core reference machine: the limit is about 40 s there).
 * Unrolling multiplies operations by the decompositions' sizes, so the unrolled count is bounded too.
 */
export const TRANSPILE_LIMITS = {
  /** Operations after unrolling every gate to u3 and cx. */
  maxOperations: 4_000_000,
  /** Two-qubit gates after unrolling × the circuit's qubits. */
  maxRoutingWork: 2_000_000,
} as const;

export interface TranspileOptions {
  /** Two-qubit gates × qubits the caller allows (default TRANSPILE_LIMITS.maxRoutingWork). */
  maxRoutingWork?: number;
}

/** u3 + cx operations and cx gates one library gate unrolls to (its parameters change neither bound). */
const unrolledSize = new Map<string, { ops: number; cx: number }>();
function sizeOfUnrolled(name: string, qubits: number): { ops: number; cx: number } {
  let size = unrolledSize.get(name);
  if (!size) {
    const probe: Circuit = {
      numQubits: qubits,
      numClbits: 0,
      qregs: [{ name: "q", size: qubits, offset: 0 }],
      cregs: [],
      ops: [
        { kind: "gate", name, qubits: Array.from({ length: qubits }, (_, i) => i), params: [0.3, 0.5, 0.7] },
      ],
    };
    const ops = unroll(probe).ops;
    size = {
      ops: Math.max(1, ops.length),
      cx: ops.filter((o) => o.kind === "gate" && o.name === "cx").length,
    };
    unrolledSize.set(name, size);
  }
  return size;
}

/** Refuses, before unrolling or routing, a circuit whose unrolled size or routing work is beyond the limits. */
function checkTranspileBudget(circuit: Circuit, maxRoutingWork: number): void {
  let ops = 0;
  let cx = 0;
  for (const op of circuit.ops) {
    if (op.kind !== "gate") {
      ops++;
      continue;
    }
    const s = sizeOfUnrolled(op.name, op.qubits.length);
    ops += s.ops;
    cx += s.cx;
  }
  if (ops > TRANSPILE_LIMITS.maxOperations)
    throw userError(
      "Transpile.Limit.TooManyOperations",
      `the circuit unrolls to ${ops.toLocaleString("en-US")} operations; the transpiler's limit is ` +
        `${TRANSPILE_LIMITS.maxOperations.toLocaleString("en-US")}`,
      { field: "circuit", hint: "transpile a smaller circuit, or split it" },
    );
  const work = cx * circuit.numQubits;
  if (work > maxRoutingWork)
    throw userError(
      "Transpile.Limit.RoutingWork",
      `routing ${cx.toLocaleString("en-US")} two-qubit gates on ${circuit.numQubits} qubits is ` +
        `${work.toLocaleString("en-US")} units of work (two-qubit gates × qubits), beyond the routing limit of ` +
        `${maxRoutingWork.toLocaleString("en-US")}`,
      { field: "circuit", hint: "route fewer two-qubit gates or fewer qubits (split the circuit)" },
    );
}

export function transpile(
  circuit: Circuit,
  device: DeviceModel,
  options: TranspileOptions = {},
): TranspileResult {
  const n = circuit.numQubits;
  if (n > device.qubits)
    throw userError(
      "Transpile.CircuitTooWide",
      `the circuit uses ${n} qubits but ${device.id} has ${device.qubits}`,
      {
        field: "circuit",
        hint: "choose a larger device (see `qfit devices --kind qpu`) or a smaller circuit",
      },
    );
  for (const op of circuit.ops)
    if (op.kind !== "barrier" && op.condition)
      throw userError(
        "Transpile.Unsupported",
        "the transpiler does not handle classically conditioned operations",
        {
          field: "circuit",
        },
      );
  checkTranspileBudget(circuit, options.maxRoutingWork ?? TRANSPILE_LIMITS.maxRoutingWork);
  const input = {
    depth: depthOf(circuit),
    twoQubitGates: circuit.ops.filter((o) => o.kind === "gate" && o.qubits.length === 2).length,
    gates: circuit.ops.filter((o) => o.kind === "gate").length,
  };
  const logical = optimise(unroll(circuit), u3Sequence);
  // Route on every candidate region, then refine the best with SABRE's bidirectional passes (the end layout
  // of a backward pass is a better start layout); fewest SWAPs wins, ties to the earlier candidate.
  let region: Region | null = null;
  let routed: RoutingResult | null = null;
  const ranked = candidateRegions(device.coupling, n)
    .map((region) => {
      const layout = initialLayout(logical, region);
      return { region, layout, cost: layoutCost(logical, region, layout) };
    })
    .sort((a, b) => a.cost - b.cost)
    .slice(0, REGION_CANDIDATES);
  for (const { region: candidate, layout } of ranked) {
    const r = route(logical, candidate, layout);
    if (!routed || r.swaps < routed.swaps) {
      routed = r;
      region = candidate;
    }
    if (routed.swaps === 0) break;
  }
  if (!routed || !region) throw new Error("transpile: no region");
  if (routed.swaps > 0) {
    const back = route(reversed(logical), region, routed.finalLayout);
    const again = route(logical, region, back.finalLayout);
    if (again.swaps < routed.swaps) routed = again;
  }
  const initial = inferInitial(routed.ops, routed.finalLayout, n);
  const compact: Circuit = {
    numQubits: n,
    numClbits: circuit.numClbits,
    qregs: n > 0 ? [{ name: "q", size: n, offset: 0 }] : [],
    cregs: circuit.cregs.map((r) => ({ ...r })),
    ops: routed.ops,
  };
  const synth = device.basis.oneQubit === "zsx" ? zsxSequence : u3Sequence;
  const native = optimise(translateTwoQubit(optimise(compact, u3Sequence), device.basis.twoQubit), synth);
  const schedule = scheduleAsap(native, (op) => opDurationNs(device.noise, op));
  const metrics: TranspileMetrics = {
    depth: depthOf(native),
    twoQubitGates: native.ops.filter((o) => o.kind === "gate" && o.qubits.length === 2).length,
    oneQubitGates: native.ops.filter((o) => o.kind === "gate" && o.qubits.length === 1).length,
    swaps: routed.swaps,
    durationNs: schedule.gatesDurationNs,
  };
  return {
    device: device.id,
    circuit: native,
    physical: region.physical,
    initialLayout: initial.map((c) => region.physical[c]),
    finalLayout: routed.finalLayout.map((c) => region.physical[c]),
    metrics,
    input,
  };
}

/** Undo the swaps from the final layout to recover the start layout the chosen routing pass used. */
function inferInitial(ops: Operation[], finalLayout: readonly number[], n: number): number[] {
  const p2l = new Array<number>(n).fill(-1);
  finalLayout.forEach((p, l) => {
    p2l[p] = l;
  });
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    if (op.kind === "gate" && op.name === "swap") {
      const [a, b] = op.qubits;
      [p2l[a], p2l[b]] = [p2l[b], p2l[a]];
    }
  }
  const l2p = new Array<number>(n).fill(-1);
  p2l.forEach((l, p) => {
    if (l >= 0) l2p[l] = p;
  });
  return l2p;
}

/** The compiled circuit on the device's own qubit numbering (one register as wide as the device). */
export function deviceCircuit(r: TranspileResult, deviceQubits: number): Circuit {
  const map = (q: number) => r.physical[q];
  return {
    numQubits: deviceQubits,
    numClbits: r.circuit.numClbits,
    qregs: [{ name: "q", size: deviceQubits, offset: 0 }],
    cregs: r.circuit.cregs.map((c) => ({ ...c })),
    ops: r.circuit.ops.map((op): Operation => {
      if (op.kind === "gate") return { ...op, qubits: op.qubits.map(map), params: [...op.params] };
      if (op.kind === "barrier") return { kind: "barrier", qubits: op.qubits.map(map) };
      return { ...op, qubit: map(op.qubit) };
    }),
  };
}
