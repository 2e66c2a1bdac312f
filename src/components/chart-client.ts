// In the browser: turns each build-time chart into an interactive one at the exact width (with tooltips),
// and offers the PNG download. If anything fails, the static chart stays, so nothing is lost.
import {embedCode, renderPlot, type ChartSpec} from "./chart.js";

/** The chart's spec: inline in the figure, or (for large charts) fetched from its JSON file once. */
const fetched = new Map<string, Promise<ChartSpec | null>>();
export function specOf(figure: Element): Promise<ChartSpec | null> {
  const json = figure.querySelector("script.chart-spec")?.textContent;
  if (json) return Promise.resolve(JSON.parse(json) as ChartSpec);
  const src = figure.getAttribute("data-spec-src");
  if (!src) return Promise.resolve(null);
  if (!fetched.has(src)) fetched.set(src, fetch(src).then((r) => (r.ok ? (r.json() as Promise<ChartSpec>) : null)).catch(() => null));
  return fetched.get(src)!;
}

async function hydrate(figure: HTMLElement): Promise<void> {
  const plot = figure.querySelector<HTMLElement>(".chart-plot");
  if (!plot) return;
  // Only charts near the screen are redrawn (and large specs fetched), so loading a long page stays cheap.
  await visible(plot);
  const spec = await specOf(figure);
  if (spec) hydratePlot(plot, spec);
}

/** Resolves when the element comes within a screen's height of the viewport. */
function visible(element: Element): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        resolve();
      }
    }, {rootMargin: "100% 0px"});
    observer.observe(element);
  });
}

/** Replaces a `.chart-plot` holder's static SVGs with one interactive chart that follows the holder's width. */
export function hydratePlot(plot: HTMLElement, spec: ChartSpec): void {
  let live: Element | null = null;
  let lastWidth = 0;
  const draw = () => {
    const width = Math.floor(plot.clientWidth);
    if (width < 120 || Math.abs(width - lastWidth) < 8) return; // hidden or not laid out yet: keep the static chart
    lastWidth = width;
    const next = renderPlot(spec, width, document, true);
    next.classList.add("chart-live");
    if (live) live.replaceWith(next);
    else plot.append(next);
    live = next;
    plot.classList.add("is-live");
  };
  draw();
  new ResizeObserver(() => draw()).observe(plot);
}

async function downloadPng(figure: HTMLElement, id: string): Promise<void> {
  const svg = figure.querySelector<SVGSVGElement>(".chart-live svg, svg.chart-live, .chart-wide svg");
  if (!svg) return;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // A chart hidden from view (a story step's copy) has no box: use the size it was drawn at.
  const box = svg.getBoundingClientRect();
  const width = box.width || svg.width.baseVal.value, height = box.height || svg.height.baseVal.value;
  const scale = 2;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], {type: "image/svg+xml"}));
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error("could not draw the chart image"));
    img.src = url;
  });
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(img, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(url);
  const a = document.createElement("a");
  a.download = `${id}.png`;
  a.href = canvas.toDataURL("image/png");
  a.click();
}

/** Call once per page. */
export function enhanceCharts(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>("figure.chart")) {
    hydrate(figure).catch((error) => console.warn(`chart ${figure.dataset.chart} stays static:`, error));
    const code = figure.querySelector<HTMLTextAreaElement>("textarea.embed-code");
    const title = figure.querySelector(".chart-title")?.textContent ?? "";
    if (code) code.value = embedCode({id: figure.dataset.chart!, title}, location.origin, code.dataset.embedBase);
    const button = figure.querySelector<HTMLButtonElement>("button[data-chart-png]");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", () => void downloadPng(figure, button.dataset.chartPng!));
    }
  }
}
