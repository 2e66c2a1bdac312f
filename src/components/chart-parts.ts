// The parts of the chart contract that need no Plot: download and embed addresses, the embed code and the press
// image (title, key, chart, source, licence). The browser loads these first; Plot only when a chart is about to
// become interactive (src/components/chart-client.ts). src/components/chart.ts re-exports them for the build.
import type {ChartSpec} from "./chart.js";
import {EMBED_RESIZE_INTEGRITY} from "./embed-resize.js";

export function chartPaths(id: string, base = "/") {
  return {csv: `${base}downloads/charts/${id}.csv`, svg: `${base}downloads/charts/${id}.svg`, json: `${base}downloads/charts/${id}.json`, embed: `${base}embed/${id}`};
}

/**
 * The iframe code for the press office and other sites, with the embed page's address. The compact embed shows
 * the chart, its title, source and a link to the rest (the embed page reads ?compact).
 */
export function embedCode(spec: Pick<ChartSpec, "id" | "title">, origin: string, base = "/", compact = false): string {
  const src = `${origin}${chartPaths(spec.id, base).embed}${compact ? "?compact" : ""}`;
  return `<iframe src="${src}" title="${spec.title.replaceAll('"', "&quot;")}" width="100%" height="${compact ? 420 : 560}" style="border:0" loading="lazy"></iframe>\n<script src="${origin}${base}embed/resize.js" integrity="${EMBED_RESIZE_INTEGRITY}" crossorigin="anonymous" async></script>`;
}

/** The licence line every exported chart image carries. */
export const LICENCE_LINE = "Contains public sector information licensed under the Open Government Licence v3.0.";

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/**
 * Words over lines no wider than `width`. `measure` gives a text's width in px (the browser's canvas); without it
 * (at build time) a generous estimate per character is used, so a line is never wider than estimated.
 */
export function wrapText(text: string, width: number, size: number, bold = false, measure?: (text: string) => number): string[] {
  const fits = (t: string) => (measure ? measure(t) : t.length * size * (bold ? 0.62 : 0.56)) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next) || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const escapeXml = (t: string) => t.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * A chart as one standalone SVG image for press use (the SVG download and the PNG): its title, subtitle, legend,
 * the chart, its source and date and the licence line, every line wrapped to the width so nothing is cut off.
 * `figure` is what renderPlot returned (an SVG, or a figure holding legends and the SVG); `box` is the extent of
 * the chart's drawing where the browser can measure it (marks may reach beyond the SVG's own box).
 */
