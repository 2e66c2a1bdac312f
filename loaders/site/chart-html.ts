// A chart's HTML for a page, rendered at build time with one jsdom document (src/components/chart.ts does
// the rendering; this only hands the result to page builders as trusted HTML).
import {JSDOM} from "jsdom";
import {renderChart, renderPlotHolder, type ChartSpec} from "../../src/components/chart.ts";
import {raw, type Html} from "./html.ts";

let doc: Document | undefined;
function document(): Document {
  return (doc ??= new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document);
}

/** The whole chart contract (title, chart, description, table, downloads, source, embed code). */
export function chartHtml(spec: ChartSpec, options: {headingLevel?: number; embed?: boolean} = {}): Html {
  return raw(renderChart(spec, document(), options).outerHTML.replaceAll("\n", " "));
}

/** Just the chart's static SVGs (for a second view of the same chart, such as a scrolly graphic). */
export function plotHtml(spec: ChartSpec): Html {
  return raw(renderPlotHolder(spec, document()).outerHTML.replaceAll("\n", " "));
}
