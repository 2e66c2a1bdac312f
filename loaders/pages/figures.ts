// /figures: every figure the site quotes from the force's and the Commissioner's reports, set beside what open data
// shows. First the headline measures as the reports present them; then the chart of what open data can check; then
// every figure in one table (a row each, at /figures#<id>) that a script lets a reader search and filter, and that
// is whole without it; then why figures differ, the documents and the downloads.
import {formatCount} from "../../src/components/format.ts";
import {withExtracts} from "../extracts/query.ts";
import {areaByCode, areas} from "../lib/force.ts";
import {capital} from "../lib/words.ts";
import {DOCUMENTS, documentOf} from "../sources/documents.ts";
import {readPublishedMeasures, STORIES as TOPICS, type PublishedMeasure} from "../sources/published.ts";
import {figuresCharts} from "../figures/charts.ts";
import {CLOSE, figureComparisons, STATUS_LABELS, type Comparison, type Status} from "../figures/compare.ts";
import {documentPath} from "../figures/documents.ts";
import {headlineMeasures, isChange, type DocumentHeadlines, type Headline} from "../figures/headlines.ts";
import {REASONS, type Reason, type ReasonId} from "../figures/reasons.ts";
import {FIGURE_DOWNLOAD} from "../figures/download.ts";
import {periodText, quoteText, valueText} from "../sources/documents.ts";
import {headlineCards, tableRegion, type TableRow} from "../site/components.ts";
import {chartHtml} from "../site/chart-html.ts";
import {deferredHtml, html, type Html} from "../site/html.ts";
import {chartClient, clientScript, FIGURES_STYLE, page} from "../site/page.ts";
import {publishedStories} from "../stories/registry.ts";

export const TOPIC_LABELS: Record<(typeof TOPICS)[number], string> = {
  roads: "Roads", county_lines: "County lines and drugs", vawg: "Violence against women and girls", victims: "Victims",
  local_area: "Local areas", confidence: "Public confidence", forces: "Forces compared"
};

/** For each figure, the published stories that cite it (their citations link to /figures#<id>). */
async function citingStories(): Promise<Map<string, {slug: string; title: string; path: string}[]>> {
  const cited = new Map<string, {slug: string; title: string; path: string}[]>();
  for (const s of publishedStories()) {
    const {story} = await s.load();
    const text = (await story.steps()).map((step) => step.html.value).join("\n");
    for (const [, id] of text.matchAll(/href="\/figures#([a-z0-9-]+)"/g)) {
      const list = cited.get(id) ?? [];
      if (!list.some((x) => x.slug === s.slug)) list.push({slug: s.slug, title: s.title, path: s.path});
      cited.set(id, list);
    }
  }
  return cited;
}

/** A number cell as the report prints it, with thousands separators ("51599" → "51,599"). */
const printed = (s: string | null) => (s === null ? "–" : /^-?\d+$/.test(s) ? formatCount(Number(s)).replace(/^-/, "−") : s.replace(/^-/, "−"));

function headlineRow(h: Headline): TableRow {
  const m = h.measure, r = h.row;
  const change = isChange(m);
  return {
    header: html`<a href="#${m.id}">${m.measure}</a> <span class="figure-meta">${m.section}; ${periodText(m.period)}</span>`,
    cells: r
      ? [printed(r.previous), printed(r.last), printed(r.change), r.baseline ? html`${printed(r.baseline)} <span class="figure-meta">${r.baselinePeriod ?? ""}</span>` : "–", printed(r.baselineChange)]
      : [h.previous ? valueText(h.previous) : "–", change ? "–" : valueText(m), change ? html`${valueText(m)}${h.comparison && html` <span class="figure-meta">${h.comparison}</span>`}` : h.comparison ?? "–", "–", "–"]
  };
}