export function chartImageSvg(spec: Pick<ChartSpec, "title" | "subtitle" | "description" | "source" | "updated">, figure: Element, width: number,
  options: {measure?: (text: string, size: number, bold: boolean) => number; box?: {x: number; y: number; width: number; height: number}; site?: string} = {}): string {
  const pad = 12, inner = width - 2 * pad;
  const lines: string[] = [];
  let y = pad;
  const block = (text: string, size: number, bold: boolean, fill: string, gap: number) => {
    for (const line of wrapText(text, inner, size, bold, options.measure && ((t) => options.measure!(t, size, bold)))) {
      y += size * 1.3;
      lines.push(`<text x="${pad}" y="${y.toFixed(1)}" font-family="${FONT}" font-size="${size}" font-weight="${bold ? 700 : 400}" fill="${fill}">${escapeXml(line)}</text>`);
    }
    y += gap;
  };
  block(spec.title, 18, true, "#0b0c0c", 4);
  if (spec.subtitle) block(spec.subtitle, 14, false, "#505a5f", 4);
  y += 6;
  // The key: Plot draws it as HTML swatches beside the SVG; here each swatch's symbol and label, wrapped in rows.
  const plots = figure.tagName.toLowerCase() === "svg" ? [figure] : Array.from(figure.querySelectorAll("svg"));
  const main = plots.find((s) => s.getAttribute("role") === "img") ?? plots.at(-1)!;
  const swatches = Array.from(figure.querySelectorAll("[class$='-swatch']"));
  if (swatches.length) {
    const size = 13;
    let x = pad;
    y += 2;
    const title = figure.querySelector("[class$='-swatches'] > span:not([class])")?.textContent?.trim();
    if (title) {
      lines.push(`<text x="${x}" y="${(y + size).toFixed(1)}" font-family="${FONT}" font-size="${size}" font-weight="700" fill="#0b0c0c">${escapeXml(title)}</text>`);
      x += (options.measure?.(title, size, true) ?? title.length * size * 0.62) + 12;
    }
    for (const swatch of swatches) {
      const label = swatch.textContent?.trim() ?? "";
      const symbol = swatch.querySelector("svg");
      const w = 18 + (options.measure?.(label, size, false) ?? label.length * size * 0.56) + 14;
      if (x + w > width - pad && x > pad) {
        x = pad;
        y += size * 1.6;
      }
      if (symbol) {
        const s = symbol.cloneNode(true) as Element;
        s.setAttribute("x", String(x));
        s.setAttribute("y", String(y + 1));
        s.setAttribute("width", "15");
        s.setAttribute("height", "15");
        lines.push(s.outerHTML.replace(/^<svg(?![^>]*xmlns=)/, `<svg xmlns="${SVG_NS}"`));
      }
      lines.push(`<text x="${x + 20}" y="${(y + size).toFixed(1)}" font-family="${FONT}" font-size="${size}" fill="#0b0c0c">${escapeXml(label)}</text>`);
      x += w;
    }
    y += size * 1.6 + 4;
  }
  // Other legends Plot draws as SVG (a colour ramp) go above the chart as they are.
  for (const legend of plots.filter((s) => s !== main)) {
    const h = Number(legend.getAttribute("height")) || 0;
    const copy = legend.cloneNode(true) as Element;
    copy.setAttribute("x", String(pad));
    copy.setAttribute("y", y.toFixed(1));
    lines.push(copy.outerHTML.replace(/^<svg(?![^>]*xmlns=)/, `<svg xmlns="${SVG_NS}"`));
    y += h + 6;
  }
  // The chart, with room for any mark that reaches beyond its own box (measured in the browser).
  const plotWidth = Number(main.getAttribute("width")) || inner, plotHeight = Number(main.getAttribute("height")) || 0;
  const b = options.box;
  const x0 = Math.min(0, b?.x ?? 0), y0 = Math.min(0, b?.y ?? 0);
  const x1 = Math.max(plotWidth, b ? b.x + b.width : 0), y1 = Math.max(plotHeight, b ? b.y + b.height : 0);
  const scale = Math.min(1, inner / (x1 - x0));
  const chart = main.cloneNode(true) as Element;
  chart.setAttribute("x", String(pad));
  chart.setAttribute("y", y.toFixed(1));
  chart.setAttribute("width", ((x1 - x0) * scale).toFixed(1));
  chart.setAttribute("height", ((y1 - y0) * scale).toFixed(1));
  chart.setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  for (const attr of ["role", "aria-description", "aria-hidden"]) chart.removeAttribute(attr);
  chart.setAttribute("style", `${chart.getAttribute("style") ?? ""};overflow:visible`);
  lines.push(chart.outerHTML.replace(/^<svg(?![^>]*xmlns=)/, `<svg xmlns="${SVG_NS}"`));
  y += (y1 - y0) * scale + 10;
  block(`Source: ${spec.source}. ${spec.updated}.`, 12, false, "#505a5f", 0);
  block(options.site ? `${LICENCE_LINE} ${options.site}` : LICENCE_LINE, 12, false, "#505a5f", 0);
  const height = Math.ceil(y + pad);
  return `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d">
<title id="t">${escapeXml(spec.title)}</title>
<desc id="d">${escapeXml(spec.description)}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
<style>text{white-space:pre}</style>
${lines.join("\n")}
</svg>
`;
}
