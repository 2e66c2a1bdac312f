// Small pieces of page HTML used in more than one place, each a function of its parameters (in the manner of
// GOV.UK Frontend components); tests/unit/components.test.ts renders named examples of each.
import {formatCount} from "../../src/components/format.ts";
import {capital} from "../lib/words.ts";
import {citation, periodText, valueText} from "../sources/documents.ts";
import type {PublishedMeasure} from "../sources/published.ts";
import {html, type Html, type HtmlValue} from "./html.ts";

export interface TableColumn {
  label: HtmlValue;
  /** right-aligned numbers */
  numeric?: boolean;
}

export interface TableRow {
  /** the row's heading (first column) */
  header: HtmlValue;
  cells: HtmlValue[];
  className?: string;
  /** the row's own address on the page (#id) */
  id?: string;
  /** data-* attributes, for scripts that filter the rows */
  data?: Record<string, string>;
}

/**
 * A data table in a scrolling region that keyboard users can reach and screen readers can name. The caption sits
 * above the region (so it stays in view when the table scrolls sideways on a phone) and names both the region and
 * the table; the region shows a shadow at an edge with more table beyond it. `captionHidden` keeps the caption for
 * assistive technology only. The chart tables (src/components/chart.ts renderTable) share the markup and its CSS.
 */
export function tableRegion({id, caption, columns, rows, className, captionHidden, testId}: {
  id: string; caption: HtmlValue; columns: TableColumn[]; rows: TableRow[]; className?: string; captionHidden?: boolean; testId?: string;
}): Html {
  const captionId = `${id}-caption`;
  const num = (numeric: boolean | undefined) => (numeric ? html` class="num"` : "");
  return html`<div class="table-block"><p class="table-caption${captionHidden ? " visually-hidden" : ""}" id="${captionId}">${caption}</p>
<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table aria-labelledby="${captionId}"${className ? html` class="${className}"` : ""}${testId ? html` data-testid="${testId}"` : ""}>
<thead><tr>${columns.map((c) => html`<th scope="col"${num(c.numeric)}>${c.label}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr${r.id ? html` id="${r.id}"` : ""}${r.className ? html` class="${r.className}"` : ""}${Object.entries(r.data ?? {}).map(([k, v]) => html` data-${k}="${v}"`)}><th scope="row">${r.header}</th>${r.cells.map((cell, i) => html`<td${num(columns[i + 1]?.numeric)}>${cell}</td>`)}</tr>`)}</tbody>
</table></div></div>`;
}

export interface HeadlineCard {
  /** the big number, already worded ("1,234", "+5%") */
  number: string;
  /** data-measure name, so tests and scripts can find the number */
  measure?: string;
  /** what the number counts */
  text: HtmlValue;
  /** a second line: the rate and its comparison */
  detail?: HtmlValue;
}

/** Headline numbers as a list of cards, named for assistive technology by `label`. */
export function headlineCards(label: string, cards: HeadlineCard[], className = "card-grid"): Html {
  return html`<ul class="${className}" aria-label="${label}">
${cards.map((c) => html`<li><span class="headline-number"${c.measure ? html` data-measure="${c.measure}"` : ""}>${c.number}</span> ${c.text}${c.detail ? html` <span class="headline-rate">${c.detail}</span>` : ""}</li>`)}
</ul>`;
}

/** Where a published figure's row is on /figures: its source, the open data beside it and the verdict. */
export const figurePath = (id: string): string => `/figures#${id}`;

/**
 * A published figure's source in brackets, after the sentence that quotes it. With the figure's id (its row in
 * data/reference/published-measures.csv), the source links to the figure's row on /figures, where the quote, the
 * document and what open data shows are set out, so a page need not explain them again.
 */
export function citationHtml(citation: string, id?: string): Html {
  return id ? html`<span class="citation">(<a href="${figurePath(id)}">${citation}</a>)</span>` : html`<span class="citation">(${citation})</span>`;
}

/** A pointer to a story: "On drugs and exploitation: County lines and drugs." */
export function storyLink(story: {path: string; title: string} | undefined, lead: string): Html {
  return story ? html`<p class="story-link">${lead} <a href="${story.path}">${story.title}</a>.</p>` : html``;
}

/** Counts below this are shown as "fewer than 5" wherever a small count could identify someone. */
export const SMALL_COUNT = 5;

/** A count as shown: "fewer than 5" below SMALL_COUNT (zero included), else the number with separators. */
export function countText(n: number): string {
  return n < SMALL_COUNT ? `fewer than ${SMALL_COUNT}` : formatCount(n);
}

/**
 * A published figure as its document gives it: valueText's number and unit, with a sign on a change, or the
 * document's own words for a bound ("13 or fewer throughout the past two years").
 */
export function publishedFigure(m: Pick<PublishedMeasure, "measure" | "value" | "unit" | "comparison">): string {
  if ((m.unit === "count_upper_bound" || m.unit === "count_lower_bound") && m.comparison) return capital(m.comparison);
  return `${/\bchange\b/i.test(m.measure) && m.value > 0 ? "+" : ""}${valueText(m)}`;
}

/**
 * Published figures exactly as published, one a row: what is measured, over what period, the figure, what the
 * document compares it with, and the document and section it comes from. Figures of different periods and
 * definitions sit in rows of their own: the table never adds them up or joins them into a series.
 */
export function publishedTable({id, caption, measures}: {id: string; caption: HtmlValue; measures: PublishedMeasure[]}): Html {
  return tableRegion({id, caption, className: "published-table",
    columns: [{label: "What the report counts"}, {label: "Period"}, {label: "Figure", numeric: true}, {label: "As the report compares it"}, {label: "Source"}],
    rows: measures.map((m) => ({header: m.measure, cells: [periodText(m.period), publishedFigure(m), m.comparison || "–", html`<a href="${figurePath(m.id)}">${citation(m)}</a>`]}))});
}

/** Where a phone number, web address or service on a page was found: a public page, with its date when it gives one. */
export interface ContactSource {
  title: string;
  url: string;
  /** the source's own date, in words ("9 August 2021"); null when the page gives none */
  date: string | null;
}

/** A service a reader can contact, with the sources its number and address come from. */
export interface Contact {
  name: string;
  /** what it is for, in a sentence */
  text: HtmlValue;
  /** as the source writes it, e.g. "0808 2000 247" */
  phone?: string;
  /** its web address, e.g. "https://www.fearless.org" */
  web?: string;
  sources: ContactSource[];
}

/** A sourced contact's sources, in brackets: "(Source: ITV News, 9 August 2021.)" */
export function contactSources(sources: ContactSource[]): Html {
  return html`<span class="contact-source">(Source${sources.length > 1 ? "s" : ""}: ${sources.map((s, i) => html`${i ? "; " : ""}<a href="${s.url}">${s.title}</a>, ${s.date ?? "undated page"}`)}.)</span>`;
}

/**
 * Services to contact, each with its number and address as a link and where they were found. Nothing here is
 * typed from memory: every number and address comes with a public source and its date.
 */
export function contactList(label: string, contacts: Contact[], className = "contact-list"): Html {
  const host = (url: string) => url.replace(/^https?:\/\//, "").replace(/\/$/, "");
  return html`<ul class="${className}" aria-label="${label}">
${contacts.map((c) => html`<li><strong>${c.name}</strong>: ${c.text}${c.phone ? html` Call <a href="tel:${c.phone.replace(/\s+/g, "")}">${c.phone}</a>.` : ""}${c.web ? html` Online: <a href="${c.web}">${host(c.web)}</a>.` : ""} ${contactSources(c.sources)}</li>`)}
</ul>`;
}
