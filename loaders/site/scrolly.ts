// Scrollytelling at build time: a sticky graphic beside (on narrow screens, above) text steps.
// Every step's text, and its whole chart (description, table, downloads), is in reading order, so the story
// reads completely without the graphic or without JavaScript. The graphic panel is presentation only
// (aria-hidden): its first frame is in the HTML so the first chart shows before any script runs;
// src/components/scrolly.ts adds the other frames and switches them as steps scroll into view.
// Before the first paint a browser with JavaScript parses only the first step's text and the graphic: the first
// step's chart block is deferred (deferredHtml), and the later steps are either deferred too or, with
// continuedAt, published as a page of their own that the page head's script fetches (a link without JavaScript).
import type {ChartSpec} from "../../src/components/chart.ts";
import {chartHtml, plotHtml} from "./chart-html.ts";
import {deferredHtml, html, type Html} from "./html.ts";

export interface Step {
  /** stable id, used as the step's anchor */
  id: string;
  heading: string;
  /** the step's text (numbers computed by the caller); must say what the graphic shows */
  html: Html;
  /** the chart this step shows; a step without one keeps the previous step's graphic */
  chart?: ChartSpec;
}

export interface ScrollyOptions {
  /** stable id of the scrolly block */
  id: string;
  /** its accessible name */
  label: string;
  steps: Step[];
  /**
   * Where the steps after the first are published as a page of their own (see continuedScrollyHtml). The first
   * part then holds only the first step and a link to that page: without JavaScript the reader follows it;
   * with JavaScript the page head's script fetches it after the first paint and puts its steps in place of the
   * link, so the browser never parses the later steps before the first chart is on screen.
   */
  continuedAt?: {href: string; text: string};
}

export function scrollyHtml({id, label, steps, continuedAt}: ScrollyOptions): Html {
  const first = steps.find((s) => s.chart);
  const frame = first ? firstFrame(first) : "";
  const sections = steps.map((s, i) => sectionHtml(s, i, i === 0));
  // Only the first step's text is parsed before the first paint: its chart's title, description, table and
  // downloads follow just after it (deferredHtml), and the later steps after that, from the page or the link.
  const rest = continuedAt
    ? html`<p class="scrolly-continue" data-continue=".scrolly-steps > .scrolly-step"><a href="${continuedAt.href}">${continuedAt.text}</a></p>`
    : deferredHtml(html`${sections.slice(1)}`);
  return scrollyBlock(id, label, frame, html`${sections[0]}
${rest}`);
}

/** The steps after the first, as the page scrollyHtml's continuedAt points to: every step live, in order. */
export function continuedScrollyHtml({id, label, steps}: Omit<ScrollyOptions, "continuedAt">): Html {
  const later = steps.slice(1);
  const first = later.find((s) => s.chart);
  return scrollyBlock(id, label, first ? firstFrame(first) : "", html`${later.map((s, i) => sectionHtml(s, i + 1, false))}`);
}

function sectionHtml(s: Step, i: number, deferChart: boolean): Html {
  const chart = s.chart ? chartHtml(s.chart, {headingLevel: 3}) : html``;
  return html`<section class="scrolly-step" id="${s.id}" data-step="${i}"${s.chart ? html` data-chart="${s.chart.id}"` : ""} tabindex="-1" aria-labelledby="${s.id}-heading">
<h2 id="${s.id}-heading">${s.heading}</h2>
${s.html}
${deferChart ? deferredHtml(chart) : chart}
</section>
`;
}

function scrollyBlock(id: string, label: string, frame: Html | string, steps: Html): Html {
  return html`<div class="scrolly" id="${id}" data-scrolly aria-label="${label}" role="group">
<div class="scrolly-graphic" aria-hidden="true">${frame}</div>
<div class="scrolly-steps">
${steps}
</div>
</div>`;
}

/** The first chart's plot again, in the graphic panel (a copy for sighted readers; hidden from screen readers). */
function firstFrame(step: Step): Html {
  return html`<div class="scrolly-frame is-active" data-chart="${step.chart!.id}"><p class="scrolly-frame-title">${step.chart!.title}</p>${plotHtml(step.chart!)}</div>`;
}
