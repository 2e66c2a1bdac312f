// A local area page (/areas/<slug>): the area's story for residents and its Community Safety Partnership,
// every number computed from the snapshot (facts.ts) or cited from a published report.
import {formatCount, formatMonth, formatPercent, formatRate} from "../../src/components/format.ts";
import {withExtracts} from "../extracts/query.ts";
import {force} from "../lib/force.ts";
import {describeMonths, numberWord, periodWords} from "../lib/words.ts";
import {figurePath, headlineCards, storyLink, tableRegion, type HeadlineCard, type TableRow} from "../site/components.ts";
import {chartHtml} from "../site/chart-html.ts";
import {deferredHtml, escapeText, html, type Html} from "../site/html.ts";
import {AREAS_STYLE, chartClient, clientScript, MAIN_ID, page, pageExists} from "../site/page.ts";
import {publishedStory} from "../stories/registry.ts";
import {areaCharts, FORCE_LABEL} from "./charts.ts";
import {deprivationSection} from "./deprivation-section.ts";
import {areaDownloadPath} from "./downloads.ts";
import {areaFacts, factsFor, VIOLENCE, DRUGS, type AllFacts, type AreaFacts} from "./facts.ts";
import {briefRows, briefSentences, changeSentence, headlineSentences, trendSentence} from "./narrative.ts";
import {documentTitles, periodText, publishedMeasuresFor, quoteText, valueText, type PublishedMeasure} from "./published.ts";
import {areaVerdictBlock} from "./verdict-block.ts";

const signedPercent = (before: number, after: number) => (before ? `${after >= before ? "+" : "−"}${formatPercent((after - before) / before)}` : "–");

function rateTable(all: AllFacts, f: AreaFacts): Html {
  const rows: TableRow[] = [...all.areas].sort((a, b) => b.crimeRate - a.crimeRate).map((a) => {
    const me = a.area.slug === f.area.slug;
    return {
      header: me ? html`<strong>${a.area.name}</strong> (this area)` : html`<a href="/areas/${a.area.slug}">${a.area.name}</a>`,
      cells: [formatCount(a.area.population), formatCount(a.crime), formatRate(a.crimeRate), formatCount(a.asb), formatRate(a.asbRate)],
      className: me ? "is-this" : undefined
    };
  });
  rows.push({header: FORCE_LABEL, className: "is-force",
    cells: [formatCount(all.force.population), formatCount(all.force.crime), formatRate(all.force.crimeRate), formatCount(all.force.asb), formatRate(all.force.asbRate)]});
  return tableRegion({id: "rate-table", className: "rate-table", testId: "rate-table",
    caption: `Crime and anti-social behaviour per 1,000 residents, ${periodWords(all.last12)}, the ${numberWord(all.areas.length)} areas (highest crime rate first)`,
    columns: [{label: "Area"}, {label: "Residents (Census 2021)", numeric: true}, {label: "Crimes", numeric: true}, {label: "Crimes per 1,000", numeric: true},
      {label: "Anti-social behaviour", numeric: true}, {label: "ASB per 1,000", numeric: true}],
    rows});
}

function headlines(all: AllFacts, f: AreaFacts): Html {
  const cards: HeadlineCard[] = [
    {number: formatCount(f.crime), measure: "crime-count", text: "crimes, not counting anti-social behaviour.",
      detail: html`<span data-measure="crime-rate">${formatRate(f.crimeRate)}</span> per 1,000 residents; force ${formatRate(all.force.crimeRate)}`},
    {number: formatCount(f.asb), measure: "asb-count", text: "anti-social behaviour incidents.",
      detail: html`<span data-measure="asb-rate">${formatRate(f.asbRate)}</span> per 1,000 residents; force ${formatRate(all.force.asbRate)}`}
  ];
  if (all.compare.after.length) cards.push({number: signedPercent(f.totalsBefore.crime, f.totalsAfter.crime), measure: "crime-change",
    text: html`change in crime, ${periodWords(all.compare.after)} against ${periodWords(all.compare.before)} (<span data-measure="crime-before">${formatCount(f.totalsBefore.crime)}</span> to <span data-measure="crime-after">${formatCount(f.totalsAfter.crime)}</span>; force ${signedPercent(all.force.totalsBefore.crime, all.force.totalsAfter.crime)})`});
  if (f.roads.year) cards.push({number: formatCount(f.roads.ksi), measure: "ksi", text: `road collisions in ${f.roads.year} in which someone was killed or seriously injured.`,
    detail: `${formatRate(f.roads.ksiRate)} per 100,000 residents; force ${formatRate(all.force.roads.ksiRate)}`});
  return headlineCards(`Headline numbers for ${f.area.name}, ${periodWords(all.last12)}`, cards, "card-grid area-headlines");
}

