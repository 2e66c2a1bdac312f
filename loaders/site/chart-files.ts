// The files each chart has at a stable address: CSV of what is drawn, a standalone SVG with title and
// source (for press releases), and an embed page for iframes. Written by loaders/pages/site-files.ts.
import {JSDOM} from "jsdom";
import {chartCsv, chartImageSvg, renderChart, renderPlot, WIDE_WIDTH, type ChartSpec} from "../../src/components/chart.ts";
import {force} from "../lib/force.ts";
import {html, raw} from "./html.ts";
import {page} from "./page.ts";

/** The press image: the chart at the wide width with its title, subtitle, key, source and licence line (chartImageSvg). */
export function chartSvgFile(spec: ChartSpec, width = WIDE_WIDTH): string {
  const doc = new JSDOM("<!DOCTYPE html><body></body>").window.document;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${chartImageSvg(spec, renderPlot(spec, width - 24, doc), width, {site: force.siteTitle})}`;
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
    // ?compact (the compact embed code): the chart, its title and source, and a link to the rest. Set before the
    // figure is parsed, so the full chart never shows first.
    html`<div class="embed"><script>${raw(COMPACT_SCRIPT)}</script>${raw(figure.outerHTML.replaceAll("\n", " "))}
<p class="embed-link"><a class="embed-full" href="/embed/${spec.id}" target="_blank">The data, description and downloads for this chart</a> <a href="/" target="_top">${force.siteTitle}</a></p></div>`,
    html`<script>${raw(EMBED_SCRIPT)}</script>`);
}

const COMPACT_SCRIPT = `if(/[?&]compact\\b/.test(location.search))document.documentElement.classList.add("embed-compact");`;

/** For the page that embeds charts: sets each chart iframe's height from the messages embed pages send. */
export const EMBED_RESIZE_SCRIPT = `(function(){addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="staffs-chart-height"||!d.id)return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source&&f.src.indexOf("/embed/"+d.id)>=0)f.style.height=Math.ceil(d.height)+"px"})})})();`;

/** Tells a parent page our height, so a responsive iframe never truncates the chart (postMessage, like pym). */
export const EMBED_SCRIPT = `(function(){function send(){parent.postMessage({type:"staffs-chart-height",id:document.querySelector("figure")?.dataset.chart,height:Math.ceil(document.body.getBoundingClientRect().height)},"*")}addEventListener("load",send);new ResizeObserver(send).observe(document.body)})();`;
