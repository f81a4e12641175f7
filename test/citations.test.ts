// The one citation registry (src/hardware/data/sources.json, read through hardware/catalog.ts): every source ID
// cited in any data file, in any workload definition and in any verdict resolves to a full citation.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalog, sourceIds } from "../src/hardware/catalog.js";
import { parseWorkloadInput } from "../src/workloads/input.js";
import { workloads } from "../src/workloads/registry.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

function strings(x: unknown): string[] {
  if (typeof x === "string") return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === "object") return Object.values(x).flatMap(strings);
  return [];
}

describe("one citation registry", () => {
  const files = jsonFiles(SRC).filter((f) => !f.endsWith("sources.json"));

  it("finds the data files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [f.slice(SRC.length), f]))("every [id] cited in %s resolves", (_, file) => {
    const ids = strings(JSON.parse(readFileSync(file, "utf8"))).flatMap(sourceIds);
    for (const id of ids) expect(catalog.sources[id], `[${id}] in ${file}`).toBeDefined();
  });

  it("every workload definition's sources and every default verdict's sources resolve", () => {
    for (const w of workloads) {
      for (const id of w.sources) expect(catalog.sources[id], `${w.kind}: [${id}]`).toBeDefined();
      const v = w.evaluate(parseWorkloadInput(w, {}) as never, { t0: 2025, skipCrossover: true });
      for (const s of v.sources) expect(s.citation, `${w.kind}: [${s.id}]`).not.toMatch(/^\(unknown source/);
      expect(v.sources.length).toBeGreaterThan(0);
    }
  });
});
