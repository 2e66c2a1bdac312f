// Scrollytelling at build time: a sticky graphic beside (on narrow screens, above) text steps.
// Every step's text, and its whole chart (description, table, downloads), is in the page in reading order,
// so it reads completely without the graphic or without JavaScript. The graphic panel is presentation
// only (aria-hidden): its first frame is in the HTML so the first chart shows before any script runs;
// src/components/scrolly.ts adds the other frames and switches them as steps scroll into view. Steps after the
// first are deferred (deferredHtml): without JavaScript they are ordinary HTML; with it they are added just
// after the first paint.
import type {ChartSpec} from "../../src/components/chart.ts";
import {chartHtml, deferredHtml, esc, plotHtml} from "./html.ts";

export interface Step {
  /** stable id, used as the step's anchor */
  id: string;
  heading: string;
  /** the step's text as HTML (numbers computed by the caller); must say what the graphic shows */
  html: string;
  /** the chart this step shows; a step without one keeps the previous step's graphic */
  chart?: ChartSpec;
}

export function scrollyHtml({id, label, steps}: {id: string; label: string; steps: Step[]}): string {
  const first = steps.find((s) => s.chart);
  const frame = first ? firstFrame(first) : "";
  const sections = steps.map((s, i) => `<section class="scrolly-step" id="${esc(s.id)}" data-step="${i}"${s.chart ? ` data-chart="${esc(s.chart.id)}"` : ""} tabindex="0" aria-labelledby="${esc(s.id)}-heading">
<h2 id="${esc(s.id)}-heading">${esc(s.heading)}</h2>
${s.html.trim()}
${s.chart ? chartHtml(s.chart, {headingLevel: 3}) : ""}
</section>`);
  // Steps after the first are parsed after the first paint (see deferredHtml), so the first chart paints sooner.
  const body = sections[0] + "\n" + deferredHtml(sections.slice(1).join("\n"));
  return `<div class="scrolly" id="${esc(id)}" data-scrolly aria-label="${esc(label)}" role="group">
<div class="scrolly-graphic" aria-hidden="true">${frame}</div>
<div class="scrolly-steps">
${body}
</div>
</div>`.replaceAll(/\n\s*\n/g, "\n"); // no blank lines: Markdown would end the HTML block there
}

/** The first chart's plot again, in the graphic panel (a copy for sighted readers; hidden from screen readers). */
function firstFrame(step: Step): string {
  const plot = plotHtml(step.chart!);
  return `<div class="scrolly-frame is-active" data-chart="${esc(step.chart!.id)}"><p class="scrolly-frame-title">${esc(step.chart!.title)}</p>${plot}</div>`;
}
