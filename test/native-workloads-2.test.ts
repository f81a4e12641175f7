// Hamiltonian simulation, chemistry, QAOA MaxCut and annealing through the shared native-workload verdict.
import { describe, expect, it } from "vitest";
import { estimateNative } from "../src/estimate/native.js";
import { annealingQuboModel } from "../src/workloads/annealing-qubo.js";
import {
  ccsdTFlops,
  chemistryModel,
  chemistryPresets,
  log10Binomial,
  log10Determinants,
  qubitFit,
  toffoliFit,
} from "../src/workloads/chemistry.js";
import { hamiltonianSimulationModel, trotterSteps } from "../src/workloads/hamiltonian-simulation.js";
import { qaoaCircuit, qaoaMaxcutModel } from "../src/workloads/qaoa-maxcut.js";

const T0 = { t0: 2025 };

describe("hamiltonian-simulation", () => {
  it("first-order Trotter steps follow t²·4(n−1)/(2ε) (Childs et al. 2021)", () => {
    expect(trotterSteps(10, 10, 1e-3)).toBe(Math.ceil((100 * 36) / 2e-3));
    expect(trotterSteps(10, 10, 1e-4)).toBe(10 * trotterSteps(10, 10, 1e-3));
  });

  it("the classical statevector hits the memory wall: 2^n × 16 bytes beyond the cluster's memory", () => {
    const small = estimateNative(hamiltonianSimulationModel({ sites: 30 }), T0);
    expect(small.classicalDetail.memoryFits).toBe(true);
    const big = estimateNative(hamiltonianSimulationModel({ sites: 50 }), T0);
    expect(big.classicalDetail.memoryBytes).toBe(2 ** 50 * 16);
    expect(big.classicalDetail.memoryFits).toBe(false);
    expect(big.gpu.feasible).toBe(false);
    // 16,000 × 80 GB = 1.28e15 bytes hold at most 2^46 amplitudes, so the crossover is at or below 47 sites.
    expect(big.crossover.size as number).toBeLessThanOrEqual(47);
  });

  it("1D chain: one qubit per site, rotations counted by the estimator", () => {
    const v = estimateNative(hamiltonianSimulationModel({ model: "tfim-1d", sites: 20, time: 5 }), T0);
    const counts = v.quantumDetail.estimate?.logicalCounts;
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
    const v = estimateNative(chemistryModel(), T0);
    expect(v.quantumDetail.estimate?.logicalCounts.cczCount).toBe(5_250_145_120);
    expect(v.quantumDetail.estimate?.logicalCounts.numQubits).toBe(2142);
    // C(54, 27)² ≈ 3.8e30 determinants: FCI cannot be held, so DMRG is the classical method.
    expect(log10Determinants(108, 54)).toBeCloseTo(2 * Math.log10(1.946939425648112e15), 6);
    expect(v.classicalDetail.formula).toMatch(/^DMRG: 20 sweeps .* M = 6,000 .*FCI would take/);
    expect(v.classicalDetail.memoryFits).toBe(true);
    expect(v.unverified.join(" ")).toMatch(/electrons/);
    expect(v.unverified.join(" ")).toMatch(/DMRG at M = 6,000 reaching the quantum side's 1 mHa accuracy/);
  });

  it("binomials and CCSD(T) counts", () => {
    expect(10 ** log10Binomial(10, 5)).toBeCloseTo(252, 9);
    expect(log10Binomial(5, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(ccsdTFlops(108, 54)).toBe(27 ** 7);
  });

  it("user counts replace the fitted ones at their size", () => {
    const v = estimateNative(
      chemistryModel({ spinOrbitals: 100, electrons: 50, counts: { numQubits: 1500, cczCount: 1e9 } }),
      T0,
    );
    expect(v.quantumDetail.estimate?.logicalCounts.cczCount).toBe(1e9);
  });

  it("rejects bad active spaces and unknown presets", () => {
    expect(() => chemistryModel({ preset: "water" })).toThrow(/unknown chemistry preset/);
    expect(() => chemistryModel({ spinOrbitals: 20, electrons: 30 })).toThrow(/electrons/);
    expect(() => chemistryModel({ spinOrbitals: 21, electrons: 10 })).toThrow(/even/);
  });
});

describe("qaoa-maxcut", () => {
  it("circuit shape: 3n/2 edges × 2 CNOTs per layer, 4 colour rounds", () => {
    const c = qaoaCircuit(100, 2);
    expect(c.twoQubitGates).toBe(2 * 150 * 2);
    expect(c.depth).toBe(2 * 4 * 2);
  });

  it("small graphs run but lose to the classical SDP; larger ones are lost in noise or do not fit", () => {
    const small = estimateNative(qaoaMaxcutModel({ nodes: 20 }), T0);
    expect(small.qpu.feasible).toBe(true);
    expect(small.winner).toBe("gpu");
    const large = estimateNative(qaoaMaxcutModel({ nodes: 400 }), T0);
    expect(large.qpu.feasible).toBe(false);
    expect(large.qpu.bindingBottleneck).toMatch(/156|success probability/);
    expect(small.notes.join(" ")).toMatch(/0\.6924/);
  });

  it("more layers never make a run faster (deeper circuit, lower success probability)", () => {
    let prev = 0;
    for (const layers of [1, 2, 4, 8]) {
      const s = estimateNative(qaoaMaxcutModel({ nodes: 20, layers }), T0).qpu.seconds;
      expect(s).toBeGreaterThan(prev);
      prev = s;
    }
  });

  it("rejects odd node counts and an unknown QPU", () => {
    expect(() => qaoaMaxcutModel({ nodes: 21 })).toThrow(/even/);
    expect(() => qaoaMaxcutModel({ qpu: "nope" })).toThrow(/unknown qpu/);
  });
});

describe("annealing-qubo", () => {
  it("job time = overheads + reads × (anneal + readout); too many variables do not fit", () => {
    const v = estimateNative(annealingQuboModel({ variables: 1000, reads: 100 }), T0);
    const w = estimateNative(annealingQuboModel({ variables: 1000, reads: 200 }), T0);
    // Doubling the reads adds exactly 100 × (20 µs + 250 µs).
    expect(w.qpu.seconds - v.qpu.seconds).toBeCloseTo(100 * 270e-6, 12);
    const big = estimateNative(annealingQuboModel({ variables: 20_000 }), T0);
    expect(big.qpu.feasible).toBe(false);
  });

  it("cores only scale the sample-parity reference in the notes, not the equal-quality verdict", () => {
    const one = estimateNative(annealingQuboModel({ cores: 1 }), T0);
    const many = estimateNative(annealingQuboModel({ cores: 64 }), T0);
    expect(many.classicalDetail.seconds).toBe(one.classicalDetail.seconds);
    expect(one.notes.join(" ")).toMatch(/on 1 core takes 7 s/);
    expect(many.notes.join(" ")).toMatch(/on 64 cores takes 109 ms/);
  });

  it("rejects an anneal time outside the device's range", () => {
    expect(() => annealingQuboModel({ annealUs: 1e6 })).toThrow(/range/);
  });
});
