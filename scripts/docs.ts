// `npm run docs`: reruns every example in README.md and docs/*.md (scripts/doc-outputs.ts) and writes what the
// CLI really prints between the markers. test/docs.test.ts fails when a document and the program disagree.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOCUMENTS, findBlocks, ROOT, readDocument, rerunBlock } from "./doc-outputs.js";

let changed = 0;
for (const file of DOCUMENTS) {
  const text = readDocument(file);
  let out = "";
  let at = 0;
  for (const block of findBlocks(text, file)) {
    const r = await rerunBlock(block);
    if (r.code !== block.spec.exit) {
      process.stderr.write(
        `${block.marker}: qfit ${block.spec.args.join(" ")} exited ${r.code}\n${r.text}\n`,
      );
      process.exit(1);
    }
    // An illustrative block (timings) is left as it is while only its numbers differ: no churn on every run.
    const keep = block.spec.illustrative && r.shown;
    out += text.slice(at, block.start) + (keep ? block.body : r.fresh);
    at = block.end;
  }
  out += text.slice(at);
  if (out !== text) {
    writeFileSync(join(ROOT, file), out);
    changed++;
    process.stdout.write(`updated ${file}\n`);
  }
}
process.stdout.write(`${changed} document(s) updated\n`);
