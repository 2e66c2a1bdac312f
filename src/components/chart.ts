// The chart contract: title, subtitle, the chart, a description generated from the data, a data table,
// downloads (CSV of exactly what is drawn, SVG, PNG), source and last-updated line, and an embed link.
// renderChart builds it with any DOM `document`: jsdom at build time (so the chart is in the HTML before
// any JavaScript runs) or the browser's. Pages never assemble these parts by hand.
import * as Plot from "@observablehq/plot";
import {csvFormat} from "d3-dsv";
import {formatMonth} from "./format.js";
import {chartPaths, embedCode} from "./chart-parts.js";
import {PLOT_FUNCTIONS, type PlotContext, type PlotName, type PlotOptionsByName, type Row} from "./plots/index.js";

// The parts of the contract that need no Plot (addresses, embed code, the press image), for the browser's first load.
export {chartImageSvg, chartPaths, embedCode, LICENCE_LINE, wrapText} from "./chart-parts.js";

export interface ChartColumn {
  key: string;
  label: string;
  /** how the table formats the value ("month": YYYY-MM shown as "January 2025"; the CSV keeps YYYY-MM) */
  kind?: "count" | "rate" | "text" | "percent" | "month";
}

/** What every chart has, whatever it draws. */
export interface ChartBase {
  /** stable identifier: used in download and embed addresses, e.g. "roads-severity" */
  id: string;
  title: string;
  subtitle?: string;
  /** plain-English description computed from the data */
  description: string;
  /** exactly the rows drawn */
  data: Row[];
  columns: ChartColumn[];
  source: string;
  /** when the data was last updated, in words, e.g. "data to December 2025" */
  updated: string;
  /** extra caveat shown under the chart */
  note?: string;
  /**
   * A summary table to show instead of the drawn rows, when those are too many to read as a table (a map's
   * points): the CSV download still holds exactly what is drawn.
   */
  table?: {data: Row[]; columns: ChartColumn[]; note: string};
}

/** The Plot function that draws a chart, and its options, checked against that function's own options. */
export type PlotSpec = {[K in PlotName]: {plot: K; options: PlotOptionsByName[K]}}[PlotName];

export type ChartSpec = ChartBase & PlotSpec;

/** Specs larger than this are fetched by the browser from /downloads/charts/<id>.json instead of sitting in the page. */
export const INLINE_SPEC_LIMIT = 16_000;

/** The phone rendering: at 300 px its 12 px text is still 11.5 px on a 320 px screen (288 px of content). */
export const NARROW_WIDTH = 300;
export const WIDE_WIDTH = 680;

const numberFormat = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 1});


/** The Plot figure (an SVG element) for a spec at a width. */
export function renderPlot(spec: ChartSpec, width: number, doc: Document, interactive = false): SVGSVGElement | HTMLElement {
  const options = plotOptions(spec, {width, document: doc, interactive, title: spec.title, description: spec.description});
  const figure = Plot.plot(options) as SVGSVGElement | HTMLElement;
  // Plot labels its inner <g> groups with aria-label, which ARIA forbids on generic elements (axe:
  // aria-prohibited-attr). The chart is one image to assistive technology: its label and description
  // sit on the <svg>; the data table carries the detail.
  const svgs = figure.tagName.toLowerCase() === "svg" ? [figure] : Array.from(figure.querySelectorAll("svg"));
  for (const svg of svgs) {
    // The chart is the svg Plot labelled; legend swatches and ramps repeat what their text says.
    if (svg.hasAttribute("aria-label")) svg.setAttribute("role", "img");
    else svg.setAttribute("aria-hidden", "true");
  }
  for (const node of Array.from(figure.querySelectorAll("svg [aria-label]"))) node.removeAttribute("aria-label");
  // Plot writes font-variant="tabular-nums" on axis groups; the SVG attribute allows only CSS2 values (normal,
  // small-caps), so HTML checkers reject it. The same setting as a style property is valid everywhere.
  for (const node of Array.from(figure.querySelectorAll("[font-variant]"))) {
    const value = node.getAttribute("font-variant")!;
    node.removeAttribute("font-variant");
    if (value !== "normal") node.setAttribute("style", `${node.getAttribute("style") ?? ""}font-variant-numeric:${value};`);
  }
  if (!interactive) compactNumbers(figure);
  return figure;
}

/** The named plot function called with the spec's options (the plot name selects the options' type). */
function plotOptions<K extends PlotName>(spec: ChartBase & {plot: K; options: PlotOptionsByName[K]}, ctx: PlotContext): Plot.PlotOptions {
  return PLOT_FUNCTIONS[spec.plot](spec.data, {...spec.options, ...ctx});
}