function roadsTable(all: AllFacts, f: AreaFacts): Html {
  const r = f.roads, fr = all.force.roads, p = f.area.population, fp = all.force.population;
  const row = (header: Html | string, a: number, forceCount: number) => ({header,
    cells: [formatCount(a), formatRate((a / p) * 100_000), formatCount(forceCount), formatRate((forceCount / fp) * 100_000)]});
  return tableRegion({id: "roads-table", caption: `Road collisions reported to police by severity, ${r.year}`,
    columns: [{label: "Most severe injury"}, {label: f.area.name, numeric: true}, {label: "Per 100,000 residents", numeric: true}, {label: force.place, numeric: true}, {label: "Per 100,000 residents", numeric: true}],
    rows: [row("Fatal", r.fatal, fr.fatal), row("Serious", r.serious, fr.serious), row("Slight", r.slight, fr.slight),
      row(html`<strong>Killed or seriously injured (KSI)</strong>`, r.ksi, fr.ksi), row("All injury collisions", r.collisions, fr.collisions)]});
}

function briefTable(all: AllFacts, f: AreaFacts): Html {
  const hasChange = all.compare.after.length > 0;
  const count = (n: number | null) => (n === null ? "–" : formatCount(n));
  return tableRegion({id: "brief-table", caption: `Violence, drugs and anti-social behaviour in ${f.area.name}, ${periodWords(all.last12)}`,
    columns: [{label: "Type"}, {label: "Recorded", numeric: true}, {label: "Per 1,000 residents", numeric: true}, {label: "Force per 1,000", numeric: true},
      ...(hasChange ? [{label: periodWords(all.compare.before), numeric: true}, {label: periodWords(all.compare.after), numeric: true}] : [])],
    rows: briefRows(all, f).map((r) => ({header: r.label,
      cells: [formatCount(r.count), formatRate(r.rate), formatRate(r.forceRate), ...(hasChange ? [count(r.before), count(r.after)] : [])]}))});
}

function publishedItem(m: PublishedMeasure, title: string): Html {
  const recommendation = m.unit === "recommendation";
  const sentence = (t: string) => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);
  return html`<li>
<p class="published-measure"><strong>${recommendation ? m.measure.replace(/^Recommended priority:\s*/i, "") : m.measure}</strong>: ${valueText(m)}${m.period && html` <span class="muted">(${periodText(m.period)})</span>`}${m.comparison && `; ${m.comparison}`}</p>
${m.quote && html`<blockquote><p>“${quoteText(m.quote)}”</p></blockquote>`}
<p class="published-cite">Source: <a href="${figurePath(m.id)}">${title}${m.section && html`, section “${m.section}”`}</a>.<span class="published-detail">${m.definition && !recommendation && ` What it counts: ${sentence(m.definition)}`}${m.notes && ` Note: ${sentence(m.notes)}`}</span></p>
</li>`;
}

