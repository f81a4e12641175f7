// `qfit estimate shor|grover|chemistry|hamiltonian-simulation|qaoa-maxcut|annealing-qubo`: quantum-native
// workloads, each ending in the shared Verdict (src/estimate/native.ts). Options common to all: the qubit model and
// QEC scheme of the fault-tolerant side, the error budget, t0, the feasibility horizon, --json.
import type { Command } from "@commander-js/extra-typings";
import pc from "picocolors";
import { userError } from "../errors.js";
import type { Boundary } from "../estimate/baselines/lattice-dynamics.js";
import type { LogicalCounts, QecSchemeInput, QubitParamsInput } from "../estimate/ftqc/types.js";
import {
  estimateNative,
  type NativeModel,
  type NativeOptions,
  type NativeVerdict,
} from "../estimate/native.js";
import { defaultGrowth } from "../estimate/qubit-trend.js";
import { formatDuration, formatSci } from "../units/format.js";
import { annealingQuboModel } from "../workloads/annealing-qubo.js";
import { chemistryModel, chemistryPresets } from "../workloads/chemistry.js";
import { groverModel } from "../workloads/grover.js";
import { type HsModel, hamiltonianSimulationModel } from "../workloads/hamiltonian-simulation.js";
import { qaoaMaxcutModel } from "../workloads/qaoa-maxcut.js";
import { type ShorCostSource, shorModel } from "../workloads/shor.js";
import { looksLikeFile, readJson } from "./estimate-ft.js";
import type { Io } from "./io.js";
import { parseYear, quantity } from "./options.js";
import { renderVerdictTail } from "./verdict-text.js";

const int = (field: string) => quantity(field, true);
const num = (field: string) => quantity(field);

interface CommonOpts {
  qubit?: string;
  qec?: string;
  budget?: number;
  t0?: number;
  horizon?: number;
  startQubits?: number;
  startYear?: number;
  doubling?: number;
  json?: true;
}

function withCommon(cmd: Command) {
  return cmd
    .option(
      "--qubit <preset|file>",
      "fault-tolerant qubit model: Azure preset or qubitParams JSON (default qubit_gate_ns_e3)",
    )
    .option(
      "--qec <scheme|file>",
      "QEC scheme: surface_code, floquet_code or a qecScheme JSON (default surface_code)",
    )
    .option("--budget <epsilon>", "total error budget in (0, 1) (default 1e-3)", num("--budget"))
    .option(
      "--t0 <year>",
      "reference year for 'available today' and the crossover year (default: current year)",
      parseYear("--t0"),
    )
    .option("--horizon <years>", "a run longer than this is infeasible (default 1)", num("--horizon"))
    .option(
      "--start-qubits <n>",
      "qubit growth: qubits available in --start-year (default: the history trend)",
      num("--start-qubits"),
    )
    .option("--start-year <year>", "qubit growth: year of --start-qubits", parseYear("--start-year"))
    .option("--doubling <years>", "qubit growth: years per doubling", num("--doubling"))
    .option("--json", "machine-readable verdict");
}

function nativeOptions(io: Io, o: CommonOpts): NativeOptions {
  const out: NativeOptions = {};
  if (o.qubit !== undefined)
    out.qubit = looksLikeFile(o.qubit) ? (readJson(io, o.qubit) as QubitParamsInput) : o.qubit;
  if (o.qec !== undefined) out.qec = looksLikeFile(o.qec) ? (readJson(io, o.qec) as QecSchemeInput) : o.qec;
  if (o.budget !== undefined) {
    if (!(o.budget < 1))
      throw userError("Estimate.FT.InvalidErrorBudget", `--budget must be in (0, 1), got ${o.budget}`, {
        field: "--budget",
      });
    out.budget = o.budget;
  }
  if (o.t0 !== undefined) out.t0 = o.t0;
  if (o.horizon !== undefined) out.horizonYears = o.horizon;
  if (o.startQubits !== undefined || o.startYear !== undefined || o.doubling !== undefined) {
    const base = defaultGrowth();
    const g = {
      startQubits: o.startQubits ?? base.startQubits,
      startYear: o.startYear ?? base.startYear,
      doublingYears: o.doubling ?? base.doublingYears,
    };
    out.growth = {
      ...g,
      label: `${g.startQubits.toLocaleString("en-US")} qubits in ${g.startYear}, doubling every ${g.doublingYears} years (given)`,
      source: "",
    };
  }
  return out;
}

