// A published document as a readable page (/figures/documents/<name>): its text exactly as converted from the PDF,
// with a heading and an anchor per section, a contents list, and each figure the site quotes highlighted where it
// stands, with an anchor of the figure's id and a link back to its row on /figures.
import {documentOf} from "../sources/documents.ts";
import {readPublishedMeasures} from "../sources/published.ts";
import {documentByName, readDocumentPage, type QuotedFigure} from "../figures/documents.ts";
import type {DocumentText, TextBlock} from "../figures/document-text.ts";
import {dateWords, periodText, valueText} from "../sources/documents.ts";
import {figurePath} from "../site/components.ts";
import {escapeText, html, raw, type Html} from "../site/html.ts";
import {FIGURES_STYLE, page} from "../site/page.ts";

const BULLET = /^\s*(?:[-•●◦▪o]\s|\d+[.)]\s)/;

/** A stretch of the raw text as HTML: bold markers dropped, tabs as visible gaps, line breaks kept where they matter. */
function textHtml(text: string, tabbed: boolean): string {
  return text.split("\n").map((line, i) => {
    const cells = escapeText(line.replace(/\*\*/g, "")).split("\t").join(`<span class="doc-tab"> </span>`);
    return i === 0 ? cells : `${tabbed || BULLET.test(line) ? "<br>" : " "}${cells}`;
  }).join("");
}

/** A block of text with its quoted figures marked and anchored (a figure's anchor where its quote starts). */
function blockHtml(doc: DocumentText, block: TextBlock, figures: QuotedFigure[]): Html {
  const inBlock = figures.filter((f) => f.start < block.end && f.end > block.start);
  const cuts = [...new Set([block.start, block.end, ...inBlock.flatMap((f) => [f.start, f.end]).filter((x) => x > block.start && x < block.end)])].sort((a, b) => a - b);
  let out = "";
  for (let i = 0; i < cuts.length - 1; ++i) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    out += inBlock.filter((f) => f.start === a).map((f) => `<span class="figure-anchor" id="${escapeText(f.measure.id)}"></span>`).join("");
    const marked = inBlock.some((f) => f.start <= a && f.end >= b);
    const text = textHtml(doc.text.slice(a, b), block.tabbed);
    out += marked ? `<mark>${text}</mark>` : text;
  }
  const starting = inBlock.filter((f) => f.start >= block.start);
  const links = starting.length > 0 && html`<p class="doc-figures">Quoted on this site: ${starting.map((f, i) => html`${i ? "; " : ""}<a href="${figurePath(f.measure.id)}">${f.measure.measure}, ${periodText(f.measure.period)}: ${valueText(f.measure)}</a>`)}</p>`;
  return html`<p class="${block.tabbed ? "doc-text doc-tabbed" : "doc-text"}">${raw(out)}</p>${links}`;
}

/** The page for a document, by its name (the file name without .txt). */
export function documentPage(name: string): string {
  const file = documentByName(name)?.file;
  if (!file) throw new Error(`no document ${name}.txt in data/reference/documents/documents.csv`);
  const d = documentOf(file);
  const {text, figures} = readDocumentPage(file, readPublishedMeasures());
  const top = text.headings.filter((h) => h.level <= 3);
  const body = text.parts.map((p) => p.kind === "heading"
    ? raw(`<h${p.heading.level} id="${escapeText(p.heading.id)}">${escapeText(p.heading.text)}</h${p.heading.level}>`)
    : blockHtml(text, p.block, figures));
  return page({title: d.title, toc: false, style: FIGURES_STYLE},
    `# ${escapeText(d.title)}`,
    html`<p class="lede">Published by ${d.publisher}${d.publisherAddress && html` (<a href="${d.publisherAddress}">${d.publisherAddress.replace(/^https?:\/\/(www\.)?|\/$/g, "")}</a>)`}, ${dateWords(d.date)}. ${figures.length} of its figures are quoted on this site: each is highlighted below and links to <a href="/figures">its row on the published figures page</a>, where it is set beside open data.</p>
<p class="caveat">This is the document's text as converted from the published PDF, unedited: lines break where the PDF's did, table rows keep their cells apart with gaps, charts and images are missing and some page headings repeat. Read the original from the publisher for its layout.</p>`,
    top.length > 0 && html`<nav class="doc-contents" aria-labelledby="doc-contents-heading"><h2 id="doc-contents-heading">Contents</h2>
<ul>${top.map((h) => html`<li class="${h.level === 3 ? "doc-sub" : ""}"><a href="#${h.id}">${h.text}</a></li>`)}</ul></nav>`,
    html`<div class="doc-body">${body}</div>`);
}
