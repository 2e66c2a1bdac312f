// A local area page (/areas/<slug>): the area's story for residents and its Community Safety Partnership,
// every number computed from the snapshot (loaders/areas/facts.ts) or cited from a published report.
import {formatCount, formatMonth, formatPercent, formatRate} from "../../src/components/format.ts";
import {areaFacts, factsFor, VIOLENCE, DRUGS, type AllFacts, type AreaFacts} from "../areas/facts.ts";
import {areaDownloadPath} from "../areas/downloads.ts";
import {briefRows, briefSentences, changeSentence, headlineSentences} from "../areas/narrative.ts";
import {documentTitles, periodText, publishedMeasuresFor, quoteText, valueText, type PublishedMeasure} from "../areas/published.ts";
import {chartId, describeMonths, FORCE_LABEL, periodWords} from "../charts/areas.ts";
import {getChart} from "../charts/catalogue.ts";
import {force} from "../lib/force.ts";
import {withExtracts} from "../extracts/query.ts";
import {chartHtml, deferredHtml, esc} from "../site/html.ts";
import {AREAS_STYLE, chartClient, clientScript, page, pageExists, STORIES} from "./markdown.ts";

/** One line of HTML (a blank line would end an HTML block in Markdown). */
const html = (s: string) => s.replace(/\n\s*/g, " ").trim();
const story = (path: string) => STORIES.find((s) => s.path === path && pageExists(s.path));
const storyLink = (path: string, lead: string) => {
  const s = story(path);
  return s ? `<p class="story-link">${esc(lead)} <a href="${s.path}">${esc(s.title)}</a>.</p>` : "";
};
const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : "0");
const signedPercent = (before: number, after: number) => (before ? `${after >= before ? "+" : "−"}${formatPercent((after - before) / before)}` : "–");

function rateTable(all: AllFacts, f: AreaFacts): string {
  const period = periodWords(all.last12);
  const rows = [...all.areas].sort((a, b) => b.crimeRate - a.crimeRate).map((a) => {
    const me = a.area.slug === f.area.slug;
    return `<tr${me ? ' class="is-this"' : ""}><th scope="row">${me ? `<strong>${esc(a.area.name)}</strong> (this area)` : `<a href="/areas/${a.area.slug}">${esc(a.area.name)}</a>`}</th>
      <td class="num">${formatCount(a.area.population)}</td><td class="num">${formatCount(a.crime)}</td><td class="num">${formatRate(a.crimeRate)}</td>
      <td class="num">${formatCount(a.asb)}</td><td class="num">${formatRate(a.asbRate)}</td></tr>`;
  });
  rows.push(`<tr class="is-force"><th scope="row">${esc(FORCE_LABEL)}</th><td class="num">${formatCount(all.force.population)}</td>
    <td class="num">${formatCount(all.force.crime)}</td><td class="num">${formatRate(all.force.crimeRate)}</td>
    <td class="num">${formatCount(all.force.asb)}</td><td class="num">${formatRate(all.force.asbRate)}</td></tr>`);
  return html(`<div class="table-scroll" role="region" aria-labelledby="rate-table-caption" tabindex="0"><table class="rate-table" data-testid="rate-table">
    <caption id="rate-table-caption">Crime and anti-social behaviour per 1,000 residents, ${esc(period)}, the nine areas (highest crime rate first)</caption>
    <thead><tr><th scope="col">Area</th><th scope="col" class="num">Residents (Census 2021)</th><th scope="col" class="num">Crimes</th><th scope="col" class="num">Crimes per 1,000</th>
    <th scope="col" class="num">Anti-social behaviour</th><th scope="col" class="num">ASB per 1,000</th></tr></thead>
    <tbody>${rows.join("")}</tbody></table></div>`);
}

