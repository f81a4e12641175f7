// `qfit estimate <native workload>`, `qfit crossover` and `qfit roadmap` through the CLI entry point, in-process.
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

async function run(args: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe("qfit estimate (quantum-native workloads)", () => {
  it("shor --modulus-bits 2048 --json: Gidney 2025 counts (the default) through the fault-tolerant estimator", async () => {
    const r = await run(["estimate", "shor", "--modulus-bits", "2048", "--t0", "2025", "--json"]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v.schemaVersion).toBe(2);
    expect(v.workload.kind).toBe("shor");
    expect(v.workload.input.modulusBits).toBe(2048);
    const ft = v.strategies[0].faultTolerance;
    // Gidney 2025: 1,280 cold + 131 hot logical qubits, ≈ 6.5e9 Toffolis (estimation.md §4.3).
    expect(ft.counts.numQubits).toBe(1411);
    expect(ft.counts.cczCount).toBe(6_500_000_000);
    expect(v.notes.join(" ")).toMatch(/897,864 physical qubits/);
    expect(v.winner).toBe("neither");
    expect(v.classical.costUsd).toBeNull(); // no sourced CPU price
  });

  it("quantities as on every other command: --modulus-bits 4k", async () => {
    const r = await run(["estimate", "shor", "--modulus-bits", "4k", "--t0", "2025", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).workload.input.modulusBits).toBe(4000);
  });

  it("the terminal output shows the factors adding up, the constraints and the best strategy", async () => {
    const r = await run(["estimate", "shor", "--t0", "2025"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Bottleneck factors of shor-ft/);
    expect(r.out).toMatch(/error-correction/);
    expect(r.out).toMatch(/= quantum \/ classical/);
    expect(r.out).toMatch(/✗ physical-qubits/);
    expect(r.out).toMatch(/Best quantum strategy: shor-ft/);
  });

  it("grover --bits 40 prints the verdict", async () => {
    const r = await run(["estimate", "grover", "--search-bits", "40", "--t0", "2025"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Verdict: classical \(GPU\) wins; quantum side infeasible: physical-qubits: needs/);
    expect(r.out).toMatch(/Crossover: never/);
  });

  it.each([
    ["chemistry"],
    ["chemistry", "--preset", "femoco-li"],
    ["hamiltonian-simulation", "--sites", "30"],
    ["chemistry", "--spin-orbitals", "40", "--electrons", "20"],
    ["qaoa-maxcut", "--nodes", "20"],
    ["annealing-qubo", "--variables", "500"],
  ])("%s runs", async (...args) => {
    const r = await run(["estimate", ...args, "--t0", "2025", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).workload.kind).toBe(args[0]);
  });

  it("the seed's growth (156 qubits in 2024, doubling every 2 years) moves the crossover year", async () => {
    const a = JSON.parse((await run(["estimate", "shor", "--t0", "2025", "--json"])).out);
    const b = JSON.parse(
      (
        await run([
          "estimate",
          "shor",
          "--t0",
          "2025",
          "--start-qubits",
          "156",
          "--start-year",
          "2024",
          "--doubling-years",
          "2",
          "--json",
        ])
      ).out,
    );
    expect(b.crossover.size).toBe(a.crossover.size);
    // Same qubits needed at n*, slower growth (2 years per doubling against the fitted 1.62): a later year.
    expect(b.crossover.year).toBeGreaterThan(a.crossover.year);
    expect(b.workload.input.doublingYears).toBe(2);
  });

  it("a better qubit preset changes the estimate", async () => {
    const a = JSON.parse((await run(["estimate", "shor", "--t0", "2025", "--json"])).out);
    const b = JSON.parse(
      (await run(["estimate", "shor", "--t0", "2025", "--qubit", "qubit_gate_ns_e4", "--json"])).out,
    );
    expect(b.strategies[0].physicalQubits).toBeLessThan(a.strategies[0].physicalQubits);
  });

  const hot = JSON.stringify({
    name: "qubit_gate_ns_e3",
    oneQubitGateErrorRate: 0.02,
    twoQubitGateErrorRate: 0.02,
  });
  it.each([
    [["estimate", "shor", "--modulus-bits", "-2048"], /--modulus-bits/],
    [["estimate", "shor", "--modulus-bits", "20000"], /--modulus-bits: Too big/],
    [["estimate", "shor", "--bits", "2048"], /unknown option '--bits'/],
    [["estimate", "shor", "--qubit", "qubit_gate_ns_e7"], /unknown qubit preset/],
    [["estimate", "shor", "--qec", "floquet_code"], /floquet_code/],
    [["estimate", "shor", "--qubit", "hot.json"], /threshold/],
    [["estimate", "grover", "--search-bits", "400"], /--search-bits: Too big/],
    [["estimate", "chemistry", "--preset", "water"], /--preset: Invalid option/],
    [["estimate", "chemistry", "--spin-orbitals", "21", "--electrons", "10"], /--spin-orbitals/],
    [["estimate", "annealing-qubo", "--anneal-us", "5000"], /annealUs/],
    [["estimate", "qaoa-maxcut", "--qpu", "nope"], /unknown qpu/],
    [["estimate", "shor", "--t0", "1850"], /year/],
    [["crossover", "shor", "--hardware", "nope"], /unknown hardware preset/],
    [["crossover", "sorting"], /unknown workload/],
    [["crossover", "hamiltonian-simulation", "--hardware", "nobody"], /no vendor roadmap/],
    [["crossover", "hoefler", "--type", "fp64"], /--type/],
    [["crossover", "shor", "--mode", "price"], /mode/],
    [["roadmap", "--vendor", "acme"], /unknown vendor/],
  ])("exits 2 with a clear message: %j", async (args, message) => {
    const r = await run(args, { "hot.json": hot });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("qfit crossover", () => {
  it("shor on the pre-April-2025 IBM roadmap reproduces the MIT dataset (t0 = 2025)", async () => {
    const r = await run(["crossover", "shor", "--hardware", "ibm-2025-03", "--t0", "2025", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Math.abs(j.qea.year - 2028.87)).toBeLessThan(0.01);
    // The physical model runs on IBM's catalog device (its lowest published two-qubit error), not the default qubit.
    expect(j.device).toMatchObject({ id: "ibm-heron-r3", vendor: "IBM", changes: ["qubit"] });
    expect(j.physical.sizes.length).toBe(j.physical.quantumSeconds.length);
    expect(j.sensitivity.length).toBeGreaterThan(0);
  });

  it("--hardware VENDOR puts that vendor's catalog device on the quantum side of the physical model", async () => {
    const { catalog } = await import("../src/hardware/catalog.js");
    const json = async (...args: string[]) =>
      JSON.parse((await run(["crossover", ...args, "--t0", "2026", "--samples", "200", "--json"])).out);
    const ionq = await json("hamiltonian-simulation", "--hardware", "ionq");
    const quantinuum = await json("hamiltonian-simulation", "--hardware", "quantinuum");
    // The JSON names the device; the two devices' published error rates differ…
    expect(ionq.device.id).toBe("ionq-aria");
    expect(quantinuum.device.id).toBe("quantinuum-helios");
    const err = (id: string) => catalog.qpus.find((q) => q.id === id)!.twoQubitError;
    expect(err("ionq-aria")).not.toBe(err("quantinuum-helios"));
    // …and so do the crossover results: the quantum side's time along the curve, and its band.
    expect(ionq.physical.quantumSeconds).not.toEqual(quantinuum.physical.quantumSeconds);
    expect(ionq.uncertainty.quantiles.physicalQubits).not.toEqual(
      quantinuum.uncertainty.quantiles.physicalQubits,
    );
    // A device run takes the vendor's device itself.
    expect((await json("qaoa-maxcut", "--hardware", "ionq")).device).toMatchObject({
      id: "ionq-aria",
      changes: ["qpu"],
    });
    // A vendor with no device in the catalog changes nothing in the physical model (device null).
    const none = await json("hamiltonian-simulation", "--hardware", "pasqal");
    const plain = await json("hamiltonian-simulation");
    expect(none.device).toBeNull();
    expect(none.physical.quantumSeconds).toEqual(plain.physical.quantumSeconds);
  });

  it("babbush reproduces Table I's 100 days (d = 2, S = 1e3)", async () => {
    const r = await run(["crossover", "babbush", "--parallelism", "1e3", "--json"]);
    const j = JSON.parse(r.out);
    expect(j.breakEvenSeconds / 86_400).toBeGreaterThan(95);
    expect(j.breakEvenSeconds / 86_400).toBeLessThan(105);
  });

  it("hoefler prints Table 2's fp16 row", async () => {
    const r = await run(["crossover", "hoefler", "--type", "fp16"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/degree 3: 4\.59e4/);
  });
});

describe("qfit roadmap", () => {
  it("--json carries the history, the fits and the seed-claim check", async () => {
    const r = await run(["roadmap", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.seedClaim[0].holds).toBe(true);
    expect(j.seedClaim[2].holds).toBe(false);
    expect(j.ibmRecordFit.doublingYears).toBeCloseTo(1.0, 1);
    expect(j.projections.length).toBeGreaterThan(2);
  });

  it("--vendor ibm lists IBM's milestones only", async () => {
    const r = await run(["roadmap", "--vendor", "ibm"]);
    expect(r.out).toMatch(/Starling/);
    expect(r.out).not.toMatch(/Helios/);
  });
});
