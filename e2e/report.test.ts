/// <reference lib="dom" />
// The HTML report in a real browser (Debian's Chromium driven by playwright-core, as the dashboard tests do), at a
// phone's, a small laptop's and a desktop's width: the page never scrolls sideways (wide tables scroll in their own
// box), no text in any visible chart lies outside its SVG, and nothing is logged as an error. Screenshots go to
// e2e/artifacts/ for people to look at.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/qfit.js", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
const CHROMIUM = process.env.QFIT_CHROMIUM ?? "/usr/bin/chromium";

let dir: string;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set QFIT_CHROMIUM`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "qfit-report-e2e-"));
  const file = join(dir, "report.html");
  execFileSync(process.execPath, [BIN, "report", "--html", file, "--t0", "2026"], { stdio: "ignore" });
  url = pathToFileURL(file).href;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  charts: number;
  texts: number;
  clipped: string[];
  tables: Array<{ overflowX: string; boxWidth: number; tableWidth: number }>;
  firstHeading: string;
  headlines: number;
}

describe.each([390, 800, 1300])("the report at %i px", (width) => {
  it("does not scroll sideways, keeps every chart's text inside its SVG, logs no error", async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
    });
    page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(url);
    const layout: Layout = await page.evaluate(() => {
      const clipped: string[] = [];
      let charts = 0;
      let texts = 0;
      for (const svg of document.querySelectorAll("svg")) {
        const box = svg.getBoundingClientRect();
        if (box.width === 0) continue; // the variant for the other width, hidden by CSS
        charts++;
        for (const t of svg.querySelectorAll("text")) {
          if (!t.textContent?.trim()) continue;
          texts++;
          const r = t.getBoundingClientRect();
          if (
            r.left < box.left - 0.5 ||
            r.right > box.right + 0.5 ||
            r.top < box.top - 0.5 ||
            r.bottom > box.bottom + 0.5
          )
            clipped.push(`${svg.id}: "${t.textContent}"`);
        }
      }
      const tables = [...document.querySelectorAll(".scroll")].map((b) => ({
        overflowX: getComputedStyle(b).overflowX,
        boxWidth: b.getBoundingClientRect().width,
        tableWidth: b.querySelector("table")!.getBoundingClientRect().width,
      }));
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        charts,
        texts,
        clipped,
        tables,
        firstHeading: document.querySelector("h2")?.textContent ?? "",
        headlines: document.querySelectorAll(".headline li").length,
      };
    });
    await page.screenshot({ path: join(ARTIFACTS, `report-${width}.png`) });
    await page.close();

    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    // The report opens on its answer: one sentence per workload before the table.
    expect(layout.firstHeading).toBe("The answer");
    expect(layout.headlines).toBeGreaterThan(5);
    // Charts are drawn (one variant each) and every text box sits inside its SVG.
    expect(layout.charts).toBeGreaterThan(20);
    expect(layout.texts).toBeGreaterThan(500);
    expect(layout.clipped).toEqual([]);
    // Tables scroll in their own box: the box never exceeds the page, a wider table scrolls inside it.
    for (const t of layout.tables) {
      expect(t.overflowX).toBe("auto");
      expect(t.boxWidth).toBeLessThanOrEqual(layout.innerWidth);
    }
    if (width === 390) expect(layout.tables.some((t) => t.tableWidth > t.boxWidth)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe("the report's crossover plots", () => {
  it("shade a p05–p95 band along both curves, in each curve's colour, visible on the page", async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await page.goto(url);
    const plots = await page.evaluate(() =>
      [...document.querySelectorAll("svg")]
        .filter((svg) => svg.id.startsWith("crossover-") && svg.getBoundingClientRect().width > 0)
        .map((svg) => {
          const color = new Map(
            [...svg.querySelectorAll("g.series")].map((g) => [
              g.getAttribute("data-name"),
              g.getAttribute("data-color"),
            ]),
          );
          const bands = [...svg.querySelectorAll("g.series-band")].map((g) => {
            const paths = [...g.querySelectorAll("path")];
            return {
              series: g.getAttribute("data-series"),
              seriesColor: color.get(g.getAttribute("data-series")) ?? null,
              fills: [...new Set(paths.map((p) => p.getAttribute("fill")))],
              paths: paths.length,
              // The painted area of the first path: a band that exists has width and height on the page.
              box: paths.length ? paths[0].getBoundingClientRect().toJSON() : null,
            };
          });
          const legend = [...svg.querySelectorAll("g.legend")].map((g) => g.textContent ?? "");
          return { id: svg.id, bands, legend };
        }),
    );
    await page.close();
    // Every workload with ranged inputs that move its times gets a band along each curve they move (the hybrid
    // pipelines' only ranges are the time trends: no band; LLM training's move the classical side only), each path
    // filled in its own series' colour.
    const banded = plots.filter((p) => p.bands.length > 0);
    expect(banded.length).toBeGreaterThanOrEqual(9);
    expect(banded.filter((p) => p.bands.length === 2).length).toBeGreaterThanOrEqual(6);
    for (const p of banded) {
      for (const b of p.bands) {
        expect(b.paths).toBeGreaterThan(0);
        expect(b.fills).toEqual([b.seriesColor]);
        expect(b.box!.width).toBeGreaterThan(0);
        expect(b.box!.height).toBeGreaterThan(0);
      }
      expect(p.legend.some((t) => t.includes("p05–p95"))).toBe(true);
    }
  });
});