function headlineCards(all: AllFacts, f: AreaFacts): string {
  const period = periodWords(all.last12);
  const change = all.compare.after.length ? `<li><span class="headline-number" data-measure="crime-change">${signedPercent(f.totalsBefore.crime, f.totalsAfter.crime)}</span>
      change in crime, ${esc(periodWords(all.compare.after))} against ${esc(periodWords(all.compare.before))}
      (<span data-measure="crime-before">${formatCount(f.totalsBefore.crime)}</span> to <span data-measure="crime-after">${formatCount(f.totalsAfter.crime)}</span>;
      force ${signedPercent(all.force.totalsBefore.crime, all.force.totalsAfter.crime)})</li>` : "";
  return html(`<ul class="card-grid area-headlines" aria-label="Headline numbers for ${esc(f.area.name)}, ${esc(period)}">
    <li><span class="headline-number" data-measure="crime-count">${formatCount(f.crime)}</span> crimes, not counting anti-social behaviour.
      <span class="headline-rate"><span data-measure="crime-rate">${formatRate(f.crimeRate)}</span> per 1,000 residents; force ${formatRate(all.force.crimeRate)}</span></li>
    <li><span class="headline-number" data-measure="asb-count">${formatCount(f.asb)}</span> anti-social behaviour incidents.
      <span class="headline-rate"><span data-measure="asb-rate">${formatRate(f.asbRate)}</span> per 1,000 residents; force ${formatRate(all.force.asbRate)}</span></li>
    ${change}
    ${f.roads.year ? `<li><span class="headline-number" data-measure="ksi">${formatCount(f.roads.ksi)}</span> road collisions in ${f.roads.year} in which someone was killed or seriously injured.
      <span class="headline-rate">${formatRate(f.roads.ksiRate)} per 100,000 residents; force ${formatRate(all.force.roads.ksiRate)}</span></li>` : ""}
  </ul>`);
}

function roadsTable(all: AllFacts, f: AreaFacts): string {
  const row = (label: string, a: number, force_: number, pop: number, forcePop: number) =>
    `<tr><th scope="row">${label}</th><td class="num">${formatCount(a)}</td><td class="num">${formatRate((a / pop) * 100_000)}</td><td class="num">${formatCount(force_)}</td><td class="num">${formatRate((force_ / forcePop) * 100_000)}</td></tr>`;
  const r = f.roads, fr = all.force.roads, p = f.area.population, fp = all.force.population;
  return html(`<div class="table-scroll" role="region" aria-labelledby="roads-table-caption" tabindex="0"><table>
    <caption id="roads-table-caption">Road collisions reported to police by severity, ${r.year}</caption>
    <thead><tr><th scope="col">Most severe injury</th><th scope="col" class="num">${esc(f.area.name)}</th><th scope="col" class="num">Per 100,000 residents</th>
    <th scope="col" class="num">${esc(force.place)}</th><th scope="col" class="num">Per 100,000 residents</th></tr></thead>
    <tbody>${row("Fatal", r.fatal, fr.fatal, p, fp)}${row("Serious", r.serious, fr.serious, p, fp)}${row("Slight", r.slight, fr.slight, p, fp)}
    ${row("<strong>Killed or seriously injured (KSI)</strong>", r.ksi, fr.ksi, p, fp)}${row("All injury collisions", r.collisions, fr.collisions, p, fp)}</tbody></table></div>`);
}