function headlinesHtml(all: DocumentHeadlines[]): Html {
  const order = DOCUMENTS.map((d) => d.file);
  return html`${[...all].sort((a, b) => order.indexOf(a.document) - order.indexOf(b.document)).map((d) => {
    const doc = documentOf(d.document);
    const first = d.groups[0].headlines[0].measure;
    return html`<h3>${doc.shortTitle}</h3>
<p>Last 12 months: ${periodText(first.period)}, against the previous 12 months and, where the report gives one, its baseline. <a href="${documentPath(d.document)}">Read the report</a>.</p>
${d.groups.map((g, i) => tableRegion({id: `headlines-${d.document.replace(/\.txt$/, "")}-${i + 1}`, className: "headline-table",
    caption: html`${g.priority ? g.priority.text : "Other"}${g.priority && html` <a class="caption-link" href="${documentPath(d.document)}#${g.priority.id}">(in the report)</a>`}`,
    columns: [{label: "Measure"}, {label: "Previous 12 months", numeric: true}, {label: "Last 12 months", numeric: true}, {label: "Change"},
      {label: "Baseline", numeric: true}, {label: "Change from baseline", numeric: true}],
    rows: g.headlines.map(headlineRow)}))}`;
  })}`;
}

const reasonLink = (id: ReasonId) => html`<a href="#reason-${id}">${REASONS[id].title}</a>`;
/** The verdict after its label ("Differs: …" → "…"), as the label is shown beside it. */
const withoutLabel = (verdict: string) => {
  const rest = verdict.replace(/^[^:]+:\s*/, "");
  return rest.startsWith("police.uk") ? rest : capital(rest); // a name keeps its own spelling
};

function figureRow(c: Comparison, stories: {slug: string; title: string; path: string}[]): TableRow {
  const m = c.measure;
  const doc = documentOf(m.document);
  const area = m.areaCode ? areaByCode.get(m.areaCode) : undefined;
  const sentence = (t: string) => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);
  // Reasons that stop open data checking the figure (they say what would) and reasons the two may differ.
  const blocking = c.open ? [] : c.reasons.filter((r) => REASONS[r].kind === "blocks"), differing = c.reasons.filter((r) => REASONS[r].kind === "differs");
  const wouldCheck = blocking.map((r) => (REASONS[r] as Reason).wouldCheck).filter((w): w is string => !!w);
  const links = (ids: ReasonId[]) => ids.map((r, i) => html`${i ? "; " : ""}${reasonLink(r)}`);
  return {
    id: m.id,
    data: {topic: m.story, story: [...stories.map((s) => s.slug), ...(area ? ["areas"] : [])].join(" "), document: m.document,
      area: m.areaCode ?? "force", status: c.status},
    header: html`<a class="figure-self" href="#${m.id}">${m.measure}</a>
<span class="figure-meta">${m.geography}; ${periodText(m.period)}</span>`,
    cells: [
      html`<span class="figure-value">${valueText(m)}</span>${m.comparison && html` <span class="figure-meta">${m.comparison}</span>`}
<blockquote class="figure-quote"><p>“${quoteText(m.quote)}”</p></blockquote>
<p class="figure-meta">What it counts: ${sentence(m.definition)}${m.notes && ` Note: ${sentence(m.notes)}`}</p>`,
      html`<strong class="status status-${c.status}">${STATUS_LABELS[c.status]}</strong> ${withoutLabel(c.verdict)}
${c.open && html`<p class="figure-open">${c.open.source}: ${c.open.text}.</p>`}
${blocking.length > 0 && html`<p class="figure-meta">Why not${c.status === "not-yet" ? " yet" : ""}: ${links(blocking)}.</p>`}
${differing.length > 0 && html`<p class="figure-meta">${c.status === "matches" ? "Could differ because" : c.open ? "Why they differ" : "Even then, they may differ because"}: ${links(differing)}.</p>`}
${wouldCheck.length > 0 && html`<p class="figure-meta">What would check it: ${wouldCheck.join(" ")}</p>`}`,
      html`<a href="${documentPath(m.document)}#${m.id}">${doc.shortTitle}</a> <span class="figure-meta">${m.section}</span>
${stories.length > 0 && html`<span class="figure-meta">Cited in ${stories.map((s, i) => html`${i ? ", " : ""}<a href="${s.path}">${s.title}</a>`)}</span>`}
${area && html`<span class="figure-meta">On the <a href="/areas/${area.slug}#published">${area.name} page</a></span>`}`
    ]
  };
}

