// The files each chart has at a stable address: CSV of what is drawn, a standalone SVG with title and
// source (for press releases), and an embed page for iframes.
import {JSDOM} from "jsdom";
import {chartCsv, renderChart, renderPlot, WIDE_WIDTH, type ChartSpec} from "../../src/components/chart.ts";
import {force} from "../lib/force.ts";
import {esc} from "./html.ts";

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

/** A page for an iframe: the whole chart contract, no site navigation, no outside requests. */
export function chartEmbedPage(spec: ChartSpec, css: string, script: string): string {
  const doc = new JSDOM("<!DOCTYPE html><body></body>").window.document;
  const figure = renderChart(spec, doc, {headingLevel: 1, embed: true});
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(spec.title)} | ${esc(force.siteTitle)}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
<main class="embed">
${figure.outerHTML}
<p class="embed-link"><a href="/" target="_top">${esc(force.siteTitle)}</a></p>
</main>
<script>${script}</script>
</body>
</html>
`;
}

/** Minimal styles for embed pages (the site stylesheet is not loaded, so an embed is one small request). */
export const EMBED_CSS = `
body{margin:0;padding:8px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff;line-height:1.4}
h1{font-size:1.25rem;margin:0 0 .25rem}a{color:#1d70b8}a:focus-visible,button:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #fd0;box-shadow:0 0 0 6px #0b0c0c}
figure{margin:0;container-type:inline-size}.chart-subtitle,.chart-meta{color:#505a5f}.chart-plot svg{max-width:100%;height:auto;display:block}:where(.chart-static svg){--plot-background:#fff}:where(.chart-static svg text,.chart-static svg tspan){white-space:pre}
.chart-narrow{display:none}@container (max-width:520px){.chart-wide{display:none}.chart-narrow{display:block}}
.chart-actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}.chart-actions button{font:inherit;color:#1d70b8;background:none;border:0;padding:0;text-decoration:underline}
.table-scroll{overflow-x:auto}table{border-collapse:collapse}caption{text-align:left;font-weight:700}th,td{text-align:left;padding:.25rem .75rem .25rem 0;border-bottom:1px solid #b1b4b6}.num{text-align:right}
.embed-link{font-size:.9rem}`;

/** For the page that embeds charts: sets each chart iframe's height from the messages embed pages send. */
export const EMBED_RESIZE_SCRIPT = `(function(){addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="staffs-chart-height"||!d.id)return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source&&f.src.indexOf("/embed/"+d.id)>=0)f.style.height=Math.ceil(d.height)+"px"})})})();`;

/** Tells a parent page our height, so a responsive iframe never truncates the chart (postMessage, like pym). */
export const EMBED_SCRIPT = `(function(){function send(){parent.postMessage({type:"staffs-chart-height",id:document.querySelector("figure")?.dataset.chart,height:Math.ceil(document.body.getBoundingClientRect().height)},"*")}addEventListener("load",send);new ResizeObserver(send).observe(document.body)})();`;
