// The hardware catalog: JSON data imported as modules (so the same code runs in Node and in the browser, with no
// file system), validated with zod once at load. Lookups accept ids and aliases, case-insensitively.
import { z } from "zod";
import { PARSE_ONCE } from "../data-parse.js";
import { internalError, userError } from "../errors.js";
import { boundedMemo } from "../memo.js";
import annealersJson from "./data/annealers.json" with { type: "json" };
import gpusJson from "./data/gpus.json" with { type: "json" };
import mfuJson from "./data/mfu.json" with { type: "json" };
import qpusJson from "./data/qpus.json" with { type: "json" };
import referenceMachinesJson from "./data/reference-machines.json" with { type: "json" };
import roadmapsJson from "./data/roadmaps.json" with { type: "json" };
import sourcesJson from "./data/sources.json" with { type: "json" };
import {
  type Annealer,
  annealerSchema,
  type Device,
  type DeviceKind,
  type Gpu,
  gpuSchema,
  type MfuData,
  mfuDataSchema,
  type Qpu,
  qpuSchema,
  type ReferenceMachine,
  type RoadmapMilestone,
  referenceMachineSchema,
  roadmapMilestoneSchema,
} from "./schema.js";

export interface Catalog {
  gpus: Gpu[];
  qpus: Qpu[];
  annealers: Annealer[];
  roadmap: RoadmapMilestone[];
  mfu: MfuData;
  referenceMachines: ReferenceMachine[];
  /** Source ID (`G1`, `llama3-paper`, …) → full citation. */
  sources: Record<string, string>;
}

/** Raw (unvalidated) catalog data, as read from the JSON modules. */
export interface RawCatalog {
  gpus: unknown;
  qpus: unknown;
  annealers: unknown;
  roadmaps: unknown;
  mfu: unknown;
  referenceMachines: unknown;
  sources: unknown;
}

const listOf = <T extends z.ZodType>(key: string, item: T) => z.object({ [key]: z.array(item) });

