// The files each chart has at a stable address: CSV of what is drawn, a standalone SVG with title and
// source (for press releases), and an embed page for iframes. Written by loaders/pages/site-files.ts.
import {JSDOM} from "jsdom";
import {chartCsv, renderChart, renderPlot, WIDE_WIDTH, type ChartSpec} from "../../src/components/chart.ts";
import {force} from "../lib/force.ts";
import {escapeText as esc, html, raw} from "./html.ts";
import {page} from "./page.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

export function chartSvgFile(spec: ChartSpec): string {
  const doc = new JSDOM("<!DOCTYPE html><body></body>").window.document;
  const plot = renderPlot(spec, WIDE_WIDTH, doc) as SVGSVGElement;
  const plotHeight = Number(plot.getAttribute("height"));
  const top = 64, bottom = 40, width = WIDE_WIDTH;
  const height = top + plotHeight + bottom;
  plot.setAttribute("y", String(top));
  const text = (y: number, size: number, weight: string, fill: string, content: string) =>
    `<text x="0" y="${y}" font-family="system-ui, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}">${esc(content)}</text>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d">
<title id="t">${esc(spec.title)}</title>
<desc id="d">${esc(spec.description)}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
${text(22, 18, "700", "#0b0c0c", spec.title)}
${spec.subtitle ? text(46, 13, "400", "#505a5f", spec.subtitle) : ""}
${plot.outerHTML.replace("<svg", `<svg xmlns="${SVG_NS}"`)}
${text(top + plotHeight + 26, 12, "400", "#505a5f", `Source: ${spec.source}. ${spec.updated}.`)}
</svg>
`;
}

export { chartCsv };

/**
 * A chart's embed page (/embed/<id>) as a Framework page, for iframes: the whole chart contract, no site navigation
 * or footer, its own small stylesheet (src/embed.css) and no request to any other site. As a page, Framework's link
 * check knows it and checks its links.
 */
export function chartEmbedPage(spec: ChartSpec): string {
  const doc = new JSDOM("<!DOCTYPE html><body></body>").window.document;
  const figure = renderChart(spec, doc, {headingLevel: 1, embed: true});
  return page({title: spec.title, toc: false, header: null, footer: null, style: "/embed.css", head: '<link rel="icon" href="data:,">'},
    html`<div class="embed">${raw(figure.outerHTML.replaceAll("\n", " "))}
<p class="embed-link"><a href="/" target="_top">${force.siteTitle}</a></p></div>`,
    html`<script>${raw(EMBED_SCRIPT)}</script>`);
}

/** For the page that embeds charts: sets each chart iframe's height from the messages embed pages send. */
export const EMBED_RESIZE_SCRIPT = `(function(){addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="staffs-chart-height"||!d.id)return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source&&f.src.indexOf("/embed/"+d.id)>=0)f.style.height=Math.ceil(d.height)+"px"})})})();`;

/** Tells a parent page our height, so a responsive iframe never truncates the chart (postMessage, like pym). */
export const EMBED_SCRIPT = `(function(){function send(){parent.postMessage({type:"staffs-chart-height",id:document.querySelector("figure")?.dataset.chart,height:Math.ceil(document.body.getBoundingClientRect().height)},"*")}addEventListener("load",send);new ResizeObserver(send).observe(document.body)})();`;