export function renderNativeVerdict(v: NativeVerdict, color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  const g = v.gpu;
  const q = v.quantumDetail;
  out.push(c.bold(v.workload.name));
  out.push("");
  out.push(
    c.bold(
      `Classical: ${g.count.toLocaleString("en-US")} × ${v.classicalDetail.machine.name}${g.feasible ? "" : c.red(" — infeasible")}`,
    ),
  );
  out.push(`  time        ${formatDuration(g.seconds)}`);
  out.push(`  work        ${formatSci(v.classicalDetail.ops, 3)} ${v.classicalDetail.machine.opsUnit}`);
  if (v.classicalDetail.memoryBytes > 0)
    out.push(
      `  memory      ${formatSci(v.classicalDetail.memoryBytes, 3)} bytes${v.classicalDetail.memoryFits ? "" : c.red(" (does not fit)")}`,
    );
  out.push("");
  out.push(c.bold(`Quantum: ${q.device}${v.qpu.feasible ? "" : c.red(` — infeasible in ${v.t0}`)}`));
  out.push(`  time        ${Number.isFinite(q.seconds) ? formatDuration(q.seconds) : "no layout"}`);
  out.push(
    `  qubits      ${Number.isFinite(q.physicalQubits) ? formatSci(q.physicalQubits, 3) : "—"} physical${q.logicalQubits !== null ? `, ${q.logicalQubits.toLocaleString("en-US")} logical` : ""}`,
  );
  if (q.estimate) {
    const e = q.estimate;
    out.push(
      `  code        distance ${e.logicalQubit.codeDistance}, ${e.physicalCounts.breakdown.numTfactories} T factories, logical cycle ${formatDuration(e.logicalQubit.logicalCycleTime * 1e-9)}`,
    );
  }
  if (q.infeasibleReason) out.push(c.red(`  ✗ ${q.infeasibleReason}`));
  out.push("");
  out.push(...renderVerdictTail(v, c));
  return `${out.join("\n")}\n`;
}

function emit(io: Io, model: NativeModel, o: CommonOpts): void {
  const v = estimateNative(model, nativeOptions(io, o));
  io.stdout(o.json ? `${JSON.stringify(v, null, 2)}\n` : renderNativeVerdict(v, io.color));
}

