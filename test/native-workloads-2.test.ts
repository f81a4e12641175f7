// Hamiltonian simulation, chemistry, QAOA MaxCut and annealing through the shared native-workload verdict.
import { describe, expect, it } from "vitest";
import { bestStrategy } from "../src/verdict/compose.js";
import { annealingQubo, annealingQuboModel } from "../src/workloads/annealing-qubo.js";
import {
  ccsdTFlops,
  chemistry,
  chemistryModel,
  chemistryPresets,
  log10Binomial,
  log10Determinants,
  qubitFit,
  toffoliFit,
} from "../src/workloads/chemistry.js";
import { hamiltonianSimulation, trotterSteps } from "../src/workloads/hamiltonian-simulation.js";
import { parseWorkloadInput } from "../src/workloads/input.js";
import { qaoaCircuit, qaoaMaxcut, qaoaMaxcutModel } from "../src/workloads/qaoa-maxcut.js";
import type { WorkloadDefinition } from "../src/workloads/workload.js";

const verdict = (def: WorkloadDefinition, raw: Record<string, unknown> = {}, skipCrossover = true) =>
  def.evaluate(parseWorkloadInput(def, raw) as never, { t0: 2025, skipCrossover });
const memory = (v: ReturnType<typeof verdict>) =>
  v.classical.constraints.find((c) => c.name === "classical-memory");

describe("hamiltonian-simulation", () => {
  it("first-order Trotter steps follow t²·4(n−1)/(2ε) (Childs et al. 2021)", () => {
    expect(trotterSteps(10, 10, 1e-3)).toBe(Math.ceil((100 * 36) / 2e-3));
    expect(trotterSteps(10, 10, 1e-4)).toBe(10 * trotterSteps(10, 10, 1e-3));
  });

  it("the classical statevector hits the memory wall: 2^n × 16 bytes beyond the cluster's memory", () => {
    const small = verdict(hamiltonianSimulation, { sites: 30 });
    expect(memory(small)?.satisfied).toBe(true);
    const big = verdict(hamiltonianSimulation, { sites: 50 }, false);
    expect(memory(big)?.needed).toBe(2 ** 50 * 16);
    expect(memory(big)?.satisfied).toBe(false);
    expect(big.classical.feasible).toBe(false);
    // 16,000 × 80 GB = 1.28e15 bytes hold at most 2^46 amplitudes, so the crossover is at or below 47 sites.
    expect(big.crossover.size as number).toBeLessThanOrEqual(47);
  });

  it("1D chain: one qubit per site, rotations counted by the estimator", () => {
    const v = verdict(hamiltonianSimulation, { model: "tfim-1d", sites: 20, evolutionTime: 5 });
    const counts = bestStrategy(v).faultTolerance?.counts;
    expect(counts?.numQubits).toBe(20);
    expect(counts?.rotationCount).toBe(trotterSteps(20, 5, 1e-3) * 39);
    expect(counts?.rotationDepth).toBe(3 * trotterSteps(20, 5, 1e-3));
  });
});