function publishedSection(f: AreaFacts, measures: PublishedMeasure[]): Html {
  if (!measures.length) return html``;
  const titles = documentTitles();
  const documents = [...new Set(measures.map((m) => m.document))];
  return html`<h2 id="published">What local reports say about ${f.area.name}</h2>
<p>These figures are quoted from published reports, with the document and section they come from. They use the reports' own definitions and periods (often financial years), so they will not match the police.uk counts above, and figures from different surveys or definitions are not combined. Each source links to the figure on the <a href="/figures">published figures page</a>, which sets it beside what open data shows.</p>
<p class="print-only">Printed without the reports' wording, definitions and notes for each figure: they are on the page online.</p>
${documents.map((d) => {
    const title = titles.get(d) ?? d;
    const mine = measures.filter((m) => m.document === d);
    const priorities = mine.filter((m) => m.unit === "recommendation"), figures = mine.filter((m) => m.unit !== "recommendation");
    return html`<h3 class="published-document">${title}</h3>
${figures.length > 0 && html`<ul class="published-list">${figures.map((m) => publishedItem(m, title))}</ul>`}
${priorities.length > 0 && html`<h4>Recommended priorities</h4><ul class="published-list">${priorities.map((m) => publishedItem(m, title))}</ul>`}`;
  })}`;
}

interface CompareMeasure {
  label: string;
  value: (f: AreaFacts) => string;
  force: string;
}

function compareMeasures(all: AllFacts): CompareMeasure[] {
  const period = periodWords(all.last12);
  const typeRate = (f: AreaFacts, t: string) => formatRate(f.types.find((x) => x.crimeType === t)?.rate ?? 0);
  const forceType = (t: string) => formatRate(all.force.types.find((x) => x.crimeType === t)?.rate ?? 0);
  return [
    {label: "Residents (Census 2021)", value: (f) => formatCount(f.area.population), force: formatCount(all.force.population)},
    {label: `Crimes, ${period}`, value: (f) => formatCount(f.crime), force: formatCount(all.force.crime)},
    {label: "Crimes per 1,000 residents", value: (f) => formatRate(f.crimeRate), force: formatRate(all.force.crimeRate)},
    {label: `Anti-social behaviour, ${period}`, value: (f) => formatCount(f.asb), force: formatCount(all.force.asb)},
    {label: "Anti-social behaviour per 1,000 residents", value: (f) => formatRate(f.asbRate), force: formatRate(all.force.asbRate)},
    ...(all.compare.after.length ? [{label: `Change in crime, ${periodWords(all.compare.after)} against ${periodWords(all.compare.before)}`,
      value: (f: AreaFacts) => signedPercent(f.totalsBefore.crime, f.totalsAfter.crime), force: signedPercent(all.force.totalsBefore.crime, all.force.totalsAfter.crime)}] : []),
    {label: "Violence and sexual offences per 1,000 residents", value: (f) => typeRate(f, VIOLENCE), force: forceType(VIOLENCE)},
    {label: "Drug offences per 1,000 residents", value: (f) => typeRate(f, DRUGS), force: forceType(DRUGS)},
    {label: "Largest crime category", value: (f) => f.types[0].crimeType, force: all.force.types[0].crimeType},
    ...(all.force.roads.year ? [{label: `Killed or seriously injured road collisions per 100,000 residents, ${all.force.roads.year}`,
      value: (f: AreaFacts) => formatRate(f.roads.ksiRate), force: formatRate(all.force.roads.ksiRate)}] : [])
  ];
}

function compareSection(all: AllFacts, f: AreaFacts): Html {
  const others = all.areas.filter((a) => a.area.slug !== f.area.slug);
  const measures = compareMeasures(all);
  const panel = (o: AreaFacts) => html`<section class="compare-panel" id="compare-${o.area.slug}" data-compare="${o.area.slug}" aria-labelledby="compare-${o.area.slug}-heading">
<h3 id="compare-${o.area.slug}-heading">${f.area.name} and ${o.area.name} side by side</h3>
${tableRegion({id: `compare-${o.area.slug}`, captionHidden: true, caption: `${f.area.name} compared with ${o.area.name} and ${force.place}`,
    columns: [{label: "Measure"}, {label: f.area.name, numeric: true}, {label: o.area.name, numeric: true}, {label: force.place, numeric: true}],
    rows: measures.map((m) => ({header: m.label, cells: [m.value(f), m.value(o), m.force]}))})}
<p><a href="/areas/${o.area.slug}">Read the ${o.area.name} page</a></p></section>`;
  return html`<div class="compare" data-area="${f.area.slug}">
<h2 id="compare">Compare ${f.area.name} with another area</h2>
<p>Choose an area to see its main figures beside ${f.area.name}'s and the force's.</p>
<div class="compare-picker" hidden><label for="compare-select">Compare ${f.area.name} with</label>
<select id="compare-select"><option value="">Choose an area</option>${others.map((o) => html`<option value="${o.area.slug}">${o.area.name}</option>`)}</select></div>
<ul class="compare-links" aria-label="Areas to compare with ${f.area.name}">${others.map((o) => html`<li><a href="#compare-${o.area.slug}">${o.area.name}</a></li>`)}</ul>
<p class="visually-hidden" aria-live="polite" id="compare-status"></p>
<div class="compare-panels">${others.map(panel)}</div>
</div>`;
}