export function addNativeEstimateCommands(estimate: Command, io: Io): void {
  withCommon(
    estimate
      .command("shor")
      .description(
        "factoring an RSA modulus: Shor (Gidney 2025 counts, fault-tolerant estimate) vs GNFS on CPU cores",
      ),
  )
    .option("--bits <n>", "modulus bits (default 2048)", int("--bits"))
    .option("--cores <n>", "classical CPU cores (default 1e5, the MIT calculator's p = 5)", int("--cores"))
    .option("--cost-source <id>", "quantum counts: gidney-2025 (default) or gidney-ekera-2019")
    .action((o) =>
      emit(io, shorModel({ bits: o.bits, cores: o.cores, costSource: o.costSource as ShorCostSource }), o),
    );

  withCommon(
    estimate
      .command("grover")
      .description("unstructured search over 2^bits candidates: Grover vs brute force on GPUs"),
  )
    .option("--bits <n>", "search bits (default 40)", int("--bits"))
    .option(
      "--oracle-toffolis <n>",
      "Toffolis per oracle call (default 100, Babbush et al.'s lower bound)",
      int("--oracle-toffolis"),
    )
    .option("--gpus <n>", "A100 GPUs for brute force (default 16,000)", int("--gpus"))
    .action((o) =>
      emit(io, groverModel({ bits: o.bits, oracleToffolis: o.oracleToffolis, gpus: o.gpus }), o),
    );

  withCommon(
    estimate
      .command("chemistry")
      .description(
        `ground-state energy: qubitised phase estimation (THC) vs DMRG or FCI on GPUs\npresets: ${chemistryPresets.map((p) => p.id).join(", ")}`,
      ),
  )
    .option("--preset <name>", "published active space and costs (default femoco-reiher)")
    .option("--orbitals <n>", "spin orbitals of the active space", int("--orbitals"))
    .option("--electrons <n>", "electrons in the active space", int("--electrons"))
    .option("--counts <file>", "your own logical counts JSON for this active space (Azure field names)")
    .option("--dmrg-bond-dimension <m>", "DMRG bond dimension (default 6000)", int("--dmrg-bond-dimension"))
    .option("--gpus <n>", "GPUs for DMRG or FCI (default 16,000)", int("--gpus"))
    .option("--gpu <id>", "GPU type (default h100)")
    .action((o) => {
      const counts = o.counts === undefined ? undefined : (readJson(io, o.counts) as LogicalCounts);
      emit(
        io,
        chemistryModel({
          preset: o.preset,
          spinOrbitals: o.orbitals,
          electrons: o.electrons,
          counts,
          dmrgBondDimension: o.dmrgBondDimension,
          gpus: o.gpus,
          gpu: o.gpu,
        }),
        o,
      );
    });

  withCommon(
    estimate
      .command("hamiltonian-simulation")
      .description(
        "Trotterised dynamics of the 2D transverse-field Ising model (qubits = sites) vs a GPU statevector or MPS",
      ),
  )
    .option("--model <id>", "tfim-2d (default), heisenberg-2d, or tfim-1d (classically solvable)")
    .option("--sites <n>", "lattice sites (default 100)", int("--sites"))
    .option("--boundary <b>", "2D boundary: periodic (default) or open")
    .option("--time <t>", "evolution time (default: 2·√n steps in 2D, n in 1D)", num("--time"))
    .option("--precision <eps>", "Trotter error (default 1e-3)", num("--precision"))
    .option("--gpus <n>", "GPUs (default 16,000)", int("--gpus"))
    .option("--gpu <id>", "GPU type (default h100)")
    .action((o) =>
      emit(
        io,
        hamiltonianSimulationModel({
          model: o.model as HsModel,
          boundary: o.boundary as Boundary,
          sites: o.sites,
          time: o.time,
          precision: o.precision,
          gpus: o.gpus,
          gpu: o.gpu,
        }),
        o,
      ),
    );

  withCommon(
    estimate
      .command("qaoa-maxcut")
      .description("MaxCut on a 3-regular graph: QAOA on a noisy QPU vs Goemans–Williamson on a GPU"),
  )
    .option("--nodes <n>", "graph nodes, even (default 100)", int("--nodes"))
    .option("--layers <p>", "QAOA layers (default 1)", int("--layers"))
    .option("--qpu <id>", "quantum processor (qfit devices --kind qpu; default ibm-heron-r2)")
    .option("--precision <eps>", "energy precision, shots = 1/ε² (default 0.01)", num("--precision"))
    .option("--evaluations <n>", "optimiser evaluations (default 100)", int("--evaluations"))
    .action((o) =>
      emit(
        io,
        qaoaMaxcutModel({
          nodes: o.nodes,
          layers: o.layers,
          qpu: o.qpu,
          precision: o.precision,
          evaluations: o.evaluations,
        }),
        o,
      ),
    );

  withCommon(
    estimate
      .command("annealing-qubo")
      .description("sparse QUBO: a D-Wave annealer vs the strongest classical heuristic, time-to-target"),
  )
    .option("--variables <n>", "QUBO variables (default 1000)", int("--variables"))
    .option("--reads <n>", "anneals to reach the target (default 1000)", int("--reads"))
    .option(
      "--success-probability <p>",
      "per-read probability of the target quality",
      num("--success-probability"),
    )
    .option(
      "--target-confidence <p>",
      "confidence of reaching the target (default 0.99)",
      num("--target-confidence"),
    )
    .option(
      "--annealer-advantage-log10 <x>",
      "claimed constant factor over the strongest classical heuristic (default 0: none demonstrated)",
      num("--annealer-advantage-log10"),
    )
    .option("--anneal-us <t>", "anneal time in µs (default: the device's default)", num("--anneal-us"))
    .option("--annealer <id>", "annealer (qfit devices --kind annealer; default dwave-advantage)")
    .option(
      "--cores <n>",
      "CPU cores of the sample-parity reference in the notes (default 1)",
      int("--cores"),
    )
    .action((o) =>
      emit(
        io,
        annealingQuboModel({
          variables: o.variables,
          reads: o.reads,
          successProbability: o.successProbability,
          targetConfidence: o.targetConfidence,
          annealerAdvantageLog10: o.annealerAdvantageLog10,
          annealUs: o.annealUs,
          annealer: o.annealer,
          cores: o.cores,
        }),
        o,
      ),
    );
}
