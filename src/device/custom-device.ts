// A hypothetical device from a JSON description (`qfit run FILE --device my-qpu.json`): the same DeviceModel
// as a catalog QPU, validated field by field, so "what if T2 were 500 µs" is one file away. Physical limits are
// enforced: T2 ≤ 2·T1, errors in [0, 1).
import { z } from "zod";
import { thermalRelaxation } from "../circuit/channels.js";
import { userError } from "../errors.js";
import { allToAll, type CouplingMap, HERON_R2_EDGES, squareLattice } from "./coupling.js";
import type { DeviceModel, NativeBasis } from "./device-model.js";
import { standardNoiseModel } from "./noise-model.js";
import type { DeviceTiming } from "./timing.js";

const BASES: Record<string, NativeBasis> = {
  ibm: { family: "ibm", twoQubit: "cz", oneQubit: "zsx", gates: ["rz", "sx", "x", "cz"], virtual: ["rz"] },
  cz: { family: "generic", twoQubit: "cz", oneQubit: "u3", gates: ["u3", "rz", "cz"], virtual: ["rz"] },
  quantinuum: {
    family: "quantinuum",
    twoQubit: "rzz",
    oneQubit: "u3",
    gates: ["u3", "rz", "rzz"],
    virtual: ["rz"],
  },
  ionq: { family: "ionq", twoQubit: "rxx", oneQubit: "u3", gates: ["u3", "rz", "rxx"], virtual: ["rz"] },
};

const probability = z.number().min(0).lt(1);
const positive = z.number().positive().finite();

export const customDeviceSchema = z.strictObject({
  name: z.string().min(1),
  qubits: z.number().int().min(1).max(1000),
  topology: z.enum(["all-to-all", "square-lattice", "heavy-hex"]),
  nativeGates: z.enum(["ibm", "cz", "quantinuum", "ionq"]),
  oneQubitError: probability,
  twoQubitError: probability,
  readoutError: probability,
  t1Us: positive.nullable(),
  t2Us: positive.nullable(),
  oneQubitGateNs: positive,
  twoQubitGateNs: positive,
  readoutNs: positive,
  repetitionDelayUs: z.number().min(0).nullable().optional(),
  priceUsdPerQpuSecond: positive.nullable().optional(),
  priceUsdPerShot: positive.nullable().optional(),
  priceUsdPerTask: positive.nullable().optional(),
});

export type CustomDevice = z.infer<typeof customDeviceSchema>;

export function customDeviceModel(data: unknown, file = "<device>"): DeviceModel {
  const parsed = customDeviceSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw userError("Noise.InvalidDevice", `${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`, {
      field: issue.path.join(".") || file,
      hint: `fields: ${Object.keys(customDeviceSchema.shape).join(", ")}`,
    });
  }
  const d = parsed.data;
  // Refuse an unphysical T2 before anything else (thermalRelaxation raises Noise.UnphysicalT2).
  if (d.t1Us !== null) thermalRelaxation(d.t1Us, d.t2Us, 0);
  else if (d.t2Us !== null)
    throw userError("Noise.InvalidDevice", `${file}: t2Us is given without t1Us`, { field: "t1Us" });
  let coupling: CouplingMap;
  if (d.topology === "all-to-all")
    coupling = {
      numQubits: d.qubits,
      topology: "all-to-all",
      edges: allToAll(d.qubits),
      description: "all-to-all",
    };
  else if (d.topology === "heavy-hex") {
    if (d.qubits !== 156)
      throw userError(
        "Noise.InvalidDevice",
        `${file}: heavy-hex is available for 156 qubits (IBM Heron r2 layout)`,
        {
          field: "qubits",
        },
      );
    coupling = {
      numQubits: 156,
      topology: "heavy-hex",
      edges: HERON_R2_EDGES,
      description: "Heron r2 heavy-hex",
    };
  } else {
    const cols = Math.ceil(Math.sqrt(d.qubits));
    const rows = Math.ceil(d.qubits / cols);
    coupling = {
      numQubits: d.qubits,
      topology: "square-lattice",
      edges: squareLattice(rows, cols, d.qubits),
      description: `${rows}×${cols} square lattice (first ${d.qubits} sites)`,
    };
  }
  const basis = BASES[d.nativeGates];
  const coherence = [d.t1Us, d.t2Us].filter((x): x is number => x !== null);
  const timing: DeviceTiming = {
    oneQubitError: d.oneQubitError,
    twoQubitError: d.twoQubitError,
    readoutError: d.readoutError,
    twoQubitGateNs: d.twoQubitGateNs,
    readoutNs: d.readoutNs,
    coherenceUs: coherence.length > 0 ? Math.min(...coherence) : null,
    oneQubitGateNs: d.oneQubitGateNs,
    t1Us: d.t1Us,
    t2Us: d.t2Us,
    filledFrom: [],
  };
  return {
    id: d.name,
    name: `${d.name} (custom)`,
    vendor: "custom",
    modality: "superconducting",
    qubits: d.qubits,
    basis,
    coupling,
    errors: { oneQubit: d.oneQubitError, twoQubit: d.twoQubitError, readout: d.readoutError },
    t1Us: d.t1Us,
    t2Us: d.t2Us,
    durations: { oneQubitNs: d.oneQubitGateNs, twoQubitNs: d.twoQubitGateNs, readoutNs: d.readoutNs },
    repetitionDelayUs: d.repetitionDelayUs ?? null,
    price: {
      usdPerQpuSecond: d.priceUsdPerQpuSecond ?? null,
      usdPerShot: d.priceUsdPerShot ?? null,
      usdPerTask: d.priceUsdPerTask ?? null,
      note: null,
    },
    timing,
    noise: standardNoiseModel({
      name: d.name,
      oneQubit: { error: d.oneQubitError, durationNs: d.oneQubitGateNs },
      twoQubit: { error: d.twoQubitError, durationNs: d.twoQubitGateNs },
      readoutError: d.readoutError,
      readoutNs: d.readoutNs,
      t1Us: d.t1Us,
      t2Us: d.t2Us,
      virtualGates: basis.virtual,
    }),
    assumptions: [`${d.name}: a custom device from ${file}; its numbers are the user's`],
    sources: [],
  };
}