function briefTable(all: AllFacts, f: AreaFacts): string {
  const rows = briefRows(all, f);
  const hasChange = all.compare.after.length > 0;
  const before = periodWords(all.compare.before), after = periodWords(all.compare.after);
  return html(`<div class="table-scroll" role="region" aria-labelledby="brief-table-caption" tabindex="0"><table>
    <caption id="brief-table-caption">Violence, drugs and anti-social behaviour in ${esc(f.area.name)}, ${esc(periodWords(all.last12))}</caption>
    <thead><tr><th scope="col">Type</th><th scope="col" class="num">Recorded</th><th scope="col" class="num">Per 1,000 residents</th><th scope="col" class="num">Force per 1,000</th>
    ${hasChange ? `<th scope="col" class="num">${esc(before)}</th><th scope="col" class="num">${esc(after)}</th>` : ""}</tr></thead>
    <tbody>${rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th><td class="num">${formatCount(r.count)}</td><td class="num">${formatRate(r.rate)}</td><td class="num">${formatRate(r.forceRate)}</td>
      ${hasChange ? `<td class="num">${r.before === null ? "–" : formatCount(r.before)}</td><td class="num">${r.after === null ? "–" : formatCount(r.after)}</td>` : ""}</tr>`).join("")}</tbody></table></div>`);
}

function publishedItem(m: PublishedMeasure, title: string): string {
  const recommendation = m.unit === "recommendation";
  const sentence = (t: string) => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);
  return `<li>
  <p class="published-measure"><strong>${esc(recommendation ? m.measure.replace(/^Recommended priority:\s*/i, "") : m.measure)}</strong>: ${esc(valueText(m))}${m.period ? ` <span class="muted">(${esc(periodText(m.period))})</span>` : ""}${m.comparison ? `; ${esc(m.comparison)}` : ""}</p>
  ${m.quote ? `<blockquote><p>“${esc(quoteText(m.quote))}”</p></blockquote>` : ""}
  <p class="published-cite">Source: ${esc(title)}${m.section ? `, section “${esc(m.section)}”` : ""}.${m.definition && !recommendation ? ` What it counts: ${esc(sentence(m.definition))}` : ""}${m.notes ? ` Note: ${esc(sentence(m.notes))}` : ""}</p>
  </li>`;
}

function publishedSection(f: AreaFacts, measures: PublishedMeasure[]): string {
  if (!measures.length) return "";
  const titles = documentTitles();
  const documents = [...new Set(measures.map((m) => m.document))];
  return `<h2 id="published">What local reports say about ${esc(f.area.name)}</h2>

${html(`<p>These figures are quoted from published reports, with the document and section they come from. They use the reports' own definitions and periods (often financial years), so they will not match the police.uk counts above, and figures from different surveys or definitions are not combined.</p>`)}

