// Citations for the quantum-native workloads: the hardware catalog's sources plus the papers these workloads and
// the crossover models cite (./data/native-sources.json). Unknown IDs are a bug, caught by a test.
import { z } from "zod";
import { catalog, sourceIds } from "../hardware/catalog.js";
import nativeSourcesJson from "./data/native-sources.json" with { type: "json" };

const nativeSources = z
  .strictObject({ $comment: z.string(), sources: z.record(z.string(), z.string().min(10)) })
  .parse(nativeSourcesJson).sources;

/** Citation text for a source ID, or undefined. */
export function sourceCitation(id: string): string | undefined {
  return catalog.sources[id] ?? nativeSources[id];
}

/** Full citations for the `[id]`s cited in any of the texts, deduplicated, in first-cited order. */
export function cite(...texts: string[]): Array<{ id: string; citation: string }> {
  const ids = [...new Set(texts.flatMap(sourceIds))];
  return ids.map((id) => ({ id, citation: sourceCitation(id) ?? `(unknown source ${id})` }));
}
