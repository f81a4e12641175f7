/// <reference lib="dom" />
// The dashboard in a real browser: Debian's Chromium driven by playwright-core (never a downloaded browser),
// against `qfit serve` on a free port of 127.0.0.1. Screenshots go to e2e/artifacts/ for people to look at.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ratioBand } from "../src/report/bands.js";
import type { VerdictV2 } from "../src/verdict/contract.js";
import { workloads } from "../src/workloads/registry.js";

const BIN = fileURLToPath(new URL("../bin/qfit.js", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
const CHROMIUM = process.env.QFIT_CHROMIUM ?? "/usr/bin/chromium";

let server: ChildProcess;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set QFIT_CHROMIUM`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  server = spawn(process.execPath, [BIN, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise<string>((ok, fail) => {
    let out = "";
    server.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("\n")) ok(out.split("\n")[0].trim());
    });
    server.once("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

/** Every page a test opened, with what went wrong on it: uncaught errors, console errors, failed requests. */
const opened: { page: Page; errors: string[] }[] = [];

/** `qfit ARGS --json` as the CLI prints it. */
function cli(args: string[]): Promise<VerdictV2> {
  return new Promise((ok, fail) =>
    execFile(process.execPath, [BIN, ...args, "--json"], { maxBuffer: 1 << 26 }, (e, out, err) =>
      e ? fail(new Error(`${e.message}\n${err}`)) : ok(JSON.parse(out)),
    ),
  );
}

async function open(query = "", width = 1200): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  // ERR_ABORTED is a cancelled load, not a failure: Chromium reports a finished event stream (the lab's
  // /api/simulate) that way while a "response" listener is attached.
  page.on("requestfailed", (r) => {
    const reason = r.failure()?.errorText ?? "";
    if (reason !== "net::ERR_ABORTED") errors.push(`request failed: ${r.url()} ${reason}`);
  });
  opened.push({ page, errors });
  await page.goto(`${base}${query}`);
  await page.waitForSelector("main h2");
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

// No page may log an error, fail a request (a missing favicon included) or throw, in any test.
afterEach(async () => {
  const seen = opened.splice(0);
  // What happened while the test ran (closing a page aborts its open requests, which is no fault of the page).
  const errors = seen.flatMap((p) => [...p.errors]);
  for (const { page } of seen) if (!page.isClosed()) await page.close();
  expect(errors).toEqual([]);
});

// The plot itself is the last SVG in its figure (legend swatches come first).
const plotSvg = (page: Page, id: string) => page.locator(`#plot-${id} svg`).last().innerHTML();

describe("dashboard in Chromium", () => {
  for (const [tab, heading, plot] of [
    ["verdict", "Verdict", "waterfall"],
    ["crossover", "Crossover", "crossover"],
    ["roadmap", "Roadmap", "roadmap"],
    ["hybrid", "Hybrid pipeline", null],
    ["lab", "Circuit lab", null],
  ] as const) {
    it(`loads the ${heading} page`, async () => {
      const page = await open();
      await page.click(`#tab-${tab}`);
      await expect.poll(() => page.locator("main h2").first().textContent()).toBe(heading);
      if (plot) await page.waitForSelector(`#plot-${plot} svg`);
      expect(page.url()).toContain(tab === "verdict" ? "" : `tab=${tab}`);
      await page.screenshot({ path: `${ARTIFACTS}${tab}.png`, fullPage: true });
      expect((page as Page & { errors: string[] }).errors).toEqual([]);
      await page.close();
    });
  }

  it("changing the GPU count changes the numbers and the waterfall", async () => {
    const page = await open();
    await page.waitForSelector("#plot-waterfall svg");
    const before = { time: await page.textContent("#classical-time"), svg: await plotSvg(page, "waterfall") };
    await page.locator("#f-gpuCount").fill("4");
    await expect.poll(() => page.textContent("#classical-time")).not.toBe(before.time);
    await expect.poll(() => plotSvg(page, "waterfall")).not.toBe(before.svg);
    expect(page.url()).toContain("in.gpuCount=4");
    await page.close();
  });

  it("the form accepts the CLI's quantities and names the field at fault", async () => {
    const page = await open();
    await page.waitForSelector("#plot-waterfall svg");
    await page.locator("#f-params").fill("70B");
    await page.locator("#f-tokens").fill("1.4T");
    await expect.poll(() => page.textContent("#verdict-sentence")).toMatch(/classical \(GPU\) wins/);
    await page.locator("#f-gpuCount").fill("lots");
    await expect.poll(() => page.textContent("#verdict-error")).toMatch(/gpuCount/);
    await page.close();
  });

  it("every registered workload gets a form and a verdict", async () => {
    const page = await open();
    // The select lists the registry, nothing hand-written.
    expect(
      await page.locator("#kind option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(workloads.map((w) => w.kind));
    for (const kind of workloads.map((w) => w.kind).filter((k) => k !== "llm-training")) {
      await page.selectOption("#kind", kind);
      await page.waitForSelector("#plot-waterfall svg");
      expect(await page.textContent("#verdict-sentence")).toMatch(/wins|neither|a tie/);
    }
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("the verdict page shows the CLI's band and tornado; dragging a range moves the band, and the command line reproduces it", async () => {
    const page = await open();
    await page.waitForSelector("#band-ratio");
    await page.waitForSelector("#plot-tornado svg");
    // Same samples, same seed: the page's band is the CLI's.
    const cliDefault = await cli(["estimate", "llm-training"]);
    const before = await page.textContent("#band-ratio");
    expect(before).toBe(ratioBand(cliDefault.uncertainty!.quantiles.qpuOverGpuLog10, true));
    // The tornado's bars are the CLI's sensitivity inputs that move the headline.
    const moving = cliDefault
      .sensitivity!.filter((b) => b.speedupLog10AtLow !== b.speedupLog10AtHigh)
      .map((b) => b.input);
    expect(moving.length).toBeGreaterThan(0);
    const ticks = await page
      .locator("#plot-tornado svg")
      .last()
      .locator('g[aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(ticks).toEqual(moving);

    // Keyboard: the low handle of mfu to the end of its track.
    await page.focus("#range-mfu input.lo");
    await page.keyboard.press("Home");
    await expect.poll(() => page.url()).toContain("r.mfu=");
    await expect.poll(() => page.textContent("#band-ratio"), { timeout: 20_000 }).not.toBe(before);
    const widened = await page.textContent("#band-ratio");
    // The default band stays drawn behind the user's.
    await expect
      .poll(() =>
        page
          .locator("#plot-band svg")
          .last()
          .locator('g[aria-label="y-axis tick label"] text')
          .allTextContents(),
      )
      .toEqual(["default ranges", "your ranges"]);

    // Mouse: drag the high handle of mfu to the right end of the track.
    const hi = page.locator("#range-mfu input.hi");
    const box = (await hi.boundingBox())!;
    const value = Number(await hi.inputValue()) / 1000;
    const x = box.x + 7 + value * (box.width - 14);
    await page.mouse.move(x, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(Number(await hi.inputValue())).toBeGreaterThan(value * 1000);
    await expect.poll(() => page.textContent("#band-ratio"), { timeout: 20_000 }).not.toBe(widened);
    await page.screenshot({ path: `${ARTIFACTS}verdict-ranges.png`, fullPage: true });

    // The command line the page shows gives the band the page shows.
    const command = (await page.textContent("#cli-command"))!;
    expect(command).toMatch(/^qfit estimate llm-training --range mfu=[\d.e-]+:0\.4:[\d.e-]+:triangular$/);
    const fromCli = await cli(command.split(" ").slice(1));
    expect(await page.textContent("#band-ratio")).toBe(
      ratioBand(fromCli.uncertainty!.quantiles.qpuOverGpuLog10, true),
    );
    await page.close();
  });

  it("the crossover page: the instance's size changes the answer, and qfit's year is reconciled with the framework's", async () => {
    const page = await open("?tab=crossover");
    await page.waitForSelector("#instance");
    await expect
      .poll(() => page.textContent("#crossover-band"), { timeout: 20_000 })
      .toMatch(/median \d{4}|never|\d{4}/);
    const instance = await page.textContent("#instance");
    expect(instance).toMatch(/2,048 modulus bits/);
    const fits = () => page.locator("#vendor-years tr td:nth-child(5)").allTextContents();
    const before = await fits();
    const reason = (await page.textContent("#crossover-reason"))!;
    // Whole projected years (issue 13): "n* = 679, projected 2045", the vendors' rows "projected 2031".
    const qfitYear = Number(/projected (\d{4})/.exec(reason)?.[1]);
    const vendorYears = (await page.locator("#vendor-years tr td:nth-child(2)").allTextContents())
      .map((t) => Number(/^projected (\d{4})$/.exec(t)?.[1]))
      .filter(Number.isFinite);
    expect(vendorYears.length).toBeGreaterThan(0);
    // One line (the report's, src/report/mit-compare.ts) naming both years and what each counts.
    const reconcile = (await page.textContent("#reconcile"))!;
    expect(reconcile).toContain(`qfit (${Math.round(qfitYear)})`);
    expect(reconcile).toContain(
      `${Math.round(Math.min(...vendorYears))}–${Math.round(Math.max(...vendorYears))} over ${vendorYears.length} vendor presets`,
    );
    expect(reconcile).toMatch(/logical qubits.*physical qubits/);
    await page.locator("#xsize").fill("1024");
    await expect.poll(() => page.textContent("#instance")).toMatch(/1,024 modulus bits/);
    expect(await page.textContent("#instance")).not.toBe(instance);
    // Fewer logical qubits for a smaller instance: every roadmap holds it no later, and some strictly earlier.
    const after = await fits();
    expect(after).not.toEqual(before);
    after.forEach((y, i) => {
      if (before[i] !== "never") expect(Number(y)).toBeLessThanOrEqual(Number(before[i]));
    });
    expect(await page.locator("#vendor-years th").nth(4).textContent()).toContain("1,024 logical qubits");
    await page.screenshot({ path: `${ARTIFACTS}crossover-1024.png`, fullPage: true });
    await page.close();
  });

  it("the crossover page shades each side's p05–p95 along its curve (the CLI's bands), and a range slider moves them", async () => {
    const page = await open("?tab=crossover");
    const areas = page.locator('#plot-crossover svg g[aria-description="p05–p95 band"] path');
    await expect.poll(() => areas.count(), { timeout: 30_000 }).toBe(2);
    const shapes = () => areas.evaluateAll((ps) => ps.map((p) => p.getAttribute("d")));
    const before = await shapes();
    // Filled in the curves' colours (the legend's classical and quantum).
    const fills = await areas.evaluateAll((ps) => ps.map((p) => p.getAttribute("fill")));
    expect(fills.sort()).toEqual(["#0072B2", "#D55E00"].sort());
    expect(await page.textContent("#crossover-curve-bands")).toMatch(
      /p05–p95 at every size \(2,000 seeded samples, seed \d+/,
    );
    // The same numbers as `qfit crossover shor --json` (default input, same seed): the server's bands are the CLI's.
    const fromCli = (await cli(["crossover", "shor"])) as unknown as {
      physical: { bands: { quantumSeconds: Array<{ p95: number | null }> } };
    };
    const api = await page.evaluate(async (t0) => {
      const r = await fetch("api/crossover", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "shor", t0, qubit: "qubit_gate_ns_e3" }),
      });
      return (await r.json()).bands;
    }, new Date().getUTCFullYear());
    expect(api.quantumSeconds.map((q: { p95: number | null }) => q.p95)).toEqual(
      fromCli.physical.bands.quantumSeconds.map((q) => q.p95),
    );
    // Widen the gate time's range (keyboard: its high handle to the end of the track): the quantum band moves.
    await page.locator("#crossover-ranges summary").click();
    await page.focus("#range-qpuGateTimeFactor input.hi");
    await page.keyboard.press("End");
    await expect.poll(() => page.url()).toContain("r.qpuGateTimeFactor=");
    await expect.poll(shapes, { timeout: 30_000 }).not.toEqual(before);
    const after = await shapes();
    expect(after).toHaveLength(2);
    await page.screenshot({ path: `${ARTIFACTS}crossover-bands.png`, fullPage: true });
    await page.close();
  });

  for (const tab of ["verdict", "crossover", "roadmap", "hybrid", "lab"]) {
    it(`the ${tab} page fits 390, 800 and 1300 px without sideways scrolling`, async () => {
      for (const width of [390, 800, 1300]) {
        const page = await open(tab === "verdict" ? "" : `?tab=${tab}`, width);
        if (tab === "verdict") await page.waitForSelector("#plot-tornado svg");
        if (tab === "crossover") await page.waitForSelector("#plot-crossover svg");
        if (tab === "lab") await page.waitForSelector("#diagram svg");
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0)
          await page.screenshot({ path: `${ARTIFACTS}overflow-${tab}-${width}.png`, fullPage: true });
        expect(overflow, `${tab} at ${width} px`).toBe(0);
        await page.close();
      }
    });
  }

  it("the hybrid page: a cloud link moves the wall time to the link, with no console errors", async () => {
    const page = await open("?tab=hybrid");
    await page.waitForSelector("#hybrid-stages");
    const before = Number.parseFloat((await page.textContent("#hybrid-share-link")) ?? "");
    await page.selectOption("#hybrid-link", "cloud");
    await expect
      .poll(async () => Number.parseFloat((await page.textContent("#hybrid-share-link")) ?? ""))
      .toBeGreaterThan(before);
    expect(page.url()).toContain("hlink=cloud");
    await page.selectOption("#hybrid-preset", "llm-quantum-layer");
    await expect.poll(() => page.textContent("#hybrid-summary")).toMatch(/classical \(GPU\) wins/);
    await page.screenshot({ path: `${ARTIFACTS}hybrid.png`, fullPage: true });
    // A published run: the overlapped SQD loop shows its published split next to the model's.
    await page.selectOption("#hybrid-link", "");
    await page.selectOption("#hybrid-preset", "sqd-fugaku-4fe4s");
    await expect.poll(() => page.textContent("#hybrid-published")).toMatch(/Published run: QPU 10 h/);
    await expect.poll(() => page.textContent("#hybrid-schedule-note")).toMatch(/overlap/);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("runs a Bell circuit and shows two bars with their counts, and no warning sign", async () => {
    const page = await open("?tab=lab");
    await page.click("#run");
    await page.waitForSelector("#plot-histogram svg");
    const bars = await page.locator('#plot-histogram g[aria-label="bar"] rect').count();
    expect(bars).toBe(2);
    const labels = await page.locator('#plot-histogram g[aria-label="text"] text').allTextContents();
    expect(labels.length).toBe(2);
    expect(labels.map(Number).reduce((a, b) => a + b, 0)).toBe(1024);
    // Observable Plot draws ⚠ in a figure when it warned about the data.
    expect(await page.locator("#plot-histogram").textContent()).not.toContain("⚠");
    await page.screenshot({ path: `${ARTIFACTS}lab-bell.png`, fullPage: true });
    await page.close();
  });

  it("runs Bell as IBM Heron r2 would: transpiled stats, ideal vs noisy bars, fidelity, device time", async () => {
    const page = await open("?tab=lab");
    await page.selectOption("#device", "ibm-heron-r2");
    await page.click("#run");
    await page.waitForSelector("#device-stats", { timeout: 30_000 });
    const fidelity = Number(await page.textContent("#fidelity"));
    expect(fidelity).toBeGreaterThan(0.8);
    expect(fidelity).toBeLessThan(1);
    // Two outcomes × (ideal, noisy) at least; noise adds the other outcomes.
    expect(await page.locator('#plot-histogram g[aria-label="bar"] rect').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator("#plot-histogram").textContent()).not.toContain("⚠");
    await page.screenshot({ path: `${ARTIFACTS}lab-device.png`, fullPage: true });
    await page.close();
  });

  it("shows malformed OpenQASM's error at its line", async () => {
    const page = await open("?tab=lab");
    await page.locator("#qasm").fill('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nfoo q[0];\n');
    await expect.poll(() => page.textContent("#qasm-error")).toMatch(/^line 4, column 1: .*foo/);
    expect(await page.locator(".gutter .bad").textContent()).toBe("4");
    expect(await page.locator("#run").isDisabled()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}lab-error.png`, fullPage: true });
    await page.close();
  });

  it("draws the circuit and switches to a bundled example", async () => {
    const page = await open("?tab=lab");
    await page.waitForSelector("#diagram svg");
    expect(await page.locator("#diagram svg text").allTextContents()).toEqual(
      expect.arrayContaining(["q_0:", "q_1:", "c: 2/", "H", "M"]),
    );
    const options = await page.locator("#example option").allTextContents();
    expect(options).toEqual(expect.arrayContaining(["bell.qasm", "teleport.qasm", "qft4.qasm"]));
    await page.selectOption("#example", "teleport.qasm");
    await expect.poll(() => page.inputValue("#qasm")).toContain("creg c2[1];");
    await expect
      .poll(() => page.locator("#diagram svg text").allTextContents())
      .toEqual(expect.arrayContaining(["q_2:", "c0: 1/", "U3(0.7,0.2,0)", "0x1"]));
    await page.screenshot({ path: `${ARTIFACTS}lab-teleport.png`, fullPage: true });
  });

  it("clears a run's error when the circuit changes", async () => {
    const page = await open("?tab=lab");
    // 30 qubits: more than the server runs (24 by default), so the run fails with the server's message.
    const gates = Array.from({ length: 30 }, (_, i) => `h q[${i}];`).join("\n");
    await page.locator("#qasm").fill(`OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[30];\n${gates}\n`);
    await page.click("#run");
    await expect.poll(() => page.locator("p.error").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.textContent("p.error")).toMatch(/30 qubits/);
    await page.locator("#qasm").fill('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nfoo q[0];\n');
    await expect.poll(() => page.textContent("#qasm-error")).toMatch(/foo/);
    // Only the new problem is shown, not the old run's error under it.
    expect(await page.locator("p.error").count()).toBe(1);
  });

  it("runs a 24-qubit circuit on the server", async () => {
    const page = await open("?tab=lab");
    const gates = Array.from({ length: 24 }, (_, i) => `h q[${i}];`).join("\n");
    await page
      .locator("#qasm")
      .fill(`OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[24];\ncreg c[24];\n${gates}\nmeasure q -> c;\n`);
    await page.click("#run");
    // No timing assertion here (bench:dashboard measures it): the run must finish and show its most frequent outcomes.
    await expect
      .poll(() => page.textContent("#run-status"), { timeout: 60_000 })
      .toMatch(/ran on the server \(24 qubits/);
    await page.waitForSelector("#plot-histogram svg");
    expect(await page.locator("#plot-histogram").textContent()).toContain("most frequent");
    expect(await page.locator("#plot-histogram").textContent()).not.toContain("⚠");
  });

  it("runs a circuit too wide for the page on the server", async () => {
    const page = await open("?tab=lab");
    const gates = Array.from({ length: 14 }, (_, i) => `h q[${i}];`).join("\n");
    await page.locator("#qasm").fill(`OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[14];\n${gates}\n`);
    await page.click("#run");
    await expect
      .poll(() => page.textContent("#run-status"), { timeout: 20_000 })
      .toMatch(/ran on the server \(14 qubits/);
    await page.waitForSelector("#plot-histogram svg");
    await page.close();
  });

  it("a shared URL opens the same view", async () => {
    const page = await open();
    await page.selectOption("#f-preset", "llama-3.1-70b");
    await page.locator("#f-gpu").fill("b200");
    await page.locator("#f-gpuCount").fill("4096");
    await page.click("#theme");
    await expect.poll(() => page.url()).toContain("in.gpuCount=4096");
    const shared = page.url();
    const time = await page.textContent("#classical-time");
    const sentence = await page.textContent("#verdict-sentence");
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    const other = await open(shared.slice(base.length));
    await other.waitForSelector("#classical-time");
    expect(await other.inputValue("#f-preset")).toBe("llama-3.1-70b");
    expect(await other.inputValue("#f-gpu")).toBe("b200");
    expect(await other.textContent("#classical-time")).toBe(time);
    expect(await other.textContent("#verdict-sentence")).toBe(sentence);
    expect(await other.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await other.screenshot({ path: `${ARTIFACTS}shared-url.png`, fullPage: true });
    await page.close();
    await other.close();
  });

  it("tabs work from the keyboard", async () => {
    const page = await open();
    await page.focus("#tab-verdict");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator("main h2").first().textContent()).toBe("Crossover");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-crossover");
    await page.close();
  });

  it("each plot offers its SVG for download", async () => {
    const page = await open();
    await page.waitForSelector("#plot-waterfall svg");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#plot-waterfall button"),
    ]);
    expect(download.suggestedFilename()).toBe("waterfall.svg");
    await page.close();
  });
});
