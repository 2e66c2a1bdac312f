// The explorer's result as the site's chart contract: title, subtitle, key, chart, a description computed
// from the numbers, the months not held named, a data table, the CSV and the source line. The same function
// draws it at build time (jsdom, two static widths) and in the browser (one live chart at the exact width).
import {symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle} from "d3";
import {renderPlot, renderPlotHolder, renderTable, type ChartSpec} from "../chart.js";
import {formatCount, formatMonth, formatMonthRange, formatRate, pluralise} from "../format.js";
import {PALETTE} from "../palette.js";
import type {Catalogue} from "./catalogue.js";
import {csvFileName, sourceLine} from "./csv.js";
import {DASHES, SYMBOLS} from "./lines.js";
import {listWords, type Result} from "./model.js";
import {stateToSearch} from "./state.js";

export const RESULT_ID = "explore-result";
const SYMBOL_PATHS = {circle: symbolCircle, diamond: symbolDiamond, square: symbolSquare, triangle: symbolTriangle, cross: symbolCross, star: symbolStar};

export function resultTitle(result: Result): string {
  const names = listWords(result.series.map((s) => s.label));
  if (result.state.view === "areas") return `${result.typesLabel}: ${names}`;
  if (result.state.view === "types") return `${names}: ${result.areasLabel}`;
  return names;
}

function yLabel(result: Result): string {
  return result.state.measure === "rate" ? "Records per 1,000 residents" : "Records";
}

/** Plain words from the numbers: each line's total (or rate) over the months held and its highest month. */
export function describeResult(result: Result): string {
  const {from, to, measure} = result.state;
  if (!result.months.length) return `The data holds no months between ${formatMonthRange(from, to)}.`;
  const held = pluralise(result.months.length, "month");
  const parts = result.series.map((s) => {
    const total = s.counts.reduce((a, b) => a + b, 0);
    let peak = 0;
    s.counts.forEach((c, i) => { if (c > s.counts[peak]) peak = i; });
    if (measure === "count") return `${s.label}: ${formatCount(total)} records; the most in one month was ${formatCount(s.counts[peak])}, in ${formatMonth(result.months[peak])}.`;
    if (!s.population) return `${s.label}: no rate, as there are no residents to divide by (${formatCount(total)} records).`;
    return `${s.label}: ${formatRate((total / s.population) * 1000)} records per 1,000 residents over the ${held}; the highest month was ${formatRate(s.values[peak]!)}, in ${formatMonth(result.months[peak])}.`;
  });
  return `${held[0].toUpperCase()}${held.slice(1)} held, ${formatMonthRange(from, to)}. ${parts.join(" ")}`;
}

/** What the reader must know beside the chart: months not held, and rates that cannot be given. */
export function resultNotes(result: Result): string[] {
  const notes: string[] = [];
  if (result.gaps.length) {
    const names = result.gaps.map((g) => `${formatMonthRange(g.from, g.to)} (${pluralise(g.months, "month")})`);
    notes.push(`Not in this snapshot: ${listWords(names)}. The lines stop there rather than guess those months.`);
  }
  const noRate = result.state.measure === "rate" ? result.series.filter((s) => !s.population).map((s) => s.label) : [];
  if (noRate.length) notes.push(`No rate for ${listWords(noRate)}: records with no location or outside the nine areas have no residents to divide by.`);
  return notes;
}

export function resultSpec(result: Result, catalogue: Catalogue): ChartSpec {
  const names = result.series.map((s) => s.label);
  return {
    id: RESULT_ID,
    title: resultTitle(result),
    subtitle: `${yLabel(result)} per month, ${formatMonthRange(result.state.from, result.state.to)}`,
    description: describeResult(result),
    plot: "exploreLines",
    options: {series: names, measure: result.state.measure, yLabel: yLabel(result), from: result.state.from, to: result.state.to, gaps: result.gaps},
    data: result.series.flatMap((s) => result.months.map((month, i) => ({month, series: s.label, value: s.values[i]}))),
    columns: [{key: "month", label: "Month", kind: "month"}, ...names.map((n, i) => ({key: `s${i}`, label: n, kind: result.state.measure === "rate" ? "rate" as const : "count" as const}))],
    source: sourceLine(result, catalogue),
    updated: `Data from ${formatMonth(catalogue.months[0])} to ${formatMonth(catalogue.months.at(-1)!)}`
  };
}

