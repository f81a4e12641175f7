// Dashboard benchmark (not a test): the bundle's size, raw and gzipped, and time to interactive — from navigation
// until the Verdict page shows its first computed number — in Debian's Chromium against `qfit serve`, median of
// several cold loads; and a 24-qubit run from the Circuit lab. Run with `npm run bench:dashboard` after `npm run build`.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ASSETS = join(ROOT, "dist/web/assets");
const RUNS = 7;

const files = readdirSync(ASSETS).map((f) => join(ASSETS, f));
const raw = files.reduce((n, f) => n + statSync(f).size, 0);
const gz = files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);

const server = spawn(process.execPath, [join(ROOT, "bin/qfit.js"), "serve", "--port", "0"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise<string>((ok) => {
  let out = "";
  server.stdout!.on("data", (d) => {
    out += d;
    if (out.includes("\n")) ok(out.split("\n")[0].trim());
  });
});
// A failed wait (Playwright's time limit) ends the process: the server goes with it instead of keeping it alive.
process.on("exit", () => server.kill());
const browser = await chromium.launch({
  executablePath: process.env.QFIT_CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForSelector("#classical-time");
  await page.waitForSelector("#plot-waterfall svg");
  times.push(performance.now() - t0);
  await context.close();
}
// The Circuit lab's widest default run: 24 qubits (H on each, then measure), from the click until the
// histogram is drawn; the server runs it in a worker with the WASM kernels and sends counts only.
const LAB_RUNS = 3;
const labTimes: number[] = [];
const gates = Array.from({ length: 24 }, (_, i) => `h q[${i}];`).join("\n");
const qasm = `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[24];\ncreg c[24];\n${gates}\nmeasure q -> c;\n`;
for (let i = 0; i < LAB_RUNS; i++) {
  const page = await browser.newPage();
  await page.goto(`${url}?tab=lab`);
  await page.locator("#qasm").fill(qasm);
  const t0 = performance.now();
  await page.click("#run");
  await page.waitForSelector("#plot-histogram svg", { timeout: 120_000 });
  labTimes.push(performance.now() - t0);
  await page.close();
}
// The Verdict page's band: from a range handle moved (mfu's low end, by keyboard) until the new p05–p95 is shown —
// the debounce, POST /api/estimate with 10,000 samples and the redraw.
const BAND_RUNS = 3;
const bandTimes: number[] = [];
for (let i = 0; i < BAND_RUNS; i++) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector("#band-ratio");
  const before = await page.textContent("#band-ratio");
  await page.focus("#range-mfu input.lo");
  const t0 = performance.now();
  await page.keyboard.press(i % 2 ? "End" : "Home");
  // The last band stays shown while the new one is computed: wait for the new text.
  await page.waitForFunction((b) => document.querySelector("#band-ratio")?.textContent !== b, before, {
    timeout: 60_000,
  });
  bandTimes.push(performance.now() - t0);
  await page.close();
}
await browser.close();
server.kill();
bandTimes.sort((a, b) => a - b);
labTimes.sort((a, b) => a - b);
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `dashboard bundle: ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzipped (${files.length} files)`,
);
console.log(
  `time to interactive (Verdict page with its plot), median of ${RUNS} cold loads: ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`,
);
console.log(
  `Circuit lab, 24 qubits on the server (click to histogram), median of ${LAB_RUNS}: ${labTimes[Math.floor(LAB_RUNS / 2)].toFixed(0)} ms (min ${labTimes[0].toFixed(0)}, max ${labTimes[LAB_RUNS - 1].toFixed(0)})`,
);
console.log(
  `Verdict band after a range drag (LLM training, 10,000 samples), median of ${BAND_RUNS}: ${bandTimes[Math.floor(BAND_RUNS / 2)].toFixed(0)} ms (min ${bandTimes[0].toFixed(0)}, max ${bandTimes[BAND_RUNS - 1].toFixed(0)})`,
);
