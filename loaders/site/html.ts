// Server-side rendering helpers for page loaders: charts and tables as HTML strings, via one jsdom document.
import {JSDOM} from "jsdom";
import {renderChart, renderPlotHolder, type ChartSpec} from "../../src/components/chart.ts";

let doc: Document | undefined;
function document(): Document {
  return (doc ??= new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document);
}

/** A chart as HTML to place in a page's Markdown (one line: a blank line would end the HTML block in Markdown). */
export function chartHtml(spec: ChartSpec, options: {headingLevel?: number; embed?: boolean} = {}): string {
  return renderChart(spec, document(), options).outerHTML.replaceAll("\n", " ");
}

/** Just the chart's static SVGs (for a second view of the same chart, such as a scrolly graphic). */
export function plotHtml(spec: ChartSpec): string {
  return renderPlotHolder(spec, document()).outerHTML.replaceAll("\n", " ");
}

/** Escapes text for HTML. */
export function esc(text: string | number): string {
  return String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/**
 * HTML that a browser with JavaScript parses only after the first paint: it sits in <noscript data-deferred>,
 * which such a browser reads as plain text, and the page head's script (observablehq.config.ts) inserts it
 * once the first content has painted. Without JavaScript it is ordinary HTML, read in place. Use it for what
 * follows the first screen of a long page: a browser must otherwise parse and lay out all of it before its
 * first paint.
 */
export function deferredHtml(html: string): string {
  if (/<\/noscript/i.test(html)) throw new Error("deferredHtml: the HTML may not contain </noscript>");
  return html.trim() ? `<noscript data-deferred>${html}</noscript>` : "";
}