/** Geometry to 0.1 px: the same picture in far fewer bytes (build-time renderings only). */
function compactNumbers(root: Element): void {
  const round = (v: string) => v.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10));
  for (const node of Array.from(root.querySelectorAll("path, circle, line, rect, text, g, use"))) {
    for (const name of ["d", "transform", "cx", "cy", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "points"]) {
      const v = node.getAttribute(name);
      if (v && /\.\d{2,}/.test(v)) node.setAttribute(name, round(v));
    }
  }
}

/** CSV of exactly what the chart draws, with the table's column labels. */
export function chartCsv(spec: ChartSpec): string {
  return csvFormat(spec.data.map((d) => Object.fromEntries(spec.columns.map((c) => [c.label, d[c.key] as string]))), spec.columns.map((c) => c.label)) + "\n";
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function cell(value: unknown, kind: ChartColumn["kind"]): string {
  if (value === null || value === undefined || value === "") return "–";
  if (kind === "month" && typeof value === "string" && /^\d{4}-\d{2}$/.test(value)) return formatMonth(value);
  if (typeof value === "number") return kind === "percent" ? `${numberFormat.format(value * 100)}%` : numberFormat.format(value);
  return String(value);
}

/**
 * The accessible data table: a caption above its scrolling region (which it names, with the table), column headers,
 * row headers in the first column. The same markup as loaders/site/components.ts tableRegion, for the same CSS.
 */
export function renderTable(spec: ChartSpec, doc: Document, caption = `Data for: ${spec.title}`): HTMLElement {
  const {data, columns} = spec.table ?? spec;
  const captionId = `${spec.id}-table-caption`;
  const block = el(doc, "div", {class: "table-block"});
  block.append(el(doc, "p", {class: "table-caption", id: captionId}, caption));
  const wrap = el(doc, "div", {class: "table-scroll", role: "region", "aria-labelledby": captionId, tabindex: "0"});
  const table = el(doc, "table", {"aria-labelledby": captionId});
  const thead = el(doc, "thead"), tr = el(doc, "tr");
  for (const c of columns) tr.append(el(doc, "th", {scope: "col", ...(c.kind && c.kind !== "text" && c.kind !== "month" ? {class: "num"} : {})}, c.label));
  thead.append(tr);
  const tbody = el(doc, "tbody");
  for (const d of data) {
    const row = el(doc, "tr");
    columns.forEach((c, i) => {
      const numeric = c.kind && c.kind !== "text" && c.kind !== "month";
      row.append(el(doc, i === 0 ? "th" : "td", {...(i === 0 ? {scope: "row"} : {}), ...(numeric ? {class: "num"} : {})}, cell(d[c.key], c.kind)));
    });
    tbody.append(row);
  }
  table.append(thead, tbody);
  wrap.append(table);
  block.append(wrap);
  return block;
}

/**
 * The chart itself: two static renderings, and CSS shows the one that fits (no JavaScript, no layout shift).
 * In the browser, chart-client.ts replaces them with one interactive chart at the exact width.
 */
export function renderPlotHolder(spec: ChartSpec, doc: Document): HTMLElement {
  const plot = el(doc, "div", {class: "chart-plot"});
  // Two renderings for every chart, maps included: a wide one scaled down to a phone would write its labels at
  // half size (chart text is never drawn below 11 px).
  const renderings = [[WIDE_WIDTH, "chart-static chart-wide"], [NARROW_WIDTH, "chart-static chart-narrow"]] as const;
  for (const [width, cls] of renderings) {
    const holder = el(doc, "div", {class: cls});
    const figure = renderPlot(spec, width, doc);
    // Plot puts the same <style> in every SVG and legend; the site stylesheet carries it once (".chart-static svg",
    // the swatch rules), as each <style> met while parsing makes the browser restyle the page before its first
    // paint, and HTML allows <style> in <body> only as the first child of its parent.
    for (const style of Array.from(figure.querySelectorAll("style"))) style.remove();
    holder.append(figure);
    plot.append(holder);
  }
  return plot;
}

function renderEmbedCode(spec: ChartSpec, doc: Document, embedPath: string, base: string): HTMLElement {
  const details = el(doc, "details", {class: "chart-embed"});
  details.append(el(doc, "summary", {}, "Embed this chart"));
  const p = el(doc, "p", {}, "Copy this code into your web page. The chart resizes itself to fit; without the script line it keeps a fixed height. ");
  const preview = el(doc, "a", {href: embedPath}, "Preview the embedded chart");
  p.append(preview, ".");
  details.append(p);
  for (const compact of [false, true]) {
    const id = `${spec.id}-embed-code${compact ? "-compact" : ""}`;
    const option = el(doc, "div", {class: "embed-option"});
    const label = el(doc, "label", {for: id}, compact ? "Compact: the chart, its title, source and a link to the rest" : "Full: with the description, data table and downloads");
    // The site's address is filled in by the browser script; until then the code uses this site's paths.
    const code = el(doc, "textarea", {id, class: "embed-code", readonly: "", rows: "4", "data-embed-base": base, ...(compact ? {"data-embed-compact": ""} : {})}, embedCode(spec, "", base, compact));
    // Shown by the browser script, which can write to the clipboard.
    const copy = el(doc, "button", {type: "button", class: "embed-copy", "data-copy": id, hidden: ""}, compact ? "Copy the compact embed code" : "Copy the embed code");
    option.append(label, code, copy);
    details.append(option);
  }
  details.append(el(doc, "p", {class: "embed-status", role: "status"}));
  return details;
}

/** The whole contract as a <figure>. `headingLevel` keeps page headings in order. */
export function renderChart(spec: ChartSpec, doc: Document, {headingLevel = 3, base = "/", embed = false, specMode = "auto"}: {headingLevel?: number; base?: string; embed?: boolean; specMode?: "auto" | "inline" | "none"} = {}): HTMLElement {
  const paths = chartPaths(spec.id, base);
  const figure = el(doc, "figure", {class: "chart", id: `chart-${spec.id}`, "data-chart": spec.id, "aria-labelledby": `${spec.id}-title`});
  figure.append(el(doc, `h${headingLevel}` as "h3", {id: `${spec.id}-title`, class: "chart-title"}, spec.title));
  if (spec.subtitle) figure.append(el(doc, "p", {class: "chart-subtitle"}, spec.subtitle));
  const plot = renderPlotHolder(spec, doc);
  figure.append(plot);
  figure.append(el(doc, "p", {class: "chart-description", id: `${spec.id}-description`}, spec.description));
  // A map's numbered areas have their key in words, and print keeps just those rows of its table (the pack's key).
  const numbered = spec.plot === "choropleth" ? spec.options.numbered ?? 5 : 0;
  if (spec.plot === "choropleth" && numbered) {
    figure.setAttribute("data-print-rows", String(numbered));
    figure.append(el(doc, "p", {class: "chart-key"}, `Numbers 1 to ${numbered} on the map mark the ${numbered} small areas with the most ${spec.options.valueLabel.toLowerCase()}: ranks 1 to ${numbered} in the table, which lists every area.`));
  }
  if (spec.note) figure.append(el(doc, "p", {class: "chart-note"}, spec.note));
  const details = el(doc, "details", {class: "chart-table"});
  details.append(el(doc, "summary", {}, "Show the data as a table"));
  if (spec.table) details.append(el(doc, "p", {class: "chart-table-note"}, spec.table.note));
  details.append(renderTable(spec, doc));
  if (numbered) details.append(el(doc, "p", {class: "print-only"}, `Printed: ranks 1 to ${numbered}. The whole table is on the page and in the CSV download.`));
  figure.append(details);
  const actions = el(doc, "ul", {class: "chart-actions", "aria-label": `Downloads for: ${spec.title}`});
  // Downloads, named for the chart. (Framework builds these files as routes and checks the links: see
  // loaders/pages/site-files.ts.)
  const link = (href: string, text: string) => {
    const li = el(doc, "li"), a = el(doc, "a", {href, download: href.slice(href.lastIndexOf("/") + 1)}, text);
    li.append(a);
    return li;
  };
  actions.append(link(paths.csv, "Data (CSV)"), link(paths.svg, "Image (SVG)"));
  const png = el(doc, "li"), button = el(doc, "button", {type: "button", class: "chart-png", "data-chart-png": spec.id, hidden: ""}, "Image (PNG)");
  png.append(button);
  actions.append(png);
  figure.append(actions);
  if (!embed) figure.append(renderEmbedCode(spec, doc, paths.embed, base));
  // The spec lets the browser redraw the chart interactively: inline when small, else fetched on demand. It goes
  // before the figcaption, which HTML allows only as a figure's first or last child.
  const json = JSON.stringify(spec);
  if (specMode === "inline" || (specMode === "auto" && json.length <= INLINE_SPEC_LIMIT)) {
    const data = el(doc, "script", {type: "application/json", class: "chart-spec"});
    data.textContent = json.replaceAll("<", "\\u003c");
    figure.append(data);
  } else if (specMode !== "none") {
    figure.setAttribute("data-spec-src", paths.json);
  }
  figure.append(el(doc, "figcaption", {class: "chart-meta"}, `Source: ${spec.source}. ${spec.updated}.`));
  return figure;
}
