// Device noise models from the hardware catalog: native gate set, coupling map, error rates, T1/T2 and gate
// durations, turned into a NoiseModel (model.ts) the noisy backends run and a target the transpiler compiles to.
// Gaps in the catalog are filled exactly as the estimator fills them (device/timing.ts `deviceTiming`, QRE
// presets [F2]) and listed in `assumptions`, so the estimate and the simulation describe the same device.

import { userError } from "../errors.js";
import { catalog, citations, findDevice } from "../hardware/catalog.js";
import type { Qpu } from "../hardware/schema.js";
import {
  allToAll,
  type CouplingMap,
  HERON_R1_EDGES,
  HERON_R2_EDGES,
  meanDegree,
  squareLattice,
} from "./coupling.js";
import executionJson from "./data/execution.json" with { type: "json" };
import { type NoiseModel, standardNoiseModel } from "./noise-model.js";
import { type DeviceTiming, deviceTiming } from "./timing.js";

/** The gates a device runs natively, in qfit's gate library. */
export interface NativeBasis {
  /** Family, for reports: "ibm", "google", "quantinuum", "ionq", "generic". */
  family: string;
  /** The entangling gate every two-qubit interaction is compiled to, with a fixed angle for rzz/rxx. */
  twoQubit: "cz" | "rzz" | "rxx";
  /** Single-qubit gates: "zsx" = rz + sx (+ x), IBM's basis; "u3" = any single-qubit rotation, plus rz. */
  oneQubit: "zsx" | "u3";
  /** Library gate names allowed in compiled circuits. */
  gates: string[];
  /** Gates done in software at no time and no error. */
  virtual: string[];
}

export interface DeviceModel {
  id: string;
  name: string;
  vendor: string;
  modality: Qpu["modality"];
  qubits: number;
  basis: NativeBasis;
  coupling: CouplingMap;
  errors: { oneQubit: number; twoQubit: number; readout: number };
  t1Us: number | null;
  t2Us: number | null;
  durations: { oneQubitNs: number; twoQubitNs: number; readoutNs: number };
  /** Wait between shots (µs); null when no source gives it. */
  repetitionDelayUs: number | null;
  price: {
    usdPerQpuSecond: number | null;
    usdPerShot: number | null;
    usdPerTask: number | null;
    note: string | null;
  };
  /** The estimator's view of the same numbers (one source for both). */
  timing: DeviceTiming;
  noise: NoiseModel;
  /** Everything that is not a catalog value: fills, approximations, unverified values used. */
  assumptions: string[];
  sources: Array<{ id: string; citation: string }>;
}

const EXECUTION = executionJson.devices as Array<{
  id: string;
  repetitionDelayUs: number;
  source: string;
  asOf: string;
}>;

export function basisFor(q: Pick<Qpu, "id" | "vendor" | "nativeGates">): {
  basis: NativeBasis;
  assumption?: string;
} {
  const native = q.nativeGates.join(" ");
  if (q.vendor === "IBM" || (/\bcz\b/.test(native) && /\bsx\b/.test(native)))
    return {
      basis: {
        family: "ibm",
        twoQubit: "cz",
        oneQubit: "zsx",
        gates: ["rz", "sx", "x", "cz"],
        virtual: ["rz"],
      },
    };
  if (q.vendor.startsWith("Quantinuum"))
    return {
      basis: {
        family: "quantinuum",
        twoQubit: "rzz",
        oneQubit: "u3",
        gates: ["u3", "rz", "rzz"],
        virtual: ["rz"],
      },
      assumption: `${q.id}: native gates modelled as U1q/Rz (any single-qubit rotation, u3) and ZZPhase (rzz(π/2)); the catalog ${q.nativeGates.length ? "marks them partly unverified" : "lists none"} [Q10]`,
    };
  if (q.vendor.startsWith("IonQ"))
    return {
      basis: { family: "ionq", twoQubit: "rxx", oneQubit: "u3", gates: ["u3", "rz", "rxx"], virtual: ["rz"] },
      assumption: `${q.id}: native gates modelled as GPi/GPi2 (any single-qubit rotation, u3) and MS (rxx(π/2)); unverified in the catalog`,
    };
  return {
    basis: {
      family: q.vendor.startsWith("Google") ? "google" : "generic",
      twoQubit: "cz",
      oneQubit: "u3",
      gates: ["u3", "rz", "cz"],
      virtual: ["rz"],
    },
    assumption: `${q.id}: two-qubit gate CZ${/\bcz\b/.test(native) ? "" : " (not in the catalog)"}, single-qubit gates modelled as arbitrary rotations (u3) with virtual Z; the vendor's 1q gate set is unverified`,
  };
}

