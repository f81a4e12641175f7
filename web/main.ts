// The dashboard shell: five pages behind keyboard-accessible tabs, a light/dark theme, all state in the URL.
import { html } from "htm/preact";
import { render } from "preact";
import { CrossoverPage } from "./pages/crossover.js";
import { HybridPage } from "./pages/hybrid.js";
import { LabPage } from "./pages/lab.js";
import { RoadmapPage } from "./pages/roadmap.js";
import { VerdictPage } from "./pages/verdict.js";
import { urlState } from "./state.js";

const PAGES = [
  { id: "verdict", label: "Verdict", view: VerdictPage },
  { id: "crossover", label: "Crossover", view: CrossoverPage },
  { id: "roadmap", label: "Roadmap", view: RoadmapPage },
  { id: "hybrid", label: "Hybrid pipeline", view: HybridPage },
  { id: "lab", label: "Circuit lab", view: LabPage },
] as const;

const tab = urlState("tab", "verdict");
const prefersDark = matchMedia("(prefers-color-scheme: dark)").matches;
const theme = urlState("theme", prefersDark ? "dark" : "light");

function App() {
  document.documentElement.dataset.theme = theme.value;
  const current = PAGES.find((p) => p.id === tab.value) ?? PAGES[0];
  const onKey = (e: KeyboardEvent) => {
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    const i = PAGES.findIndex((p) => p.id === current.id);
    const d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!d) return;
    const next = PAGES[(i + d + PAGES.length) % PAGES.length];
    tab.value = next.id;
    requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
  };
  return html`<header>
      <h1>qfit</h1>
      <nav role="tablist" aria-label="pages" onKeyDown=${onKey}>
        ${PAGES.map(
          (p) =>
            html`<button type="button" role="tab" id=${`tab-${p.id}`} aria-selected=${p.id === current.id} aria-controls="page" tabindex=${p.id === current.id ? 0 : -1} onClick=${() => (tab.value = p.id)}>${p.label}</button>`,
        )}
      </nav>
      <button type="button" id="theme" aria-label="switch theme" onClick=${() => (theme.value = theme.value === "dark" ? "light" : "dark")}>${theme.value === "dark" ? "☀ light" : "☾ dark"}</button>
    </header>
    <main id="page" role="tabpanel" aria-labelledby=${`tab-${current.id}`}><${current.view} /></main>`;
}

render(html`<${App} />`, document.getElementById("app")!);