function filtersHtml(comparisons: Comparison[], stories: {slug: string; title: string}[]): Html {
  const topics = TOPICS.filter((t) => comparisons.some((c) => c.measure.story === t));
  const docs = DOCUMENTS.filter((d) => comparisons.some((c) => c.measure.document === d.file));
  const areaCodes = new Set(comparisons.map((c) => c.measure.areaCode));
  const option = (value: string, label: string) => html`<option value="${value}">${label}</option>`;
  const select = (id: string, name: string, label: string, all: string, options: Html[]) =>
    html`<div class="figure-filter"><label for="${id}">${label}</label><select id="${id}" name="${name}">${option("", all)}${options}</select></div>`;
  const statuses: Status[] = ["matches", "close", "differs", "not-yet", "no-open-data"];
  return html`<form class="figure-filters" id="figure-filters" aria-label="Search and filter the figures" hidden>
<div class="figure-filter figure-search"><label for="figure-search">Search the figures</label>
<input type="search" id="figure-search" name="q" autocomplete="off" spellcheck="false" aria-describedby="figure-search-hint">
<span class="figure-meta" id="figure-search-hint">Words from the figure, its quote, its document or its verdict</span></div>
${select("figure-topic", "topic", "Topic", "All topics", topics.map((t) => option(t, TOPIC_LABELS[t])))}
${select("figure-story", "story", "Cited in", "Anywhere", [...stories.map((s) => option(s.slug, s.title)), option("areas", "A local area page")])}
${select("figure-document", "document", "Document", "All documents", docs.map((d) => option(d.file, d.shortTitle)))}
${select("figure-area", "area", "Area", "All areas", [option("force", "The whole force area"), ...areas.filter((a) => areaCodes.has(a.code)).map((a) => option(a.code, a.name))])}
${select("figure-check", "check", "Open data", "Any", [option("checked", "Checked against open data"), ...statuses.map((s) => option(s, STATUS_LABELS[s]))])}
<div class="figure-filter"><button type="reset" class="button button-secondary">Clear</button></div>
</form>`;
}

function reasonsHtml(comparisons: Comparison[]): Html {
  const uses = (id: ReasonId) => comparisons.filter((c) => c.reasons.includes(id)).length;
  const list = (kind: Reason["kind"]) => html`<dl class="reasons">${(Object.entries(REASONS) as [ReasonId, Reason][]).filter(([id, r]) => r.kind === kind && uses(id) > 0)
    .map(([id, r]) => html`<dt id="reason-${id}">${r.title}</dt>
<dd><p>${r.text}${r.wouldCheck && html` What would check it: ${r.wouldCheck}`}</p><p class="figure-meta">${formatCount(uses(id))} ${uses(id) === 1 ? "figure" : "figures"}.</p></dd>`)}</dl>`;
  return html`<h3>When both can be counted</h3>${list("differs")}<h3>When open data cannot check a figure</h3>${list("blocks")}`;
}