function legend(result: Result, doc: Document): HTMLElement {
  const ul = doc.createElement("ul");
  ul.className = "explore-legend";
  ul.setAttribute("aria-label", "Key");
  const ns = "http://www.w3.org/2000/svg";
  result.series.forEach((s, i) => {
    const li = doc.createElement("li");
    const svg = doc.createElementNS(ns, "svg");
    for (const [k, v] of Object.entries({width: "44", height: "16", viewBox: "0 0 44 16", "aria-hidden": "true"})) svg.setAttribute(k, v);
    const line = doc.createElementNS(ns, "line");
    for (const [k, v] of Object.entries({x1: "2", x2: "42", y1: "8", y2: "8", stroke: PALETTE[i], "stroke-width": "2.5", ...(DASHES[i] ? {"stroke-dasharray": DASHES[i]!} : {})})) line.setAttribute(k, v);
    const mark = doc.createElementNS(ns, "path");
    mark.setAttribute("d", symbol(SYMBOL_PATHS[SYMBOLS[i]], 48)()!);
    mark.setAttribute("transform", "translate(22,8)");
    mark.setAttribute("fill", PALETTE[i]);
    svg.append(line, mark);
    li.append(svg, doc.createTextNode(s.label));
    ul.append(li);
  });
  return ul;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The result figure. `width` draws one live chart at that width (browser); without it, the two static
 * renderings (wide and narrow) that CSS chooses between (build time). `csvHref` is the CSV's address.
 */
export function resultFigure(result: Result, catalogue: Catalogue, doc: Document, options: {width?: number; csvHref: string; tableOpen?: boolean}): HTMLElement {
  const spec = resultSpec(result, catalogue);
  const figure = el(doc, "figure", "chart explore-chart");
  figure.id = RESULT_ID;
  figure.setAttribute("aria-labelledby", `${RESULT_ID}-title`);
  figure.dataset.query = stateToSearch(result.state);
  const title = el(doc, "h2", "chart-title", spec.title);
  title.id = `${RESULT_ID}-title`;
  figure.append(title, el(doc, "p", "chart-subtitle", spec.subtitle), legend(result, doc));
  if (options.width) {
    const plot = el(doc, "div", "chart-plot is-live");
    const live = renderPlot(spec, options.width, doc, true);
    live.classList.add("chart-live");
    plot.append(live);
    figure.append(plot);
  } else {
    figure.append(renderPlotHolder(spec, doc));
  }
  const description = el(doc, "p", "chart-description", spec.description);
  description.id = `${RESULT_ID}-description`;
  figure.append(description);
  for (const note of resultNotes(result)) figure.append(el(doc, "p", "chart-note", note));
  const details = el(doc, "details", "chart-table");
  if (options.tableOpen) details.open = true;
  details.append(el(doc, "summary", "", "Show the data as a table"));
  const rows = result.months.map((month, i) => Object.fromEntries([["month", month], ...result.series.map((s, j) => [`s${j}`, s.values[i]])]));
  details.append(renderTable({...spec, data: rows}, doc));
  figure.append(details);
  const actions = el(doc, "ul", "chart-actions");
  actions.setAttribute("aria-label", "Download this result");
  const li = el(doc, "li", "");
  const a = el(doc, "a", "explore-csv", "Data (CSV)");
  a.href = options.csvHref;
  a.setAttribute("download", csvFileName(result));
  li.append(a);
  actions.append(li);
  figure.append(actions, el(doc, "figcaption", "chart-meta", `Source: ${spec.source}. ${spec.updated}.`));
  return figure;
}
