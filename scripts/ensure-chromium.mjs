// Part of `npm test`: the browser tests (e2e/) drive Debian's Chromium, which npm cannot install. On a fresh
// Debian machine where we are root (as in CI and on this project's machines) install it with apt-get; elsewhere
// say what to install. Never downloads a browser build of its own.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.QFIT_CHROMIUM ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
if (!isRoot || !hasApt) {
  console.error(
    `the browser tests need Chromium at ${path}: install Debian's package (sudo apt-get install chromium) or set QFIT_CHROMIUM`,
  );
  process.exit(1);
}
console.error("installing Debian's chromium for the browser tests (apt-get)…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
  stdio: "inherit",
  env,
});
