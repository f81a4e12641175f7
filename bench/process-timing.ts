// Timing a fresh Node process of the built CLI, as a user starts it (bench/startup.ts, bench/report.ts): wall time
// from the parent, CPU time (user + system, all threads) and peak memory from the child itself. Every child is
// started with `-r bench/startup-probe.cjs`, which writes process.resourceUsage() to file descriptor 3 at exit.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const probe = fileURLToPath(new URL("./startup-probe.cjs", import.meta.url));

export interface Sample {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

/** Kernel's CPU account of this process's reaped children, in ms (Linux), or undefined elsewhere. */
export function childrenCpuMs(): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  // Fields after the command name (which may contain spaces): cutime and cstime are fields 16 and 17 of the line.
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[13]) + Number(fields[14]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** `node -r probe ...args` in the repository's root: its wall time, CPU time and peak memory. */
export function runOnce(args: readonly string[]): Sample {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-r", probe, ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited with ${r.status}: ${String(r.output[2])}`);
  }
  const usage = JSON.parse(String(r.output[3])) as { user: number; system: number; maxRss: number };
  return { wallMs, cpuMs: (usage.user + usage.system) / 1000, maxRssMiB: usage.maxRss / 1024 };
}
