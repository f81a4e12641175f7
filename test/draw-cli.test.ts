// `qfit draw` through the CLI entry point: text folded at the width, SVG to a file or stdout, errors at file:line:col.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { displayWidth } from "../src/report/terminal.js";

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");

async function run(args: string[], columns = 80) {
  const io = memoryIo({
    "qft4.qasm": example("qft4.qasm"),
    "bad.qasm": "OPENQASM 2.0;\nqreg q[1];\nfoo q[0];\n",
  });
  io.columns = columns;
  const code = await main(args, io);
  return { code, out: io.out, err: io.err, files: io.files };
}

describe("qfit draw", () => {
  it("prints the text diagram folded at the terminal's width, or at --fold", async () => {
    const narrow = await run(["draw", "qft4.qasm"], 50);
    expect(narrow.code).toBe(0);
    expect(narrow.out).toContain("«q_0:");
    for (const l of narrow.out.split("\n")) expect(displayWidth(l)).toBeLessThanOrEqual(50);
    const folded = await run(["draw", "qft4.qasm", "--fold", "40"], 200);
    for (const l of folded.out.split("\n")) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    const wide = await run(["draw", "qft4.qasm", "--wide"], 50);
    expect(wide.out).not.toContain("«");
    expect(wide.out.split("\n").filter((l) => l.startsWith("q_")).length).toBe(4);
  });

  it("writes SVG to a file, or to standard output with --svg -", async () => {
    const r = await run(["draw", "qft4.qasm", "--svg", "qft4.svg"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("wrote qft4.svg\n");
    expect(r.files["qft4.svg"]).toMatch(/^<svg[\s\S]*U1\(π\/2\)[\s\S]*<\/svg>\n$/);
    const out = await run(["draw", "qft4.qasm", "--svg", "-"]);
    expect(out.out).toBe(r.files["qft4.svg"]);
  });

  it("exits 2 naming file:line:col for bad OpenQASM, and for a bad --fold", async () => {
    const bad = await run(["draw", "bad.qasm"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^bad\.qasm:3:1: /);
    const fold = await run(["draw", "qft4.qasm", "--fold", "abc"]);
    expect(fold.code).toBe(2);
    expect(fold.err).toContain("--fold");
  });

  it("docs/draw.md shows bell.qasm exactly as qfit draws it", async () => {
    const io = memoryIo({ "examples/bell.qasm": example("bell.qasm") });
    io.columns = 100;
    expect(await main(["draw", "examples/bell.qasm"], io)).toBe(0);
    const page = readFileSync(new URL("../docs/draw.md", import.meta.url), "utf8");
    expect(page).toContain(`$ qfit draw examples/bell.qasm\n${io.out}\`\`\``);
  });
});