/** The whole page as Markdown for Framework. */
export async function areaPage(slug: string): Promise<string> {
  const all = await withExtracts((db) => areaFacts(db));
  const f = factsFor(all, slug);
  const charts = (await areaCharts.load()).byArea[slug];
  const chart = (spec: typeof charts.trend) => chartHtml(spec, {headingLevel: 3});
  const period = periodWords(all.last12);
  const measures = await publishedMeasuresFor(f.area.code);
  const brief = briefSentences(all, f);
  const top = f.outcomes[0];
  const sections: [string, string][] = [
    ["headlines", "Headlines"], ["compared", "Compared with the other areas"], ["trend", "Month by month"], ["changes", "What changed on a year earlier"],
    ["where", "Where crimes were recorded"], ["deprivation", "Crime and deprivation"], ["roads", "Roads"], ["in-brief", "Violence, drugs and anti-social behaviour"], ["outcomes", "What happened next"],
    ...(measures.length ? [["published", "What local reports say"] as [string, string]] : []),
    ["compare", "Compare with another area"], ["data", "Get the data"], ["caveats", "About these numbers"]
  ];
  // Everything below the first screen (the headlines) is parsed after the first paint (deferredHtml: ordinary
  // HTML without JavaScript), so the headlines paint without waiting for the rest of a long page: the comparison's
  // table and two charts alone put the first paint 40 ms later (bench/README.md, section 3).
  const later = html`<h2 id="compared">Compared with the other areas</h2>
<p>Rates per 1,000 residents put areas of different sizes on the same footing. ${f.area.name} is highlighted; the grey bar is ${force.place} as a whole.</p>
${rateTable(all, f)}
<p class="print-only">Printed without this table: its numbers are in the data tables of the two rate charts that follow.</p>
${chart(charts.crimeRates)}
${chart(charts.asbRates)}
<h2 id="trend">Month by month</h2>
${chart(charts.trend)}
<h2 id="changes">What changed on a year earlier</h2>
<p>${changeSentence(all, f)}</p>
${chart(charts.changes)}
<h2 id="where">Where crimes were recorded</h2>
<p>The map shows how many crimes police.uk located in each small area (LSOA) of ${f.area.name}. police.uk moves each location to a nearby street or public place to protect victims' privacy, so a point is never an exact address.</p>
${chart(charts.map)}
${await deprivationSection(f.area.code, chart(charts.deprivation))}
<h2 id="roads">Roads</h2>
${f.roads.year ? html`${roadsTable(all, f)}
${chart(charts.roads)}
${storyLink(publishedStory("roads"), "More on road safety across the force area:")}` : html`<p>This snapshot has no road collision data.</p>`}
<h2 id="in-brief">Violence, drugs and anti-social behaviour</h2>
${briefTable(all, f)}
<h3>Violence and sexual offences</h3><p>${brief.violence}</p>
${storyLink(publishedStory("vawg"), "On violence against women and girls:")}
<h3>Drugs</h3><p>${brief.drugs}</p>
${storyLink(publishedStory("county-lines"), "On drugs and exploitation:")}
<h3>Anti-social behaviour</h3><p>${brief.asb}</p>
<h2 id="outcomes">What happened next</h2>
<p>For each crime, police.uk gives the latest outcome the force had recorded. In ${f.area.name}, the most common was “${top.outcome}”: ${formatPercent(top.share)} of ${formatCount(f.outcomeTotal)} crimes.</p>
${chart(charts.outcomes)}
${storyLink(publishedStory("victims"), "On victims and how they are kept informed:")}
${publishedSection(f, measures)}
${compareSection(all, f)}
<h2 id="data">Get the data</h2>
<ul class="link-list">
<li><a href="${areaDownloadPath(slug)}" download data-testid="area-csv">Crime and anti-social behaviour in ${f.area.name} by month, LSOA and type (CSV)</a>: every police.uk record located in ${f.area.name} in the snapshot (${describeMonths(all.months)}), counted.</li>
<li>Each chart above has its own data (CSV), image and embed links.</li>
${pageExists("/data") && html`<li><a href="/data">All data and downloads</a>, with a data dictionary.</li>`}
</ul>
<h2 id="caveats">About these numbers</h2>
<ul class="caveat-list">
<li><strong>Not official statistics.</strong> police.uk publishes street-level records of crime and anti-social behaviour. They are not the Home Office's police recorded crime statistics, which are counted differently and published for whole Community Safety Partnerships by financial year.</li>
<li><strong>Rates</strong> divide counts by the Census 2021 population (usual residents, rounded to the nearest 100). Areas with many visitors, such as town centres, have high rates for their size.</li>
<li><strong>Places</strong> are assigned by the LSOA police.uk gives for each record, never by guessing from the location. ${formatCount(all.force.noLocation)} records in the latest 12 months had no location and ${formatCount(all.force.outside)} fell just outside the force area; they are in no area's count.</li>
<li><strong>Months can be revised.</strong> police.uk updates past months as records are reclassified; the last outcome of a crime can change later.</li>
<li><strong>Locations are anonymised</strong> to a nearby street or public place.</li>
<li><strong>Roads</strong>: STATS19 counts injury collisions reported to police; the force's own KSI figures are counted differently.</li>
<li>Data to ${formatMonth(all.latest)}. This snapshot holds ${describeMonths(all.months)} of police.uk data.</li>
</ul>
<p class="back-to-top no-print"><a href="#${MAIN_ID}">Back to top</a></p>`;
  return page({title: `${f.area.name}: crime, anti-social behaviour and road safety`, toc: false, style: AREAS_STYLE},
    html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/areas/">Local areas</a></li><li aria-current="page">${f.area.name}</li></ol></nav>`,
    `# ${escapeText(f.area.name)}`,
    // A phone's first screen holds the headline numbers and the trend: the contents are one line until opened.
    html`<p class="lede trend-sentence">${trendSentence(all, f)}</p>`,
    html`<h2 id="headlines">Headlines: ${period}</h2>`,
    headlines(all, f),
    await areaVerdictBlock(f.area.code),
    html`<div class="area-tools no-print"><details class="area-contents"><summary>On this page</summary><nav aria-label="On this page"><ol>${sections.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ol></nav></details><button type="button" class="print-button" hidden>Print this page</button></div>`,
    html`${headlineSentences(all, f).map((s) => html`<p>${s}</p>`)}`,
    html`<p class="caveat">Figures are for ${period} unless a section says otherwise. ${f.area.name} is one of the ${numberWord(all.areas.length)} Community Safety Partnership areas in ${force.place}; ${formatCount(f.area.population)} people live here (Census 2021). These are records published on police.uk: they are not the Home Office's official recorded crime statistics, which are counted differently. Rates per 1,000 residents use the Census 2021 population. police.uk revises past months, so numbers can change a little.</p>`,
    // In one block, so the back-to-top link at its end sticks to the screen only while these sections are in view.
    deferredHtml(html`<div class="area-sections">
${later}
</div>`),
    clientScript([chartClient(1), {module: "./area-client.js", call: "enhanceAreaPage"}]));
}