function parse<T extends z.ZodType>(file: string, schema: T, data: unknown): z.infer<T> {
  const r = schema.safeParse(data, PARSE_ONCE);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw internalError(
      "Hardware.Catalog.Invalid",
      `hardware catalog ${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
  }
  return r.data;
}

/** Validates raw catalog data; throws an internal error naming the file and the field at fault. */
export function validateCatalog(raw: RawCatalog): Catalog {
  const gpus = parse("gpus.json", listOf("devices", gpuSchema), raw.gpus).devices as Gpu[];
  const qpus = parse("qpus.json", listOf("devices", qpuSchema), raw.qpus).devices as Qpu[];
  const annealers = parse("annealers.json", listOf("devices", annealerSchema), raw.annealers)
    .devices as Annealer[];
  const roadmap = parse("roadmaps.json", listOf("milestones", roadmapMilestoneSchema), raw.roadmaps)
    .milestones as RoadmapMilestone[];
  const mfu = parse("mfu.json", mfuDataSchema, raw.mfu);
  const referenceMachines = parse(
    "reference-machines.json",
    listOf("machines", referenceMachineSchema),
    raw.referenceMachines,
  ).machines as ReferenceMachine[];
  const sources = parse("sources.json", z.record(z.string(), z.string().min(3)), raw.sources);

  // Ids and aliases must be unique across all kinds, so `qfit devices NAME` is unambiguous.
  const seen = new Map<string, string>();
  for (const d of [...gpus, ...qpus, ...annealers]) {
    for (const name of [d.id, ...d.aliases]) {
      const prev = seen.get(name);
      if (prev)
        throw internalError(
          "Hardware.Catalog.Duplicate",
          `hardware catalog: "${name}" names both ${prev} and ${d.id}`,
        );
      seen.set(name, d.id);
    }
  }
  // Every cited source ID must resolve.
  const cited = [...gpus, ...qpus, ...annealers].flatMap((d) => sourceIds(d.source));
  for (const sid of cited) {
    if (!(sid in sources))
      throw internalError("Hardware.Catalog.UnknownSource", `hardware catalog: unknown source [${sid}]`);
  }
  return { gpus, qpus, annealers, roadmap, mfu, referenceMachines, sources };
}

/** The source IDs cited in a text: "[G1] …; [Q2]" → ["G1", "Q2"]. Kept per text: every evaluation cites the same
 *  few hundred texts (a report's uncertainty tables evaluate thousands of times), and a regex scan each time cost
 *  ~2% of the report. A fresh array each call. */
export function sourceIds(text: string): string[] {
  return sourceIdsOf(text, () => [...text.matchAll(/\[([A-Za-z0-9.-]+)\]/g)].map((m) => m[1])).slice();
}
const sourceIdsOf = boundedMemo<string, string[]>(4096);

/** The catalog's data files as imported, before validation (tests alter copies of it). */
export const rawCatalog: RawCatalog = {
  gpus: gpusJson,
  qpus: qpusJson,
  annealers: annealersJson,
  roadmaps: roadmapsJson,
  mfu: mfuJson,
  referenceMachines: referenceMachinesJson,
  sources: sourcesJson,
};

export const catalog: Catalog = validateCatalog(rawCatalog);

export function allDevices(kind?: DeviceKind): Device[] {
  const all: Device[] = [...catalog.gpus, ...catalog.qpus, ...catalog.annealers];
  return kind ? all.filter((d) => d.kind === kind) : all;
}

/** Finds a device by id or alias (case-insensitive; `_` and `-` are interchangeable); undefined if none. */
export function findDevice(name: string): Device | undefined {
  const key = name.trim().toLowerCase();
  const alt = key.replaceAll("_", "-");
  return allDevices().find((d) =>
    [d.id, ...d.aliases].some((n) => n === key || n === alt || n.replaceAll("_", "-") === alt),
  );
}

function lookup<K extends DeviceKind>(name: string, kind: K, field: string): Extract<Device, { kind: K }> {
  const d = findDevice(name);
  if (!d || d.kind !== kind) {
    const ids = allDevices(kind).map((x) => x.id);
    throw userError("Hardware.UnknownDevice", `unknown ${kind} "${name}"`, {
      field,
      hint: `known ${kind}s: ${ids.join(", ")} (see \`qfit devices --kind ${kind}\`)`,
    });
  }
  return d as Extract<Device, { kind: K }>;
}

export const getGpu = (name: string, field = "gpu"): Gpu => lookup(name, "gpu", field);
export const getQpu = (name: string, field = "qpu"): Qpu => lookup(name, "qpu", field);
export const getAnnealer = (name: string, field = "annealer"): Annealer => lookup(name, "annealer", field);

/** Full citations for the source IDs cited in any of the texts, deduplicated, in first-cited order. */
export function citations(...texts: string[]): Array<{ id: string; citation: string }> {
  // Kept per list of texts, as sourceIds: every evaluation of a workload cites the same texts. A fresh array each
  // call, of citation objects shared read-only.
  return citationsOf(texts.join("\u0000"), () =>
    [...new Set(texts.flatMap(sourceIds))].map((id) => ({
      id,
      citation: catalog.sources[id] ?? `(unknown source ${id})`,
    })),
  ).slice();
}
const citationsOf = boundedMemo<string, Array<{ id: string; citation: string }>>(4096);

/** The source IDs cited in the texts, each checked to resolve (an unknown ID is a bug in the data). */
export function citationIds(...texts: string[]): string[] {
  return citations(...texts).map((c) => {
    if (!(c.id in catalog.sources))
      throw internalError("Hardware.Catalog.UnknownSource", `unknown source [${c.id}]`);
    return c.id;
  });
}

/** "h100 peakBf16Tflops (989) is unverified: …" lines for the fields of `device` that a model used. */
export function unverifiedNotes(device: Device, usedFields: string[]): string[] {
  return device.unverifiedFields
    .filter((f) => usedFields.includes(f))
    .map(
      (f) =>
        `${device.id}.${f} = ${String((device as unknown as Record<string, unknown>)[f])} is unverified (${device.source})`,
    );
}