${documents.map((d) => {
    const title = titles.get(d) ?? d;
    const mine = measures.filter((m) => m.document === d);
    const priorities = mine.filter((m) => m.unit === "recommendation"), figures = mine.filter((m) => m.unit !== "recommendation");
    return html(`<h3 class="published-document">${esc(title)}</h3>
      ${figures.length ? `<ul class="published-list">${figures.map((m) => publishedItem(m, title)).join("")}</ul>` : ""}
      ${priorities.length ? `<h4>Recommended priorities</h4><ul class="published-list">${priorities.map((m) => publishedItem(m, title)).join("")}</ul>` : ""}`);
  }).join("\n\n")}`;
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

function compareSection(all: AllFacts, f: AreaFacts): string {
  const others = all.areas.filter((a) => a.area.slug !== f.area.slug);
  const measures = compareMeasures(all);
  const panel = (o: AreaFacts) => html(`<section class="compare-panel" id="compare-${o.area.slug}" data-compare="${o.area.slug}" aria-labelledby="compare-${o.area.slug}-heading">
    <h3 id="compare-${o.area.slug}-heading">${esc(f.area.name)} and ${esc(o.area.name)} side by side</h3>
    <div class="table-scroll" role="region" aria-labelledby="compare-${o.area.slug}-caption" tabindex="0"><table>
    <caption id="compare-${o.area.slug}-caption" class="visually-hidden">${esc(f.area.name)} compared with ${esc(o.area.name)} and ${esc(force.place)}</caption>
    <thead><tr><th scope="col">Measure</th><th scope="col" class="num">${esc(f.area.name)}</th><th scope="col" class="num">${esc(o.area.name)}</th><th scope="col" class="num">${esc(force.place)}</th></tr></thead>
    <tbody>${measures.map((m) => `<tr><th scope="row">${esc(m.label)}</th><td class="num">${esc(m.value(f))}</td><td class="num">${esc(m.value(o))}</td><td class="num">${esc(m.force)}</td></tr>`).join("")}</tbody>
    </table></div>
    <p><a href="/areas/${o.area.slug}">Read the ${esc(o.area.name)} page</a></p></section>`);
  return `${html(`<div class="compare" data-area="${f.area.slug}">
  <h2 id="compare">Compare ${esc(f.area.name)} with another area</h2>
  <p>Choose an area to see its main figures beside ${esc(f.area.name)}'s and the force's.</p>
  <div class="compare-picker" hidden><label for="compare-select">Compare ${esc(f.area.name)} with</label>
    <select id="compare-select"><option value="">Choose an area</option>${others.map((o) => `<option value="${o.area.slug}">${esc(o.area.name)}</option>`).join("")}</select></div>
  <ul class="compare-links" aria-label="Areas to compare with ${esc(f.area.name)}">${others.map((o) => `<li><a href="?compare=${o.area.slug}#compare-${o.area.slug}">${esc(o.area.name)}</a></li>`).join("")}</ul>
  <p class="visually-hidden" aria-live="polite" id="compare-status"></p>
  <div class="compare-panels">${others.map(panel).join("")}</div>
</div>`)}`;
}

/** The whole page as Markdown for Framework. */
export async function areaPage(slug: string): Promise<string> {
  const all = await withExtracts((db) => areaFacts(db));
  const f = factsFor(all, slug);
  const chart = async (id: string) => chartHtml(await getChart(id), {headingLevel: 3});
  const period = periodWords(all.last12);
  const measures = await publishedMeasuresFor(f.area.code);
  const brief = briefSentences(all, f);
  const top = f.outcomes[0];
  const sections: [string, string][] = [
    ["headlines", "Headlines"], ["compared", "Compared with the other areas"], ["trend", "Month by month"], ["changes", "What changed on a year earlier"],
    ["where", "Where crimes were recorded"], ["roads", "Roads"], ["in-brief", "Violence, drugs and anti-social behaviour"], ["outcomes", "What happened next"],
    ...(measures.length ? [["published", "What local reports say"] as [string, string]] : []),
    ["compare", "Compare with another area"], ["data", "Get the data"], ["caveats", "About these numbers"]
  ];
  // Everything below the first screen (the headlines) is parsed after the first paint (deferredHtml: ordinary
  // HTML without JavaScript), so the headlines paint without waiting for the rest of a long page: the comparison's
  // table and two charts alone put the first paint 40 ms later (bench/README.md, section 3). It is one HTML block:
  // its first line is the <noscript> tag alone (else Markdown reads it as inline HTML in a paragraph), and it has
  // no blank line (Markdown would end the block there).
  const later = `<h2 id="compared">Compared with the other areas</h2>

${html(`<p>Rates per 1,000 residents put areas of different sizes on the same footing. ${esc(f.area.name)} is highlighted; the grey bar is ${esc(force.place)} as a whole.</p>`)}

${rateTable(all, f)}

${await chart(chartId.crimeRates(slug))}

${await chart(chartId.asbRates(slug))}

<h2 id="trend">Month by month</h2>

${await chart(chartId.trend(slug))}

<h2 id="changes">What changed on a year earlier</h2>

${html(`<p>${esc(changeSentence(all, f))}</p>`)}

${await chart(chartId.changes(slug))}

<h2 id="where">Where crimes were recorded</h2>

${html(`<p>The map shows how many crimes police.uk located in each small area (LSOA) of ${esc(f.area.name)}. police.uk moves each location to a nearby street or public place to protect victims' privacy, so a point is never an exact address.</p>`)}

${await chart(chartId.map(slug))}

<h2 id="roads">Roads</h2>

${f.roads.year ? `${roadsTable(all, f)}

${await chart(chartId.roads(slug))}

${storyLink("/stories/roads", "More on road safety across the force area:")}` : html(`<p>This snapshot has no road collision data.</p>`)}

<h2 id="in-brief">Violence, drugs and anti-social behaviour</h2>

${briefTable(all, f)}

${html(`<h3>Violence and sexual offences</h3><p>${esc(brief.violence)}</p>`)}

${storyLink("/stories/vawg", "On violence against women and girls:")}

${html(`<h3>Drugs</h3><p>${esc(brief.drugs)}</p>`)}

${storyLink("/stories/county-lines", "On drugs and exploitation:")}

${html(`<h3>Anti-social behaviour</h3><p>${esc(brief.asb)}</p>`)}

