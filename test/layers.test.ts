// Imports point down (DESIGN.md "Layers"): the engines in src/estimate take plain numbers and import nothing from
// the layers above them; the verdict layer knows no workload; workloads know no renderer or edge.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The src/ folders a file imports from (its own folder's relative imports excluded). */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/\bfrom\s+"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]);
  const rel = file.slice(SRC.length).split("/");
  return specs.flatMap((s) => {
    const parts = [...rel.slice(0, -1)];
    for (const p of s.split("/")) {
      if (p === "..") parts.pop();
      else if (p !== ".") parts.push(p);
    }
    return parts.length > 1 ? [parts[0]] : [];
  });
}

const RULES: Array<[string, string[]]> = [
  // The LLM engine still returns the schema-1 verdict (src/verdict/verdict.ts) until its rewrite lands.
  ["estimate", ["workloads", "report", "api", "cli", "server"]],
  ["verdict", ["workloads", "report", "api", "cli", "server"]],
  ["workloads", ["report", "api", "cli", "server"]],
  ["hardware", ["estimate", "workloads", "verdict", "report", "api", "cli", "server"]],
];

describe("layers", () => {
  for (const [folder, forbidden] of RULES) {
    it(`src/${folder} imports nothing from ${forbidden.join(", ")}`, () => {
      const files = tsFiles(join(SRC, folder));
      expect(files.length).toBeGreaterThan(2);
      for (const f of files)
        for (const to of importedFolders(f))
          expect(forbidden, `${f.slice(SRC.length)} imports ${to}/`).not.toContain(to);
    });
  }
});
