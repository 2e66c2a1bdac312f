// In the browser: turns each build-time chart into an interactive one at the exact width (with tooltips),
// and offers the PNG download and the embed code's Copy buttons. If anything fails, the static chart stays, so
// nothing is lost. Plot (in ./chart.js) is loaded only when the first chart is about to become interactive.
import type {ChartSpec} from "./chart.js";
import {chartImageSvg, embedCode} from "./chart-parts.js";

let plotModule: Promise<typeof import("./chart.js")> | undefined;
const chartModule = () => (plotModule ??= import("./chart.js"));

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
  // The build-time chart is already drawn: it becomes interactive (tooltips, the exact width) when the reader
  // reaches for it, so a page that is only read loads no Plot at all.
  await intent(plot);
  const spec = await specOf(figure);
  if (spec) await hydratePlot(plot, spec);
}

/** Resolves when the reader is about to use the element: a pointer over it, a touch on it, or focus inside it. */
export function intent(element: Element): Promise<void> {
  return new Promise((resolve) => {
    const events = ["pointerenter", "touchstart", "focusin"] as const;
    const done = () => {
      for (const type of events) element.removeEventListener(type, done);
      resolve();
    };
    for (const type of events) element.addEventListener(type, done, {passive: true});
  });
}

/** Replaces a `.chart-plot` holder's static SVGs with one interactive chart that follows the holder's width. */
export async function hydratePlot(plot: HTMLElement, spec: ChartSpec): Promise<void> {
  const {renderPlot} = await chartModule();
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

/** The chart as drawn on the page, composed as a press image (title, key, source, licence: chartImageSvg). */
export function chartImage(figure: HTMLElement, spec: ChartSpec | null): string | null {
  const live = figure.querySelector<Element>(".chart-plot.is-live .chart-live") ?? figure.querySelector<Element>(".chart-wide > *");
  const svg = live && (live.tagName.toLowerCase() === "svg" ? live as SVGSVGElement : live.querySelector<SVGSVGElement>("svg[role=img]"));
  if (!live || !svg) return null;
  const context = document.createElement("canvas").getContext("2d")!;
  const measure = (text: string, size: number, bold: boolean) => {
    context.font = `${bold ? 700 : 400} ${size}px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;
    return context.measureText(text).width;
  };
  // Marks can reach beyond the SVG's box (a long label): measured where the chart is laid out.
  let box: DOMRect | undefined;
  try {
    box = svg.getBBox();
  } catch {
    box = undefined;
  }
  const width = Math.max(300, Math.round(svg.getBoundingClientRect().width || svg.width.baseVal.value) + 24);
  const title = figure.querySelector(".chart-title")?.textContent ?? "";
  const text = (selector: string) => figure.querySelector(selector)?.textContent ?? "";
  const meta = text(".chart-meta").replace(/^Source:\s*/, "");
  return chartImageSvg(spec ?? {title, subtitle: text(".chart-subtitle") || undefined, description: text(".chart-description"), source: meta.replace(/\.\s*$/, ""), updated: ""},
    live, width, {measure, box: box && box.width ? box : undefined, site: document.title.split(" | ").at(-1)});
}

async function downloadPng(figure: HTMLElement, id: string): Promise<void> {
  const svg = chartImage(figure, await specOf(figure));
  if (!svg) return;
  const width = Number(/width="(\d+)"/.exec(svg)![1]), height = Number(/height="(\d+)"/.exec(svg)![1]);
  const scale = 2;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
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

/** Writes a textarea's text to the clipboard (selecting it too, so a failed copy leaves it ready for Ctrl+C). */
async function copyText(code: HTMLTextAreaElement): Promise<boolean> {
  code.focus();
  code.select();
  try {
    await navigator.clipboard.writeText(code.value);
    return true;
  } catch {
    return document.execCommand?.("copy") ?? false;
  }
}

/** Call once per page. */
export function enhanceCharts(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>("figure.chart")) {
    hydrate(figure).catch((error) => console.warn(`chart ${figure.dataset.chart} stays static:`, error));
    const title = figure.querySelector(".chart-title")?.textContent ?? "";
    for (const code of figure.querySelectorAll<HTMLTextAreaElement>("textarea.embed-code")) {
      code.value = embedCode({id: figure.dataset.chart!, title}, location.origin, code.dataset.embedBase, code.hasAttribute("data-embed-compact"));
      // One click selects the whole code, ready to copy.
      code.addEventListener("focus", () => code.select());
      code.addEventListener("click", () => code.select());
    }
    for (const button of figure.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
      const code = figure.querySelector<HTMLTextAreaElement>(`#${CSS.escape(button.dataset.copy!)}`);
      const status = figure.querySelector<HTMLElement>(".embed-status");
      if (!code) continue;
      button.hidden = false;
      button.addEventListener("click", () => void copyText(code).then((ok) => {
        if (status) status.textContent = ok ? `${button.textContent?.replace(/^Copy the /, "") ?? "Code"} copied to the clipboard.`.replace(/^./, (c) => c.toUpperCase())
          : "Could not copy: the code is selected, press Ctrl+C (or Cmd+C) to copy it.";
      }));
    }
    const button = figure.querySelector<HTMLButtonElement>("button[data-chart-png]");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", () => void downloadPng(figure, button.dataset.chartPng!));
    }
  }
}