export async function figuresPage(): Promise<string> {
  const measures = readPublishedMeasures();
  const comparisons = await withExtracts((db) => figureComparisons(db, measures));
  const charts = await figuresCharts.load();
  const cited = await citingStories();
  const stories = publishedStories().filter((s) => [...cited.values()].some((l) => l.some((x) => x.slug === s.slug)));
  const n = (s: Status) => comparisons.filter((c) => c.status === s).length;
  const checked = n("matches") + n("close") + n("differs");
  const documents = DOCUMENTS.filter((d) => measures.some((m) => m.document === d.file));
  const count = (m: PublishedMeasure[]) => formatCount(m.length);
  return page({title: "What the force reports, and what open data shows", toc: false, style: FIGURES_STYLE},
    "# What the force reports, and what open data shows",
    html`<p class="lede">Every figure this site quotes from the force's and the Commissioner's published reports — ${count(measures)} figures from ${formatCount(documents.length)} documents — with its document, section and period, and what open data shows beside it wherever open data can check it.</p>`,
    headlineCards("What open data shows for the published figures", [
      {number: formatCount(checked), measure: "checked", text: html`figures checked against open data now: <a href="#every-figure">${formatCount(n("matches"))} match, ${formatCount(n("close"))} are close (within ${CLOSE * 100}%), ${formatCount(n("differs"))} differ</a>.`},
      {number: formatCount(n("not-yet")), measure: "not-yet", text: "more that open data measures, but not with the data this site holds yet."},
      {number: formatCount(n("no-open-data")), measure: "no-open-data", text: "that open data cannot check: surveys, the force's own records, decisions."}
    ]),
    html`<p>Each figure has its own address to cite or share: <code>/figures#&lt;id&gt;</code>, for example <a href="#roads-serious-collisions-2023">/figures#roads-serious-collisions-2023</a>. The documents themselves are on this site too, with each quote highlighted where it stands.</p>`,
    html`<h2 id="headlines">Headline measures, as the reports present them</h2>
<p>The figures the reports set out as the last 12 months against the previous 12 months and a baseline, grouped by the reports' priorities. Numbers are as printed in each report's own tables, or as its text words them; a dash means the report gives none.</p>
${headlinesHtml(headlineMeasures(measures))}`,
    deferredHtml(html`${charts.openVsPublished && html`<h2 id="chart">Published figures beside open data</h2>
${chartHtml(charts.openVsPublished, {headingLevel: 3})}`}
<h2 id="every-figure">Every figure</h2>
<p>One row for each of the ${count(measures)} figures: what the document says, what open data shows, and where the figure comes from. A figure is <strong>close</strong> when open data is within ${CLOSE * 100}% of it. Reasons are explained <a href="#reasons">below the table</a>.</p>
${filtersHtml(comparisons, stories)}
<p class="figure-count" id="figure-count" role="status">All ${count(measures)} figures are shown.</p>
${tableRegion({id: "figures-table", className: "figures-table", testId: "figures-table", caption: `Every published figure the site cites (${count(measures)}), beside open data`,
    columns: [{label: "Figure"}, {label: "What the document says"}, {label: "What open data shows"}, {label: "Source"}],
    rows: comparisons.map((c) => figureRow(c, cited.get(c.measure.id) ?? []))})}
<h2 id="reasons">Why figures and open data differ</h2>
<p>Each kind of difference is written once here, and every figure names the ones that apply to it.</p>
${reasonsHtml(comparisons)}
<h2 id="documents">The documents</h2>
<p>The text of each document, as converted from its PDF, with every figure quoted on this site highlighted.</p>
<ul class="link-list">${documents.map((d) => html`<li><a href="${documentPath(d.file)}">${d.title}</a> — ${d.publisher}${d.publisherAddress && html` (<a href="${d.publisherAddress}">${d.publisherAddress.replace(/^https?:\/\/(www\.)?|\/$/g, "")}</a>)`}; ${formatCount(measures.filter((m) => m.document === d.file).length)} figures</li>`)}</ul>
<h2 id="download">Download</h2>
<ul>
<li><a href="/downloads/${FIGURE_DOWNLOAD.name}.csv" download>${FIGURE_DOWNLOAD.name}.csv</a> (CSV): every figure with what open data shows, the difference, the verdict and the reasons.</li>
<li><a href="/downloads/${FIGURE_DOWNLOAD.name}.parquet" download>${FIGURE_DOWNLOAD.name}.parquet</a> (Parquet, zstd): the same.</li>
<li>What each column means: <a href="/data#${FIGURE_DOWNLOAD.name}">the data dictionary</a>. The published figures alone: <a href="/data#published-measures">published-measures</a>.</li>
</ul>`),
    clientScript([chartClient(0), {module: "./figures/filter.js", call: "filterFigures"}]));
}