<h2 id="outcomes">What happened next</h2>

${html(`<p>For each crime, police.uk gives the latest outcome the force had recorded. In ${esc(f.area.name)}, the most common was “${esc(top.outcome)}”: ${formatPercent(top.share)} of ${formatCount(f.outcomeTotal)} crimes.</p>`)}

${await chart(chartId.outcomes(slug))}

${storyLink("/stories/victims", "On victims and how they are kept informed:")}

${publishedSection(f, measures)}

${compareSection(all, f)}

<h2 id="data">Get the data</h2>

${html(`<ul class="link-list">
  <li><a href="${areaDownloadPath(slug)}" data-testid="area-csv">Crime and anti-social behaviour in ${esc(f.area.name)} by month, LSOA and type (CSV)</a>: every police.uk record located in ${esc(f.area.name)} in the snapshot (${esc(describeMonths(all.months))}), counted.</li>
  <li>Each chart above has its own data (CSV), image and embed links.</li>
  ${pageExists("/data") ? `<li><a href="/data">All data and downloads</a>, with a data dictionary.</li>` : ""}
</ul>`)}

<h2 id="caveats">About these numbers</h2>

${html(`<ul class="caveat-list">
  <li><strong>Not official statistics.</strong> police.uk publishes street-level records of crime and anti-social behaviour. They are not the Home Office's police recorded crime statistics, which are counted differently and published for whole Community Safety Partnerships by financial year.</li>
  <li><strong>Rates</strong> divide counts by the Census 2021 population (usual residents, rounded to the nearest 100). Areas with many visitors, such as town centres, have high rates for their size.</li>
  <li><strong>Places</strong> are assigned by the LSOA police.uk gives for each record, never by guessing from the location. ${formatCount(all.force.noLocation)} records in the latest 12 months had no location and ${formatCount(all.force.outside)} fell just outside the force area; they are in no area's count.</li>
  <li><strong>Months can be revised.</strong> police.uk updates past months as records are reclassified; the last outcome of a crime can change later.</li>
  <li><strong>Locations are anonymised</strong> to a nearby street or public place.</li>
  <li><strong>Roads</strong>: STATS19 counts injury collisions reported to police; the force's own KSI figures are counted differently.</li>
  <li>Data to ${esc(formatMonth(all.latest))}. This snapshot holds ${esc(describeMonths(all.months))} of police.uk data.</li>
</ul>`)}`;
  return page({title: `${f.area.name}: crime, anti-social behaviour and road safety`, toc: false, style: AREAS_STYLE}, `
${html(`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/areas/">Local areas</a></li><li aria-current="page">${esc(f.area.name)}</li></ol></nav>`)}

# ${esc(f.area.name)}

${html(`<p class="lede">Crime, anti-social behaviour and road safety in ${esc(f.area.name)}, one of the ${all.areas.length === 9 ? "nine" : formatCount(all.areas.length)} Community Safety Partnership areas in ${esc(force.place)}. ${formatCount(f.area.population)} people live here (Census 2021). Figures are for ${esc(period)} unless a section says otherwise.</p>`)}

${html(`<div class="area-tools no-print"><button type="button" class="print-button" hidden>Print this page</button></div>`)}

${html(`<nav class="area-contents" aria-labelledby="contents-heading"><h2 id="contents-heading" class="contents-heading">On this page</h2><ol>${sections.map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`).join("")}</ol></nav>`)}

<h2 id="headlines">Headlines: ${esc(period)}</h2>

${headlineCards(all, f)}

${html(headlineSentences(all, f).map((s) => `<p>${esc(s)}</p>`).join(""))}

${html(`<p class="caveat">These are records published on police.uk: they are not the Home Office's official recorded crime statistics, which are counted differently. Rates per 1,000 residents use the Census 2021 population. police.uk revises past months, so numbers can change a little.</p>`)}

${deferredHtml("\n" + later.replaceAll(/\n\s*\n/g, "\n"))}

${clientScript([chartClient(1), {module: "./area-client.js", call: "enhanceAreaPage"}])}
`);
}