function couplingFor(q: Qpu): { map: CouplingMap; assumption?: string } {
  const n = q.qubits;
  const backend = q.backend ?? "";
  if (q.vendor === "IBM" && /nighthawk|miami/.test(`${q.id} ${backend}`))
    return {
      map: {
        numQubits: n,
        topology: "square-lattice",
        edges: squareLattice(10, 12, n),
        description: "10×12 square lattice, 218 tunable couplers [Q3]",
      },
    };
  if (q.vendor === "IBM" && n === 133)
    return {
      map: {
        numQubits: n,
        topology: "heavy-hex",
        edges: HERON_R1_EDGES,
        description: "Heron r1 heavy-hex, IBM numbering ([Q1] conf_torino.json)",
      },
    };
  if (q.vendor === "IBM" && n === 156)
    return {
      map: {
        numQubits: n,
        topology: "heavy-hex",
        edges: HERON_R2_EDGES,
        description: "Heron r2/r3 heavy-hex, 176 couplers, IBM numbering ([Q1] conf_kingston.json)",
      },
      assumption:
        backend === "ibm_kingston"
          ? undefined
          : `${q.id}: coupling map of ibm_kingston (same 156-qubit Heron layout) assumed`,
    };
  if (q.modality === "trapped-ion" || /all-to-all|arbitrary/.test(q.connectivity))
    return {
      map: {
        numQubits: n,
        topology: "all-to-all",
        edges: allToAll(n),
        description: `all-to-all (${q.connectivity})`,
      },
    };
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const edges = squareLattice(rows, cols, n);
  const map: CouplingMap = {
    numQubits: n,
    topology: "square-lattice",
    edges,
    description: `${rows}×${cols} square lattice (first ${n} sites)`,
  };
  return {
    map,
    assumption: `${q.id}: connectivity "${q.connectivity}" approximated by a ${rows}×${cols} square lattice cut to ${n} qubits (mean degree ${meanDegree(map).toFixed(2)})`,
  };
}

/** The model of a catalog QPU by id or alias; unknown names and analog devices are user errors. */
export function deviceModel(name: string): DeviceModel {
  const d = findDevice(name);
  const gateQpus = catalog.qpus.filter((q) => q.model === "gate").map((q) => q.id);
  if (d?.kind !== "qpu" || d.model !== "gate")
    throw userError(
      "Hardware.UnknownDevice",
      d ? `"${name}" is not a gate-model quantum processor` : `unknown quantum processor "${name}"`,
      {
        field: "--device",
        hint: `gate-model QPUs: ${gateQpus.join(", ")} (see \`qfit devices --kind qpu\`)`,
      },
    );
  const q = d;
  const timing = deviceTiming(q);
  const assumptions = [...timing.filledFrom];
  const { basis, assumption: basisNote } = basisFor(q);
  if (basisNote) assumptions.push(basisNote);
  const { map, assumption: mapNote } = couplingFor(q);
  if (mapNote) assumptions.push(mapNote);
  for (const f of q.unverifiedFields) assumptions.push(`${q.id}.${f} is unverified (${q.source})`);
  const t1Us = timing.t1Us;
  let t2Us = timing.t2Us;
  if (t1Us === null && t2Us !== null) {
    assumptions.push(`${q.id}: T2 = ${t2Us} µs but no T1 in the catalog; relaxation is not simulated`);
    t2Us = null;
  }
  if (t1Us !== null && t2Us !== null && t2Us > 2 * t1Us) {
    assumptions.push(`${q.id}: catalog T2 ${t2Us} µs exceeds 2·T1; capped at 2·T1`);
    t2Us = 2 * t1Us;
  }
  if (t1Us === null && timing.t2Us === null)
    assumptions.push(`${q.id}: no T1/T2 in the catalog; no relaxation is simulated`);
  else if (t1Us !== null && t2Us === null)
    assumptions.push(`${q.id}: no T2 in the catalog; T1-limited dephasing (T2 = 2·T1) is simulated`);
  const exec = EXECUTION.find((e) => e.id === q.id);
  if (!exec) assumptions.push(`${q.id}: no repetition delay in the data; shots are timed without it`);
  assumptions.push(
    "no job overhead time is in the catalog for gate-model QPUs: device time counts shots only",
  );
  const noise = standardNoiseModel({
    name: q.id,
    oneQubit: { error: timing.oneQubitError, durationNs: timing.oneQubitGateNs },
    twoQubit: { error: timing.twoQubitError, durationNs: timing.twoQubitGateNs },
    readoutError: timing.readoutError,
    readoutNs: timing.readoutNs,
    t1Us,
    t2Us,
    virtualGates: basis.virtual,
  });
  return {
    id: q.id,
    name: q.name,
    vendor: q.vendor,
    modality: q.modality,
    qubits: q.qubits,
    basis,
    coupling: map,
    errors: { oneQubit: timing.oneQubitError, twoQubit: timing.twoQubitError, readout: timing.readoutError },
    t1Us,
    t2Us,
    durations: {
      oneQubitNs: timing.oneQubitGateNs,
      twoQubitNs: timing.twoQubitGateNs,
      readoutNs: timing.readoutNs,
    },
    repetitionDelayUs: exec?.repetitionDelayUs ?? null,
    price: {
      usdPerQpuSecond: q.priceUsdPerQpuSecond,
      usdPerShot: q.priceUsdPerShot,
      usdPerTask: q.priceUsdPerTask,
      note: q.priceNote,
    },
    timing,
    noise,
    assumptions,
    sources: citations(q.source, q.priceSource ?? "", exec?.source ?? ""),
  };
}

/** Gate-model QPUs in the catalog. */
export function gateModelDevices(): string[] {
  return catalog.qpus.filter((q) => q.model === "gate").map((q) => q.id);
}
