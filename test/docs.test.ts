// The README and docs/ cannot drift from the program: every example output block is rerun here and must equal
// what the CLI prints now (numbers included; blocks marked illustrative are compared with numbers masked), every
// relative link must point at a file that exists, and no page may send a user to a file they do not have.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DOCUMENTS,
  findBlocks,
  maskNumbers,
  ROOT,
  readDocument,
  rerunBlock,
} from "../scripts/doc-outputs.js";

describe("docs", () => {
  it("every document listed exists and the README is short", () => {
    for (const f of DOCUMENTS) expect(existsSync(join(ROOT, f)), f).toBe(true);
    expect(readDocument("README.md").split("\n").length).toBeLessThan(200);
  });

  for (const file of DOCUMENTS) {
    const blocks = existsSync(join(ROOT, file)) ? findBlocks(readDocument(file), file) : [];
    if (blocks.length === 0) continue;
    it(`${file}: every example output is what qfit prints (npm run docs rewrites them)`, async () => {
      for (const b of blocks) {
        const r = await rerunBlock(b);
        expect(r.code, `${b.marker}: exit code of qfit ${b.spec.args.join(" ")}`).toBe(b.spec.exit);
        // Compared as text (not r.shown) so a failure shows the difference.
        if (b.spec.illustrative) expect(maskNumbers(b.body), b.marker).toBe(maskNumbers(r.fresh));
        else expect(b.body, b.marker).toBe(r.fresh);
      }
    }, 300_000);
  }

  it("relative links point at files that exist", () => {
    for (const file of DOCUMENTS) {
      const text = readDocument(file);
      for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/.test(target)) continue;
        expect(existsSync(join(ROOT, dirname(file), target)), `${file} links to ${target}`).toBe(true);
      }
    }
  });

  it("no page cites a file a user does not have", () => {
    const banned = [
      /DESIGN\.md/,
      /STYLE\.md/,
      /\.\.\/shared/,
      /hardware\.md/,
      /estimation\.md/,
      /simulation\.md/,
      /qea-framework\.md/,
      /the seed'?s/i,
      /\bessay/i,
      /readme-issue/,
    ];
    for (const file of DOCUMENTS) {
      const text = readDocument(file);
      for (const re of banned) expect(text, `${file} matches ${re}`).not.toMatch(re);
    }
  });
});
