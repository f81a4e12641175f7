// Dashboard benchmark (not a test): the bundle's size, raw and gzipped, and time to interactive — from navigation
// until the Verdict page shows its first computed number — in Debian's Chromium against `qfit serve`, median of
// several cold loads. Run with `npm run bench:dashboard` after `npm run build`.
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
  await page.waitForSelector("#gpu-time");
  await page.waitForSelector("#plot-bottlenecks svg");
  times.push(performance.now() - t0);
  await context.close();
}
await browser.close();
server.kill();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `dashboard bundle: ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzipped (${files.length} files)`,
);
console.log(
  `time to interactive (Verdict page with its plot), median of ${RUNS} cold loads: ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`,
);
