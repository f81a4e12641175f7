// An Observable Plot figure as a Preact component, with a button that downloads the plot as an SVG file.
import * as Plot from "@observablehq/plot";
import { html } from "htm/preact";
import { useEffect, useRef } from "preact/hooks";

export function PlotView({ id, options }: { id: string; options: Plot.PlotOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const width = Math.max(320, Math.min(960, el.clientWidth || 960));
    const figure = Plot.plot({
      width,
      style: { background: "transparent", color: "currentColor" },
      ...options,
    });
    figure.setAttribute("data-plot", id);
    el.replaceChildren(figure);
  }, [id, options]);
  const download = () => {
    const svg = ref.current?.querySelector("svg");
    if (!svg) return;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    const blob = new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${id}.svg`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return html`<div class="plot" id=${`plot-${id}`}>
    <div ref=${ref}></div>
    <button type="button" onClick=${download} aria-label=${`download ${id} as SVG`}>Download SVG</button>
  </div>`;
}