describe("chemistry", () => {
  it("the two-point fit passes through both published THC costs (OpenFermion's reproduction of Lee et al. 2021)", () => {
    const [reiher, li] = chemistryPresets;
    expect(toffoliFit.at(108)).toBeCloseTo(reiher.toffolis, -1);
    expect(toffoliFit.at(152) / li.toffolis).toBeCloseTo(1, 12);
    expect(qubitFit.at(152) / li.logicalQubits).toBeCloseTo(1, 12);
  });

  it("FeMoco (Reiher): exact published counts on the quantum side; DMRG, not FCI, on the classical side", () => {
    const v = verdict(chemistry);
    expect(bestStrategy(v).faultTolerance?.counts.cczCount).toBe(5_250_145_120);
    expect(bestStrategy(v).faultTolerance?.counts.numQubits).toBe(2142);
    // C(54, 27)² ≈ 3.8e30 determinants: FCI cannot be held, so DMRG is the classical method.
    expect(log10Determinants(108, 54)).toBeCloseTo(2 * Math.log10(1.946939425648112e15), 6);
    expect(v.classical.formula).toMatch(/^DMRG: 20 sweeps .* M = 6,000 .*FCI would take/);
    expect(memory(v)?.satisfied).toBe(true);
    expect(v.unverified.join(" ")).toMatch(/electrons/);
    expect(v.unverified.join(" ")).toMatch(/DMRG at M = 6,000 reaching the quantum side's 1 mHa accuracy/);
  });

  it("binomials and CCSD(T) counts", () => {
    expect(10 ** log10Binomial(10, 5)).toBeCloseTo(252, 9);
    expect(log10Binomial(5, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(ccsdTFlops(108, 54)).toBe(27 ** 7);
  });

  it("user counts replace the fitted ones at their size", () => {
    const v = verdict(chemistry, {
      spinOrbitals: 100,
      electrons: 50,
      counts: { numQubits: 1500, cczCount: 1e9 },
    });
    expect(bestStrategy(v).faultTolerance?.counts.cczCount).toBe(1e9);
  });

  it("rejects bad active spaces and unknown presets", () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { details?: { field?: string } }).details?.field;
      }
    };
    expect(field(() => chemistryModel({ preset: "water" }))).toBe("preset");
    expect(field(() => chemistryModel({ spinOrbitals: 20, electrons: 30 }))).toBe("electrons");
    expect(field(() => chemistryModel({ spinOrbitals: 21, electrons: 10 }))).toBe("spinOrbitals");
  });
});

describe("qaoa-maxcut", () => {
  it("circuit shape: 3n/2 edges × 2 CNOTs per layer, 4 colour rounds", () => {
    const c = qaoaCircuit(100, 2);
    expect(c.twoQubitGates).toBe(2 * 150 * 2);
    expect(c.depth).toBe(2 * 4 * 2);
  });

  it("small graphs run but lose to the classical SDP; larger ones are lost in noise or do not fit", () => {
    const small = verdict(qaoaMaxcut, { nodes: 20 });
    expect(bestStrategy(small).feasible).toBe(true);
    expect(small.winner).toBe("classical");
    const large = bestStrategy(verdict(qaoaMaxcut, { nodes: 400 }));
    expect(large.feasible).toBe(false);
    const unmet = large.constraints.filter((c) => !c.satisfied).map((c) => c.name);
    expect(unmet).toEqual(expect.arrayContaining(["qubits", "success-probability"]));
    expect(small.notes.join(" ")).toMatch(/0\.6924/);
  });

  it("more layers never make a run faster (deeper circuit, lower success probability)", () => {
    let prev = 0;
    for (const layers of [1, 2, 4, 8]) {
      const s = bestStrategy(verdict(qaoaMaxcut, { nodes: 20, layers })).seconds;
      expect(s).toBeGreaterThan(prev);
      prev = s;
    }
  });

  it("rejects odd node counts and an unknown QPU", () => {
    expect(() => qaoaMaxcutModel({ nodes: 21 })).toThrow(/multiple of 2/);
    expect(() => qaoaMaxcutModel({ qpu: "nope" })).toThrow(/unknown qpu/);
  });
});

describe("annealing-qubo", () => {
  it("job time = overheads + reads × (anneal + readout); too many variables do not fit", () => {
    const v = bestStrategy(verdict(annealingQubo, { variables: 1000, reads: 100 }));
    const w = bestStrategy(verdict(annealingQubo, { variables: 1000, reads: 200 }));
    // Doubling the reads adds exactly 100 × (20 µs + 250 µs).
    expect(w.seconds - v.seconds).toBeCloseTo(100 * 270e-6, 12);
    const big = bestStrategy(verdict(annealingQubo, { variables: 20_000 }));
    expect(big.feasible).toBe(false);
  });

  it("cores only scale the sample-parity reference in the notes, not the equal-quality verdict", () => {
    const one = verdict(annealingQubo, { cpuCores: 1 });
    const many = verdict(annealingQubo, { cpuCores: 64 });
    expect(many.classical.seconds).toBe(one.classical.seconds);
    expect(one.notes.join(" ")).toMatch(/on 1 core takes 7 s/);
    expect(many.notes.join(" ")).toMatch(/on 64 cores takes 109 ms/);
  });

  it("rejects an anneal time outside the device's range", () => {
    expect(() => annealingQuboModel({ annealUs: 1e6 })).toThrow(/range/);
  });
});
